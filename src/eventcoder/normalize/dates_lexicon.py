"""The per-language date lexicon (data/<lang>/dates.yaml), loaded once and turned into regex.

Words are data so that a language is added by writing a yaml file. The helpers here make a
word list match the way news text really spells it: with or without accents, with ' or ’,
with or without the hyphen, abbreviated with or without the final dot.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from eventcoder import yamlio


def strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=4096)
def norm(text: str) -> str:
    """The lookup key of a matched word: case, accents, quotes, dots and hyphens removed."""
    text = strip_accents(text).casefold().replace("’", "'").replace(".", "")
    text = re.sub(r"[-‐‑–\s]+", " ", text)
    return re.sub(r"\s*'\s*", "'", text).strip()


def _units(word: str, dot_required: bool = False) -> list[str]:
    """One lexicon entry as regex units, one per character, tolerant of the spellings above."""
    out: list[str] = []
    for ch in word.lower().rstrip("."):
        base = strip_accents(ch)
        if ch in "'’":
            out.append(r"['’]\s?")
        elif ch == " ":
            out.append(r"\s+")
        elif ch == "-":
            out.append(r"[-‐‑\s]?")
        elif base != ch:
            out.append(f"[{ch}{base}]")
        else:
            out.append(re.escape(ch))
    if word.endswith("."):
        out.append(r"\." if dot_required else r"\.?")
    return out


_END = ""


def _trie_regex(node: dict[str, Any]) -> str:
    """A trie of units as nested groups: the regex engine then tries each prefix once."""
    ends = _END in node
    branches = [unit + _trie_regex(child) for unit, child in node.items() if unit != _END]
    if not branches:
        return ""
    # longest branches first, so that the engine prefers "avant-hier" to "hier"
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends:
        return f"(?:{body})?"
    return body


def alternation(words: list[str] | tuple[str, ...], dot_required: bool = False) -> str:
    """All ``words`` as one regex; a longer spelling is preferred to its prefix.

    An abbreviation ("sept.") may drop its dot unless ``dot_required``: alone, without a
    day number before it, "sept" is the French seven and "may" the English verb.
    """
    if not words:
        return r"(?!x)x"  # matches nothing: the language has no such words
    root: dict[str, Any] = {}
    for word in words:
        node = root
        for unit in _units(word, dot_required):
            node = node.setdefault(unit, {})
        node[_END] = {}
    return "(?:" + _trie_regex(root) + ")"


def _lookup(table: dict[Any, list[str]]) -> dict[str, int]:
    return {norm(word): int(key) for key, words in table.items() for word in words}


@dataclass(frozen=True)
class Lexicon:
    """One language's date words, keyed by their normalised spelling."""

    lang: str
    raw: dict[str, Any]
    months: dict[str, int]
    weekdays: dict[str, int]
    hijri_months: dict[str, int]
    relative_days: dict[str, int]
    relative_periods: dict[str, tuple[str, int]]
    numbers: dict[str, int]
    units: dict[str, str]
    periods: dict[str, str]
    past: frozenset[str]
    future: frozenset[str]
    since: frozenset[str]
    until: frozenset[str]
    present: frozenset[str]

    def words(self, key: str) -> list[str]:
        """A plain word list of the yaml file (an empty list when the language has none)."""
        value = self.raw.get(key) or []
        if isinstance(value, dict):
            return [str(k) for k in value]
        return [str(v) for v in value]

    def table_words(self, key: str) -> list[str]:
        """Every spelling of a ``{number: [spellings]}`` table."""
        return [str(w) for words in (self.raw.get(key) or {}).values() for w in words]

    def day_word(self, text: str) -> int | None:
        return (self.raw.get("day_words") or {}).get(norm(text))


@lru_cache(maxsize=8)
def load_lexicon(lang: str) -> Lexicon:
    """The lexicon of ``lang``; unknown languages fall back to French (the corpus language)."""
    base = resources.files("eventcoder") / "data"
    path = base / lang / "dates.yaml"
    if not path.is_file():
        path = base / "fr" / "dates.yaml"
        lang = "fr"
    raw: dict[str, Any] = yamlio.safe_load(path.read_text(encoding="utf-8"))
    periods = {norm(w): kind for kind, words in raw["periods"].items() for w in words}
    return Lexicon(
        lang=lang,
        raw=raw,
        months=_lookup(raw["months"]),
        weekdays=_lookup(raw["weekdays"]),
        hijri_months=_lookup(raw["hijri_months"]),
        relative_days={norm(k): int(v) for k, v in raw["relative_days"].items()},
        relative_periods={
            norm(k): (str(v[0]), int(v[1])) for k, v in raw["relative_periods"].items()
        },
        numbers={norm(k): int(v) for k, v in (raw.get("numbers") or {}).items()},
        units={norm(k): str(v) for k, v in raw["units"].items()},
        periods=periods,
        past=frozenset(norm(w) for w in raw.get("past_after", []) + raw.get("past_before", [])),
        future=frozenset(
            norm(w) for w in raw.get("future_after", []) + raw.get("future_before", [])
        ),
        since=frozenset(norm(w) for w in raw.get("since_words", [])),
        until=frozenset(norm(w) for w in raw.get("until_words", [])),
        present=frozenset(norm(w) for w in raw.get("present_words", [])),
    )
