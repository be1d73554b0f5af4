"""Scoring predictions against gold: events, fields and merge links in one report.

Extraction is scored on mentions (each article's own reading), because a merged event's
fields may have been overruled by another article; merging is scored on the events'
sources, which say which mentions the system put together.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Iterable, Mapping
from itertools import combinations
from pathlib import Path
from typing import Any

from eventcoder.evaluation.fields import SCORED_FIELDS, gold_value, predicted_value
from eventcoder.evaluation.gold import GoldArticle, GoldEvent, load_gold
from eventcoder.evaluation.matching import match_article
from eventcoder.evaluation.report import (
    Counts,
    ErrorRecord,
    EvaluationReport,
    FieldScore,
)
from eventcoder.schema import Event, Mention

logger = logging.getLogger(__name__)

MentionRef = tuple[str, str]  # (article id, mention id)
GoldRef = tuple[str, int]  # (article id, index of the gold event in its file)


def _ref(gold: GoldEvent) -> GoldRef:
    return gold.article, gold.index


def describe(pred: Mention | Event) -> dict[str, Any]:
    """The fields that decide matching, for a false-positive listing."""
    return {"event_type": pred.event_type, "date": predicted_value(pred, "date"),
            "country": predicted_value(pred, "country"),
            "admin1": predicted_value(pred, "admin1")}


def _score_article(doc: GoldArticle, preds: list[Mention], report: EvaluationReport,
                   assigned: dict[MentionRef, GoldEvent]) -> None:
    pairs = match_article(preds, doc.events)
    report.events.tp += len(pairs)
    report.events.fp += len(preds) - len(pairs)
    report.events.fn += len(doc.events) - len(pairs)
    matched_preds = {p.pred for p in pairs}
    matched_golds = {p.gold for p in pairs}
    for pair in pairs:
        pred, gold = preds[pair.pred], doc.events[pair.gold]
        assigned[pred.article, pred.id] = gold
        for name, ok in pair.fields.items():
            score = report.fields[name]
            score.total += 1
            score.correct += ok
            if not ok:
                report.errors.append(ErrorRecord(
                    "field", doc.article, gold.key, pred.id, name,
                    gold_value(gold, name), predicted_value(pred, name)))
    for i, pred in enumerate(preds):
        if i not in matched_preds:
            report.errors.append(ErrorRecord("false_positive", doc.article, mention=pred.id,
                                             predicted=describe(pred)))
    for j, gold in enumerate(doc.events):
        if j not in matched_golds:
            report.errors.append(ErrorRecord("miss", doc.article, gold.key))


def gold_links(golds: Iterable[GoldEvent]) -> set[frozenset[GoldRef]]:
    """Every pair of gold events, in any articles, that share a key."""
    by_key: dict[str, list[GoldRef]] = defaultdict(list)
    for gold in golds:
        by_key[gold.key].append(_ref(gold))
    return {frozenset(pair) for refs in by_key.values() for pair in combinations(refs, 2)}


def predicted_links(events: Iterable[Event],
                    assigned: Mapping[MentionRef, GoldEvent]) -> set[frozenset[GoldRef]]:
    """Pairs of matched mentions that one predicted event puts together, as gold events.

    Matching is one-to-one, so distinct mention pairs stay distinct once mapped to gold.
    Sources whose mention did not match gold cannot be judged and are left out.
    """
    links: set[frozenset[GoldRef]] = set()
    for event in events:
        refs = {(s.article, s.mention) for s in event.sources if s.mention is not None}
        golds = sorted({_ref(assigned[r]) for r in refs if r in assigned})
        links.update(frozenset(pair) for pair in combinations(golds, 2))
    return links


def _score_merge(events: list[Event], golds: list[GoldEvent],
                 assigned: Mapping[MentionRef, GoldEvent], report: EvaluationReport) -> None:
    by_ref = {_ref(g): g for g in golds}
    truth = gold_links(golds)
    predicted = predicted_links(events, assigned)
    report.merge = Counts(len(predicted & truth), len(predicted - truth), len(truth - predicted))
    for link in sorted(predicted - truth, key=sorted):
        a, b = sorted(link)
        report.errors.append(ErrorRecord(
            "merge_false_link", a[0], by_ref[a].key, expected=None,
            predicted={"articles": [a[0], b[0]], "keys": [by_ref[a].key, by_ref[b].key]}))
    for link in sorted(truth - predicted, key=sorted):
        a, b = sorted(link)
        report.errors.append(ErrorRecord(
            "merge_missed_link", a[0], by_ref[a].key,
            expected={"articles": [a[0], b[0]], "key": by_ref[a].key}, predicted=None))


def mentions_from_events(events: Iterable[Event]) -> list[Mention]:
    """Each source of a merged event read as that article's mention, with the event's fields.

    For scoring events alone (a store export): the per-source casualty counts win over the
    merged ones, everything else is the merged value.
    """
    mentions = []
    for event in events:
        for i, src in enumerate(event.sources):
            mentions.append(Mention(
                src.mention or f"{event.id}#{i}", src.article, event.event_type,
                event.sub_event_type, event.date, event.location, event.actor1, event.actor2,
                fatalities=event.fatalities if src.fatalities is None else src.fatalities,
                injuries=event.injuries if src.injuries is None else src.injuries,
                weapon=event.weapon))
    return mentions


def _given(mentions: list[Mention], events: list[Event],
           articles: Iterable[str] | None) -> set[str]:
    if articles is not None:
        return set(articles)
    return {m.article for m in mentions} | {s.article for e in events for s in e.sources}


def evaluate(gold: Path | str | Mapping[str, GoldArticle], mentions: Iterable[Mention] | None,
             events: Iterable[Event] = (),
             articles: Iterable[str] | None = None) -> EvaluationReport:
    """Score mentions (extraction) and events (merging) against a gold directory.

    ``articles`` names the articles that were run; only their gold files are scored, so an
    article with no predicted mention still counts its misses. Without it, the articles
    are those the mentions and events come from. ``mentions=None`` scores extraction on
    the events' sources instead (``mentions_from_events``).
    """
    docs = load_gold(Path(gold)) if isinstance(gold, str | Path) else dict(gold)
    events = list(events)
    mentions = mentions_from_events(events) if mentions is None else list(mentions)
    given = _given(mentions, events, articles)
    report = EvaluationReport(fields={name: FieldScore() for name in SCORED_FIELDS})
    report.scored = sorted(a for a in docs if a in given)
    report.missing = sorted(a for a in docs if a not in given)
    report.without_gold = sorted(a for a in given if a not in docs)
    if report.missing:
        logger.info("%d gold articles were not given: %s", len(report.missing),
                    ", ".join(report.missing))
    by_article: dict[str, list[Mention]] = defaultdict(list)
    for mention in mentions:
        by_article[mention.article].append(mention)
    assigned: dict[MentionRef, GoldEvent] = {}
    for article in report.scored:
        _score_article(docs[article], by_article.get(article, []), report, assigned)
    golds = [g for a in report.scored for g in docs[a].events]
    _score_merge(events, golds, assigned, report)
    return report
