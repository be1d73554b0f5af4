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
