"""Actors known to the store, with how many events each takes part in."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends

from eventcoder.api.deps import RepositoryLike, get_repo
from eventcoder.api.models import ActorCount

router = APIRouter(prefix="/api", tags=["actors"])


@router.get("/actors", response_model=list[ActorCount])
def list_actors(repo: Annotated[RepositoryLike, Depends(get_repo)]) -> list[ActorCount]:
    return [ActorCount(id=i, name=n, events=c) for i, n, c in repo.actors()]
