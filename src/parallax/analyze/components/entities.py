"""Sentences, entity mentions, roles ("Kremlin spokesman") and canonical names.

With a trained model, entities come from its NER (corrected by the places component). Without
one, capitalised word runs that are not merely sentence-initial are name candidates, labelled
``place`` when the gazetteer knows them and ``name`` otherwise.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

from spacy.tokens import Span, Token

from parallax.analyze.components import Context, extractor, lemma, tunables
from parallax.analyze.components.hangul_names import hangul_names
from parallax.analyze.gazetteer import lookup
from parallax.analyze.models import Entity, Sentence
from parallax.analyze.stopwords import language_stop_words
from parallax.analyze.translit import fold, latin
from parallax.lexicon import CAPITALS, GERMAN_DETERMINERS, GERMAN_NOUN_ENDINGS, GERMAN_NOUN_JOINTS

LABELS = {
    "PERSON": "person", "PER": "person",
    "ORG": "organisation",
    "GPE": "place", "LOC": "place", "FAC": "place",
    "NORP": "group",
    "DATE": "date", "TIME": "date",
    "CARDINAL": "number", "ORDINAL": "number",
    "QUANTITY": "quantity", "PERCENT": "quantity", "MONEY": "quantity",
}

# Head nouns of titles and roles. A role is the run of modifiers before a name that ends in one
# of these ("Russian presidential spokesman"), or an apposition headed by one.
ROLE_NOUNS = {
    "minister", "spokesman", "spokeswoman", "spokesperson", "president", "vice", "governor", "chief", "head",
    "secretary", "director", "leader", "chancellor", "mayor", "ambassador", "general", "commander", "official",
    "prosecutor", "judge", "senator", "representative", "envoy", "premier", "king", "queen", "prince", "pope",
    "chairman", "chairwoman", "chair", "ceo", "founder", "executive", "adviser", "advisor", "aide", "deputy",
    "diplomat", "correspondent", "reporter", "analyst", "expert", "professor", "coach", "captain", "manager",
    "candidate", "lawmaker", "mp", "congressman", "congresswoman", "sheriff", "officer", "inspector", "negotiator",
    "delegate", "commissioner", "dr", "mr", "mrs", "ms", "sir", "lord", "lady", "actress", "actor", "singer",
    "ministre", "porte-parole", "président", "présidente", "chef", "directeur", "directrice", "secrétaire",
}
_NAME_TAIL = re.compile(r"-[a-z]+\b")
_ROLE_DEPS = {"compound", "amod", "nmod", "nn", "npadvmod", "poss", "flat", "appos", "case"}
_CAPITAL = f"[A-Z{CAPITALS}]"
# Up to six capitalised words: a Turkish institution, its title and a name make six ("İstanbul
# Büyükşehir Belediye Başkanı Ekrem İmamoğlu"); the title is cut off later (_leading_title).
_NAME_RUN = re.compile(
    rf"(?<![\w])(?:{_CAPITAL}[\w'’\-]+)"
    r"(?:[ \t\u00a0]+(?:(?:de|del|della|di|da|van|von|der|den|du|la|le|bin|al|el|ibn)[ \t\u00a0]+)?"
    rf"{_CAPITAL}[\w'’\-]+){{0,5}}"
)


@extractor("sentences")
def sentences(ctx: Context) -> None:
    ctx.sentences = [Sentence(s.start_char, s.end_char) for s in ctx.sents]


@extractor("entities")
def entities(ctx: Context) -> None:
    mentions = _model_entities(ctx) if ctx.has_model else _candidate_names(ctx)
    ctx.entities = _with_canonical_names(mentions)


def _model_entities(ctx: Context) -> list[Entity]:
    out = []
    for ent in ctx.doc.ents:
        label = LABELS.get(ent.label_, "other")
        text = ent.text
        if label in ("person", "organisation", "place", "group") and ent[0].lower_ == "the":
            ent = ent[1:]
            text = ent.text
        if text.endswith(("’s", "'s")):  # possessive: "Spoljaric’s arrival"
            ent = ent[:-1] if ent[-1].lower_ in ("’s", "'s") else ent
            text = text[: -len("'s")]
        if not text.strip():
            continue
        if sum(c.isalpha() for c in text) < tunables().entities.min_name_letters:
            continue  # "X." and other stray letters
        if label == "place" and len(ent) == 1 and ent[0].pos_ == "ADJ" and not lookup(text):
            label = "group"  # "Ukrainian" tagged as a place is a nationality
        role = _role(ent) if label == "person" else None
        # A dash typed as a hyphen stays on the next word's token: "-Michelle Marks, Philadelphia".
        lead = len(text) - len(text.lstrip("-–—―"))
        start, text = ent.start_char + lead, text[lead:]
        end = start + len(text)
        if label == "person":
            # The model sometimes stops a hyphenated given name at the hyphen: "Park Geun[-soo]".
            tail = _NAME_TAIL.match(ctx.text, end)
            if tail:
                end = tail.end()
                text = ctx.text[start:end]
        out.append(Entity(text, label, start, end, text, latin(text), role))
    return out


def _role(ent: Span) -> str | None:
    doc = ent.doc
    # Left modifiers: "Ukrainian Foreign Minister Andrii Sybiha", "Kremlin spokesman Dmitry Peskov".
    start = ent.start
    while start > 0:
        token = doc[start - 1]
        if token.is_punct or token.pos_ in ("DET", "VERB", "AUX", "ADP", "PRON", "CCONJ", "SCONJ", "NUM"):
            break
        if not token.i < token.head.i < ent.end:  # must modify the role or the name, to its right
            break
        start -= 1
    left = doc[start : ent.start]
    if left and any(_is_role_word(t) for t in left):
        while left and not _is_role_word(left[-1]) and left[-1].pos_ != "PROPN":
            left = left[:-1]
        if left:
            return left.text
    # Apposition: "Dmitry Peskov, the Kremlin spokesman," / "the head of Ukrainian diplomacy, Andrii Sybiga"
    head = ent.root
    for child in head.children:
        if child.dep_ == "appos" and _is_role_word(child):
            return _noun_phrase(child, stop=len(doc))
    if head.dep_ == "appos" and _is_role_word(head.head) and head.head.i < ent.start:
        return _noun_phrase(head.head, stop=ent.start)
    return None


def _is_role_word(token: Token) -> bool:
    return token.lower_.strip(".") in ROLE_NOUNS or lemma(token) in ROLE_NOUNS


def _noun_phrase(token: Token, stop: int) -> str:
    """The role noun with its modifiers and "of …" complement, without determiners or clauses:
    "the head of Ukrainian diplomacy, Andrii Sybiga" -> "head of Ukrainian diplomacy"."""
    doc = token.doc
    start = token.left_edge.i
    while start < token.i and doc[start].dep_ in ("det", "punct", "predet"):
        start += 1
    end = token.i + 1
    for child in token.rights:
        if child.dep_ == "prep" and child.lower_ in ("of", "for", "at", "de", "du", "des"):
            end = max(end, child.right_edge.i + 1)
    end = min(end, stop, start + tunables().entities.role_max_tokens)
    span = doc[start:end]
    while len(span) > 1 and (span[-1].is_punct or span[-1].pos_ in ("DET", "ADP", "CCONJ")):
        span = span[:-1]
    return span.text


def _candidate_names(ctx: Context) -> list[Entity]:
    text = ctx.text
    starts = {s.start for s in ctx.sentences} | {0}
    runs = [piece for m in _NAME_RUN.finditer(text) for piece in _pieces(m.start(), m.group(0))]
    # A word capitalised only because it opens a sentence is not a name unless it recurs.
    counts: dict[str, int] = {}
    for start, _, name in runs:
        if start not in starts:
            counts[name] = counts.get(name, 0) + 1
    determined = german_nouns_after_determiners(text) if ctx.language == "de" else frozenset()
    out = []
    for start, end, name in runs:
        sentence_initial = start in starts or text[max(0, start - 2) : start].strip() in ("", "\n")  # fixed: a line break and a space
        # "Die Polizei", "Il Presidente", "In Berlin": an article or another function word opening a
        # sentence is no part of a name, unless the whole is a known place ("La Paz", "Los Angeles").
        article, *rest = name.split(maxsplit=1)
        function_word = article.lower() in _ARTICLES or article.lower() in language_stop_words(ctx.language)
        if sentence_initial and rest and function_word and not lookup(name):
            # The name starts at the next capitalised word: "In der Nacht" leaves "Nacht", not "der Nacht".
            start, name = _after_first_word(start, name)
        if sentence_initial and " " not in name and not counts.get(name) and not lookup(name):
            continue
        if name.lower() in _ARTICLES and not name.isupper():
            continue  # "Die", "El" alone (a new paragraph, a quote): an article, however often ("AS" may be a name)
        if " " not in name and not name.isupper() and name.lower() in language_stop_words(ctx.language):
            continue  # "Uhr", "Este", "После": a function word, capitalised where a sentence or line opens
        if ctx.language == "de" and (german_noun(name) or name in determined) and not lookup(name):
            continue
        if " " not in name and name.lower() in calendar_words(ctx.language):
            continue  # "Februar", "Montag": capitalised in German, a date all the same
        role, name_start = _leading_title(name)
        if not role and ctx.language == "de":
            first, *rest = name.split(maxsplit=1)
            if rest and rest[0][:1].islower() and _is_german_noun(first, determined) and not lookup(name):
                # "Justiz der USA", "Fall der Spionage": a noun and its complement; the complement
                # may be a name ("USA"), or one more noun ("Spionage").
                start, name = _after_first_word(start, name)
                if " " not in name and not name.isupper() and _is_german_noun(name, determined) and not lookup(name):
                    continue
            role, name_start = _leading_german_noun(name, determined)
        if role:
            start, name = start + name_start, name[name_start:]
        label = "place" if lookup(name) else "name"
        out.append(Entity(name, label, start, end, name, latin(name), role))
    for start, end, name, title in hangul_names(text):
        out.append(Entity(name, "person", start, end, name, latin(name), title))
    return sorted(out, key=lambda e: e.start)


# A case ending after an apostrophe is grammar, not spelling: "İmamoğlu’nun", "Dublin'de" (Turkish
# cases), "Trump's"; it ends the name. A capital after the apostrophe belongs to it ("O'Brien").
_CASE_ENDING = re.compile(r"['’]([^\W\d_]+)(?=\s|$)")


def _pieces(start: int, run: str) -> list[tuple[int, int, str]]:
    """The names in a run of capitalised words: cut after each case ending, the ending left out."""
    out = []
    offset = 0
    for ending in _CASE_ENDING.finditer(run):
        if not ending.group(1).islower():
            continue
        if run[offset : ending.start()].strip():
            out.append((start + offset, start + ending.start(), run[offset : ending.start()]))
        offset = ending.end()
        while offset < len(run) and run[offset].isspace():
            offset += 1
    if run[offset:].strip():
        out.append((start + offset, start + len(run), run[offset:]))
    return out


@cache
def calendar_words(language: str) -> frozenset[str]:
    """The language's month and weekday names, lower-cased (CLDR's, through Babel)."""
    from babel import Locale, UnknownLocaleError
    from babel.dates import get_day_names, get_month_names

    try:
        locale = Locale.parse(language)
    except (ValueError, UnknownLocaleError):
        return frozenset()
    names = [*get_month_names("wide", locale=locale).values(), *get_day_names("wide", locale=locale).values(),
             *get_month_names("wide", context="stand-alone", locale=locale).values()]
    return frozenset(name.lower() for name in names)


# A capitalised word after a German determiner or a number, with at most one inflected adjective
# between them ("der Angriff", "im dritten Satz", "24 Stunden").
_DETERMINED = re.compile(rf"(?<!\w)(?:(?i:{'|'.join(sorted(GERMAN_DETERMINERS))})|\d[\d.,]*)\s+"
                         rf"(?:[a-zäöüß]+(?:e|en|er|es|em)\s+)?({_CAPITAL}[\w-]+)")
_CAPITALISED_WORD = re.compile(rf"(?<!\w){_CAPITAL}[\w-]+")


def german_nouns_after_determiners(text: str) -> frozenset[str]:
    """Capitalised words that follow a determiner in at least the set share of their occurrences
    (analyze.entities.german_determined_share): common nouns, in German."""
    after = Counter(m.group(1) for m in _DETERMINED.finditer(text))
    if not after:
        return frozenset()
    seen = Counter(m.group() for m in _CAPITALISED_WORD.finditer(text))
    share = tunables().entities.german_determined_share
    return frozenset(word for word, count in after.items() if count >= share * seen[word])


def _after_first_word(start: int, run: str) -> tuple[int, str]:
    """The run from its next capitalised word on, past the first word and any small words after it
    ("In der Nacht" -> "Nacht"), with its start in the text."""
    words = list(re.finditer(r"\S+", run))
    capital = next(m.start() for m in words[1:] if m.group()[:1].isupper())
    return start + capital, run[capital:]


def _leading_german_noun(name: str, determined: frozenset[str]) -> tuple[str | None, int]:
    """("Regierungschef", 15) for "Regierungschef Donald Tusk": in German a common noun before a name
    of at least two words says what the person is ("Ikone Boris Becker", "Wikileaks-Gründer Julian
    Assange"); (None, 0) when the first word is no common noun."""
    first, *rest = name.split(maxsplit=1)
    if not rest or len(rest[0].split()) < tunables().entities.min_name_words or lookup(name):
        return None, 0
    if rest[0][:1].isupper() and _is_german_noun(first, determined):
        return first, name.index(rest[0], len(first))
    return None, 0


def _is_german_noun(word: str, determined: frozenset[str]) -> bool:
    """A German common noun: after determiners in the article (the last part of a compound
    counts: "Wikileaks-Gründer"), or with a noun's ending."""
    return word in determined or word.rsplit("-", 1)[-1] in determined or german_noun(word)


def german_noun(word: str) -> bool:
    """A lone capitalised German word that has a noun's ending or a compound's joint."""
    if " " in word or word.isupper() or len(word) < tunables().entities.german_noun_min_chars:
        return False
    lowered = word.lower()
    return lowered.endswith(GERMAN_NOUN_ENDINGS) or any(j in lowered[1:-1] for j in GERMAN_NOUN_JOINTS)


# Titles written before a name in the languages without a model, where a run of capitalised
# words takes them in ("Presidente Yoon Suk-yeol", "Primo Ministro Han Duck-soo", "Il Cardinale
# Kevin Farrell"). Royal titles and "General" are left out: they also open place and company
# names ("King Abdullah Sports City", "General Motors").
TITLE_WORDS = {
    "presidente", "presidenta", "président", "présidente", "präsident", "präsidentin", "president",
    "ministro", "ministra", "ministre", "minister", "ministerin", "kanzler", "kanzlerin", "cancelliere",
    "canciller", "chanceler", "chancelier", "cardinale", "cardenal", "cardeal", "kardinal", "cardinal",
    "sindaco", "alcalde", "alcaldesa", "prefeito", "bürgermeister", "maire", "mayor",
    "segretario", "secretario", "secretária", "secretário", "sekretär", "secrétaire",
    "portavoce", "portavoz", "porta-voz", "sprecher", "sprecherin", "porte-parole", "spokesman", "speaker",
    "senatore", "senador", "senator", "sénateur", "deputato", "diputado", "deputado", "député", "abgeordnete",
    "ambasciatore", "embajador", "embaixador", "botschafter", "ambassadeur", "ambassador",
    "comandante", "kommandeur", "commandant", "commander", "leader", "líder", "chef", "capo", "jefe",
    "governatore", "gobernador", "governador", "gouverneur", "governor", "premier", "premierminister",
    "bundeskanzler", "bundeskanzlerin", "bundespräsident", "bundesminister", "dottor", "dottoressa", "monsignor",
    "kardynał", "prezydent", "rzecznik", "papież", "ksiądz", "marszałek",
    # Turkish, in the possessive a title takes after its institution ("Belediye Başkanı", "Dışişleri Bakanı")
    "başkan", "başkanı", "cumhurbaşkanı", "bakan", "bakanı", "sözcüsü", "valisi", "büyükelçisi", "başsavcısı",
}
_ARTICLES = {"il", "la", "le", "lo", "el", "los", "las", "les", "der", "die", "das", "the", "o", "a", "os", "as"}
_TITLE_SUFFIXES = ("minister", "ministerin", "kanzler", "präsident", "sprecher")  # German compounds


def _leading_title(name: str) -> tuple[str | None, int]:
    """("Primo Ministro", 15) for "Primo Ministro Han Duck-soo": the title before a name of at
    least two words, and where the name starts; (None, 0) when there is none."""
    words = list(re.finditer(r"\S+", name))
    last_title = None
    settings = tunables().entities
    for index, word in enumerate(words[: -settings.min_name_words]):
        lowered = word.group().lower()
        if lowered in TITLE_WORDS or (len(lowered) > settings.title_suffix_min_chars and lowered.endswith(_TITLE_SUFFIXES)):
            last_title = index
    if last_title is None:
        return None, 0
    rest = words[last_title + 1 :]
    while rest and rest[0].group().lower() in ("de", "del", "della", "di", "da", "von", "der", "des", "du"):
        rest = rest[2:]  # fixed: a preposition and its noun, the title's complement ("Segretario di Stato")
    if len(rest) < settings.min_name_words:
        return None, 0
    first = 1 if words[0].group().lower() in _ARTICLES and last_title > 0 else 0  # "Il Cardinale"
    return name[words[first].start() : rest[0].start()].rstrip(), rest[0].start()


def _with_canonical_names(mentions: list[Entity]) -> list[Entity]:
    """Point short mentions at the fullest form in the article ("Peskov" -> "Dmitry Peskov")."""
    full_names: dict[str, str] = {}
    roles: dict[str, str] = {}
    for entity in mentions:
        if entity.label in ("person", "name") and " " in entity.text:
            last = fold(entity.text.split()[-1])
            if len(entity.text) > len(full_names.get(last, "")):
                full_names[last] = entity.text
        if entity.role:
            roles.setdefault(entity.text, entity.role)
    out = []
    for entity in mentions:
        canonical = entity.text
        if entity.label not in ("person", "date", "number", "quantity") and " " not in entity.text and fold(entity.text) in full_names:
            # "Spoljaric" / "Sybiha" alone, mislabelled, after the full name appeared
            entity = Entity(entity.text, "person", entity.start, entity.end, entity.text, entity.latin, entity.role)
        if entity.label in ("person", "name"):
            canonical = full_names.get(fold(entity.text.split()[-1]), entity.text)
        role = entity.role or roles.get(canonical)
        out.append(Entity(entity.text, entity.label, entity.start, entity.end, canonical, latin(canonical), role))
    return out
