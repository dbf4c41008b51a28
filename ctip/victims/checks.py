"""What writes to a victim case share: the errors they raise, and the refusal of a case outside
the acting user's scope."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from ctip.victims.models import Case
from ctip.victims.selectors import cases_visible


class CaseError(ValueError):
    pass


class ConflictError(CaseError):
    pass


def check_scope(user: Any, case: Case) -> None:
    """Services refuse a case outside the user's scope, whatever the caller checked."""

    if not cases_visible(user).filter(pk=case.pk).exists():
        raise CaseError(_("Không có hồ sơ này."))
