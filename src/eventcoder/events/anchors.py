"""Each candidate's own date and place: the expressions written in its segment.

A bare weekday ("dimanche") in an article dated by month is pinned to the last day-precise
date told before it (the week the article is about), else left as the month; so is a night
between two weekdays ("dans la nuit de mardi à mercredi"), by its morning.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta
from typing import TYPE_CHECKING

from eventcoder.events import lexicon
from eventcoder.events.context import ArticleContext, across_border, within
from eventcoder.events.triggers import fold
from eventcoder.normalize.dates import DateMatch
from eventcoder.normalize.places import PlaceMatch

if TYPE_CHECKING:
    from spacy.tokens import Token

_WEEKDAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
_PATH_WORDS = ("depuis", "direction", "vers", "provenance", "venant", "frontière")
_KIND_ORDER = {"place": 0, "admin1": 1, "relative": 2, "country": 3}


def weekdays(text: str | None) -> set[int]:
    low = (text or "").lower()
    return {i for i, w in enumerate(_WEEKDAYS) if w in low}


def _pin(m: DateMatch, day: date | None, back: int = 0) -> DateMatch:
    """The match narrowed to ``day`` (to the ``back`` days before it too: a night)."""
    s = m.span
    if day is None or not s.start <= day <= s.end:
        return m
    first = day - timedelta(days=back)
    return replace(m, span=replace(s, start=first, end=day,
                                   precision="day" if back == 0 else "range"))


def _night(text: str) -> tuple[int, int] | None:
    """"dans la nuit de mardi à mercredi": the weekday it ends on and how many days it
    spans; a night is pinned by its morning, the day the story's calendar counts."""
    low = text.lower()
    named = sorted((low.index(w), i) for i, w in enumerate(_WEEKDAYS) if w in low)
    if len(named) != 2 or any(ch.isdigit() for ch in text):
        return None
    first, last = named[0][1], named[1][1]
    return last, (last - first) % 7 or 1


def _story_relative(text: str) -> int | None:
    """"la veille", "l'avant-veille": a day counted from the day the story just told
    (the claim's day), not from the publication day."""
    table: dict[str, int] = {**lexicon.load("reporting", "fr").get("story_relative_days", {}),
                             **lexicon.load("dates", "fr").get("story_days", {})}
    return table.get(text.lower().replace("’", "'").strip())


def pin_weekdays(matches: list[DateMatch]) -> list[DateMatch]:
    """Pin bare weekdays of a vague span: to the latest day-precise date before them (the
    week the article is about); a weekday told before any such date (the news of the lead)
    to the first one after the latest day-precise date the article gives (older dated events
    are background); the same weekday named again is the same day."""
    days_given = [m.span.start for m in matches if m.span.precision == "day" and m.span.stated]
    out: list[DateMatch] = []
    anchor: date | None = None
    pinned: dict[int, date] = {}
    for m in matches:
        s = m.span
        days = weekdays(m.text)
        night = _night(m.text) if (s.end - s.start).days > 7 else None
        shift = _story_relative(m.text)
        if shift is not None and anchor is not None:
            told = anchor + timedelta(days=shift)  # "la veille" of the day just told
            out.append(replace(m, span=replace(s, start=told, end=told, precision="day")))
            continue
        if shift is not None and shift > 0:
            continue  # "le lendemain" of no day told: no date, not the day after publication
        if s.precision == "day" and s.stated:
            anchor = s.start
        elif (len(days) == 1 or night) and not any(ch.isdigit() for ch in m.text):
            wd, back = night or (days.pop(), 0)
            if wd in pinned:
                day: date | None = pinned[wd]
            elif anchor:
                day = anchor - timedelta(days=(anchor.weekday() - wd) % 7)
            else:
                later = [d for d in days_given if s.start <= d <= s.end]
                day = max(later) + timedelta(days=(wd - max(later).weekday()) % 7 or 7) \
                    if later else None
            m = _pin(m, day, back)
            if m.span != s:
                pinned[wd] = m.span.end
        out.append(m)
    return out


def _clause(tok: Token) -> int:
    """The verb (or root) heading a token's clause."""
    node = tok
    for _ in range(6):
        if node.pos_ in ("VERB", "AUX") or node.head.i == node.i:
            break
        node = node.head
    return node.i


def _same_clause(tok: Token, trig: Token) -> bool:
    """Whether a word belongs to the trigger's clause or to a modifier of the trigger, not
    to a subordinate clause of its own ("Alors que ...")."""
    verb = tok.doc[_clause(tok)]
    if verb.i == _clause(trig):
        return True
    return trig.is_ancestor(verb) and verb.dep_ not in ("advcl", "parataxis", "ccomp")


