"""Who can be interviewed, and the words the UI shows for each role."""

from __future__ import annotations

from enum import StrEnum

from reflect.i18n import N_, _

_LABELS = {"social_worker": N_("social worker"), "client": N_("client"),
           "family_member": N_("family member"), "supervisor": N_("supervisor"),
           "other_professional": N_("other professional")}


class Role(StrEnum):
    SOCIAL_WORKER = "social_worker"
    CLIENT = "client"
    FAMILY_MEMBER = "family_member"
    SUPERVISOR = "supervisor"
    OTHER_PROFESSIONAL = "other_professional"

    @property
    def label(self) -> str:
        """The role in the interface's language."""
        return _(_LABELS[self.value])


_PRESENT_LABELS = {"interviewer": N_("interviewer"), "co_interviewer": N_("co-interviewer"),
                   "observer": N_("observer"), "interpreter": N_("interpreter")}


class PresentRole(StrEnum):
    """Who else is present at an interview, as the consent record names them."""

    INTERVIEWER = "interviewer"
    CO_INTERVIEWER = "co_interviewer"
    OBSERVER = "observer"
    INTERPRETER = "interpreter"

    @property
    def label(self) -> str:
        return _(_PRESENT_LABELS[self.value])
