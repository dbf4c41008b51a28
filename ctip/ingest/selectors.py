"""Reads of readings and their drafts, scoped to the user: the readings of the agencies the user
records activities for (their own and those it succeeded), empty for anyone else."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from ctip.core.access import access_object
from ctip.ingest.models import DraftActivity, DraftCase, Reading
from ctip.prevention.selectors import agencies_recordable_by


def readings_visible(user: Any) -> QuerySet[Reading]:
    return Reading.objects.filter(agency__in=agencies_recordable_by(user)).select_related("agency")


def access_reading(user: Any, pk: Any) -> Reading:
    """One reading the user may see, or 404 (missing and forbidden alike)."""
    return access_object(readings_visible(user), pk)


def access_draft(user: Any, pk: Any) -> DraftActivity:
    drafts = DraftActivity.objects.filter(reading__in=readings_visible(user)).select_related(
        "reading__agency"
    )
    return access_object(drafts, pk)


def access_draft_case(user: Any, pk: Any) -> DraftCase:
    drafts = DraftCase.objects.filter(reading__in=readings_visible(user)).select_related(
        "reading__agency"
    )
    return access_object(drafts, pk)
