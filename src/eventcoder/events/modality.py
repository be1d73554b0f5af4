"""Whether a sentence tells that an occurrence happened: the words around a trigger that
make it a negation ("aucune attaque n'a été signalée"), a hypothesis ("pourraient lancer
une attaque"), a commemoration ("l'anniversaire de l'attentat") or an actor's record
("des bandits qui avaient déjà kidnappé"), none of which ACLED codes as an event.

Each test returns the reason a trigger is blocked, or None; detect keeps the reason.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from eventcoder.events import backdrop, lexicon
from eventcoder.events.context import ArticleContext
from eventcoder.events.triggers import fold

if TYPE_CHECKING:
    from spacy.tokens import Token

    from eventcoder.schema import Mention

_CHAIN = 4  # heads climbed from a trigger to the words that govern it


def _governors(tok: Token) -> list[Token]:
    """The heads above a trigger, up to its clause's subject (which nothing governs)."""
    out: list[Token] = []
    node = tok
    for _ in range(_CHAIN):
        if node.head.i == node.i or node.dep_ == "nsubj":
            break
        node = node.head
        out.append(node)
    return out


def _conditional(tok: Token) -> bool:
    return "Cnd" in tok.morph.get("Mood", []) or any(
        "Cnd" in c.morph.get("Mood", []) for c in tok.children if c.dep_.startswith("aux"))


def _past(tok: Token) -> bool:
    """"ont pu", "réussirent": a verb told as done (a past participle with its auxiliary
    in the indicative, or a simple past), not a conditional or a present ability."""
    if "Past" in tok.morph.get("Tense", []) and "Fin" in tok.morph.get("VerbForm", []):
        return True
    aux = [c for c in tok.children if c.dep_.startswith("aux")]
    return "Part" in tok.morph.get("VerbForm", []) and any(
        "Ind" in a.morph.get("Mood", []) for a in aux)


def negated(tok: Token) -> str | None:
    """"Aucune attaque n'a été signalée", "il n'y a pas eu d'attaque": a noun denied by its
    own determiner, or a partitive "de" under a negated verb. "L'attaque n'a pas été
    revendiquée" is no denial of the attack (its article is definite)."""
    if tok.pos_ != "NOUN":
        return None
    dets = {fold(c.lemma_) for c in tok.children if c.dep_ == "det"}
    if dets & {"aucun", "nul"}:
        return "negated"
    if dets & {"de"} and any(fold(c.lemma_) in ("pas", "jamais", "plus") and c.dep_ == "advmod"
                             for c in tok.head.children):
        return "negated"
    return None


def hypothetical(tok: Token, lang: str) -> str | None:
    """"Les jihadistes pourraient lancer une attaque", "aurait pu éviter l'attaque": a modal
    verb in the conditional governs the trigger, so it tells a possibility. A bare
    conditional ("l'attaque aurait fait dix morts") reports a fact with caution; it stays."""
    modals = lexicon.words("triggers", "modal_verbs", lang)
    for node in _governors(tok):
        if fold(node.lemma_) in modals and _conditional(node):
            return "hypothetical"
    return None


def achieved(tok: Token, lang: str) -> bool:
    """"Des jihadistes ont pu attaquer le poste", "a réussi à enlever": an infinitive under a
    verb of managing told in the past is the act itself, not a plan."""
    verbs = lexicon.words("triggers", "achievement_verbs", lang)
    head = tok.head
    return head.i != tok.i and fold(head.lemma_) in verbs and _past(head) and not _conditional(
        head)


def commemorated(ctx: ArticleContext, tok: Token) -> str | None:
    """"Ont commémoré l'anniversaire de l'attentat", "hommage aux soldats tombés lors de
    l'embuscade": the occurrence is remembered, not told. Only a date inside its own
    phrase ("l'attaque de 2019") dates it; the ceremony's day is not its day."""
    words = lexicon.words("triggers", "commemoration_words", ctx.lang)
    for node in _governors(tok):
        if fold(node.lemma_) in words or any(
                c.dep_ == "obj" and fold(c.lemma_) in words for c in node.children):
            return None if _dated_phrase(ctx, tok) else "commemorated"
    return None


def history(ctx: ArticleContext, tok: Token, background: bool) -> str | None:
    """"Des bandits qui avaient déjà kidnappé quatre personnes": a pluperfect describing a
    participant (a relative clause) or marked as earlier ("déjà") tells the record behind
    the news; it is an occurrence only with a date inside its own phrase."""
    if not background:
        return None
    verb = tok if tok.pos_ in ("VERB", "AUX") else tok.head
    earlier = lexicon.words("triggers", "earlier_adverbs", ctx.lang)
    if verb.dep_ != "acl:relcl" and not any(fold(c.lemma_) in earlier for c in verb.children):
        return None
    return None if _dated_phrase(ctx, verb) else "history"


def reference(ctx: ArticleContext, tok: Token, temporal: bool) -> bool:
    """"Trois jours de deuil décrétés mardi après l'attaque de Solhan": an occurrence that
    only situates the clause in time is named, not told; the clause's date is not its own
    unless written inside its phrase ("depuis l'attentat du 3 janvier")."""
    return temporal and tok.pos_ == "NOUN" and not _dated_phrase(ctx, tok)


def _dated_phrase(ctx: ArticleContext, tok: Token) -> bool:
    left = min(t.idx for t in tok.subtree)
    right = max(t.idx + len(t) for t in tok.subtree)
    gap = len(ctx.text[right:right + 4]) - len(ctx.text[right:right + 4].lstrip(" )"))
    if any(left <= m.start <= right + gap + 1 for m in ctx.dates):  # "... (EI) en 2014"
        return True
    return _apposed_date(ctx, right)


def _apposed_date(ctx: ArticleContext, right: int) -> bool:
    """"après une violente attaque, le 17 février, contre des militaires": a date set
    between commas inside the noun phrase, which goes on after it, is the phrase's own."""
    head = ctx.text[right:right + 3]
    if not head.lstrip(" ").startswith(","):
        return False
    goes_on = lexicon.words("occurrences", "apposed_date_continuations", ctx.lang)
    for m in ctx.dates:
        if not right < m.start <= right + len(head) + 1:
            continue
        rest = ctx.text[m.end:m.end + 20].lstrip(" ")
        if rest.startswith(","):
            words = rest[1:].split()
            return bool(words) and words[0].lower() in goes_on
    return False


def blocked(ctx: ArticleContext, tok: Token, background: bool) -> str | None:
    """The first reason the words around a trigger deny that it happened, if any."""
    return (negated(tok) or hypothetical(tok, ctx.lang) or commemorated(ctx, tok)
            or history(ctx, tok, background) or backdrop.state(ctx, tok))


def too_vague(m: Mention) -> bool:
    """"Le groupe a pris le contrôle de pans entiers du pays en 2014": an occurrence dated by
    its year alone and placed only in a country is history. ACLED records nothing vaguer
    than a month and codes no event it can place only in a country; a year with a town
    ("la prise de X en 2014") is still coded, at the coarsest precision."""
    if m.date is None or m.date.precision != "year":
        return False
    loc = m.location
    return loc is None or (loc.admin1 is None and loc.place is None)
