"""Every demo account logs in (second factor where its role needs one) and sees its role's menu."""

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice

from ctip.accounts.models import User
from ctip.ops.demo.accounts import ACCOUNTS, demo_accounts_ensure
from tests.helpers import PASSWORD, log_in

pytestmark = pytest.mark.django_db

ADMIN_ONLY = ("Nhật ký thao tác",)
# User management in ctip (issue 24): the administrator and the standing office.
MANAGERS = {"admin", "thuongtruc"}
OFFICER = "Cơ quan của tôi"


@pytest.fixture
def demo():
    return {a["username"]: a for a in demo_accounts_ensure(password=PASSWORD)}


def _nav(html: str) -> str:
    start = html.find('<nav class="menu"')
    return html[start : html.find("</nav>", start)] if start >= 0 else ""


def test_there_is_one_demo_account_per_role(demo):
    assert set(demo) == {
        "admin",
        "thuongtruc",
        "congan",
        "bienphong",
        "phunu",
        "lanhdaoca",  # agency leaders sign their agency's part of a report off
        "lanhdaobp",
        "lanhdaopn",  # the Women's Union's and the health department's parts (issue 24)
        "lanhdaoyt",
        "xahoi",
        "giamsat",
        "dieutra",
        "kiemsat",
        "toaan",
        "lanhdao",
        "trunguong",  # a leader of the country (ADR 0016): the national pages
        "xa",
        "hosobp",  # a second agency's case worker, for need-to-know demos
    }
    assert len({a.role for a in ACCOUNTS}) == 11
    needs = {name for name, a in demo.items() if a["totp_secret"]}
    assert needs == {"admin", "xahoi", "giamsat", "dieutra", "kiemsat", "toaan", "hosobp", "xa"}


@pytest.mark.parametrize("username", [a.username for a in ACCOUNTS])
def test_each_demo_account_sees_only_its_roles_menu(client, demo, username):
    user = User.objects.get(username=username)
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    assert (device is not None) == bool(demo[username]["totp_secret"])
    log_in(client, user, device)
    response = client.get("/")
    assert response.status_code == 200
    nav = _nav(response.content.decode())
    assert "Đơn vị hành chính" in nav
    for label in ADMIN_ONLY:
        assert (label in nav) == (username == "admin"), label
    assert ('href="/nguoi-dung/"' in nav) == (username in MANAGERS)
    assert (OFFICER in nav) == (username not in {"admin", "lanhdao", "trunguong"}), OFFICER
    assert ('href="/trao-doi/"' in nav) == (username == "trunguong")


def test_admin_opens_the_audit_viewer_with_filters(client, demo):
    admin = User.objects.get(username="admin")
    log_in(client, admin, TOTPDevice.objects.get(user=admin))
    response = client.get("/admin/core/auditentry/?action=accounts.assignment_grant")
    assert response.status_code == 200
    assert "accounts.assignment_grant" in response.content.decode()


def test_leader_is_refused_the_admin(client, demo):
    log_in(client, User.objects.get(username="lanhdao"))
    response = client.get("/admin/core/auditentry/", follow=True)
    assert response.status_code == 403
