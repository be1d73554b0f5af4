"""The author a noun names beside it, checked against what kind of actor it is.

"Une incursion des rebelles ADF", "un drone des États-Unis", "lors de cette attaque, les
ADF ont tué": the token comes from attribution, its actor from roles.resolve, and only
actors that can be authors of that noun are kept.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from eventcoder.events import attribution, roles
from eventcoder.events.context import ArticleContext

if TYPE_CHECKING:
    from spacy.tokens import Token


def owner(ctx: ArticleContext, tok: Token) -> roles.Role | None:
    """Who a noun's "de X" names as its author: an armed group for an attack noun ("une
    incursion des rebelles ADF"), anyone armed for a means ("un drone des États-Unis");
    or the armed group that the clause around the noun has act ("lors de cette attaque,
    les ADF ont tué": not "les soldats ont riposté", who defended)."""
    means = attribution.is_means(tok)
    of = attribution.owner_token(tok) if means or attribution.is_attack(tok) else None
    if of is None:
        of, means = attribution.circumstance_agent(tok), False
    role = roles.resolve(ctx, of) if of is not None else None
    if role is None or role.record.id.startswith("x-") or (role.record.type or "").startswith(
            ("Civilian", "Protester")):
        return None
    return role if means or role.record.type != "State forces" else None
