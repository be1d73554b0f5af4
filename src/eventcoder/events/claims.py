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
        t = (m.record.type or "").lower()
        if "state" not in t and "civilian" not in t and "government" not in t:
            return roles.Role(m.record, Span(m.start, m.end, m.text), "")
    return None


def _claimant(ctx: ArticleContext, tok: Token | None) -> roles.Role | None:
    if tok is None:
        return None
    role = roles.resolve(ctx, tok)
    if role is None and fold(tok.lemma_) in _GENERIC:
        role = _named_group(ctx)
    return role


def _named(tok: Token, links: dict[int, list[Occurrence]]) -> list[Occurrence]:
    out: list[Occurrence] = []
    for t in tok.subtree:
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
    accuse = {"imputer", "attribuer"}
    for tok in ctx.doc:
        lem = fold(tok.lemma_)
        if lem not in verbs and lem not in accuse:
            continue
        passive = any(c.dep_ in ("aux:pass", "nsubj:pass") for c in tok.children)
        objs = [c for c in tok.children if c.dep_ in (("nsubj:pass",) if passive else ("obj",))]
        named: list[Occurrence] = []
        for obj in objs:
            named += _named(obj, links)
        if not named and not passive:  # the parse lost the object: "a revendiqué, mardi,
            for c in tok.children:        # l'attentat-suicide"
                if c.i > tok.i and c.dep_ not in ("nsubj", "punct", "aux:tense"):
                    named += [o for o in _named(c, links) if o not in named]
        if not named and tok.dep_ == "acl":
            named = _compound_links(tok.head, links)  # "cette attaque revendiquée par X"
        if not named:
            continue
        if any(c.lower_ in _NEG for c in tok.children):
            res.unclaimed.update(id(o) for o in named)
            continue
        if lem in accuse:
            agent = next((c for c in tok.children if c.dep_.startswith("obl")), None)
            basis = "reported"
        elif passive or tok.dep_ == "acl":
            agent = next((c for c in tok.children if c.dep_.startswith("obl")
                          and any(x.lower_ == "par" for x in c.children)), None)
            basis = "claimed"
        else:
            agent = next((c for c in tok.children if c.dep_ == "nsubj"), None)
            basis = "claimed"
        role = _claimant(ctx, agent)
        if role is None:
            continue
        for o in named:
            res.claims.setdefault(id(o), []).append(
                Claim(role, basis, tok.idx, tok.idx + len(tok)))
    return res
