"""Who did it to whom, from the dependency parse of the triggers.

Active verb: subject = actor 1, object = actor 2. Passive ("un convoi a été attaqué par X",
"pris pour cible"): agent = actor 1, passive subject = actor 2. Nouns: "contre X" /
"visant X" = actor 2, "perpétrée par X" = actor 1, "X a mené des attaques" = actor 1.
A role's words are resolved to a known actor where the normaliser names one inside them,
else to a generic actor ("des hommes armés") or the proper name they contain.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING

from eventcoder.events import anaphora, attribution, killings, lexicon
from eventcoder.events.context import ArticleContext
from eventcoder.events.triggers import fold
from eventcoder.normalize import actors
from eventcoder.schema import Span

if TYPE_CHECKING:
    from spacy.tokens import Token

log = logging.getLogger(__name__)

_TARGET_CASES = {"contre", "visant", "sur"}
_AGENT_CASES = {"par"}
_OF = {"de", "du", "des", "d'", "d’"}
_INTRANSITIVE_DEATHS = {"mourir", "périr", "décéder", "mort", "succomber"}
_GROUPS = {"groupe", "organisation", "brigade", "formation", "mouvement", "faction"}
_QUANTITY = {"millier", "centaine", "dizaine", "groupe", "nombre", "partie"}


@dataclass
class Role:
    record: actors.ActorRecord
    span: Span
    head: str  # lemma of the phrase head, for target classes


def phrase_span(tok: Token) -> tuple[int, int]:
    """Character span of a token's subtree, cut at a relative clause or a comma."""
    left = tok.left_edge.idx
    right_tok = tok
    for t in tok.subtree:
        if t.i < tok.i:
            continue
        if t.dep_ in ("acl:relcl", "punct") or t.dep_ == "case" and t.lower_ == "par":
            break  # a relative clause, a comma or an agent ("par X") starts another role
        if t.dep_ in ("cc", "conj") and t.head.i == tok.i:
            break  # "entre les assaillants et les soldats": the other party is another role
        if t.dep_ == "acl" and t.head.i == tok.i and _harm(t):
            break  # "13 policiers tués dans une attaque de l'EI": the victims end there
        right_tok = t
    return left, right_tok.idx + len(right_tok)


def _harm(tok: Token) -> bool:
    words = lexicon.words("casualties", "death_words", "fr") | lexicon.words(
        "casualties", "injury_words", "fr")
    return fold(tok.lemma_) in words


def _head_lemma(tok: Token) -> str:
    """The noun a role names: "des milliers de partisans" -> partisan."""
    lem = fold(tok.lemma_)
    if lem in _QUANTITY:
        inner = [c for c in tok.children if c.dep_ == "nmod" and c.pos_ == "NOUN"]
        if inner:
            return fold(inner[0].lemma_)
    return lem


def _propn_run(tok: Token) -> str | None:
    names = [t for t in tok.subtree if t.pos_ == "PROPN"]
    if not names:
        return None
    first, last = names[0], names[-1]
    return tok.doc.text[first.idx:last.idx + len(last)]


def resolve(ctx: ArticleContext, tok: Token) -> Role | None:
    """The actor a role phrase names, or None when it names none we can tell; a
    multi-country group is named by its branch in the article's country."""
    role = _resolve(ctx, tok)
    if role is not None and ctx.country:
        role.record = actors.specialise(role.record, ctx.country)
    return role


