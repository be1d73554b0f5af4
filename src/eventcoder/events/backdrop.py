"""Fighting named as a place's condition: "une région en proie aux combats", "des zones
éprouvées par les affrontements entre l'armée et les rebelles", "où se concentrent les
combats", "l'un des principaux fronts de la guerre". Such words describe the situation a
report is set in, not an occurrence: ACLED codes a clash from a report of that clash, so
the noun tells one only with a day, a toll or a town of its own ("la ville a été dimanche
le théâtre de combats", "marquée par des combats ayant fait dix morts")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from eventcoder.events import lexicon
from eventcoder.events.context import ArticleContext, within
from eventcoder.events.triggers import fold

if TYPE_CHECKING:
    from spacy.tokens import Token

_OWN_CASES = {"de", "à", "par"}  # "en proie aux", "théâtre de", "éprouvé par"
_SKIPPED = {"DET", "ADJ", "ADP", "ADV"}  # between a state word and its noun
_BOUNDARIES = ",;:()–—-"
_RELATIVES = {"où", "qui", "dont", "que"}


def state(ctx: ArticleContext, tok: Token) -> str | None:
    """"state" when a general noun of fighting is the complement of a word stating a
    place's condition, with no date in its clause and no toll or town in its phrase."""
    if tok.pos_ != "NOUN" or fold(tok.lemma_) not in lexicon.words(
            "triggers", "backdrop_nouns", ctx.lang):
        return None
    if {fold(c.lemma_) for c in tok.children if c.dep_ == "case"} - _OWN_CASES:
        return None  # "lors des combats", "pendant les affrontements": a time, not a state
    pred = _state_word(ctx, tok)
    if pred is None or _own_town(ctx, tok):
        return None
    left, right = _clause(ctx, tok, pred)
    if _counted(ctx, tok, right):
        return None  # "éprouvée par des combats ayant fait dix morts": told with its toll
    text = ctx.text
    dated = any(not text[max(0, m.start - 8):m.start].rstrip().lower().endswith("depuis")
                for m in within(ctx.dates, left, right))  # "depuis avril": a state's start
    return None if dated else "state"


def _state_word(ctx: ArticleContext, tok: Token) -> Token | None:
    """The word stating the condition: the noun's head in the parse, or the content word
    just before its phrase (the parse often hangs "en proie aux combats" elsewhere)."""
    preds = lexicon.words("triggers", "state_predicates", ctx.lang)
    node = tok
    while node.dep_ == "conj" and node.head.i != node.i:
        node = node.head  # "en proie aux combats et aux pillages"
    candidates = [node.head] if node.head.i != node.i else []
    i = tok.i - 1
    while i >= 0 and tok.doc[i].pos_ in _SKIPPED and tok.doc[i].lower_ not in _RELATIVES:
        i -= 1
    if i >= 0:
        candidates.append(tok.doc[i])
    return next((p for p in candidates if fold(p.lemma_) in preds and _stative(p, tok)), None)


def _stative(pred: Token, noun: Token) -> bool:
    """A verb states a condition in the present ("où se concentrent les combats") or as a
    participle with its agent ("éprouvées par les combats"); "les combats ont frappé la
    ville" tells what happened."""
    if pred.pos_ not in ("VERB", "AUX"):
        return True
    if any(c.lower_ == "par" for c in noun.children):
        return "Part" in pred.morph.get("VerbForm", [])
    return "Pres" in pred.morph.get("Tense", []) and "Fin" in pred.morph.get("VerbForm", [])


def _own_town(ctx: ArticleContext, tok: Token) -> bool:
    left = min(t.idx for t in tok.subtree)
    right = max(t.idx + len(t) for t in tok.subtree)
    return any(p.kind == "place" for p in within(ctx.places, left, right))


def _clause(ctx: ArticleContext, tok: Token, pred: Token) -> tuple[int, int]:
    """The characters between the clause boundaries around the state word and its noun
    (commas, dashes, a relative pronoun): "la ville a été dimanche le théâtre de combats"
    holds its day; ", une ville en proie aux combats" is set apart from the main clause's."""
    sent = ctx.sentence_of_token(tok.i)
    first, last = min(tok, pred, key=lambda t: t.i), max(tok, pred, key=lambda t: t.i)
    left = sent.start
    for t in tok.doc[sent.tok_start:first.i]:
        if t.text in _BOUNDARIES or t.lower_ in _RELATIVES:
            left = t.idx + len(t)
    right = sent.end
    for t in tok.doc[last.i + 1:sent.tok_end]:
        if t.text in _BOUNDARIES:
            right = t.idx
            break
    return left, right


def _counted(ctx: ArticleContext, tok: Token, right: int) -> bool:
    """A word of death or injury after the noun in its clause: its own toll ("ayant fait
    dix morts", "qui ont tué trois civils")."""
    words = (lexicon.words("casualties", "death_words", ctx.lang)
             | lexicon.words("casualties", "injury_words", ctx.lang)
             | lexicon.words("casualties", "victim_words", ctx.lang))
    return any(fold(t.lemma_) in words or t.lower_ in words
               for t in tok.doc[tok.i + 1:] if t.idx < right)
