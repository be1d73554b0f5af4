"""Actors and outlets: canonical names across French, English and Arabic aliases (issue 4)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field


@dataclass(frozen=True)
class ActorRecord:
    id: str
    name: str
    type: str | None = None
    country: str | None = None
    aliases: tuple[str, ...] = field(default_factory=tuple)
    front_of: str | None = None
    part_of: str | None = None


@dataclass(frozen=True)
class ActorMatch:
    start: int
    end: int
    text: str
    record: ActorRecord


@dataclass(frozen=True)
class OutletMatch:
    start: int
    end: int
    text: str
    name: str
    id: str | None = None


def slug(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")


def find_actors(text: str, lang: str = "fr") -> list[ActorMatch]:
    return []


def find_outlets(text: str, lang: str = "fr") -> list[OutletMatch]:
    return []


def resolve_actor(surface: str, lang: str = "fr", country: str | None = None) -> ActorRecord:
    """The known actor a surface form names, or a new record keeping the surface text."""
    return ActorRecord(id="x-" + slug(surface), name=surface.strip())


def unidentified(country: str | None) -> ActorRecord:
    from eventcoder.normalize import countries

    name = countries.english_name(country) if country else None
    label = f"Unidentified Armed Group ({name})" if name else "Unidentified Armed Group"
    return ActorRecord(id=slug(label), name=label, type="Political militia", country=country)


def compatible(a: str | None, b: str | None) -> bool:
    """Two actor ids can name the same perpetrator (same, front group, or part of)."""
    return a is None or b is None or a == b
