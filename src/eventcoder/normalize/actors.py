"""Actors and outlets: canonical names across French, English and Arabic aliases (issue 4).

Named groups are looked up in a knowledge base (data/actors.yaml plus per-language alias
files); generic role nouns ("hommes armés", "civils") map to ACLED's generic actors of the
event's country. Decisions:

- The Islamic State is found as the generic "Islamic State" unless the text names a
  province; :func:`specialise` then maps it to the country branch ACLED codes
  ("Islamic State (Iraq)", "Islamic State West Africa Province", …), and
  :func:`resolve_actor` applies it when given the event country.
- Canonical names carry no year ranges ("Military Forces of Iraq"); ACLED's ranges are
  kept in ``ActorRecord.periods``.
- A surface form the base does not know is never dropped: it becomes an "x-" record.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from rapidfuzz import fuzz, process

from eventcoder.normalize.actor_kb import (
    ACTOR_TYPES,
    LANGS,
    ActorRecord,
    load_yaml,
    nouns,
    records,
    state_name,
)
from eventcoder.normalize.alias_index import AliasIndex, Hit, tokenize
from eventcoder.normalize.outlets import OutletMatch, find_outlets

__all__ = ["ActorMatch", "ActorRecord", "OutletMatch", "all_actors", "armed_forces_of",
           "civilians", "compatible",
           "find_actors", "find_outlets", "generic_actor", "get", "inter_code", "protesters",
           "resolve_actor", "rioters", "slug", "specialise", "state_forces", "unidentified"]

Payload = tuple[str, str]  # ("actor", id) or ("noun", actor class)
FUZZY_SCORE = 92.0
_YEARS = re.compile(r"\s*\(\d{4}\s*-\s*(\d{4})?\)")
_GENERIC_LABEL = re.compile(
    r"^(Unidentified Armed Group|Unidentified Communal Militia|Fulani Ethnic Militia|Civilians|"
    r"Protesters|Rioters)\s*\((.+)\)$", re.I)
_LEADING = re.compile(r"^(?:(?:les|le|la|l['’]|un|une|des|du|de la|the|an|a)\s+|l['’])+", re.I)
_LABEL_CLASSES = {"unidentified armed group": "unidentified",
                  "unidentified communal militia": "communal_militia",
                  "fulani ethnic militia": "fulani_militia"}
_TRIM = "«»\"“”‘’'()[] \t\n,.;:"


@dataclass(frozen=True)
class ActorMatch:
    start: int
    end: int
    text: str
    record: ActorRecord
    generic: bool = False  # a role noun ("civils"), not a named actor
    fuzzy: bool = False


def slug(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")


def get(actor_id: str) -> ActorRecord | None:
    return records().get(actor_id)


def all_actors() -> list[ActorRecord]:
    return list(records().values())


# --- generic actors ----------------------------------------------------------------------

def _country_label(country: str | None) -> str | None:
    from eventcoder.normalize import countries

    return countries.english_name(country) if country else None


def _labelled(prefix: str, type_: str, country: str | None) -> ActorRecord:
    name = _country_label(country)
    label = f"{prefix} ({name})" if name else prefix
    known = _by_name().get(label)
    return known or ActorRecord(id=slug(label), name=label, type=type_, country=country)


@cache
def _by_name() -> dict[str, ActorRecord]:
    return {rec.name: rec for rec in records().values()}


def unidentified(country: str | None) -> ActorRecord:
    return _labelled("Unidentified Armed Group", "Political militia", country)


def civilians(country: str | None) -> ActorRecord:
    return _labelled("Civilians", "Civilians", country)


def protesters(country: str | None) -> ActorRecord:
    return _labelled("Protesters", "Protesters", country)


def rioters(country: str | None) -> ActorRecord:
    return _labelled("Rioters", "Rioters", country)


def fulani_militia(country: str | None) -> ActorRecord:
    return _labelled("Fulani Ethnic Militia", "Identity militia", country)


def communal_militia(country: str | None) -> ActorRecord:
    return _labelled("Unidentified Communal Militia", "Identity militia", country)


def state_forces(country: str | None, kind: str = "military") -> ActorRecord:
    """ACLED's state forces of a country, e.g. "Police Forces of Niger" (no year range)."""
    if kind not in ("military", "police"):
        raise ValueError(f"kind must be 'military' or 'police', not {kind!r}")
    if not country:
        name = "Military Forces" if kind == "military" else "Police Forces"
        return ActorRecord(id=kind, name=name, type="State forces")
    known = get(f"{country.lower()}-{kind}")
    if known is not None:
        return known
    return ActorRecord(id=f"{country.lower()}-{kind}", name=state_name(country, kind),
                       type="State forces", country=country)