def _resolve(ctx: ArticleContext, tok: Token) -> Role | None:
    if (ante := anaphora.antecedent(tok)) is not None:
        return _resolve(ctx, ante)  # "les miliciens CODECO sont venus, ils ont attaqué"
    if (last := anaphora.latter(ctx, tok)) is not None:
        return Role(last.record, Span(last.start, last.end, last.text), _head_lemma(tok))
    start, end = phrase_span(tok)
    text = ctx.text
    # a name may run past a bad cut, or begin before it ("Boko | Haram" split by the parse)
    inside = [m for m in ctx.actors if m.start < end and m.end > start]
    if inside:
        # a group's name beats the generic noun it stands next to ("les islamistes shebab"),
        # then the fullest name
        m = max(inside, key=lambda m: (not _generic(m), m.end - m.start, -m.start))
        if _generic(m):
            m = anaphora.apposed_name(ctx, m) or m
        elif m.record.country is None and actors.specialise(m.record, ctx.country) is m.record:
            m = _named_before(ctx, tok, start) or m  # an umbrella ("la coalition") with no
            # branch in the country: the one named before
        if _generic(m) and (linked := anaphora.linked_group(ctx, m)) is not None:
            # "les islamistes" of an article that called them "les islamistes shebabs"
            return Role(linked.record, Span(m.start, m.end, m.text), _head_lemma(tok))
        return Role(m.record, Span(m.start, m.end, m.text), _head_lemma(tok))
    surface = text[start:end]
    if (foreign := attribution.foreign_force(ctx, surface, start)) is not None:
        return Role(foreign, Span(start, end, surface), _head_lemma(tok))
    generic = getattr(actors, "generic_actor", None)
    if generic is not None:
        try:
            rec = generic(surface, ctx.country)
        except Exception:
            log.exception("actors.generic_actor failed")
            rec = None
        if rec is not None:
            return Role(rec, Span(start, end, surface), _head_lemma(tok))
    head = _head_lemma(tok)
    if (owner := anaphora.possessor(tok)) is not None and (
            held := _resolve(ctx, owner)) is not None:
        return Role(held.record, Span(start, end, surface), head)  # "contre leur poste"
    # "le poste de Boni" is the army's, "le poste de santé" is not
    if attribution.military_site(tok, head, ctx.lang) and not any(
            c.dep_ == "nmod" and c.pos_ == "NOUN" and not c.text[:1].isupper()  # a place
            and _case(c) & _OF for c in tok.children):
        return Role(actors.state_forces(ctx.country), Span(start, end, surface), head)
    cls = target_class(head, ctx.lang)
    if cls == "crowd":  # "des milliers de partisans ont attaqué"
        return Role(actors.rioters(ctx.country), Span(start, end, surface), head)
    if cls == "civilian" and tok.pos_ == "NOUN":  # "des fidèles", "le chef du village"
        return Role(actors.civilians(ctx.country), Span(start, end, surface), head)
    earlier = _named_before(ctx, tok, start)
    if earlier is not None:
        return Role(earlier.record, Span(start, end, surface), head)
    name = _propn_run(tok) if tok.pos_ == "PROPN" or fold(tok.lemma_) in _GROUPS else None
    if name:
        s = text.find(name, start)
        if any(p.start <= s < p.end for p in ctx.places):
            return None  # "Au Burkina Faso, ...", "un missile sur Ryad": a place, no actor
        rec = actors.resolve_actor(name, ctx.lang, ctx.country)
        return Role(rec, Span(s, s + len(name), name), _head_lemma(tok))
    return None


def _generic(m: actors.ActorMatch) -> bool:
    return bool(getattr(m, "generic", False))


def _named_before(ctx: ArticleContext, tok: Token, start: int) -> actors.ActorMatch | None:
    """"la coalition" after "la coalition internationale": a definite head noun names
    again the actor last named with it."""
    if tok.pos_ != "NOUN" or not any(
            c.dep_ == "det" and c.lower_ in ("le", "la", "les", "l'", "l’") for c in tok.children):
        return None
    word = tok.lower_
    for m in reversed(ctx.actors):
        if m.end <= start and not getattr(m, "generic", False) and \
                m.text.lower().split()[0] == word:
            return m
    return None


def _children(tok: Token, deps: set[str]) -> list[Token]:
    return [c for c in tok.children if c.dep_ in deps]


