"""The extraction engine: articles in, their mentions out (one calling shape)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from eventcoder.schema import Article, ArticleResult


def extract(articles: Iterable[Article]) -> Iterator[ArticleResult]:
    """Placeholder until the engine lands (issue 3): finds no mentions."""
    for article in articles:
        yield ArticleResult(article, [], ["extraction engine not built yet"])
