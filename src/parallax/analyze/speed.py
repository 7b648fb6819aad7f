"""Speed settings of the analysis processes: numpy matrix products, a frozen model heap.

Thinc's matrix products run through numpy instead of BLIS.

Measured on this project's machines: BLIS selects its generic kernel on these CPUs and its
gemm is about 3x slower than numpy's; en_core_web_sm over 300 ECB+ articles on one core went from
18.4 to 28.3 articles/s with byte-identical entities and parses. ``use_numpy_gemm`` must run
before models load, because thinc models keep the ops that were current when they were built.
"""

from __future__ import annotations

import gc
import os

from thinc.api import NumpyOps, get_current_ops, set_current_ops

ENV = "PARALLAX_BLIS"  # set to 1 to keep thinc's default BLIS kernels


def use_numpy_gemm() -> None:
    if os.environ.get(ENV) == "1":
        return
    current = get_current_ops()
    if isinstance(current, NumpyOps) and getattr(current, "use_blis", True):
        set_current_ops(NumpyOps(use_blis=False))


def freeze_loaded_models() -> None:
    """Move everything alive now (the loaded models and tables) out of the collector's sight.

    Parsing allocates millions of short-lived objects, so the cyclic collector runs often, and
    each full pass walked every object of the loaded models (~9% of the analysis in a profile of
    200 articles; freezing gave +2-3% articles/s). Frozen before workers fork, the collector also
    no longer writes to the shared model pages, which would copy them into every worker.
    """
    gc.collect()
    gc.freeze()
