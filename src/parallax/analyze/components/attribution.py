"""Speakers of direct quotes read from the words around them, for languages the parser cannot help.

Most of the languages we ingest have no dependency model, and the small French one parses an
inverted attribution ("« … », accuse Scholz") as an object or a new sentence. News writing says
who speaks in a few fixed shapes, so these are read as patterns:

- after the quote: ``«…», affirme Emmanuel Macron`` / ``„…“, sagte Olaf Scholz`` / ``"…", dijo el
  presidente Pedro Sánchez`` / ``"…", ha detto Meloni`` / ``„…“, so Lindner``;
- before it: ``Lindner répond : « … »`` / ``Scholz sagte: „…“``.

The speaker is the first name the analysis found right after the cue (or the last one right before
it); a role alone ("der Kanzler") is left to the caller's role resolution. English is read by the
parser, whose attributions this must not second-guess.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Span

from parallax.analyze.components import Context, tunables
from parallax.analyze.models import Entity

# Inflected forms (most languages here have no lemmatizer): present, past and perfect of the
# verbs that introduce quotes in news, and the German/Dutch "so"/"aldus".
CUE_FORMS = {
    "fr": "dit|a dit|déclare|a déclaré|affirme|a affirmé|ajoute|a ajouté|accuse|a accusé|explique|a expliqué|"
          "souligne|a souligné|estime|a estimé|assure|a assuré|lance|a lancé|indique|a indiqué|précise|a précisé|"
          "rappelle|a rappelé|poursuit|conclut|insiste|a insisté|martèle|prévient|a prévenu|répond|a répondu|"
          "confie|a confié|dénonce|a dénoncé|juge|tranche|ironise|regrette|commente|déplore|s'exclame|"
          "écrit|a écrit|annonce|a annoncé|reconnaît|a reconnu|avertit|a averti|réagit|a réagi",
    "de": "sagte|sagt|so|erklärte|erklärt|betonte|betont|meinte|meint|schrieb|schreibt|warnte|warnt|"
          "kritisierte|kritisiert|sagten|erklärten|ergänzte|ergänzt|bekräftigte|versicherte|forderte|fordert|"
          "räumte ein|fügte hinzu|teilte mit|hieß es",
    "es": "dijo|ha dicho|afirmó|ha afirmado|señaló|aseguró|explicó|declaró|añadió|indicó|agregó|sostuvo|"
          "subrayó|comentó|advirtió|manifestó|expresó|apuntó|destacó|precisó|escribió|dice|afirma|asegura|"
          "señala|explica|añade|insistió|reconoció|denunció|recalcó|enfatizó",
    "it": "ha detto|ha dichiarato|ha affermato|ha aggiunto|ha spiegato|ha sottolineato|dice|afferma|spiega|"
          "ha scritto|ha commentato|ha ribadito|ha concluso|dichiara|sottolinea|aggiunge|disse|affermò|"
          "dichiarò|ha precisato|ha osservato|ha ammesso|ha assicurato|ha annunciato",
    "pt": "disse|afirmou|declarou|acrescentou|explicou|ressaltou|destacou|escreveu|diz|afirma|garantiu|"
          "sublinhou|frisou|comentou|assegurou|salientou|admitiu",
    "nl": "zei|zegt|aldus|verklaarde|schreef|stelde|benadrukte|voegde toe",
    "ru": "сказал|сказала|заявил|заявила|отметил|отметила|подчеркнул|подчеркнула|добавил|добавила|"
          "сообщил|сообщила|пояснил|пояснила|написал|написала|считает|говорит",
    "uk": "сказав|сказала|заявив|заявила|зазначив|зазначила|наголосив|наголосила|додав|додала|"
          "повідомив|повідомила|пояснив|пояснила|написав|написала",
    "pl": "powiedział|powiedziała|stwierdził|stwierdziła|dodał|dodała|podkreślił|podkreśliła|"
          "oświadczył|oświadczyła|napisał|napisała|zaznaczył|zaznaczyła|mówi",
}
_ALL_FORMS = "|".join(sorted({f for forms in CUE_FORMS.values() for f in forms.split("|")}, key=len, reverse=True))
_CLOSING = r"[”“\"»«’‘]"
_AFTER = re.compile(rf"^[\s\u00a0]*{_CLOSING}?(?:[\s\u00a0]*[,–—-]){{0,2}}[\s\u00a0]*(?P<cue>{_ALL_FORMS})(?![\w-])",
                    re.IGNORECASE)
_BEFORE = re.compile(rf"(?<![\w-])(?P<cue>{_ALL_FORMS})[\s\u00a0]*:[\s\u00a0]*{_CLOSING}?[\s\u00a0]*$", re.IGNORECASE)
DETERMINERS = {
    "le", "la", "les", "l'", "un", "une", "der", "die", "das", "des", "dem", "den", "ein", "eine", "einer", "el", "los",
    "las", "il", "lo", "gli", "i", "o", "a", "os", "as", "de", "het", "een", "the", "an",
}
SPEAKER_LABELS = ("person", "name", "organisation", "group")


def cue_after(text: str, end: int) -> tuple[str, int] | None:
    """The cue right after a quote ending at ``end`` and where it ends."""
    match = _AFTER.match(text[end : end + tunables().quotes.cue_after_chars])
    return (match.group("cue"), end + match.end()) if match else None


def speaker_after(text: str, end: int, entities: list[Entity]) -> tuple[int, int, str] | None:
    """ "«…», affirme Emmanuel Macron": the first name after the cue, in the same clause."""
    found = cue_after(text, end)
    if found is None:
        return None
    cue, cue_end = found
    stop = min(_clause_end(text, cue_end), cue_end + tunables().quotes.name_after_cue_chars)
    # "so die klare Botschaft des Kanzlers": after an article comes a role or a thing, and in German
    # every noun is capitalised; only a multi-word name or a person the model found is a name there.
    first = text[cue_end:stop].split()[:1]
    role_led = bool(first) and first[0].lower() in DETERMINERS
    for entity in sorted(entities, key=lambda e: e.start):
        if entity.label in SPEAKER_LABELS and cue_end <= entity.start < stop and (
                not role_led or entity.label == "person" or " " in entity.text.strip()):
            return entity.start, entity.end, cue
    match = None if role_led else _CAPITALISED.search(text, cue_end, stop)  # a name the analysis did not list
    if match:
        return match.start(), match.end(), cue
    # "…», ha dicho la portavoz": no name, but someone other than the previous speaker; the role
    # is returned for the caller to resolve.
    words = _ROLE.match(text, cue_end, _clause_end(text, cue_end))
    if not words:
        return None
    phrase = words.group(1).split()
    while len(phrase) > 1 and phrase[-1].lower() in DETERMINERS | {"del", "di", "du", "von", "of", "da", "do"}:
        phrase.pop()  # "la portavoz del": the role, not its dangling preposition
    kept = text.index(phrase[-1], words.start(1)) + len(phrase[-1])
    return words.start(1), kept, cue


def speaker_before(text: str, start: int, entities: list[Entity]) -> tuple[int, int, str] | None:
    """ "Lindner répond : «…»": the last name before a cue and a colon that open the quote."""
    window = text[max(0, start - tunables().quotes.cue_before_chars) : start]
    match = _BEFORE.search(window)
    if match is None:
        return None
    cue_start = start - len(window) + match.start()
    name_before = tunables().quotes.name_before_cue_chars
    best = None
    for entity in entities:
        if entity.label in SPEAKER_LABELS and cue_start - name_before <= entity.end <= cue_start \
                and not _SENTENCE_BREAK.search(text, entity.end, cue_start) and (best is None or entity.end > best.end):
            best = entity
    if best is not None:
        return best.start, best.end, match.group("cue")
    # "Feijóo afirmó:": a sentence's first word is no name candidate, but one right before the cue is.
    name = _CAPITALISED_BEFORE.search(text[max(0, cue_start - name_before) : cue_start])
    if name is None:
        return None
    offset = max(0, cue_start - name_before)
    return offset + name.start(1), offset + name.end(1), match.group("cue")


_NAME_WORD = r"[A-ZÀ-ÞА-ЯІЇЄҐŁŚŻŹ][\w'’-]+"
_ROLE = re.compile(r"[\s\u00a0]+([\w'’-]+(?:[ \u00a0]+[\w'’-]+){0,2})")  # "la portavoz", "der Sprecher"
_CAPITALISED = re.compile(rf"{_NAME_WORD}(?:[ \u00a0]+{_NAME_WORD}){{0,3}}")
_CAPITALISED_BEFORE = re.compile(rf"(?:^|[\s\u00a0(])({_NAME_WORD}(?:[ \u00a0]+{_NAME_WORD}){{0,3}})[ \u00a0]+$")
_SENTENCE_BREAK = re.compile(r"[.!?;:\n]")
_CLAUSE_END = re.compile(r"[.!?\n](?:\s|$)|[,;:(]")


def _clause_end(text: str, position: int) -> int:
    """Where the cue's clause ends: "…, a déclaré le ministre, avant d'ajouter que Macron …" names nobody."""
    match = _CLAUSE_END.search(text, position)
    return match.start() if match else len(text)


