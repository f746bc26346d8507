"""Who can be interviewed, and the words the UI shows for each role."""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING

from reflect.i18n import N_, _

if TYPE_CHECKING:
    from reflect.models import Informant

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


WITHDRAWN = N_("Withdrawn informant")
"""What an informant who withdrew is called wherever a name would be shown (issue 28): the
gate on their words (reflect.store.words) keeps their pseudonym out too. Here, not there, so
that the home screen's first glance (reflect.method.glance, no SQLAlchemy) names them so."""


def shown_name(pseudonym: str, withdrawn: bool) -> str:
    """An informant's name as screens and documents show it: their pseudonym, or the neutral
    'Withdrawn informant' once they withdrew."""
    return _(WITHDRAWN) if withdrawn else pseudonym


def shown_who(informant: Informant) -> str:
    """An informant (pseudonym, role, withdrawn) as 'Maya (social worker)', or as
    'Withdrawn informant (client)' once they withdrew."""
    return f"{shown_name(informant.pseudonym, informant.withdrawn)} ({Role(informant.role).label})"
