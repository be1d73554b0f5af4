"""Claims of responsibility and attributions, linked to the occurrences they name.

"X a revendiqué l'attaque", "l'opération a été revendiquée par X": X claimed every
occurrence the claimed words name (directly or through an anaphor or a summary). A
negated claim ("n'a pas été revendiquée") marks the occurrence as unclaimed.
"Imputant l'assaut au groupe X": X is reported (or alleged) as the perpetrator.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from eventcoder.events import lexicon, roles
from eventcoder.events.context import ArticleContext
from eventcoder.events.triggers import fold

if TYPE_CHECKING:
    from spacy.tokens import Token

    from eventcoder.events.cluster import Occurrence

_NEG = {"pas", "jamais", "aucun", "aucune", "ne", "n’", "n'"}
_ARMED_GROUPS = {"Rebel group", "Political militia", "Identity militia"}
_RELATIVE = {"qui", "lequel", "laquelle", "lesquels", "lesquelles"}
_GENERIC = {"organisation", "groupe", "formation", "il", "elle", "faction", "mouvement"}


@dataclass
class Claim:
    role: roles.Role
    basis: str
    verb_start: int
    verb_end: int


@dataclass
class ClaimResult:
    claims: dict[int, list[Claim]] = field(default_factory=dict)  # occurrence id -> claims
    unclaimed: set[int] = field(default_factory=set)


def _named_group(ctx: ArticleContext) -> roles.Role | None:
    """The article's named armed group, for "l'organisation a revendiqué"."""
    from eventcoder.schema import Span

    for m in ctx.actors:
        if m.record.type in _ARMED_GROUPS and not m.generic:
            return roles.Role(m.record, Span(m.start, m.end, m.text), "")
    return None


def _claimant(ctx: ArticleContext, tok: Token | None) -> roles.Role | None:
    if tok is None:
        return None
    role = roles.resolve(ctx, tok)
    if role is None and fold(tok.lemma_) in _GENERIC:
        role = _named_group(ctx)
    return role


def _named(tok: Token, links: dict[int, list[Occurrence]],
           singular: bool = False) -> list[Occurrence]:
    """The occurrences named inside a phrase; with ``singular``, by singular nouns only
    (an accusation about "les attaques" blames a series, not this report's event)."""
    out: list[Occurrence] = []
    for t in tok.subtree:
        if singular and "Plur" in t.morph.get("Number", []):
            continue
        for o in links.get(t.i, []):
            if o not in out:
                out.append(o)
    return out


def _compound_links(tok: Token, links: dict[int, list[Occurrence]]) -> list[Occurrence]:
    """The occurrences a noun names, or the hyphenated compound it ends ("l'attentat-suicide
    revendiqué par X": the parse hangs the participle on "suicide")."""
    i = tok.i
    while i not in links and i >= 2 and tok.doc[i - 1].text in "-‐‑":
        i -= 2
    return list(links.get(i, []))


def find(ctx: ArticleContext, occs: list[Occurrence],
         links: dict[int, list[Occurrence]]) -> ClaimResult:
    res = ClaimResult()
    verbs = lexicon.words("claims", "claim_verbs", ctx.lang)
    accuse = lexicon.words("claims", "accusation_verbs", ctx.lang)
    nouns = lexicon.words("claims", "claim_nouns", ctx.lang)
    citing = lexicon.words("claims", "citing_verbs", ctx.lang)
    for tok in ctx.doc:
        lem = fold(tok.lemma_)
        if lem in verbs or lem in accuse and tok.pos_ == "VERB":
            _verb_claim(ctx, tok, lem in accuse, occs, links, res)
        elif lem in citing and tok.pos_ == "VERB":
            _cited_claim(ctx, tok, occs, res)
        elif lem in nouns and tok.pos_ == "NOUN" and "Plur" not in tok.morph.get("Number", []):
            # (plural "revendications" are a crowd's demands)
            _noun_claim(ctx, tok, occs, links, res)
    return res


