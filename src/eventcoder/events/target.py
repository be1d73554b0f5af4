"""What an attack hit, for typing it: an armed force makes it a battle, civilians an
attack on civilians, whatever the words that carry the target ("un convoi de
commerçants" is civilians on the road, "un convoi de l'armée" soldiers)."""

from __future__ import annotations

from eventcoder.events import lexicon, roles
from eventcoder.events.context import ArticleContext

_ARMED = ("State forces", "Rebel group", "Political militia", "Identity militia")


def target_class(ctx: ArticleContext, role: roles.Role | None) -> str | None:
    """The class of the target's head noun, unless the head is a container (a convoy, a
    camp, a bus) or says nothing: then the actor the phrase was resolved to decides
    ("un camp de déplacés" holds civilians, "les positions du groupe" armed men)."""
    if role is None:
        return None
    head_class = roles.target_class(role.head, ctx.lang)
    containers = lexicon.words("triggers", "target_containers", ctx.lang)
    if head_class is not None and role.head not in containers:
        return head_class
    kind = role.record.type or ""
    if kind.startswith("Civilian"):
        return "civilian"
    if kind in _ARMED:
        return "military"
    return head_class
