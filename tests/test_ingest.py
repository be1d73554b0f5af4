from __future__ import annotations

import io
import json
import unicodedata
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventcoder.ingest import (
    NO_DATE_WARNING,
    normalize_text,
    parse_pubdate,
    read_paths,
    split_header,
)
from eventcoder.schema import Article, IngestError
from eventcoder.settings import Settings as AppSettings

BODY = ("Une patrouille de l’armée a été visée mardi par un engin explosif près de la "
        "route principale, selon une source sécuritaire.\n\nAucune victime n’a été signalée.")


def read(*paths: str | Path, **settings: int) -> list[Article | IngestError]:
    return list(read_paths(paths, AppSettings(**settings) if settings else None))


def one_article(path: Path) -> Article:
    [item] = read(path)
    assert isinstance(item, Article), item
    return item


def one_error(path: Path, **settings: int) -> IngestError:
    [item] = read(path, **settings)
    assert isinstance(item, IngestError), item
    return item


# -- seed text format -------------------------------------------------------------------

@pytest.mark.parametrize(
    ("header", "iso", "precision", "start", "end"),
    [
        (" date 2020-04 ", "2020-04", "month", date(2020, 4, 1), date(2020, 4, 30)),
        ("date 2020-02 ", "2020-02", "month", date(2020, 2, 1), date(2020, 2, 29)),
        (" date 2021-06-15 ", "2021-06-15", "day", date(2021, 6, 15), date(2021, 6, 15)),
        (" date 2020-12\n", "2020-12", "month", date(2020, 12, 1), date(2020, 12, 31)),
        (" date 2020-12  \r\n", "2020-12", "month", date(2020, 12, 1), date(2020, 12, 31)),
    ],
)
def test_seed_header(tmp_path: Path, header: str, iso: str, precision: str,
                     start: date, end: date) -> None:
    path = tmp_path / "a1.txt"
    path.write_text(header + BODY, encoding="utf-8")
    article = one_article(path)
    assert article.id == "a1"
    assert article.published is not None
    assert (article.published.iso, article.published.precision) == (iso, precision)
    assert (article.published.start, article.published.end) == (start, end)
    assert article.text == BODY
    assert article.language == "fr"
    assert article.warnings == []


def test_text_without_header_warns(tmp_path: Path) -> None:
    path = tmp_path / "nodate.txt"
    path.write_text(BODY, encoding="utf-8")
    article = one_article(path)
    assert article.published is None
    assert article.text == BODY
    assert article.warnings == [NO_DATE_WARNING]


