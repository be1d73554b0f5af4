"""Reading articles: files, directories and stdin in, ``Article`` records out.

Every input is checked before it is parsed, and a bad one becomes an ``IngestError`` (one
line naming the file and the reason) so that a batch of thousands goes on without it.
Texts are NFC-normalised with ``\\n`` line ends *before* anything else, because evidence
offsets refer to the text exactly as stored in ``Article.text``.
"""

from __future__ import annotations

import calendar
import csv
import io
import json
import logging
import re
import sys
import unicodedata
from collections.abc import Iterable, Iterator
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any, BinaryIO

from eventcoder.langid import detect
from eventcoder.schema import Article, IngestError, PubDate, content_hash
from eventcoder.settings import Settings

logger = logging.getLogger(__name__)

TEXT_SUFFIXES = {".txt"}
JSONL_SUFFIXES = {".jsonl"}
HTML_SUFFIXES = {".html", ".htm"}
READABLE_SUFFIXES = TEXT_SUFFIXES | JSONL_SUFFIXES | HTML_SUFFIXES
SKIPPED_NAMES = {"SOURCES.tsv"}
SIDECAR = "SOURCES.tsv"
NO_DATE_WARNING = "no publication date: relative dates stay unresolved"
STDIN = "-"

# ` date 2020-04 Text…` or ` date 2020-04-08` on a line of its own.
_HEADER = re.compile(r"[ \t]*date[ \t]+(?P<value>\S+)(?P<rest>[^\n]*)")
_HEADER_LIKE = re.compile(r"[ \t]*date[ \t]+\d")
_CONTROL = re.compile(rb"[\x00-\x08\x0e-\x1f\x7f]")


class BadInput(Exception):
    """An input that cannot become an article; the message is the reason shown to users."""


def read_paths(
    paths: Iterable[str | Path], settings: Settings | None = None
) -> Iterator[Article | IngestError]:
    """Every article under ``paths`` (files, directories, ``-`` for stdin), in a stable order."""
    max_bytes = (settings or Settings()).max_bytes
    for item in iter_inputs(paths):
        if isinstance(item, IngestError):
            yield item
        elif item == STDIN:
            yield from read_stream(sys.stdin.buffer, max_bytes)
        else:
            yield from read_file(Path(item), max_bytes, label=item)


def iter_inputs(paths: Iterable[str | Path]) -> Iterator[str | IngestError]:
    """The files to read: directories expanded recursively, sorted, without hidden files,
    gold annotations and source lists."""
    for raw in paths:
        label = str(raw)
        path = Path(raw)
        if label == STDIN:
            yield STDIN
        elif path.is_dir():
            found = [str(p) for p in sorted(path.rglob("*")) if _is_input(p, path)]
            if not found:
                yield IngestError(label, "no input files (.txt, .jsonl, .html) in directory")
            yield from found
        elif path.exists():
            yield label
        else:
            yield IngestError(label, "no such file or directory")


def _is_input(path: Path, root: Path) -> bool:
    parts = path.relative_to(root).parts
    if any(p.startswith(".") for p in parts) or not path.is_file():
        return False
    if path.name in SKIPPED_NAMES or path.name.endswith(".gold.json"):
        return False
    return path.suffix.lower() in READABLE_SUFFIXES


