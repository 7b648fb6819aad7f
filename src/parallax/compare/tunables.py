"""The compare settings in force for the report being built.

``build_report`` sets them around its work; the helpers that align claims, group names and write
the brief read them here instead of module constants. Outside a report (a test calling a helper)
they are the shipped defaults.
"""

from __future__ import annotations

from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

_SETTINGS: ContextVar[Any] = ContextVar("parallax_compare_settings", default=None)


def tunables() -> Any:
    """The ``[compare]`` settings in force (CompareSettings)."""
    found = _SETTINGS.get()
    if found is None:
        from parallax.config import default

        found = default()["compare"]
    return found


@contextmanager
def using(settings: Any):
    token = _SETTINGS.set(settings)
    try:
        yield settings
    finally:
        _SETTINGS.reset(token)
