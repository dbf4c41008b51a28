"""Issue 23, point 1: ctip's look. Pico CSS vendored (no CDN) and loaded on every page under the
Content-Security-Policy; the menu folds on phones; messages styled by level; choice groups laid
out as "box + label"; 403, 404, 500 and CSRF pages styled and in Vietnamese; Vietnamese for
everyone whatever the browser asks, and each user's saved language honoured in every session."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django import forms
from django.contrib.messages import constants
from django.contrib.messages.storage.base import Message
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.test import Client, RequestFactory
from django.urls import reverse
from django.views.defaults import server_error

from ctip.core.csp import POLICY
from ctip.geo.models import Level
from ctip.web.menu import ENTRIES
from tests.conftest import NEW, unit
from tests.helpers import log_in, make_user
from tests.test_csp import _inline

ROOT = Path(__file__).resolve().parent.parent / "ctip"
PICO = "vendor/pico/pico.red.min.css"
ASSETS = ["/static/" + PICO, "/static/ctip/base.css", "/static/ctip/app.js"]


def _leader(name: str = "lanhdao-look"):
    return make_user(name, "leader", unit=unit(51, Level.PROVINCE, NEW))


def _lang(body: str) -> str:
    found = re.search(r'<html lang="(\w+)"', body)
    assert found, body[:200]
    return found.group(1)


# -- the framework, vendored and loaded ---------------------------------------------------------


def test_pico_is_vendored_with_its_licence_and_version():
    folder = ROOT / "core" / "static" / "vendor" / "pico"
    assert (folder / "LICENSE").read_text().startswith("MIT License")
    assert (folder / "VERSION").read_text().startswith("@picocss/pico 2.")
    found = finders.find(PICO)
    assert found, "the static files finder does not serve the vendored Pico"
    head = Path(found).read_text(encoding="utf-8")[:200]
    assert "Pico CSS" in head and "v2." in head
    # Nothing fetched from elsewhere: no @import, no font or image from another host.
    css = Path(found).read_text(encoding="utf-8") + (ROOT / "core/static/ctip/base.css").read_text()
    assert "@import" not in css
    assert not re.search(r"url\(\s*['\"]?(https?:)?//", css)


@pytest.mark.django_db
def test_every_page_loads_pico_then_ctip_css_and_scripts_deferred(client):
    body = client.get("/dang-nhap/").content.decode()
    positions = [body.find(asset) for asset in ASSETS]
    assert -1 not in positions, positions
    assert positions[0] < positions[1], "Pico first, ctip's additions on top of it"
    for script in ("ctip/app.js", "ctip/picker.js", "vendor/htmx/htmx.min.js"):
        assert re.search(rf'<script src="/static/{re.escape(script)}" defer></script>', body)
    assert not re.search(r'(href|src)="(https?:)?//', body), "nothing from a CDN"


@pytest.mark.django_db
def test_the_menu_folds_behind_a_toggle_and_pages_need_nothing_inline(client):
    log_in(client, _leader())
    response = client.get("/")
    body = response.content.decode()
    assert response["Content-Security-Policy"] == POLICY
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]
    assert _inline(body) == []
    menu = body[body.index('<nav class="menu"') : body.index("</nav>", body.index('class="menu"'))]
    # Folded by default (app.js opens it on a desktop screen): on a phone the content comes first.
    assert re.search(
        r"<details class=\"menu-panel\" data-menu>\s*<summary>Danh mục chức năng", menu
    )
    assert 'data-pillar="overview"' in menu and 'id="main"' in body
    script = (ROOT / "core/static/ctip/app.js").read_text()
    assert "max-width: 767.98px" in script and "details[data-menu]" in script


# -- messages by level --------------------------------------------------------------------------


def test_messages_render_their_level_so_an_error_never_looks_like_a_success():
    levels = {
        "success": constants.SUCCESS,
        "info": constants.INFO,
        "warning": constants.WARNING,
        "error": constants.ERROR,
    }
    html = render_to_string(
        "base.html",
        {"messages": [Message(level, f"Thông báo {tag}") for tag, level in levels.items()]},
    )
    for tag in levels:
        assert re.search(rf'<li class="message {tag}"[^>]*>Thông báo {tag}</li>', html), tag
    assert re.search(r'<li class="message error" role="alert">', html)
    css = (ROOT / "core/static/ctip/base.css").read_text()
    backgrounds = {
        tag: re.search(rf"\.messages li\.{tag} \{{ background: (#[0-9a-f]+)", css).group(1)
        for tag in ("success", "warning", "error")
    }
    assert len(set(backgrounds.values())) == 3, backgrounds


# -- forms --------------------------------------------------------------------------------------


class _Groups(forms.Form):
    audience = forms.MultipleChoiceField(
        label="Đối tượng",
        choices=[("people", "Nhân dân"), ("pupils", "Học sinh, sinh viên")],
        widget=forms.CheckboxSelectMultiple,
    )
    estimated = forms.BooleanField(label="Số người là ước tính", required=False)
    note = forms.CharField(label="Ghi chú", widget=forms.Textarea)
    hidden = forms.CharField(widget=forms.HiddenInput, initial="x")


def test_a_checkbox_group_is_a_fieldset_of_box_and_label_items():
    html = render_to_string("form_fields.html", {"form": _Groups()})
    group = html[html.index('<fieldset class="choices">') : html.index("</fieldset>")]
    assert "<legend>Đối tượng</legend>" in group
    # Each box sits inside its own label, next to the whole text: the two never part.
    assert re.search(
        r'<label for="id_audience_0"><input type="checkbox"[^>]*>\s*Nhân dân</label>', group
    )
    single = r'<label for="id_estimated" class="check"><input type="checkbox"[^>]*> Số người là'
    assert re.search(single, html)
    assert '<label for="id_hidden">' not in html
    css = (ROOT / "core/static/ctip/base.css").read_text()
    assert re.search(r"fieldset\.choices > div,[^{]*\{\s*display: flex; flex-wrap: wrap;", css)
    assert re.search(r"\.field textarea \{ width: 100%;", css)


# -- error pages --------------------------------------------------------------------------------


@pytest.mark.django_db
def test_404_and_403_are_ctip_pages_in_vietnamese(client):
    client.force_login(_leader())
    missing = client.get("/khong-co-trang-nay/", HTTP_ACCEPT_LANGUAGE="en")
    assert missing.status_code == 404
    body = missing.content.decode()
    assert "Không tìm thấy trang" in body and 'data-error="404"' in body
    assert "/static/" + PICO in body and _lang(body) == "vi" and _inline(body) == []

    refused = client.get("/ho-so/", HTTP_ACCEPT_LANGUAGE="en")  # a leader reads no victim case
    assert refused.status_code == 403
    body = refused.content.decode()
    assert "403 Forbidden" not in body and "<h1>403" not in body
    assert "Không có quyền truy cập" in body and 'data-error="403"' in body
    assert "/static/" + PICO in body and 'class="menu"' in body and _inline(body) == []


@pytest.mark.django_db
def test_a_refused_form_gets_the_styled_csrf_page():
    client = Client(enforce_csrf_checks=True)
    response = client.post("/dang-nhap/", {"username": "x", "password": "y"})
    assert response.status_code == 403
    body = response.content.decode()
    assert "Phiên làm việc đã hết hạn" in body and "/static/" + PICO in body
    assert "CSRF verification failed" not in body and _inline(body) == []


def test_500_renders_without_a_request_context_or_the_database():
    # No django_db mark: any query here would fail the test.
    request = RequestFactory().get("/", HTTP_ACCEPT_LANGUAGE="en")
    response = server_error(request)
    body = response.content.decode()
    assert response.status_code == 500
    assert "Lỗi hệ thống" in body and 'data-error="500"' in body
    assert "/static/" + PICO in body and "/static/ctip/base.css" in body
    assert "Server Error" not in body and _inline(body) == []


# -- language: Vietnamese by default, the user's choice kept ------------------------------------


@pytest.mark.django_db
def test_an_english_browser_still_gets_vietnamese(client):
    anonymous = client.get("/dang-nhap/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert _lang(anonymous.content.decode()) == "vi"
    assert anonymous["Content-Language"] == "vi"
    log_in(client, _leader())
    page = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert _lang(page.content.decode()) == "vi"
    assert "Accept-Language" not in page.get("Vary", "")


@pytest.mark.django_db
def test_a_users_choice_is_saved_and_honoured_in_the_next_sessions():
    user = _leader()
    first = Client()
    log_in(first, user)
    first.post("/i18n/setlang/", {"language": "en", "next": "/"})
    user.refresh_from_db()
    assert user.language == "en"
    # Another browser, another day, a Vietnamese browser: still English for this user.
    later = Client()
    log_in(later, user)
    page = later.get("/", HTTP_ACCEPT_LANGUAGE="vi")
    assert _lang(page.content.decode()) == "en" and page["Content-Language"] == "en"
    # Another user on that browser (the cookie says English) gets their own choice: Vietnamese.
    later.post("/dang-xuat/")  # the page's logout (the test client's logout drops all cookies)
    assert _lang(later.get("/dang-nhap/").content.decode()) == "en"
    log_in(later, _leader("lanhdao-khac"))
    assert _lang(later.get("/").content.decode()) == "vi"
    # And back to Vietnamese from the switch.
    first.post("/i18n/setlang/", {"language": "vi", "next": "/"})
    user.refresh_from_db()
    assert user.language == "vi"


@pytest.mark.django_db
def test_a_visitor_not_logged_in_switches_with_the_cookie_only(client):
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/dang-nhap/"})
    assert response.status_code == 302
    assert _lang(client.get("/dang-nhap/").content.decode()) == "en"
    client.post("/i18n/setlang/", {"language": "xx", "next": "/dang-nhap/"})
    assert _lang(client.get("/dang-nhap/").content.decode()) == "en"


def test_every_menu_entry_has_an_address_in_ctips_url_conf():
    # The menu skips an entry it cannot reverse (an error page under a test's URL conf): here,
    # in ctip's own URL conf, every entry must reverse.
    assert all(reverse(entry.url_name) for entry in ENTRIES)
