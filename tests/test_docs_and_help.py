"""Every command documents itself, and docs/cli.md is generated from that documentation."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import typer.main

from parallax.cli import app

ROOT = Path(__file__).resolve().parents[1]


def test_every_command_has_help(cli):
    names = sorted(typer.main.get_command(app).commands)  # type: ignore[attr-defined]
    assert {"ingest", "articles", "article", "reclean"} <= set(names)
    for name in names:
        result = cli(name, "--help")
        assert result.returncode == 0 and "Usage:" in result.out, name
        assert "--help" in result.out
    assert cli("--help").returncode == 0


def test_generated_cli_docs_are_current():
    spec = importlib.util.spec_from_file_location("generate", ROOT / "docs" / "generate.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    committed = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    assert committed == module.render(), "docs/cli.md is stale: run python docs/generate.py"


def test_the_readme_python_example_runs_as_written(tmp_path, monkeypatch):
    """The README's Python API example, run as written on the two reports of the seed event."""
    import contextlib
    import io
    import re
    import shutil

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    example = re.search(r"```python\n(.*?)```", readme, re.S).group(1)
    folder = tmp_path / "articles"
    folder.mkdir()
    for path in sorted((ROOT / "src" / "parallax" / "examples" / "articles").glob("*.txt")):
        shutil.copy(path, folder)
    monkeypatch.chdir(tmp_path)
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        exec(compile(example, "README.md", "exec"), {})
    lines = printed.getvalue().splitlines()
    assert lines[0] == "2 stored; 0 problems"
    assert re.fullmatch(r"S\d+ .+ 2 articles", lines[1])  # the two reports are one story
    assert any(line.split(" ", 1)[0] in {"agree", "conflict", "differ", "complementary", "single", "updated"}
               for line in lines[2:])
