"""An agency's dashboard shows only the figures that can count for an agency of its kind
(`Indicator.agency_kinds`, ctip.dashboard.panels.counts_for): the court's judgments are left out
of a police dashboard, not shown as 0 ("no one was convicted"); the investigators' figures are
left out of the court's; a territory dashboard (leaders) shows them all. The new field does not
change what a figure counts, so a province push's definition hash stays as it was."""

from __future__ import annotations

import dataclasses
import re
from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ctip.agencies.models import Agency, Kind
from ctip.enforcement.decision_models import DecisionKind, Penalty, Verdict
from ctip.enforcement.decisions import DECISIONS, SentenceSpec, decision_record
from ctip.enforcement.models import STAGE_OWNER_KIND, Stage
from ctip.enforcement.stages import stage_advance
from ctip.exchange.payload import definition_hash
from ctip.geo.models import Level
from ctip.indicators.registry import REGISTRY
from tests.conftest import NEW, unit
from tests.factories import CriminalCaseFactory
from tests.helpers import add_totp, log_in, make_user

pytestmark = pytest.mark.django_db
PERIOD = "tu=01/07/2025&den=28/11/2026"
DETECTED = "enforcement.cases_detected"
SUSPECTS = "enforcement.suspects"
INSTITUTED = "enforcement.cases_instituted"
TRIED = "enforcement.cases_tried"
CONVICTED = "enforcement.defendants_convicted"
INSPECTIONS = "enforcement.inspections"
COURT = (TRIED, CONVICTED)
POLICE = (DETECTED, SUSPECTS, INSTITUTED)


def label(code: str) -> str:
    return str(REGISTRY[code].label)


@pytest.fixture
def people():
    return {
        "investigator": make_user("dieutra", "investigator", agency="qng-ca-2025"),
        "prosecutor": make_user("kiemsat", "prosecutor", agency="qng-vks-2025"),
        "judge": make_user("toaan", "judge", agency="qng-ta-2025"),
        "leader": make_user("lanhdao", "leader", unit=unit(51, Level.PROVINCE, NEW)),
    }


@pytest.fixture
def judged(people):
    """A case the police detected and instituted, the procuracy indicted and the court judged
    at first instance: one defendant guilty, one not."""
    case = CriminalCaseFactory(
        suspects=[{"full_name": n, "sex": "male"} for n in ("Trương Văn Đen", "Lê Thị Mơ")]
    )
    case = stage_advance(
        case=case,
        to_stage=Stage.INSTITUTED,
        on=date(2025, 9, 5),
        acting_user=people["investigator"],
    )
    case = stage_advance(
        case=case, to_stage=Stage.INDICTED, on=date(2025, 10, 1), acting_user=people["prosecutor"]
    )
    first, second = case.suspects.order_by("pk")
    decision_record(
        case=case,
        kind=DecisionKind.FIRST_INSTANCE,
        number="45/2025/HS-ST",
        on=date(2025, 11, 20),
        sentences=[
            SentenceSpec(
                suspect=first,
                verdict=Verdict.GUILTY,
                charge="trafficking",
                penalty=Penalty.PRISON,
                months=90,
            ),
            SentenceSpec(suspect=second, verdict=Verdict.NOT_GUILTY),
        ],
        acting_user=people["judge"],
    )
    return case


def page(client, user, *, personal: bool = True) -> str:
    log_in(client, user, add_totp(user) if personal else None)
    response = client.get(f"/bang-dieu-khien/?{PERIOD}")
    assert response.status_code == 200, response.content.decode()[:2000]
    return response.content.decode()


def cards(html: str, panel: str) -> dict[str, str]:
    """The panel's headline cards: label -> the value as shown."""
    found = re.search(rf'<section[^>]*id="muc-{panel}".*?</section>', html, re.S)
    assert found, f"no {panel} section"
    pairs = re.findall(
        r'<p class="card-label">(.*?)</p>\s*<p class="card-value">\s*(.*?)\s*<small>',
        found.group(0),
        re.S,
    )
    return {name: value for name, value in pairs}


def charts(html: str, panel: str) -> list[str]:
    """The panel's charts, drawn or withheld by the disclosure rule (each has its download)."""
    found = re.search(rf'<section[^>]*id="muc-{panel}".*?</section>', html, re.S)
    keys = re.findall(rf"/tai/({panel}-\d+)\.csv", found.group(0)) if found else []
    return sorted(set(keys))


# --- the registry -------------------------------------------------------------------------------


def test_every_declared_agency_kind_is_a_real_kind_and_follows_who_takes_the_step():
    kinds = set(Kind.values)
    declared = {code: i.agency_kinds for code, i in REGISTRY.items() if i.agency_kinds}
    assert declared  # the court's and the investigators' figures at least
    for code, values in declared.items():
        assert set(values) <= kinds, code
        assert REGISTRY[code].agency_field, f"{code}: kinds of an agency it does not have"
        assert len(set(values)) == len(values), code
    # The same kinds the workflow asks of the agency that records them.
    for stage in (Stage.INSTITUTED, Stage.INDICTED, Stage.TRIED):
        assert declared[f"enforcement.cases_{stage}"] == (STAGE_OWNER_KIND[stage],)
    assert declared[CONVICTED] == (DECISIONS[DecisionKind.FIRST_INSTANCE].body,) == ("court",)
    assert Kind.COURT not in declared[DETECTED] and Kind.PROCURACY not in declared[DETECTED]


