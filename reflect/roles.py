"""Who can be interviewed, and the words the UI shows for each role."""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    SOCIAL_WORKER = "social_worker"
    CLIENT = "client"
    FAMILY_MEMBER = "family_member"
    SUPERVISOR = "supervisor"
    OTHER_PROFESSIONAL = "other_professional"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ")
