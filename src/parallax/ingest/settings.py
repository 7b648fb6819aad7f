"""Settings of the ingest stage (the ``[ingest]`` block of the config)."""

from __future__ import annotations

from parallax import registry
from parallax.config import Settings, setting


@registry.settings.register("ingest")
class IngestSettings(Settings):
    batch: int = setting("Articles stored per transaction: an interrupted ingest keeps every committed batch.")
