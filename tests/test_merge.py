"""Merge: one occurrence reported by several articles becomes one event.

Mentions are built by hand with normalised fields (as the extractor would give them), so
these tests do not depend on the engine. The surface texts are invented.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import replace
from datetime import date, timedelta
from itertools import combinations
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventcoder.merge import merge, merge_with_changes, new_event_id
from eventcoder.normalize.actors import slug
from eventcoder.schema import Actor, DateSpan, Event, Location, Mention, Outlet, Source, Span

IED = ("Explosions/Remote violence", "Remote explosive/landmine/IED")
TOWNS = {
    "Tikrit": ("IQ-SD", "Salah ad Din", 34.6071, 43.6782),
    "Samarra": ("IQ-SD", "Salah ad Din", 34.1959, 43.8857),
    "Al-Alam": ("IQ-SD", "Salah ad Din", 34.6792, 43.7006),
    "Ramadi": ("IQ-AN", "Al Anbar", 33.4258, 43.2992),
}
ISIS = Actor("islamic-state", "Islamic State (Iraq)", basis="reported", type="Rebel group")
PMF = Actor("pmf", "Popular Mobilization Forces", basis="reported", type="Political militia")
ARMY = Actor("military-forces-of-iraq", "Military Forces of Iraq (2020-)", type="State forces",
             country="IQ")
UNKNOWN = Actor("unidentified-armed-group-iraq", "Unidentified Armed Group (Iraq)",
                basis="unknown", type="Political militia")
CIVILIANS = Actor("civilians-iraq", "Civilians (Iraq)", type="Civilians")


def place(town: str | None, geo: int = 1, admin1: str | None = None) -> Location:
    if town is None:
        code = admin1 or "IQ-SD"
        return Location("IQ", code, "Salah ad Din", None, None, None, 3)
    code, name, lat, lon = TOWNS[town]
    return Location("IQ", code, name, town, lat, lon, geo)


def day(iso: str, precision: str = "day", end: str | None = None) -> DateSpan:
    return DateSpan(date.fromisoformat(iso), date.fromisoformat(end or iso), precision)  # type: ignore[arg-type]


def mention(mid: str, article: str, kind: tuple[str, str | None] = IED,
            when: DateSpan | None = None, where: Location | None = None,
            **kw: Any) -> Mention:
    return Mention(id=mid, article=article, event_type=kind[0], sub_event_type=kind[1],
                   date=when or day("2020-04-08"), location=where or place("Tikrit"),
                   evidence=[Span(0, 10, "invented")], **kw)


def test_french_and_english_reports_of_one_attack_merge() -> None:
    fr = mention("fr-1", "art-fr", actor1=UNKNOWN, actor2=ARMY, fatalities=2, weapon="IED",
                 reported_by=[Outlet("Al-Mayadeen", "la chaîne al-Mayadeen")],
                 fields={"date": Span(3, 20, "le mercredi 8 avril")}, confidence=0.6)
    en = mention("en-1", "art-en", actor1=ISIS, actor2=ARMY, fatalities=2, weapon="IED",
                 reported_by=[Outlet("Reuters", "Reuters reported")], status="claimed",
                 claimed_by=[replace(ISIS, basis="claimed")], confidence=0.7)
    events = merge([fr, en])
    assert len(events) == 1
    ev = events[0]
    assert [(s.article, s.mention) for s in ev.sources] == [("art-en", "en-1"),
                                                             ("art-fr", "fr-1")]
    assert ev.actor1 == ISIS  # a named actor over an unidentified one
    assert ev.fatalities == 2 and "fatalities" not in ev.disagreements
    assert [o.name for o in ev.reported_by] == ["Reuters", "Al-Mayadeen"]
    assert ev.status == "claimed"
    assert ev.claimed_by[0].id == "islamic-state"
    assert ev.confidence == pytest.approx(1 - 0.4 * 0.3)
    assert ev.sources[1].fields["date"].text == "le mercredi 8 avril"


@pytest.mark.parametrize(("a", "b"), [
    # two towns of one province on one day: two events
    ({"where": place("Tikrit")}, {"where": place("Samarra")}),
    # two named perpetrators in one town
    ({"actor1": ISIS}, {"actor1": PMF}),
    # an agreement never merges with violence
    ({"kind": ("Strategic developments", "Agreement")}, {}),
    # arrests and an agreement are different strategic developments
    ({"kind": ("Strategic developments", "Arrests")},
     {"kind": ("Strategic developments", "Agreement")}),
    # protests and battles
    ({"kind": ("Protests", "Peaceful protest")}, {"kind": ("Battles", "Armed clash")}),
    # two stated days two days apart
    ({"when": day("2020-04-08")}, {"when": day("2020-04-10")}),
    # two provinces
    ({"where": place("Tikrit")}, {"where": place("Ramadi")}),
])
def test_different_occurrences_stay_apart(a: dict[str, Any], b: dict[str, Any]) -> None:
    events = merge([mention("m-a", "art-1", **a), mention("m-b", "art-2", **b)])
    assert len(events) == 2


@pytest.mark.parametrize(("a", "b"), [
    # a province-only report and a town in that province
    ({"where": place(None)}, {"where": place("Samarra")}),
    # "near Tikrit" and Tikrit
    ({"where": place("Tikrit", geo=2)}, {"where": place("Tikrit")}),
    # one day apart (reported the next morning)
    ({"when": day("2020-04-08")}, {"when": day("2020-04-09")}),
    # a day inside a month-precision report
    ({"when": day("2020-04-01", "month", "2020-04-30")}, {}),
    # shelling reported as a clash by another source
    ({"kind": ("Battles", "Armed clash")}, {"kind": ("Explosions/Remote violence",
                                                     "Shelling/artillery/missile attack")}),
    # actor order is free outside violence against civilians
    ({"actor1": ISIS, "actor2": ARMY}, {"actor1": ARMY, "actor2": ISIS}),
])
def test_compatible_reports_merge(a: dict[str, Any], b: dict[str, Any]) -> None:
    events = merge([mention("m-a", "art-1", **a), mention("m-b", "art-2", **b)])
    assert len(events) == 1
    assert len(events[0].sources) == 2


def test_near_a_town_merges_with_a_close_town_but_not_a_far_one() -> None:
    near_tikrit = mention("m-a", "art-1", where=place("Tikrit", geo=2))
    assert len(merge([near_tikrit, mention("m-b", "art-2", where=place("Al-Alam"))])) == 1
    assert len(merge([near_tikrit, mention("m-c", "art-2", where=place("Samarra"))])) == 2


def test_massacre_coded_as_attack_and_as_clash_merges() -> None:
    vac = mention("m-a", "art-1", kind=("Violence against civilians", "Attack"),
                  actor1=ISIS, actor2=CIVILIANS, fatalities=15, weapon="firearm")
    clash = mention("m-b", "art-2", kind=("Battles", "Armed clash"), actor1=ISIS,
                    actor2=PMF, fatalities=15, weapon="firearm")
    clash2 = mention("m-c", "art-3", kind=("Battles", "Armed clash"), actor1=ISIS,
                     actor2=PMF, fatalities=17)
    events = merge([vac, clash, clash2])
    assert len(events) == 1
    ev = events[0]
    assert (ev.event_type, ev.sub_event_type) == ("Battles", "Armed clash")  # two sources to one
    kinds = ev.disagreements["event_type"]["values"]
    assert kinds[0] == {"value": {"event_type": "Battles", "sub_event_type": "Armed clash"},
                        "sources": ["art-2", "art-3"]}
    assert kinds[1]["sources"] == ["art-1"]
    assert [v["value"]["id"] for v in ev.disagreements["actor2"]["values"]] == [
        "pmf", "civilians-iraq"]


def test_mentions_of_one_article_merge_only_when_the_article_says_so() -> None:
    a = mention("art-1:m1", "art-1")
    b = mention("art-1:m2", "art-1")
    assert len(merge([a, b])) == 2
    b_same = replace(b, same_as="art-1:m1", fatalities=3)
    events = merge([a, b_same])
    assert len(events) == 1 and events[0].fatalities == 3


def test_an_article_does_not_bridge_its_own_two_events() -> None:
    """art-2's single vague report fits both of art-1's attacks; art-1 said they are two."""
    a1 = mention("art-1:m1", "art-1", actor1=ISIS)
    a2 = mention("art-1:m2", "art-1", actor1=ISIS)
    vague = mention("art-2:m1", "art-2")
    events = merge([a1, a2, vague])
    assert sorted(len(e.sources) for e in events) == [1, 2]


def test_complete_link_refuses_a_chain_through_a_vague_report() -> None:
    tikrit = mention("m-a", "art-1", where=place("Tikrit"))
    samarra = mention("m-b", "art-2", where=place("Samarra"))
    province = mention("m-c", "art-3", where=place(None),
                       when=day("2020-04-01", "month", "2020-04-30"))
    events = merge([tikrit, samarra, province])
    assert sorted(len(e.sources) for e in events) == [1, 2]


def test_fatalities_disagreement_takes_the_lowest_and_keeps_both() -> None:
    events = merge([mention("m-a", "art-1", fatalities=10, injuries=4),
                    mention("m-b", "art-2", fatalities=12)])
    ev = events[0]
    assert ev.fatalities == 10
    assert ev.disagreements["fatalities"] == {"low": 10, "high": 12, "best": 10,
                                              "by_source": {"art-1": 10, "art-2": 12}}
    assert ev.injuries == 4 and "injuries" not in ev.disagreements
    assert {s.article: s.fatalities for s in ev.sources} == {"art-1": 10, "art-2": 12}


def test_most_precise_date_and_place_win() -> None:
    vague = mention("m-a", "art-1", when=day("2020-04-01", "month", "2020-04-30"),
                    where=place(None))
    precise = mention("m-b", "art-2", when=day("2020-04-08"), where=place("Samarra"))
    ev = merge([vague, precise])[0]
    assert ev.date is not None and ev.date.precision == "day"
    assert ev.date.start == date(2020, 4, 8)
    assert ev.location is not None and ev.location.place == "Samarra"
    assert "location" not in ev.disagreements  # a town inside its province is no dispute
    assert ev.disagreements["date"]["values"][0]["value"]["start"] == "2020-04-08"


def test_denied_status_is_kept_as_a_disagreement() -> None:
    ev = merge([mention("m-a", "art-1", status="denied"),
                mention("m-b", "art-2", status="claimed")])[0]
    assert ev.status == "claimed"
    assert ev.disagreements["status"]["values"] == [
        {"value": "claimed", "sources": ["art-2"]}, {"value": "denied", "sources": ["art-1"]}]


def test_new_event_id_is_derived_from_the_smallest_mention_id() -> None:
    events = merge([mention("zz", "art-2"), mention("aa", "art-1")])
    assert events[0].id == "ev-" + hashlib.sha1(b"aa").hexdigest()[:12] == new_event_id(
        ["zz", "aa"])
    # the same input in another order gives the same events
    assert [e.to_dict() for e in merge([mention("aa", "art-1"), mention("zz", "art-2")])] == [
        e.to_dict() for e in events]


def test_a_new_report_joins_a_stored_event_and_keeps_its_id() -> None:
    stored = merge([mention("m-a", "art-1", fatalities=10)])[0]
    stored.created = stored.updated = "2026-01-01T00:00:00+00:00"
    other = merge([mention("m-x", "art-9", where=place("Ramadi"))])[0]
    far = merge([mention("m-y", "art-8", when=day("2021-06-01"))])[0]
    result = merge_with_changes([mention("m-b", "art-2", fatalities=12)], [stored, other, far])
    assert result.created == [] and result.removed == [] and result.split == {}
    assert result.updated == [stored.id]
    joined = next(e for e in result.events if e.id == stored.id)
    assert [s.mention for s in joined.sources] == ["m-a", "m-b"]
    assert joined.created == "2026-01-01T00:00:00+00:00"  # timestamps are the store's
    assert joined.disagreements["fatalities"]["by_source"] == {"art-1": 10, "art-2": 12}
    assert next(e for e in result.events if e.id == other.id) is other  # untouched
    assert next(e for e in result.events if e.id == far.id) is far  # not even compared


def test_a_new_report_of_another_occurrence_creates_an_event() -> None:
    stored = merge([mention("m-a", "art-1")])[0]
    result = merge_with_changes([mention("m-b", "art-2", where=place("Ramadi"))], [stored])
    assert result.updated == [] and len(result.created) == 1
    assert result.events[0] is stored or result.events[1] is stored


def test_remerging_the_same_mentions_changes_nothing() -> None:
    mentions = [mention("m-a", "art-1", fatalities=10), mention("m-b", "art-2", fatalities=12)]
    stored = merge(mentions)
    result = merge_with_changes(mentions, stored)
    assert (result.created, result.updated, result.removed, result.split) == ([], [], [], {})
    assert [e.to_dict() for e in result.events] == [e.to_dict() for e in stored]


def test_a_split_is_reported() -> None:
    a, b = mention("m-a", "art-1"), mention("m-b", "art-2")
    stored = merge([a, b])[0]
    # re-extraction now places m-b in another province: it leaves the event
    moved = replace(b, location=place("Ramadi"))
    result = merge_with_changes([a, moved], [stored])
    assert len(result.events) == 2
    assert result.split == {stored.id: [result.created[0]]}
    kept = next(e for e in result.events if e.id == stored.id)
    assert [s.mention for s in kept.sources] == ["m-a"]


def test_two_stored_events_absorbed_reports_removed() -> None:
    a, b = mention("m-a", "art-1"), mention("m-b", "art-2", where=place("Samarra"))
    first, second = merge([a, b])
    moved = replace(b, location=place("Tikrit"))  # corrected: it was the same attack
    result = merge_with_changes([moved], [first, second])
    assert len(result.events) == 1
    assert result.removed == [second.id if second.sources[0].mention == "m-b" else first.id]
    assert result.split == {}


def test_stored_event_sources_keep_their_evidence() -> None:
    stored = merge([mention("m-a", "art-1")])[0]
    stored.sources.append(Source("art-0", None, [Span(1, 5, "old")], fatalities=7))
    ev = merge([mention("m-b", "art-2", fatalities=9)], [stored])[0]
    assert {s.article: s.fatalities for s in ev.sources} == {"art-0": 7, "art-1": None,
                                                              "art-2": 9}
    assert ev.fatalities == 7


def test_blocking_is_not_all_pairs() -> None:
    """A thousand reports over a year in ten provinces: few candidate pairs."""
    from eventcoder.merge_blocking import candidate_pairs
    from eventcoder.merge_rules import features

    towns = list(TOWNS)
    ms = [mention(f"m{i}", f"art-{i}", when=day((date(2020, 1, 1) + timedelta(i % 365))
                                                .isoformat()),
                  where=place(towns[i % len(towns)])) for i in range(1000)]
    pairs = list(candidate_pairs([features(m) for m in ms]))
    assert len(pairs) == len(set(pairs))
    assert len(pairs) < 1000 * 20


@pytest.fixture(scope="module")
def shared_data() -> Path:
    """../shared/data beside the repository (kept here, not in conftest.py, so that this
    branch adds no shared file)."""
    path = Path(__file__).resolve().parents[1].parent / "shared" / "data"
    if not path.is_dir():
        pytest.skip("../shared/data is not available")
    return path


def _first(value: Any) -> Any:
    if isinstance(value, list):
        return next((v for v in value if v is not None), None)
    return value


def _gold_mention(article: str, n: int, gold: dict[str, Any]) -> Mention:
    """A mention with the gold event's first acceptable values (what a perfect extractor
    would give), to test the merge alone on real occurrences."""
    span = gold.get("date")
    span = span[0] if isinstance(span, list) else span
    loc = gold.get("location") or {}
    admin1, town = _first(loc.get("admin1")), loc.get("place")

    def actor(names: list[str] | None) -> Actor | None:
        name = _first(names) if names else None
        return None if name in (None, "unknown") else Actor(slug(name), name)

    return Mention(
        id=f"{article}:{n}", article=article, event_type=_first(gold["event_type"]),
        sub_event_type=_first(gold.get("sub_event_type")),
        date=DateSpan.from_dict(span) if span else None,
        location=Location(_first(loc.get("country")), admin1, None, town, None, None,
                          1 if town else 3 if admin1 else None),
        actor1=actor(gold.get("actor1")), actor2=actor(gold.get("actor2")),
        fatalities=_first(gold.get("fatalities")), weapon=_first(gold.get("weapon")))


def test_gold_occurrences_merge_exactly(shared_data: Path) -> None:
    """Every gold link (same key in two articles) found, and no other."""
    mentions, keys = [], {}
    for path in sorted((shared_data / "dev-gold").glob("*.gold.json")):
        doc = json.loads(path.read_text("utf-8"))
        for n, gold in enumerate(doc["events"]):
            m = _gold_mention(doc["article"], n, gold)
            mentions.append(m)
            keys[m.id] = gold["key"]
    if not mentions:
        pytest.skip("no gold annotations")
    links = {frozenset(p) for ev in merge(mentions)
             for p in combinations([s.mention for s in ev.sources], 2)}
    gold_links = {frozenset((a, b)) for a, b in combinations(keys, 2) if keys[a] == keys[b]}
    assert len(gold_links) >= 4
    assert links == gold_links


def test_stored_disagreements_survive_a_round_trip_and_a_new_report() -> None:
    """The store keeps events as JSON: who said what must survive it and a later merge."""
    vac = mention("m-a", "art-1", kind=("Violence against civilians", "Attack"),
                  actor1=ISIS, actor2=CIVILIANS, fatalities=15)
    clash = mention("m-b", "art-2", kind=("Battles", "Armed clash"), actor1=ISIS, actor2=PMF,
                    fatalities=18)
    stored = [Event.from_dict(json.loads(json.dumps(e.to_dict()))) for e in merge([vac, clash])]
    again = merge_with_changes([vac, clash], stored)
    assert (again.created, again.updated, again.removed) == ([], [], [])
    late = mention("m-c", "art-3", kind=("Violence against civilians", "Attack"), actor1=ISIS,
                   actor2=CIVILIANS, fatalities=21)
    result = merge_with_changes([late], stored)
    (ev,) = result.events
    assert ev.id == stored[0].id and result.updated == [ev.id]
    assert (ev.event_type, ev.sub_event_type) == ("Violence against civilians", "Attack")
    assert [v["sources"] for v in ev.disagreements["event_type"]["values"]] == [
        ["art-1", "art-3"], ["art-2"]]
    assert ev.fatalities == 15
    assert ev.disagreements["fatalities"]["by_source"] == {"art-1": 15, "art-2": 18,
                                                           "art-3": 21}


@pytest.mark.parametrize(("a", "b", "expected"), [
    (IED, IED, (1.0, False)),
    (("Battles", "Armed clash"), ("Battles", "Government regains territory"), (0.6, False)),
    (("Violence against civilians", "Attack"),
     ("Violence against civilians", "Abduction/forced disappearance"), (0.6, True)),
    (("Battles", "Armed clash"), ("Violence against civilians", "Attack"), (0.4, True)),
    (("Violence against civilians", "Attack"), ("Battles", "Armed clash"), (0.4, True)),
    (("Battles", "Armed clash"), ("Explosions/Remote violence", "Air/drone strike"),
     (0.4, False)),
    (("Protests", "Peaceful protest"), ("Riots", "Violent demonstration"), (0.4, False)),
    (("Battles", None), ("Battles", "Armed clash"), (0.8, False)),
    (("Strategic developments", "Agreement"), ("Battles", "Armed clash"), None),
    (("Strategic developments", "Agreement"), ("Violence against civilians", "Attack"), None),
    (("Strategic developments", "Arrests"), ("Strategic developments", "Agreement"), None),
    (("Battles", "Armed clash"), ("Violence against civilians", "Sexual violence"), None),
    (("Protests", "Peaceful protest"), ("Battles", "Armed clash"), None),
])
def test_type_compatibility_table(a: tuple[str, str | None], b: tuple[str, str | None],
                                  expected: tuple[float, bool] | None) -> None:
    from eventcoder.merge_rules import type_relation

    assert type_relation(a, b) == expected


KINDS = [IED, ("Battles", "Armed clash"), ("Violence against civilians", "Attack"),
         ("Strategic developments", "Arrests")]


@st.composite
def mention_sets(draw: st.DrawFn) -> list[Mention]:
    n = draw(st.integers(1, 12))
    out = []
    for i in range(n):
        out.append(mention(
            f"m{i:02d}", f"art-{draw(st.integers(0, 5))}", kind=draw(st.sampled_from(KINDS)),
            when=day(f"2020-04-0{draw(st.integers(1, 4))}"),
            where=place(draw(st.sampled_from([None, *TOWNS]))),
            actor1=draw(st.sampled_from([None, ISIS, PMF, UNKNOWN])),
            fatalities=draw(st.sampled_from([None, 0, 3, 10]))))
    return out


@settings(max_examples=60, deadline=None)
@given(mention_sets(), st.randoms(use_true_random=False))
def test_merge_properties(mentions: list[Mention], rnd: Any) -> None:
    events = merge(mentions)
    # every mention in exactly one event; never two mentions of one article together
    placed = [s.mention for e in events for s in e.sources]
    assert sorted(placed) == sorted(m.id for m in mentions)
    for e in events:
        assert len({s.article for s in e.sources}) == len(e.sources)
    # the input order does not matter
    shuffled = list(mentions)
    rnd.shuffle(shuffled)
    assert [e.to_dict() for e in merge(shuffled)] == [e.to_dict() for e in events]
    # merging the same mentions again with the stored events changes nothing
    again = merge_with_changes(mentions, events)
    assert (again.created, again.updated, again.removed, again.split) == ([], [], [], {})
    # in two batches (the store's way): still every mention once, articles never doubled
    half = len(mentions) // 2
    later = merge_with_changes(mentions[half:], merge(mentions[:half])).events
    assert sorted(s.mention for e in later for s in e.sources) == sorted(placed)
    assert all(len({s.article for s in e.sources}) == len(e.sources) for e in later)


def test_on_a_tie_the_reports_not_revised_keep_the_stored_id() -> None:
    """A stored event of two reports; one is re-extracted elsewhere. Each side holds one
    report of the old event: the side that was not re-submitted keeps the id."""
    a, b = mention("m-a", "art-1"), mention("m-b", "art-2")
    stored = merge([a, b])[0]
    assert stored.id == new_event_id(["m-a"])
    moved = replace(b, location=place("Ramadi"))
    result = merge_with_changes([moved], [stored])
    holder = {s.mention: e.id for e in result.events for s in e.sources}
    assert holder == {"m-a": stored.id, "m-b": new_event_id(["m-b"])}
    assert result.created == [new_event_id(["m-b"])] and result.updated == [stored.id]
    assert result.split == {stored.id: [new_event_id(["m-b"])]}


def test_a_fresh_id_never_takes_a_stored_one() -> None:
    """The revised report is the smallest mention of the stored event, so its usual id is
    the stored event's id, which stays with the other report: a salted hash is used."""
    a, b = mention("m-a", "art-1"), mention("m-b", "art-2")
    stored = merge([a, b])[0]
    moved = replace(a, location=place("Ramadi"))
    result = merge_with_changes([moved], [stored])
    ids = [e.id for e in result.events]
    assert len(ids) == len(set(ids)) == 2
    holder = {s.mention: e.id for e in result.events for s in e.sources}
    assert holder["m-b"] == stored.id
    assert holder["m-a"] == "ev-" + hashlib.sha1(b"m-a#1").hexdigest()[:12]


