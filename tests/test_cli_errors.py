"""Bad input: a clear one-line error naming the file and the problem, exit 1, nothing lost."""

from __future__ import annotations

import pytest
from conftest import FIXTURES


@pytest.fixture
def stored(cli):
    """A store that already holds articles, to prove bad input never loses them."""
    assert cli("ingest", str(FIXTURES / "articles.json")).returncode == 0
    assert cli.count() == 2
    return cli


def _bad_files(tmp_path):
    files = {}
    files["empty"] = (tmp_path / "empty.txt", b"", "empty file")
    files["blank"] = (tmp_path / "blank.txt", b"  \n\n \t\n", "empty file")
    files["binary"] = (tmp_path / "image.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "PNG image")
    files["nul"] = (tmp_path / "data.bin", b"abc\x00\x01\x02def" * 100, "binary")
    files["not-xml-feed"] = (FIXTURES / "not-a-feed.rss", None, "not XML")
    files["html-no-article"] = (FIXTURES / "no-article.html", None, "no article text")
    files["broken-feed"] = (tmp_path / "broken.xml", b'<?xml version="1.0"?><rss version="2.0"><channel><title>x</title><item><title>a', "malformed")
    files["other-xml"] = (tmp_path / "config.xml", b'<?xml version="1.0"?><config><a>1</a></config>', "neither an RSS nor an Atom feed")
    files["json-array-of-numbers"] = (tmp_path / "nums.json", b"[42]", "expected a JSON object")
    files["bad-json-doc"] = (tmp_path / "broken.json", b'[{"title": "x", "text": "y"', "malformed JSON")
    files["huge"] = (tmp_path / "huge.txt", None, "too large")
    return files


@pytest.mark.parametrize(
    "case",
    ["empty", "blank", "binary", "nul", "not-xml-feed", "html-no-article", "broken-feed", "other-xml",
     "json-array-of-numbers", "bad-json-doc", "huge"],
)
def test_bad_file_gives_one_line_error_and_loses_nothing(stored, tmp_path, case):
    path, content, expected = _bad_files(tmp_path)[case]
    if case == "huge":
        with path.open("wb") as out:  # 50 MB of plain text
            line = b"All work and no play makes a very long article that nobody should ingest.\n"
            for _ in range(50 * 1024 * 1024 // len(line) + 1):
                out.write(line)
    elif content is not None:
        path.write_bytes(content)
    result = stored("ingest", str(path))
    assert result.returncode == 1
    errors = [line for line in result.err.splitlines() if line.startswith("error:")]
    assert len(errors) == 1, result.err
    assert str(path) in errors[0] and expected.lower() in errors[0].lower(), errors[0]
    assert stored.count() == 2
    assert {r["id"] for r in stored.json("articles")} == {"arr-1", "arr-2"}


def test_mixed_batch_stores_good_reports_every_bad_line(stored):
    result = stored("ingest", str(FIXTURES / "mixed.jsonl"))
    assert result.returncode == 1
    errors = [line for line in result.err.splitlines() if line.startswith("error:")]
    assert len(errors) == 3, result.err
    assert "mixed.jsonl line 2: malformed JSON" in errors[0]
    assert "mixed.jsonl line 3: needs a non-empty 'text' or 'html' field" in errors[1]
    assert "mixed.jsonl line 4: field 'published': 'last Tuesday' is not an ISO 8601 date" in errors[2]
    assert {r["id"] for r in stored.json("articles")} == {"arr-1", "arr-2", "good-1", "good-2"}


def test_wrong_field_types_name_the_field(cli, tmp_path):
    path = tmp_path / "types.jsonl"
    path.write_text(
        '{"title": ["not", "a", "string"], "text": "body"}\n'
        '{"title": "t", "text": "body", "language": "klingon-ish"}\n'
        '"just a string"\n'
    )
    result = cli("ingest", str(path))
    assert result.returncode == 1
    assert "line 1: field 'title'" in result.err
    assert "line 2: field 'language': 'klingon-ish' is not an ISO 639 language code" in result.err
    assert "line 3: expected a JSON object, got str" in result.err
    assert cli.count() == 0


def test_missing_path_is_reported_and_others_still_ingested(cli, tmp_path):
    result = cli("ingest", str(tmp_path / "nope.txt"), str(FIXTURES / "rss091.xml"))
    assert result.returncode == 1
    assert f"{tmp_path / 'nope.txt'}: no such file or directory" in result.err
    assert cli.count() == 1


def test_latin1_and_utf16_are_decoded(cli, tmp_path):
    latin = tmp_path / "latin1.txt"
    latin.write_bytes("Élection à Zürich\n\nLes électeurs de Zürich ont élu un nouveau maire, a annoncé la télévision publique.\n".encode("latin-1"))
    utf16 = tmp_path / "utf16.jsonl"
    utf16.write_bytes('{"id": "u16", "title": "Привет из Киева", "text": "Министр иностранных дел заявил в понедельник, что Украина готова."}\n'.encode("utf-16"))
    result = cli("ingest", str(latin), str(utf16))
    assert result.returncode == 0, result.err
    assert f"{latin}: not UTF-8; decoded as" in result.err  # one-line notice, not silence
    titles = {r["title"] for r in cli.json("articles")}
    assert titles == {"Élection à Zürich", "Привет из Киева"}
    assert cli.json("article", "u16")["language"] == "ru"


def test_invalid_utf8_line_in_jsonl_is_reported_with_its_line(cli, tmp_path):
    path = tmp_path / "bad-encoding.jsonl"
    path.write_bytes(
        b'{"id": "ok", "title": "fine", "text": "A fine article body."}\n'
        b'{"id": "x", "title": "caf\xe9", "text": "t"}\n'
        b'{"id": "ok2", "title": "also fine", "text": "Another fine article body."}\n'
    )
    result = cli("ingest", str(path))
    assert result.returncode == 1
    assert "bad-encoding.jsonl line 2: not valid UTF-8 (byte 26)" in result.err
    assert {r["id"] for r in cli.json("articles")} == {"ok", "ok2"}


def test_usage_errors_exit_2(cli):
    assert cli("ingest").returncode == 2
    assert cli("ingest", "x", "--format", "yaml").returncode == 2
    assert cli("no-such-command").returncode == 2


def test_unusable_store_is_a_clear_error(cli, tmp_path):
    result = cli("articles", "--db", str(tmp_path / "missing-dir" / "x.db"))
    assert result.returncode == 2
    assert "does not exist" in result.err
    not_a_db = tmp_path / "notes.db"
    not_a_db.write_text("these are notes, not a database\n" * 100)
    result = cli("articles", "--db", str(not_a_db))
    assert result.returncode == 2 and "cannot open store" in result.err


def test_unknown_article_id(cli):
    cli("ingest", str(FIXTURES / "rss091.xml"))
    result = cli("article", "does-not-exist")
    assert result.returncode == 1 and "no article with id 'does-not-exist'" in result.err


def test_an_internal_error_is_one_line_that_says_it_is_a_bug(cli, monkeypatch):
    from parallax.app import Parallax

    def broken(self):
        raise KeyError("c6126af8b8d61b17")

    monkeypatch.setattr(Parallax, "status", broken)
    result = cli("status")
    assert result.returncode == 3
    assert result.err.count("\n") == 1 and "internal error (KeyError" in result.err and "bug" in result.err
    assert "Traceback" not in result.err
