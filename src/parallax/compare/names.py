"""One entity per real person, place or organisation across the story's articles and languages.

Analysis already gives each mention the fullest name of its entity within the article
(``canonical``) and a Latin form. Here those per-article names are merged across articles when
their spelling is close enough *and* their types agree. A wrong merge is worse than a missed
one, so two names used side by side in the same article are never merged, and a user's
decisions (``parallax entities merge|split``) override everything.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cached_property

from jellyfish import metaphone
from rapidfuzz.distance import JaroWinkler
from rapidfuzz.fuzz import ratio

from parallax.analyze.translit import fold
from parallax.compare.korean import hangul, korean_key
from parallax.compare.models import EntityDecision, EntityEntry, SourceArticle, Variant
from parallax.compare.tunables import tunables
from parallax.compare.projection import find_name, is_abjad, name_skeletons, skeleton_words

NAMED = ("person", "organisation", "place", "group", "name")  # "name": a capitalised name in a language without a model
PARTICLES = {"al", "el", "de", "da", "di", "van", "von", "der", "la", "le", "bin", "ibn", "abu"}


def key(name: str) -> str:
    return " ".join(fold(name).replace("-", " ").replace("’", "'").split())


@dataclass
class NameGroup:
    """Mentions that name one entity in one article, then across articles after merging."""

    names: Counter = field(default_factory=Counter)  # canonical names, weighted by mentions
    type: Counter = field(default_factory=Counter)
    roles: Counter = field(default_factory=Counter)
    variants: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))  # text -> articles
    articles: set[str] = field(default_factory=set)
    keys: set[str] = field(default_factory=set)  # folded canonical names in the group
    transliterated: set[str] = field(default_factory=set)  # the keys folded from another script than Latin
    by_article: dict[str, str] = field(default_factory=dict)  # article -> the full name it uses
    found: dict[str, tuple[int, int]] = field(default_factory=dict)  # article -> span, names analysis did not see

    def absorb(self, other: NameGroup) -> None:
        self.names.update(other.names)
        self.type.update(other.type)
        self.roles.update(other.roles)
        for text, arts in other.variants.items():
            self.variants[text] |= arts
        self.articles |= other.articles
        self.keys |= other.keys
        self.transliterated |= other.transliterated
        for article, name in other.by_article.items():
            self.by_article.setdefault(article, name)
        for article, span in other.found.items():
            self.found.setdefault(article, span)
        # names and types changed: the summaries below are computed again when next asked for
        for summary in ("label", "in_hangul"):
            self.__dict__.pop(summary, None)

    @property
    def name(self) -> str:
        # the fullest name the most articles use: "Andrii Sybiha" over "Sybiha"
        return max(self.names, key=lambda n: (len(n.split()) > 1, self.names[n], len(n)))

    # Cached: grouping asks every pair of groups for both (quadratic in a story's names).
    @cached_property
    def in_hangul(self) -> bool:
        return any(map(hangul, self.names))

    @cached_property
    def label(self) -> str:
        typed = [(label, count) for label, count in self.type.most_common() if label != "name"]
        return typed[0][0] if typed else "name"


def article_groups(article: SourceArticle) -> list[NameGroup]:
    groups: dict[str, NameGroup] = {}
    for entity in article.analysis.entities:
        if entity.label not in NAMED:
            continue
        canonical_key = key(entity.canonical or entity.text)
        group = groups.setdefault(canonical_key, NameGroup())
        group.names[entity.canonical] += 1
        group.type[entity.label] += 1
        if entity.role:
            group.roles[entity.role] += 1
        group.variants[entity.text].add(article.id)
        group.articles.add(article.id)
        group.keys.add(canonical_key)
        if not latin(entity.canonical or entity.text):
            group.transliterated.add(canonical_key)
        group.by_article.setdefault(article.id, entity.canonical or entity.text)
    return list(groups.values())


def _tokens(name_key: str) -> list[str]:
    # An apostrophe inside a folded name is a soft sign or a glottal stop ("naval'nyy",
    # "zelens'kyy"), not a word break: splitting there would make "nyy" the surname.
    return [t for t in name_key.replace("'", "").split() if t not in PARTICLES]


def latin(name: str) -> bool:
    """Every letter of the name is a Latin one (with its accents)."""
    return all(ch < LATIN_END for ch in name if ch.isalpha())


LATIN_END = "\u0250"  # fixed: Unicode's Latin blocks (Basic Latin to Latin Extended-B) end here


def sounds_alike(a: str, b: str, *, min_sounds: int = 1) -> bool:
    """One name transliterated from two scripts: the same Metaphone key, of at least
    ``min_sounds`` sounds ("linn treysi" / "lynn tracy": "LN TRS"), or close spellings once the
    letters transliterations disagree on most are made one ("y"/"i"; "h"/"g", the Ukrainian and
    the Russian reading of "г": Sybiha / Sibiga)."""
    key_a = metaphone(a)
    if len(key_a) >= min_sounds and key_a == metaphone(b):
        return True
    plain_a, plain_b = (t.translate(_TRANSLITERATION_VARIANTS) for t in (a, b))
    return ratio(plain_a, plain_b) >= tunables().names.surname_similarity


_TRANSLITERATION_VARIANTS = str.maketrans({"y": "i", "h": "g"})


def same_person(a: str, b: str, across_scripts: bool = False) -> bool:
    """Two person names that can be one person: close surnames and compatible given names. Across
    scripts (one name folded from Cyrillic, Arabic...), two transliterations that sound alike also
    count; within one script, names that sound alike are often two people (Takaichi / Takeuchi)."""
    ta, tb = _tokens(a), _tokens(b)
    if not ta or not tb:
        return False
    alike = across_scripts and sounds_alike(ta[-1], tb[-1], min_sounds=tunables().names.surname_sounds)
    if ratio(ta[-1], tb[-1]) < tunables().names.surname_similarity and not alike:
        return False
    if ta[-1][0] != tb[-1][0] and not alike:
        return False
    if len(ta) == 1 or len(tb) == 1:
        return True
    # The given name is the first word, or the one before the surname when a title was left in
    # the name ("Bundeskanzler Olaf Scholz").
    return any(_given_match(ga, gb) or (across_scripts and sounds_alike(ga, gb))
               for ga, gb in {(ta[0], tb[0]), (ta[-2], tb[-2])})


def _given_match(ga: str, gb: str) -> bool:
    if len(ga) == 1 or len(gb) == 1:
        return ga[0] == gb[0]
    return JaroWinkler.similarity(ga, gb) >= tunables().names.given_similarity


def same_korean_person(a: NameGroup, b: NameGroup) -> bool:
    """A Korean name in Hangul and a romanised one: one person when they sound alike."""
    korean, other = (a, b) if any(map(hangul, a.names)) else (b, a)
    in_hangul = [n for n in korean.names if hangul(n)]
    latin = [n for n in other.names if not hangul(n) and len(n.split()) >= 2]  # fixed: given name and surname
    # The romanised name may come with its title, which the English model reads as part of an
    # organisation ("National Assembly Speaker Woo Won Shik"): its last two or three words.
    endings = {korean_key(" ".join(n.split()[-size:])) for n in latin for size in (2, 3) if len(n.split()) >= size}
    return any(korean_key(h) in endings for h in in_hangul)


def surname(name: str) -> str | None:
    """A person's folded surname, as claims and sentences name people ("e:sybiha")."""
    words = fold(name).split()
    return words[-1] if words else None


