"""Every protocol that loaded, shipped and the user's, with their translations and the
problems found: what the app and the commands offer."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from reflect import paths
from reflect.protocol.definition import Protocol, ProtocolError, ProtocolProblem, load_protocol_file
from reflect.protocol.translations import translation_differences
from reflect.roles import Role


@dataclass
class ProtocolCatalog:
    """Every protocol that loaded, where it came from, and every problem found."""

    protocols: dict[str, Protocol] = field(default_factory=dict)
    sources: dict[str, Path] = field(default_factory=dict)
    problems: list[ProtocolProblem] = field(default_factory=list)
    translations: dict[str, dict[str, Protocol]] = field(default_factory=dict)
    """Protocol id -> language -> the same protocol in that language."""

    def get(self, protocol_id: str, language: str | None = None) -> Protocol | None:
        """The protocol, in `language` when there is a translation into it."""
        if language and language in self.translations.get(protocol_id, {}):
            return self.translations[protocol_id][language]
        return self.protocols.get(protocol_id)

    def languages(self, protocol_id: str) -> list[str]:
        """The languages a protocol can be run in, its own first."""
        source = self.protocols.get(protocol_id)
        own = [source.language] if source else []
        return own + sorted(self.translations.get(protocol_id, {}))

    def of_kind(self, kind: str) -> list[Protocol]:
        return sorted((p for p in self.protocols.values() if p.kind == kind), key=lambda p: p.title)

    def for_role(self, role: Role) -> list[Protocol]:
        """Interview protocols, those written for this role first."""
        interviews = self.of_kind("interview")
        return sorted(interviews, key=lambda p: role not in p.roles)

    def is_user_protocol(self, protocol_id: str) -> bool:
        return self.sources[protocol_id].parent != paths.shipped_protocols_dir()


def load_catalog(folders: list[Path] | None = None) -> ProtocolCatalog:
    """Load shipped then user protocols; a file reusing a loaded id is reported, not loaded."""
    if folders is None:
        folders = [paths.shipped_protocols_dir(), paths.user_protocols_dir()]
    catalog = ProtocolCatalog()
    for folder in folders:
        files = [*folder.glob("*.yaml"), *folder.glob("*.yml")] if folder.is_dir() else []
        # name.yaml (the source) before name.he.yaml (its translations)
        for path in sorted(files, key=lambda f: (f.stem.count("."), f.name)):
            try:
                protocol = load_protocol_file(path)
            except ProtocolError as exc:
                catalog.problems += exc.problems
                continue
            source = catalog.protocols.get(protocol.id)
            if source is not None and protocol.language != source.language and \
                    protocol.language not in catalog.translations.get(protocol.id, {}):
                if differences := translation_differences(source, protocol):
                    catalog.problems += [ProtocolProblem(path, None, "", f"as a translation of "
                                                         f"{catalog.sources[protocol.id].name}: "
                                                         f"{d}") for d in differences]
                    continue
                catalog.translations.setdefault(protocol.id, {})[protocol.language] = protocol
                continue
            if protocol.id in catalog.protocols:
                catalog.problems.append(ProtocolProblem(
                    path, 1, "id",
                    f"id '{protocol.id}' is already used by {catalog.sources[protocol.id]}; "
                    "give this protocol its own id"))
                continue
            catalog.protocols[protocol.id] = protocol
            catalog.sources[protocol.id] = path
    return catalog