def subject(tok: Token, deps: set[str]) -> Token | None:
    """The clause's subject. A fronted place or time the parse took for one ("Au Burkina
    Faso, des hommes armés ont ...", "Cette nuit, des ADF ont ...") gives way to the
    subject nearest the verb, or to the noun it swallowed after its comma."""
    cands = []
    for c in _children(tok, deps):
        if _case(c) & lexicon.words("roles", "locative_cases", "fr"):
            swallowed = next((g for g in c.children if g.dep_ in ("nmod", "appos") and not _case(
                g) and g.i > c.i and any(p.lower_ == "," for p in tok.doc[c.i:g.i])), None)
            if swallowed is not None:
                cands.append(swallowed)
        else:
            cands.append(c)
    before = [c for c in cands if c.i < tok.i]
    return max(before, key=lambda c: c.i) if before else (cands[0] if cands else None)


def _case(tok: Token) -> set[str]:
    return {c.lower_ for c in tok.children if c.dep_ == "case"}


def _parties(tok: Token) -> tuple[Token | None, Token | None]:
    """"des combats entre l'armée et les jihadistes": the two sides, in order."""
    for c in tok.children:
        if "entre" in _case(c) or c.dep_ == "nmod" and any(
                x.dep_ == "case" and x.lower_ == "entre" for x in c.children):
            other = [x for x in c.children if x.dep_ == "conj"] or [
                x for x in tok.children if x.dep_ == "conj" and x.i > c.i]  # a misparse
            return c, (other[0] if other else None)
    return None, None


def _from_governor(tok: Token) -> tuple[Token | None, Token | None]:
    """"40 agriculteurs ont été retrouvés égorgés par X": a bare participle takes its
    governing verb's patient (subject) and agent."""
    head = tok.head
    if tok.dep_ not in ("xcomp", "conj", "advcl") or head.pos_ != "VERB" or _children(tok, {
            "nsubj", "nsubj:pass"}) or "Part" not in tok.morph.get("VerbForm", []):
        return None, None
    if any(c.dep_ == "aux:tense" for c in tok.children):  # "a annoncé avoir remis": active
        subj = _children(head, {"nsubj"})
        return (subj[0] if subj else None), None
    if tok.dep_ == "conj" and _children(head, {"nsubj"}) and not _children(head, {"aux:pass"}):
        # "les militaires ont attrapé et neutralisé 15 terroristes": one active auxiliary
        obj = _children(head, {"obj"})
        return _children(head, {"nsubj"})[0], (obj[0] if obj else None)
    agents = [c for c in head.children if c.dep_ == "obl:agent" or (
        c.dep_.startswith("obl") and _case(c) & _AGENT_CASES)]
    subj = _children(head, {"nsubj:pass", "nsubj"})
    return (agents[0] if agents else None), (subj[0] if subj else None)


def _verb_target(tok: Token) -> Token | None:
    """"trois roquettes se sont abattues sur l'ambassade": what the trigger's verb hit."""
    arg = tok.head if tok.dep_ == "nmod" and tok.head.pos_ in ("NUM", "PRON") else tok
    if arg.dep_ not in ("nsubj", "nsubj:pass") or arg.head.pos_ != "VERB":
        return None
    verb = arg.head
    objs = _children(verb, {"obj"})
    hits = [c for c in verb.children if c.dep_.startswith("obl") and _case(c) & _TARGET_CASES]
    return objs[0] if objs else (hits[0] if hits else attribution.vicinity_target(verb))


def sentence_parties(ctx: ArticleContext, sent_idx: int) -> tuple[Token | None, Token | None]:
    """"les négociations entre Washington et les talibans, qui ont abouti à un accord":
    the parties of an agreement named anywhere in its sentence."""
    s = ctx.sentences[sent_idx]
    for t in ctx.doc[s.tok_start:s.tok_end]:
        if t.lower_ == "entre" and t.dep_ == "case":
            a, b = _parties(t.head.head)
            if a is not None:
                return a, b
    return None, None


def role_tokens(tok: Token) -> tuple[Token | None, Token | None]:
    """(actor-1 token, actor-2 token) around one trigger."""
    a1, a2 = _role_tokens(tok)
    if a1 is None and a2 is None:
        p1, p2 = _parties(tok)
        a1, a2 = (None, None) if attribution.stretch_between(tok, p1, p2) else (p1, p2)
    if a2 is None and fold(tok.lemma_) in lexicon.words("triggers", "clash_nouns", "fr"):
        other = [c for c in tok.children if "avec" in _case(c)]  # "combats avec l'armée"
        a2 = other[0] if other else None
    if tok.pos_ == "VERB":
        g1, g2 = _from_governor(tok)
        a1, a2 = a1 or g1, a2 or g2
        a2 = a2 or _recipient(tok)
    return a1, a2 or attribution.ambushed(tok) or _verb_target(tok) or _passage_target(
        tok) or attribution.struck_target(tok) or attribution.relative_target(
        tok) or attribution.circumstance_target(tok)


