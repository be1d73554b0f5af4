"""spaCy loading and batched parsing: the one expensive pass of the extractor.

Only the components the rules read are kept: the tagger (morphologizer) for POS and
number, the parser for heads and sentence boundaries, the lemmatizer. The named-entity
recogniser is excluded: names come from the gazetteers (normalize/), and dropping it cuts
parsing time by about 40 %.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

log = logging.getLogger(__name__)

MODELS = {"fr": "fr_core_news_md"}
EXCLUDED = ("ner",)
BATCH_SIZE = 32
_ENDS = {".", "!", "?", "»", "…", ":", ";"}
_OPENS = {"«", "\"", "("}


def _paragraph_breaks(doc: Doc) -> Doc:
    """A blank line ends a sentence: titles and paragraphs are never one sentence with what
    follows, whatever the parser makes of quotes running across them. A single line break
    may be a wrapped line, unless the next line opens with a capital or a quote (a title, or
    a dispatch written one sentence a line) and the line does not end on a word that needs
    what follows ("tués par les\nForces armées")."""
    for tok in doc[:-1]:
        nxt = doc[tok.i + 1].text
        if (tok.text + tok.whitespace_).count("\n") >= 2 or "\n" in tok.text + tok.whitespace_ \
                and (nxt[:1].isupper() or nxt in _OPENS) and not _dangling(doc, tok.i):
            doc[tok.i + 1].is_sent_start = True
        elif tok.pos_ == "DET" and "\n" not in tok.whitespace_ and nxt[:1].islower():
            doc[tok.i + 1].is_sent_start = False  # "La veille, ...": no sentence ends on "La"
        elif not tok.whitespace_ and tok.text not in _ENDS and doc[tok.i + 1].text not in _OPENS:
            doc[tok.i + 1].is_sent_start = False  # "attentat-suicide": one word, one sentence
    return doc


def _dangling(doc: Doc, i: int) -> bool:
    """The line ends on a determiner, a preposition or a conjunction."""
    last = doc[i - 1] if doc[i].is_space and i > 0 else doc[i]
    return last.pos_ in ("DET", "ADP", "CCONJ", "SCONJ")


@cache
def load(lang: str = "fr") -> Language:
    """The pipeline for ``lang``, loaded once per process."""
    import spacy
    from spacy.language import Language

    if "paragraph_breaks" not in Language.factories:
        Language.component("paragraph_breaks", func=_paragraph_breaks)
    name = MODELS.get(lang)
    if name is None:
        raise ValueError(f"no spaCy model configured for language {lang!r}")
    nlp = spacy.load(name, exclude=list(EXCLUDED))
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("paragraph_breaks", before="parser")
    log.info("loaded %s with %s", name, ", ".join(nlp.pipe_names))
    return nlp


def parse(texts: Iterable[str], lang: str = "fr", batch_size: int = BATCH_SIZE) -> Iterator[Doc]:
    """Parse ``texts`` in batches, in order."""
    yield from load(lang).pipe(texts, batch_size=batch_size)
