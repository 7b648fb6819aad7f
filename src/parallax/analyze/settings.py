"""Settings of the analysis stage (the ``[analyze]`` block of the config)."""

from __future__ import annotations

from parallax import registry
from parallax.config import Settings, setting


QUOTES = "hand-set on PolNeAR train and dev (sessions 2-10)"
CLAIMS = "hand-set on news-dev's facts (sessions 3-9)"
ENTITIES = "hand-set on news-dev and the seed articles"


class QuantitySettings(Settings):
    hedge_chars: int = setting("Characters before a number read for its hedge (\"about\", \"more than\").",
                               tuned=CLAIMS)
    pattern_hedge_chars: int = setting("The same for numbers found by pattern (languages without a model).",
                                       tuned=CLAIMS)
    predicate_hops: int = setting("Steps up the parse from a number to the verb it belongs to, at most.",
                                  tuned=CLAIMS)


class DateSettings(Settings):
    relative_max_words: int = setting("A weekday or \"yesterday\" resolves only in a date expression of at most "
                                      "this many words.", tuned=CLAIMS)


class EntitySettings(Settings):
    min_name_letters: int = setting("Letters a name needs (\"X.\" is no name).", tuned=ENTITIES)
    role_max_tokens: int = setting("Tokens of a role noun phrase (\"Kremlin spokesman\"), at most.", tuned=ENTITIES)
    min_name_words: int = setting("Words a name after a title needs (\"Primo Ministro Han Duck-soo\").",
                                  tuned=ENTITIES)
    title_suffix_min_chars: int = setting("Words longer than this ending like a title (\"-minister\") are titles.",
                                          tuned=ENTITIES)
    german_noun_min_chars: int = setting(
        "In German, a lone capitalised word at least this long with a noun's ending or compound joint "
        "(lexicon.GERMAN_NOUN_ENDINGS / _JOINTS: \"Ernennung\", \"Untersuchungshaft\") is a common noun, not a "
        "name; shorter ones are left alone (\"Jung\").",
        tuned="hand-set: the surnames of the news-dev German articles (measured by bench/stories_cv.py)")
    german_determined_share: float = setting(
        "In German, a lone capitalised word that follows an article or determiner (\"der Angriff\", \"im dritten "
        "Satz\") in at least this share of its occurrences in the article is a common noun, not a name; a known "
        "place keeps its article (\"der Iran\").",
        tuned="hand-set at half: with it and the stop-word rule, the lone-word names (places aside) of the "
              "news-dev 1-3 German articles went from 1,447 to 447, nearly all of those dropped common nouns; "
              "names lost: institutions written with their article (\"Kreml\", \"Bundestag\")")
    place_max_tokens: int = setting("Tokens a place name found from context may have.", tuned=ENTITIES)
    bare_place_population: int = setting(
        "A bare place name must have this many inhabitants to be believed without context (\"Sumy\" yes, "
        "\"Borki\" no); cities this big also bring their other spellings.", tuned=ENTITIES)
    place_min_chars: int = setting("Characters a gazetteer name needs.", tuned=ENTITIES)
    alternate_name_max_words: int = setting("Words another spelling of a city may have, at most (plus one).",
                                            tuned=ENTITIES)


