"""The wheel's compiled catalogs: every reflect/locale/<language>/LC_MESSAGES/reflect.po is
compiled to reflect.mo when the wheel is built (hatchling runs this hook; pyproject.toml names
it). The .mo files are not kept in git: the .po files are the source translators edit, and a
binary copy beside each would go stale with every edit and conflict in every merge. A checkout
(`python3 run.py`, an editable install) compiles them when first used instead (reflect.i18n).
"""

from __future__ import annotations

import io
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


def compile_catalog(po: Path) -> bytes:
    """The .po compiled as reflect.i18n.compiled does (fuzzy entries left out)."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with po.open("rb") as handle:
        catalog = read_po(handle)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    return buffer.getvalue()


class CatalogsHook(BuildHookInterface):  # type: ignore[type-arg]
    PLUGIN_NAME = "catalogs"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel" or version == "editable":
            return  # an editable install reads the checkout, which compiles on first use
        self._folder = tempfile.TemporaryDirectory(prefix="reflect-catalogs-")
        locale = Path(self.root) / "reflect" / "locale"
        for po in sorted(locale.glob("*/LC_MESSAGES/reflect.po")):
            relative = po.relative_to(self.root).with_suffix(".mo")
            built = Path(self._folder.name) / relative
            built.parent.mkdir(parents=True, exist_ok=True)
            built.write_bytes(compile_catalog(po))
            build_data["force_include"][str(built)] = relative.as_posix()

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        folder = getattr(self, "_folder", None)
        if folder is not None:
            folder.cleanup()