# --- refinements (issue 5): targets, date precision, weekdays, relative locations -------

BF_PLACE = Location("BF", "BF-SAH", "Sahel", "Djibo", 14.1022, -1.6306, 1)
JNIM = Actor("jnim", "JNIM: Group for Support of Islam and Muslims", type="Rebel group")
ISGS = Actor("isgs", "Islamic State (Greater Sahara)", type="Rebel group")
CIVILIANS_BF = Actor("civilians-burkina-faso", "Civilians (Burkina Faso)", type="Civilians")
VDP = Actor("vdp", "VDP: Volunteers for the Defense of the Homeland", type="Political militia")
KH = Actor("kataib-hezbollah", "Kataib Hezbollah", type="Political militia")
US = Actor("us-military", "Military Forces of the United States", type="State forces")
COALITION = Actor("coalition-oir", "Global Coalition Against Daesh", type="External/Other")
VAC = ("Violence against civilians", "Attack")
SHELLING = ("Explosions/Remote violence", "Shelling/artillery/missile attack")


def _pair_score(a: Mention, b: Mention) -> float | None:
    from eventcoder.merge_rules import features, score

    return score(features(a), features(b))


@pytest.mark.parametrize(("a", "b"), [
    # a massacre: villagers in one report, their volunteer guards in the other
    ({"kind": VAC, "where": BF_PLACE, "actor1": JNIM, "actor2": CIVILIANS_BF},
     {"kind": VAC, "where": BF_PLACE, "actor1": JNIM, "actor2": VDP}),
    # the same, the second source coding it as a clash with the guards
    ({"kind": VAC, "where": BF_PLACE, "actor1": JNIM, "actor2": CIVILIANS_BF},
     {"kind": ("Battles", "Armed clash"), "where": BF_PLACE, "actor1": JNIM, "actor2": VDP}),
    # a rocket on a base: an army and the coalition it belongs to (part_of)
    ({"kind": SHELLING, "actor1": KH, "actor2": US},
     {"kind": SHELLING, "actor1": KH, "actor2": COALITION}),
    # two named targets, not civilians: a lower score, no veto
    ({"actor1": ISIS, "actor2": ARMY}, {"actor1": ISIS, "actor2": PMF}),
])
def test_a_different_target_alone_does_not_veto(a: dict[str, Any], b: dict[str, Any]) -> None:
    events = merge([mention("m-a", "art-1", **a), mention("m-b", "art-2", **b)])
    assert [len(e.sources) for e in events] == [2]


