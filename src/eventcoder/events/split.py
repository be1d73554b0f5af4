"""Segments, elliptic and distributive counts: how many occurrences one sentence tells.

"une attaque ... en septembre et deux autres ... début décembre" names three attacks;
"deux attaques, l'une dans la province de X et l'autre dans celle de Y" names two at two
places. Each candidate owns the stretch of its sentence up to the next candidate (its
segment): the dates and places written there are its own.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from eventcoder.events import casualty_words, lexicon, quantities
from eventcoder.events.context import ArticleContext, within
from eventcoder.events.triggers import fold

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from eventcoder.events.detect import Candidate

_BREAK = re.compile(r",| et |;")


def elliptic(ctx: ArticleContext, cands: list[Candidate]) -> list[Candidate]:
    """"deux autres" after an event noun: that many more occurrences of the same kind."""
    from dataclasses import replace

    doc = ctx.doc
    out: list[Candidate] = []
    for i, tok in enumerate(doc):
        if fold(tok.lemma_) != "autre" or i == 0:
            continue
        n = quantities.number_value(doc[i - 1].lower_, ctx.lang)
        if not n or doc[i - 1].lower_ in ("l’", "l'"):
            continue
        if i + 1 < len(doc) and doc[i + 1].pos_ == "NOUN":
            continue  # "deux autres bus": a noun of its own, not an ellipsis
        where: list[tuple[int, int]] = []
        if _victims(doc, i, ctx.lang):
            where = _elsewhere(ctx, i)
            if not where:
                continue  # "dix y sont mortes tandis que cinq autres ont été tuées": people
            n = 1  # "... tandis que cinq autres ont été tuées à Y": one more place
        sent = ctx.sentence_of_token(i).index
        before = [c for c in cands if c.sent == sent and c.token < i and c.kind == "event"
                  and not c.plural]
        if not before:
            continue
        src = before[-1]
        out.append(replace(src, token=i, start=doc[i - 1].idx, end=tok.idx + len(tok),
                           count=n, elliptic=True, definite=False, distributive=where))
    return out


_AT_NAME = re.compile(r"(?<!\w)(?:à|au village de|dans le village de|dans la localité de)\s+"
                      r"(?P<name>[A-ZÀ-ÖØ-Þ][\w’'-]+(?:[ -][A-ZÀ-ÖØ-Þ][\w’'-]+){0,2})")
_NAMED_BEFORE = re.compile(r"(?<!\w)(?:à|de|d['’])\s*(?P<name>[A-ZÀ-ÖØ-Þ][\w’'-]+)")


def _elsewhere(ctx: ArticleContext, i: int) -> list[tuple[int, int]]:
    """"Au moins dix personnes sont mortes à X, tandis que cinq autres ont été tuées à Y":
    victims counted at a town of their own, after a toll at another town of the sentence,
    died in another occurrence (one per place). The span of Y, if so."""
    doc = ctx.doc
    sent = ctx.sentence_of_token(i)
    after = ctx.text[doc[i].idx:sent.end]
    cut = min((p for p in (after.find(","), after.find(";")) if p >= 0), default=len(after))
    m = _AT_NAME.search(after[:cut])
    if m is None:
        return []
    name = m.group("name")
    before = ctx.text[sent.start:doc[i - 1].idx]
    if not any(b.group("name") != name for b in _NAMED_BEFORE.finditer(before)):
        return []
    at = doc[i].idx + m.start("name")
    return [(at, at + len(name))]


def _victims(doc: Doc, i: int, lang: str) -> bool:
    """"cinq autres ont été tuées", "tuant 16 soldats et blessant six autres": the ellipsis
    counts victims of a casualty verb, after it or just before its number."""
    near = [doc[i].head, *doc[max(0, i - 3):i - 1], *doc[i + 1:min(len(doc), i + 4)]]
    return any(casualty_words.casualty_kind(t, lang) for t in near)


def segments(ctx: ArticleContext, cands: list[Candidate]) -> None:
    """Give each candidate the part of its sentence up to its neighbours' triggers."""
    by_sent: dict[int, list[Candidate]] = {}
    for c in cands:
        by_sent.setdefault(c.sent, []).append(c)
    for sent_idx, group in by_sent.items():
        sent = ctx.sentences[sent_idx]
        cuts = [sent.start] + [_boundary(ctx.text, a.end, b.start)
                               for a, b in zip(group, group[1:], strict=False)] + [sent.end]
        for k, c in enumerate(group):
            c.seg_start, c.seg_end = cuts[k], cuts[k + 1]


def _boundary(text: str, a: int, b: int) -> int:
    """The first clause break (comma, "et", semicolon) between two triggers."""
    stretch = text[a:b]
    hits = [m.start() for m in _BREAK.finditer(stretch)]
    return a + hits[0] if hits else b


def distributive(ctx: ArticleContext, cands: list[Candidate]) -> None:
    """"l'une dans X et l'autre dans Y": split the places of a counted trigger."""
    text = ctx.text
    for c in cands:
        if c.count < 2:
            continue
        sent = ctx.sentences[c.sent]
        body = text[c.end:sent.end].lower().replace("’", "'")
        one = min((p for p in (body.find("l'une"), body.find("l'un ")) if p >= 0), default=-1)
        other = body.find("l'autre")
        if one < 0 or other < one:
            continue
        a, b = c.end + one, c.end + other
        end = b + 7 + _clause_len(body[other + 7:])
        first = within(ctx.places, a, b)
        second = within(ctx.places, b, end)
        if first and second:
            c.distributive = [(first[0].start, first[0].end), (second[0].start, second[0].end)]


def _clause_len(rest: str) -> int:
    """Up to the next comma or sentence end: the place phrase of "l'autre"."""
    cut = [p for p in (rest.find(","), rest.find(".")) if p >= 0]
    return min(cut) if cut else len(rest)


_LINK = r"(?:de\s+|d['’]\s*|du\s+)"
_PLACE_NAME = r"[A-ZÀ-ÖØ-Þ][\w’'-]+(?:[ -][A-ZÀ-ÖØ-Þ][\w’'-]+){0,2}"


@cache
def _list_pattern(lang: str) -> re.Pattern[str]:
    nouns = "|".join(map(re.escape, lexicon.load("occurrences", lang).get("place_list_nouns",
                                                                          [])))
    return re.compile(rf"\b(?:{nouns or '(?!)'})\s+{_LINK}(?P<names>{_PLACE_NAME}"
                      rf"(?:\s*,\s*{_LINK}?{_PLACE_NAME})*\s+et\s+{_LINK}?{_PLACE_NAME})")


def place_list(ctx: ArticleContext, start: int, end: int) -> list[tuple[int, int]]:
    """"dans les districts d'Erati et de Memba": the spans of the places a plural place noun
    lists in [start, end), each of them where one occurrence happened."""
    m = _list_pattern(ctx.lang).search(ctx.text, start, end)
    if m is None:
        return []
    before = ctx.text[max(start, m.start() - 16):m.start()].lower().split()
    if set(before[-2:]) & set(lexicon.load("occurrences", ctx.lang).get("place_list_blockers",
                                                                       [])):
        return []  # "sur la route entre les villages de X et de Y": one place on the way
    lo = m.start("names")
    return [(lo + n.start(), lo + n.end())
            for n in re.finditer(_PLACE_NAME, m.group("names"))]