def _token_at(ctx: ArticleContext, char: int) -> Token | None:
    span = ctx.doc.char_span(char, char + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def _statement_date(tok: Token, lang: str) -> bool:
    """"datant du 9 avril", "communiqué du 9 avril": the date of a statement."""
    words = lexicon.words("claims", "statement_nouns", lang) | {"dater", "datant"}
    node = tok
    for _ in range(3):
        node = node.head
        if fold(node.lemma_) in words or node.lower_ in words:
            return True
    return False


def _reporting_clause(tok: Token, lang: str) -> bool:
    """"a rapporté ce vendredi": the date of the report, not of what it reports."""
    verbs = lexicon.words("reporting", "reporting_verbs", lang) | lexicon.words(
        "claims", "claim_verbs", lang)  # "a revendiqué mardi l'attentat": the claim's day
    verb = tok.doc[_clause(tok)]
    return fold(verb.lemma_) in verbs or _toll_clause(verb, lang)


def _toll_clause(verb: Token, lang: str) -> bool:
    """"s'en tenaient mardi à un bilan de six morts", "le bilan s'est alourdi jeudi": a
    clause that states a toll tells the day of the figure."""
    nouns = lexicon.words("casualties", "toll_nouns", lang)
    return verb.pos_ in ("VERB", "AUX") and any(
        fold(c.lemma_) in nouns for c in verb.children if c.dep_ in ("obj", "obl:arg",
                                                                     "obl:mod", "nsubj"))


def _report_date(tok: Token, trig: Token | None, lang: str) -> bool:
    """"ont annoncé lundi la mort de 16 soldats dans une embuscade", "a-t-on appris jeudi":
    the day of the announcement, not of the event, unless the date hangs on the trigger
    itself ("ont annoncé l'attaque de lundi")."""
    if not _reporting_clause(tok, lang):
        return False
    verb = tok.doc[_clause(tok)]
    if not (verb.i < tok.i <= verb.i + 3 or trig is not None and verb.i < tok.i < trig.i):
        return False  # a date framing the whole sentence, not the verb's adverb
    if trig is None:
        return True
    if verb.i == trig.i or trig.head.i == verb.i and _infinitive(trig):
        return False  # "la coalition a annoncé le 29 mars avoir remis la base": its own act
    if fold(trig.head.lemma_) in lexicon.words("claims", "perpetration_verbs", lang):
        return False  # "X a mené des attaques, a rapporté vendredi la chaîne": its claim
    return not (trig.is_ancestor(tok) and not trig.is_ancestor(verb))


def _infinitive(tok: Token) -> bool:
    return "Inf" in tok.morph.get("VerbForm", []) or any(
        "Inf" in c.morph.get("VerbForm", []) for c in tok.children if c.dep_.startswith("aux"))


def is_report_date(ctx: ArticleContext, m: DateMatch, trigger: int | None = None) -> bool:
    tok = _token_at(ctx, m.start)
    trig = _token_at(ctx, trigger) if trigger is not None else None
    return tok is not None and _report_date(tok, trig, ctx.lang)


def own_date(ctx: ArticleContext, start: int, end: int, trigger: int) -> DateMatch | None:
    """The date written in [start, end) in the trigger's clause, nearest to the trigger."""
    found = within(ctx.dates, start, end)
    trig = _token_at(ctx, trigger)
    keep = []
    for m in found:
        tok = _token_at(ctx, m.start)
        if tok is None or trig is None:
            keep.append(m)
        elif not _statement_date(tok, ctx.lang) and not _report_date(tok, trig, ctx.lang) and (
                _clause(tok) == _clause(trig) or trig.is_ancestor(tok)
                or _before_incise(tok, trig, ctx.lang)
                or len(found) == 1 and not _reporting_clause(tok, ctx.lang)
                and not _speech_between(tok, trig, ctx.lang)):
            keep.append(m)
    if not keep:  # "a revendiqué mardi l'attentat qui a fait six morts la veille"
        keep = [m for m in found if m.start > trigger and (tok := _token_at(ctx, m.start))
                is not None and not _statement_date(tok, ctx.lang)
                and not _reporting_clause(tok, ctx.lang) and _story_relative(m.text) is not None]
    if not keep:
        return None
    return min(keep, key=lambda m: abs(m.start - trigger))


def _before_incise(tok: Token, trig: Token, lang: str) -> bool:
    """"Dix soldats ont été tués dans une embuscade, le 15 janvier, a déclaré mardi un
    officier": a French inverted incise puts the whole report before its speech verb and
    that verb's own day after it, so a date between the trigger and the verb is the news's,
    whatever the parser hung it on."""
    verb = tok.doc[_clause(tok)]
    if not (trig.i < tok.i < verb.i and verb.is_ancestor(trig)) or not _reporting_clause(
            tok, lang):
        return False
    return not any(c.dep_.startswith("nsubj") and c.i < verb.i for c in verb.children)


def _speech_between(a: Token, b: Token, lang: str) -> bool:
    """"avaient enlevé quatre personnes, a déclaré X, précisant que les otages ont été
    libérés dimanche": a speech verb between the trigger and a date puts them in two
    statements."""
    verbs = lexicon.words("reporting", "reporting_verbs", lang)
    lo, hi = sorted((a.i, b.i))
    return any(t.pos_ == "VERB" and fold(t.lemma_) in verbs for t in a.doc[lo + 1:hi])


def governs(ctx: ArticleContext, m: DateMatch, trigger: int) -> bool:
    """"ont mené lundi un raid ..., tuant quinze personnes": a date of the clause that governs
    the trigger (not a report's, not a statement's) dates it too."""
    tok, trig = _token_at(ctx, m.start), _token_at(ctx, trigger)
    if tok is None or trig is None or _statement_date(tok, ctx.lang) or _report_date(
            tok, trig, ctx.lang) or _reporting_clause(tok, ctx.lang):
        return False
    verb = tok.doc[_clause(tok)]
    return verb.i == _clause(trig) or verb.is_ancestor(trig)


def in_clause(ctx: ArticleContext, m: DateMatch, trigger: int) -> bool:
    """Whether a date is written in the trigger's own clause (or below the trigger)."""
    tok, trig = _token_at(ctx, m.start), _token_at(ctx, trigger)
    if tok is None or trig is None:
        return True
    return _clause(tok) == _clause(trig) or trig.is_ancestor(tok)


def in_report_clause(ctx: ArticleContext, char: int) -> bool:
    """Whether the word at ``char`` belongs to a clause of reporting ("la veille, un habitant
    avait signalé une attaque": the day of the report)."""
    tok = _token_at(ctx, char)
    return tok is not None and _reporting_clause(tok, ctx.lang)


def is_statement_date(ctx: ArticleContext, m: DateMatch) -> bool:
    tok = _token_at(ctx, m.start)
    return tok is not None and _statement_date(tok, ctx.lang)


def preceding_date(ctx: ArticleContext, before: int) -> DateMatch | None:
    found = [m for m in ctx.dates if m.end <= before and not is_statement_date(ctx, m)]
    return found[-1] if found else None


def _is_path(ctx: ArticleContext, m: PlaceMatch) -> bool:
    """A route's ends ("se dirigeaient depuis X au port de Y"): where a convoy came from
    or went, not where the event happened."""
    left = re.split(r"[,;:.!?()]", ctx.text[max(0, m.start - 40):m.start].lower())[-1]
    return any(w in left.split()[-5:] for w in _PATH_WORDS)  # "... du Niger, dans la X": X


def _beside(ctx: ArticleContext, m: PlaceMatch) -> bool:
    """"à la limite avec le X", "aux confins de la province de X": a region named as the
    other side of a boundary is a neighbour of the place, not the place."""
    left = re.split(r"[,;:.!?()]", ctx.text[max(0, m.start - 40):m.start].lower())[-1]
    words = lexicon.words("occurrences", "boundary_words", ctx.lang)
    return any(w in words for w in _WORD.findall(left)[-5:])


def _report_place(ctx: ArticleContext, m: PlaceMatch) -> bool:
    """"ont indiqué des sources concordantes à Niamey", "a-t-on appris à Bamako", "un
    communiqué publié à Ouagadougou": where the news was told, not where it happened."""
    left = _WORD.findall(ctx.text[max(0, m.start - 45):m.start].lower())
    words = lexicon.words("reporting", "report_place_words", ctx.lang)
    if left and left[-1] in ("à", "depuis"):
        return any(w in words for w in left[-5:-1])
    return _spoken_from(ctx, m, words)


def _spoken_from(ctx: ArticleContext, m: PlaceMatch, words: frozenset[str]) -> bool:
    """"a déclaré un responsable joint depuis la grande ville voisine de Dori": a place
    inside a "depuis" phrase of a speech verb is where the speaker was."""
    left = ctx.text[max(0, m.start - 90):m.start].lower()
    at = left.rfind("depuis ")
    if at < 0 or any(c in left[at:] for c in ",.;"):
        return False
    before = _WORD.findall(left[:at])[-5:]
    return any(w in words for w in before)


_WORD = re.compile(r"[\w-]+")
_LOCATIVE = {"à", "en", "dans", "au", "aux", "près", "vers"}
_ATTRIBUTE_LINKS = re.compile(r"^\s*(?:en|d['’]|de|du|des|au|aux)\s*$", re.I)


def _in_name(ctx: ArticleContext, m: PlaceMatch) -> bool:
    """Part of an actor's or an outlet's name, or its attribute ("les gardiens de la
    révolution en Iran", "la chaîne al-Mayadeen"): where someone is from, not where it
    happened."""
    left = _WORD.findall(ctx.text[max(0, m.start - 50):m.start].lower())[-4:]
    outlet_nouns = lexicon.words("reporting", "outlet_nouns", ctx.lang)
    for k, w in enumerate(left):
        if w in outlet_nouns and not _LOCATIVE & set(left[k + 1:]):
            return True  # "l'agence officielle Sana": the outlet's name
    for a in (*ctx.actors, *ctx.outlets):
        if a.start <= m.start and m.end <= a.end:
            return True
        link = ctx.text[a.end:m.start]
        if 0 <= m.start - a.end <= 6 and _ATTRIBUTE_LINKS.match(link) and (
                m.kind == "country" or link.strip().lower() != "en"):
            return True  # "un camp de déplacés en Ituri" is in Ituri
    return False


def own_place(ctx: ArticleContext, start: int, end: int,
              trigger: int | None = None) -> PlaceMatch | None:
    """The most precise place written in [start, end), not a route end nor an actor name;
    those of the trigger's own clause first ("Alors que la capitale X s'apprête ..., l'armée
    a été attaquée au camp de Y": Y)."""
    found = [m for m in within(ctx.places, start, end) if not _is_path(ctx, m)
             and not _beside(ctx, m)
             and getattr(m, "is_location", True) and not _in_name(ctx, m)
             and not _report_place(ctx, m) and not (
                 across_border(ctx.text, m) and m.location.country != ctx.country)]
    if not found:
        return None
    trig = _token_at(ctx, trigger) if trigger is not None else None
    if trig is not None:
        mine = [m for m in found if (tok := _token_at(ctx, m.start)) is not None
                and _same_clause(tok, trig)]
        found = mine or found
    return min(found, key=lambda m: (_KIND_ORDER.get(m.kind, 4), m.start))


def site_place(ctx: ArticleContext, start: int, end: int) -> PlaceMatch | None:
    """"trois roquettes sont tombées près de l'ambassade": a site named again with a definite
    article is where it was placed when first named ("l'ambassade américaine à Bagdad")."""
    sites = lexicon.words("triggers", "site_nouns", ctx.lang)
    span = ctx.doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    for tok in span:
        if fold(tok.lemma_) not in sites or not any(
                c.dep_ == "det" and c.lower_ in ("le", "la", "l'", "l’") for c in tok.children):
            continue
        for earlier in ctx.doc[:span.start]:
            if fold(earlier.lemma_) == fold(tok.lemma_):
                sent = ctx.sentence_of_token(earlier.i)
                hit = own_place(ctx, sent.start, sent.end, earlier.idx)
                if hit is not None and hit.kind != "country":
                    return hit
    return None


def since_when(ctx: ArticleContext, start: int) -> DateMatch | None:
    """"depuis le 3 janvier, lorsqu'un drone a frappé un convoi": the day a "lorsque"
    clause is introduced by is the day of what it tells (the running "depuis" date the
    normaliser leaves aside)."""
    from eventcoder.normalize import dates

    para = ctx.sentence_at(start).paragraph
    first = min(s.start for s in ctx.sentences if s.paragraph == para)
    origin = max(first, start - 150)  # the parse may end a sentence at "lorsqu'"
    head = ctx.text[origin:start]
    m = list(_SINCE_WHEN.finditer(head))[-1] if _SINCE_WHEN.search(head) else None
    if m is None or len(head) - m.end() > 40:
        return None
    found = dates.find_dates(m.group(1), ctx.article.published, ctx.lang)
    if not found or found[0].span.precision != "day":
        return None
    at = origin + m.start(1)
    return replace(found[0], start=found[0].start + at, end=found[0].end + at)


_SINCE_WHEN = re.compile(r"\bdepuis ((?:le |l['’])?[^,;.]{3,30}?),? (?:lorsqu['’]|quand )",
                         re.I)


def story_region(ctx: ArticleContext, before: int) -> PlaceMatch | None:
    """"six militaires ont trouvé la mort dans la région de Mopti. D'abord à Dialloubé
    ...": a region stated once for the story holds each occurrence whose own town the
    gazetteer does not know (the last one named before it, in the story's country)."""
    here = ctx.sentence_at(before)
    found = [m for m in ctx.places if m.end <= before and m.kind == "admin1"
             and m.location.country == ctx.country and not _is_path(ctx, m)
             and not _in_name(ctx, m) and not _report_place(ctx, m)
             and here.index - ctx.sentence_at(m.start).index <= 3]
    regions = {m.location.admin1 for m in ctx.places if m.kind in ("admin1", "place")}
    return found[-1] if found and len(regions) == 1 else None  # one region: the story's
