"""Issue 24: a case-worker (or investigator) account whose role has no agency is told so on
opening the intake form, before filling it in, and a post anyway records nothing."""

import pytest

from ctip.enforcement.models import CriminalCase
from ctip.victims.models import Case
from tests.helpers import add_totp, log_in, make_user

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("role", "url", "model"),
    [("case_worker", "/ho-so/them/", Case), ("investigator", "/vu-an/them/", CriminalCase)],
)
def test_a_role_without_an_agency_is_told_before_the_form(client, role, url, model):
    user = make_user("u", role, agency="qng-syt-2025")
    user.assignments.update(agency=None)  # an old assignment, saved before the rule
    log_in(client, user, add_totp(user))
    page = client.get(url).content.decode()
    assert "chưa được gắn với cơ quan nào" in page
    assert 'name="full_name"' not in page and '<form method="post"' not in page.split("<main")[-1]
    before = model.objects.count()
    response = client.post(url, {"full_name": "Nguyễn Văn A", "received_on": "01/09/2025"})
    assert (
        response.status_code == 200 and "chưa được gắn với cơ quan nào" in response.content.decode()
    )
    assert model.objects.count() == before


def test_a_role_with_its_agency_gets_the_form(client):
    user = make_user("u", "case_worker", agency="qng-syt-2025")
    log_in(client, user, add_totp(user))
    page = client.get("/ho-so/them/").content.decode()
    assert "chưa được gắn với cơ quan nào" not in page and 'name="full_name"' in page
