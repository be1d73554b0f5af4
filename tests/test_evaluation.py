"""Scoring against hand-made gold files with known answers (all events invented)."""

from __future__ import annotations

import itertools
import json
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from evaluation_builders import (
    SHARED_DATA,
    actor,
    event,
    gold_event,
    mention,
    write_gold,
)
from eventcoder.evaluation import GoldError, evaluate, format_table, load_gold
from eventcoder.evaluation.fields import (
    actor_agrees,
    compare_fields,
    date_agrees,
    names_agree,
    normalize_name,
)
from eventcoder.evaluation.gold import GoldSpan, parse_event
from eventcoder.evaluation.matching import admissible, hungarian, match_article
from eventcoder.schema import DateSpan

A = "ml-art"


def spans(*pairs: tuple[str, str]) -> tuple[GoldSpan, ...]:
    return tuple(GoldSpan(date.fromisoformat(a), date.fromisoformat(b)) for a, b in pairs)


def day_span(start: str, end: str) -> DateSpan:
    return DateSpan(date.fromisoformat(start), date.fromisoformat(end), "range")


# --- gold loading ------------------------------------------------------------------------


def test_gold_lists_nulls_and_unscored_fields() -> None:
    g = parse_event({
        "key": "k", "event_type": ["Battles"], "fatalities": [0, None], "injuries": None,
        "date": [{"start": "2021-03-09", "end": "2021-03-09"},
                 {"start": "2021-03-01", "end": "2021-03-31"}],
        "location": {"country": ["QA", "AF"], "admin1": [None, "QA-DA"]},
        "actor1": ["unknown"], "weapon": "IED"}, A, 0)
    assert g.fatalities == (0, None)
    assert g.injuries is None and g.actor2 is None and g.sub_event_type is None
    assert g.dates == spans(("2021-03-09", "2021-03-09"), ("2021-03-01", "2021-03-31"))
    assert g.country == ("QA", "AF") and g.admin1 == (None, "QA-DA")
    assert g.weapon == ("IED",)


@pytest.mark.parametrize("bad", [
    {"event_type": ["Battles"]},  # no key
    {"key": "k", "date": {"start": "2021-03-09"}},
    {"key": "k", "date": {"start": "2021-03-09", "end": "2021-03-01"}},
    {"key": "k", "location": "Mopti"},
])
def test_bad_gold_event_is_refused(bad: dict[str, object]) -> None:
    with pytest.raises(GoldError):
        parse_event(bad, A, 0)


def test_load_gold_reads_a_folder(tmp_path: Path) -> None:
    write_gold(tmp_path, "a1", [gold_event("k1"), gold_event("k2")])
    write_gold(tmp_path, "a2", [])
    (tmp_path / "notes.json").write_text("{}")
    gold = load_gold(tmp_path)
    assert sorted(gold) == ["a1", "a2"]
    assert [e.key for e in gold["a1"].events] == ["k1", "k2"]
    assert gold["a2"].events == []
    (tmp_path / "a3.gold.json").write_text("{not json")
    with pytest.raises(GoldError, match="a3.gold.json"):
        load_gold(tmp_path)


# --- field rules -------------------------------------------------------------------------

MONTH_GOLD = spans(("2021-03-09", "2021-03-09"), ("2021-03-01", "2021-03-31"))


@pytest.mark.parametrize(("start", "end", "ok"), [
    ("2021-03-09", "2021-03-09", True),   # the true day
    ("2021-03-01", "2021-03-31", True),   # the month the text allows
    ("2021-03-08", "2021-03-14", True),   # holds the true day, within the month
    ("2021-03-10", "2021-03-10", False),  # another day
    ("2021-02-25", "2021-03-10", False),  # wider than the text allows
    ("2021-03-01", "2021-03-05", False),  # misses the true day
])
def test_date_rule_month_span_against_day(start: str, end: str, ok: bool) -> None:
    assert date_agrees(day_span(start, end), MONTH_GOLD) is ok


def test_date_rule_single_day_gold_wants_that_day() -> None:
    gold = spans(("2021-03-09", "2021-03-09"))
    assert date_agrees(day_span("2021-03-09", "2021-03-09"), gold)
    assert not date_agrees(day_span("2021-03-01", "2021-03-31"), gold)
    assert not date_agrees(None, gold)