def test_different_targets_cost_score_and_different_perpetrators_still_veto() -> None:
    same = _pair_score(mention("m-a", "art-1", actor1=ISIS, actor2=ARMY),
                       mention("m-b", "art-2", actor1=ISIS, actor2=ARMY))
    other = _pair_score(mention("m-a", "art-1", actor1=ISIS, actor2=ARMY),
                        mention("m-b", "art-2", actor1=ISIS, actor2=PMF))
    linked = _pair_score(mention("m-a", "art-1", kind=SHELLING, actor1=KH, actor2=US),
                         mention("m-b", "art-2", kind=SHELLING, actor1=KH, actor2=COALITION))
    assert same is not None and other is not None and linked is not None
    assert other < same and linked == pytest.approx(same)
    both = [mention("m-a", "art-1", kind=VAC, where=BF_PLACE, actor1=JNIM, actor2=CIVILIANS_BF),
            mention("m-b", "art-2", kind=VAC, where=BF_PLACE, actor1=ISGS, actor2=VDP)]
    assert _pair_score(*both) is None and len(merge(both)) == 2


SEPT = ("2018-09-01", "month", "2018-09-30")
MONDAYS = DateSpan(date(2018, 9, 3), date(2018, 9, 24), "range", "lundi")


@pytest.mark.parametrize(("span", "iso", "joined"), [
    (day(*SEPT), "2018-09-01", True),      # first day of the month
    (day(*SEPT), "2018-08-31", False),     # the day before: no ±1 widening into a month
    (day(*SEPT), "2018-10-01", False),
    (day("2018-09-10", "range", "2018-09-12"), "2018-09-12", True),
    (day("2018-09-10", "range", "2018-09-12"), "2018-09-13", False),
    (MONDAYS, "2018-09-17", True),         # a Monday of the month
    (MONDAYS, "2018-09-16", False),        # a Sunday inside the span
    (MONDAYS, "2018-09-02", False),        # before the first Monday
    (replace(MONDAYS, text="on Monday night"), "2018-09-10", True),
    (replace(MONDAYS, text="on Monday night"), "2018-09-11", False),
    (replace(MONDAYS, start=date(2018, 9, 2), text="dans la nuit de dimanche à lundi"),
     "2018-09-09", True),
    # an explicit range naming weekdays is a plain range
    (replace(MONDAYS, text="du lundi 3 au lundi 24"), "2018-09-12", True),
])
def test_a_stated_day_must_lie_inside_a_range_or_month(span: DateSpan, iso: str,
                                                       joined: bool) -> None:
    events = merge([mention("m-a", "art-1", when=span), mention("m-b", "art-2", when=day(iso))])
    assert len(events) == (1 if joined else 2)


