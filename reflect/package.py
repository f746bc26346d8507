"""Files shipped inside the `reflect` package, found through importlib.resources.

The package's own loader says where they are, never a path each module computes from its own
file name. reflect needs them as real files (Typst reads fonts, Alembic reads revisions, gettext
reads catalogs by path), which pip and a checkout both give; a zipped install is refused with a
clear message. Imports nothing of reflect, so every module may use it.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def package_file(*parts: str) -> Path:
    """A file or folder inside the installed `reflect` package, e.g. ("locale",)."""
    found = resources.files("reflect").joinpath(*parts)
    if not isinstance(found, Path):
        raise RuntimeError("reflect is installed zipped; install it unpacked (pip does) so its "
                           f"shipped files can be read: {'/'.join(parts)}")
    return found
