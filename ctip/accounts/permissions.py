"""Permissions and roles, declared in code. A role is a set of permissions; a user holds roles
through assignments that add a scope (an agency, a unit subtree) and a validity period.

Later issues add permissions here; views declare the one they require (see ctip.core.access).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext_lazy as _


class P:
    """Permission constants. Values are stable strings stored nowhere but in code."""

    VIEW_HOME = "home.view"
    VIEW_DASHBOARD = "dashboard.view"  # figures of the own scope (panels by role)
    VIEW_REFERENCE = "reference.view"  # units, agencies, rules (public reference data)
    MANAGE_REFERENCE = "reference.manage"
    VIEW_OWN_AGENCY = "agency.view_own"
    EDIT_OWN_AGENCY = "agency.edit_own"
    VIEW_AGGREGATES = "aggregates.view"  # province-wide figures, never personal data
    VIEW_REPORTS = "reports.view"
    COMPILE_REPORTS = "reports.compile"
    ISSUE_REPORTS = "reports.issue"  # take a number from the register and freeze the report
    CONTRIBUTE_REPORTS = "reports.contribute"  # draft the own agency's part of a report
    SIGN_CONTRIBUTIONS = "reports.sign_contribution"  # an agency leader signs that part off
    VIEW_VICTIM_CASES = "victims.view_cases"
    EDIT_VICTIM_CASES = "victims.edit_cases"
    SUPERVISE_VICTIM_CASES = "victims.supervise"
    # Decide possible duplicates found across agencies, seeing codes and agencies only.
    REVIEW_DUPLICATES = "victims.review_duplicates"
    VIEW_CRIMINAL_CASES = "enforcement.view_cases"
    EDIT_CRIMINAL_CASES = "enforcement.edit_cases"
    VIEW_PERSONAL_DATA = "personal_data.view"
    VIEW_ACTIVITIES = "prevention.view"
    EDIT_ACTIVITIES = "prevention.edit"
    VIEW_DIRECTIVES = "directives.view"
    EDIT_DIRECTIVES = "directives.edit"
    VIEW_WATCHLIST = "watchlist.view"  # persons at risk: personal data
    VIEW_AUDIT = "audit.view"
    MANAGE_USERS = "users.manage"


ALL_PERMISSIONS = frozenset(v for k, v in vars(P).items() if k.isupper())


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
            frozenset(_BASE | {P.MANAGE_REFERENCE, P.VIEW_AUDIT, P.MANAGE_USERS}),
            False,
        ),
        Role(
            "standing_office",
            _("Cơ quan Thường trực"),
            frozenset(
                _AGENCY
                | {
                    P.VIEW_AGGREGATES,
                    P.VIEW_REPORTS,
                    P.COMPILE_REPORTS,
                    P.ISSUE_REPORTS,
                    P.REVIEW_DUPLICATES,
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