def armed_forces_of(record: ActorRecord) -> ActorRecord:
    """A government or a country named as the author of armed violence ("Washington a
    mené des raids", "un drone des États-Unis") stands for its military forces."""
    if record.id.endswith("-government") and record.country:
        return state_forces(record.country)
    return record


_CLASSES = {"unidentified": unidentified, "civilians": civilians, "protesters": protesters,
            "rioters": rioters, "fulani_militia": fulani_militia,
            "communal_militia": communal_militia,
            "military": lambda c: state_forces(c, "military"),
            "police": lambda c: state_forces(c, "police")}


def _class_record(actor_class: str, country: str | None) -> ActorRecord:
    """A generic class names its country's generic actor, or the one movement the class
    names in that country ("les séparatistes" of Cameroon: data/actor_branches.yaml)."""
    if country and (branch := _branches().get((f"noun:{actor_class}", country))):
        return records()[branch]
    return _CLASSES.get(actor_class, unidentified)(country)


def generic_actor(noun: str, country: str | None, lang: str = "fr") -> ActorRecord | None:
    """The generic actor a role noun denotes ("des hommes armés" -> Unidentified Armed Group)."""
    hits = [h for h in _index(lang).find(noun) if h.payload[0] == "noun"]
    if not hits:
        return None
    best = max(hits, key=lambda h: h.size)
    return _class_record(best.payload[1], country)


# --- matching -----------------------------------------------------------------------------

@cache
def _index(lang: str) -> AliasIndex[Payload]:
    """Named aliases of every language (transliterations cross languages) + lang's nouns."""
    named: list[tuple[str, Payload]] = []
    for rec in records().values():
        named.append((rec.name, ("actor", rec.id)))
        named.extend((a, ("actor", rec.id)) for a in rec.aliases)
    generic = [(n, ("noun", cls)) for cls, words in nouns(lang).items() for n in words]
    return AliasIndex(named + generic, fuzzy=named)


def _to_match(hit: Hit[Payload], country: str | None) -> ActorMatch:
    kind, key = hit.payload
    if kind == "noun":
        return ActorMatch(hit.start, hit.end, hit.text, _class_record(key, country), generic=True)
    return ActorMatch(hit.start, hit.end, hit.text, records()[key], fuzzy=hit.fuzzy)


def find_actors(text: str, lang: str = "fr", country: str | None = None,
                generic: bool = True) -> list[ActorMatch]:
    """Actor mentions in text order, non-overlapping, longest first.

    Role nouns are included (flagged ``generic``) unless ``generic`` is False; they name the
    generic actors of ``country``. Capitalised spans close to a known alias (rapidfuzz
    ratio >= 92) are reported with ``fuzzy`` set.
    """
    hits = _index(lang).find(text, tokenize(text), use_fuzzy=True, score=FUZZY_SCORE)
    return [_to_match(h, country) for h in hits if generic or h.payload[0] != "noun"]


# --- resolution ---------------------------------------------------------------------------

def _clean(surface: str) -> str:
    text = _YEARS.sub("", " ".join(surface.split())).strip(_TRIM)
    return _LEADING.sub("", text).strip(_TRIM) or text


@cache
def _country_codes() -> dict[str, str]:
    import pycountry

    from eventcoder.normalize import countries

    out = {}
    for c in pycountry.countries:
        name = countries.english_name(c.alpha_2)
        if name:
            out[name.casefold()] = c.alpha_2
    return out


