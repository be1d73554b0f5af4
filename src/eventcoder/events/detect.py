"""Trigger words to candidate events: what was named, how specific it is, whether it is a
real occurrence (not a threat, a plan, a tally or a denial) and how many it counts."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from eventcoder.events import lexicon, means, modality, quantities, recount, tally
from eventcoder.events.context import ArticleContext, within
from eventcoder.events.target import seized_class
from eventcoder.events.triggers import Entry, compiled, fold

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_DEMONSTRATIVE = {"ce", "cet", "cette", "ces"}
_TEMPORAL_CASES = {"depuis", "après", "avant"}
_NEGATIONS = {"pas", "jamais", "aucun", "aucune"}


@dataclass
class Candidate:
    """One trigger in one sentence, with what the sentence says about it."""

    token: int
    start: int
    end: int
    sent: int
    kind: str
    type_key: str | None
    weapon: str | None = None
    count: int = 1
    plural: bool = False
    definite: bool = False
    vague: bool = False
    blocked: str | None = None
    same_type: bool = False
    elliptic: bool = False
    temporal: bool = False
    reaction: bool = False
    background: bool = False  # told in the pluperfect: history behind the news
    another: bool = False  # "le second accident", "une autre attaque": not the one told
    other: bool = False  # "une autre attaque a eu lieu à X": new when dated or placed
    tally: bool = False  # in a sentence summing up a period ("depuis le début de l'année")
    means_of: int | None = None  # token of the trigger this one tells the means of
    demonstrative: bool = False  # "cette attaque": points back to one told before
    seg_start: int = 0
    seg_end: int = 0
    distributive: list[tuple[int, int]] = field(default_factory=list)
    target: int | None = None  # token of its own target, when one verb hit two

    @property
    def generic(self) -> bool:
        return self.type_key is None


def _near_lemmas(tok: Token, after: int = 3) -> set[str]:
    doc = tok.doc
    near = {fold(c.lemma_) for c in tok.children}
    near |= {fold(t.lemma_) for t in doc[tok.i + 1: min(len(doc), tok.i + 1 + after)]}
    near.add(fold(tok.head.lemma_))
    return near


def _accepts(e: Entry, tok: Token) -> bool:
    if e.pos and e.pos != _pos(tok) and not (e.pos == "VERB" and tok.pos_ == "AUX"):
        return False
    if e.requires and not (e.requires & _near_lemmas(tok)) and not (
            e.requires & {fold(g.lemma_) for c in tok.children for g in c.children}):
        return False
    if e.requires_plural and "Plur" not in tok.morph.get("Number", []):
        return False
    if e.active and (not _has_object(tok) or any(
            c.dep_ in ("aux:pass", "nsubj:pass") for c in tok.children)):
        return False  # "ont tué cinq villageois", not the toll "ont été tués"
    if e.agent and not _has_agent(tok):
        return False  # "tués par des hommes armés": the killing is told with its authors
    if e.requires_object:
        deps = {c.dep_ for c in tok.children}
        if not deps & {"obj", "nsubj:pass"} and not any(
                c.dep_ == "aux:pass" for c in tok.children) and not _object_follows(tok):
            return False
    return True


def _pos(tok: Token) -> str:
    """A lower-case word tagged a proper noun ("une série de frappes") is a common noun
    the tagger took for a name: French writes names with a capital."""
    return "NOUN" if tok.pos_ == "PROPN" and tok.text.islower() else tok.pos_


def _has_object(tok: Token) -> bool:
    """"ont attrapé et neutralisé 15 terroristes": the object after a second conjoined verb
    hangs on the first one in the parse."""
    if any(c.dep_ == "obj" for c in tok.children) or _object_follows(tok):
        return True  # "ont neutralisé douze terroristes mardi", the object lost by the parse
    return tok.dep_ == "conj" and any(c.dep_ == "obj" and c.i > tok.i for c in tok.head.children)


def _has_agent(tok: Token) -> bool:
    """A passive verb with a "par" phrase in its own clause, wherever the parse hangs it
    ("tués dimanche dans la province de X par des hommes armés")."""
    if not any(c.dep_ == "aux:pass" for c in tok.children):
        return False
    for t in tok.subtree:
        if t.dep_ == "case" and t.lower_ == "par" and t.head.pos_ in ("NOUN", "PROPN"):
            node = t.head
            while node.i != tok.i and node.pos_ not in ("VERB", "AUX"):
                node = node.head
            if node.i == tok.i:
                return True
    return False


def _object_follows(tok: Token) -> bool:
    """"avoir arrêté dix-huit membres": an object right after the verb, where the parse
    lost it."""
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    return nxt is not None and (nxt.pos_ == "NUM" or nxt.like_num or (
        nxt.pos_ == "DET" and nxt.lower_ not in ("le", "la", "les", "l'", "l’")))


def _match(doc: Doc, lang: str) -> list[tuple[int, int, Entry]]:
    """(first token, last token + 1, entry) for every trigger, phrases first."""
    lex = compiled(lang)
    lemmas = [fold(t.lemma_) for t in doc]
    used: set[int] = set()
    found: list[tuple[int, int, Entry]] = []
    for i, lem in enumerate(lemmas):
        for e in lex.phrases.get(lem, []):
            n = len(e.words)
            if tuple(lemmas[i:i + n]) == e.words and not used & set(range(i, i + n)):
                found.append((i, i + n, e))
                used.update(range(i, i + n))
                break
    for i, lem in enumerate(lemmas):
        if i in used:
            continue
        for e in lex.single.get(lem, []):
            if _accepts(e, doc[i]):
                found.append((i, i + 1, e))
                break
    found.sort(key=lambda f: f[0])
    return found


def _head_of(doc: Doc, start: int, end: int) -> Token:
    """The syntactic head of a phrase: its token whose head lies outside it."""
    for t in doc[start:end]:
        if not start <= t.head.i < end or t.head.i == t.i:
            return t
    return doc[start]


def _blocked(tok: Token, lang: str) -> str | None:
    blocking = lexicon.words("triggers", "blocking_governors", lang)
    denial = lexicon.words("triggers", "denial_governors", lang)
    if tok.pos_ in ("VERB", "AUX"):
        if "Fut" in tok.morph.get("Tense", []) or any(
                "Fut" in c.morph.get("Tense", []) for c in tok.children
                if c.dep_.startswith("aux")):
            return "future"
        causative = fold(tok.head.lemma_) == "faire" or any(
            fold(c.lemma_) == "faire" for c in tok.children)  # "s'est fait exploser"
        if "Inf" in tok.morph.get("VerbForm", []) and not causative and not modality.achieved(
                tok, lang):
            return "infinitive"  # "ont pu attaquer" tells the act; "veulent attaquer" not
        if any(fold(c.lemma_) in _NEGATIONS for c in tok.children if c.dep_ == "advmod"):
            return "negated"
    if tok.pos_ == "NOUN" and any("Fut" in c.morph.get("Tense", []) for c in tok.head.children
                                  if c.dep_ in ("cop", "aux", "aux:tense")):
        return "future"
    node = tok
    for _ in range(4):
        if node.head.i == node.i or node.dep_ == "nsubj":
            break  # "un kamikaze a projeté son véhicule": the subject is no planned thing
        node = node.head
        lem = fold(node.lemma_)
        if lem in denial:
            return "denied"
        if "Inf" in node.morph.get("VerbForm", []) and any(
                c.dep_ == "mark" and c.lower_ in ("pour", "afin") for c in node.children):
            return "purpose"  # "un plan pour viser les zones à travers les missiles"
        if lem in blocking:
            return "governor:" + lem
    return None


def _pluperfect(tok: Token) -> bool:
    """"avait fait 31 morts", "avait été attaqué": the verb telling the trigger (itself, or
    the one it is the subject or object of) is in the pluperfect."""
    verb = tok if tok.pos_ in ("VERB", "AUX") else tok.head
    return any(c.dep_.startswith("aux") and "Imp" in c.morph.get("Tense", [])
               and fold(c.lemma_) in ("avoir", "être") for c in verb.children)


def _in_temporal(tok: Token) -> bool:
    node = tok
    for _ in range(3):
        if node.head.i == node.i:
            return False
        node = node.head
        if any(c.dep_ == "case" and c.lower_ in _TEMPORAL_CASES for c in node.children):
            return True
    return False


def _reaction(tok: Token, lang: str) -> bool:
    """"a dénoncé une attaque barbare": a reaction names an occurrence already told; its
    clause's date is the reaction's."""
    verbs = lexicon.words("triggers", "reaction_verbs", lang)
    head = tok.head
    if head.pos_ == "NOUN" and head.dep_ in ("obl:mod", "nmod", "obj") and head.i < tok.i:
        head = head.head  # "a condamné dimanche l'attentat", the object hung on the day
    return tok.dep_ in ("obj", "nsubj:pass", "conj") and fold(head.lemma_) in verbs


def _count(tok: Token, lang: str) -> int:
    for c in tok.children:
        if c.dep_ == "nummod" or (c.pos_ == "NUM" and c.i < tok.i):
            n = quantities.number_value(c.lower_, lang)
            if n:
                return n
    return 1


def _candidate(ctx: ArticleContext, start: int, end: int, e: Entry) -> Candidate:
    doc = ctx.doc
    tok = _head_of(doc, start, end)
    lex = compiled(ctx.lang)
    type_key = e.type_key
    ups = [e.upgrade[lem] for lem in _near_lemmas(tok) if lem in e.upgrade]
    if ups:  # "attentat suicide à la voiture piégée": the most specific upgrade wins
        type_key = max(ups, key=lambda k: lex.rank.get(k, 0))
    seized, obj = type_key, seized_class(ctx, tok) if e.objects else None
    if obj is not None and obj in e.objects:
        seized = e.objects[obj]
        type_key = seized or type_key
    weapon = e.weapon or (lex.type_weapons.get(type_key) if type_key else None)
    dets = {c.lower_ for c in tok.children if c.dep_ == "det"}
    cases = {c.lower_ for c in tok.children if c.dep_ == "case"}
    plural = tok.pos_ == "NOUN" and "Plur" in tok.morph.get("Number", []) and fold(
        tok.lemma_) not in lexicon.words("triggers", "clash_nouns", ctx.lang)  # "des heurts"
    c = Candidate(tok.i, doc[start].idx, doc[end - 1].idx + len(doc[end - 1]),
                  ctx.sentence_of_token(tok.i).index, e.kind, type_key, weapon,
                  plural=plural, definite=bool(dets & tally.DEFINITE),
                  temporal=bool(cases & _TEMPORAL_CASES))
    c.temporal = c.temporal or _in_temporal(tok)
    c.background = _pluperfect(tok)
    if tok.pos_ == "NOUN" and dets & _DEMONSTRATIVE and e.kind == "event":
        c.kind, c.demonstrative = "anaphor", True  # "cette attaque": named again
    if _reaction(tok, ctx.lang):
        c.kind, c.reaction = "anaphor", True
    elif e.kind == "event" and modality.reference(ctx, tok, c.temporal):
        c.kind = "anaphor"  # "après l'attaque": dates the clause, names one told elsewhere
    c.blocked = _blocked(tok, ctx.lang) or modality.blocked(ctx, tok, c.background) or (
        "object" if seized == "" else None)  # "se sont emparés des armes": no occurrence of its own
    if tok.pos_ == "NOUN":
        c.vague = tally.vague(tok, ctx.lang)
        if e.kind == "event":
            c.count = _count(tok, ctx.lang)
    sent = ctx.sentences[c.sent]
    window = ctx.text[c.end: max(c.end + 40, sent.end if e.same_type_only else 0)].lower()
    c.same_type = any(m in window for m in lexicon.load("triggers", ctx.lang)["same_type_markers"])
    if e.same_type_only and not c.same_type:
        c.kind = "anaphor"  # "l'accident": only an occurrence when told as another of a kind
    c.another = c.same_type and tok.pos_ == "NOUN" and any(
        fold(x.lemma_) in lexicon.words("triggers", "another_modifiers", ctx.lang)
        for x in tok.children if x.dep_ == "amod" and x.i < tok.i) and not (
        any(x.dep_ == "cop" for x in tok.children)  # "il s'agit de la deuxième attaque du
        or fold(tok.head.lemma_) in lexicon.words("triggers", "identity_heads", ctx.lang))
    c.other = not c.another and tok.pos_ == "NOUN" and _indefinite_other(tok)
    c.vague = c.vague and not c.other  # "une autre attaque meurtrière": one more, no series
    return c  # genre": the occurrence told, counted among others


def _indefinite_other(tok: Token) -> bool:
    """"une autre attaque": a singular noun with "un/une" and "autre" before it."""
    kids = [x for x in tok.children if x.i < tok.i]
    return any(x.dep_ == "det" and x.lower_ in ("un", "une") for x in kids) and any(
        fold(x.lemma_) == "autre" for x in kids)


def _inherit_means(ctx: ArticleContext, cands: list[Candidate]) -> None:
    """"l'assassinat dans un raid", "tués lors d'une attaque": the second trigger tells how
    the first happened, so it shares the first's standing (background, blocked)."""
    means = lexicon.words("triggers", "means_links", ctx.lang)
    for prev, c in zip(cands, cands[1:], strict=False):
        if prev.sent != c.sent or c.start - prev.end > 40:
            continue
        between = ctx.text[prev.end:c.start].lower().replace("’", "'").split()
        if between and " ".join(between[:-1]) in means and between[-1] in ("un", "une"):
            c.temporal = c.temporal or prev.temporal
            c.blocked = c.blocked or prev.blocked
            c.means_of = prev.token


