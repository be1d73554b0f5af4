"""Splitting the inputs of a run over N nodes: ``--shard K/N``.

A node keeps an article when a hash of its text falls in its share. The text's hash,
not the file's name or position, decides: every node given the same inputs (in any order,
listed from any mount point) agrees on who takes what, the N shares are disjoint and
together hold every article once, and two copies of one text land on the same node. The
hash is SHA-256 (not Python's ``hash``, which is salted per process), so the split is the
same on every machine and every run.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from eventcoder.schema import Article

_FORM = re.compile(r"\s*(\d+)\s*/\s*(\d+)\s*")
_SALT = b"eventcoder-shard|"
"""Keeps the split independent of any other use of the content hash (e.g. an index)."""


class BadShard(ValueError):
    """A ``--shard`` value that is not ``K/N`` with 1 <= K <= N."""


@dataclass(frozen=True)
class Shard:
    """Share ``index`` (1-based, as a person counts nodes) of ``count``."""

    index: int
    count: int

    def __post_init__(self) -> None:
        if self.count < 1 or not 1 <= self.index <= self.count:
            raise BadShard(f"shard {self.index}/{self.count}: need 1 <= K <= N")

    @classmethod
    def parse(cls, value: str) -> Shard:
        match = _FORM.fullmatch(value)
        if match is None:
            raise BadShard(f"{value!r} is not K/N (e.g. 2/4: the second of four shares)")
        return cls(int(match.group(1)), int(match.group(2)))

    def owns(self, article: Article) -> bool:
        return bucket(article.content_hash, self.count) == self.index - 1

    def __str__(self) -> str:
        return f"{self.index}/{self.count}"


def bucket(key: str, count: int) -> int:
    """0..count-1 from the first 64 bits of SHA-256: uniform enough for any N in use."""
    digest = hashlib.sha256(_SALT + key.encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big") % count
