"""The HTTP API (FastAPI): events, articles, actors, stats and exports over the store."""

from eventcoder.api.app import create_app

__all__ = ["create_app"]
