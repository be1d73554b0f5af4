"""Person names that look like places: "Mme Gondola", "le général Kumbu Ngoma".

A surname is often also a town (Gondola in Mozambique, Ngoma in Congo). French puts a title
or form of address right before a person's name ("M.", "Mme", "le ministre"), or names the
person in an apposition after the title phrase ("le secrétaire d'État de la province de
Nampula, Mety Gondola"). Such a name is no place, nor is the same surname elsewhere in the
article ("Mme Gondola n'a donné aucun détail"). The titles are data (``person_titles`` in
``data/<lang>/places.yaml``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from eventcoder.normalize import gazetteer as gz
from eventcoder.normalize.place_roles import alternation

_GIVEN = r"(?:[A-ZÀ-Þ][\w’'-]*\.?\s+){0,2}"  # first names or initials before the surname
_NAME = r"[A-ZÀ-Þ][\w’'-]+"


@dataclass(frozen=True)
class PersonCues:
    direct: re.Pattern[str]  # "Mme ", "le général Kumbu " at the end of the text before
    apposition: re.Pattern[str]  # "le ministre de l'Intérieur, Salah " (a first name needed)
    anywhere: re.Pattern[str]  # both, followed by the surname, to collect surnames


@cache
def person_cues(lang: str) -> PersonCues:
    titles = alternation(gz.lang_data(lang).get("person_titles") or [])
    direct = rf"(?<![\w.])(?i:{titles})(?<=\.|\w)(?!\w)\s+{_GIVEN}"
    appos = rf"(?<![\w.])(?i:{titles})(?!\w)(?:\s+(?!à\b|dans\b)[\w’'-]+){{1,6}}\s*,\s+" \
            rf"(?:[A-ZÀ-Þ][\w’'-]*\.?\s+){{1,2}}"
    return PersonCues(re.compile(direct + "$"), re.compile(appos + "$"),
                      re.compile(rf"(?:{direct}|{appos})(?P<name>{_NAME})(?!\w)"))


def after_title(text: str, pos: int, lang: str) -> bool:
    """True when the name at ``pos`` follows a title or its apposition: a person."""
    pc = person_cues(lang)
    before = text[max(0, pos - 120):pos]
    return bool(pc.direct.search(before[-60:]) or pc.apposition.search(before))


@lru_cache(maxsize=8)
def surnames(text: str, lang: str) -> frozenset[str]:
    """The norm_keys of the surnames the article gives persons by a title."""
    found = person_cues(lang).anywhere.finditer(text)
    return frozenset(gz.norm_key(m.group("name")) for m in found)
