"""Agencies a user may act for."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db.models import QuerySet

from ctip.accounts.permissions import P
from ctip.accounts.scope import scoped
from ctip.agencies.models import Agency


def agencies_editable_by(user: Any) -> QuerySet[Agency]:
    """Own agencies in force today (an officer of a successor also keeps its predecessors'
    records, but a dissolved agency's contact details are history, not edited)."""
    own = scoped(Agency.objects.all(), user, P.EDIT_OWN_AGENCY, agency_field="pk", unit_field=None)
    return own.valid_on(date.today())  # type: ignore[attr-defined]


def access_agency_for_edit(user: Any, pk: Any) -> Agency:
    from ctip.core.access import access_object

    return access_object(agencies_editable_by(user), pk)  # type: ignore[return-value]
