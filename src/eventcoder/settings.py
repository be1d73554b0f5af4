"""One settings object for the CLI, the API and the store (``EVENTCODER_*`` variables).

Kept in one place so that a deployment changes behaviour through the environment only:
``EVENTCODER_DATABASE_URL=postgresql+psycopg://…`` switches the store to PostgreSQL.
"""

from __future__ import annotations

from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """Values are read from the environment each time a ``Settings()`` is built."""

    model_config = SettingsConfigDict(env_prefix="EVENTCODER_", extra="ignore")

    database_url: str = "sqlite:///eventcoder.db"
    """SQLAlchemy URL; the default is a SQLite file in the working directory."""
    api_key: str | None = None
    """When set, write endpoints of the API require it."""
    max_bytes: int = 5_000_000
    """Input files larger than this are refused (a news article is a few kB)."""
    batch_size: int = 32
    """Articles handed to the extractor at once."""


def get_settings() -> Settings:
    return Settings()