def _inherit_vagueness(ctx: ArticleContext, cands: list[Candidate]) -> None:
    """"plusieurs attaques contre les convois, attaques qui ...": a repetition in apposition
    is as vague as the noun it repeats."""
    by_token = {c.token: c for c in cands}
    for c in cands:
        tok = ctx.doc[c.token]
        head = by_token.get(tok.head.i)
        bare = not any(x.dep_ in ("det", "case") for x in tok.children)
        if head is None or head is c or not head.vague:
            continue
        if bare and tok.dep_ in ("appos", "conj", "nmod") or tok.dep_ in ("acl", "amod"):
            c.vague = True  # "plusieurs attaques visant des convois": the same tally
    for c in cands:  # "plusieurs attaques ont visé des postes": the verb tells the tally
        tok = ctx.doc[c.token]
        if tok.pos_ in ("VERB", "AUX") and any(
                by_token[x.i].vague for x in tok.children
                if x.dep_ in ("nsubj", "nsubj:pass") and x.i in by_token):
            c.vague = True


def _share_segments(ctx: ArticleContext, cands: list[Candidate]) -> None:
    """"Un engin explosif avait ciblé, mardi, un convoi": the subject or object of a verb
    trigger is told by that verb's clause, with its date and place."""
    verbs = {c.token: c for c in cands if ctx.doc[c.token].pos_ in ("VERB", "AUX")}
    for c in cands:
        tok = ctx.doc[c.token]
        v = verbs.get(tok.head.i)
        if v is not None and v is not c and tok.dep_ in ("nsubj", "nsubj:pass", "obj"):
            c.seg_start, c.seg_end = min(c.seg_start, v.seg_start), max(c.seg_end, v.seg_end)