def _passive(tok: Token) -> bool:
    return any(c.dep_ in ("aux:pass", "nsubj:pass") for c in tok.children)


def _claimed(tok: Token, passive: bool, links: dict[int, list[Occurrence]],
             singular: bool = False) -> list[Occurrence]:
    """The occurrences a claim verb's object names, however the parse hung it."""
    objs = [c for c in tok.children if c.dep_ in (("nsubj:pass",) if passive else ("obj",))]
    named: list[Occurrence] = []
    for obj in objs:
        named += _named(obj, links, singular)
    if not named and not passive:  # the parse lost the object: "a revendiqué, mardi,
        for c in tok.children:        # l'attentat-suicide"; or the claim comes last:
            after = c.i > tok.i and c.dep_ not in ("nsubj", "punct", "aux:tense")
            told = c.i < tok.i and c.dep_ in ("advcl", "ccomp", "parataxis")  # "..., a
            if after or told:                                            # revendiqué l'EI"
                named += [o for o in _named(c, links, singular) if o not in named]
    if not named and _on_head(tok, objs) and not (singular and _series(tok.head)):
        named = _compound_links(tok.head, links)  # "cette attaque revendiquée par X"
    return named


_MANY = {"nombreux", "nombreuse", "nombreuses", "plusieurs", "multiples", "divers", "diverses",
         "certains", "certaines"}


def _series(noun: Token) -> bool:
    """"De nombreuses attaques attribuées à X" blame a series; "des raids attribués à la
    coalition" are one strike told in the plural, as strikes from the air usually are (a
    means noun with no word of number)."""
    if "Plur" not in noun.morph.get("Number", []):
        return False
    means = lexicon.words("roles", "means_nouns", "fr")
    return fold(noun.lemma_) not in means or any(
        fold(c.lower_) in _MANY or c.dep_ == "nummod" for c in noun.children)


def _on_head(tok: Token, objs: list[Token]) -> bool:
    """The claim verb qualifies the event noun it hangs on: a participle ("l'attaque
    revendiquée par X") or a relative clause whose pronoun stands for that noun
    ("l'attentat, qui a été revendiqué par X", "l'attaque que X a revendiquée")."""
    if tok.dep_ == "acl":
        return True
    return tok.dep_ == "acl:relcl" and any(o.lower_ in _RELATIVE | {"que", "qu'", "qu’"}
                                           for o in objs)


def _bare(tok: Token, passive: bool) -> bool:
    """A claim of no stated thing, or of "cette opération" (a demonstrative points back):
    it claims the news just told. "Plusieurs attaques" or "le dernier attentat à avoir
    endeuillé la ville" claims no occurrence of this report."""
    if tok.dep_ in ("acl", "amod"):
        return False  # "de nombreuses attaques attribuées à X": the noun is its object
    objs = [c for c in tok.children if c.dep_ in (("nsubj:pass",) if passive else ("obj",))]
    if not objs:
        return True
    det = {fold(c.lower_) for c in objs[0].children if c.dep_ == "det"}
    return bool(det & {"ce", "cet", "cette"}) and "Plur" not in objs[0].morph.get("Number", [])


def _told_before(ctx: ArticleContext, occs: list[Occurrence], at: int) -> list[Occurrence]:
    """The occurrence told last before a claim, within its paragraph or the sentence
    before it."""
    here = ctx.sentence_at(at)
    best: tuple[int, Occurrence] | None = None
    for o in occs:
        for c in o.members:
            near = ctx.sentences[c.sent].paragraph == here.paragraph or c.sent >= here.index - 1
            if c.start < at and near and (best is None or c.start > best[0]):
                best = (c.start, o)
    return [best[1]] if best else []


