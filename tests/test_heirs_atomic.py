"""The heirs' refresh is a unit of work of its own: the heirs it rewrites and the rollups it
stops commit together or not at all, whoever calls it (ctip.agencies.derived)."""

from datetime import date

import pytest
from django.utils import timezone

from ctip.agencies import derived
from ctip.agencies.derived import agencies_refresh_heirs
from ctip.agencies.models import Agency
from ctip.core.models import RollupState
from ctip.core.work import unit_of_work
from ctip.dashboard.models import PanelVersion

pytestmark = pytest.mark.django_db
BEFORE_REFORMS = date(2024, 1, 1)  # the labour department is its own heir again: heirs change


def heirs():
    return sorted(Agency.objects.values_list("pk", "heir_id", "rollup_agency_id"))


def rollups_read():
    """Built rollups, which the indicators read (their cells are keyed by heir)."""
    RollupState.objects.create(name="prevention.sessions", built_at=timezone.now())


def fail_after_the_heirs(monkeypatch):
    """The process dies between the heirs' update and the rollups' invalidation."""

    def crash():
        raise RuntimeError("interrupted")

    monkeypatch.setattr(derived, "rollups_invalidate", crash)


def test_a_failure_midway_leaves_the_heirs_and_the_rollups_as_they_were(monkeypatch):
    rollups_read()
    before = heirs()
    fail_after_the_heirs(monkeypatch)
    with pytest.raises(RuntimeError, match="interrupted"):
        agencies_refresh_heirs(today=BEFORE_REFORMS)  # called alone: `ctip shell`
    assert heirs() == before
    assert RollupState.objects.exists()  # still read, and still right: the heirs are the old


def test_inside_a_callers_unit_of_work_a_failure_rolls_back_only_the_refresh(monkeypatch):
    rollups_read()
    before = heirs()
    fail_after_the_heirs(monkeypatch)
    with unit_of_work(audit=False):
        with pytest.raises(RuntimeError, match="interrupted"):
            agencies_refresh_heirs(today=BEFORE_REFORMS)
        # The caller's transaction goes on (a savepoint was rolled back, on PostgreSQL too).
        assert heirs() == before
        assert Agency.objects.count() == len(before)
    assert heirs() == before and RollupState.objects.exists()


def test_called_alone_it_stops_the_rollups_and_every_panel_recomputes():
    rollups_read()
    before = heirs()
    seen = dict(PanelVersion.objects.filter(source="agencies").values_list("scope", "version"))
    assert agencies_refresh_heirs(today=BEFORE_REFORMS) > 0
    assert heirs() != before
    assert not RollupState.objects.exists()  # the records answer until `ctip rollups`
    now = dict(PanelVersion.objects.filter(source="agencies").values_list("scope", "version"))
    assert now.get(0, 0) == seen.get(0, 0) + 1  # the agencies' version everywhere: bumped
    assert agencies_refresh_heirs(today=BEFORE_REFORMS) == 0  # nothing left to change
