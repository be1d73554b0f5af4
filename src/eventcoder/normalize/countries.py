"""Country names from pycountry: ISO alpha-2 codes to the names ACLED uses."""

from __future__ import annotations

from functools import cache

import pycountry

_ACLED_NAMES = {"SY": "Syria", "IR": "Iran", "RU": "Russia", "KR": "South Korea",
                "CD": "Democratic Republic of Congo", "CG": "Republic of Congo",
                "TZ": "Tanzania", "BO": "Bolivia", "VE": "Venezuela", "PS": "Palestine",
                "MD": "Moldova", "LA": "Laos", "VN": "Vietnam", "CI": "Ivory Coast"}


@cache
def english_name(code: str) -> str | None:
    if code in _ACLED_NAMES:
        return _ACLED_NAMES[code]
    c = pycountry.countries.get(alpha_2=code)
    return None if c is None else getattr(c, "common_name", None) or c.name
