"""Options and output shared by the commands that print events."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Callable, Sequence
from typing import Any, TextIO

import click

from eventcoder import export
from eventcoder.schema import Article, Event

FORMATS = ("jsonl", "json", "table", "csv", "geojson")

format_option = click.option(
    "--format", "fmt", type=click.Choice(FORMATS), default="jsonl", show_default=True,
    help="Output format: JSON Lines (one event per line), JSON, a table, ACLED-style CSV "
         "or GeoJSON.")


def writer_for(fmt: str) -> Callable[..., Any]:
    """The writer of ``fmt``; exit 2 for a format this build does not have yet."""
    writer = export.WRITERS.get(fmt)
    if writer is None:
        click.echo(f"error: format not available yet: {fmt}", err=True)
        raise SystemExit(2)
    return writer


def write_events(events: Sequence[Event], fmt: str) -> None:
    writer_for(fmt)(events, sys.stdout)


ARTICLE_FORMATS = ("table", "jsonl", "json", "csv")
ARTICLE_FIELDS = ("id", "date", "language", "outlet", "url", "title", "text")
"""The JSON Lines input of ``extract`` and ``ingest`` (``date``, not ``published``), so
that a listing can be read back."""

article_format_option = click.option(
    "--format", "fmt", type=click.Choice(ARTICLE_FORMATS), default="table", show_default=True,
    help="Output format: a table (no text), JSON Lines (the input format of extract and "
         "ingest), JSON or CSV (with the text).")


def article_record(article: Article) -> dict[str, str | None]:
    return {"id": article.id, "date": article.published.iso if article.published else None,
            "language": article.language, "outlet": article.outlet, "url": article.url,
            "title": article.title, "text": article.text}


def _articles_table(records: list[dict[str, str | None]], out: TextIO) -> None:
    rows = [["id", "date", "language", "outlet", "title"]]
    for r in records:
        title = r["title"] or (r["text"] or "")[:60].replace("\n", " ")
        rows.append([r[k] or "-" for k in ("id", "date", "language", "outlet")] + [title])
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    for n, row in enumerate(rows):
        cells = [c.ljust(w) for c, w in zip(row, widths, strict=False)] + [row[4]]
        out.write("  ".join(cells).rstrip() + "\n")
        if n == 0:
            out.write("  ".join("-" * w for w in [*widths, len(row[4])]) + "\n")


def write_articles(articles: Sequence[Article], fmt: str, out: TextIO | None = None) -> None:
    out = out or sys.stdout
    records = [article_record(a) for a in articles]
    if fmt == "jsonl":
        out.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    elif fmt == "json":
        json.dump(records, out, ensure_ascii=False, indent=2)
        out.write("\n")
    elif fmt == "csv":
        writer = csv.DictWriter(out, fieldnames=ARTICLE_FIELDS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(records)
    else:
        _articles_table(records, out)
