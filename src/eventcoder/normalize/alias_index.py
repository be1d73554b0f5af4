"""A token trie over normalised aliases, shared by the actor and outlet finders.

Names of armed groups come in many spellings: French and English transliterations
(Qassem al-Jabbarine / Qasim al-Jabbarin), typographic apostrophes, hyphens for spaces,
optional Arabic articles. Folding both the aliases and the text the same way lets one
exact dictionary walk find them all; a fuzzy pass over capitalised spans catches the rest.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Generic, NamedTuple, TypeVar

from rapidfuzz import fuzz, process

P = TypeVar("P")

_WORD = re.compile(r"[^\W_]+(?:['’ʼ‘`´][^\W_]+)*")
_APOS = re.compile(r"['’ʼ‘`´]")
# French elided words: "l'armée" is two tokens, "Kata'ib" one.
_ELISIONS = frozenset("l d qu j n s c m t jusqu lorsqu puisqu quoiqu".split())
# Articles that never change which group is meant: "al-Hashd" = "Hashd", "the Taliban".
_ARTICLES = frozenset({"al", "el", "the"})
# Sun-letter assimilations of "al", optional only when hyphenated: "Ansar ad-Din".
_HYPHEN_ARTICLES = frozenset({"ad", "ar", "as", "ash", "at", "az", "an", "adh", "ath", "ud", "ut"})
_ARABIC_FOLD = str.maketrans({"ة": "ه", "ى": "ي", "ـ": None, "ؤ": "و", "ئ": "ي"})
# Arabic clitics glued to a name: "wa-" (and), "bi-/li-/fa-/ka-" + article, the article.
_ARABIC_CLITIC = re.compile(r"^(?:[وبفك]ال|لل|وال|و(?=..)|ال(?=..))")
_LIGATURES = str.maketrans({"œ": "oe", "æ": "ae", "Œ": "oe", "Æ": "ae"})
_DOUBLE = re.compile(r"([a-z])\1+")
_CONNECTORS = frozenset("de du des la le l d of bin ibn abu abou wal fi lid is et and".split())
MAX_FUZZY_TOKENS = 6


def strip_marks(text: str) -> str:
    """Drop accents and Arabic vowel marks (and hamza carriers: أ إ آ become ا)."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_LIGATURES))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=1 << 16)
def fold(word: str) -> str:
    """The matching key of one word: no accents, no case, no doubled letters."""
    if word.isascii():
        return _DOUBLE.sub(r"\1", word.lower())
    key = strip_marks(word).casefold().translate(_ARABIC_FOLD)
    key = _DOUBLE.sub(r"\1", key)
    return _ARABIC_CLITIC.sub("", key) if len(key) > 3 else key


class Token(NamedTuple):
    start: int
    end: int
    raw: str
    key: str
    lead: int  # start of any article glued before this token ("al-" in "al-Mayadeen")


def _is_article(key: str, text: str, end: int) -> bool:
    if key in _ARTICLES:
        return True
    return key in _HYPHEN_ARTICLES and text[end:end + 1] in "-‐‑–"


def _pieces(m: re.Match[str]) -> list[tuple[int, int, str]]:
    """One word, or an elided article and its word ("l'armée"); inner apostrophes go."""
    word = m.group()
    if not _APOS.search(word):
        return [(m.start(), m.end(), word)]
    parts = _APOS.split(word)
    if parts[0].casefold() in _ELISIONS:
        cut = m.start() + len(parts[0])
        return [(m.start(), cut, parts[0]), (cut + 1, m.end(), "".join(parts[1:]))]
    return [(m.start(), m.end(), "".join(parts))]


def tokenize(text: str) -> list[Token]:
    """Word tokens with their folded keys; articles are folded into the next token's lead."""
    return list(_tokens(text))


@lru_cache(maxsize=8)
def _tokens(text: str) -> tuple[Token, ...]:
    """Cached per text: the actor and the outlet finders both tokenise the whole article."""
    out: list[Token] = []
    lead = -1
    for m in _WORD.finditer(text):
        for start, end, word in _pieces(m):
            key = fold(word)
            low = word.casefold()
            if _is_article(low, text, end):
                if low != "the":  # "al-" belongs to the name's span, "the" does not
                    lead = start if lead < 0 else lead
                continue
            out.append(Token(start, end, text[start:end], key, start if lead < 0 else lead))
            lead = -1
    return tuple(out)


def _strict(raw: str) -> bool:
    """Acronyms (EI, VDP, JAS, AFP) match only as written, never as lower-case words."""
    letters = [c for c in raw if c.isalpha()]
    return 2 <= len(letters) <= 6 and all(c.isupper() for c in letters)


@dataclass
class _Node(Generic[P]):
    next: dict[str, _Node[P]] = field(default_factory=dict)
    ends: list[tuple[P, tuple[tuple[int, str], ...]]] = field(default_factory=list)


