"""Counts for the dashboard: by type, by month, by admin1 (as the repository gives them)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends

from eventcoder.api.deps import RepositoryLike, get_repo

router = APIRouter(prefix="/api", tags=["stats"])


@router.get("/stats")
def stats(repo: Annotated[RepositoryLike, Depends(get_repo)]) -> dict[str, Any]:
    """``{"totals": …, "by_type": …, "by_month": …, "by_admin1": …, "by_country": …}``."""
    return repo.stats()