# Chinese, Japanese and Korean put the speaker before the quote, marked as the topic or subject:
# "尹大統領は「…」と述べた", "尹錫悅表示：「…」", "우원식 국회의장은 "…"라고 말했다". No names are
# found in these scripts (no capitals, no model), so the speaker is the words before the marker.
_JA_BEFORE = re.compile(r"([^\s、。「」『』（）()・,.:：]{1,12}?)(?:は|が)、?\s*[「『“\"]?$")
_JA_AFTER = re.compile(r"^[」』”\"]?\s*(?:と|って)")
_ZH_BEFORE = re.compile(r"([^\s，。、「」『』：:“”\"（）()]{1,8}?)(?:表示|說|说|指出|強調|强调|稱|称|直言|坦言|回應|回应|透露)[：:，,]?\s*[「『“\"]?$")
_KO_BEFORE = re.compile(r"((?:[가-힣A-Za-z0-9·]+\s)?[가-힣A-Za-z0-9·]+?)(?:은|는)\s*[\"“「']?$")
_KO_AFTER = re.compile(r"^[\"”」']?\s*(?:라고|이라고|고|며|면서)(?:\s|$)")


def cjk_speaker(text: str, start: int, end: int, language: str) -> tuple[int, int] | None:
    """Span of the speaker of a quote from ``start`` to ``end`` (inside the marks), or None."""
    opening = start
    while opening > 0 and text[opening - 1] in "「『“\"' ":
        opening -= 1
    line_start = max(text.rfind("。", 0, opening), text.rfind("\n", 0, opening), text.rfind(". ", 0, opening)) + 1
    before = text[line_start:opening]
    after = text[end : end + tunables().quotes.cjk_cue_after_chars]
    if language == "ja" and _JA_AFTER.match(after):
        match = _JA_BEFORE.search(before)
    elif language == "zh":
        match = _ZH_BEFORE.search(before)
    elif language == "ko" and _KO_AFTER.match(after):
        match = _KO_BEFORE.search(before)
    else:
        return None
    if match is None:
        return None
    return line_start + match.start(1), line_start + match.end(1)


