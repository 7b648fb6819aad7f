"""Settings of the compare stage (the ``[compare]`` block of the config and its sub-blocks)."""

from __future__ import annotations

from parallax import registry
from parallax.config import Settings, setting

FACTS = "hand-set on news-dev's facts (bench/facts.py, sessions 3-9)"
HAND = "hand-set"


class AlignSettings(Settings):
    match: dict[str, float] = setting("Pair score two claims of each kind need to be one fact.", tuned=FACTS)
    complementary: float = setting("Context two claims of different units need to be one (complementary) fact.",
                                   tuned=FACTS)
    year_match: float = setting("Context two years need to be one fact.", tuned=FACTS)
    sentence_link: float = setting("Added when the two claims' sentences were matched as one statement.", tuned=FACTS)
    same_specific_value: float = setting("Added when a particular value (\"66.71%\", \"150,000\") repeats.",
                                         tuned=FACTS)
    same_predicate: float = setting("Added when both claims belong to one verb (\"evacuated\").", tuned=FACTS)
    same_measure: float = setting("Added for a repeated value of one measure (\"300,000 people\" / \"spectators\").",
                                  tuned=FACTS)
    compatible_values: float = setting("Added when the two values are compatible within their hedges.", tuned=FACTS)
    close_values: float = setting("Added when two values of one unit lie within close_share of each other.",
                                  tuned=FACTS)
    close_share: float = setting("Relative difference under which two values are close.", tuned=FACTS)
    sole_measure: float = setting("Added when each is its article's only value of that unit and they are near.",
                                  tuned=FACTS)
    attach: float = setting("Pair score a loose claim needs to join a row of near values (second pass).", tuned=FACTS)
    rehome_margin: float = setting("Pair score by which a figure's link to a row of its measure must beat its link to "
                                   "the row it was first joined to for it to move there (third pass).", tuned=FACTS)
    near_word: float = setting("Added for a content word shared just before both values.", tuned=FACTS)
    label: float = setting("Added (or taken) for same-language list items with the same (other) label.", tuned=FACTS)
    near_time: float = setting("Added for two clock times minutes apart, neither on the hour.", tuned=FACTS)
    same_time: float = setting("Added for the very same clock time.", tuned=FACTS)
    anchors: float = setting("Weight of shared names and neighbouring numbers (the cross-language signal).",
                             tuned=FACTS)
    near_time_minutes: int = setting("Minutes within which two times with minutes are one moment.", tuned=FACTS)
    near_share: float = setting("Relative difference within which two values may be two reports of one figure ...",
                                tuned=FACTS)
    near_units: float = setting("... or, below near_small, this many units (\"66th\" / \"64th\" minute).",
                                tuned=FACTS)
    near_small: float = setting("See near_units.", tuned=FACTS)
    particular_from: int = setting("Whole values from this size, not round to particular_round, are particular ...",
                                   tuned=FACTS)
    particular_round: int = setting("... (see particular_from) ...", tuned=FACTS)
    large_from: int = setting("... and so is every value from this size.", tuned=FACTS)
    particular_duration_from: int = setting("Durations above this many minutes, not round to duration_round, are "
                                            "particular (\"an 82-minute delay\").", tuned=FACTS)
    duration_round: int = setting("See particular_duration_from.", tuned=FACTS)
    statement_max_chars: int = setting("Longer sentences are shown cut to the claim's clause.", tuned=FACTS)
    learned: bool = setting(
        "Let the alignment model (fitted on the hand-checked facts) join two claims the pair score leaves apart "
        "when it is sure they state one fact (mostly across languages, where no word can meet).", tuned=HAND)
    model: str | None = setting(
        "An alignment model file (JSON, from `python bench/align_cv.py --write`); null: the one shipped.",
        tuned=HAND)
    model_threshold: float | None = setting(
        "Probability at or above which the alignment model joins two claims; null: the model's own threshold, "
        "chosen by leave-one-family-out cross-validation.", tuned="cross-validated (bench/align_cv.py)")