def other_people(a: set[str] | frozenset[str], b: set[str] | frozenset[str]) -> bool:
    """Two sentences' people (folded surnames): both name some, and none the same, spelling aside
    (Sybiha / Sybiga): "Ishiba won with 215 votes" and "Takaichi won with 181 votes" are about two
    people, however alike they read."""
    if not a or not b:
        return False
    floor = tunables().conflicts.subject_similarity * 100  # fixed: rapidfuzz ratios are percentages
    return not any(x == y or ratio(x, y) >= floor for x in a for y in b)


def acronym(name_key: str) -> str:
    return "".join(t[0] for t in name_key.split() if t not in {"of", "the", "for", "and", "de", "du", "des", "la"})


def same_thing(a: str, b: str) -> bool:
    """Places, organisations, groups: the same folded name, or a name and its acronym."""
    if a == b:
        return True
    short, long = sorted((a, b), key=len)
    if " " not in short and len(short) >= 2 and len(long.split()) >= 2 and acronym(long) == short:  # fixed: an acronym
        return True
    s = tunables().names
    return len(short) >= s.thing_min_chars and ratio(a, b) >= s.thing_similarity


def _compatible(a: NameGroup, b: NameGroup) -> bool:
    if a.articles & b.articles:
        # both names are used in one article for what analysis saw as two entities
        return False
    la, lb = a.label, b.label
    if a.in_hangul != b.in_hangul:
        return {la, lb} <= {"person", "name", "organisation"} and same_korean_person(a, b)
    if "name" in (la, lb):
        # untyped names (no model for the language) meet typed ones by spelling alone
        other = lb if la == "name" else la
        if other == "person":
            return any(same_person(x, y, _across(x, y, a, b)) for x in a.keys for y in b.keys)
        return any(same_thing(x, y) for x in a.keys for y in b.keys)
    if la == "person" or lb == "person":
        if la != lb:
            # The small model sometimes tags a full personal name as an organisation ("Olaf
            # Scholz dismissed…"): the very same first-and-last name is still the person.
            return {la, lb} == {"person", "organisation"} and any(
                x == y and len(_tokens(x)) >= 2 for x in a.keys for y in b.keys)  # fixed: first and last name
        return any(same_person(x, y, _across(x, y, a, b)) for x in a.keys for y in b.keys)
    if {la, lb} <= {"place", "organisation"} or la == lb:
        return any(same_thing(x, y) for x in a.keys for y in b.keys)
    return False


