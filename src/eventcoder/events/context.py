"""What the rules read about one article: its parse, sentences, paragraphs and the
dates, places, actors and outlets the normalisers found, all as character offsets."""

from __future__ import annotations

import bisect
import logging
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from eventcoder.normalize import actors, dates, places
from eventcoder.schema import Article

if TYPE_CHECKING:
    from spacy.tokens import Doc

log = logging.getLogger(__name__)
outlet_match = Any  # normalize.actors.OutletMatch (or outlets.OutletMatch once moved)


class HasOffsets(Protocol):
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


M = TypeVar("M", bound=HasOffsets)


@dataclass(frozen=True)
class Sentence:
    index: int
    start: int
    end: int
    tok_start: int
    tok_end: int
    paragraph: int


@dataclass
class ArticleContext:
    article: Article
    doc: Doc
    lang: str
    sentences: list[Sentence]
    dates: list[dates.DateMatch] = field(default_factory=list)
    places: list[places.PlaceMatch] = field(default_factory=list)
    actors: list[actors.ActorMatch] = field(default_factory=list)
    outlets: list[outlet_match] = field(default_factory=list)
    country: str | None = None
    _sent_of_tok: list[int] = field(default_factory=list)
    # per-article results rules compute more than once (sentence tolls, ...): the parse
    # does not change once the context is built
    memo: dict[Any, Any] = field(default_factory=dict, repr=False, compare=False)

    @property
    def text(self) -> str:
        return self.article.text

    def sentence_of_token(self, i: int) -> Sentence:
        return self.sentences[self._sent_of_tok[i]]

    def sentence_at(self, char: int) -> Sentence:
        starts = [s.start for s in self.sentences]
        return self.sentences[max(0, bisect.bisect_right(starts, char) - 1)]


def within(items: Sequence[M], start: int, end: int) -> list[M]:
    """The matches lying inside [start, end); ``items`` are in text order."""
    return [m for m in items if m.start >= start and m.end <= end]


def _sentences(doc: Doc) -> tuple[list[Sentence], list[int]]:
    text = doc.text
    out: list[Sentence] = []
    sent_of_tok = [0] * len(doc)
    paragraph = 0
    last_end = 0
    for sent in doc.sents:
        sent_text = text[sent.start_char:sent.end_char]  # = sent.text, without a token walk
        stripped = sent_text.strip()
        lead = sent.start_char + len(sent_text) - len(sent_text.lstrip())
        # the blank line may trail the previous sentence or lead this one
        if "\n\n" in text[last_end:lead] or "\n\n" in stripped:
            paragraph += 1
        if not stripped:
            continue
        idx = len(out)
        out.append(Sentence(idx, sent.start_char, sent.end_char, sent.start, sent.end, paragraph))
        for t in range(sent.start, sent.end):
            sent_of_tok[t] = idx
        last_end = lead + len(stripped)
    return out, sent_of_tok


def _call(fn_name: str, module: Any, *args: Any) -> list[Any]:
    """Call a normaliser, tolerating one not written yet (the branches land separately)."""
    fn = getattr(module, fn_name, None)
    if fn is None:
        return []
    try:
        return list(fn(*args))
    except Exception:  # a normaliser bug must not lose the article
        log.exception("%s.%s failed", module.__name__, fn_name)
        return []


def dominant_country(place_matches: Sequence[places.PlaceMatch], text: str) -> str | None:
    """The country the article is about: the normaliser's view, else the most named one."""
    beyond = [p for p in place_matches if across_border(text, p)]
    for p in beyond:  # "près de la frontière avec le Burkina Faso": a neighbour, not the
        text = text[:p.start] + " " * (p.end - p.start) + text[p.end:]  # story's country
    place_matches = [p for p in place_matches if p not in beyond]
    fn = getattr(places, "country_of_text", None)
    if fn is not None:
        try:
            found = fn(text)
            if found:
                return str(found)
        except Exception:
            log.exception("places.country_of_text failed")
    counts = Counter(p.location.country for p in place_matches if p.location.country)
    return counts.most_common(1)[0][0] if counts else None


_BORDER = ("frontière", "frontali")
_BORDER_LIST = {"avec", "du", "de", "des", "d'", "le", "la", "les", "l'", "et", ""}


def across_border(text: str, p: places.PlaceMatch) -> bool:
    """A country named as the other side of a border ("à la frontière avec le Niger", "les
    zones frontalières du Burkina Faso")."""
    if p.kind not in ("country", "relative"):
        return False
    left = text[max(0, p.start - 35):p.start].lower().split()[-4:] + p.text.lower().split()[:1]
    if any(w.startswith(_BORDER) for w in left):
        return True
    # "près des frontières avec le Mali et le Niger voisins": the second of a list
    words = text[max(0, p.start - 80):p.start].replace("’", "'").split()
    at = [k for k, w in enumerate(words) if w.lower().startswith(_BORDER)]
    return bool(at) and all(w[:1].isupper() or w.lower().strip(",") in _BORDER_LIST
                            for w in words[at[-1] + 1:])


def build(article: Article, doc: Doc, lang: str) -> ArticleContext:
    text = article.text
    sentences, sent_of_tok = _sentences(doc)
    date_matches = _call("find_dates", dates, text, article.published, lang)
    place_matches = _call("find_places", places, text, None, lang)
    country = dominant_country(place_matches, text)
    # generic actors ("des civils") are those of the article's country
    actor_matches = _call("find_actors", actors, text, lang, country)
    outlet_matches = _call("find_outlets", actors, text, lang)
    return ArticleContext(article, doc, lang, sentences, date_matches, place_matches,
                          actor_matches, outlet_matches, country, sent_of_tok)