class ConflictSettings(Settings):
    confidence: float = setting(
        "A row whose values differ is shown as a conflict (and stated in the brief) only when its confidence "
        "reaches this; below it the row says \"different figures\" without claiming a disagreement.",
        tuned="cross-validated, leave one family of events out (bench/facts.py)")
    max_days_apart: int = setting(
        "Values reported on days further apart than this are not compared as a disagreement (a count reported "
        "later is an update, or another moment).", tuned="hand-set: follow-up coverage of one event")
    core_kinds: list[str] = setting(
        "Kinds of values whose conflicts must be evidenced as one thing (linked sentences with one such value "
        "each, or near numbers of one unit); a row without such a pair says \"different figures\", and a row "
        "with one shows only the values that disagree about that thing.",
        tuned="hand-set after the audit of 50 conflict rows (news-dev-2, news-dev-3); measured by bench/facts.py")
    people_kinds: list[str] = setting(
        "Kinds outside core_kinds whose conflicts leave out a value whose sentence names only other people than "
        "every value it differs from (a semi-final's set scores against another player beside the final's).",
        tuned="hand-set after the audit of the conflict rows of news-dev-2 and news-dev-3; measured by bench/facts.py")
    figure_share: float = setting(
        "Two numbers of one unit this close (share of the larger) are evidenced as one figure that outlets "
        "give differently (53.11 / 53.81 percent); further apart they need linked sentences.",
        tuned="hand-set after the audit of 50 conflict rows (news-dev-2, news-dev-3); measured by bench/facts.py")
    sole_figure_from: float = setting(
        "Each article's only value of one unit, both at least this large, are one figure the outlets give "
        "differently (\"over 80,000 faithful\" / \"50,000 faithful\"); smaller ones (\"two terms\", "
        "\"four grandchildren\") are often two things and need shared words around them.",
        tuned="hand-set after the audit of conflict rows (news-dev-2, news-dev-3); measured by bench/facts.py")
    sole_figure_ratio: float = setting(
        "... and the larger at most this many times the smaller: outlets that give one figure differently rarely "
        "differ by more (\"2,885 points\" clear / \"11.180 punti\" in all are two measures).",
        tuned="hand-set after the conflict-row audit; the gold facts cannot tell (bench/facts_cv.py "
              "conflicts.sole_figure_ratio 2,2.5,3,1000: right 93 found 138 for every value)")
    vague_span: float = setting(
        "A figure whose interval spans more than this factor is a magnitude in words (\"thousands\": 1,000 to "
        "9,999): being each article's only value of its unit is no evidence that two of them are one figure "
        "(\"hundreds of people\" injured, \"thousands of people\" fled).")
    near_days: int = setting(
        "Two dates this many days apart or fewer are evidenced as one date that outlets give differently "
        "(\"2 May\" / \"May 3\"); further apart they are two moments unless their sentences say the same.",
        tuned="hand-set after the audit of 50 conflict rows (news-dev-2, news-dev-3); measured by bench/facts.py")
    subject_similarity: float = setting(
        "Two values are not evidenced as one thing when their sentences name only different people; names "
        "this similar (0-1, spelling variants across languages: Sybiha / Sybiga) count as the same.",
        tuned="hand-set: the name spellings of the seed articles")
    attribution_min_words: int = setting(
        "Quotes shorter than this many words are phrases several people may say: different speakers named for "
        "them are not an attribution conflict.",
        tuned="hand-set after the audit of 50 conflict rows (news-dev-2, news-dev-3); measured by bench/facts.py")
    dateline_chars: int = setting(
        "A date this near the start of a paragraph, after a place in capitals (\"JERUSALEM/TEHRAN, Oct. 2\") or "
        "before an agency and a dash (\"Oct. 2 (Xinhua) --\"), is a dateline: when the report was filed, "
        "not when something happened; it is compared with no other date.",
        tuned="hand-set: the longest place lines of the news-dev datelines")
    other_window: int = setting(
        "Characters either side of a count searched for \"other\" (\"eight other candidates\", \"otros "
        "ocho\"): such a count and one more than it without it are one field, not a conflict.",
        tuned="hand-set: two words either side")
    cumulative_units: list[str] = setting(
        "Counts that only grow as an event unfolds (deaths, injured, evacuated): different values of them on "
        "different days are an update, shown in time order.")


