"""Agencies named apart in a choice list. Two choices may carry one name: two commune police
of the same name in different districts, or an agency's version before 1/7/2025 beside its
version after (the same name, another territory or time). A list that shows both as "Công an
phường Nguyễn Nghiêm" makes an officer guess; each namesake here gets what tells it apart, in
this order and only what differs within its namesakes: the unit above its own ("Công an phường
Nguyễn Nghiêm (Thành phố Quảng Ngãi)"), its own unit (after the reform communes sit directly
under the province), its time ("từ 01/07/2025", "đến 30/06/2025"), and last its code. A name
with no namesake in the list stays as it is. One query for the units, whatever the length of
the list."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from typing import Any

from django import forms
from django.utils.translation import gettext as _

from ctip.agencies.models import Agency
from ctip.core import formfields as bounded
from ctip.geo.models import Unit


def labels(agencies: Iterable[Agency]) -> dict[int, str]:
    """{pk: the name a choice list shows}, namesakes told apart."""
    found = list(agencies)
    repeated = Counter(a.name for a in found)
    out = {a.pk: a.name for a in found}
    twins = [a for a in found if repeated[a.name] > 1]
    if not twins:
        return out
    places = _places({a.unit_id for a in twins})
    groups: dict[str, list[Agency]] = {}
    for a in twins:
        groups.setdefault(a.name, []).append(a)
    for name, group in groups.items():
        for pk, parts in _told_apart(group, places).items():
            out[pk] = f"{name} ({', '.join(parts)})"
    return out


def _told_apart(group: list[Agency], places: dict[int, tuple[str, str]]) -> dict[int, list[str]]:
    """The words after each namesake's name: the unit above, its own unit, its time, its code,
    each taken only when it differs within the group, until every label differs."""
    tellers = (
        lambda a: places.get(a.unit_id, ("", ""))[0],
        lambda a: places.get(a.unit_id, ("", ""))[1],
        _time,
        lambda a: a.code,
    )
    parts: dict[int, list[str]] = {a.pk: [] for a in group}
    for teller in tellers:
        words = {a.pk: teller(a) for a in group}
        if len(set(words.values())) > 1:
            for a in group:
                if words[a.pk]:
                    parts[a.pk].append(words[a.pk])
        if len({tuple(p) for p in parts.values()}) == len(group):
            break
    return parts


def _places(unit_ids: set[int]) -> dict[int, tuple[str, str]]:
    """{unit id: (the name of the unit above it, its own name)}."""
    rows = Unit.objects.filter(pk__in=unit_ids).values_list("pk", "name", "parent__name")
    return {pk: (parent or "", name) for pk, name, parent in rows}


def _time(agency: Agency) -> str:
    if agency.valid_to is not None:
        return _("đến %(day)s") % {"day": f"{agency.valid_to:%d/%m/%Y}"}
    if agency.valid_from is not None:
        return _("từ %(day)s") % {"day": f"{agency.valid_from:%d/%m/%Y}"}
    return ""


def choices(agencies: Iterable[Agency], *, key: str = "code") -> list[tuple[str, str]]:
    """(key, label) for a ChoiceField, in the order given; `key`: "code" or "pk"."""
    found = list(agencies)
    named = labels(found)
    return [(str(getattr(a, key)), named[a.pk]) for a in found]


class _Iterator(forms.models.ModelChoiceIterator):
    """Django's iterator, the labels worked out over the whole list (namesakes need it)."""

    def __iter__(self) -> Iterator[Any]:
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        found = list(self.queryset)
        named = labels(found)
        for agency in found:
            yield (
                forms.models.ModelChoiceIteratorValue(self.field.prepare_value(agency), agency),
                named[agency.pk],
            )


class AgencyChoiceField(bounded.ModelChoiceField):
    iterator = _Iterator


class AgencyMultipleChoiceField(bounded.ModelMultipleChoiceField):
    iterator = _Iterator
