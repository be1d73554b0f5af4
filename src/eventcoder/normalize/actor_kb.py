"""Loading the actor knowledge base: records, per-language aliases, generated state forces.

Everything here is read from package data (data/actors.yaml, data/<lang>/actors.yaml,
data/<lang>/demonyms.yaml, data/<lang>/actor_nouns.yaml, data/state_forces.yaml) once and
cached; adding an armed group or a language is a data change.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field, replace
from functools import cache
from importlib.resources import files
from typing import Any

from eventcoder import yamlio

log = logging.getLogger(__name__)

LANGS = ("fr", "en", "ar")
ACTOR_TYPES = {"State forces": 1, "Rebel group": 2, "Political militia": 3,
               "Identity militia": 4, "Rioters": 5, "Protesters": 6, "Civilians": 7,
               "External/Other": 8}
STATE_KINDS = ("military", "police")


@dataclass(frozen=True)
class ActorRecord:
    id: str
    name: str
    type: str | None = None
    country: str | None = None
    aliases: tuple[str, ...] = field(default_factory=tuple)
    front_of: str | None = None
    part_of: str | None = None
    successor_of: str | None = None
    periods: tuple[str, ...] = field(default_factory=tuple)


def load_yaml(*parts: str) -> Any:
    """A data file's content, or None when the language has no such file."""
    res = files("eventcoder").joinpath("data", *parts)
    if not res.is_file():
        return None
    return yamlio.safe_load(res.read_text(encoding="utf-8"))


@cache
def state_country_name(cc: str) -> str:
    """The country as ACLED writes it inside "Military Forces of …"."""
    from eventcoder.normalize import countries

    conf = load_yaml("state_forces.yaml") or {}
    name = (conf.get("names") or {}).get(cc) or countries.english_name(cc) or cc
    return f"the {name}" if cc in (conf.get("with_article") or []) else name


def state_name(cc: str, kind: str) -> str:
    prefix = "Military Forces of" if kind == "military" else "Police Forces of"
    return f"{prefix} {state_country_name(cc)}"


def _adjective_forms(entry: str | list[str]) -> dict[str, str]:
    """Masculine/feminine singular/plural of a French adjective, by the regular rules."""
    if isinstance(entry, list):
        ms, fs, mp, fp = entry
        return {"ms": ms, "fs": fs, "mp": mp, "fp": fp}
    ms = entry
    if ms.endswith("e"):
        fs = ms
    elif ms.endswith(("ien", "éen")):
        fs = ms + "ne"
    else:
        fs = ms + "e"
    mp = ms if ms.endswith(("s", "x")) else ms + "s"
    return {"ms": ms, "fs": fs, "mp": mp, "fp": fs + "s"}


def _demonym_aliases(lang: str) -> dict[str, list[str]]:
    """Aliases of generated state forces from nationality adjectives and patterns."""
    demonyms = load_yaml(lang, "demonyms.yaml") or {}
    patterns = (load_yaml(lang, "actor_nouns.yaml") or {}).get("state_forces") or {}
    out: dict[str, list[str]] = {}
    for cc, entry in demonyms.items():
        forms = _adjective_forms(entry) if lang == "fr" else {"adj": str(entry)}
        for kind in STATE_KINDS:
            out[f"{cc.lower()}-{kind}"] = [p.format(**forms) for p in patterns.get(kind, [])]
    return out


def _generated_state_forces() -> dict[str, ActorRecord]:
    codes = sorted({cc for lang in LANGS for cc in (load_yaml(lang, "demonyms.yaml") or {})})
    return {f"{cc.lower()}-{kind}": ActorRecord(
        id=f"{cc.lower()}-{kind}", name=state_name(cc, kind), type="State forces", country=cc)
        for cc in codes for kind in STATE_KINDS}


def _record(raw: dict[str, Any]) -> ActorRecord:
    return ActorRecord(
        id=raw["id"], name=raw["name"], type=raw.get("type"), country=raw.get("country"),
        front_of=raw.get("front_of"), part_of=raw.get("part_of"),
        successor_of=raw.get("successor_of"),
        periods=tuple(str(p) for p in raw.get("periods") or ()))


@cache
def aliases_by_lang() -> dict[str, dict[str, list[str]]]:
    """lang -> id -> aliases (hand-written ones first, then generated state-force forms)."""
    out: dict[str, dict[str, list[str]]] = {}
    for lang in LANGS:
        merged: dict[str, list[str]] = {k: list(v) for k, v in
                                        (load_yaml(lang, "actors.yaml") or {}).items()}
        for rid, extra in _demonym_aliases(lang).items():
            merged.setdefault(rid, []).extend(extra)
        out[lang] = merged
    return out


@cache
def records() -> dict[str, ActorRecord]:
    """Every known actor by id: generated state forces overridden by data/actors.yaml."""
    recs = _generated_state_forces()
    for raw in load_yaml("actors.yaml") or []:
        rec = _record(raw)
        if rec.id in recs:
            log.debug("actors.yaml overrides generated record %s", rec.id)
        recs[rec.id] = rec
    by_lang = aliases_by_lang()
    for rid, rec in recs.items():
        seen: dict[str, None] = {}
        for lang in LANGS:
            for alias in by_lang[lang].get(rid, []):
                seen.setdefault(alias, None)
        recs[rid] = replace(rec, aliases=tuple(seen))
    _check_links(recs)
    return recs


def _check_links(recs: dict[str, ActorRecord]) -> None:
    for rec in recs.values():
        for target in (rec.front_of, rec.part_of, rec.successor_of):
            if target and target not in recs:
                raise ValueError(f"actor {rec.id} links to unknown id {target}")
    for lang, by_id in aliases_by_lang().items():
        unknown = set(by_id) - set(recs)
        if unknown:
            raise ValueError(f"data/{lang}/actors.yaml: unknown ids {sorted(unknown)}")


@cache
def nouns(lang: str) -> dict[str, list[str]]:
    """Generic role nouns by actor class for one language (empty when none are listed)."""
    return dict((load_yaml(lang, "actor_nouns.yaml") or {}).get("nouns") or {})
