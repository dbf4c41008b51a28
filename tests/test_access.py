"""Deny by default, scope by agency and territory, succession of scope, one 404."""

from datetime import date

import pytest
from django.test import override_settings
from django.urls import URLPattern, URLResolver, get_resolver, path

from ctip.accounts.scope import has_perm, scoped
from ctip.agencies.models import Agency
from ctip.core.access import undeclared_views
from ctip.core.models import AuditEntry
from ctip.core.permissions import P
from ctip.geo.models import Level
from tests.conftest import NEW, OLD, unit
from tests.helpers import log_in, make_user
from tests.testapp.models import Record
from tests.testapp.urls import forgotten

pytestmark = pytest.mark.django_db


def test_every_view_in_the_url_conf_declares_a_permission():
    assert undeclared_views(get_resolver().url_patterns) == []


def test_the_url_walk_catches_an_undeclared_view():
    patterns = [*get_resolver().url_patterns, path("quen/", forgotten)]
    assert undeclared_views(patterns) == ["quen/"]


@override_settings(ROOT_URLCONF="tests.testapp.urls")
def test_an_undeclared_view_is_refused_at_run_time(client):
    client.force_login(make_user("khac", "leader", unit=unit(51, Level.PROVINCE, NEW)))
    response = client.get("/quen/")
    assert response.status_code == 403
    assert b"should never be served" not in response.content


def _concrete_paths():
    """Every route outside the admin and the API, with 1 for each argument (the API answers an
    anonymous request 401 in JSON, not with the login page: tests/test_api_matrix.py)."""

    def walk(patterns, prefix=""):
        for entry in patterns:
            if isinstance(entry, URLResolver):
                if entry.namespace not in ("admin", "api"):
                    yield from walk(entry.url_patterns, prefix + str(entry.pattern))
            elif isinstance(entry, URLPattern):
                route = prefix + str(entry.pattern)
                for converter in ("<int:pk>",):
                    route = route.replace(converter, "1")
                yield "/" + route

    return list(walk(get_resolver().url_patterns))


PUBLIC_PATHS = {
    "/dang-nhap/",
    "/dang-xuat/",
    "/i18n/setlang/",
    "/tai-khoan/dat-mat-khau/<uidb64>/<token>/",  # the one-time password link (a bad one here)
    "/trao-doi/nhan/",  # a province's signed push (ctip.exchange): the signature authenticates
}


def test_anonymous_requests_are_sent_to_login(client):
    paths = [p for p in _concrete_paths() if p not in PUBLIC_PATHS]
    assert len(paths) >= 8
    for url in [*paths, "/admin/", "/admin/core/auditentry/"]:
        response = client.get(url, follow=True)
        assert response.redirect_chain, url
        assert response.redirect_chain[-1][0].startswith("/dang-nhap/"), url
        assert response.status_code == 200


def test_no_assignment_means_no_permission_and_no_records():
    user = make_user("moi")
    Record.objects.create(
        unit=unit(51, Level.PROVINCE, OLD), agency=Agency.objects.get(code="qng-ca"), made_on=OLD
    )
    assert not has_perm(user, P.VIEW_HOME)
    assert scoped(Record.objects.all(), user, P.VIEW_OWN_AGENCY).count() == 0


def test_officer_of_a_gets_404_for_agency_b_and_changes_nothing(client):
    officer = make_user("congan", "agency_officer", agency="qng-ca-2025")
    border = Agency.objects.get(code="qng-bdbp-2025")
    log_in(client, officer)
    audits = AuditEntry.objects.count()
    assert client.get(f"/co-quan/{border.pk}/sua/").status_code == 404
    response = client.post(f"/co-quan/{border.pk}/sua/", {"phone": "0255 3822 111"})
    assert response.status_code == 404
    border.refresh_from_db()
    assert border.phone == ""
    assert AuditEntry.objects.count() == audits
    # Missing and forbidden look the same.
    assert client.get("/co-quan/999999/sua/").status_code == 404
    own = Agency.objects.get(code="qng-ca-2025")
    assert client.get(f"/co-quan/{own.pk}/sua/").status_code == 200


