from tests.engine_fixtures import nlp_fr  # noqa: F401

from eventcoder import nlp


def test_pipeline_keeps_parser_and_lemmas_without_ner(nlp_fr):  # noqa: F811
    assert "parser" in nlp_fr.pipe_names and "lemmatizer" in nlp_fr.pipe_names
    assert "ner" not in nlp_fr.pipe_names


def test_parse_batches_in_order_with_sentences(nlp_fr):  # noqa: F811
    docs = list(nlp.parse(["Une bombe a explosé. Deux soldats ont été tués.", "Rien."]))
    assert len(docs) == 2
    assert len(list(docs[0].sents)) == 2
    assert [t.lemma_ for t in docs[0]][:4] == ["un", "bombe", "avoir", "exploser"]


def test_a_blank_line_ends_a_sentence_but_a_wrapped_line_does_not(nlp_fr):  # noqa: F811
    from eventcoder import nlp

    doc = next(iter(nlp.parse(["« Nous avons frappé le convoi\n\nLe groupe a ensuite publié"
                               " une vidéo de la\nscène sur Telegram."])))
    sents = [s.text.strip() for s in doc.sents if s.text.strip()]
    assert sents[0].endswith("convoi")
    assert sents[-1].startswith("Le groupe") and "scène" in sents[-1]


def test_a_line_opening_with_a_capital_or_a_quote_starts_a_sentence(nlp_fr):  # noqa: F811
    """Dispatches written one sentence a line, and titles without a full stop."""
    doc = next(iter(nlp.parse(["Attaque meurtrière dans le nord\nDes hommes armés ont attaqué "
                               "un poste de police.\n\"Le bilan est lourd\", a dit un élu.\n"
                               "Samedi, une autre attaque a visé un marché du\nvillage voisin."])))
    sents = [s.text.strip() for s in doc.sents if s.text.strip()]
    assert sents[0] == "Attaque meurtrière dans le nord"
    assert sents[1].startswith("Des hommes") and sents[1].endswith("police.")
    assert sents[2].startswith("\"Le bilan")
    last = next(s for s in sents if "Samedi" in s)
    assert last.startswith("Samedi") and last.endswith("village voisin.")


def test_a_line_ending_on_a_preposition_runs_on(nlp_fr):  # noqa: F811
    doc = next(iter(nlp.parse(["Trois soldats ont été tués par les\nForces de sécurité, dit-on."])))
    assert len([s for s in doc.sents if s.text.strip()]) == 1


def test_no_sentence_ends_on_a_determiner(nlp_fr):  # noqa: F811
    doc = next(iter(nlp.parse(["Le chef de la police a parlé à Beni.\n\nLa veille, six civils "
                               "avaient été tués dans une attaque."])))
    sents = [s.text.strip() for s in doc.sents if s.text.strip()]
    assert sents[-1].startswith("La veille, six civils")
