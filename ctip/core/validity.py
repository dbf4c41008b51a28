"""Validity periods shared by everything that changes over time (units, agencies, rules).

`valid_from` and `valid_to` are both inclusive; an empty bound is open. An event on `d` belongs to
the version with valid_from <= d <= valid_to.
"""

from __future__ import annotations

from datetime import date

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


def valid_on_q(day: date, prefix: str = "") -> Q:
    """The condition "valid on `day`" for a model with valid_from/valid_to (optionally via a FK)."""
    vf, vt = f"{prefix}valid_from", f"{prefix}valid_to"
    return (Q(**{f"{vf}__isnull": True}) | Q(**{f"{vf}__lte": day})) & (
        Q(**{f"{vt}__isnull": True}) | Q(**{f"{vt}__gte": day})
    )


def overlaps_q(start: date, end: date) -> Q:
    """The condition "valid on some day in [start, end]"."""
    return (Q(valid_from__isnull=True) | Q(valid_from__lte=end)) & (
        Q(valid_to__isnull=True) | Q(valid_to__gte=start)
    )


class ValidityQuerySet(models.QuerySet):
    def valid_on(self, day: date) -> ValidityQuerySet:
        return self.filter(valid_on_q(day))

    def overlapping(self, start: date, end: date) -> ValidityQuerySet:
        return self.filter(overlaps_q(start, end))


class Validity(models.Model):
    valid_from = models.DateField(_("hiệu lực từ"), null=True, blank=True)
    valid_to = models.DateField(_("hiệu lực đến"), null=True, blank=True)

    class Meta:
        abstract = True

    def is_valid_on(self, day: date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or day <= self.valid_to
        )


class ValidityManager(models.Manager.from_queryset(ValidityQuerySet)):  # type: ignore[misc]
    pass