def test_officer_edits_own_agency_with_an_audit_row(client):
    log_in(client, make_user("congan", "agency_officer", agency="qng-ca-2025"))
    own = Agency.objects.get(code="qng-ca-2025")
    response = client.post(
        f"/co-quan/{own.pk}/sua/", {"phone": "0255 3822 111", "email": "ca@quangngai.gov.vn"}
    )
    assert response.status_code == 302
    own.refresh_from_db()
    assert own.phone == "0255 3822 111"
    entry = AuditEntry.objects.filter(action="agencies.update_contact").latest("id")
    assert entry.changes["phone"] == ["", "0255 3822 111"]
    assert entry.actor.username == "congan"


def test_bad_contact_input_gets_a_vietnamese_message_and_changes_nothing(client):
    log_in(client, make_user("congan", "agency_officer", agency="qng-ca-2025"))
    own = Agency.objects.get(code="qng-ca-2025")
    response = client.post(f"/co-quan/{own.pk}/sua/", {"phone": "gọi tôi", "email": "không"})
    text = response.content.decode()
    assert response.status_code == 200
    assert "Số điện thoại chỉ gồm chữ số" in text and "không hợp lệ" in text
    own.refresh_from_db()
    assert own.phone == "" and own.email == ""


def test_successor_agency_officers_get_what_the_predecessor_had():
    labour = Record.objects.create(
        unit=unit(51, Level.PROVINCE, OLD),
        agency=Agency.objects.get(code="qng-sldtbxh"),
        made_on=date(2024, 6, 1),
    )
    kon_tum = Record.objects.create(
        unit=unit(62, Level.PROVINCE, OLD),
        agency=Agency.objects.get(code="kt-sldtbxh"),
        made_on=date(2024, 6, 1),
    )
    health = make_user("xahoi", "case_worker", agency="qng-syt-2025")
    home_affairs = make_user("noivu", "agency_officer", agency="qng-snv-2025")
    assert set(scoped(Record.objects.all(), health, P.VIEW_VICTIM_CASES)) == {labour, kon_tum}
    assert scoped(Record.objects.all(), home_affairs, P.VIEW_OWN_AGENCY).count() == 0
    # The predecessor's own officer (an assignment that ended) no longer sees anything.
    old = make_user("cu", "case_worker", agency="qng-sldtbxh")
    old.assignments.update(valid_to=date(2025, 2, 28))
    assert scoped(Record.objects.all(), old, P.VIEW_VICTIM_CASES).count() == 0


def test_every_successor_of_a_split_commune_sees_its_records():
    tra_bui = Record.objects.create(unit=unit(21142, Level.COMMUNE, OLD), made_on=OLD)
    other = Record.objects.create(unit=unit(21019, Level.COMMUNE, OLD), made_on=OLD)
    for code in (21136, 21157):
        officer = make_user(f"xa{code}", "leader", unit=unit(code, Level.COMMUNE, NEW))
        seen = scoped(
            Record.objects.all(), officer, P.VIEW_AGGREGATES, agency_field=None, unit_field="unit"
        )
        assert list(seen) == [tra_bui]
    assert other.pk


def test_permission_does_not_leak_between_roles():
    leader = make_user("lanhdao", "leader", unit=unit(51, Level.PROVINCE, NEW))
    assert has_perm(leader, P.VIEW_AGGREGATES)
    assert not has_perm(leader, P.VIEW_PERSONAL_DATA)
    assert not has_perm(leader, P.VIEW_VICTIM_CASES)


def test_commune_officer_sees_the_records_of_the_units_the_commune_succeeded():
    tra_bui = Record.objects.create(unit=unit(21142, Level.COMMUNE, OLD), made_on=OLD)
    today = Record.objects.create(unit=unit(21157, Level.COMMUNE, NEW), made_on=NEW)
    Record.objects.create(unit=unit(21019, Level.COMMUNE, OLD), made_on=OLD)
    officer = make_user("xa", "commune_officer", unit=unit(21157, Level.COMMUNE, NEW))
    seen = scoped(Record.objects.all(), officer, P.VIEW_OWN_AGENCY, unit_field="unit")
    assert set(seen) == {tra_bui, today}
