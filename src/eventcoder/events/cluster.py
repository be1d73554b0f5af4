"""Candidates to occurrences: one place, one day.

Same sentence, an anaphor ("l'attaque", "les faits", "cette explosion") or a continuation
without a date or place of its own joins the occurrence told before; a different date or
province starts a new one. Plural nouns without a figure ("des attaques") sum up
occurrences: they are absorbed into those of the same kind and date, and stand alone only
when they carry a date of their own. The title's occurrence is the one the body tells
first; a demonstrative ("cette attaque") names the one told before; an indefinite one told
on another day ("la veille", "deux jours plus tard") is new (the cues are in ``cues``).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from eventcoder.events import anchors, country_refs, cues, lexicon, split
from eventcoder.events.compatibility import new_actor, occurrence_compatible
from eventcoder.events.context import ArticleContext, within
from eventcoder.events.detect import Candidate
from eventcoder.normalize.dates import DateMatch
from eventcoder.normalize.places import PlaceMatch
from eventcoder.schema import Location

_WINDOW = 8  # sentences an anaphor may reach back
_LEAD = 2  # sentences of the lead, which may tell the news before its day is given
_DEMONSTRATIVES = {"ce", "cet", "cette"}


@dataclass
class Occurrence:
    members: list[Candidate] = field(default_factory=list)
    summaries: list[Candidate] = field(default_factory=list)
    date: DateMatch | None = None
    place: PlaceMatch | None = None
    count: int = 1
    places: list[PlaceMatch] = field(default_factory=list)
    denied: bool = False
    background: bool = False
    headline: bool = False  # told only by the title so far
    # told without a codable date ("la semaine dernière" in an article dated by its month):
    # it keeps its sentences and tolls from others, but yields no event
    uncoded: bool = False
    # "dix y sont mortes tandis que cinq autres ont été tuées à Y": the occurrence told in
    # the same breath (its day is this one's); this one takes no later references
    twin: Occurrence | None = None

    @property
    def first(self) -> Candidate:
        return self.members[0]

    @property
    def last_sent(self) -> int:
        return max(c.sent for c in self.members)

    @property
    def type_keys(self) -> set[str]:
        return {c.type_key for c in self.members if c.type_key}


def splits(o: Occurrence) -> int:
    """How many events a counted trigger stands for: one place-day is one event."""
    if o.count < 2:
        return 1
    if len(o.places) >= 2:
        return len(o.places)
    span = o.date.span if o.date else None
    if span is not None and (span.end - span.start).days <= 1:
        return 1
    return o.count


def date_conflict(a: DateMatch | None, b: DateMatch | None) -> bool:
    if a is None or b is None:
        return False
    sa, sb = a.span, b.span
    if sa.end < sb.start or sb.end < sa.start:
        return True
    wa, wb = anchors.weekdays(a.text), anchors.weekdays(b.text)
    if wa and wb:
        return not wa & wb
    if wa and sb.precision == "day":
        return sb.start.weekday() not in wa
    if wb and sa.precision == "day":
        return sa.start.weekday() not in wb
    return False


def place_conflict(a: PlaceMatch | None, b: PlaceMatch | None) -> bool:
    if a is None or b is None:
        return False
    la, lb = a.location, b.location
    if la.country and lb.country and la.country != lb.country:
        return True
    if _near_region(a) or _near_region(b):
        return False  # "non loin de la province de X": maybe just across its boundary
    return bool(la.admin1 and lb.admin1 and la.admin1 != lb.admin1)


def _near_region(p: PlaceMatch) -> bool:
    return p.kind == "relative" and not p.location.place


def _abroad(a: PlaceMatch | None, b: PlaceMatch | None) -> bool:
    """Two places in different countries (a summary may span provinces, not borders)."""
    ca = a.location.country if a is not None else None
    cb = b.location.country if b is not None else None
    return bool(ca and cb and ca != cb)


def _same_day(ctx: ArticleContext, c: Candidate) -> bool:
    """"se sont produites le même jour": dated by the occurrence told before."""
    seg = ctx.text[c.seg_start:c.seg_end].lower()
    return any(m in seg for m in lexicon.load("triggers", ctx.lang)["same_day_markers"])


def _distinct(ctx: ArticleContext, c: Candidate) -> bool:
    """"par ailleurs", "dans un incident distinct": the sentence tells another occurrence."""
    sent = ctx.sentences[c.sent]
    low = ctx.text[sent.start:sent.end].lower().replace("’", "'")
    return any(m in low for m in lexicon.load("triggers", ctx.lang)["distinct_markers"])


class Clusterer:
    def __init__(self, ctx: ArticleContext) -> None:
        self.ctx = ctx
        self.occs: list[Occurrence] = []
        self.pending: list[tuple[Candidate, DateMatch | None]] = []
        self.links: dict[int, list[Occurrence]] = {}
        self.told_sents: set[int] = set()  # sentences whose earlier triggers were read

    def _recent(self, c: Candidate) -> list[Occurrence]:
        """The occurrences an anaphor may reach: those told lately, and always the last one
        (nothing else has been told since)."""
        return [o for k, o in enumerate(reversed(self.occs))
                if o.twin is None and (k == 0 or c.sent - o.last_sent <= _WINDOW)]

    def _deny(self, c: Candidate) -> None:
        """"Le Pentagone a nié qu'un convoi ait été visé": the occurrence it names is denied."""
        for o in self._recent(c):
            if occurrence_compatible(o, c, False):
                o.denied = True
                self.links.setdefault(c.token, []).append(o)
                return

    def _salient(self, c: Candidate) -> list[Occurrence]:
        """A definite reference ("l'attaque n'a pas été revendiquée") goes to the news
        before the background ("une attaque du même type avait fait 31 morts")."""
        recent = self._recent(c)
        if c.definite and not c.background:
            return [o for o in recent if not o.background] + [o for o in recent if o.background]
        return recent

    def _join(self, o: Occurrence, c: Candidate, d: DateMatch | None,
              p: PlaceMatch | None) -> None:
        o.members.append(c)
        o.headline = o.headline and cues.headline(self.ctx, c)
        self.links.setdefault(c.token, []).append(o)
        if d and (o.date is None or d.span.precision == "day" != o.date.span.precision
                  or cues.narrower(d, o.date)):
            o.date = d
        if p and (o.place is None or not _near_region(p) and anchors._KIND_ORDER.get(p.kind, 4)
                  < anchors._KIND_ORDER.get(o.place.kind, 4)):
            o.place = p

    def _new(self, c: Candidate, d: DateMatch | None, p: PlaceMatch | None) -> Occurrence:
        o = Occurrence(count=c.count, background=c.background, headline=cues.headline(self.ctx, c))
        if c.same_type and c.generic and self.occs:
            prev = self.occs[-1]
            # the first told key, not a set's order (which changes with the hash seed)
            c.type_key = next((m.type_key for m in prev.members if m.type_key), None)
            c.weapon = c.weapon or next((m.weapon for m in prev.members if m.weapon), None)
            p = p or prev.place
        self.occs.append(o)
        self._join(o, c, d, p)
        return o

    def add(self, c: Candidate) -> None:
        self._add(c)
        self.told_sents.add(c.sent)

    def _add(self, c: Candidate) -> None:
        ctx = self.ctx
        if c.blocked == "denied":
            self._deny(c)
            return
        if c.blocked or c.vague:
            return
        d = None if c.reaction else anchors.own_date(ctx, c.seg_start, c.seg_end, c.start)
        if d is None and not c.reaction:
            d = cues.clause_date(ctx, c)
        if d is not None and cues.clock_conversion(ctx, d):
            d = None  # "vers 2 h 30 (23 h 30 GMT jeudi)": the same moment on another clock
        if d is not None and c.background and d.start > c.start and not anchors.in_clause(
                ctx, d, c.start):
            d = None  # "des bandits qui avaient déjà enlevé ..., précisant ... dimanche"
        p = anchors.own_place(ctx, c.seg_start, c.seg_end, c.start) or \
            country_refs.pointed_country(ctx, c.seg_start, c.seg_end)
        if c.elliptic and p is None and "même" in ctx.text[c.end:c.seg_end]:
            p = self.occs[-1].place if self.occs else None
        if d is None and self.occs and _same_day(ctx, c):
            prev = self.occs[-1]
            d = prev.date or anchors.preceding_date(ctx, prev.first.end)
        d = d or anchors.since_when(ctx, c.start)
        if cues.unbounded(d) and c.kind == "event":
            self._new(c, d, p).uncoded = True  # a relative day in an article dated by its
            return  # month only: no codable date
        if c.temporal and d is None:
            return  # background told without a date: history, not an occurrence
        if c.tally and not (c.definite and not c.plural) and (
                d is None or d.span.precision != "day") and not cues.dated_single(c, d):
            return  # "trois attaques depuis le début de l'année": a tally
        if c.kind == "anaphor" and not (c.definite or c.reaction):
            return  # "des opérations contre X": an activity, not a reference back
        if self._another_day(c, d, p):
            return
        if c.kind != "anaphor" and (c.another or c.other and (d or p) or not c.definite
                                    and _distinct(ctx, c)):
            self._new(c, d, p)  # "une roquette est par ailleurs tombée": another occurrence
            return
        if c.count > 1 or c.elliptic:
            o = self._new(c, d, p)
            if c.distributive:
                o.places = [m for m in ctx.places if (m.start, m.end) in c.distributive]
            if c.elliptic and c.count == 1 and c.distributive:
                o.twin = self.occs[-2] if len(self.occs) > 1 else None
                o.places = o.places or [self._place_named(o.twin or o, *c.distributive[0])]
            return
        if c.plural and c.count == 1 and not c.definite and not (
                self.occs and self.occs[-1].last_sent == c.sent):
            self.pending.append((c, d))  # "des attaques" on its own: a summary
            return
        if self._demonstrative(c, d):
            return
        for o in self._salient(c):
            if self._fits(o, c, d, p):
                self._join(o, c, d, p)
                return
        if c.kind == "anaphor" and not c.definite:
            return
        if c.kind == "anaphor" or (c.plural and c.count == 1):
            self.pending.append((c, d))
            return
        if c.background and d is None and self.ctx.doc[c.token].dep_ == "acl:relcl":
            return  # "des bandits qui avaient déjà enlevé des villageois": undated history
        self._new(c, d, p)

    def _demonstrative(self, c: Candidate, d: DateMatch | None) -> bool:
        """"aucun communiqué de Niamey ne mentionnait jeudi cette attaque": a demonstrative
        names the occurrence told before; the date and place of its clause are not its own.
        (One whose sentence names another trigger before it names that one: "une embuscade
        en mai : 28 soldats avaient péri dans cette attaque".)"""
        tok = self.ctx.doc[c.token]
        if c.plural or c.other or c.another or c.sent in self.told_sents or not any(
                x.dep_ == "det" and x.lower_ in _DEMONSTRATIVES for x in tok.children):
            return False
        for o in self._salient(c):
            if splits(o) == 1 and occurrence_compatible(o, c, False):
                narrower = d is not None and o.date is not None and cues.narrower(d, o.date)
                self._join(o, c, d if narrower else None, None)  # "lors de cette attaque,
                return True  # samedi": a day within the span told
        return False

    def _another_day(self, c: Candidate, d: DateMatch | None, p: PlaceMatch | None) -> bool:
        """An indefinite occurrence told on another day than the one before it is new."""
        if c.kind == "anaphor" or c.definite or c.reaction or c.plural or not self.occs:
            return False
        prev = self.occs[-1]
        if prev.last_sent == c.sent:
            return False
        found, shift = cues.other_day(self.ctx, c)
        if not found:
            return False
        if d is None or d.span.precision != "day":
            d = cues.shifted(prev.date, shift, c.seg_start) or d
        self._new(c, d, p)
        return True

    def _fits(self, o: Occurrence, c: Candidate, d: DateMatch | None,
              p: PlaceMatch | None) -> bool:
        if splits(o) > 1:
            return c.definite and c.plural and d is None
        same = c.sent == o.last_sent
        if date_conflict(o.date, d) or place_conflict(o.place, p):
            return False
        if not occurrence_compatible(o, c, same):
            return False
        if not same and o.type_keys and c.type_key not in o.type_keys and c.type_key in \
                lexicon.words("occurrences", "raid_acts", self.ctx.lang) and new_actor(
                    self.ctx, c):
            return False  # "des jeunes ont ensuite pillé ...": other hands, another act
        if same or c.definite or c.kind == "anaphor" or c.same_type or o.headline:
            return True  # the title names the news the body's first lines tell
        if o.date is None and self.occs == [o] and o.first.sent <= _LEAD and not c.plural and (
                o.first.sent == 0 or o.place is None or o.place.kind == "country"):
            return True  # an undated headline or lead: the body then tells it with its day
        if d is None and p is None:
            return True  # continuation: nothing new about when or where
        if o.date is None and cues.same_town(o.place, p):
            return True  # the lead told it undated at the same town: now its day
        if d is None and o.date is not None and not c.plural:
            return True  # a compatible continuation without a date of its own
        if c.generic and not o.type_keys:
            return True  # two generic attacks, same day and place: told twice
        return bool(c.type_key and c.type_key in o.type_keys)

    def finish(self) -> list[Occurrence]:
        """Absorb the summaries; those no occurrence explains stand alone if dated."""
        for c, d in self.pending:
            if c.kind == "anaphor":
                continue
            d_eff = d or anchors.preceding_date(self.ctx, c.start)
            p = anchors.own_place(self.ctx, c.seg_start, c.seg_end, c.start)
            hosts = [o for o in self.occs if occurrence_compatible(o, c, False)
                     and not date_conflict(o.date, d_eff) and not _abroad(o.place, p)]
            if hosts:
                for o in hosts:
                    o.summaries.append(c)
                self.links.setdefault(c.token, []).extend(hosts)
            elif self.ctx.doc[c.token].dep_ != "nmod" and (d is not None or c.definite):
                self._new(c, d, anchors.own_place(self.ctx, c.seg_start, c.seg_end,
                                                      c.start))
            elif d_eff is not None and cues.narrated_action(self.ctx, c):
                # "en réponse, l'armée a lancé des frappes": where the story is, unless
                # the sentence names a place more precise than a country
                o = self._new(c, d_eff, p if p is not None and p.kind != "country" else None)
                self.occs.remove(o)  # in text order, so that it takes the story's place
                self.occs.insert(sum(x.first.start < c.start for x in self.occs), o)
        for o in self.occs:
            self._listed_places(o)
        return self.occs

    def _listed_places(self, o: Occurrence) -> None:
        """"dans les districts d'Erati et de Memba": one occurrence per place listed in a
        sentence that tells only it (the gazetteer's match where it knows the name, else
        the occurrence's province with the name as written)."""
        if o.count > 1 or o.places:
            return
        for c in o.members:
            if any(m.sent == c.sent for p in self.occs if p is not o for m in p.members):
                continue  # the sentence tells others too: the list may be theirs
            sent = self.ctx.sentences[c.sent]
            spans = split.place_list(self.ctx, sent.start, sent.end)
            if len(spans) >= 2:
                o.places = [self._place_named(o, a, b) for a, b in spans]
                o.count = len(spans)
                return

    def _place_named(self, o: Occurrence, a: int, b: int) -> PlaceMatch:
        known = [m for m in within(self.ctx.places, a, b) if m.kind != "country"]
        if known:
            return known[0]
        name = self.ctx.text[a:b]
        base = o.place.location if o.place is not None else Location(country=self.ctx.country)
        return PlaceMatch(a, b, name, replace(base, place=name, text=name), "relative")


def cluster(ctx: ArticleContext, cands: list[Candidate]) -> tuple[list[Occurrence],
                                                                  dict[int, list[Occurrence]]]:
    """Occurrences in text order, and for each trigger token the occurrences it names."""
    cl = Clusterer(ctx)
    for c in cands:
        if c.kind == "projectile" and c.blocked is None:
            c.plural = False  # "trois roquettes" is one attack, not a summary
        cl.add(c)
    return cl.finish(), cl.links
