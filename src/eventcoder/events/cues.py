"""Textual cues of where one occurrence ends and another begins: a title, another day
("la veille", "deux jours plus tard"), a dated single occurrence in a tally, the same town
named again, a narrower day for the same occurrence."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import timedelta
from typing import TYPE_CHECKING

from eventcoder.events import anchors, lexicon, quantities
from eventcoder.events.context import ArticleContext, within
from eventcoder.normalize.dates import DateMatch
from eventcoder.normalize.places import PlaceMatch

if TYPE_CHECKING:
    from eventcoder.events.detect import Candidate


def headline(ctx: ArticleContext, c: Candidate) -> bool:
    """The title: a short first line without a full stop, ahead of the body."""
    if c.sent != 0 or len(ctx.sentences) < 2:
        return False
    s = ctx.sentences[0]
    line = ctx.text[s.start:s.end].strip()
    return len(line) < 200 and not line.endswith((".", "!", "?", "»", '"', ":"))


def dated_single(c: Candidate, d: DateMatch | None) -> bool:
    """"une attaque qui a fait 30 morts sur un marché au mois de juillet", even in a
    sentence summing up a period: one occurrence with a date of its own is no tally."""
    return d is not None and c.kind == "event" and not c.plural and c.count == 1 and (
        d.span.precision in ("day", "range", "month"))


def narrated_action(ctx: ArticleContext, c: Candidate) -> bool:
    """"les forces ont lancé des frappes aériennes", "l'aviation a mené des raids": a plural
    act that a named agent performed, told in the perfect, is an action of the story (on
    the day the story is at), not a summary of acts told elsewhere ("l'armée mène des
    frappes", present, is a habit)."""
    tok = ctx.doc[c.token]
    verb = tok.head
    if tok.dep_ != "obj" or verb.pos_ != "VERB" or "Past" not in verb.morph.get("Tense", []):
        return False
    if verb.lemma_.lower() not in lexicon.words("triggers", "performing_verbs", ctx.lang):
        return False  # "les médias ont rapporté des frappes": told, not performed
    if "Part" in verb.morph.get("VerbForm", []) and not any(
            x.dep_ == "aux:tense" for x in verb.children):
        return False  # a bare participle: "des frappes menées par ...", no finite act
    return any(x.dep_ == "nsubj" and x.pos_ in ("NOUN", "PROPN") for x in verb.children)


def other_day(ctx: ArticleContext, c: Candidate) -> tuple[bool, int | None]:
    """"La veille, six civils avaient été tués dans une attaque", "deux jours plus tard, une
    embuscade": the clause tells another day than the occurrence before it; with the shift
    in days where the text fixes it."""
    data = lexicon.load("occurrences", ctx.lang)
    seg = ctx.text[c.seg_start:c.seg_end].lower().replace("’", "'")
    found: tuple[bool, int | None] = (False, None)
    at = -1
    for marker, shift in data.get("other_day_markers", {}).items():
        if (hit := re.search(rf"\b{re.escape(marker)}\b", seg)) is not None:
            found, at = (True, shift), hit.start()
            break
    units = "|".join(data.get("day_count_units", []))
    for phrase, sign in data.get("day_count_directions", {}).items():
        hit = re.search(rf"\b([\w-]+) (?:{units}) {re.escape(phrase)}\b", seg)
        n = quantities.number_value(hit.group(1), ctx.lang) if hit else None
        if hit is not None and n and not found[0]:
            found, at = (True, sign * n), hit.start()
    if found[0] and anchors.in_report_clause(ctx, c.seg_start + at):
        return False, None  # "la veille, un habitant avait signalé une attaque"
    return found


def clause_date(ctx: ArticleContext, c: Candidate) -> DateMatch | None:
    """"Un attentat a fait six morts dans le nord-ouest, jeudi, dont ... suite à cette
    attaque": a day hung on the trigger's own clause verb dates it, even when a comma put it
    in the next trigger's segment (that trigger, in a clause of its own, has no claim)."""
    sent = ctx.sentences[c.sent]
    trig = ctx.doc[c.token]
    verb = trig if trig.pos_ in ("VERB", "AUX") else trig.head
    if trig.dep_ not in ("nsubj", "nsubj:pass", "obj") and verb is not trig:
        return None
    for m in within(ctx.dates, c.seg_end, sent.end):
        span = ctx.doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is not None and span.root.head.i == verb.i and span.root.dep_ == "obl:mod" \
                and anchors.governs(ctx, m, c.start):
            return m
    return None


_LONGEST_RANGE = 35  # days: ACLED codes nothing vaguer than a month


def unbounded(d: DateMatch | None) -> bool:
    """"La semaine dernière" in an article dated by its month only: a range of six weeks
    fixes no day nor month, so the occurrence cannot be coded."""
    return d is not None and d.span.precision == "range" and (
        d.span.end - d.span.start).days > _LONGEST_RANGE


def clock_conversion(ctx: ArticleContext, d: DateMatch) -> bool:
    """"vers 2 h 30 (23 h 30 GMT jeudi)": a day inside a parenthesis that converts the hour
    to another time zone is the eve on that clock, not another day of the occurrence."""
    opened = ctx.text.rfind("(", max(0, d.start - 30), d.start)
    if opened < 0 or ")" in ctx.text[opened:d.start]:
        return False
    closed = ctx.text.find(")", d.start)
    inside = ctx.text[opened:closed if closed >= 0 else d.end]
    zones = lexicon.words("occurrences", "time_zone_words", ctx.lang)
    return any(re.search(rf"\b{re.escape(z)}\b", inside) for z in zones)


def same_town(a: PlaceMatch | None, b: PlaceMatch | None) -> bool:
    """The same town named twice ("à Tillia", "près de Tillia")."""
    return a is not None and b is not None and {a.kind, b.kind} <= {"place", "relative"} and bool(
        a.location.place) and a.location.place == b.location.place


def narrower(a: DateMatch, b: DateMatch) -> bool:
    """"La veille" left as the month, then "samedi": the later, narrower span inside the
    first says more about the same occurrence."""
    sa, sb = a.span, b.span
    return sb.start <= sa.start and sa.end <= sb.end and (sa.end - sa.start) < (sb.end - sb.start)


def shifted(prev: DateMatch | None, shift: int | None, at: int) -> DateMatch | None:
    """The day a fixed shift from the occurrence told before points to."""
    if prev is None or shift is None or prev.span.precision != "day":
        return None
    day = prev.span.start + timedelta(days=shift)
    span = replace(prev.span, start=day, end=day)
    return replace(prev, start=at, end=at, span=span)
