"""GET /api/articles/{id} and POST /api/articles: the write rule, validation, body limit."""

from __future__ import annotations

import json
from typing import Any

import pytest

from api_support import HOSTILE, article_body, make_client, sample_results

KEY = "s3cret-test-key"


@pytest.fixture()
def writer(tmp_path: Any) -> Any:
    """A server with a key and an empty store."""
    return make_client(tmp_path, KEY, seed=False)


def auth(key: str = KEY) -> dict[str, str]:
    return {"Authorization": f"Bearer {key}"}


def test_article_with_text_and_mentions(tmp_path: Any) -> None:
    client = make_client(tmp_path)
    res = client.get("/api/articles/t-ied-baghdad")
    assert res.status_code == 200
    body = res.json()
    assert body["article"]["published"] == "2020-04-09"
    assert body["article"]["outlet"] == "Test Presse"
    assert [m["sub_event_type"] for m in body["mentions"]] == [
        "Remote explosive/landmine/IED", "Shelling/artillery/missile attack"]
    m = body["mentions"][1]
    assert m["article"] == "t-ied-baghdad"
    assert body["article"]["text"][m["evidence"][0]["start"]:m["evidence"][0]["end"]] == (
        "des roquettes ont frappé la base de Balad")
    hostile = client.get("/api/articles/t-hostile").json()["article"]["text"]
    assert hostile == HOSTILE  # stored and returned as given; the page escapes it


def test_missing_article_is_404(tmp_path: Any) -> None:
    res = make_client(tmp_path).get("/api/articles/nope")
    assert (res.status_code, res.json()) == (404, {"detail": "no article 'nope'"})


def test_list_articles(tmp_path: Any) -> None:
    res = make_client(tmp_path).get("/api/articles", params={"limit": 2})
    assert res.status_code == 200
    assert len(res.json()) == 2


def test_no_key_configured_means_read_only(tmp_path: Any) -> None:
    client = make_client(tmp_path, None, seed=False)
    res = client.post("/api/articles", json=article_body(sample_results()[1]), headers=auth())
    assert res.status_code == 403
    assert "read-only" in res.json()["detail"] or "disabled" in res.json()["detail"]
    assert client.get("/api/events").json()["total"] == 0


@pytest.mark.parametrize("headers", [
    {}, {"Authorization": "Bearer wrong"}, {"Authorization": f"Basic {KEY}"},
    {"Authorization": "Bearer "},
])
def test_wrong_or_missing_key_is_401(writer: Any, headers: dict[str, str]) -> None:
    res = writer.post("/api/articles", json=article_body(sample_results()[1]), headers=headers)
    assert res.status_code == 401
    assert res.headers["www-authenticate"] == "Bearer"
    assert writer.get("/api/events").json()["total"] == 0


def test_right_key_stores_once(writer: Any) -> None:
    result = sample_results()[1]
    res = writer.post("/api/articles", json=article_body(result), headers=auth())
    assert res.status_code == 201, res.text
    out = res.json()
    assert (out["article"], out["stored"], out["duplicate"]) == ("t-clash-mopti", True, False)
    assert [m["sub_event_type"] for m in out["mentions"]] == ["Armed clash"]
    assert out["mentions"][0]["fatalities"] == 5
    stored = writer.get("/api/articles/t-clash-mopti").json()
    assert stored["article"]["text"] == result.article.text
    assert writer.get("/api/events").json()["total"] == 1

    again = writer.post("/api/articles", json=article_body(result), headers=auth())
    assert again.status_code == 200
    assert (again.json()["stored"], again.json()["duplicate"]) == (False, True)
    assert writer.get("/api/events").json()["total"] == 1


def test_month_date_is_accepted(writer: Any) -> None:
    body = {"id": "t-month", "text": "Rien à signaler ce mois-ci à Mossoul.", "date": "2020-12"}
    res = writer.post("/api/articles", json=body, headers=auth())
    assert res.status_code == 201
    assert writer.get("/api/articles/t-month").json()["article"]["published"] == "2020-12"


@pytest.mark.parametrize(("body", "words"), [
    ({"id": "x", "text": "Un texte.", "date": "2020/12/01"}, "date must be YYYY-MM"),
    ({"id": "x", "text": "Un texte.", "date": "2020-02-30"}, "body.date"),
    ({"id": "x", "text": "Un texte."}, "body.date: Field required"),
    ({"id": "x", "text": "", "date": "2020-12"}, "body.text"),
    ({"id": "../etc", "text": "Un texte.", "date": "2020-12"}, "id must be"),
    ({"id": "x", "text": "Un texte.", "date": "2020-12", "colour": "red"}, "body.colour"),
    ({"id": "x", "text": 42, "date": "2020-12"}, "body.text"),
])
def test_bad_fields_are_422(writer: Any, body: dict[str, Any], words: str) -> None:
    res = writer.post("/api/articles", json=body, headers=auth())
    assert res.status_code == 422
    assert words in res.json()["detail"]


def test_bad_json_is_422(writer: Any) -> None:
    res = writer.post("/api/articles", content=b'{"id": "x", "text": ',
                      headers={**auth(), "Content-Type": "application/json"})
    assert res.status_code == 422
    assert "not valid JSON" in res.json()["detail"]


def test_body_over_limit_is_413(writer: Any) -> None:
    big = {"id": "big", "text": "mot " * (1_400_000), "date": "2020-12"}
    payload = json.dumps(big).encode()
    assert len(payload) > 5 * 1024 * 1024
    res = writer.post("/api/articles", content=payload,
                      headers={**auth(), "Content-Type": "application/json"})
    assert res.status_code == 413
    assert "over 5242880 bytes" in res.json()["detail"]


def test_streamed_body_over_limit_is_413(tmp_path: Any) -> None:
    """A chunked body has no Content-Length: the bytes are counted as they arrive."""
    client = make_client(tmp_path, KEY, seed=False, max_body=1000)
    chunks = iter([b'{"id": "big", "text": "', b"x" * 800, b"y" * 800, b'", "date": "2020-12"}'])
    res = client.post("/api/articles", content=chunks,
                      headers={**auth(), "Content-Type": "application/json"})
    assert res.status_code == 413
    assert client.get("/api/articles/big").status_code == 404


def test_bad_content_length_is_413(tmp_path: Any) -> None:
    client = make_client(tmp_path, KEY, seed=False, max_body=1000)
    res = client.post("/api/articles", content=b"{}",
                      headers={**auth(), "Content-Type": "application/json",
                               "Content-Length": "99999"})
    assert res.status_code == 413
