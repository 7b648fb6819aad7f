"""Cue words of reported speech: the verbs that introduce quotes ("said", "warned", "shot back")
and the pronouns a speaker can be written as."""

from __future__ import annotations

from spacy.tokens import Token

from parallax.analyze.components import lemma

CUE_LEMMAS = {
    # English
    "say", "tell", "add", "state", "declare", "announce", "claim", "insist", "warn", "write", "explain", "note",
    "argue", "assure", "denounce", "describe", "call", "deny", "confirm", "acknowledge", "admit", "reply",
    "respond", "ask", "urge", "stress", "emphasise", "emphasize", "suggest", "report", "tweet", "post", "comment",
    "remark", "observe", "recall", "predict", "promise", "vow", "pledge", "accuse", "blame", "dismiss",
    "criticise", "criticize", "condemn", "praise", "conclude", "testify", "allege", "maintain", "quote",
    "continue", "agree", "caution", "concede", "complain", "boast", "joke", "recount", "shout", "whisper",
    "sing", "chant", "read", "question", "answer", "exclaim", "cry", "yell", "tout", "label", "brand", "dub",
    "echo", "bark", "snap", "quip", "retort", "scoff", "muse", "sigh", "laugh", "plead", "proclaim", "assert",
    "contend", "lament", "reiterate", "repeat", "wonder", "mutter", "recite", "find", "show", "reveal",
    "retweet", "bemoan", "confess", "react", "exhort", "scold", "chide", "interject", "counter", "opine", "gush",
    "fume", "press",
    # French
    "dire", "déclarer", "ajouter", "affirmer", "annoncer", "assurer", "estimer", "expliquer", "souligner",
    "dénoncer", "indiquer", "préciser", "confier", "répondre", "écrire", "lancer", "juger", "rappeler",
    "avertir", "prévenir", "insister", "reconnaître", "démentir", "qualifier", "déplorer", "poursuivre",
    "martèler", "marteler", "raconter", "promettre", "accuser", "commenter", "conclure", "noter",
}


# Verbs whose clausal complement is reported speech (indirect quotes).
INDIRECT_LEMMAS = {
    "say", "tell", "claim", "state", "announce", "insist", "warn", "deny", "confirm", "argue", "note", "add",
    "report", "allege", "acknowledge", "admit", "explain", "stress", "suggest", "write", "declare", "assure",
    "predict", "promise", "maintain", "testify", "concede", "emphasize", "emphasise",
    "dire", "déclarer", "affirmer", "annoncer", "assurer", "estimer", "expliquer", "souligner", "indiquer",
    "préciser", "reconnaître", "démentir", "ajouter", "écrire", "rappeler",
}


PRONOUNS_PERSON = {"he", "she", "him", "her", "il", "elle", "er", "sie", "él", "ella", "lui", "lei"}


PRONOUNS_GROUP = {"they", "it", "we", "ils", "elles", "on", "nous"}


RELATIVE_PRONOUNS = {"who", "that", "which", "whom", "qui", "que"}


# Verbs that report speech only with their particle: "Trump shot back", "Clinton fired back",
# "Trump went on".
CUE_PHRASES = {("shoot", "back"), ("fire", "back"), ("hit", "back"), ("push", "back"), ("write", "back"), ("go", "on"),
               ("point", "out")}


def is_cue(token: Token) -> bool:
    word = lemma(token)
    if word in CUE_LEMMAS:
        return True
    return any((word, child.lower_) in CUE_PHRASES for child in token.children if child.dep_ in ("prt", "advmod"))

