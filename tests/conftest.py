"""Shared fixtures. Add yours here; keep heavy ones session-scoped."""

from __future__ import annotations

from pathlib import Path

import pytest

SHARED_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """The shared corpus beside the repository (``../shared/data``); tests using it skip
    in a clone without it. Article text is read from there, never copied into the repo."""
    if not SHARED_DATA.is_dir():
        pytest.skip("../shared/data is not available")
    return SHARED_DATA
