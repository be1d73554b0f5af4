"""Occurrences to mentions: type, date, place, actors, tolls, weapon, claims, sources."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from eventcoder.events import (
    anchors,
    attribution,
    authors,
    casualties,
    claims,
    lexicon,
    refine_date,
    reporting,
    roles,
    status,
    weapon,
)
from eventcoder.events.cluster import Occurrence
from eventcoder.events.context import ArticleContext, within
from eventcoder.events.target import (
    armed_side,
    killed_subject,
    one_sided,
    own_target,
    restated_civilians,
    target_class,
    village_toll,
)
from eventcoder.events.toll_owners import occurrence_tolls
from eventcoder.events.triggers import compiled, fold
from eventcoder.normalize import actors, dates
from eventcoder.normalize.places import PlaceMatch
from eventcoder.schema import Actor, DateSpan, Location, Mention, Span

_PRECISION = {"place": 1, "relative": 2, "admin1": 3, "country": 3}
_REPORT_LAG = 7  # days before an announcement its undated event is looked for


def _sents(o: Occurrence) -> list[int]:
    return sorted({c.sent for c in o.members})


def _span(ctx: ArticleContext, start: int, end: int) -> Span:
    return Span(start, end, ctx.text[start:end])


def _type(ctx: ArticleContext, o: Occurrence, a1: roles.Role | None,
          a2: roles.Role | None, civ_victims: bool) -> tuple[str | None, int]:
    """The type key by ACLED's hierarchy, with the trigger that carries it."""
    lex = compiled(ctx.lang)
    keyed = [(lex.rank[c.type_key], c.type_key, c.start) for c in o.members if c.type_key]
    target = target_class(ctx, a2)  # "un convoi de commerçants": civilians
    actor_class = roles.target_class(a1.head if a1 else None, ctx.lang)
    inferred = None
    if actor_class == "crowd" and any(c.type_key is None for c in o.members):
        inferred = "riot"  # a crowd that attacks or clashes; a march alone is a protest
    elif target == "military":
        inferred = "battle"
    elif target == "crowd":
        inferred = "excessive"  # "des policiers ont tiré sur des manifestants"
    elif target == "civilian" or civ_victims:
        inferred = "vac"
    first = o.members[0].start
    if any(k[1] != "looting" for k in keyed) and inferred != "riot":
        inferred = None
    if inferred:
        keyed.append((lex.rank[inferred], inferred, first))
    if not keyed:
        return ("battle" if target != "property" else "vac"), first
    best = max(keyed)
    return best[1], best[2]


def _date(ctx: ArticleContext, o: Occurrence,
          told: refine_date.Told) -> tuple[DateSpan | None, Span | None]:
    span, where = _vague_date(ctx, o)
    if span is not None and (day := refine_date.told_day(ctx, o, span, told)) is not None:
        return day.span, _span(ctx, day.start, day.end)
    return span, where


def _vague_date(ctx: ArticleContext, o: Occurrence) -> tuple[DateSpan | None, Span | None]:
    if o.date is not None:
        return o.date.span, _span(ctx, o.date.start, o.date.end)
    if (told := _sentence_date(ctx, o)) is not None:
        return told.span, _span(ctx, told.start, told.end)
    first = ctx.sentences[o.first.sent]
    prev = [m for m in ctx.dates if m.end <= o.first.start
            and ctx.sentence_at(m.start).paragraph == first.paragraph
            and not anchors.is_statement_date(ctx, m)
            and not anchors.is_report_date(ctx, m, o.first.start)]
    if prev:
        return prev[-1].span, _span(ctx, prev[-1].start, prev[-1].end)
    report = [m for m in within(ctx.dates, first.start, first.end)
              if m.span.precision == "day" and anchors.is_report_date(ctx, m, o.first.start)]
    if report:
        return _before(report[0].span), _span(ctx, report[0].start, report[0].end)
    pub = dates.report_day(ctx.text, ctx.article.published, ctx.lang)
    if pub is None:
        return None, None  # not stated, and no publication date to fall back on
    return dates.publication_span(pub), None


def _sentence_date(ctx: ArticleContext, o: Occurrence) -> dates.DateMatch | None:
    """"Des individus armés ont mené lundi un raid meurtrier sur des villages, tuant une
    quinzaine de personnes": the one day a member's sentence gives, in that member's clause,
    though the segment that holds it belongs to a word that is no occurrence of its own."""
    for c in o.members:
        sent = ctx.sentences[c.sent]
        found = [m for m in within(ctx.dates, sent.start, sent.end) if m.anchor == "at"]
        if len(found) == 1 and found[0].span.precision == "day" and found[0].span.stated \
                and anchors.governs(ctx, found[0], c.start):
            return found[0]
    return None