@pytest.mark.parametrize(("span", "expected"), [
    (MONDAYS, {0}),
    (replace(MONDAYS, text="Monday"), {0}),
    (replace(MONDAYS, start=date(2018, 9, 2), text="dans la nuit de dimanche à lundi"), {6, 0}),
    (DateSpan(date(2018, 9, 3), date(2018, 9, 26), "range", "du lundi au mercredi"),
     {0, 1, 2}),
    (replace(MONDAYS, text="depuis lundi 3"), None),                 # a day number
    (replace(MONDAYS, text=None), None),                             # no text
    (replace(MONDAYS, text="ce mois-ci"), None),                     # no weekday
    (DateSpan(date(2018, 9, 3), date(2018, 9, 5), "range", "du lundi au mercredi"), None),
    (DateSpan(date(2018, 9, 3), date(2018, 9, 20), "range", "depuis lundi"), None),
    (day("2018-09-03"), None),
])
def test_span_weekdays(span: DateSpan, expected: set[int] | None) -> None:
    from eventcoder.merge_cues import span_weekdays

    assert span_weekdays(span) == (None if expected is None else frozenset(expected))


MOGADISHU = Location("SO", "SO-BN", "Banaadir", "Mogadishu", 2.0469, 45.3182, 1)
SHABAAB = Actor("al-shabaab", "Al Shabaab", type="Rebel group")
UNKNOWN_SO = Actor("unidentified-armed-group-somalia", "Unidentified Armed Group (Somalia)")
SUICIDE = ("Explosions/Remote violence", "Suicide bomb")