def _argument_of_trigger(ctx: ArticleContext, cands: list[Candidate]) -> None:
    """"des frappes aériennes ont visé des bases": a plural event noun that is the subject
    or object of another trigger tells that one occurrence, it does not sum up others."""
    verbs = {c.token for c in cands if ctx.doc[c.token].pos_ in ("VERB", "AUX")}
    for c in cands:
        tok = ctx.doc[c.token]
        if c.plural and c.count == 1 and tok.head.i in verbs and tok.dep_ in (
                "nsubj", "nsubj:pass", "obj"):
            c.plural = False


def find(ctx: ArticleContext) -> list[Candidate]:
    """Every trigger of the article as a candidate, in text order, with its segment."""
    from eventcoder.events import split

    cands = [_candidate(ctx, s, e, entry) for s, e, entry in _match(ctx.doc, ctx.lang)]
    _inherit_means(ctx, cands)
    means.share(ctx, cands)
    means.relative(ctx, cands)
    _inherit_vagueness(ctx, cands)
    _argument_of_trigger(ctx, cands)
    _followed_by_fight(ctx, cands)
    cands += split.elliptic(ctx, cands)
    cands += recount.second_targets(ctx, cands)
    cands.sort(key=lambda c: c.start)
    split.segments(ctx, cands)
    _share_segments(ctx, cands)
    split.distributive(ctx, cands)
    _claimed_again(ctx, cands)
    _claimed_from_here(ctx, cands)
    _toll_of(ctx, cands)
    _first_told(cands)
    _undated_asides(ctx, cands)
    tally.mark(ctx, cands)
    recount.counted_back(ctx, cands)
    return cands