def test_word_date_is_not_a_header(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("date limite dépassée pour le cessez-le-feu. " + BODY, encoding="utf-8")
    article = one_article(path)
    assert article.published is None
    assert article.text.startswith("date limite")


def test_nfc_and_offsets(tmp_path: Path) -> None:
    decomposed = unicodedata.normalize("NFD", " date 2020-04 Le convoi a été visé à Kirkouk.")
    assert decomposed != unicodedata.normalize("NFC", decomposed)
    path = tmp_path / "nfd.txt"
    path.write_bytes(decomposed.encode("utf-8"))
    article = one_article(path)
    assert article.text == "Le convoi a été visé à Kirkouk."
    start = article.text.index("Kirkouk")
    assert article.text[start:start + 7] == "Kirkouk"
    assert start == len("Le convoi a été visé à ")


def test_bom_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf date 2020-04 " + BODY.encode("utf-8"))
    assert one_article(path).text == BODY


# -- bad inputs -------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "empty file"),
        (b"  \n\n ", "empty file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary file, not text"),
        (bytes(range(1, 9)) * 50, "binary file, not text"),
        (" date 2020-04 Le convoi est arrivé à Mossoul.".encode("latin-1"),
         "not UTF-8 text (byte 0xe9 at offset"),
        (b" date 2020-13 " + BODY.encode(), "malformed date header"),
        (b"date 20-1 " + BODY.encode(), "malformed date header"),
        (b" date 2021-02-30 " + BODY.encode(), "malformed date header"),
        (b" date 2020-04   \n\n", "no article text after the date header"),
    ],
)
def test_bad_text_files(tmp_path: Path, content: bytes, reason: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    error = one_error(path)
    assert error.path == str(path)
    assert reason in error.reason
    assert str(error).startswith(f"{path}: ")


def test_latin1_offset_is_exact(tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes("Bombardement à Alep".encode("latin-1"))
    assert one_error(path).reason == "not UTF-8 text (byte 0xe0 at offset 13)"


def test_too_large(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text(" date 2020-04 " + BODY * 10, encoding="utf-8")
    error = one_error(path, max_bytes=100)
    assert error.reason.startswith("file too large (")
    assert "limit 100" in error.reason


def test_missing_path() -> None:
    [error] = read("/nonexistent/article.txt")
    assert isinstance(error, IngestError)
    assert error.reason == "no such file or directory"


def test_batch_goes_on_after_bad_files(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"")
    (tmp_path / "b.txt").write_text(" date 2020-04 " + BODY, encoding="utf-8")
    (tmp_path / "c.txt").write_bytes(b"\x00\x01\x02")
    (tmp_path / "d.txt").write_text(" date 2020-05 " + BODY, encoding="utf-8")
    items = read(tmp_path)
    kinds = [(type(i).__name__, Path(i.path or "").name) for i in items]
    assert kinds == [("IngestError", "a.txt"), ("Article", "b.txt"),
                     ("IngestError", "c.txt"), ("Article", "d.txt")]


# -- directories ------------------------------------------------------------------------

def test_directory_walk_is_sorted_and_skips(tmp_path: Path) -> None:
    for name in ("b.txt", "a.txt", "sub/c.txt", ".hidden.txt", ".git/x.txt",
                 "a.gold.json", "SOURCES.tsv", "notes.md"):
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(" date 2020-04 " + BODY, encoding="utf-8")
    assert [a.id for a in read(tmp_path)] == ["a", "b", "c"]


def test_empty_directory(tmp_path: Path) -> None:
    error = one_error(tmp_path)
    assert "no input files" in error.reason


def test_sources_sidecar(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(" date 2020-04 " + BODY, encoding="utf-8")
    (tmp_path / "SOURCES.tsv").write_text(
        "file\turl\toutlet\tlanguage\na.txt\thttps://example.org/a\tExemple Info\tfr\n",
        encoding="utf-8")
    article = one_article(tmp_path / "a.txt")
    assert (article.url, article.outlet) == ("https://example.org/a", "Exemple Info")


# -- JSON Lines -------------------------------------------------------------------------

def test_jsonl_good_and_broken_lines(tmp_path: Path) -> None:
    good = {"id": "r1", "text": BODY, "date": "2020-04-08", "url": "https://example.org/1",
            "outlet": "Exemple", "title": "Un titre"}
    lines = [
        json.dumps(good, ensure_ascii=False),
        '{"id": "r2", "text": ',
        json.dumps({"id": "r3", "text": "A bomb hit the convoy near the town, police said."}),
        json.dumps({"id": "r4"}),
        json.dumps({"text": BODY}),
        json.dumps({"id": "r6", "text": BODY, "date": "2020-13"}),
        "",
        json.dumps(["not", "an", "object"]),
        json.dumps({"id": 8, "text": BODY, "date": "2021-06-15T10:00:00Z", "language": "fr"}),
    ]
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = read(path)
    summary = [(i.id, i.published.iso if i.published else None, i.language)
               if isinstance(i, Article) else (i.path, i.reason) for i in items]
    assert summary == [
        ("r1", "2020-04-08", "fr"),
        (f"{path}:2", "invalid JSON (Expecting value at column 22)"),
        ("r3", None, "en"),
        (f"{path}:4", "record without text"),
        (f"{path}:5", "record without id"),
        (f"{path}:6", "malformed date '2020-13'"),
        (f"{path}:8", "a JSONL record must be a JSON object"),
        ("8", "2021-06-15", "fr"),
    ]
    first = items[0]
    assert isinstance(first, Article)
    assert (first.url, first.outlet, first.title) == ("https://example.org/1", "Exemple",
                                                      "Un titre")


def test_jsonl_bad_utf8_line_only(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    ok = json.dumps({"id": "ok", "text": BODY}).encode()
    path.write_bytes(ok + b"\n" + b'{"id": "x", "text": "caf\xe9"}' + b"\n")
    items = read(path)
    assert isinstance(items[0], Article)
    assert isinstance(items[1], IngestError)
    assert items[1].path.endswith("mixed.jsonl:2")
    assert items[1].reason.startswith("not UTF-8 text (byte 0xe9")


# -- HTML -------------------------------------------------------------------------------

HTML = """<html><head><title>Attaque contre un convoi</title>
<meta property="article:published_time" content="2021-03-04T08:00:00Z">
<script>document.write('STOLEN'); alert('xss')</script></head>
<body><nav>Accueil | Monde | Contact</nav><article><h1>Attaque contre un convoi</h1>
<p>Un convoi logistique a été la cible d’un engin explosif mardi près de la ville,
selon des sources sécuritaires qui n’ont pas fait état de victimes.</p>
<img src="x.png" onerror="alert('img')">
<p>L’attaque n’a pas été revendiquée dans l’immédiat, a ajouté la même source.</p>
<script>var secret = 'SCRIPTBODY';</script>
</article></body></html>"""


def test_html_main_text_and_metadata(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(HTML, encoding="utf-8")
    article = one_article(path)
    assert article.id == "page"
    assert "engin explosif mardi" in article.text
    assert "n’a pas été revendiquée" in article.text
    for leaked in ("STOLEN", "alert", "SCRIPTBODY", "onerror", "<"):
        assert leaked not in article.text
    assert article.title == "Attaque contre un convoi"
    assert article.published is not None and article.published.iso == "2021-03-04"
    assert article.language == "fr"


def test_html_without_text(tmp_path: Path) -> None:
    path = tmp_path / "empty.htm"
    path.write_text("<html><body><script>alert(1)</script></body></html>", encoding="utf-8")
    assert one_error(path).reason == "no article text found in the HTML"


# -- stdin ------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("data", "ids"),
    [
        ((" date 2020-04 " + BODY).encode(), None),
        (b'{"id": "s1", "text": "Le convoi."}\n{"id": "s2", "text": "Deux."}\n',
         ["s1", "s2"]),
    ],
)
def test_stdin_sniffing(monkeypatch: pytest.MonkeyPatch, data: bytes,
                        ids: list[str] | None) -> None:
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(data)))
    items = read("-")
    assert all(isinstance(i, Article) for i in items)
    got = [i.id for i in items if isinstance(i, Article)]
    if ids is None:
        assert len(got) == 1 and got[0].startswith("stdin-")
        first = items[0]
        assert isinstance(first, Article) and first.published is not None
    else:
        assert got == ids


@pytest.mark.parametrize("bad", ["2020-13", "2020", "20-1", "2020-04-31", "2020-4", "x"])
def test_parse_pubdate_rejects(bad: str) -> None:
    with pytest.raises(ValueError):
        parse_pubdate(bad)


# -- the real seed articles, read by path -----------------------------------------------

def test_seed_article(shared_data: Path) -> None:
    path = shared_data / "seeds" / "001_a4f6c70c77870a64.txt"
    article = one_article(path)
    assert article.id == "001_a4f6c70c77870a64"
    assert article.published is not None
    assert article.published.iso == "2020-04"
    assert article.published.precision == "month"
    assert article.published.end == date(2020, 4, 30)
    assert article.text.startswith("Une nouvelle organisation")
    assert "date 2020" not in article.text[:40]
    assert article.language == "fr"


def test_shared_corpus_reads_cleanly(shared_data: Path) -> None:
    items = read(shared_data / "seeds", shared_data / "articles")
    assert all(isinstance(i, Article) for i in items)
    articles = [i for i in items if isinstance(i, Article)]
    assert len(articles) == 15
    assert all(a.published is not None and a.language == "fr" for a in articles)
    # the date alone on its first line: the text starts on the next line
    first = next(a for a in articles if a.id == "001")
    assert not first.text.startswith(("\n", " "))
    assert first.outlet  # from the SOURCES.tsv beside the articles



# -- properties -------------------------------------------------------------------------

_BODY_TEXT = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\r"),
                     min_size=1, max_size=200)


@settings(max_examples=200, deadline=None)
@given(body=_BODY_TEXT.filter(lambda s: not s[0].isspace() and s.strip()),
       day=st.dates(date(1990, 1, 1), date(2030, 12, 31)), month_only=st.booleans())
def test_header_split_keeps_the_text(body: str, day: date, month_only: bool) -> None:
    value = day.isoformat()[:7] if month_only else day.isoformat()
    published, text = split_header(normalize_text(f" date {value} {body}"))
    assert published is not None and published.iso == value
    assert text == normalize_text(body)
    assert published.start <= day <= published.end
