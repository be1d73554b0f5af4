"""``eventcoder serve``: the HTTP API and the dashboard over the store."""

from __future__ import annotations

import dataclasses

import click

from eventcoder.cli import main


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on (loopback by default).")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@click.option("--db", "database_url", default=None,
              help="Database URL (default: EVENTCODER_DATABASE_URL or the settings' default).")
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1, 32))
def serve(host: str, port: int, database_url: str | None, workers: int) -> None:
    """Serve the API (/api, OpenAPI at /docs) and the dashboard (/).

    Writes (POST /api/articles) need EVENTCODER_API_KEY set on the server and sent as
    ``Authorization: Bearer <key>``; without it the server is read-only.
    """
    import uvicorn

    from eventcoder.api.app import create_app, tune_gc
    from eventcoder.api.deps import load_settings

    settings = load_settings()
    if database_url:
        settings = dataclasses.replace(settings, database_url=database_url)
    click.echo(f"eventcoder: http://{host}:{port}/ over {settings.database_url}"
               f" ({'read-write' if settings.api_key else 'read-only'})", err=True)
    if workers > 1:
        import os

        os.environ["EVENTCODER_DATABASE_URL"] = settings.database_url
        uvicorn.run("eventcoder.api.app:app_from_env", factory=True, host=host, port=port,
                    workers=workers, log_level="info")
    else:
        app = create_app(settings)
        tune_gc()
        uvicorn.run(app, host=host, port=port, log_level="info")
