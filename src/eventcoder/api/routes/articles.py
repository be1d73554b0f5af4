"""Articles: read one with its mentions, or ingest one (writers only)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Query
from fastapi.responses import JSONResponse

from eventcoder.api.deps import Extractor, RepositoryLike, get_extractor, get_repo, require_writer
from eventcoder.api.models import ArticleDetail, ArticleIn, ArticleOut, IngestOut, mention_dict

router = APIRouter(prefix="/api", tags=["articles"])
Repo = Annotated[RepositoryLike, Depends(get_repo)]


@router.get("/articles", response_model=list[ArticleOut])
def list_articles(
    repo: Repo,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> list[ArticleOut]:
    return [ArticleOut.from_record(a) for a in repo.articles(limit=limit, offset=offset)]


@router.get("/articles/{article_id}", response_model=ArticleDetail,
            responses={404: {"description": "no such article"}})
def get_article(article_id: str, repo: Repo) -> JSONResponse:
    """The stored text (offsets of every evidence span point into it) and its mentions."""
    found = repo.article(article_id)
    if found is None:
        raise HTTPException(404, f"no article {article_id!r}")
    article, mentions = found
    return JSONResponse({"article": ArticleOut.from_record(article).model_dump(),
                         "mentions": [mention_dict(m) for m in mentions]})


@router.post("/articles", response_model=IngestOut, status_code=201,
             dependencies=[Depends(require_writer)],
             responses={200: {"description": "already stored: nothing added"},
                        401: {"description": "wrong or missing key"},
                        403: {"description": "server is read-only"},
                        413: {"description": "body over 5 MB"}})
def post_article(body: ArticleIn, repo: Repo,
                 extract: Annotated[Extractor, Depends(get_extractor)]) -> JSONResponse:
    """Extract one article's mentions and store them; a second POST of it adds nothing."""
    result = next(iter(extract([body.to_record()])))
    report = repo.ingest([result])
    if report.failed:
        raise HTTPException(422, "; ".join(str(f) for f in report.failed))
    duplicate = body.id in report.duplicates or (not report.stored and bool(report.duplicates))
    out = {"article": body.id, "stored": not duplicate, "duplicate": duplicate,
           "mentions": [mention_dict(m) for m in result.mentions],
           "warnings": result.warnings, "events_created": report.events_created,
           "events_updated": report.events_updated}
    return JSONResponse(out, status_code=200 if duplicate else 201)
