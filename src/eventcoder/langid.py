"""Language of an article: French, English or Arabic, else ``und``.

A stopword-ratio rule is enough to route an article to the right language resources and
needs no model: news prose is dense in function words. Arabic is told by its script first.
The word lists are data (``data/<lang>/stopwords.txt``), so adding a language is a data
change plus its code in ``LATIN_LANGUAGES``.
"""

from __future__ import annotations

import re
from functools import cache
from importlib.resources import files

LATIN_LANGUAGES = ("fr", "en")
MIN_WORDS = 3
MIN_RATIO = 0.12
ARABIC_SCRIPT_RATIO = 0.5

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_ARABIC = re.compile(r"[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]")


@cache
def stopwords(lang: str) -> frozenset[str]:
    """The function words of ``lang``; comment lines start with ``#``."""
    path = files("eventcoder") / "data" / lang / "stopwords.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip() for w in lines if w.strip() and not w.startswith("#"))


def _ratio(words: list[str], lang: str) -> float:
    vocab = stopwords(lang)
    return sum(w in vocab for w in words) / len(words)


def detect(text: str) -> str:
    """``fr``, ``en``, ``ar`` or ``und`` (too short, or no known language fits)."""
    sample = text[:20_000]
    letters = [c for c in sample if c.isalpha()]
    if not letters:
        return "und"
    words = [w.lower() for w in _WORD.findall(sample)]
    arabic = sum(1 for c in letters if _ARABIC.match(c)) / len(letters)
    if arabic >= ARABIC_SCRIPT_RATIO:
        # Another Arabic-script language (Persian, Urdu) has few Arabic function words.
        long_enough = len(words) >= 20
        return "ar" if not long_enough or _ratio(words, "ar") >= 0.05 else "und"
    if len(words) < MIN_WORDS:
        return "und"
    best, score = max(((lang, _ratio(words, lang)) for lang in LATIN_LANGUAGES),
                      key=lambda p: p[1])
    return best if score >= MIN_RATIO else "und"
