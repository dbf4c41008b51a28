"""Reads over prevention records, scoped to the user."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from ctip.accounts.scope import scoped
from ctip.agencies.models import Agency
from ctip.agencies.selectors_scope import agencies_acting_for
from ctip.core.permissions import P
from ctip.prevention.models import Activity


def activities_visible(user: Any) -> QuerySet[Activity]:
    """Own agency's (and its predecessors') activities; territorial roles see their territory."""
    qs = Activity.objects.select_related("agency", "unit")
    return scoped(qs, user, P.VIEW_ACTIVITIES, agency_field="agency", unit_field="unit")


def activities_editable(user: Any) -> QuerySet[Activity]:
    return Activity.objects.filter(agency__in=agencies_recordable_by(user))


def agencies_recordable_by(user: Any) -> QuerySet[Agency]:
    """Agencies the user records activities for: their own and those it succeeded."""
    return agencies_acting_for(user, P.EDIT_ACTIVITIES)