def read_file(
    path: Path, max_bytes: int, label: str | None = None
) -> Iterator[Article | IngestError]:
    label = label or str(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise BadInput(f"file too large ({size} bytes, limit {max_bytes})")
        data = path.read_bytes()
    except BadInput as exc:
        yield IngestError(label, str(exc))
        return
    except OSError as exc:
        yield IngestError(label, f"cannot read: {exc.strerror or exc}")
        return
    suffix = path.suffix.lower()
    kind = _sniff(data) if suffix not in READABLE_SUFFIXES else suffix
    yield from _parse(data, kind, path.stem, label, path)


def read_stream(stream: BinaryIO, max_bytes: int) -> Iterator[Article | IngestError]:
    """Stdin: JSON Lines or one article (seed text or HTML), told apart by the first byte."""
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        yield IngestError("<stdin>", f"input too large (over {max_bytes} bytes)")
        return
    yield from _parse(data, _sniff(data), None, "<stdin>")


def _sniff(data: bytes) -> str:
    head = data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
    return {b"{": ".jsonl", b"<": ".html"}.get(head, ".txt")


def _parse(
    data: bytes, kind: str, article_id: str | None, label: str, path: Path | None = None
) -> Iterator[Article | IngestError]:
    if kind in JSONL_SUFFIXES:
        yield from parse_jsonl(data, label)
        return
    try:
        check_bytes(data)
        text = decode(data)
        parse = parse_html if kind in HTML_SUFFIXES else parse_text
        article = parse(text, article_id or "", label)
    except BadInput as exc:
        yield IngestError(label, str(exc))
        return
    if article_id is None:  # stdin: the content names it
        article.id = f"stdin-{content_hash(article.text)[:12]}"
    if path is not None:
        _apply_sidecar(article, path)
    yield finish(article)


def parse_pubdate(value: str) -> PubDate:
    """``YYYY-MM`` (the whole month) or ``YYYY-MM-DD``; ``ValueError`` otherwise."""
    match = re.fullmatch(r"(\d{4})-(\d{2})(?:-(\d{2}))?", value.strip())
    if not match:
        raise ValueError(f"not a YYYY-MM or YYYY-MM-DD date: {value!r}")
    year, month = int(match.group(1)), int(match.group(2))
    if match.group(3):
        day = date(year, month, int(match.group(3)))
        return PubDate(day, day, "day")
    if not 1 <= month <= 12:
        raise ValueError(f"no month {month}")
    last = calendar.monthrange(year, month)[1]
    return PubDate(date(year, month, 1), date(year, month, last), "month")


def check_bytes(data: bytes) -> None:
    """Refuse empty and binary inputs before decoding them."""
    if not data.strip():
        raise BadInput("empty file")
    head = data[:8192]
    if b"\x00" in head or len(_CONTROL.findall(head)) > 0.05 * len(head):
        raise BadInput("binary file, not text")


def decode(data: bytes) -> str:
    """UTF-8 (a BOM is allowed), NFC, ``\\n`` line ends. No guessing of legacy encodings:
    a wrong guess would silently corrupt names and shift evidence offsets."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise BadInput(
            f"not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start})"
        ) from None
    return normalize_text(text)


def normalize_text(text: str) -> str:
    return unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))


def split_header(text: str) -> tuple[PubDate | None, str]:
    """The publication date of a ``date YYYY-MM[-DD]`` first line and the text after it."""
    match = _HEADER.match(text)
    if not match or not _HEADER_LIKE.match(text):
        return None, text
    value = match.group("value")
    try:
        published = parse_pubdate(value)
    except ValueError:
        first_line = text.split("\n", 1)[0].strip()[:40]
        raise BadInput(
            f"malformed date header {first_line!r} (expected 'date YYYY-MM' or "
            "'date YYYY-MM-DD')"
        ) from None
    rest = match.group("rest")
    if rest.strip():
        start = match.start("rest") + 1  # the single space between date and text
    else:  # the date alone on its line: the text starts on the next one
        start = match.end("rest") + 1
    return published, text[start:]


def parse_text(text: str, article_id: str, label: str) -> Article:
    published, body = split_header(text)
    if not body.strip():
        raise BadInput("no article text" + (" after the date header" if published else ""))
    return Article(id=article_id, text=body.rstrip(), published=published, path=label)


def parse_html(text: str, article_id: str, label: str) -> Article:
    """Main text by trafilatura (no network); scripts and markup never reach the text."""
    import trafilatura

    body = trafilatura.extract(text, output_format="txt", include_comments=False)
    if not body or not body.strip():
        raise BadInput("no article text found in the HTML")
    meta = trafilatura.extract_metadata(text)
    published = None
    if meta is not None and meta.date:
        try:
            published = parse_pubdate(meta.date[:10])
        except ValueError:
            logger.info("%s: unreadable date %r in HTML metadata", label, meta.date)
    # One paragraph per line in trafilatura's output; blank lines as in the text format.
    body = normalize_text(re.sub(r"\n+", "\n\n", body.strip()))
    return Article(
        id=article_id,
        text=body,
        published=published,
        title=meta.title if meta is not None else None,
        url=meta.url if meta is not None else None,
        outlet=meta.sitename if meta is not None else None,
        path=label,
    )


def parse_jsonl(data: bytes, label: str) -> Iterator[Article | IngestError]:
    """One article per line; a broken line is reported as ``file:line`` and skipped."""
    if not data.strip():
        yield IngestError(label, "empty file")
        return
    if b"\x00" in data[:8192]:
        yield IngestError(label, "binary file, not text")
        return
    for number, raw in enumerate(data.split(b"\n"), start=1):
        if not raw.strip():
            continue
        where = f"{label}:{number}"
        try:
            record = json.loads(decode(raw))
            yield finish(article_from_record(record, where))
        except BadInput as exc:
            yield IngestError(where, str(exc))
        except json.JSONDecodeError as exc:
            yield IngestError(where, f"invalid JSON ({exc.msg} at column {exc.colno})")


def article_from_record(record: Any, label: str) -> Article:
    if not isinstance(record, dict):
        raise BadInput("a JSONL record must be a JSON object")
    missing = [k for k in ("id", "text") if record.get(k) in (None, "")]
    if missing:
        raise BadInput("record without " + " and ".join(missing))
    if not isinstance(record["text"], str) or not isinstance(record["id"], str | int):
        raise BadInput("'id' must be a string and 'text' a string")
    published = None
    if record.get("date"):
        value = str(record["date"])
        if re.match(r"\d{4}-\d{2}-\d{2}[T ]", value):  # a timestamp: its day
            value = value[:10]
        try:
            published = parse_pubdate(value)
        except ValueError:
            raise BadInput(f"malformed date {record['date']!r}") from None
    def optional(key: str) -> str | None:
        return str(record[key]) if record.get(key) else None

    return Article(id=str(record["id"]), text=normalize_text(record["text"]),
                   published=published, language=optional("language"), url=optional("url"),
                   outlet=optional("outlet"), title=optional("title"), path=label)


def finish(article: Article) -> Article:
    """What every format shares: a language, and a warning when the date is unknown."""
    if not article.language:
        article.language = detect(article.text)
    if article.published is None and NO_DATE_WARNING not in article.warnings:
        article.warnings.append(NO_DATE_WARNING)
        logger.info("%s: %s", article.path, NO_DATE_WARNING)
    return article


@lru_cache(maxsize=64)
def _sidecar(directory: Path) -> dict[str, dict[str, str]]:
    """``SOURCES.tsv`` beside the articles: file, url, outlet, language per row."""
    path = directory / SIDECAR
    if not path.is_file():
        return {}
    try:
        rows = csv.DictReader(io.StringIO(path.read_text(encoding="utf-8")), delimiter="\t")
        return {row["file"]: row for row in rows if row.get("file")}
    except (OSError, UnicodeDecodeError, KeyError, csv.Error) as exc:
        logger.warning("%s: ignored (%s)", path, exc)
        return {}


def _apply_sidecar(article: Article, path: Path) -> None:
    row = _sidecar(path.parent.resolve()).get(path.name)
    if not row:
        return
    for key in ("url", "outlet", "language"):
        if row.get(key) and not getattr(article, key):
            setattr(article, key, row[key].strip())
