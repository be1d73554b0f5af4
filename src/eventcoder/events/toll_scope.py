"""Running totals: a figure told over a period ("depuis 2015", "en dix ans", "au cours des
dernières années") sums up a war or a campaign; it is never one occurrence's toll."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from eventcoder.events import lexicon

if TYPE_CHECKING:
    from spacy.tokens import Doc

_STOP = {".", ";", ":", "?", "!"}


def cumulative(doc: Doc, i: int, start: int, end: int) -> bool:
    """"plus de 1 400 morts depuis 2015", "Depuis 2012, les violences ont fait des milliers
    de morts": a running total, not one occurrence's toll."""
    if any(t.lower_ == "depuis" for t in doc[i + 1:min(end, i + 4)]):
        return True
    return any(t.lower_ == "depuis" and t.i + 1 < len(doc) and doc[t.i + 1].like_num
               and not _superlative(doc, t.i, start) for t in doc[start:i])


def running_total(doc: Doc, lo: int, hi: int, start: int, end: int, lang: str) -> bool:
    """"où elle a fait depuis quelque 40 000 morts", "1 000 morts en dix ans", "tués au
    cours des dernières années": a period phrase in the toll's own clause (up to a comma)
    makes the figure a running total; a toll told beside it in another clause ("a fait 12
    morts, portant à 300 le nombre de victimes depuis janvier") keeps its own."""
    left = lo
    while left - 1 >= max(start, lo - 3) and doc[left - 1].text not in _CLAUSE_STOP:
        left -= 1
    right = hi + 1
    while right < min(end, hi + 8) and doc[right].text not in _CLAUSE_STOP:
        right += 1
    words = doc[left:right].text.lower().replace("’", "'")
    if _superlative(doc, left, start):
        return False
    return any(re.search(p, words) for p in lexicon.load("casualties", lang).get(
        "tally_phrases", []))


_CLAUSE_STOP = _STOP | {",", "--", "—", "(", ")"}


def _superlative(doc: Doc, i: int, start: int) -> bool:
    """"l'attaque la plus meurtrière depuis 2015": a ranking, not a running total."""
    return any(t.lower_ in ("plus", "pire", "pires") for t in doc[max(start, i - 5):i])