def _before(announced: DateSpan) -> DateSpan:
    """An event only announced on a day ("ont annoncé lundi la mort de ...") happened in
    the week before that day: a range ending the day before, not stated."""
    end = announced.start - timedelta(days=1)
    return DateSpan(end - timedelta(days=_REPORT_LAG - 1), end, "range", None, stated=False)


def _location(ctx: ArticleContext, place: PlaceMatch | None) -> tuple[Location, Span | None]:
    if place is None:
        return Location(country=ctx.country, geo_precision=3 if ctx.country else None), None
    loc = replace(place.location, text=place.text,
                  geo_precision=place.location.geo_precision or _PRECISION.get(place.kind, 3))
    return loc, _span(ctx, place.start, place.end)


def _actor(role: roles.Role, basis: str) -> Actor:
    r = role.record
    return Actor(r.id, r.name, role.span.text, basis, r.type, r.country)  # type: ignore[arg-type]


def _roles(ctx: ArticleContext, o: Occurrence) -> tuple[roles.Role | None, roles.Role | None]:
    a1 = a2 = None
    tokens = [c.token for c in o.members + [c for c in o.summaries if c.kind == "event"]]
    # "après des combats contre X ... X a attaqué une base": who attacked what says more
    # than a clash's "contre"
    tokens.sort(key=lambda i: attribution.clash_noun(ctx.doc[i]))
    tokens += [c.means_of for c in o.members if c.means_of is not None]  # l'assassinat de X
    own = next((c.target for c in o.members if c.target is not None), None)
    if own is not None:  # one verb, two targets: each occurrence has its own
        a2 = own_target(ctx, ctx.doc[own])
    for i in tokens:
        t1, t2 = roles.role_tokens(ctx.doc[i])
        a1 = a1 or (roles.resolve(ctx, t1) if t1 is not None else None)
        a2 = a2 or (roles.resolve(ctx, t2) if t2 is not None else None)
    a1 = a1 or _named_by_trigger(ctx, o) or next(
        (r for i in tokens if (r := authors.owner(ctx, ctx.doc[i])) is not None), None)
    if a1 is None and o.type_keys & lexicon.words("roles", "striker_types", ctx.lang) and (
            m := attribution.article_striker(ctx)) is not None:
        a1 = roles.Role(m.record, Span(m.start, m.end, m.text), "")  # "des raids israéliens"
    if a1 is None and not o.type_keys - lexicon.words("roles", "armed_types", ctx.lang):
        a1 = authors.series_author(ctx, o)  # "la troisième attaque de l'EI ce mois"
    if a1 is None and "agreement" in o.type_keys:
        t1, t2 = roles.sentence_parties(ctx, o.first.sent)
        a1 = roles.resolve(ctx, t1) if t1 is not None else None
        a2 = a2 or (roles.resolve(ctx, t2) if t2 is not None else None)
    return a1, a2


def _victim(ctx: ArticleContext, o: Occurrence,
            found: dict[str, casualties.Toll]) -> roles.Role | None:
    """Who died: "30 soldats ont été tués", "a fait périr des civils" (in the occurrence's
    sentences or the ones its tolls were read from)."""
    toll_sents = {ctx.sentence_at(t.start).index for t in found.values()}
    for s in sorted(set(_sents(o)) | toll_sents):
        v = roles.victim_token(ctx, s) or killed_subject(ctx, s)
        hit = roles.resolve(ctx, v) if v is not None else None
        if hit:
            return hit
    return None


def _crowd_as(ctx: ArticleContext, role: roles.Role | None, key: str | None) -> roles.Role | None:
    """A crowd is coded by what it did: rioters in a riot, protesters in a protest."""
    if role is None or roles.target_class(role.head, ctx.lang) != "crowd":
        return role
    if key == "riot":
        return replace(role, record=actors.rioters(ctx.country))
    if key == "protest":
        return replace(role, record=actors.protesters(ctx.country))
    return role


