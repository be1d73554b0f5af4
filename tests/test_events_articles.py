"""Whole dev articles read from ../shared/data by path (never copied here)."""

from datetime import date

from tests.engine_fixtures import dev_article  # noqa: F401

from eventcoder.events import extract


def _mentions(article):
    return next(iter(extract([article]))).mentions


def test_seed_000_three_convoy_attacks_on_25_december(dev_article):  # noqa: F811
    ms = _mentions(dev_article("000_fb11c1f7f53a75f8"))
    dec25 = [m for m in ms if m.date.start == date(2020, 12, 25)]
    assert len(dec25) == 3
    assert all(m.actor1.name.startswith("Qas") for m in dec25)
    assert [o.name for o in dec25[0].reported_by][:2] == ["al-Mayadeen", "Sputnik"]
    early = [m for m in ms if m.date.precision == "range" and m.date.start == date(2020, 12, 1)]
    assert len(early) == 2
    strike = [m for m in ms if m.sub_event_type == "Air/drone strike"]
    assert [m.date.start for m in strike] == [date(2020, 1, 3)]


def test_seed_001_claimed_ied_of_8_april(dev_article):  # noqa: F811
    ms = _mentions(dev_article("001_a4f6c70c77870a64"))
    ied = [m for m in ms if m.sub_event_type == "Remote explosive/landmine/IED"]
    assert ied and ied[0].actor1.name == "Ashab al-Kahf" and ied[0].actor1.basis == "claimed"
    assert ied[0].status == "claimed"


def test_every_field_points_at_its_words(dev_article):  # noqa: F811
    art = dev_article("016")
    for m in _mentions(art):
        for span in m.fields.values():
            assert art.text[span.start:span.end] == span.text
        assert "event_type" in m.fields


def test_ids_are_stable(dev_article):  # noqa: F811
    art = dev_article("012")
    assert [m.id for m in _mentions(art)] == [m.id for m in _mentions(art)]
