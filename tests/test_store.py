"""The store: migrations, WAL, identity by content hash."""

from __future__ import annotations

import sqlite3

import pytest
from conftest import FIXTURES

from parallax.ingest import read_articles
from parallax.models import Article
from parallax.store import Store, StoreError
from parallax.store.migrations import latest_version


def test_new_store_is_migrated_and_in_wal_mode(tmp_path):
    db = tmp_path / "s.db"
    Store.open(str(db)).close()
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("SELECT MAX(version) FROM schema_versions").fetchone()[0] == latest_version()
    Store.open(str(db)).close()  # opening again applies nothing and keeps working


def test_store_from_a_newer_parallax_is_refused(tmp_path):
    db = tmp_path / "s.db"
    Store.open(str(db)).close()
    with sqlite3.connect(db) as conn:
        conn.execute("INSERT INTO schema_versions VALUES (999, 'future', 'x')")
    with pytest.raises(RuntimeError, match="newer than this Parallax"):
        Store.open(str(db))


def test_add_is_idempotent_and_reports_only_new(tmp_path):
    articles = [a for a in read_articles([str(FIXTURES / "articles.jsonl")]) if isinstance(a, Article)]
    with Store.open(str(tmp_path / "s.db")) as store:
        assert len(store.add_articles(articles)) == 3
        assert store.add_articles(articles) == []
        assert store.count_articles() == 3
        assert store.get_article("wire-1").title == "Oil prices rise after storm shuts platforms"
        internal = store.get_article("wire-1").internal_id
        assert store.get_article(internal[:8]).id == "wire-1"


def test_bad_url_is_a_store_error(tmp_path):
    with pytest.raises(StoreError):
        Store.open("nosuchdialect://x")


def test_reclean_restores_cleaning_from_raw_input(cli):
    import sqlite3 as sq

    assert cli("ingest", str(FIXTURES / "kursk-lexpress.txt"), str(FIXTURES / "atom.xml")).returncode == 0
    before = {r["id"]: cli.json("article", r["id"]) for r in cli.json("articles")}
    assert "0 article(s) would change" in cli("reclean", "--dry-run").err
    with sq.connect(cli.db) as conn:  # as if stored by an older, worse cleaner
        conn.execute("UPDATE articles SET text = 'stale', removed = '[]'")
    assert "2 article(s) would change" in cli("reclean", "--dry-run").err
    assert cli("reclean").returncode == 0
    after = {r["id"]: cli.json("article", r["id"]) for r in cli.json("articles")}
    assert after == before
