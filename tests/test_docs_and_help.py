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
