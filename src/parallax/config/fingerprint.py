"""What a stage's output depends on besides its settings: its own code and the models it loads.

A stored analysis or story membership records the hash of (settings, code, models) it was made
with; when any of them changes, the record is stale and the next run redoes it. Hashing the
installed source files instead of a hand-bumped version number means an upgrade that changes a
stage is noticed, and one that does not change it (a web fix) leaves the stored work alone.
"""

from __future__ import annotations

import hashlib
from functools import cache
from importlib import metadata
from importlib.resources import files


@cache
def code_hash(package: str) -> str:
    """sha256 over the Python sources (and shipped data files) of ``package`` and its subpackages,
    in a fixed order, read from the installed package."""
    digest = hashlib.sha256()
    root = files(package)

    def walk(node, prefix: str) -> None:
        for child in sorted(node.iterdir(), key=lambda c: c.name):
            name = f"{prefix}/{child.name}"
            if child.is_dir():
                if child.name != "__pycache__":
                    walk(child, name)
            elif not child.name.endswith((".pyc", ".pyo")):
                digest.update(name.encode())
                digest.update(child.read_bytes())

    walk(root, package)
    return digest.hexdigest()


# Modules outside the stage packages whose contents change what the stages output: the shared word
# lists (number words, scales, hedges, units) that analysis, clustering and comparison all read.
SHARED_MODULES = ("lexicon.py",)


@cache
def shared_hash() -> str:
    """sha256 over :data:`SHARED_MODULES`, read from the installed package."""
    digest = hashlib.sha256()
    for name in SHARED_MODULES:
        digest.update(name.encode())
        digest.update(files("parallax").joinpath(name).read_bytes())
    return digest.hexdigest()


def package_version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "absent"