@dataclass(frozen=True)
class _Words:
    """A speaker read as characters of the text, shown as written."""

    start_char: int
    end_char: int
    text: str


def lexical_speaker(ctx: Context, start: int, end: int) -> tuple[Span | _Words | None, str | None, bool]:
    """ "«…», affirme Emmanuel Macron" / "Scholz sagte: „…“" / "尹大統領は「…」と述べた" without a parse.
    The flag says the speaker is a role to be shown as written ("der Sprecher"): without a model
    the capitalised words inside it are nouns as often as names."""
    if ctx.language in ("zh", "ja", "ko"):
        span = cjk_speaker(ctx.text, start, end, ctx.language)
        if span is None:
            return None, None, False
        # Read from the text, not the tokens: unsegmented Japanese is one token per sentence.
        return _Words(span[0], span[1], ctx.text[span[0] : span[1]]), None, True
    close = end
    while close < len(ctx.text) and ctx.text[close] in "”“\"»«’‘ \u00a0":
        close += 1
    found = speaker_after(ctx.text, close, ctx.entities) or speaker_before(ctx.text, _opening(ctx.text, start), ctx.entities)
    if found is None:
        return None, None, False
    speaker_start, speaker_end, cue = found
    role = ctx.text[speaker_start:speaker_end].split()[0].lower() in DETERMINERS
    return ctx.doc.char_span(speaker_start, speaker_end, alignment_mode="expand"), cue, role and not ctx.has_model


def _opening(text: str, start: int) -> int:
    while start > 0 and text[start - 1] in "“„«»\"‚‘ \u00a0":
        start -= 1
    return start
