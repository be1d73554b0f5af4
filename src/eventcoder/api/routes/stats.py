"""Counts for the dashboard: by type, by month, by admin1 (as the repository gives them)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends

from eventcoder.api.deps import RepositoryLike, get_repo
from eventcoder.api.routes.events import Filters

router = APIRouter(prefix="/api", tags=["stats"])


@router.get("/stats")
def stats(repo: Annotated[RepositoryLike, Depends(get_repo)], query: Filters) -> dict[str, Any]:
    """``{"totals": …, "by_type": …, "by_month": …, "by_admin1": …, "by_country": …,
    "capped": false}`` over the events matching the filters (those of ``/api/events``).
    No filter, or a country alone, reads counts kept on write; other filters count the
    matching events, the latest 20,000 at most (``capped`` is then true)."""
    return repo.stats(query)