def _recipient(tok: Token) -> Token | None:
    """"avoir remis la base à l'armée irakienne": who received what was handed over."""
    if fold(tok.lemma_) not in lexicon.words("triggers", "recipient_verbs", "fr"):
        return None
    to = [c for c in tok.children if c.dep_.startswith("obl") and "à" in _case(c)]
    return to[0] if to else None


def _passage_target(tok: Token) -> Token | None:
    """"a explosé (lors) du passage d'un convoi de la coalition", "lorsqu'une colonne y
    passait": what passed by was the target."""
    for node in (tok, tok.head):
        near = [g for c in node.children for g in (c, *c.children)]
        for c in near:
            if fold(c.lemma_) == "passage":
                of = [g for g in c.children if g.dep_ == "nmod" and _case(g) & _OF]
                if of:
                    return of[0]
            if fold(c.lemma_) == "passer" and c.dep_ == "advcl" and (
                    subj := _children(c, {"nsubj"})):
                return subj[0]
    return None


def _role_tokens(tok: Token) -> tuple[Token | None, Token | None]:
    a1: Token | None = None
    a2: Token | None = None
    passive = (any(c.dep_ in ("aux:pass", "obl:agent") for c in tok.children) or bool(
        _children(tok, {"nsubj:pass"})) and not _children(tok, {"obj"})) and fold(
        tok.lemma_) not in lexicon.words("triggers", "etre_verbs", "fr")
    # (a "passive" subject beside a direct object and no "être" is a misparse of the active)
    if tok.pos_ in ("VERB", "AUX"):
        subj = [s for s in [subject(tok, {"nsubj", "nsubj:pass"})] if s is not None]
        agents = [c for c in tok.children if c.dep_ in ("obl:agent", "obl:arg", "obl:mod")
                  and _case(c) & _AGENT_CASES]
        objs = _children(tok, {"obj"}) or [
            c for c in tok.children if c.dep_ == "obl:mod" and not _case(c)
            and target_class(fold(c.lemma_), "fr")]  # "ont attaqué mardi le village": a
        # date between verb and object makes the parse take the object for a modifier
        objs = objs or [c for c in tok.children if c.dep_.startswith("obl")
                        and "sur" in _case(c)]  # "ont tiré sur des manifestants"
        if passive:
            a2 = subj[0] if subj else None
            a1 = agents[0] if agents else None
        else:
            a1 = subj[0] if subj else None
            a2 = objs[0] if objs else None
        if a2 is None and tok.dep_ in ("acl", "amod") and passive:
            a2 = tok.head
    else:
        for c in tok.children:
            cases = _case(c)
            if cases & _TARGET_CASES or c.dep_ == "acl" and fold(c.lemma_) == "viser":
                a2 = a2 or (c if cases else next(iter(_children(c, {"obj"})), None))
            elif c.dep_ == "acl":  # "une attaque perpétrée par X contre Y"
                ag = [g for g in c.children if _case(g) & _AGENT_CASES]
                a1 = a1 or (ag[0] if ag else None)
                tg = [g for g in c.children if _case(g) & _TARGET_CASES]
                a2 = a2 or (tg[0] if tg else None)
            elif cases & _AGENT_CASES:
                a1 = a1 or c
        perpetrate = lexicon.words("claims", "perpetration_verbs", "fr") | lexicon.words(
            "roles", "firing_verbs", "fr")
        if tok.dep_ in ("obj", "obl:arg") and fold(tok.head.lemma_) in lexicon.words(
                "roles", "defence_verbs", "fr"):  # "l'armée a repoussé une attaque"
            a2 = a2 or subject(tok.head, {"nsubj"})
        elif tok.dep_ == "obj" and fold(tok.head.lemma_) in perpetrate:
            subj = _children(tok.head, {"nsubj"})
            a1 = a1 or (subj[0] if subj else None)
            hits = [c for c in tok.head.children if c.dep_.startswith("obl")
                    and _case(c) & _TARGET_CASES]  # "a mené des raids contre X"
            a2 = a2 or (hits[0] if hits else None)
        a2 = a2 or killings.killing_victim(tok)  # "l'assassinat du chef du village"
        if a2 is None and tok.head.pos_ == "NOUN" and fold(tok.head.lemma_) == "cible":
            subj = _children(tok.head, {"nsubj"})
            a2 = subj[0] if subj else None
    return a1, a2


