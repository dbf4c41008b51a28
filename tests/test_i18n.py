"""Both catalogs complete, placeholders intact, and the English switch works."""

import re
from pathlib import Path

import polib
import pytest
from django.utils import translation
from django.utils.translation import gettext

LOCALE = Path(__file__).resolve().parent.parent / "ctip" / "locale"
PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]")


@pytest.mark.parametrize("language", ["vi", "en"])
def test_catalog_is_complete_with_matching_placeholders(language):
    catalog = polib.pofile(str(LOCALE / language / "LC_MESSAGES" / "django.po"))
    assert len(catalog) > 50
    assert catalog.untranslated_entries() == []
    assert catalog.fuzzy_entries() == []
    for entry in catalog:
        wanted = set(PLACEHOLDER.findall(entry.msgid))
        texts = entry.msgstr_plural.values() if entry.msgid_plural else [entry.msgstr]
        for text in texts:
            assert set(PLACEHOLDER.findall(text)) == wanted, entry.msgid


def test_english_switch_translates_ctip_strings():
    with translation.override("en"):
        assert gettext("Đơn vị hành chính") != "Đơn vị hành chính"
        line = gettext("Dòng %(line)s: %(message)s") % {"line": 3, "message": "x"}
        assert line.startswith("Line 3")
    with translation.override("vi"):
        assert gettext("Đơn vị hành chính") == "Đơn vị hành chính"


@pytest.mark.django_db
def test_language_switch_in_the_browser_session(client, django_user_model):
    from ctip.geo.models import Level
    from tests.conftest import NEW, unit
    from tests.helpers import log_in, make_user

    log_in(client, make_user("lanhdao", "leader", unit=unit(51, Level.PROVINCE, NEW)))
    assert "Dữ liệu nền" in client.get("/").content.decode()
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    english = client.get("/").content.decode()
    assert "Dữ liệu nền" not in english
    assert 'lang="en"' in english
