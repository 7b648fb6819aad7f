"""The code's structure holds: stages import only upstream, no cycles, no hidden thresholds.

- Import direction: ingest ← analyze ← cluster ← compare ← present / store ← app ← web / cli; no stage
  imports the store, the app, the web app or the CLI; the web app never imports the CLI.
- No import cycles between modules (module-level imports).
- No numeric literal used as a threshold, weight, window or list size in a stage module: every
  such value is a named setting of ``default.cfg``. A literal that is a fact, not a choice (the
  days of a week, Dice's 2), says so on its line with ``# fixed: <why>``.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "parallax"
LAYERS = {
    "models": 0, "registry": 0, "lexicon": 0, "config": 0,
    "ingest": 1, "analyze": 2, "cluster": 3, "compare": 4, "present": 5, "llm": 5,
    "store": 6, "pipeline": 7, "app": 7, "training": 7, "web": 8, "cli": 8, "__main__": 9,
}
STAGES = ("analyze", "cluster", "compare")


def modules() -> dict[str, Path]:
    out = {}
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(PACKAGE).with_suffix("").parts
        name = ".".join(("parallax", *parts)).removesuffix(".__init__")
        out[name] = path
    return out


def imports(path: Path, module_level_only: bool = False) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    nodes = tree.body if module_level_only else ast.walk(tree)
    found = set()
    for node in nodes:
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("parallax"):
            found.add(node.module)
            found |= {f"{node.module}.{alias.name}" for alias in node.names}
        elif isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names if alias.name.startswith("parallax")}
    return found


def top(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def test_every_top_level_module_has_a_layer():
    assert {top(m) for m in modules()} - {"__init__"} <= set(LAYERS)


def test_no_stage_imports_one_downstream_of_it_and_the_web_app_never_imports_the_cli():
    known = modules()
    wrong = []
    for module, path in known.items():
        here = top(module)
        if here == "__init__":
            continue
        for target in imports(path):
            if target not in known:
                continue  # a name imported from a module, counted through its module
            there = top(target)
            if there == "__init__" or there == here:
                continue
            # The config finds each stage's settings schema (and a stage's models, for its hash).
            if here == "config" and target.endswith((".settings", ".pipeline")):
                continue
            if LAYERS[there] > LAYERS[here] or (here == "web" and there == "cli"):
                wrong.append(f"{module} imports {target}")
    assert wrong == []
    # The rule sees imports at all: compare reads the analysis, the CLI reads the app.
    assert "parallax.analyze.models" in imports(known["parallax.compare.models"])
    assert any(t.startswith("parallax.app") for t in imports(known["parallax.cli.options"]))


def test_there_are_no_import_cycles():
    known = modules()
    graph = {m: {t for t in imports(p, module_level_only=True) if t in known and t != m} for m, p in known.items()}
    seen, on_path, cycles = set(), [], []

    def visit(node: str) -> None:
        if node in on_path:
            cycles.append(on_path[on_path.index(node):] + [node])
            return
        if node in seen:
            return
        seen.add(node)
        on_path.append(node)
        for target in sorted(graph[node]):
            # "from parallax.x import y" where y is a submodule: the package is imported first
            visit(target)
        on_path.pop()

    for module in sorted(graph):
        visit(module)
    # A package importing its own submodule to register it is not a cycle unless the submodule
    # needs the package's names back at import time.
    real = [c for c in cycles if not all(b.startswith(a + ".") or a.startswith(b + ".") for a, b in zip(c, c[1:]))]
    assert real == []


# -- literals ---------------------------------------------------------------------------------


def literal_findings(source: str) -> list[tuple[int, object, str]]:
    """Numeric literals in ``source`` that look like a threshold, weight, window or list size:
    any float but 0.0 and 1.0; an integer of 2 or more compared with, sliced with or computed
    with; any number a module-level name or a parameter default is set to. Lines marked
    ``# fixed:`` are facts, not choices."""
    tree = ast.parse(source)
    lines = source.splitlines()
    parents = {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
    module_level = {id(node) for node in tree.body}
    defaults = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            defaults |= {id(d) for d in node.args.defaults + node.args.kw_defaults if d is not None}
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Constant) or isinstance(node.value, bool) or not isinstance(node.value, (int, float)):
            continue
        if "# fixed:" in lines[node.lineno - 1]:
            continue
        value = node.value
        parent = parents.get(node)
        while isinstance(parent, ast.UnaryOp):
            node, parent = parent, parents.get(parent)
        holder = parent
        while holder is not None and id(holder) not in module_level:
            holder = parents.get(holder)
        if isinstance(value, float) and value not in (0.0, 1.0):
            kind = "float"
        elif id(node) in defaults and value not in (0, 1, -1):
            kind = "parameter default"
        elif holder is not None and isinstance(holder, (ast.Assign, ast.AnnAssign)) and value not in (0, 1, -1):
            kind = "module-level constant"
        elif isinstance(parent, (ast.Compare, ast.Slice, ast.BinOp, ast.AugAssign)) and abs(value) >= 2:
            kind = type(parent).__name__
        else:
            continue
        found.append((node.lineno, value, kind))
    return sorted(found, key=lambda f: f[0])


def stage_sources() -> dict[str, Path]:
    return {name: path for name, path in modules().items()
            if top(name) in STAGES and not name.endswith(".settings")}


def test_the_literal_rule_catches_what_it_must():
    sample = (
        "LIMIT = 40\n"
        "def f(x, window=5):\n"
        "    if x.score > 0.18:\n"
        "        return x.items[:3]\n"
        "    half = x.n / 2  # fixed: a pair has two ends\n"
        "    return len(x) >= 2 and half\n"
    )
    kinds = [(line, kind) for line, _, kind in literal_findings(sample)]
    assert kinds == [(1, "module-level constant"), (2, "parameter default"), (3, "float"), (4, "Slice"),
                     (6, "Compare")]
    # The stage modules are really read: hundreds of numbers, most of them settings or marked facts.
    sources = stage_sources()
    assert len(sources) > 30
    numbers = sum(1 for path in sources.values() for node in ast.walk(ast.parse(path.read_text()))
                  if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)))
    assert numbers > 300


@pytest.mark.parametrize("module", sorted(stage_sources()))
def test_no_threshold_or_weight_is_a_literal_in_a_stage_module(module):
    findings = literal_findings(stage_sources()[module].read_text(encoding="utf-8"))
    assert findings == [], f"{module}: make these settings in default.cfg (or mark a fact '# fixed: why')"