class QuoteSettings(Settings):
    min_quote_words: int = setting("A quote needs this many words unless a cue introduces it (\"called it "
                                   "“unethical”\").", tuned=QUOTES)
    min_unattributed_words: int = setting("An unattributed quote needs this many words (shorter ones are emphasis "
                                          "or titles).", tuned=QUOTES)
    cjk_chars_per_word: int = setting("Characters counted as one word in Chinese, Japanese and Korean.", tuned=QUOTES)
    own_clause_words: int = setting("Words of its own clause that stop a quote running on from the last speaker.",
                                    tuned=QUOTES)
    title_max_words: int = setting("Words of a Title Case quoted phrase that may be a title (a show, a book).",
                                   tuned=QUOTES)
    title_context_chars: int = setting("Characters before such a phrase read for an article or preposition.",
                                       tuned=QUOTES)
    headline_capitalised_share: float = setting("Share of capitalised long words from which a line is a headline.",
                                                tuned=QUOTES)
    label_min_chars: int = setting("Characters a speaker label (\"LINDNER:\") needs.", tuned=QUOTES)
    colon_label_chars: int = setting("Characters before a quote searched for \"Name: “…”\".", tuned=QUOTES)
    signature_chars: int = setting("Characters after a quote searched for a signature (\"-Michelle Marks\").",
                                   tuned=QUOTES)
    trailing_attribution_tokens: int = setting("Tokens of a short attribution after a quote the parser cut off.",
                                               tuned=QUOTES)
    reopening_attribution_tokens: int = setting("Tokens after a quote ending in ! or ? read for its attribution.",
                                                tuned=QUOTES)
    own_cue_max_gap: int = setting("Tokens between a quote and the cue right after it, at most.", tuned=QUOTES)
    indirect_min_tokens: int = setting("Tokens an indirect quote's content needs.", tuned=QUOTES)
    cue_after_chars: int = setting("Characters after a quote read for its cue (languages without a parser).",
                                   tuned=QUOTES)
    name_after_cue_chars: int = setting("Characters after the cue in which the speaker's name must start "
                                        "(\"le ministre Christian …\").", tuned=QUOTES)
    cue_before_chars: int = setting("Characters before a quote read for a cue and a colon.", tuned=QUOTES)
    name_before_cue_chars: int = setting("Characters before that cue in which the speaker's name must end.",
                                         tuned=QUOTES)
    cjk_cue_after_chars: int = setting("Characters after a Chinese or Japanese quote read for its cue.", tuned=QUOTES)
    split_max_chars: int = setting("Characters of attribution inside a quote split in two, at most.", tuned=QUOTES)
    run_on_lookback_chars: int = setting("Characters before a quote checked for a sentence end (it must open one).",
                                         tuned=QUOTES)
    run_on_cue_tokens: int = setting("Tokens after a quote checked for a cue of its own.", tuned=QUOTES)
    adjacent_max_chars: int = setting("Characters between two quotes of one speaker, at most ...", tuned=QUOTES)
    adjacent_max_breaks: int = setting("... and line breaks.", tuned=QUOTES)
    subject_max_distance: int = setting("Tokens after an inverted cue in which its speaker stands.", tuned=QUOTES)
    noun_subject_max_distance: int = setting("The same for a common noun (\"…,” said the 46-year-old\").",
                                             tuned=QUOTES)
    subject_hops: int = setting("Steps up the parse looking for a cue's subject.", tuned=QUOTES)
    dateline_max_tokens: int = setting("Tokens of a dateline before its dash (\"LONDON (Reuters) -\").",
                                       tuned=QUOTES)
    inverted_title_tokens: int = setting("Tokens of a title before the name after an inverted cue.", tuned=QUOTES)
    between_max_gap_chars: int = setting("Characters between the closing mark and a speaker written before the cue.",
                                         tuned=QUOTES)
    between_max_tokens: int = setting("Tokens such a speaker may have ...", tuned=QUOTES)
    between_apposition_max_tokens: int = setting("... or, with an apposition, this many ...", tuned=QUOTES)
    between_name_max_tokens: int = setting("... of which the name before the comma this many.", tuned=QUOTES)
    described_max_tokens: int = setting("Tokens of a described speaker (\"the 43-year-old\").", tuned=QUOTES)
    before_cue_max_tokens: int = setting("Tokens back from a cue to the start of its speaker's name.", tuned=QUOTES)
    as_put_it_tokens: int = setting("Tokens after a quote searched for \"as … put it\".", tuned=QUOTES)
    as_before_put_tokens: int = setting("Tokens before \"put it\" searched for \"as\".", tuned=QUOTES)
    salience_chars: int = setting("Characters back in which a subject outranks a nearer mention as a pronoun's "
                                  "antecedent.", tuned=QUOTES)