def _followed_by_fight(ctx: ArticleContext, cands: list[Candidate]) -> None:
    """"l'explosion d'une bombe a été suivie par une attaque à l'arme légère": an ambush
    opened by a blast is one fight (ACLED codes it as a battle), so the blast's triggers
    lose their explosive type and keep only their weapon."""
    follow = lexicon.words("triggers", "follow_verbs", ctx.lang)
    opening = lexicon.words("triggers", "follow_blast_types", ctx.lang)
    for b in cands:
        if b.kind != "event" or b.type_key is not None:
            continue
        blasts = [a for a in cands if a.sent == b.sent and a.end <= b.start
                  and a.type_key in opening]
        if not blasts:
            continue
        between = ctx.doc[ctx.doc[blasts[0].token].i:b.token]
        if any(fold(t.lemma_) in follow for t in between):
            for a in blasts:
                a.type_key = None


def _first_told(cands: list[Candidate]) -> None:
    """"Cette attaque" names an occurrence told in an earlier sentence. Opening an article
    it points to a headline we do not have, and after a trigger of its own sentence ("une
    embuscade meurtrière : 28 soldats avaient péri dans cette attaque") it names that one:
    then it tells the occurrence itself, with the sentence's date."""
    for i, c in enumerate(cands):
        if not c.demonstrative:
            continue
        before = {p.sent == c.sent for p in cands[:i] if p.kind == "event"}
        if True in before or False not in before:
            c.kind = "event"


