"""What every write to a criminal case checks: the error they raise, who may edit the case,
issued reports' locked periods, country codes, counts and the lengths of suspects' texts."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.utils.translation import gettext as _

from ctip.core.bounds import MAX_COUNT, MAX_TEXT
from ctip.core.validators import check_text, show_number
from ctip.enforcement.models import CriminalCase
from ctip.enforcement.selectors import criminal_cases_editable
from ctip.periods import locks


class EnforcementError(ValueError):
    pass


def guard(model: Any, points: list[tuple[date, int]], reason: str) -> locks.Lock | None:
    try:
        return locks.guard(model=model, points=points, reason=reason)
    except locks.LockedPeriodError as exc:
        raise EnforcementError(str(exc)) from exc


def check_editor(acting_user: Any, case: CriminalCase) -> None:
    """Services refuse whoever is not an investigator of the owning police agency, whatever the
    caller checked."""

    if not criminal_cases_editable(acting_user).filter(pk=case.pk).exists():
        raise EnforcementError(
            _("Chỉ điều tra viên của cơ quan Công an thụ lý được sửa vụ án %(number)s.")
            % {"number": case.number}
        )


def country_error(code: str) -> str:
    return _("Không nhận ra nước “%(code)s”; chọn nước trong danh sách.") % {"code": code}


def too_many() -> str:
    return _("Số đối tượng và số nạn nhân tối đa %(max)s.") % {"max": show_number(MAX_COUNT)}


def check_suspect_texts(values: dict[str, Any]) -> None:
    limits = {"full_name": 200, "identity_document": 100, "address": MAX_TEXT}
    for name, limit in limits.items():
        check_text(values.get(name), max_length=limit, error=EnforcementError)
