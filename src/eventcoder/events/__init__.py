"""The extraction engine: articles in, their mentions out (one calling shape).

One spaCy pass per batch of articles; everything after it is rule work on the parse:
triggers (detect) -> occurrences (split, cluster) -> fields (roles, claims, casualties,
weapon, reporting, status) -> mentions (assemble).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Iterator
from dataclasses import replace
from itertools import islice

from eventcoder.events import (
    anchors,
    assemble,
    authors,
    claims,
    cluster,
    context,
    detect,
    toll_owners,
)
from eventcoder.events.modality import too_vague
from eventcoder.normalize.places import PlaceMatch
from eventcoder.schema import Article, ArticleResult, Mention

log = logging.getLogger(__name__)

SUPPORTED = ("fr",)
_FR_WORDS = re.compile(r"\b(le|la|les|des|une|est|dans|pour|qui|avec|selon|a été)\b", re.I)
_EN_WORDS = re.compile(r"\b(the|and|of|was|were|in|with|by|has|that|said)\b", re.I)


def language(article: Article) -> str:
    """The article's language: as given, else a quick function-word count."""
    if article.language:
        return article.language
    head = article.text[:3000]
    fr, en = len(_FR_WORDS.findall(head)), len(_EN_WORDS.findall(head))
    return "en" if en > fr else "fr"


def mentions(ctx: context.ArticleContext) -> list[Mention]:
    """The mentions of one parsed article."""
    ctx.dates = anchors.pin_weekdays(ctx.dates)
    cands = detect.find(ctx)
    occs, links = cluster.cluster(ctx, cands)
    cl = claims.find(ctx, occs, links)
    owners = toll_owners.toll_owners(ctx, occs)
    told = assemble.told_sentences(occs)
    out: list[Mention] = []
    first_of: dict[int, Mention] = {}  # occurrence index -> its first mention
    for i, o in enumerate(occs):
        if o.uncoded:
            continue
        n_copies = cluster.splits(o)
        for k in range(n_copies):
            place = o.places[k] if k < len(o.places) else o.place
            if place is None:
                place = (None if _unknown_town(ctx, o) else _carried_place(occs, o)) or \
                    anchors.site_place(
                    ctx, o.first.seg_start, o.first.seg_end) or (
                    None if _dated_apart(occs, o) else anchors.story_region(ctx, o.first.start))
            m = assemble.mention(ctx, o, len(out) + 1, cl, owners, place, told)
            if too_vague(m):  # a year in a country: history
                continue
            if o.twin is not None and (twin := first_of.get(occs.index(o.twin))) is not None:
                m = _as_twin(m, twin, o.date is None)
            m = authors.carried(ctx, o, m, out)
            first_of.setdefault(i, m)
            out.append(m)
    return out


def _as_twin(m: Mention, twin: Mention, undated: bool) -> Mention:
    """"Dix y sont mortes tandis que cinq autres ont été tuées à Y": told in the same breath
    as another occurrence, with "autres" victims of the same kind, it happened on that one's
    day (unless dated itself), by the same hands, and is typed like it."""
    fields = dict(m.fields)
    keep = ("event_type", "actor1", "actor2", *(("date",) if undated else ()))
    for name in keep:
        if name in twin.fields:
            fields[name] = twin.fields[name]
    return replace(m, event_type=twin.event_type, sub_event_type=twin.sub_event_type,
                   actor1=twin.actor1, actor2=twin.actor2,
                   date=twin.date if undated else m.date, fields=fields)


def _carried_place(occs: list[cluster.Occurrence],
                   o: cluster.Occurrence) -> PlaceMatch | None:
    """Where an occurrence told without a place happened: the place told just before,
    unless the occurrence is dated apart from it (a background event of another day keeps
    only its country)."""
    i = occs.index(o)
    for prev in reversed(occs[:i]):
        if prev.place is not None and prev.place.kind != "country":
            return None if cluster.date_conflict(prev.date, o.date) else prev.place
    return None


def _unknown_town(ctx: context.ArticleContext, o: cluster.Occurrence) -> bool:
    """"à Galcad, ville du centre du pays": a town the gazetteer lacks is no reason to take
    the place told before."""
    from eventcoder.normalize import place_sites

    sent = ctx.sentence_at(o.first.start)
    return bool(place_sites.unknown_towns(ctx.text, sent.start, sent.end, ctx.places, ctx.lang))


def _dated_apart(occs: list[cluster.Occurrence], o: cluster.Occurrence) -> bool:
    """A background occurrence of another day than the news told before it."""
    return any(cluster.date_conflict(p.date, o.date) for p in occs[:occs.index(o)])


def _warnings(found: list[Mention]) -> list[str]:
    """An event the text does not date, in an article without a publication date, has a
    null date: say so rather than guess one."""
    undated = [m.id for m in found if m.date is None]
    if not undated:
        return []
    return [f"no publication date: {len(undated)} event(s) left undated ({', '.join(undated)})"]


def _batches(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


def extract(articles: Iterable[Article]) -> Iterator[ArticleResult]:
    """Mentions of each article, in input order; unsupported languages yield a warning."""
    from eventcoder import nlp

    for batch in _batches(articles, nlp.BATCH_SIZE):
        langs = [language(a) for a in batch]
        todo = [a for a, lang in zip(batch, langs, strict=True) if lang in SUPPORTED]
        docs = iter(nlp.parse((a.text for a in todo), "fr"))
        for article, lang in zip(batch, langs, strict=True):
            if lang not in SUPPORTED:
                yield ArticleResult(article, [], [f"language not supported yet: {lang}"])
                continue
            doc = next(docs)
            try:
                ctx = context.build(article, doc, lang)
                found = mentions(ctx)
                yield ArticleResult(article, found, _warnings(found))
            except Exception as exc:  # one bad article must not stop a batch
                log.exception("extraction failed for %s", article.id)
                yield ArticleResult(article, [], [f"extraction failed: {exc}"])
