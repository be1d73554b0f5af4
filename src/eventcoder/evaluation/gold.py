"""Reading gold annotations: one ``<article id>.gold.json`` per article.

Gold values are lists of acceptable answers, because a text often allows more than one
coding. Here every field becomes either ``None`` (not scored: the field was missing or a
bare ``null``) or a tuple of acceptable values, where ``None`` inside the tuple accepts a
prediction that gives no value. Keeping that distinction in the types is what lets the
comparison code stay a plain membership test.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

logger = logging.getLogger(__name__)

GOLD_SUFFIX = ".gold.json"
# Fields whose gold value is a list of acceptable plain values (strings or numbers).
LIST_FIELDS = ("event_type", "sub_event_type", "actor1", "actor2", "fatalities", "injuries",
               "weapon")

Choices = tuple[Any, ...]


class GoldError(ValueError):
    """A gold file that cannot be read; scoring against a half-read file would mislead."""


@dataclass(frozen=True)
class GoldSpan:
    """An inclusive span of days, as gold gives ``date``."""

    start: date
    end: date

    @property
    def days(self) -> int:
        return (self.end - self.start).days


@dataclass(frozen=True)
class GoldEvent:
    """One annotated occurrence in one article; ``None`` fields are not scored."""

    key: str
    article: str
    index: int
    event_type: Choices | None = None
    sub_event_type: Choices | None = None
    dates: tuple[GoldSpan, ...] | None = None
    country: Choices | None = None
    admin1: Choices | None = None
    actor1: Choices | None = None
    actor2: Choices | None = None
    fatalities: Choices | None = None
    injuries: Choices | None = None
    weapon: Choices | None = None

    def choices(self, name: str) -> Choices | None:
        value: Choices | None = getattr(self, name)
        return value


@dataclass
class GoldArticle:
    article: str
    events: list[GoldEvent] = field(default_factory=list)
    path: str | None = None


def _choices(value: Any) -> Choices | None:
    """A bare null means "not scored"; a scalar is a one-item list."""
    if value is None:
        return None
    if isinstance(value, list):
        return tuple(value)
    return (value,)


def _span(d: Any, where: str) -> GoldSpan:
    try:
        start, end = date.fromisoformat(d["start"]), date.fromisoformat(d["end"])
    except (KeyError, TypeError, ValueError) as exc:
        raise GoldError(f"{where}: bad date span {d!r}") from exc
    if end < start:
        raise GoldError(f"{where}: date span ends before it starts: {d!r}")
    return GoldSpan(start, end)


def _dates(value: Any, where: str) -> tuple[GoldSpan, ...] | None:
    """``date`` is one span or a list of spans whose first is the true one."""
    if value is None:
        return None
    spans = value if isinstance(value, list) else [value]
    if not spans:
        return None
    return tuple(_span(s, where) for s in spans)


def parse_event(d: dict[str, Any], article: str, index: int) -> GoldEvent:
    where = f"{article} event {index}"
    if not isinstance(d, dict) or not d.get("key"):
        raise GoldError(f"{where}: every gold event needs a key")
    location = d.get("location") or {}
    if not isinstance(location, dict):
        raise GoldError(f"{where}: location must be an object")
    values = {name: _choices(d.get(name)) for name in LIST_FIELDS}
    return GoldEvent(
        key=str(d["key"]),
        article=article,
        index=index,
        dates=_dates(d.get("date"), where),
        country=_choices(location.get("country")),
        admin1=_choices(location.get("admin1")),
        **values,
    )


def parse_gold(data: Any, fallback_id: str, path: str | None = None) -> GoldArticle:
    """One gold document; the article id is its ``article`` field, else the file name."""
    if not isinstance(data, dict) or not isinstance(data.get("events"), list):
        raise GoldError(f"{path or fallback_id}: a gold file is an object with an events list")
    article = str(data.get("article") or fallback_id)
    if article != fallback_id:
        logger.warning("%s: names article %r; scoring it as that article", path, article)
    events = [parse_event(e, article, i) for i, e in enumerate(data["events"])]
    return GoldArticle(article, events, path)


def _gold_files(gold_dir: Path) -> Iterator[Path]:
    if not gold_dir.is_dir():
        raise GoldError(f"{gold_dir}: not a directory of gold files")
    yield from sorted(gold_dir.glob(f"*{GOLD_SUFFIX}"))


def load_gold(gold_dir: Path) -> dict[str, GoldArticle]:
    """Every gold file in a directory, by article id."""
    gold: dict[str, GoldArticle] = {}
    for path in _gold_files(Path(gold_dir)):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as exc:
            raise GoldError(f"{path}: {exc}") from exc
        doc = parse_gold(data, path.name[: -len(GOLD_SUFFIX)], str(path))
        if doc.article in gold:
            raise GoldError(f"{path}: a second gold file for article {doc.article}")
        gold[doc.article] = doc
    return gold