def _car_bombs(sunday: str, monday_text: str | None, tolls: tuple[int, int]
               ) -> list[Mention]:
    named = mention("m-a", "art-1", kind=SUICIDE, when=day(sunday), where=MOGADISHU,
                    actor1=SHABAAB, fatalities=tolls[0], weapon="suicide")
    vague = mention("m-b", "art-2", kind=SUICIDE, where=MOGADISHU, actor1=UNKNOWN_SO,
                    when=replace(MONDAYS, text=monday_text), fatalities=tolls[1],
                    weapon="suicide")
    return [named, vague]


def test_a_sunday_bombing_is_not_a_monday_one_in_a_month_dated_report() -> None:
    # Sunday 2 Sept is before the first Monday; Sunday 16 Sept is no Monday
    assert len(merge(_car_bombs("2018-09-02", "lundi", (20, 20)))) == 2
    assert len(merge(_car_bombs("2018-09-16", "lundi", (20, 20)))) == 2
    assert len(merge(_car_bombs("2018-09-17", "lundi", (20, 20)))) == 1


def test_without_the_weekday_a_toll_far_apart_keeps_a_vague_report_apart() -> None:
    assert len(merge(_car_bombs("2018-09-16", None, (20, 18)))) == 1
    assert len(merge(_car_bombs("2018-09-16", None, (20, 3)))) == 2
    # a toll that grew between an early and a late report of the same day stays one event
    same_day = _car_bombs("2018-09-16", None, (20, 3))
    same_day[1] = replace(same_day[1], date=day("2018-09-16"))
    assert len(merge(same_day)) == 1