def _unnamed_dead(ctx: ArticleContext, o: Occurrence, key: str | None,
                  found: dict[str, casualties.Toll]) -> roles.Role | None:
    """A suicide bombing, or a bomb in a market, a mosque or a bus, that killed people the
    report does not say were anything else killed civilians (ACLED's coding of a blast in
    a crowd); so did an attack whose dead fell in a village ("douze morts dans le village")."""
    if not (toll := found.get("fatalities")) or toll.value <= 0:
        return None
    if key not in lexicon.words("roles", "civilian_by_default", ctx.lang) and not (
            key == "vac" and (village_toll(ctx, found.values()) or restated_civilians(
                ctx, found.values()))) and not (
            key in lexicon.words("roles", "civilian_in_public", ctx.lang) and _in_public(
            ctx, o)):
        return None
    return roles.Role(actors.civilians(ctx.country), _span(ctx, toll.start, toll.end), "")


def _in_public(ctx: ArticleContext, o: Occurrence) -> bool:
    """The occurrence's sentences place it where civilians gather."""
    places = lexicon.words("roles", "public_places", ctx.lang)
    for s in _sents(o):
        sent = ctx.sentences[s]
        if any(fold(t.lemma_) in places or fold(t.lower_) in places
               for t in ctx.doc[sent.tok_start:sent.tok_end]):
            return True
    return False


def _civilian(role: roles.Role | None) -> bool:
    return role is not None and (role.record.type or "").startswith("Civilian")


def _named_by_trigger(ctx: ArticleContext, o: Occurrence) -> roles.Role | None:
    """"un raid américain", "des frappes russes": an actor named on the trigger itself."""
    for c in o.members:
        for m in ctx.actors:
            if m.start <= c.start < m.end:
                return roles.Role(m.record, Span(m.start, m.end, m.text), "")
    return None


def told_sentences(occs: list[Occurrence]) -> refine_date.Told:
    """The sentences that tell an occurrence, with the type keys of those told there."""
    out: dict[int, set[str]] = {}
    for o in occs:
        for c in o.members + o.summaries:
            out.setdefault(c.sent, set()).update(o.type_keys)
    return {s: frozenset(keys) for s, keys in out.items()}


def _typed(ctx: ArticleContext, o: Occurrence, a1: roles.Role | None, a2: roles.Role | None,
           victim: roles.Role | None, found: dict[str, casualties.Toll]
           ) -> tuple[str | None, int, roles.Role | None, roles.Role | None]:
    """The type key and its trigger, with the actors recoded by what the type says."""
    a2 = _site_of_forces(ctx, a2, victim)
    civ = casualties.civilian_victims(found.values(), ctx.lang) or village_toll(
        ctx, found.values()) or restated_civilians(ctx, found.values())
    key, trig = _type(ctx, o, a1, a2, civ)
    if key == "battle" and one_sided(ctx, o, a1, a2, victim, found.values(), civ):
        key = "vac"  # "deux villageois tués lors d'une embuscade": no one fought back
    if key in ("vac", "abduction") and _civilian(victim) and not _civilian(a2):
        a2 = victim  # violence against civilians: the civilians harmed are its target
    if key == "battle":
        a2 = armed_side(ctx, o, a1, a2)
    a1 = _crowd_as(ctx, a1, key)
    if a1 is not None and key in lexicon.words("roles", "armed_types", ctx.lang):
        a1 = replace(a1, record=actors.armed_forces_of(a1.record))
    if key == "overtake" and a1 is not None and a1.record.type == "State forces":
        key = "regain"  # the state taking ground back
    return key, trig, a1, a2


def _site_of_forces(ctx: ArticleContext, a2: roles.Role | None,
                    victim: roles.Role | None) -> roles.Role | None:
    """"Le groupe a ciblé une mosquée ... trois soldats ont été tués": a building hit is
    coded by who was harmed in it; a site (mosque, market, school) named as the target
    does not make soldiers killed there civilians."""
    if not _civilian(a2) or victim is None or victim.record.type != "State forces" or (
            a2 is None or a2.head not in lexicon.words("triggers", "site_nouns", ctx.lang)):
        return a2
    return victim


