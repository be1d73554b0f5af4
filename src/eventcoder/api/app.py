"""The HTTP API and the dashboard in one FastAPI app.

``create_app(settings)`` opens the repository named by the settings; ``create_app(repo=…)``
serves a repository (or any object with its methods) that the caller already has.
"""

from __future__ import annotations

import gc
import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse

from eventcoder import __version__
from eventcoder.api.deps import ApiSettings, Extractor, RepositoryLike, load_settings
from eventcoder.api.limits import MAX_BODY, BodyLimit
from eventcoder.api.routes import actors, articles, events, exports, stats

log = logging.getLogger(__name__)


def _open_repository(url: str) -> RepositoryLike:
    from eventcoder.store.repository import Repository

    repo: RepositoryLike = Repository(url)
    return repo


def _default_extractor() -> Extractor:
    from eventcoder.events import extract

    return extract


def _summary(errors: list[dict[str, Any]]) -> str:
    """One readable line: ``body.date: date must be YYYY-MM or YYYY-MM-DD; …``."""
    parts = []
    for err in errors:
        loc = ".".join(str(p) for p in err.get("loc", ()))
        msg = str(err.get("msg", "invalid"))
        if err.get("type") == "json_invalid":
            msg = f"body is not valid JSON ({err.get('ctx', {}).get('error', 'decode error')})"
        parts.append(f"{loc}: {msg}" if loc else msg)
    return "; ".join(parts)


async def _validation_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    errors = list(exc.errors())
    return JSONResponse(status_code=422, content={
        "detail": _summary(errors),
        "errors": jsonable_encoder(errors, exclude={"input", "url", "ctx"}),
    })


def create_app(
    settings: ApiSettings | None = None,
    *,
    repo: RepositoryLike | None = None,
    extract: Extractor | None = None,
    max_body: int = MAX_BODY,
) -> FastAPI:
    settings = settings or load_settings()
    app = FastAPI(
        title="eventcoder",
        version=__version__,
        description="ACLED-style events read from news, with the evidence for every field.",
    )
    app.state.settings = settings
    app.state.repo = repo if repo is not None else _open_repository(settings.database_url)
    app.state.extract = extract or _default_extractor()
    app.add_middleware(BodyLimit, max_bytes=max_body)
    app.add_exception_handler(RequestValidationError, _validation_error)
    for module in (events, articles, actors, stats, exports):
        app.include_router(module.router)

    from eventcoder.web.pages import mount

    mount(app)
    if not settings.api_key:
        log.info("EVENTCODER_API_KEY not set: the API is read-only")
    return app


def tune_gc() -> None:
    """Fewer, cheaper cyclic collections in a server process.

    A request's garbage is mostly freed by reference counting; the collector's full passes
    over every long-lived object (the ORM, the app) were the main source of the read
    latency tail (p99 2-3x the median). Freezing the startup objects and collecting less
    often keeps the tail near the median. Servers only: tests keep the defaults.
    """
    gc.collect()
    gc.freeze()
    gc.set_threshold(50_000, 50, 1000)


def app_from_env() -> FastAPI:
    """Factory for uvicorn (workers, the load script): the app from the environment."""
    app = create_app()
    tune_gc()
    return app
