"""A generic noun or a pronoun that stands for a group the article names.

Reports name the group once and then call it by what it is: "une attaque des islamistes
radicaux shebabs ... sept soldats ont été tués par les islamistes", "les shebabs, des
islamistes liés à Al-Qaïda", "Les miliciens CODECO sont venus vers 21h, ils ont attaqué ...".
Within one article, a generic noun takes the one named armed group the article itself
links it to (the name right after it, or the name it is apposed to); a subject pronoun
takes the subject named before it in its sentence. A group merely mentioned elsewhere in
the article (background) is never linked.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from eventcoder.events import lexicon
from eventcoder.events.triggers import fold
from eventcoder.normalize import actors

if TYPE_CHECKING:
    from spacy.tokens import Token

    from eventcoder.events.context import ArticleContext
    from eventcoder.normalize.actors import ActorMatch

_ARMED_GROUPS = ("Rebel group", "Political militia", "Identity militia")
_GAP_OF = {"de", "du", "des", "d'", "d’"}
_QUOTES = set("«»\"“”")
_MAX_GAP = 4  # words between a generic noun and the name it is followed by
# "les shebabs, des islamistes", "les ADF, ces rebelles": a name apposed before the noun
_APPOSED_BEFORE = re.compile(r"^\s*,\s*(?:des|les|ces|de|d['’]|un|une)\s*$", re.I)
SUBJECT_PRONOUNS = frozenset({"il", "ils", "elle", "elles"})


def _named_group(m: ActorMatch) -> bool:
    return not m.generic and m.record.type in _ARMED_GROUPS


def _unidentified(m: ActorMatch) -> bool:
    return m.generic and m.record.id.startswith("unidentified-armed-group")


def noun_key(text: str) -> str:
    """"islamistes radicaux" and "islamiste" are one noun: its folded words, no plural."""
    return " ".join(w[:-1] if w.endswith(("s", "x")) else w for w in fold(text).split())


def _gap_ok(ctx: ArticleContext, end: int, start: int) -> bool:
    """Only adjectives, articles, "de" and quotes between a noun and a name after it:
    "les islamistes radicaux shebabs", "les jihadistes de l'EIGS"."""
    if start < end or start - end > 40:
        return False
    between = [t for t in ctx.doc if end <= t.idx and t.idx + len(t) <= start]
    if len(between) > _MAX_GAP:
        return False
    return all(t.pos_ in ("ADJ", "DET") or t.lower_ in _GAP_OF or t.text in _QUOTES
               or t.is_space for t in between)


_APPOSITION = re.compile(r"^(?:\s*[«\"“(]\s*|\s+(?:de|du|des)\s+(?:l['’]\s*|la\s+)?|"
                         r"\s+(?:l['’]|la|le)\s*|\s+)$", re.I)


def apposed_name(ctx: ArticleContext, g: ActorMatch) -> ActorMatch | None:
    """"le groupe terroriste « shebab »", "des combattants de Boko Haram", "les jihadistes
    de l'EIGS", "les islamistes radicaux shebabs": the named group right after a generic
    noun is the one meant."""
    for m in ctx.actors:
        if m.start >= g.end and m.start - g.end <= 12 and not m.generic and _APPOSITION.match(
                ctx.text[g.end:m.start]):
            return m
    return followed_by_name(ctx, g)


def followed_by_name(ctx: ArticleContext, g: ActorMatch) -> ActorMatch | None:
    """The named armed group right after a generic noun, past adjectives and articles."""
    after = [m for m in ctx.actors if m.start >= g.end and not m.generic]
    if not after:
        return None
    m = min(after, key=lambda m: m.start)
    return m if _named_group(m) and _gap_ok(ctx, g.end, m.start) else None


def _apposed_before(ctx: ArticleContext, g: ActorMatch) -> ActorMatch | None:
    before = [m for m in ctx.actors if m.end <= g.start and not m.generic]
    if not before:
        return None
    m = max(before, key=lambda m: m.end)
    ok = _named_group(m) and _APPOSED_BEFORE.match(ctx.text[m.end:g.start])
    return m if ok else None


_GLOSS = re.compile(r"^\s*,\s*(?:des|les|ces|de|d['’])\s*[\w-]+(?:\s+[\w-]+)?\s+([\w-]+)\s+"
                    r"(?:à|au|aux|de|du|des)\s*(?:l['’]\s*|la\s+|le\s+)?$", re.I)


def glossed_after(ctx: ArticleContext, g: ActorMatch) -> ActorMatch | None:
    """"Les assaillants, des combattants affiliés à l'EIGS, ...": a gloss apposed to a
    generic noun ties it to the named group it belongs to."""
    after = [m for m in ctx.actors if m.start >= g.end and not m.generic]
    if not after:
        return None
    m = min(after, key=lambda m: m.start)
    gloss = _GLOSS.match(ctx.text[g.end:m.start]) if m.start - g.end <= 60 else None
    ok = gloss is not None and fold(gloss[1]) in {fold(w) for w in lexicon.words(
        "roles", "allegiance_words", ctx.lang)}
    return m if ok and _named_group(m) else None


def _links(ctx: ArticleContext) -> dict[str, list[ActorMatch]]:
    """Generic noun -> the named groups the article links it to, in text order."""
    out: dict[str, list[ActorMatch]] = {}
    for g in ctx.actors:
        if _unidentified(g):
            named = followed_by_name(ctx, g) or _apposed_before(ctx, g) or glossed_after(
                ctx, g)
            if named is not None:
                out.setdefault(noun_key(g.text), []).append(named)
        elif _named_group(g) and (lead := _generic_lead(g.text)):
            out.setdefault(lead, []).append(g)  # "islamistes shebab" is one alias
    return out


def _generic_lead(name: str) -> str | None:
    """The generic noun a group's name begins with ("islamistes shebab", "rebelles ADF",
    "groupe armé Siriri")."""
    words = name.split()
    for k in range(len(words) - 1, 0, -1):  # "groupe armé Siriri": the longest lead
        rec = actors.generic_actor(" ".join(words[:k]), None)
        if rec is not None and rec.id.startswith("unidentified-armed-group"):
            return noun_key(" ".join(words[:k]))
    return None


def linked_group(ctx: ArticleContext, g: ActorMatch) -> ActorMatch | None:
    """The one named group the article links this generic noun to, or None when it links
    none or several."""
    if not _unidentified(g):
        return None
    found = _links(ctx).get(noun_key(g.text), [])
    ids = {m.record.id for m in found}
    return found[0] if len(ids) == 1 else None


def latter(ctx: ArticleContext, tok: Token) -> ActorMatch | None:
    """"des combats contre des hommes armés ... Ces derniers ont attaqué une base":
    "ces derniers" is the actor named last before it, in its sentence or the one before;
    so is the group a count is taken from ("les peshmergas ... quatre d'entre eux")."""
    if not _partitive(tok) and (fold(tok.lower_) not in {fold(w) for w in lexicon.words(
            "roles", "latter_words", ctx.lang)} or not any(
            c.dep_ == "det" and fold(c.lower_) in ("ces", "ce", "cette") for c in tok.children)):
        return None
    sent = ctx.sentence_at(tok.idx).index
    floor = ctx.sentences[max(sent - 1, 0)].start
    before = [m for m in ctx.actors if floor <= m.start and m.end <= tok.idx]
    return max(before, key=lambda m: m.end) if before else None


def _partitive(tok: Token) -> bool:
    """"quatre d'entre eux", "l'un d'entre elles": a part of a group named before."""
    return any(c.pos_ == "PRON" and c.lower_ in ("eux", "elles") and any(
        fold(g.lower_) == "entre" for g in c.subtree) for c in tok.children)


def antecedent(tok: Token) -> Token | None:
    """"Les miliciens CODECO sont venus vers 21h, ils ont attaqué ...": a subject pronoun's
    antecedent is the nearest subject before it in its sentence that is no pronoun."""
    if tok.pos_ != "PRON" or tok.lower_ not in SUBJECT_PRONOUNS or not tok.dep_.startswith(
            "nsubj"):
        return None
    subjects = [t for t in tok.sent if t.i < tok.i and t.dep_.startswith("nsubj")
                and t.pos_ in ("NOUN", "PROPN") and t.head.i != tok.head.i]
    agree = [t for t in subjects if _agrees(tok, t, "Number") and _agrees(tok, t, "Gender")]
    return agree[-1] if agree else None


def _agrees(pron: Token, noun: Token, feature: str) -> bool:
    """A pronoun agrees with its antecedent where both mark the feature ("ils" is no
    antecedent of "les autorités"); a name often marks none."""
    a, b = pron.morph.get(feature, []), noun.morph.get(feature, [])
    return not a or not b or a == b or noun.pos_ == "PROPN"


def possessor(tok: Token) -> Token | None:
    """"Quatre soldats ont été tués dans une attaque, imputée à des jihadistes, contre leur
    poste": a possessive target belongs to the subject named before it in the sentence,
    of another clause than the one the target hangs on (not "les X ont attaqué leur ...")."""
    if not any(c.dep_ == "det" and "Yes" in c.morph.get("Poss", []) for c in tok.children):
        return None
    subjects = [t for t in tok.sent if t.i < tok.i and t.dep_.startswith("nsubj")
                and t.pos_ in ("NOUN", "PROPN") and t.head.i != tok.head.i]
    return subjects[-1] if subjects else None
