"""Every protocol that loaded, shipped and the user's, with their translations and the
problems found: what the app and the commands offer."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from reflect import paths
from reflect.i18n import _
from reflect.protocol.definition import Protocol, ProtocolError, ProtocolProblem, load_protocol_file
from reflect.protocol.summary import default_folders, protocol_files
from reflect.protocol.translations import translation_differences
from reflect.roles import Role


@dataclass
class ProtocolCatalog:
    """Every protocol that loaded, where it came from, and every problem found.

    Translations (`name.<language>.yaml` beside `name.yaml`) are read the first time one is
    asked for: there are four for every protocol, and reading them all would put a tenth of a
    second on every start for files most sessions never use."""

    protocols: dict[str, Protocol] = field(default_factory=dict)
    sources: dict[str, Path] = field(default_factory=dict)
    found_problems: list[ProtocolProblem] = field(default_factory=list)
    loaded_translations: dict[str, dict[str, Protocol]] = field(default_factory=dict)
    """Protocol id -> language -> the same protocol in that language."""
    pending: dict[str, list[Path]] = field(default_factory=dict)
    """Protocol id -> its translation files not read yet."""

    @property
    def problems(self) -> list[ProtocolProblem]:
        self.read_translations()
        return self.found_problems

    @property
    def translations(self) -> dict[str, dict[str, Protocol]]:
        self.read_translations()
        return self.loaded_translations

    def read_translations(self, protocol_id: str | None = None) -> None:
        """Read the translation files still pending (of one protocol, or of all)."""
        for source_id in [protocol_id] if protocol_id else list(self.pending):
            for path in self.pending.pop(source_id, []):
                self.take(path)

    def _read_translation(self, protocol_id: str, language: str) -> None:
        """Read a protocol's translation into one language: its file named so first
        (name.<language>.yaml), every pending one if that is not it."""
        pending = self.pending.get(protocol_id, [])
        for path in [p for p in pending if p.suffixes[-2:-1] == [f".{language}"]]:
            pending.remove(path)
            self.take(path)
        if language not in self.loaded_translations.get(protocol_id, {}):
            self.read_translations(protocol_id)

    def get(self, protocol_id: str, language: str | None = None) -> Protocol | None:
        """The protocol, in `language` when there is a translation into it."""
        if language:
            self._read_translation(protocol_id, language)
        else:
            self.read_translations(protocol_id)
        if language and language in self.loaded_translations.get(protocol_id, {}):
            return self.loaded_translations[protocol_id][language]
        return self.protocols.get(protocol_id)

    def languages(self, protocol_id: str) -> list[str]:
        """The languages a protocol can be run in, its own first."""
        self.read_translations(protocol_id)
        source = self.protocols.get(protocol_id)
        own = [source.language] if source else []
        return own + sorted(self.loaded_translations.get(protocol_id, {}))

    def of_kind(self, kind: str) -> list[Protocol]:
        return sorted((p for p in self.protocols.values() if p.kind == kind), key=lambda p: p.title)

    def for_role(self, role: Role) -> list[Protocol]:
        """Interview protocols, those written for this role first."""
        interviews = self.of_kind("interview")
        return sorted(interviews, key=lambda p: role not in p.roles)

    def is_user_protocol(self, protocol_id: str) -> bool:
        return self.sources[protocol_id].parent != paths.shipped_protocols_dir()

    def take(self, path: Path) -> None:
        """Read one file: a protocol, a translation of a loaded one, or a problem."""
        try:
            protocol = load_protocol_file(path)
        except ProtocolError as exc:
            self.found_problems += exc.problems
            return
        source = self.protocols.get(protocol.id)
        if source is not None and protocol.language != source.language and \
                protocol.language not in self.loaded_translations.get(protocol.id, {}):
            if differences := translation_differences(source, protocol):
                self.found_problems += [ProtocolProblem(
                    path, None, "", _("as a translation of {source}: {difference}").format(
                        source=self.sources[protocol.id].name, difference=d))
                    for d in differences]
                return
            self.loaded_translations.setdefault(protocol.id, {})[protocol.language] = protocol
            return
        if protocol.id in self.protocols:
            self.found_problems.append(ProtocolProblem(
                path, 1, "id",
                _("id '{id}' is already used by {path}; give this protocol its own "
                  "id").format(id=protocol.id, path=self.sources[protocol.id])))
            return
        self.protocols[protocol.id] = protocol
        self.sources[protocol.id] = path


def load_catalog(folders: list[Path] | None = None) -> ProtocolCatalog:
    """Load shipped then user protocols; a file reusing a loaded id is reported, not loaded.
    A file named like a loaded protocol's file plus a language (`lfs-client.he.yaml`) is kept
    to be read as its translation when one is first asked for."""
    catalog = ProtocolCatalog()
    for folder in folders or default_folders():
        for path in protocol_files(folder):
            base = path.stem.split(".")[0] if "." in path.stem else None
            source_id = next((pid for pid, source in catalog.sources.items()
                              if base and source.stem == base and source.parent == folder), None)
            if source_id is not None:
                catalog.pending.setdefault(source_id, []).append(path)
            else:
                catalog.take(path)
    return catalog
