"""Rules of French report language added for accuracy (issue 3): anaphora, reactions,
background events, statement dates, weekdays, crowds, route and name places."""

from datetime import date

import pytest
from tests.engine_fixtures import dev_article, nlp_fr, one  # noqa: F401

from eventcoder.events import extract
from eventcoder.schema import PubDate


def _month(year: int, month: int) -> PubDate:
    last = date(year + month // 12, month % 12 + 1, 1).toordinal() - 1
    return PubDate(date(year, month, 1), date.fromordinal(last), "month")


JAN = _month(2020, 1)


def test_reaction_names_the_attack_already_told_not_a_new_one():
    ms = one("Le samedi 5 décembre, des hommes armés ont attaqué le village de Djibo. "
             "Le président a dénoncé, dimanche dans un communiqué, une « attaque lâche ».")
    assert len(ms) == 1
    assert ms[0].date.start == date(2020, 12, 5)


def test_the_toll_of_a_definite_attack_is_not_a_tally():
    ms = one("Le bilan de l'attaque perpétrée le samedi 5 décembre contre le village de Djibo "
             "s'élève à 40 morts.")
    assert len(ms) == 1 and ms[0].fatalities == 40


def test_definite_anaphor_and_property_destruction_fold_into_the_attack():
    ms = one("Le samedi 5 décembre, des hommes armés ont attaqué le village de Djibo. "
             "L'assaut a d'abord visé le poste de police. "
             "Des maisons ont été également incendiées.")
    assert len(ms) == 1


def test_background_event_of_another_day_keeps_only_its_country():
    ms = one("Le vendredi 25 décembre, une bombe a explosé au passage d'un convoi dans la "
             "province irakienne de Dhi Qar, en Irak. Les attaques se multiplient depuis "
             "l'assassinat, le 3 janvier, dans un raid américain, d'un chef des gardiens de la "
             "révolution en Iran.")
    strike = [m for m in ms if m.sub_event_type == "Air/drone strike"]
    assert len(strike) == 1
    assert strike[0].location.country == "IQ" and strike[0].location.admin1 is None


def test_undated_background_and_its_means_are_not_events():
    ms = one("Le vendredi 25 décembre, une bombe a explosé dans la province de Dhi Qar. "
             "La présence américaine est contestée depuis l'assassinat dans un raid américain "
             "d'un chef irakien.")
    assert [m.sub_event_type for m in ms] == ["Remote explosive/landmine/IED"]


def test_the_date_of_a_statement_does_not_date_the_event():
    ms = one("Un groupe a revendiqué une attaque réalisée le mercredi 8 avril contre un convoi. "
             "Dans un communiqué datant du 9 avril, il a écrit avoir visé le convoi dans la "
             "province de Salaheddine.",
             _month(2020, 4))
    assert len(ms) == 1
    assert ms[0].date.start == date(2020, 4, 8)
    assert ms[0].location.admin1 == "IQ-SD"


def test_lead_weekday_is_after_the_background_dates_and_stays_the_same_day():
    ms = one("Cinq roquettes tirées dimanche à Bagdad se sont abattues sur l'ambassade. "
             "Le 20 janvier, trois roquettes étaient tombées près de l'ambassade. "
             "Les tirs de roquettes dimanche ont eu lieu plus tôt que d'habitude.", JAN)
    assert sorted(m.date.start for m in ms) == [date(2020, 1, 20), date(2020, 1, 26)]


def test_a_crowd_that_attacks_riots():
    ms = one("Le 31 décembre, des milliers de partisans ont attaqué l'ambassade à Bagdad.", JAN)
    assert len(ms) == 1
    assert (ms[0].event_type, ms[0].actor1.name) == ("Riots", "Rioters (Iraq)")


def test_handing_over_a_base_is_a_transfer_of_territory():
    ms = one("La coalition a annoncé le 29 mars avoir remis à l'armée irakienne la base "
             "militaire située dans la province de Kirkouk.",
             _month(2020, 3))
    assert [(m.sub_event_type, m.date.start, m.location.admin1) for m in ms] == [
        ("Non-violent transfer of territory", date(2020, 3, 29), "IQ-KI")]


@pytest.mark.parametrize("text", [
    "Le 12 août, une explosion a visé un convoi dans la ville d'Al-Batha, province de Dhi "
    "Qar. Les véhicules allaient depuis Bagdad au port de Bassorah et l'explosion n'a "
    "endommagé qu'une roue.",
    "Le 12 août, une explosion a visé un convoi dans la province de Dhi Qar, a indiqué "
    "l'agence de presse officielle Sana. L'explosion n'a pas fait de victimes.",
])
def test_route_ends_and_outlet_names_are_not_event_places(text):
    ms = one(text, _month(2020, 8))
    assert [m.location.admin1 for m in ms] == ["IQ-DQ"]


def _mentions(article):  # type: ignore[no-untyped-def]
    return next(iter(extract([article]))).mentions


def test_article_028_one_massacre_with_its_toll(dev_article):  # noqa: F811
    # "une « attaque barbare »" denounced later names the same occurrence
    ms = _mentions(dev_article("028"))
    assert len(ms) == 1
    assert (ms[0].event_type, ms[0].fatalities, ms[0].location.admin1) == (
        "Violence against civilians", 160, "BF-12")


def test_article_012_five_occurrences_with_the_riot(dev_article):  # noqa: F811
    # "les tirs de roquettes dimanche", "le 31 décembre, des milliers de leurs partisans"
    ms = _mentions(dev_article("012"))
    assert sorted(m.date.start for m in ms) == [
        date(2019, 12, 21), date(2019, 12, 29), date(2019, 12, 31), date(2020, 1, 20),
        date(2020, 1, 26)]
    assert {m.event_type for m in ms if m.date.start == date(2019, 12, 31)} == {"Riots"}


def test_seed_001_statement_visé_folds_into_the_8_april_ied(dev_article):  # noqa: F811
    # "datant du 9 avril 2020 ... ont visé un convoi", "et ce le 8/4/2020"
    ms = _mentions(dev_article("001_a4f6c70c77870a64"))
    april = [m for m in ms if m.date.start.month == 4]
    assert len(april) == 1
    assert (april[0].date.start, april[0].location.admin1) == (date(2020, 4, 8), "IQ-SD")


def test_running_totals_are_no_events_toll():
    ms = one("Le samedi 5 décembre, une attaque a visé le village de Djibo. Dans le pays, les "
             "attaques djihadistes ont fait plus de 1 400 morts depuis 2015.")
    assert [m.fatalities for m in ms] == [None]


def test_a_sentence_going_on_about_the_event_gives_its_toll():
    ms = one("Le samedi 5 décembre, une bombe a explosé au passage d'un convoi à Mossoul. "
             "Il n'y a pas eu de blessés, a indiqué la police.")
    assert [(m.fatalities, m.injuries) for m in ms] == [(None, 0)]


@pytest.mark.parametrize("text,actor1,actor2", [
    ("Le 3 décembre, un raid américain a visé un dépôt près de Bagdad.",
     "Military Forces of the United States", None),
    ("Le 3 décembre, de violents combats entre l'armée malienne et des jihadistes ont eu "
     "lieu près de Gao.", "Military Forces of Mali", "?"),
    ("Le 5 décembre, plus de 40 agriculteurs ont été retrouvés égorgés dans le Borno par le "
     "groupe terroriste Boko Haram.", "Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad",
     "Civilians (Nigeria)"),
])
def test_roles_from_report_patterns(text, actor1, actor2):
    ms = one(text)
    assert len(ms) == 1
    assert ms[0].actor1.name == actor1
    if actor2 != "?":
        assert (ms[0].actor2.name if ms[0].actor2 else None) == actor2
    for key in ("actor1", "actor2"):
        if getattr(ms[0], key) is not None and getattr(ms[0], key).basis != "unknown":
            assert ms[0].fields[key].text in text


def test_killers_are_not_victims():
    ms = one("Le 5 décembre, des jihadistes ont attaqué un village près de Djibo et ont tué "
             "trois civils.")
    assert ms[0].actor2 is not None and ms[0].actor2.name.startswith("Civilians")


def test_a_place_in_a_subordinate_clause_is_not_the_events():
    ms = one("Alors que la capitale Niamey s'apprête à recevoir un sommet, l'armée nigérienne a "
             "été attaquée, le 1er juillet, au camp de garnison d'Inates, dans l'ouest du pays.",
             _month(2019, 7))
    assert [(m.location.admin1, m.fields["location"].text) for m in ms] == [("NE-6", "Inates")]


@pytest.mark.parametrize("text,actor2", [
    ("Le 12 août, un engin explosif a été actionné lors du passage d'un convoi de l'armée "
     "américaine près de Bagdad.", "Military Forces of the United States"),
    ("Le 12 août, une explosion a retenti dans la ville de Bassorah, lorsqu'une colonne de "
     "l'armée américaine y passait.", "Military Forces of the United States"),
    ("Le 12 août, Washington a mené des raids aériens contre plusieurs bases des brigades du "
     "Hezbollah près de Bagdad.", "Kataib Hezbollah"),
    ("Le 12 août, une embuscade a visé une patrouille près de Bagdad : 28 soldats irakiens ont "
     "perdu la vie.", "Military Forces of Iraq"),
])
def test_targets_and_victims(text, actor2):
    ms = one(text, _month(2020, 8))
    assert len(ms) == 1
    assert ms[0].actor2 is not None and ms[0].actor2.name.startswith(actor2)
    assert ms[0].fields["actor2"].text in text


def test_an_indefinite_activity_noun_is_not_a_reference_back():
    ms = one("Le 12 août, une bombe a explosé au passage d'un convoi de la coalition près de "
             "Bagdad. La coalition effectue des opérations militaires contre Daech dans la région.",
             _month(2020, 8))
    assert len(ms) == 1 and len(ms[0].evidence) == 1


def test_a_repetition_of_a_vague_noun_claims_nothing_specific():
    ms = one("Le dimanche 20 décembre, un convoi a été pris pour cible près de Nassiriya. "
             "Qassem al-Jabbarin a jusqu'ici revendiqué plusieurs attaques contre les convois "
             "militaires en Irak, attaques qui, selon ce groupe, visent à serrer l'étau.")
    assert len(ms) == 1
    assert ms[0].actor1.basis == "unknown" and ms[0].claimed_by == []


def test_a_killing_of_one_named_person_is_one_civilian_death():
    ms = one("Le chef du village a été la cible d'un assassinat, dans la nuit du 26 au 27 avril, "
             "près de Gao. Comme l'assassinat, dans la nuit du 26 au 27 avril, du chef touareg "
             "de Tessit par de présumés jihadistes.",
             _month(2019, 4))
    killing = [m for m in ms if m.event_type == "Violence against civilians"]
    assert killing and killing[-1].fatalities == 1
    assert killing[-1].actor2 is not None and killing[-1].actor2.name == "Civilians (Mali)"
    assert killing[-1].fields["fatalities"].text.startswith("assassinat")


def test_civilians_killed_are_the_target_of_violence_against_civilians():
    ms = one("Le samedi 5 juin, des hommes armés ont attaqué le village de Solhan. L'assaut a "
             "d'abord visé le poste des Volontaires pour la défense de la Patrie puis les "
             "assaillants ont procédé à des exécutions. L'attaque a fait périr des civils.",
             _month(2021, 6))
    assert len(ms) == 1
    assert ms[0].event_type == "Violence against civilians"
    assert ms[0].actor2 is not None and ms[0].actor2.name == "Civilians (Burkina Faso)"


def test_le_meme_jour_dates_by_the_occurrence_told_before():
    ms = one("Le vendredi 25 décembre, un convoi a été attaqué dans la province de Qadisiyya.\n\n"
             "Deux attaques similaires, l'une dans la province de Dhi Qar et l'autre dans celle "
             "de Muthanna, se sont produites le même jour.")
    assert sorted((m.location.admin1, m.date.start) for m in ms) == [
        ("IQ-DQ", date(2020, 12, 25)), ("IQ-MU", date(2020, 12, 25)),
        ("IQ-QA", date(2020, 12, 25))]


def test_paragraphs_split_at_blank_lines_whatever_sentence_holds_them(nlp_fr):  # noqa: F811
    from eventcoder.events import context
    from eventcoder.schema import Article

    text = "Une bombe a explosé.\n\nLe bilan est lourd. Trois morts.\n\nFin."
    from eventcoder import nlp

    doc = next(iter(nlp.parse([text])))
    ctx = context.build(Article("t", text, None, "fr"), doc, "fr")
    assert [s.paragraph for s in ctx.sentences] == sorted(s.paragraph for s in ctx.sentences)
    assert len({s.paragraph for s in ctx.sentences}) == 3
    assert ctx.sentences[1].paragraph == ctx.sentences[2].paragraph


def test_a_site_named_again_is_where_it_was_first_placed():
    ms = one("Cinq roquettes tirées dimanche à Bagdad se sont abattues sur l'ambassade "
             "américaine. Le 20 janvier, trois roquettes se sont abattues près de l'ambassade.",
             JAN)
    jan20 = [m for m in ms if m.date.start == date(2020, 1, 20)]
    assert [(m.location.admin1, m.fields["location"].text) for m in jan20] == [
        ("IQ-BG", "Bagdad")]


def test_a_handover_names_who_announced_it_and_who_received():
    ms = one("L'armée française a annoncé le 29 mars avoir remis à l'armée malienne la base "
             "militaire située près de Tessalit.", _month(2020, 3))
    assert len(ms) == 1
    assert (ms[0].actor1.name, ms[0].actor2.name if ms[0].actor2 else None) == (
        "Military Forces of France", "Military Forces of Mali")


def test_the_victim_of_a_killing_is_the_target_of_its_means():
    ms = one("La présence américaine est contestée depuis l'assassinat dans un raid américain "
             "en janvier 2020 du numéro deux du Hachd al-Chaabi, Abou Mahdi al-Mohandes.",
             _month(2021, 9))
    assert len(ms) == 1
    assert ms[0].sub_event_type == "Air/drone strike"
    assert ms[0].actor1.name == "Military Forces of the United States"
    assert ms[0].actor2 is not None and ms[0].actor2.name == "Popular Mobilization Forces"


def test_a_definite_head_noun_names_again_the_actor_named_with_it():
    ms = one("Un convoi de la coalition internationale a été visé en août. Ainsi, la coalition "
             "a annoncé le 29 mars avoir remis à l'armée irakienne la base militaire située "
             "dans la province de Kirkouk.", _month(2020, 8))
    handover = [m for m in ms if m.sub_event_type == "Non-violent transfer of territory"]
    assert [m.actor1.name for m in handover] == ["Global Coalition Against Daesh"]
    assert handover[0].fields["actor1"].text in ("la coalition", "coalition")


@pytest.mark.parametrize("text,etype,actor1,actor2", [
    ("Dimanche 6 juin, des bandits ont tué cinq villageois dans l'Etat de Zamfara.",
     "Violence against civilians", "Unidentified Armed Group (Nigeria)", "Civilians (Nigeria)"),
    ("Vendredi 11 juin, des milliers de manifestants sont descendus dans les rues de Kano, dans "
     "le nord du Nigeria, pour réclamer la démission du gouverneur.", "Protests",
     "Protesters (Nigeria)", None),
    ("Vendredi 11 juin, des manifestants ont attaqué le siège du gouverneur à Kano, "
     "dans le nord du Nigeria.",
     "Riots", "Rioters (Nigeria)", None),
])
def test_killings_protests_and_riots(text, etype, actor1, actor2):
    ms = one(text, _month(2021, 6))
    assert len(ms) == 1
    assert (ms[0].event_type, ms[0].actor1.name) == (etype, actor1)
    if actor2:
        assert ms[0].actor2 is not None and ms[0].actor2.name == actor2


def test_a_passive_toll_is_not_a_killing_of_its_own():
    ms = one("Le 29 décembre, des frappes aériennes ont visé des bases près d'Al-Qaïm. Au moins "
             "25 combattants ont été tués dans les frappes.", _month(2019, 12))
    assert len(ms) == 1 and ms[0].fatalities == 25


@pytest.mark.parametrize("text,sub,day", [
    ("Un kamikaze s'est fait exploser jeudi 4 mars devant un restaurant de Mogadiscio, tuant "
     "au moins vingt personnes.", "Suicide bomb", 4),
    ("L'armée nigériane a annoncé jeudi 4 mars avoir arrêté dix-huit membres présumés de Boko "
     "Haram dans l'Etat de Borno.", "Arrests", 4),
    ("Le régime a bombardé jeudi 4 mars la ville d'Ariha, dans la province d'Idleb.",
     "Shelling/artillery/missile attack", 4),
])
def test_causatives_lost_objects_and_bombardments(text, sub, day):
    ms = one(text, _month(2021, 3))
    assert [(m.sub_event_type, m.date.start.day) for m in ms] == [(sub, day)]


def test_words_of_a_purpose_do_not_type_the_event():
    ms = one("Le vendredi 25 décembre, un convoi a été attaqué dans la province de Qadisiyya. "
             "Dans son communiqué, le groupe assure qu'il existe un plan sournois pour viser les "
             "zones résidentielles à travers les missiles qu'ils ont introduits.")
    assert len(ms) == 1 and ms[0].weapon is None
    assert ms[0].fields["event_type"].text == "attaqué"


def test_a_participle_on_a_vague_tally_is_vague_too():
    text = "Plusieurs attaques visant des convois américains ont eu lieu ces derniers mois."
    assert one(text) == []


def test_taking_a_town_and_the_wounded_side():
    ms = one("Les talibans ont pris le contrôle de la ville de Kunduz dimanche 8 août, dans le "
             "nord de l'Afghanistan.", _month(2021, 8))
    assert [(m.sub_event_type, m.actor1.name) for m in ms] == [
        ("Non-state actor overtakes territory", "Taliban")]
    ms = one("Deux policiers ont été blessés mardi 3 août par l'explosion d'une mine artisanale "
             "près de Kolofata, dans l'Extrême-Nord du Cameroun.", _month(2021, 8))
    assert ms[0].actor2 is not None and ms[0].actor2.name == "Police Forces of Cameroon"


def test_news_before_background_for_a_definite_reference():
    ms = one("Deux attentats suicides ont frappé ce jeudi 21 janvier un marché de Bagdad. Une "
             "attaque du même type avait fait 31 morts sur cette place il y a trois ans. "
             "L'attaque n'a pas été revendiquée.", _month(2021, 1))
    news = [m for m in ms if m.date.start == date(2021, 1, 21)]
    assert len(news) == 1 and len(news[0].evidence) == 2


def test_the_subject_of_a_verb_trigger_shares_its_date():
    ms = one("Le mercredi 14 avril, un engin explosif a explosé au passage d'un convoi à "
             "Nassiriya. Un engin explosif avait ciblé, mardi 13 avril, un convoi dans la "
             "province d'Al-Muthanna.", _month(2021, 4))
    assert sorted((m.date.start.day, m.sub_event_type) for m in ms) == [
        (13, "Remote explosive/landmine/IED"), (14, "Remote explosive/landmine/IED")]


def test_clashes_in_the_plural_are_one_occurrence():
    ms = one("Des milliers de manifestants sont descendus dans les rues de Bamako vendredi 10 "
             "juillet, au Mali. Des heurts ont éclaté avec les forces de l'ordre.",
             _month(2020, 7))
    assert [(m.event_type, m.actor1.name) for m in ms] == [("Riots", "Rioters (Mali)")]


def test_the_parties_of_an_agreement():
    ms = one("Le Qatar avait joué le rôle de médiateur dans les négociations entre Washington et "
             "les talibans, qui ont abouti à la signature d'un accord historique fin février "
             "2020 à Doha.", _month(2021, 6))
    assert [(m.event_type, m.actor1.name, m.actor2.name if m.actor2 else None) for m in ms] == [
        ("Strategic developments", "Government of the United States", "Taliban")]