class ClaimSettings(Settings):
    kinds: list[str] = setting(
        "Claim extractors run, in this order; of two claims of one kind on one span the earlier one's is kept.")
    context_chars: int = setting("Characters either side of a claim whose words say what it is about.", tuned=CLAIMS)
    label_chars: int = setting("Characters before a value read for its label (\"찬성 204표\": for).", tuned=CLAIMS)
    near_chars: int = setting("Characters before a value read for the words right before it ...", tuned=CLAIMS)
    near_words: int = setting("... of which this many are kept.", tuned=CLAIMS)
    sentence_fallback_chars: int = setting("Characters taken as a claim's sentence when no sentence holds it.",
                                           tuned=CLAIMS)
    weekday_date_gap: int = setting("Characters between a weekday and the date it names (\"Friday (July 19)\").",
                                    tuned=CLAIMS)
    weekday_date_reach: int = setting("Characters from a weekday's start to that date's start, at most.",
                                      tuned=CLAIMS)
    particular_from: int = setting("Whole numbers from this size, not round to particular_round, are compared "
                                   "without a unit ...", tuned=CLAIMS)
    particular_round: int = setting("... (see particular_from).", tuned=CLAIMS)
    clock_word_chars: int = setting("Characters around a number read for a time word (\"at\", \"Uhr\", \"p.m.\").",
                                    tuned=CLAIMS)
    hedge_chars: int = setting("Characters before a length or a mass read for its hedge (\"rund 2000 Kilometer\", "
                               "\"up to 2 kilograms\").", tuned=CLAIMS)
    clock_or_score_chars: int = setting("Characters around a quantity checked for a time or a score it is part of.",
                                        tuned=CLAIMS)
    unit_lookahead_chars: int = setting("Characters after a number searched for its unit.", tuned=CLAIMS)
    scaled_from: int = setting("Numbers from this size may have their noun after a written scale (\"80 mila i "
                               "fedeli\").", tuned=CLAIMS)
    rank_below: int = setting("Ordinals below this without a counted unit are ranks (\"2nd leg\"), not claims.",
                              tuned=CLAIMS)
    tally_word_chars: int = setting("Characters around \"5-4\" read for a word that makes it a tally or score.",
                                    tuned=CLAIMS)
    set_games: int = setting("Games that win a set (tennis): \"6-3, 2-6, 7-6 (4)\" is a match's set scores when "
                             "each set is won by this many games with two to spare, by one more against this less one, "
                             "or beyond it by two.", tuned=CLAIMS)
    set_tally_below: int = setting("Sequences of fewer set scores than this also need a word of a result near them "
                                   "(\"won\", \"final\"); longer ones are a match's score by themselves.",
                                   tuned=CLAIMS)
    age_range: list[int] = setting("Ages of people, youngest and oldest believed.", tuned=CLAIMS)
    minute_range: list[int] = setting("Minutes of a match, first and last believed.", tuned=CLAIMS)


@registry.settings.register("analyze")
class AnalyzeSettings(Settings):
    extractors: list[str] = setting(
        "Extractors run over each parsed article, in this order; each reads what earlier ones found.")
    max_chars: int = setting(
        "Characters of an article that are analysed; news is far shorter, the cap keeps one pathological "
        "input from exhausting memory.")
    batch: int = setting("Articles analysed together in one process.", output=False)
    pool_batch: int = setting(
        "Articles handed to a worker process at a time: small, so that no worker idles at the end.", output=False)
    pipe_batch: int = setting(
        "Documents spaCy parses together.", tuned="measured: 32 long articles peaked near 950 MB, 4 near 400 MB "
        "at the same speed", output=False)
    gemm: str = setting(
        "Matrix kernels of the models: auto (the fastest BLIS kernels this CPU runs), numpy, or blis (as BLIS "
        "starts). The analysis is the same with each; only the speed differs. Also PARALLAX_GEMM.", output=False)
    claims: ClaimSettings
    quantities: QuantitySettings
    dates: DateSettings
    entities: EntitySettings
    quotes: QuoteSettings