@pytest.mark.parametrize(("predicted", "gold", "agree"), [
    ("al-Mayadeen", "Mayadeen", True),
    ("The Mayadeen", "El Mayadeen", True),
    ("Forces armées maliennes", "FORCES ARMEES MALIENNES", True),
    ("Kata'ib Hezbollah", "Kataib Hezbollah", True),
    ("Jamaat Nusrat al-Islam wal-Muslimin", "Jama'at Nusrat al Islam wal Muslimeen", True),
    ("Mali Army", "Malian Army", True),  # ratio exactly 90
    ("Katiba Macina", "Katibat Massina", False),  # ratio 85.7
    ("Islamic State", "Islamic State West Africa", False),
    ("al-", "al", False),  # nothing left to compare
])
def test_actor_names_normalised_then_fuzzy(predicted: str, gold: str, agree: bool) -> None:
    assert names_agree(predicted, gold) is agree


def test_normalize_name_drops_articles_accents_punctuation() -> None:
    assert normalize_name("  The Armée of Al-Qaïda, (el) Jama'at ") == "armee of qaida jamaat"


def test_actor_text_counts_as_well_as_name() -> None:
    said = actor("Unknown Militia", text="Dozos militia")
    assert actor_agrees(said, ("Dozo militia",))
    assert not actor_agrees(actor("Unknown Militia", text="villagers"), ("Dozo militia",))


@pytest.mark.parametrize(("predicted", "choices", "agree"), [
    (None, ("unknown",), True),
    (actor("Unidentified Armed Group (Mali)"), ("unknown",), True),
    (actor("Katiba Macina"), ("unknown",), False),
    (actor("Katiba Macina"), ("unknown", "Katiba Macina"), True),
    (None, ("Katiba Macina",), False),
    (None, ("Katiba Macina", None), True),
    (actor("Unidentified Armed Group (Mali)"), ("Katiba Macina",), False),
])
def test_unknown_actor(predicted: object, choices: tuple[object, ...], agree: bool) -> None:
    assert actor_agrees(predicted, choices) is agree  # type: ignore[arg-type]


def test_null_in_list_and_unscored_fields() -> None:
    gold = parse_event(gold_event("k", fatalities=[0, None], injuries=[3], weapon=None,
                                  sub_event_type=["Armed clash"]), A, 0)
    verdicts = compare_fields(mention("m", A, fatalities=None, injuries=None), gold)
    assert verdicts == {"date": True, "admin1": True, "event_type": True,
                        "sub_event_type": True, "fatalities": True, "injuries": False}
    verdicts = compare_fields(mention("m", A, fatalities=0, injuries=3), gold)
    assert verdicts["fatalities"] and verdicts["injuries"]
    assert not compare_fields(mention("m", A, fatalities=2), gold)["fatalities"]


# --- admissibility and matching ----------------------------------------------------------


@pytest.mark.parametrize(("kwargs", "ok"), [
    ({}, True),
    ({"start": "2021-03-11"}, True),   # two days off: widened spans still touch
    ({"start": "2021-03-12"}, False),  # three days off
    ({"start": "2021-03-01", "end": "2021-03-07"}, True),
    ({"country": "BF"}, False),
    ({"country": None}, False),
    ({"admin1": "ML-6"}, False),
    ({"admin1": None}, True),          # no admin1 predicted: not a reason to refuse
])
def test_admissible(kwargs: dict[str, object], ok: bool) -> None:
    gold = parse_event(gold_event("k"), A, 0)
    assert admissible(mention("m", A, **kwargs), gold) is ok  # type: ignore[arg-type]


def test_admissible_with_gold_null_admin1_and_two_countries() -> None:
    gold = parse_event(gold_event("k", location={"country": ["QA", "AF"],
                                                 "admin1": [None, "QA-DA"]}), A, 0)
    assert admissible(mention("m", A, country="AF", admin1=None), gold)
    assert admissible(mention("m", A, country="QA", admin1="QA-DA"), gold)
    assert not admissible(mention("m", A, country="QA", admin1="QA-RA"), gold)
    bare = parse_event(gold_event("k", location={"country": "ML", "admin1": None}), A, 0)
    assert admissible(mention("m", A, admin1="ML-9"), bare)


