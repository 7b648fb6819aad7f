"""Parallax: read the news the way a careful editor does.

The package is a one-way pipeline: ``ingest -> analyze -> cluster -> compare -> present``.
Each stage is a subpackage with a narrow, typed interface (the dataclasses in
:mod:`parallax.models`); I/O lives only at the edges (:mod:`parallax.store`, :mod:`parallax.cli`).
"""

__version__ = "0.1.0"

__all__ = ["Parallax", "__version__"]


def __getattr__(name: str):
    # The application object imports every stage: loaded on first use, so that `import parallax`
    # (and the CLI's start) stays cheap.
    if name == "Parallax":
        from parallax.app import Parallax

        return Parallax
    raise AttributeError(f"module 'parallax' has no attribute {name!r}")
