"""Speed settings of the analysis processes: fast matrix kernels, an inference-only maxout, a frozen model heap.

BLIS (thinc's and spaCy's matrix library) picks its kernels by CPU model at start-up. It does
not know this project's machines (AMD family 26) and falls back to its portable C kernels, whose
gemm is about 3x slower than numpy's. The BLIS build in the ``blis`` wheel carries optimised
kernel sets (Haswell, Zen 2, Skylake-X) and exports the functions that load one into its
context, so :func:`use_fast_kernels` loads the best one the CPU can run, checks one product
against numpy, and keeps BLIS. Measured on 200 ECB+ and PolNeAR articles, one core: the spaCy
pipeline took 9.52 s with thinc's products through numpy, 8.85 s with that plus the Skylake-X
kernels under spaCy's parser (its per-state products call BLIS directly, whatever thinc's ops
say), 7.37 s with the Skylake-X kernels everywhere; parses and entities were identical in all
three. Where no kernel set can be loaded, thinc's products go through numpy as before (18.4 ->
28.3 articles/s over the generic kernels).

Why ctypes and not a library: no package or setting selects a BLIS kernel set at run time (the
wheel is built without ``BLIS_ARCH_TYPE`` support).
"""

from __future__ import annotations

import ctypes
import gc
from functools import cache

import numpy
from thinc.api import NumpyOps, get_current_ops, set_current_ops
from thinc.layers import maxout


# Best first: (BLIS configuration, CPU features its kernels need, as numpy names them).
_KERNEL_SETS = (
    ("skx", ("AVX512F", "AVX512DQ", "AVX512BW", "AVX512VL", "FMA3")),
    ("zen2", ("AVX2", "FMA3")),
)


def _cpu_features() -> dict[str, bool]:
    try:
        from numpy._core._multiarray_umath import __cpu_features__
    except ImportError:
        return {}
    return dict(__cpu_features__)


def _blis_library() -> ctypes.CDLL | None:
    try:
        import blis.cy

        library = ctypes.CDLL(blis.cy.__file__)
        library.bli_arch_query_id.restype = ctypes.c_int
        library.bli_arch_string.argtypes = [ctypes.c_int]
        library.bli_arch_string.restype = ctypes.c_char_p
        library.bli_gks_query_cntx.restype = ctypes.c_void_p
    except (ImportError, OSError, AttributeError):
        return None
    return library


def _blis_agrees_with_numpy() -> bool:
    import blis.py

    generator = numpy.random.default_rng(0)
    for m, k, n in ((4, 64, 100), (96, 128, 300)):
        a = generator.standard_normal((m, k)).astype("f")
        b = generator.standard_normal((k, n)).astype("f")
        if not numpy.allclose(blis.py.gemm(a, b), a @ b, rtol=1e-4, atol=1e-3):  # fixed: float32 rounding
            return False
    return True


@cache
def blis_kernels() -> str | None:
    """The BLIS kernel set in use after loading the best one the CPU supports, or None when
    only BLIS's generic kernels are available. Once per process (workers inherit it)."""
    library = _blis_library()
    if library is None:
        return None
    library.bli_init()
    current = library.bli_arch_string(library.bli_arch_query_id()).decode()
    if current != "generic":
        return current
    features = _cpu_features()
    context = ctypes.c_void_p(library.bli_gks_query_cntx())
    for name, needs in _KERNEL_SETS:
        initialise = getattr(library, f"bli_cntx_init_{name}", None)
        if initialise is None or not all(features.get(feature) for feature in needs):
            continue
        # Pack buffers sized for the generic blocks grow on first use (bli_pool_checkout_block).
        initialise(context)
        if _blis_agrees_with_numpy():
            return name
        library.bli_cntx_init_generic(context)
    return None


def use_fast_kernels(choice: str = "auto") -> str:
    """Choose the matrix kernels for models loaded from now on (thinc models keep the ops that
    were current when they were built): "auto", "blis" (as BLIS chose) or "numpy" (the
    ``analyze.gemm`` setting); returns "blis:<kernel set>" or "numpy"."""
    if choice == "blis":
        return "blis:as chosen"
    kernels = blis_kernels() if choice == "auto" else None
    if kernels is not None:
        return f"blis:{kernels}"
    current = get_current_ops()
    if isinstance(current, NumpyOps) and getattr(current, "use_blis", True):
        set_current_ops(NumpyOps(use_blis=False))
    return "numpy"


def freeze_loaded_models() -> None:
    """Move everything alive now (the loaded models and tables) out of the collector's sight.

    Parsing allocates millions of short-lived objects, so the cyclic collector runs often, and
    each full pass walked every object of the loaded models (~9% of the analysis in a profile of
    200 articles; freezing gave +2-3% articles/s). Frozen before workers fork, the collector also
    no longer writes to the shared model pages, which would copy them into every worker.
    """
    gc.collect()
    gc.freeze()


def fast_maxout(nlp) -> int:
    """Give every thinc Maxout layer of the loaded pipeline a forward pass for inference that
    skips what only training uses; returns how many layers were changed.

    thinc's ``ops.maxout`` also returns the index of each winning piece, kept for the backward
    pass, and its Cython loop over pieces is ~9x slower than numpy's elementwise maximum of the
    pieces (1.5 ms vs 0.17 ms for 2,000 tokens x 96 outputs x 3 pieces); the tok2vec layers of
    the tagger/parser and of the NER call it 10 times per batch. The maximum is exact, so the
    analysis is unchanged; training (``is_train``) still takes thinc's own forward.
    """
    changed = 0
    for _, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if model is None or not hasattr(model, "walk"):
            continue
        for node in model.walk():
            if node.name == "maxout" and node._func is maxout.forward:
                node._func = _maxout_for_inference
                changed += 1
    return changed


def _maxout_for_inference(model, X, is_train: bool):
    if is_train or not isinstance(X, numpy.ndarray):
        return maxout.forward(model, X, is_train)
    n_out, pieces = model.get_dim("nO"), model.get_dim("nP")
    W = model.ops.reshape2f(model.get_param("W"), n_out * pieces, model.get_dim("nI"))
    Y = model.ops.gemm(X, W, trans2=True)
    Y += model.ops.reshape1f(model.get_param("b"), n_out * pieces)
    Z = Y.reshape(Y.shape[0], n_out, pieces)
    best = numpy.array(Z[:, :, 0])
    for piece in range(1, pieces):
        numpy.maximum(best, Z[:, :, piece], out=best)

    def backprop(_):
        raise RuntimeError("this maxout layer was set up for inference only")

    return best, backprop
