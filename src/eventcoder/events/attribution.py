"""Roles the subject/object reading of a trigger misses, from other French report patterns.

Reports often name the perpetrator or the target outside the trigger's own arguments:
"Lors de cette attaque, les ADF ont tué ..." (the clause around an event noun), "une
incursion des rebelles ADF" / "un drone des États-Unis" (the noun's "de" complement), "un
véhicule de l'armée a sauté sur un engin explosif" (what ran into the device), "trois
roquettes se sont abattues près de l'ambassade" (what they fell near), "quatre morts dans
les rangs de l'armée" (whose dead). These functions find the token; roles.resolve names it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from eventcoder.events import lexicon
from eventcoder.events.triggers import fold

if TYPE_CHECKING:
    from spacy.tokens import Token

    from eventcoder.events.context import ArticleContext
    from eventcoder.normalize.actors import ActorMatch, ActorRecord

_OF = {"de", "du", "des", "d'", "d’"}


def _words(key: str) -> frozenset[str]:
    return lexicon.words("roles", key, "fr")


def _case(tok: Token) -> set[str]:
    return {c.lower_ for c in tok.children if c.dep_ == "case"}


def _passive(verb: Token) -> bool:
    return any(c.dep_ in ("aux:pass", "nsubj:pass", "obl:agent") for c in verb.children)


def _subject_of(verb: Token) -> Token | None:
    subj = [c for c in verb.children if c.dep_ == "nsubj"]
    before = [c for c in subj if c.i < verb.i]
    return max(before, key=lambda c: c.i) if before else (subj[0] if subj else None)


def _attack_verbs() -> frozenset[str]:
    """Lemmas of the verb triggers: the clause verbs that name an act of violence."""
    table = lexicon.load("triggers", "fr").get("triggers", [])
    return frozenset(str(t["lemma"]) for t in table if t.get("pos") == "VERB" and "lemma" in t)


def circumstance_agent(tok: Token) -> Token | None:
    """"Lors de cette attaque, les ADF ont tué ...": an event noun that fills a
    circumstance of an active clause of violence; the clause's subject did it."""
    if tok.pos_ != "NOUN":
        return None
    node = tok.head
    if fold(node.lemma_) in _words("circumstance_heads") or fold(node.lower_) in _words(
            "circumstance_heads"):
        node = node.head  # "lors" (adverb) or "cours" ("au cours de")
    elif not (_case(tok) & _words("circumstance_heads")):
        return None
    if node.pos_ != "VERB" or node.i == tok.i or _passive(node):
        return None
    if fold(node.lemma_) not in _attack_verbs():
        return None
    return _subject_of(node)


def circumstance_target(tok: Token) -> Token | None:
    """"Ils ont abattu six soldats dans une embuscade", "lors de l'attaque, les assaillants
    ont tué deux gardes": an event noun that fills a circumstance of an active clause of
    violence has that clause's object for its target. Where
    the parse hung the object on the noun itself ("dans une embuscade six soldats"), the
    bare noun after it is that object."""
    if tok.pos_ != "NOUN":
        return None
    node = tok.head
    heads = _words("circumstance_heads") | _words("setting_cases")
    if fold(node.lemma_) in heads or fold(node.lower_) in heads:
        node = node.head
    elif not (_case(tok) & heads):
        return None
    harm = _attack_verbs() | lexicon.words("casualties", "death_words", "fr")
    if node.pos_ != "VERB" or node.i == tok.i or fold(node.lemma_) not in harm:
        return None
    if any(c.dep_ == "aux:pass" for c in node.children):
        return None  # "six personnes ont été tuées dans l'attentat": its victims, not
        # what it was aimed at ("sur un poste militaire"); the victim rules read them
    hit = [c for c in node.children if c.dep_ == "obj"]
    if hit:
        return hit[0]
    lost = [c for c in tok.children if c.dep_ == "nmod" and c.i > tok.i and c.pos_ == "NOUN"
            and not _case(c)]
    return lost[0] if lost else None


def ambushed(tok: Token) -> Token | None:
    """"tendre une embuscade à des soldats", "une embuscade tendue à une patrouille": the
    "à" complement of an ambush noun (or of the verb that sets it) is whom it caught, when
    it names people ("une embuscade à Kidal" places it, "à la sortie du village" times it)."""
    if fold(tok.lemma_) not in _words("dative_target_nouns"):
        return None
    near = list(tok.children)
    if tok.dep_ in ("obj", "nsubj:pass") and tok.head.pos_ == "VERB":
        near += [c for c in tok.head.children if c.dep_.startswith("obl")]
    near += [g for c in tok.children if c.dep_ == "acl" for g in c.children]
    classes = lexicon.load("triggers", "fr")["targets"]
    for c in near:
        if "à" in _case(c) and c.pos_ == "NOUN" and any(
                fold(c.lemma_) in classes[k] for k in ("military", "civilian")):
            return c
    return None


def owner_token(tok: Token) -> Token | None:
    """The "de X" complement of an event or means noun: "une incursion des rebelles ADF",
    "un kamikaze de l'État islamique", "un drone des États-Unis"."""
    if tok.pos_ != "NOUN":
        return None
    for c in tok.children:
        if c.dep_ == "nmod" and _case(c) & _OF and c.i > tok.i:
            return c
    return None


