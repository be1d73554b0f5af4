"""Language data of the extractor, read lazily from data/<lang>/*.yaml and cached."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

from eventcoder import yamlio


@cache
def load(name: str, lang: str = "fr") -> dict[str, Any]:
    """The parsed ``data/<lang>/<name>.yaml``."""
    path = resources.files("eventcoder") / "data" / lang / f"{name}.yaml"
    data = yamlio.safe_load(path.read_text(encoding="utf-8"))
    return data or {}


@cache
def words(name: str, key: str, lang: str = "fr") -> frozenset[str]:
    """One list of a data file as a set, for membership tests."""
    return frozenset(str(w) for w in load(name, lang).get(key, []))