def _generic_label(text: str) -> ActorRecord | None:
    """ACLED's own generic labels given as text: "Civilians (Iraq)"."""
    m = _GENERIC_LABEL.match(text)
    if not m:
        return None
    cc = _country_codes().get(m.group(2).strip().casefold())
    label = m.group(1).casefold()
    cls = _LABEL_CLASSES.get(label, label)
    return _class_record(cls, cc) if cc else None


@cache
def _fuzzy_choices() -> tuple[list[str], list[str]]:
    keys, ids = [], []
    for rec in records().values():
        for alias in (rec.name, *rec.aliases):
            keys.append(" ".join(t.key for t in tokenize(alias)))
            ids.append(rec.id)
    return keys, ids


def _lookup(text: str, lang: str, country: str | None) -> ActorRecord | None:
    hits = _index(lang).find(text, tokenize(text), use_fuzzy=True, score=FUZZY_SCORE)
    named = [h for h in hits if h.payload[0] == "actor"]
    if named:
        top = max(named, key=lambda h: (h.size, not h.fuzzy, -h.start))
        return records()[top.payload[1]]
    generic = [h for h in hits if h.payload[0] == "noun"]
    if generic:
        return _class_record(max(generic, key=lambda h: h.size).payload[1], country)
    key = " ".join(t.key for t in tokenize(text))
    keys, ids = _fuzzy_choices()
    close = process.extractOne(key, keys, scorer=fuzz.ratio, score_cutoff=FUZZY_SCORE)
    return records()[ids[close[2]]] if close else None


def resolve_actor(surface: str, lang: str = "fr", country: str | None = None) -> ActorRecord:
    """The known actor a surface form names, or a new record keeping the surface text.

    With ``country``, generic nouns name that country's actors and the Islamic State is
    specialised to the branch ACLED codes there.
    """
    text = _clean(surface)
    if not text:
        return unidentified(country)
    found = _generic_label(text) or _lookup(text, lang, country)
    if found is None:
        return ActorRecord(id="x-" + slug(text), name=text, country=country)
    return specialise(found, country)


@cache
def _branches() -> dict[tuple[str, str], str]:
    """(umbrella id, country) -> the branch ACLED codes in that country."""
    out: dict[tuple[str, str], str] = {}
    for rec in records().values():
        if rec.part_of == "islamic-state" and rec.country:
            out.setdefault(("islamic-state", rec.country), rec.id)
    for row in load_yaml("actor_branches.yaml") or []:  # operating beyond its country
        out.setdefault((row["umbrella"], row["country"]), row["branch"])
    return out


def specialise(record: ActorRecord, country: str | None) -> ActorRecord:
    """The country branch of a multi-country group, where ACLED distinguishes one."""
    if not country:
        return record
    branch = _branches().get((record.id, country))
    return records()[branch] if branch else record


# --- relations and codes ------------------------------------------------------------------

def _is_unidentified(actor_id: str) -> bool:
    return actor_id.startswith("unidentified-armed-group")


@cache
def _ancestors(actor_id: str) -> frozenset[str]:
    """Every id this actor fronts for, belongs to or succeeds, transitively."""
    seen: set[str] = set()
    todo = [actor_id]
    while todo:
        rec = get(todo.pop())
        if rec is None:
            continue
        for nxt in (rec.front_of, rec.part_of, rec.successor_of):
            if nxt and nxt not in seen:
                seen.add(nxt)
                todo.append(nxt)
    return frozenset(seen)


def compatible(a: str | None, b: str | None) -> bool:
    """Two actor ids can name the same perpetrator (same, front group, or part of)."""
    if a is None or b is None or a == b or _is_unidentified(a) or _is_unidentified(b):
        return True
    return b in _ancestors(a) or a in _ancestors(b)


def inter_code(record: ActorRecord, event_country: str | None = None) -> int:
    """ACLED's inter code; a state's forces acting outside their country are External (8)."""
    code = ACTOR_TYPES.get(record.type or "", 8)
    if code == 1 and event_country and record.country and record.country != event_country:
        return 8
    return code


def languages() -> tuple[str, ...]:
    return LANGS