def is_means(tok: Token) -> bool:
    return fold(tok.lemma_) in _words("means_nouns")


def is_attack(tok: Token) -> bool:
    """An attack noun, whose "de X" is its author ("l'assaut des jihadistes"); not a
    killing ("l'assassinat du chef des ADF": the victim)."""
    return fold(tok.lemma_) in _words("attack_nouns")


def struck_target(tok: Token) -> Token | None:
    """"un véhicule de l'armée a sauté sur une mine": the device's verb's subject ran into
    it, so it is the target."""
    verb = tok.head
    if verb.pos_ != "VERB" or "sur" not in _case(tok) or fold(verb.lemma_) not in _words(
            "struck_verbs"):
        return None
    return _subject_of(verb)


def vicinity_target(verb: Token) -> Token | None:
    """"se sont abattues près de l'ambassade": the place a projectile fell near."""
    for c in verb.children:
        if c.dep_ == "advmod" and fold(c.lower_) in _words("vicinity_words"):
            near = [g for g in c.children if g.pos_ == "NOUN" and _case(g) & _OF]  # not
            # a town: "près de Bagdad" places the strike, it names no target
            if near:
                return near[0]
    return None


def ranks_victim(t: Token) -> Token | None:
    """"quatre morts dans les rangs de l'armée", "cinq tués parmi les soldats": whose dead
    a toll counts (``t`` is a word of death or injury)."""
    for c in (*t.children, *(t.head.children if t.dep_ == "obj" else ())):
        if c.i == t.i:
            continue
        if _case(c) & _words("among_cases"):
            return c
        if fold(c.lemma_) in _words("ranks_nouns"):
            of = [g for g in c.children if g.dep_ == "nmod" and _case(g) & _OF]
            if of:
                return of[0]
    return None


def foreign_force(ctx: ArticleContext, surface: str, start: int) -> ActorRecord | None:
    """"le contingent étranger a quitté la base": the foreign force last named before."""
    words = fold(" ".join(surface.split()))
    if not any(fold(n) in words for n in _words("foreign_nouns")):
        return None
    for m in reversed(ctx.actors):
        r = m.record
        if m.end <= start and not m.generic and r.country != ctx.country and r.type in (
                "State forces", "External/Other"):
            return r
    return None


def article_striker(ctx: ArticleContext) -> ActorMatch | None:
    """"des raids israéliens", "des frappes israéliennes": the one state force an
    article credits its strikes from the air to (a means noun with the force's adjective)."""
    means = _words("means_nouns")
    found = [m for m in ctx.actors if not m.generic and m.record.type == "State forces"
             and fold(m.text.split()[0].lower()).rstrip("s") in means]
    ids = {m.record.id for m in found}
    return found[0] if len(ids) == 1 else None


def relative_target(tok: Token) -> Token | None:
    """"des raids israéliens, qui ont blessé un membre du Hezbollah": the object of a
    relative clause of violence on an event noun (the parse often hangs "qui ..." on the
    main verb instead) is the event's target."""
    if tok.pos_ != "NOUN":
        return None
    harm = _attack_verbs() | lexicon.words("casualties", "death_words", "fr") | lexicon.words(
        "casualties", "injury_words", "fr")
    after = tok.right_edge.i + 1
    doc = tok.doc
    if after < len(doc) and doc[after].text == ",":
        after += 1
    if after >= len(doc) or doc[after].lower_ != "qui" or not doc[after].dep_.startswith(
            "nsubj"):
        return None
    verb = doc[after].head
    if verb.pos_ != "VERB" or fold(verb.lemma_) not in harm:
        return None
    objs = [c for c in verb.children if c.dep_ == "obj"]
    return objs[0] if objs else None


def military_site(tok: Token, head: str, lang: str) -> bool:
    """"le poste de Boni", "un camp militaire": a post only soldiers hold, or a site
    called military."""
    if head in lexicon.words("roles", "military_posts", lang):
        return True
    return head in lexicon.words("roles", "military_sites", lang) and any(
        c.dep_ == "amod" and fold(c.lower_) in {fold(w) for w in lexicon.words(
            "roles", "military_adjectives", lang)} for c in tok.children)


def stretch_between(tok: Token, first: Token | None, second: Token | None) -> bool:
    """"une embuscade entre Déou et Oursi", "une attaque entre Gao et Ansongo": after a
    one-sided act (an attack noun, not a fight's "combats entre X et Y"), "entre" two proper
    names (capitalised, with no article: groups take one, "entre l'armée et les ADF") is
    the ground between two places, not the two sides."""
    return first is not None and is_attack(tok) and not clash_noun(tok) and all(
        t.text[:1].isupper() and not any(c.dep_ == "det" for c in t.children)
        for t in (first, second) if t is not None)


def clash_noun(tok: Token) -> bool:
    """"des combats", "des affrontements": a fight whose sides are told without who
    attacked whom."""
    return tok.pos_ == "NOUN" and fold(tok.lemma_) in lexicon.words(
        "triggers", "clash_nouns", "fr")
