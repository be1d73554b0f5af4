"""Session fixtures of the engine tests: the parsed pipeline and the dev articles."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from eventcoder.schema import Article, PubDate

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"


def read_article(path: Path) -> Article:
    """Seed format: ' date YYYY-MM[-DD] ' then the text (until ingest.read_paths is used)."""
    raw = path.read_text(encoding="utf-8")
    m = re.match(r"\s*date (\d{4})-(\d{2})(?:-(\d{2}))?\s*", raw)
    assert m, path
    y, mo = int(m[1]), int(m[2])
    if m[3]:
        day = date(y, mo, int(m[3]))
        pub = PubDate(day, day, "day")
    else:
        nxt = date(y + (mo == 12), mo % 12 + 1, 1)
        pub = PubDate(date(y, mo, 1), date.fromordinal(nxt.toordinal() - 1), "month")
    return Article(path.stem, raw[m.end():], pub, "fr", path=str(path))


@pytest.fixture(scope="session")
def nlp_fr():  # type: ignore[no-untyped-def]
    from eventcoder import nlp

    return nlp.load("fr")


@pytest.fixture(scope="session")
def dev_article():  # type: ignore[no-untyped-def]
    if not DATA.exists():
        pytest.skip("shared data not available")

    def get(name: str) -> Article:
        for sub in ("seeds", "articles"):
            p = DATA / sub / f"{name}.txt"
            if p.exists():
                return read_article(p)
        pytest.skip(f"{name} not found")

    return get


def one(text: str, published: PubDate | None = None) -> list:  # type: ignore[type-arg]
    """The mentions of one sentence-sized article."""
    from eventcoder.events import extract

    pub = published or PubDate(date(2020, 12, 1), date(2020, 12, 31), "month")
    return next(iter(extract([Article("t", text, pub, "fr")]))).mentions