def test_extraction_precision_recall(tmp_path: Path) -> None:
    write_gold(tmp_path, A, [
        gold_event("ml-k1", sub_event_type=["Armed clash"], fatalities=[4]),
        gold_event("ml-k2", date={"start": "2021-03-02", "end": "2021-03-02"},
                   location={"country": "ML", "admin1": ["ML-6"]}),
        gold_event("ml-k3", ["Violence against civilians"],
                   date={"start": "2021-03-20", "end": "2021-03-20"}),
    ])
    preds = [
        mention("p1", A, fatalities=4),
        mention("p2", A, start="2021-03-02", admin1="ML-6", fatalities=1),
        mention("p3", A, start="2021-03-20"),  # wrong event type: no match
    ]
    report = evaluate(tmp_path, preds, [], articles=[A])
    assert (report.events.tp, report.events.fp, report.events.fn) == (2, 1, 1)
    assert report.events.precision == pytest.approx(2 / 3)
    assert report.events.recall == pytest.approx(2 / 3)
    assert report.events.f1 == pytest.approx(2 / 3)
    fields = report.to_dict()["fields"]
    assert fields["date"] == {"correct": 2, "total": 2, "accuracy": 1.0}
    assert fields["fatalities"] == {"correct": 1, "total": 1, "accuracy": 1.0}
    assert fields["sub_event_type"]["total"] == 1
    assert fields["actor1"]["total"] == 0
    kinds = sorted((e.kind, e.key or e.mention) for e in report.errors)
    assert kinds == [("false_positive", "p3"), ("miss", "ml-k3")]


def test_empty_gold_file_makes_every_prediction_false(tmp_path: Path) -> None:
    write_gold(tmp_path, A, [])
    report = evaluate(tmp_path, [mention("p1", A), mention("p2", A)], [])
    assert (report.events.tp, report.events.fp, report.events.fn) == (0, 2, 0)
    assert report.events.precision == 0.0


def test_ties_broken_by_agreeing_fields() -> None:
    gold = [parse_event(gold_event("ka", actor1=["Katiba Macina"], fatalities=[3]), A, 0),
            parse_event(gold_event("kb", actor1=["Dozo militia"], fatalities=[7]), A, 1)]
    preds = [mention("p1", A, actor1=actor("Dozo militia"), fatalities=7),
             mention("p2", A, actor1=actor("Katiba Macina"), fatalities=3)]
    pairs = match_article(preds, gold)
    assert [(p.pred, p.gold, p.agreeing) for p in pairs] == [(0, 1, 5), (1, 0, 5)]


def test_more_pairs_beat_more_agreement() -> None:
    gold = [parse_event(gold_event("ka", fatalities=[3]), A, 0),
            parse_event(gold_event("kb", fatalities=[9], location={
                "country": "ML", "admin1": ["ML-6"]}), A, 1)]
    # p1 agrees best with ka but is also admissible to kb; p2 only fits ka.
    preds = [mention("p1", A, admin1=None, fatalities=3),
             mention("p2", A, fatalities=1)]
    pairs = match_article(preds, gold)
    assert [(p.pred, p.gold) for p in pairs] == [(0, 1), (1, 0)]


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 4).flatmap(lambda n: st.integers(n, 5).flatmap(
    lambda m: st.lists(st.lists(st.integers(0, 30), min_size=m, max_size=m),
                       min_size=n, max_size=n))))
def test_hungarian_finds_the_best_assignment(weights: list[list[int]]) -> None:
    n, m = len(weights), len(weights[0])
    best = max(sum(weights[i][c] for i, c in enumerate(cols))
               for cols in itertools.permutations(range(m), n))
    result = hungarian(weights)
    assert len(set(result)) == n
    assert sum(weights[i][c] for i, c in enumerate(result)) == best


def test_more_predictions_than_gold() -> None:
    gold = [parse_event(gold_event("ka", fatalities=[3]), A, 0)]
    preds = [mention("p1", A, fatalities=1), mention("p2", A, fatalities=3),
             mention("p3", A, start="2021-05-01")]
    assert [(p.pred, p.gold) for p in match_article(preds, gold)] == [(1, 0)]


# --- merging -----------------------------------------------------------------------------


