"""Settings of the compare stage (the ``[compare]`` block of the config)."""

from __future__ import annotations

from parallax import registry
from parallax.config import Settings, setting


@registry.settings.register("compare")
class CompareSettings(Settings):
    brief_shared_sentences: int = setting("Sentences most outlets share that open the brief.")
