"""The dashboard's two pages: the overview (map, timeline, table) and one event.

Both render the same template; the event page opens the event panel at load. Everything
the page needs is under /static (Leaflet is vendored), so it works with no network.
"""

from __future__ import annotations

from importlib.resources import files

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, PackageLoader, select_autoescape

from eventcoder import __version__
from eventcoder.schema import EVENT_TYPES

_env = Environment(loader=PackageLoader("eventcoder.web", "templates"),
                   autoescape=select_autoescape(["html"]))
templates = Jinja2Templates(env=_env)


def has_boundaries() -> bool:
    """The admin1 GeoJSON is produced by the places work; without it the map has a grid."""
    return (files("eventcoder.web") / "static" / "admin1.geojson").is_file()


def _page(request: Request, event_id: str | None) -> HTMLResponse:
    return templates.TemplateResponse(request, "index.html", {
        "event_id": event_id,
        "boundaries": has_boundaries(),
        "version": __version__,
        "event_types": list(EVENT_TYPES),
    })


def mount(app: FastAPI) -> None:
    app.mount("/static", StaticFiles(packages=[("eventcoder.web", "static")]), name="static")

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def overview(request: Request) -> HTMLResponse:
        return _page(request, None)

    @app.get("/events/{event_id}", response_class=HTMLResponse, include_in_schema=False)
    def event_page(request: Request, event_id: str) -> HTMLResponse:
        return _page(request, event_id)
