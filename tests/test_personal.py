"""Personal values never reach a log record, an audit diff or an error report."""

import io
import logging

import pytest
from django.conf import settings
from django.test import RequestFactory

from ctip.core.audit import field_changes
from ctip.core.personal import MASK, RedactExceptionFilter, SafeReporterFilter, personal_scope
from tests.testapp.models import Person

pytestmark = pytest.mark.django_db
NAME = "Đặng Thị Hoà"


def test_no_personal_value_reaches_a_log_record(caplog):
    with personal_scope():
        person = Person.objects.create(full_name=NAME)
        loaded = Person.objects.get(pk=person.pk)
        logger = logging.getLogger("ctip.test")
        with caplog.at_level(logging.INFO):
            logger.info("opened %s", loaded.full_name)
            logger.warning(f"name={loaded.full_name} note={loaded.note}")
    assert [r.getMessage() for r in caplog.records] == [f"opened {MASK}", f"name={MASK} note="]


def test_tracebacks_are_redacted_by_every_configured_handler():
    for name, handler in settings.LOGGING["handlers"].items():
        assert "redact" in handler.get("filters", []), name
    out = io.StringIO()
    handler = logging.StreamHandler(out)
    handler.addFilter(RedactExceptionFilter())
    logger = logging.getLogger("ctip.test.trace")
    logger.addHandler(handler)
    try:
        with personal_scope():
            Person.objects.create(full_name=NAME)
            name = Person.objects.get().full_name
            try:
                raise ValueError(f"không tìm thấy {name}")
            except ValueError:
                logger.exception("lỗi")
    finally:
        logger.removeHandler(handler)
    assert "ValueError" in out.getvalue()
    assert NAME not in out.getvalue() and MASK in out.getvalue()


def test_a_value_read_in_another_request_is_not_needed_to_mask_this_one(caplog):
    with personal_scope():
        Person.objects.create(full_name="Lò Văn Páo")
    with personal_scope(), caplog.at_level(logging.INFO):
        name = Person.objects.get().full_name
        logging.getLogger("ctip.test").info("x %s", name)
    assert "Lò Văn Páo" not in caplog.text


def test_audit_diff_masks_personal_fields():
    changes = field_changes(
        {"full_name": "A Lử", "note": "a"}, {"full_name": "A Lử Hai", "note": "b"}, model=Person
    )
    assert changes == {"full_name": [MASK, MASK], "note": ["a", "b"]}


def test_error_report_hides_personal_values():
    with personal_scope():
        Person.objects.create(full_name=NAME)
        Person.objects.get()
        request = RequestFactory().post("/x/", {"ho_ten": NAME, "ghi_chu": "ok"})
        cleaned = SafeReporterFilter().get_post_parameters(request)
    assert cleaned["ho_ten"] == MASK
    # Every POST value is hidden: a search box or a free-text field can hold a name that was
    # never stored, so no list of "safe" fields would do.
    assert cleaned["ghi_chu"] == MASK


def test_the_suite_wide_leak_guard_finds_a_value_stored_in_clear():
    from django.db import transaction

    from ctip.core.audit import audit_write
    from ctip.core.crypto import EncryptedTextField
    from tests import leakcheck

    EncryptedTextField().get_prep_value("Quàng Thị Leak")  # a personal value passes the field
    with transaction.atomic():
        audit_write(action="x", changes={"oops": "Quàng Thị Leak"})
    assert leakcheck.scan() == ["core_auditentry: Quàng Thị Leak"]
    leakcheck.SEEN.clear()  # the guard itself would (rightly) fail this test otherwise