@dataclass(frozen=True)
class Hit(Generic[P]):
    start: int
    end: int
    text: str
    payload: P
    size: int  # tokens matched: longer matches win overlaps
    fuzzy: bool = False


class AliasIndex(Generic[P]):
    """Exact token-trie lookup of aliases, with an optional fuzzy pass on named spans."""

    def __init__(self, entries: Iterable[tuple[str, P]], fuzzy: Iterable[tuple[str, P]] = ()):
        self._root: _Node[P] = _Node()
        self.conflicts: list[tuple[str, P, P]] = []
        for alias, payload in entries:
            self._add(alias, payload)
        self._buckets: dict[tuple[str, int], tuple[list[str], list[P]]] = {}
        for alias, payload in fuzzy:
            keys = [t.key for t in tokenize(alias)]
            if keys and not _strict(alias):
                names, payloads = self._buckets.setdefault((keys[0][:1], len(keys)), ([], []))
                names.append(" ".join(keys))
                payloads.append(payload)

    def _add(self, alias: str, payload: P) -> None:
        toks = tokenize(alias)
        if not toks:
            return
        node = self._root
        for tok in toks:
            node = node.next.setdefault(tok.key, _Node())
        strict = tuple((i, strip_marks(t.raw)) for i, t in enumerate(toks) if _strict(t.raw))
        for other, other_strict in node.ends:
            if other_strict == strict:
                if other != payload:
                    self.conflicts.append((alias, other, payload))
                return
        node.ends.append((payload, strict))

    def _longest_at(self, toks: list[Token], i: int) -> tuple[int, P] | None:
        node, best = self._root, None
        for j in range(i, len(toks)):
            nxt = node.next.get(toks[j].key) or node.next.get(_singular(toks[j]))
            if nxt is None:
                break
            node = nxt
            for payload, strict in node.ends:
                if all(strip_marks(toks[i + k].raw) == raw for k, raw in strict):
                    best = (j + 1 - i, payload)
                    break
        return best

    def find(self, text: str, toks: list[Token] | None = None,
             use_fuzzy: bool = False, score: float = 92.0) -> list[Hit[P]]:
        """Non-overlapping hits in text order; longer matches win, then earlier ones."""
        toks = tokenize(text) if toks is None else toks
        cands: list[tuple[int, int, Hit[P]]] = []
        for i in range(len(toks)):
            found = self._longest_at(toks, i)
            if found:
                size, payload = found
                cands.append((i, i + size, self._hit(text, toks, i, i + size, payload, False)))
        if use_fuzzy and self._buckets:
            taken = {k for a, b, _ in cands for k in range(a, b)}
            cands.extend(self._fuzzy(text, toks, taken, score))
        return _select(cands)

    @staticmethod
    def _hit(text: str, toks: list[Token], i: int, j: int, payload: P, fuzzy: bool) -> Hit[P]:
        start, end = toks[i].lead, toks[j - 1].end
        return Hit(start, end, text[start:end], payload, j - i, fuzzy)

    def _fuzzy(self, text: str, toks: list[Token], taken: set[int],
               score: float) -> list[tuple[int, int, Hit[P]]]:
        """Capitalised spans not matched exactly, compared with aliases of the same length."""
        out = []
        for i, tok in enumerate(toks):
            if i in taken or not tok.raw[:1].isupper() or _strict(tok.raw):
                continue
            for j in range(i + 1, min(len(toks), i + MAX_FUZZY_TOKENS) + 1):
                if j - 1 in taken or (j - 1 > i and not _named(toks[j - 1])):
                    break
                if not toks[j - 1].raw[:1].isupper():
                    continue
                key = " ".join(t.key for t in toks[i:j])
                bucket = self._buckets.get((key[:1], j - i))
                if bucket is None or len(key) < 7:
                    continue
                best = process.extractOne(key, bucket[0], scorer=fuzz.ratio, score_cutoff=score)
                if best is not None:
                    out.append((i, j, self._hit(text, toks, i, j, bucket[1][best[2]], True)))
        return out


def _singular(tok: Token) -> str:
    """French plurals of names written singular in the base ("les shebabs", "des
    houthis"): a final -s that does not double a letter."""
    key = tok.key
    return key[:-1] if len(key) > 4 and key.endswith("s") and not key.endswith("ss") else ""


def _named(tok: Token) -> bool:
    return tok.raw[:1].isupper() or tok.key in _CONNECTORS


def _select(cands: list[tuple[int, int, Hit[P]]]) -> list[Hit[P]]:
    cands.sort(key=lambda c: (-(c[1] - c[0]), c[2].fuzzy, c[0]))
    used: set[int] = set()
    chosen = []
    for i, j, hit in cands:
        if used.isdisjoint(range(i, j)):
            used.update(range(i, j))
            chosen.append(hit)
    return sorted(chosen, key=lambda h: h.start)
