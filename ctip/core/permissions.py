"""Permission constants, declared in code. Views declare the one they require
(ctip.core.access); roles, the sets of permissions users hold through assignments, are
ctip.accounts.permissions. The constants live in the kernel so that every layer, reference data
included, can declare its views without importing the accounts app above it.
"""

from __future__ import annotations


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
    # De-identified victim-case records in the HTCDS standard (k-anonymous; issue 26).
    EXPORT_HTCDS = "victims.export_htcds"
    MANAGE_USERS = "users.manage"  # the admin site's user pages, break-glass reads
    # ctip's own user pages (/nguoi-dung/), within the holder's reach: a system administrator
    # everyone, a standing office the users of its province (ctip.accounts.stewardship).
    MANAGE_ACCOUNTS = "users.manage_accounts"


ALL_PERMISSIONS = frozenset(v for k, v in vars(P).items() if k.isupper())
