"""One validated config: every setting documented, overridable, and a change redoes exactly the stale work."""

from __future__ import annotations

import json
import sqlite3

from parallax.config import default, load


def test_config_show_lists_every_setting_of_every_stage_with_a_description(cli):
    rows = cli.json("config", "show")
    keys = {r["key"] for r in rows}
    assert {key.split(".")[0] for key in keys} == {"ingest", "analyze", "cluster", "compare", "serve"}
    assert all(r["description"] and r["tuned"] and r["source"] == "default" for r in rows)
    # Every value of the shipped file is listed, none is missing from the schema.
    config = default()
    assert len(rows) == sum(1 for _ in config.rows()) > 50
    assert {"cluster.consolidate.max_gap_days", "cluster.copies.threshold", "analyze.extractors"} <= keys


def test_a_file_and_the_environment_override_the_defaults_and_say_so(cli, tmp_path):
    path = tmp_path / "mine.cfg"
    path.write_text("[cluster.consolidate]\nmax_gap_days = 10\n", encoding="utf-8")
    rows = {r["key"]: r for r in cli.json("--config", str(path), "config", "show")}
    assert rows["cluster.consolidate.max_gap_days"]["value"] == 10
    assert rows["cluster.consolidate.max_gap_days"]["source"] == str(path)
    result = cli("config", "show", "--format", "json", env={"PARALLAX__CLUSTER__COPIES__THRESHOLD": "0.4",
                                                             "PARALLAX_EMBED": "0"})
    rows = {r["key"]: r for r in json.loads(result.out)}
    assert rows["cluster.copies.threshold"]["value"] == 0.4
    assert rows["cluster.embed.enabled"]["value"] is False and rows["cluster.embed.enabled"]["source"] == "PARALLAX_EMBED"


def test_a_bad_setting_is_one_clear_line_naming_the_file_and_key(cli, tmp_path):
    path = tmp_path / "bad.cfg"
    path.write_text("[cluster.consolidate]\nmax_gap_dayz = 10\n", encoding="utf-8")
    result = cli("--config", str(path), "stories")
    assert result.returncode == 2
    assert result.err.strip() .count("\n") == 0
    assert str(path) in result.err and "cluster.consolidate.max_gap_dayz" in result.err
    result = cli("stories", env={"PARALLAX__CLUSTER__THRESHOLD": "high"})
    assert result.returncode == 2 and "PARALLAX__CLUSTER__THRESHOLD" in result.err and "cluster.threshold" in result.err


def test_values_are_read_exactly_and_hashes_ignore_settings_that_only_change_speed():
    config = load(environ={})
    assert config["cluster"].copies.threshold == 0.3  # not 0.30000000000000004 (srsly's JSON)
    faster = load(environ={"PARALLAX__ANALYZE__BATCH": "8", "PARALLAX_GEMM": "numpy"})
    assert faster.hash("analyze") == config.hash("analyze")
    other = load(environ={"PARALLAX__ANALYZE__MAX_CHARS": "1000"})
    assert other.hash("analyze") != config.hash("analyze")
    assert load(environ={"PARALLAX__CLUSTER__CONSOLIDATE__MAX_GAP_DAYS": "9"}).hash("cluster") != config.hash("cluster")



def test_every_stage_hash_covers_the_shared_word_lists(monkeypatch):
    """The number words, scales, hedges and units in parallax/lexicon.py change what analysis,
    clustering and comparison output: a change there makes stored analyses and stories stale."""
    from parallax.config import fingerprint

    config = load(environ={})
    before = {stage: config.hash(stage) for stage in ("analyze", "cluster")}
    assert "lexicon.py" in fingerprint.SHARED_MODULES and len(fingerprint.shared_hash()) == 64  # sha256 hex
    monkeypatch.setattr(fingerprint, "shared_hash", lambda: "another lexicon")
    assert all(config.hash(stage) != value for stage, value in before.items())