def _undated_asides(ctx: ArticleContext, cands: list[Candidate]) -> None:
    """"Dans la ville de X, le groupe a arrêté l'un de ses éléments": a strategic
    development told without any date in its paragraph, after the article's lead, is part
    of an actor's record (context ACLED does not collect comparably), not a dated event."""
    kinds = lexicon.words("triggers", "dated_only_types", ctx.lang)
    for c in cands:
        para = ctx.sentences[c.sent].paragraph
        if c.type_key not in kinds or c.blocked or para == ctx.sentences[0].paragraph:
            continue
        sents = [s for s in ctx.sentences if s.paragraph == para]
        if not within(ctx.dates, sents[0].start, sents[-1].end):
            c.blocked = "undated"


def _claimed_from_here(ctx: ArticleContext, cands: list[Candidate]) -> None:
    """"L'EI a revendiqué mardi l'attentat qui a fait six morts la veille": what the claim
    clause says before its object (its day, its channel) is the claim's; the occurrence's
    own words start at the trigger."""
    verbs = lexicon.words("claims", "claim_verbs", ctx.lang)
    for c in cands:
        tok = ctx.doc[c.token]
        if c.kind == "event" and tok.dep_ in ("obj", "obl:mod", "obl") and tok.head.i < tok.i \
                and fold(tok.head.lemma_) in verbs:
            c.seg_start = max(c.seg_start, c.start)


def _toll_of(ctx: ArticleContext, cands: list[Candidate]) -> None:
    """"Les autorités s'en tenaient mardi à un bilan de six morts dans l'attentat", "le
    gouverneur s'est rendu jeudi sur les lieux de l'attaque": the occurrence a toll or a
    visit is about keeps only the words of that phrase; the clause's day is the toll's."""
    tolls = lexicon.words("triggers", "toll_nouns", ctx.lang)
    for c in cands:
        tok = ctx.doc[c.token]
        if not (c.definite and not c.plural and tok.pos_ == "NOUN"):
            continue
        toll = next((a for a in list(tok.ancestors)[:3] if fold(a.lemma_) in tolls), None)
        if toll is None and tok.dep_ in ("obl:mod", "nmod") and any(
                c.dep_ == "case" and c.lower_ in ("dans", "lors") for c in tok.children):
            # the parse may hang "dans l'attentat" on the verb, beside the toll
            toll = next((t for t in tok.head.children
                         if fold(t.lemma_) in tolls and t.i < tok.i), None)
        if toll is not None:
            words = [*toll.subtree, *tok.subtree]
            c.seg_start = max(c.seg_start, min(t.idx for t in words))
            c.seg_end = min(c.seg_end, max(t.idx + len(t) for t in words))
            if c.kind == "event" and any(p.kind == "event" and p.start < c.start for p in cands) \
                    and not within(ctx.dates, c.seg_start, c.seg_end) \
                    and not within(ctx.places, c.seg_start, c.seg_end):
                c.kind = "anaphor"  # "les auteurs de l'attaque": the one told before


def _claimed_again(ctx: ArticleContext, cands: list[Candidate]) -> None:
    """"L'attentat a été revendiqué hier par l'EI": a claim of the definite occurrence
    names one told before it; it never starts one of its own (its date is the claim's).
    "X a revendiqué trois attaques" may still tell new ones."""
    verbs = lexicon.words("claims", "claim_verbs", ctx.lang)
    for i, c in enumerate(cands):
        tok = ctx.doc[c.token]
        if c.kind == "event" and c.definite and not c.plural and tok.dep_ in (
                "obj", "nsubj:pass") and fold(tok.head.lemma_) in verbs and any(
                p.kind == "event" for p in cands[:i]):
            c.kind, c.reaction = "anaphor", True
