"""Settings of the analysis stage (the ``[analyze]`` block of the config)."""

from __future__ import annotations

from parallax import registry
from parallax.config import Settings, setting


class ClaimSettings(Settings):
    kinds: list[str] = setting(
        "Claim extractors run, in this order; of two claims of one kind on one span the earlier one's is kept.")


@registry.settings.register("analyze")
class AnalyzeSettings(Settings):
    extractors: list[str] = setting(
        "Extractors run over each parsed article, in this order; each reads what earlier ones found.")
    max_chars: int = setting(
        "Characters of an article that are analysed; news is far shorter, the cap keeps one pathological "
        "input from exhausting memory.")
    batch: int = setting("Articles analysed together in one process.", output=False)
    pool_batch: int = setting(
        "Articles handed to a worker process at a time: small, so that no worker idles at the end.", output=False)
    pipe_batch: int = setting(
        "Documents spaCy parses together.", tuned="measured: 32 long articles peaked near 950 MB, 4 near 400 MB "
        "at the same speed", output=False)
    gemm: str = setting(
        "Matrix kernels of the models: auto (the fastest BLIS kernels this CPU runs), numpy, or blis (as BLIS "
        "starts). The analysis is the same with each; only the speed differs. Also PARALLAX_GEMM.", output=False)
    claims: ClaimSettings