ARTICLES = [
    {"id": "a1", "published": "2024-03-01", "title": "Harbour fire destroys warehouses in Vellmore",
     "text": "A fire destroyed three warehouses in the harbour of Vellmore on Friday, the fire brigade said. "
             "Chief Anna Kowalczyk said 40 firefighters fought the blaze for six hours."},
    {"id": "a2", "published": "2024-03-01", "title": "Vellmore harbour blaze: warehouses lost",
     "text": "Three warehouses burned down in Vellmore harbour on Friday. Fire chief Anna Kowalczyk said 40 "
             "firefighters needed six hours to bring the fire under control."},
    {"id": "b1", "published": "2024-03-02", "title": "Dornhill council approves new bridge",
     "text": "The council of Dornhill voted 9 to 2 on Saturday to build a new bridge over the river Aske, "
             "mayor Piotr Brandt said. Work starts in May."},
]


def _store(cli, tmp_path):
    path = tmp_path / "batch.jsonl"
    path.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), encoding="utf-8")
    assert cli("ingest", str(path), env={"PARALLAX_ANALYZE": "1"}).returncode == 0


def _hashes(db) -> tuple[dict, dict]:
    with sqlite3.connect(db) as conn:
        analyses = dict(conn.execute("SELECT article_id, config_hash || analyzed_at FROM analyses"))
        members = dict(conn.execute("SELECT article_id, config_hash || seq FROM story_members"))
    return analyses, members


def test_a_settings_change_makes_exactly_the_affected_work_stale_and_a_run_redoes_it(cli, tmp_path):
    _store(cli, tmp_path)
    analyses, members = _hashes(cli.db)
    assert len(analyses) == len(members) == 3
    status = cli.json("status")
    assert status["to_analyse"] == status["to_place"] == status["placed_under_other_settings"] == 0
    # A cluster setting changes: every placement is stale, no analysis is.
    env = {"PARALLAX__CLUSTER__CONSOLIDATE__MAX_GAP_DAYS": "20"}
    assert cli.json("status", env=env)["placed_under_other_settings"] == 3
    result = cli("cluster", env=env)
    assert result.returncode == 0 and "3 article(s) placed" in result.err and "3 placed under other settings" in result.err
    after_analyses, after_members = _hashes(cli.db)
    assert after_analyses == analyses and set(after_members.values()).isdisjoint(members.values())
    # Nothing is stale under those settings any more; the defaults see the placements as stale again.
    assert cli.json("status", env=env)["placed_under_other_settings"] == 0
    # One article re-analysed under another analysis setting: only its placement is redone.
    analysis_env = {"PARALLAX__ANALYZE__MAX_CHARS": "150000", **env}
    assert cli.json("status", env=analysis_env)["to_analyse"] == 3
    result = cli("analyze", env=analysis_env)
    assert result.returncode == 0 and "3 article(s) analysed" in result.err and "3 placed" in result.err


def test_an_interrupted_run_is_finished_by_the_next_one(cli, tmp_path):
    path = tmp_path / "batch.jsonl"
    path.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), encoding="utf-8")
    assert cli("ingest", str(path)).returncode == 0  # stored, nothing analysed (as after a kill)
    assert cli.json("status")["to_analyse"] == 3
    again = cli("ingest", str(path), env={"PARALLAX_ANALYZE": "1"})
    assert again.returncode == 0
    assert "0 new articles stored" in again.err and "resumed: 3 left by an earlier run analysed and placed" in again.err
    status = cli.json("status")
    assert status["to_analyse"] == status["to_place"] == 0 and status["in_stories"] == 3


def test_compare_of_files_gives_the_stored_story_of_the_same_articles(cli, tmp_path):
    files = []
    for article in ARTICLES[:2]:
        path = tmp_path / f"{article['id']}.json"
        path.write_text(json.dumps([article]), encoding="utf-8")
        files.append(str(path))
    compared = json.loads(cli("compare", *files, "--format", "json").out)
    assert cli("ingest", *files, env={"PARALLAX_ANALYZE": "1"}).returncode == 0
    [story] = cli.json("stories")
    stored = cli.json("story", story["id"])
    assert story["id"].startswith("S") and story["id"] not in {"a1", "a2"}
    compared.pop("id"), stored.pop("id")
    assert compared == stored