def test_merge_links_on_three_articles(tmp_path: Path) -> None:
    for art, keys in (("a", ["K1", "K2"]), ("b", ["K1"]), ("c", ["K1", "K2"])):
        write_gold(tmp_path, art, [
            gold_event(k, date={"start": f"2021-03-0{i + 1}", "end": f"2021-03-0{i + 1}"})
            for i, k in enumerate(keys)])
    a1, a2 = mention("a1", "a", start="2021-03-01"), mention("a2", "a", start="2021-03-02")
    b1 = mention("b1", "b", start="2021-03-01")
    c1, c2 = mention("c1", "c", start="2021-03-01"), mention("c2", "c", start="2021-03-02")
    stray = mention("x", "c", country="NE")  # matches nothing: its links are not judged
    events = [event("E1", a1, b1, c2, stray), event("E2", c1), event("E3", a2)]
    report = evaluate(tmp_path, [a1, a2, b1, c1, c2, stray], events)
    # gold links: K1 a-b, a-c, b-c; K2 a-c. Predicted: a1-b1 (right), a1-c2, b1-c2 (wrong).
    assert (report.merge.tp, report.merge.fp, report.merge.fn) == (1, 2, 3)
    assert report.merge.precision == pytest.approx(1 / 3)
    assert report.merge.recall == pytest.approx(1 / 4)
    assert report.merge.f1 == pytest.approx(2 / 7)
    kinds = [e.kind for e in report.errors]
    assert kinds.count("merge_false_link") == 2 and kinds.count("merge_missed_link") == 3


def test_only_given_articles_are_scored(tmp_path: Path) -> None:
    write_gold(tmp_path, "a", [gold_event("K1")])
    write_gold(tmp_path, "b", [gold_event("K1")])
    report = evaluate(tmp_path, [mention("a1", "a"), mention("z1", "z")], [],
                      articles=["a", "z"])
    assert report.scored == ["a"] and report.missing == ["b"] and report.without_gold == ["z"]
    assert (report.events.tp, report.events.fp, report.events.fn) == (1, 0, 0)
    assert report.merge.fn == 0  # b's copy of K1 was not given
    d = report.to_dict(errors=False)
    assert sorted(d) == ["articles", "events", "fields", "merge"]
    assert d["articles"]["gold_not_given"] == ["b"]
    table = format_table(report)
    assert "gold articles not given (1): b" in table
    assert "events               1     0     0      1.000    1.000   1.000" in table


# --- the real development gold -----------------------------------------------------------

GOLD_DIR = SHARED_DATA / "dev-gold"


@pytest.mark.skipif(not GOLD_DIR.is_dir(), reason="../shared/data/dev-gold not present")
def test_real_dev_gold_parses() -> None:
    gold = load_gold(GOLD_DIR)
    files = sorted(GOLD_DIR.glob("*.gold.json"))
    assert len(gold) == len(files) == 15
    keys: dict[str, int] = {}
    for path in files:
        data = json.loads(path.read_text(encoding="utf-8"))
        assert len(gold[data["article"]].events) == len(data["events"])
        for e in data["events"]:
            keys[e["key"]] = keys.get(e["key"], 0) + 1
    solhan = [a for a, doc in gold.items()
              if any(e.key == "bf-2021-06-05-solhan-attack" for e in doc.events)]
    assert len(solhan) == 2
    report = evaluate(gold, [], [], articles=list(gold))
    total = sum(keys.values())
    assert (report.events.tp, report.events.fn) == (0, total)
    expected_links = sum(n * (n - 1) // 2 for n in keys.values())
    assert report.merge.fn == expected_links >= 1


def test_every_scored_field_and_error_kind_is_documented() -> None:
    from typing import get_args

    from eventcoder.evaluation.fields import SCORED_FIELDS
    from eventcoder.evaluation.report import ErrorKind

    doc = (Path(__file__).resolve().parents[1] / "docs" / "evaluation.md").read_text()
    for name in (*SCORED_FIELDS, *get_args(ErrorKind)):
        assert f"`{name}`" in doc, name


def test_events_alone_are_scored_through_their_sources(tmp_path: Path) -> None:
    write_gold(tmp_path, "a", [gold_event("K1", fatalities=[2])])
    write_gold(tmp_path, "b", [gold_event("K1", fatalities=[3])])
    merged = event("E1", mention("a1", "a"), mention("b1", "b"))
    merged.fatalities = 3
    merged.sources[0].fatalities = 2  # article a said 2, b's figure won the merge
    report = evaluate(tmp_path, None, [merged])
    assert (report.events.tp, report.events.fp, report.events.fn) == (2, 0, 0)
    assert report.fields["fatalities"].correct == 2
    assert (report.merge.tp, report.merge.fp, report.merge.fn) == (1, 0, 0)
    assert report.merge.f1 == 1.0
