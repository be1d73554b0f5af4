"""``eventcoder serve``: registered on the main group, builds the app from the settings."""

from __future__ import annotations

from typing import Any

import pytest
from click.testing import CliRunner

from eventcoder.cli import main


def test_serve_is_registered() -> None:
    res = CliRunner().invoke(main, ["serve", "--help"])
    assert res.exit_code == 0
    assert "--port" in res.output and "EVENTCODER_API_KEY" in res.output


@pytest.mark.parametrize(("key", "mode"), [(None, "read-only"), ("k", "read-write")])
def test_serve_runs_uvicorn_on_the_given_store(tmp_path: Any, monkeypatch: Any,
                                               key: str | None, mode: str) -> None:
    import uvicorn

    from eventcoder.api import app as app_module

    monkeypatch.setattr(app_module, "tune_gc", lambda: None)  # keep this process's GC as is
    calls: list[dict[str, Any]] = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: calls.append({"app": app, **kw}))
    monkeypatch.delenv("EVENTCODER_API_KEY", raising=False)
    if key:
        monkeypatch.setenv("EVENTCODER_API_KEY", key)
    url = f"sqlite:///{tmp_path}/served.sqlite"
    res = CliRunner().invoke(main, ["serve", "--port", "8123", "--db", url])
    assert res.exit_code == 0, res.output
    [call] = calls
    assert (call["host"], call["port"]) == ("127.0.0.1", 8123)
    app = call["app"]
    assert app.state.settings.database_url == url
    assert app.state.settings.api_key == key
    assert app.state.repo.url == url
    assert mode in res.output
    assert (tmp_path / "served.sqlite").exists()  # migrations ran