def test_agency_kinds_do_not_enter_the_definition_hash_of_a_push():
    # The hashes these indicators had before the field existed (ctip.exchange.payload).
    before = {
        CONVICTED: "94637ec665bbec39",
        TRIED: "6ca205456331b7cf",
        INSTITUTED: "817d5e98cc2f6149",
        DETECTED: "7f7cad432062b98f",
        "prevention.sessions": "99cdc44fed4a9b1a",
    }
    assert {code: definition_hash(REGISTRY[code]) for code in before} == before
    for code in before:
        indicator = REGISTRY[code]
        for kinds in ((), (Kind.OTHER.value,)):
            changed = dataclasses.replace(indicator, agency_kinds=kinds)
            assert definition_hash(changed) == before[code]


# --- the dashboards -----------------------------------------------------------------------------


def test_a_police_dashboard_leaves_the_courts_figures_out_and_shows_its_own(client, people, judged):
    html = page(client, people["investigator"])
    shown = cards(html, "enforcement")
    for code in COURT:
        assert label(code) not in shown, code  # not a 0 that reads "no one was convicted"
    assert {label(code): shown[label(code)] for code in POLICE} == {
        label(DETECTED): "1",
        label(SUSPECTS): "2",
        label(INSTITUTED): "1",
    }
    assert label(INSPECTIONS) in shown  # any agency inspects
    # Its series and breakdowns of the cases it detected stay, and download.
    assert charts(html, "enforcement") == [f"enforcement-{n}" for n in range(4)]
    download = client.get(f"/bang-dieu-khien/tai/enforcement-0.csv?{PERIOD}")
    assert download.status_code == 200
    assert label(DETECTED) in download.content.decode("utf-8-sig")
    # The watchlist belongs to no agency: a police dashboard would only read 0 there.
    assert 'id="muc-watch"' not in html


def test_a_court_dashboard_shows_its_judgments_and_not_the_investigators_figures(
    client, people, judged
):
    html = page(client, people["judge"])
    shown = cards(html, "enforcement")
    assert {label(code): shown[label(code)] for code in COURT} == {
        label(TRIED): "1",
        label(CONVICTED): "1",
    }
    for code in POLICE:
        assert label(code) not in shown, code
    # The series and breakdowns are of the cases detected: none on the court's page, and no
    # download of them either.
    assert charts(html, "enforcement") == []
    assert client.get(f"/bang-dieu-khien/tai/enforcement-0.csv?{PERIOD}").status_code == 404


def test_a_leaders_territory_dashboard_shows_every_enforcement_figure(client, people, judged):
    """Unchanged by the agency kinds (a territory is no agency): every card, series and
    breakdown, as the police and the court each see only theirs."""
    html = page(client, people["leader"], personal=False)
    shown = cards(html, "enforcement")
    assert {label(code) for code in (*POLICE, *COURT, INSPECTIONS)} <= set(shown)
    assert charts(html, "enforcement") == [f"enforcement-{n}" for n in range(4)]
    assert 'id="muc-watch"' in html
    client.logout()
    police = cards(page(client, people["investigator"]), "enforcement")
    client.logout()
    court = cards(page(client, people["judge"]), "enforcement")
    assert set(police) | set(court) == set(shown) and not set(police) & set(court) - {
        label(INSPECTIONS)
    }


def test_the_scope_knows_its_kind_and_holds_only_what_counts_for_it(people):
    from ctip.dashboard.panels import PANELS, panel_codes, user_scope

    judge = user_scope(people["judge"])
    assert judge is not None and judge.agency_kind == Kind.COURT
    enforcement = next(p for p in judge.panels if p.code == "enforcement")
    assert enforcement.headline == (TRIED, CONVICTED, INSPECTIONS)
    assert (enforcement.series, enforcement.breakdowns) == ("", ())
    procuracy = user_scope(people["prosecutor"])
    assert procuracy is not None
    enforcement = next(p for p in procuracy.panels if p.code == "enforcement")
    assert enforcement.headline == (INSPECTIONS,)
    # Prevention: any agency's activities; the territory's panels are the registry's own.
    leader = user_scope(people["leader"])
    assert leader is not None and leader.agency_kind == ""
    assert leader.panels == tuple(PANELS)
    assert next(p for p in judge.panels if p.code == "prevention") == PANELS[0]
    assert all(panel_codes(p) for p in judge.panels)


def test_the_kind_of_a_rolled_up_agency_is_read_in_one_query_at_most():
    from ctip.dashboard.panels import _kind_of

    police = Agency.objects.get(code="qng-ca-2025")
    with CaptureQueriesContext(connection) as none:
        assert _kind_of(police, police.pk) == Kind.POLICE
    assert len(none) == 0
    old = Agency.objects.get(code="qng-ca")  # succeeded: its figures stand under the new one
    heir = old.rollup_agency_id
    assert heir == police.pk
    with CaptureQueriesContext(connection) as one:
        assert _kind_of(old, heir) == Kind.POLICE
    assert len(one) == 1