def target_class(head: str | None, lang: str) -> str | None:
    if head is None:
        return None
    classes: dict[str, list[str]] = lexicon.load("triggers", lang)["targets"]
    for name, words in classes.items():
        if head in words:
            return name
    return None


def victim_token(ctx: ArticleContext, sent_idx: int) -> Token | None:
    """The subject of a death verb ("30 soldats ... ont été tués"): the harmed side."""
    s = ctx.sentences[sent_idx]
    deaths = lexicon.words("casualties", "death_words", ctx.lang)
    hurt = lexicon.words("casualties", "injury_words", ctx.lang)
    victim_words = lexicon.words("casualties", "victim_words", ctx.lang)
    losses: dict[str, str] = lexicon.load("casualties", ctx.lang).get("life_loss", {})
    for t in ctx.doc[s.tok_start:s.tok_end]:
        if fold(t.lemma_) in deaths | hurt and (ranks := attribution.ranks_victim(t)):
            return ranks  # "quatre morts dans les rangs de l'armée"
        lost_life = fold(t.lemma_) in losses and any(  # "28 soldats ont perdu la vie",
            fold(c.lemma_) == losses[fold(t.lemma_)] for c in t.children)  # "trouvé la mort"
        if lost_life and (subj := _children(t, {"nsubj"})):
            return subj[0]
        if fold(t.lemma_) in deaths and t.pos_ == "VERB":
            hit = _victim_of(t)
            if hit is not None:
                return hit
        if (fold(t.lemma_) in deaths or t.lower_ in victim_words) and t.pos_ == "NOUN" and (
                of := [c for c in _children(t, {"nmod"}) if "de" in _case(c)]):
            return of[0]  # "la mort de 16 soldats"
        if t.lower_ in victim_words and (subj := _children(t, {"nsubj", "nsubj:pass"})):
            return subj[0]  # "les forces armées ont été victimes d'une attaque"
    for t in ctx.doc[s.tok_start:s.tok_end]:  # no one died: those wounded
        if fold(t.lemma_) in hurt and t.pos_ == "VERB" and (
                passive := _children(t, {"nsubj:pass"})):
            return passive[0]
    return None


def _victim_of(t: Token) -> Token | None:
    """Who died: the passive subject ("30 soldats ont été tués"), the object ("a tué
    trois civils", "a fait périr des civils"), the subject of an intransitive death verb
    ("20 personnes sont mortes"), never the killer."""
    passive = _children(t, {"nsubj:pass"})
    if passive and fold(passive[0].lemma_) in lexicon.words("triggers", "tally_heads", "fr"):
        before = t.doc[t.i - 1] if t.i else None  # "le bilan est de 12 civils tués"
        return before if before is not None and _children(before, {"nummod"}) else None
    if passive:
        return passive[0]
    objs = _children(t, {"obj"}) or (_children(t.head, {"obj"}) if fold(
        t.head.lemma_) == "faire" else [])
    if objs:
        return objs[0]
    subj = _children(t, {"nsubj"})
    if subj and (fold(t.lemma_) in _INTRANSITIVE_DEATHS or any(
            c.dep_ == "aux:pass" for c in t.children)):
        return subj[0]
    if t.dep_ in ("acl", "amod") and t.head.pos_ == "NOUN":
        return t.head
    return None