def _actor_one(ctx: ArticleContext, o: Occurrence, a1: roles.Role | None,
               cl: claims.ClaimResult, fields: dict[str, Span]) -> tuple[Actor, list[Actor]]:
    """Actor 1 as reported, claimed or attributed, and who claimed it."""
    claimed_by = []
    actor1 = _actor(a1, "reported") if a1 else None
    for c in cl.claims.get(id(o), []):
        if c.basis == "cited":  # a group cited about the attack: its claim, if none else
            if actor1 is None or _unidentified(actor1):
                actor1 = _actor(c.role, "claimed")
                claimed_by.append(actor1)
                fields["actor1"] = c.role.span
                fields.setdefault("claimed_by", _span(ctx, c.verb_start, c.verb_end))
            continue
        if c.basis == "claimed":
            claimed_by.append(_actor(c.role, "claimed"))
            fields.setdefault("claimed_by", _span(ctx, c.verb_start, c.verb_end))
        if actor1 is None or _unidentified(actor1) or (
                c.basis == "claimed" and not _unidentified(_actor(c.role, c.basis))):
            # a group that claimed it, or one blamed for it, names the "hommes armés"
            actor1 = _actor(c.role, c.basis)
            fields["actor1"] = c.role.span
    if actor1 is None:
        rec = actors.unidentified(ctx.country)
        actor1 = Actor(rec.id, rec.name, None, "unknown", rec.type, rec.country)
        if "event_type" in fields:  # the words that imply an unknown perpetrator
            fields["actor1"] = fields["event_type"]
    elif "actor1" not in fields and a1:
        fields["actor1"] = a1.span
    return actor1, claimed_by


def _unidentified(a: Actor) -> bool:
    return a.id.startswith("unidentified-armed-group")


def _weapon(ctx: ArticleContext, o: Occurrence, fields: dict[str, Span]) -> str | None:
    lex = compiled(ctx.lang)
    wpn = next((c.weapon for c in sorted(o.members, key=lambda c: -lex.rank.get(
        c.type_key or "", 0)) if c.weapon), None)
    if wpn:
        w = next(c for c in o.members if c.weapon == wpn)
        fields["weapon"] = _span(ctx, w.start, w.end)
    elif (hit := weapon.from_text(ctx, _sents(o))) is not None:
        wpn, fields["weapon"] = hit
    return wpn


def mention(ctx: ArticleContext, o: Occurrence, n: int, cl: claims.ClaimResult,
            owners: dict[int, int], place: PlaceMatch | None, told: refine_date.Told) -> Mention:
    a1, a2 = _roles(ctx, o)
    found = occurrence_tolls(ctx, o, owners, told, target_class(ctx, a2))
    victim = _victim(ctx, o, found)
    key, trig, a1, a2 = _typed(ctx, o, a1, a2 or victim, victim, found)
    a2 = a2 or _unnamed_dead(ctx, o, key, found)
    etype, sub = compiled(ctx.lang).types[key] if key else ("Battles", "Armed clash")
    fields: dict[str, Span] = {"event_type": _span(ctx, trig, next(
        c.end for c in o.members if c.start == trig))}
    span, dspan = _date(ctx, o, told)
    if dspan:
        fields["date"] = dspan
    loc, lspan = _location(ctx, place)
    if lspan:
        fields["location"] = lspan
    actor1, claimed_by = _actor_one(ctx, o, a1, cl, fields)
    if a2 and a2.record.id == actor1.id and victim and victim.record.id != actor1.id:
        a2 = victim  # "les jihadistes avaient subi des pertes": the attackers' losses
    actor2 = _actor(a2, "reported") if a2 else None
    if a2:
        fields["actor2"] = a2.span
    sents = _sents(o) + [c.sent for c in o.summaries]
    wpn = _weapon(ctx, o, fields)
    for kind in ("fatalities", "injuries"):
        if kind in found:
            fields[kind] = _span(ctx, found[kind].start, found[kind].end)
    outlets, ospans = reporting.reported_by(ctx, sents)
    if ospans:
        fields["reported_by"] = ospans[0]
    evidence = [_span(ctx, ctx.sentences[s].start, ctx.sentences[s].end) for s in sorted(set(
        sents))]
    conf = 0.45 + 0.15 * (key not in (None, "battle") or bool(o.type_keys)) \
        + 0.1 * bool(span and span.stated) + 0.1 * bool(loc.admin1) \
        + 0.1 * (actor1.basis != "unknown")
    return Mention(
        id=f"{ctx.article.id}:{n}", article=ctx.article.id, event_type=etype,
        sub_event_type=sub, date=span, location=loc, actor1=actor1, actor2=actor2,
        claimed_by=claimed_by,
        fatalities=found["fatalities"].value if "fatalities" in found else None,
        injuries=found["injuries"].value if "injuries" in found else None,
        weapon=wpn, reported_by=outlets, origin=reporting.origin(ctx, sents),
        status=status.status(ctx, sents, bool(claimed_by), o.denied),
        evidence=evidence, fields=fields, confidence=round(min(conf, 0.95), 3))
