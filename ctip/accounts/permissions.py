"""Permissions and roles, declared in code. A role is a set of permissions; a user holds roles
through assignments that add a scope (an agency, a unit subtree) and a validity period.

The permission constants are in the kernel (ctip.core.permissions), so that every layer can
declare what its views require; the roles that grant them are here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext_lazy as _

from ctip.core.permissions import P


@dataclass(frozen=True)
class Role:
    code: str
    label: Any  # lazy translation
    permissions: frozenset[str]
    scoped_by_agency: bool = True  # records of the assignment's agency (and what it succeeded)

    @property
    def sees_personal_data(self) -> bool:
        return P.VIEW_PERSONAL_DATA in self.permissions


_BASE = {P.VIEW_HOME, P.VIEW_REFERENCE, P.VIEW_DIRECTIVES, P.VIEW_ACTIVITIES, P.VIEW_DASHBOARD}
_AGENCY = _BASE | {
    P.VIEW_OWN_AGENCY,
    P.EDIT_OWN_AGENCY,
    P.EDIT_DIRECTIVES,
    P.EDIT_ACTIVITIES,
    P.CONTRIBUTE_REPORTS,
}

ROLES: dict[str, Role] = {
    r.code: r
    for r in [
        Role(
            "system_admin",
            _("Quản trị hệ thống"),
            frozenset(
                _BASE | {P.MANAGE_REFERENCE, P.VIEW_AUDIT, P.MANAGE_USERS, P.MANAGE_ACCOUNTS}
            ),
            False,
        ),
        Role(
            "standing_office",
            _("Cơ quan Thường trực Ban Chỉ đạo 138"),
            frozenset(
                _AGENCY
                | {
                    P.VIEW_AGGREGATES,
                    P.VIEW_REPORTS,
                    P.COMPILE_REPORTS,
                    P.ISSUE_REPORTS,
                    P.REVIEW_DUPLICATES,
                    P.EXPORT_HTCDS,
                    # The users of its province, not the admin site nor break-glass reads
                    # (MANAGE_USERS): ctip.accounts.stewardship.
                    P.MANAGE_ACCOUNTS,
                }
            ),
            False,
        ),
        Role("agency_officer", _("Cán bộ cơ quan thành viên"), frozenset(_AGENCY)),
        Role(
            "agency_leader",
            _("Lãnh đạo cơ quan thành viên"),
            frozenset(_AGENCY | {P.SIGN_CONTRIBUTIONS}),
        ),
        Role(
            "case_worker",
            _("Cán bộ quản lý hồ sơ nạn nhân"),
            frozenset(_AGENCY | {P.VIEW_VICTIM_CASES, P.EDIT_VICTIM_CASES, P.VIEW_PERSONAL_DATA}),
        ),
        Role(
            "case_supervisor",
            _("Cán bộ giám sát hồ sơ nạn nhân"),
            frozenset(
                _AGENCY
                | {
                    P.VIEW_VICTIM_CASES,
                    P.SUPERVISE_VICTIM_CASES,
                    P.REVIEW_DUPLICATES,
                    P.VIEW_PERSONAL_DATA,
                }
            ),
        ),
        Role(
            "investigator",
            _("Điều tra viên"),
            frozenset(
                _AGENCY
                | {
                    P.VIEW_CRIMINAL_CASES,
                    P.EDIT_CRIMINAL_CASES,
                    P.VIEW_PERSONAL_DATA,
                    P.VIEW_WATCHLIST,
                }
            ),
        ),
        Role(
            "prosecutor",
            _("Kiểm sát viên"),
            frozenset(
                _AGENCY | {P.VIEW_CRIMINAL_CASES, P.EDIT_CRIMINAL_CASES, P.VIEW_PERSONAL_DATA}
            ),
        ),
        Role(
            "judge",
            _("Thẩm phán, thư ký tòa án"),
            frozenset(
                _AGENCY | {P.VIEW_CRIMINAL_CASES, P.EDIT_CRIMINAL_CASES, P.VIEW_PERSONAL_DATA}
            ),
        ),
        Role(
            "leader", _("Lãnh đạo"), frozenset(_BASE | {P.VIEW_AGGREGATES, P.VIEW_REPORTS}), False
        ),
        # A commune officer answers for a territory: the commune and what it succeeded.
        # The commune officer keeps the watchlist of persons at risk (personal data: 2FA).
        Role(
            "commune_officer",
            _("Cán bộ cấp xã"),
            frozenset(_AGENCY | {P.VIEW_WATCHLIST, P.VIEW_PERSONAL_DATA}),
            False,
        ),
    ]
}