def _across(x: str, y: str, a: NameGroup, b: NameGroup) -> bool:
    """Keys ``x`` of ``a`` and ``y`` of ``b`` were folded from two scripts."""
    return (x in a.transliterated) != (y in b.transliterated)


def group_entities(articles: list[SourceArticle], decisions: list[EntityDecision] = ()) -> list[NameGroup]:
    """Merge per-article entities into story-wide ones; apply user decisions last."""
    groups: list[NameGroup] = []
    split_keys = {key(d.other) for d in decisions if d.action == "split"}
    for article in articles:
        for group in article_groups(article):
            target = None
            if not group.keys & split_keys:
                for candidate in groups:
                    if not candidate.keys & split_keys and _compatible(candidate, group):
                        target = candidate
                        break
            if target is None:
                groups.append(group)
            else:
                target.absorb(group)
    find_in_abjad_articles(groups, articles)
    for decision in decisions:
        if decision.action == "merge":
            wanted = {key(decision.name), key(decision.other)}
            matching = [g for g in groups if g.keys & wanted or {key(v) for v in g.variants} & wanted]
            for other in matching[1:]:
                matching[0].absorb(other)
                groups.remove(other)
    return groups


def find_in_abjad_articles(groups: list[NameGroup], articles: list[SourceArticle]) -> None:
    """People the other articles name, found again in Arabic and Hebrew ones (see projection)."""
    abjad = [(a, skeleton_words(a.text)) for a in articles if is_abjad(a.text)]
    if not abjad:
        return
    for group in groups:
        if group.label not in ("person", "name"):
            continue
        patterns = [parts for name in sorted(group.names, key=len, reverse=True)
                    if (parts := name_skeletons(name)) is not None and not hangul(name)]
        for article, words in abjad:
            if article.id in group.articles or not patterns:
                continue
            span = next((found for parts in patterns if (found := find_name(words, parts))), None)
            if span is None:
                continue
            text = article.text[span[0] : span[1]]
            group.variants[text].add(article.id)
            group.articles.add(article.id)
            group.by_article[article.id] = text
            group.found[article.id] = span


def entity_entries(groups: list[NameGroup]) -> list[EntityEntry]:
    entries = []
    for group in sorted(groups, key=lambda g: (-len(g.articles), g.name)):
        entries.append(EntityEntry(
            name=group.name, type=group.label, roles=[r for r, _ in group.roles.most_common()],
            variants=[Variant(text, sorted(arts)) for text, arts in sorted(group.variants.items())],
            key=key(group.name),
        ))
    return entries


def name_index(groups: list[NameGroup]) -> dict[tuple[str, str], NameGroup]:
    """(article id, folded canonical name) -> its story-wide group, to resolve quote speakers."""
    index = {}
    for group in groups:
        for text, arts in group.variants.items():
            for art in arts:
                index[(art, key(text))] = group
        for k in group.keys:
            for art in group.articles:
                index.setdefault((art, k), group)
    return index