BAGHDAD = (33.3152, 44.3661)


def _relative(text: str | None, geo: int = 2) -> Location:
    return Location("IQ", "IQ-BG", "Baghdad", "Baghdad", *BAGHDAD, geo, text)


@pytest.mark.parametrize(("rel", "other", "joined"), [
    # "80 km north of Baghdad" and the base at Balad (another province, ~80 km away)
    (_relative("à 80 km au nord de Bagdad"),
     Location("IQ", "IQ-SD", "Salah ad Din", "Balad", 34.0164, 44.1453, 1), True),
    (_relative("some 50 miles north of Baghdad"),
     Location("IQ", "IQ-SD", "Salah ad Din", "Balad", 34.0164, 44.1453, 1), True),
    # Tikrit is twice as far: another place
    (_relative("à 80 km au nord de Bagdad"), place("Tikrit"), False),
    # Baghdad itself is not 80 km from Baghdad
    (_relative("à 80 km au nord de Bagdad"), _relative(None, 1), False),
    # "near Baghdad" without a distance keeps Baghdad's province
    (_relative("près de Bagdad"),
     Location("IQ", "IQ-SD", "Salah ad Din", "Balad", 34.0164, 44.1453, 1), False),
    # a short stated distance is "near": the same town matches as before
    (_relative("à 10 km de Bagdad"), _relative(None, 1), True),
])
def test_a_relative_location_matches_a_town_at_its_stated_distance(
        rel: Location, other: Location, joined: bool) -> None:
    fr = mention("m-a", "art-fr", kind=SHELLING, where=rel, weapon="rocket")
    en = mention("m-b", "art-en", kind=SHELLING, where=other, weapon="rocket")
    assert len(merge([fr, en])) == (1 if joined else 2)
