"""Dev helper: print each article's mentions next to its gold events (not a scorer)."""

from __future__ import annotations

import json
import re
import sys
from datetime import date
from pathlib import Path

from eventcoder.events import extract
from eventcoder.schema import Article, PubDate

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"


def read(path: Path) -> Article:
    raw = path.read_text(encoding="utf-8")
    m = re.match(r"\s*date (\d{4})-(\d{2})(?:-(\d{2}))?\s*", raw)
    assert m, path
    y, mo, d = int(m[1]), int(m[2]), m[3]
    if d:
        pub = PubDate(date(y, mo, int(d)), date(y, mo, int(d)), "day")
    else:
        nxt = date(y + (mo == 12), mo % 12 + 1, 1)
        pub = PubDate(date(y, mo, 1), date.fromordinal(nxt.toordinal() - 1), "month")
    return Article(path.stem, raw[m.end():], pub, "fr", path=str(path))


def main() -> None:
    paths = sorted((DATA / "seeds").glob("*.txt")) + sorted((DATA / "articles").glob("*.txt"))
    only = sys.argv[1:]
    arts = [read(p) for p in paths if not only or p.stem in only]
    for res in extract(arts):
        gold = json.loads((DATA / "dev-gold" / f"{res.article.id}.gold.json").read_text())
        print(f"=== {res.article.id} {res.warnings}")
        for g in gold["events"]:
            print("  G", g["key"], g["event_type"][0][:12], g.get("date", {}) if isinstance(
                g.get("date"), dict) else g["date"][0], g["location"].get("admin1"),
                (g.get("actor1") or [None])[0], g.get("fatalities"), g.get("injuries"))
        for mm in res.mentions:
            loc = mm.location
            print("  P", mm.event_type[:12], mm.sub_event_type, mm.date.start if mm.date else None,
                  mm.date.end if mm.date else None, loc.country if loc else None,
                  loc.admin1 if loc else None, mm.actor1.name if mm.actor1 else None,
                  "|", mm.actor2.name if mm.actor2 else None, mm.fatalities, mm.injuries,
                  mm.weapon, [o.name for o in mm.reported_by], mm.status,
                  "|", mm.fields["event_type"].text)


if __name__ == "__main__":
    main()