def _verb_claim(ctx: ArticleContext, tok: Token, accusation: bool, occs: list[Occurrence],
                links: dict[int, list[Occurrence]], res: ClaimResult) -> None:
    passive = _passive(tok)
    accuser = fold(tok.lemma_) in lexicon.words("claims", "accused_object_verbs", ctx.lang)
    rest = [c for c in tok.children if c.dep_ not in (  # "accuse X d'être derrière l'attaque"
        "obj", "nsubj", "nsubj:pass", "punct") and not c.dep_.startswith("aux")]
    named = [o for c in rest for o in _named(c, links, accusation)] if accuser else _claimed(
        tok, passive, links, accusation)
    if not named and (not rest if accuser else _bare(tok, passive)):
        named = _told_before(ctx, occs, tok.idx)  # "les autorités soupçonnent l'EIGS"
    if not named:
        return
    if any(c.lower_ in _NEG for c in tok.children):
        res.unclaimed.update(id(o) for o in named)
        return
    if accuser:
        agent = next((c for c in tok.children if c.dep_ in (
            ("nsubj:pass",) if passive else ("obj",))), None)
    elif accusation:  # "attribuée aux ADF", "imputant l'assaut au groupe X"
        agent = next((c for c in tok.children if c.dep_.startswith("obl") and "par" not in {
            x.lower_ for x in c.children}), None)
    elif passive or tok.dep_ == "acl":
        agent = _by_agent(tok)
    else:
        agent = roles.subject(tok, {"nsubj"})
        if agent is not None and agent.lower_ in _RELATIVE and tok.dep_ == "acl:relcl":
            agent = tok.head  # "citant le groupe X, qui a revendiqué l'attaque"
    _add(ctx, res, named, _claimant(ctx, agent), "alleged" if accusation else "claimed", tok)


def _cited_claim(ctx: ArticleContext, tok: Token, occs: list[Occurrence],
                 res: ClaimResult) -> None:
    """"Un convoi a été visé ..., a indiqué la chaîne X, citant le groupe Y": an armed
    group an outlet cites about the attack just told is telling of its own attack (basis
    "cited": it names the perpetrator only where the report names none)."""
    obj = next((c for c in tok.children if c.dep_ == "obj"), None)
    role = _claimant(ctx, obj) if obj is not None else None
    if role is None or role.record.type not in _ARMED_GROUPS:
        return
    _add(ctx, res, _told_before(ctx, occs, tok.idx), role, "cited", tok)


def _by_agent(tok: Token) -> Token | None:
    """"revendiquée par X", or "revendiquée mercredi par X" with "par X" hung on the day."""
    for c in tok.children:
        if not c.dep_.startswith("obl"):
            continue
        for g in c.subtree:
            if any(x.dep_ == "case" and x.lower_ == "par" for x in g.children):
                return g
    return None


def _noun_claim(ctx: ArticleContext, tok: Token, occs: list[Occurrence],
                links: dict[int, list[Occurrence]], res: ClaimResult) -> None:
    """"la revendication de l'attentat par l'EI", "Dans une revendication publiée par
    Amaq, l'EI affirme ...", "aucune revendication": a claim told as a noun."""
    named = [o for c in tok.children if c.dep_ == "nmod" for o in _named(c, links)]
    named = named or _told_before(ctx, occs, tok.idx)
    if not named:
        return
    if any(c.lower_ in _NEG for c in tok.children):
        res.unclaimed.update(id(o) for o in named)
        return
    of = [c for c in tok.children if c.dep_ == "nmod" and not _named(c, links)]
    role = _claimant(ctx, of[0]) if of else None
    if role is None and tok.head.pos_ == "VERB":
        role = _claimant(ctx, roles.subject(tok.head, {"nsubj"}))
    _add(ctx, res, named, role, "claimed", tok)


def _add(ctx: ArticleContext, res: ClaimResult, named: list[Occurrence],
         role: roles.Role | None, basis: str, tok: Token) -> None:
    if role is None or role.record.id.startswith("x-") or (role.record.type or "").startswith(
            ("Civilian", "Protester")):
        return  # a name the base does not know ("liées à l'Iran") is no claimant
    for o in named:
        told = res.claims.setdefault(id(o), [])
        if any(c.role.record.id == role.record.id for c in told):
            continue  # cited, then said to have claimed it: one claimant
        told.append(Claim(role, basis, tok.idx, tok.idx + len(tok)))