class StatementSettings(Settings):
    same: float = setting("Weighted overlap of two sentences' terms for them to say the same thing.", tuned=FACTS)
    cross_anchors: int = setting("Names and numbers two sentences in different languages must share ...",
                                 tuned=FACTS)
    cross_share: float = setting("... and the share of the smaller sentence's they must be.", tuned=FACTS)
    min_terms: int = setting("Terms a sentence needs to be a statement (datelines and captions have fewer).",
                             tuned=FACTS)
    max_single_per_origin: int = setting("Sentences only one origin reports shown per origin, at most.", tuned=FACTS)
    common_floor: int = setting("A term in more sentences than this (or than common_share of them) finds too "
                                "much to be looked up.", tuned=FACTS)
    common_share: float = setting("See common_floor.", tuned=FACTS)


class NameSettings(Settings):
    surname_similarity: int = setting("rapidfuzz ratio two surnames need (Sybiga/Sybiha 83, Lavrov/Lavrova 92).",
                                      tuned=FACTS)
    given_similarity: float = setting("Jaro-Winkler two given names need (Sergei/Sergey 0.92, Olaf/Oleg 0.78).",
                                      tuned=FACTS)
    surname_sounds: int = setting("Metaphone sounds two surnames from two scripts must share to be one name "
                                  "however differently transliterated (Трейси / Tracy: TRS).", tuned=HAND)
    thing_similarity: int = setting("rapidfuzz ratio two names of places or organisations need ...", tuned=FACTS)
    thing_min_chars: int = setting("... when the shorter has at least this many characters.", tuned=FACTS)
    min_consonants: int = setting("Consonants a name needs to be looked for in Arabic or Hebrew script.",
                                  tuned=FACTS)
    script_sample_chars: int = setting("Characters of a text read to tell its script.", output=False)


class QuoteLedgerSettings(Settings):
    same_words: int = setting("Token-set similarity (0-100) of two wordings of one statement ...", tuned=FACTS)
    same_order: int = setting("... and their plain similarity.", tuned=FACTS)
    min_chars: int = setting("Characters a quote needs to enter the ledger.", tuned=FACTS)
    fuzzy_min_chars: int = setting("Quotes shorter than this meet only when identical.", tuned=FACTS)
    translation_similarity: float = setting(
        "Cosine of the multilingual embeddings of two quotes of one speaker in different languages for them to be "
        "one statement (a translation).", tuned="hand-set on news-dev-2/-3 quotes")


class BriefSettings(Settings):
    shared_sentences: int = setting("Sentences most origins share that open the brief.")
    conflicts: int = setting("Confident conflicts stated in the brief, at most.")
    quotes: int = setting("Quotes carried by several outlets given in the brief, at most.")
    clause_chars: int = setting("Characters a cited span may grow to each side to reach its clause.")
    timeline_chars: int = setting("Characters of a timeline entry's text, at most.", output=False)
    writer_growth: float = setting("A rephrasing longer than this many times its original (plus writer_slack "
                                   "characters) is adding something: rejected.")
    writer_slack: int = setting("See writer_growth.")


@registry.settings.register("compare")
class CompareSettings(Settings):
    align: AlignSettings
    conflicts: ConflictSettings
    statements: StatementSettings
    names: NameSettings
    quotes: QuoteLedgerSettings
    brief: BriefSettings
