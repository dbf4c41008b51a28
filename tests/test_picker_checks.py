"""Issue 23, pickers: a code posted to a unit picker is trusted no more than a typed name. The
field refuses a code with no unit, a unit of a level the field does not offer, a unit not in
force on the record's date, and (for `area_only`) a unit outside the user's area, each with a
message in words; the typed-name path already kept to all four."""

from __future__ import annotations

from datetime import date

import pytest
from django import forms

from ctip.core import formfields as bounded
from ctip.geo.models import COMMUNE_LEVELS, Level
from ctip.geo.picker import UnitPickerField, bind_unit_pickers
from tests.conftest import unit
from tests.helpers import add_totp, log_in, make_user

pytestmark = pytest.mark.django_db

NEW = date(2026, 1, 1)
BA_TO = 21484  # Xã Ba Tơ (Quảng Ngãi), from 1/7/2025 (Thị trấn Ba Tơ before)
TRA_BUI = 21142  # Xã Trà Bùi (Quảng Ngãi), until 30/6/2025
BA_DINH = 4  # Phường Ba Đình (Hà Nội) from 1/7/2025; also the code of Tỉnh Cao Bằng
NO_UNIT = 99998


class CommuneForm(forms.Form):
    on = bounded.DateField(label="Ngày")
    unit = UnitPickerField(levels=COMMUNE_LEVELS, date_field="on", area_only=True)


class AnywhereForm(forms.Form):
    on = bounded.DateField(label="Ngày")
    unit = UnitPickerField(levels=COMMUNE_LEVELS, date_field="on")


class AnyLevelForm(forms.Form):
    unit = UnitPickerField(area_only=True)


def cleaned(form_class, area_code: int, **data):
    form = form_class({"unit_text": "", **data})
    bind_unit_pickers(form, territories=[unit(area_code, Level.PROVINCE, NEW)])
    valid = form.is_valid()
    return (form.cleaned_data["unit"] if valid else None), form.errors.get("unit", [])


def test_a_unit_in_force_of_the_fields_level_inside_the_area_is_taken():
    assert cleaned(CommuneForm, 51, on="12/09/2025", unit=str(BA_TO)) == (BA_TO, [])
    # An archive record: the commune as it stood then, inside the province it merged into.
    assert cleaned(CommuneForm, 51, on="10/05/2022", unit=str(TRA_BUI)) == (TRA_BUI, [])


def test_a_code_with_no_unit_is_refused():
    value, errors = cleaned(CommuneForm, 51, on="12/09/2025", unit=str(NO_UNIT))
    assert value is None and errors == ["Không có đơn vị hành chính mã này."]


def test_a_unit_of_another_level_is_refused():
    value, errors = cleaned(CommuneForm, 51, on="12/09/2025", unit="51")
    assert value is None
    assert errors == [
        "Ở đây chỉ chọn được xã, phường, thị trấn, đặc khu; “Tỉnh Quảng Ngãi” không thuộc cấp đó."
    ]


def test_a_unit_not_in_force_on_the_records_date_is_refused():
    value, errors = cleaned(CommuneForm, 51, on="12/09/2025", unit=str(TRA_BUI))
    assert value is None
    assert errors == [
        "“Xã Trà Bùi (Quảng Ngãi)” không có vào ngày 12/09/2025 (đã sáp nhập, giải thể hoặc "
        "chưa thành lập). Hãy chọn đơn vị như vào ngày đó."
    ]
    # Not yet in force: the new Xã Ba Tơ in 2022 (the code was Thị trấn Ba Tơ's then, which
    # the field takes).
    assert cleaned(CommuneForm, 51, on="10/05/2022", unit=str(BA_TO)) == (BA_TO, [])


def test_a_unit_outside_the_users_area_is_refused_when_the_field_keeps_to_it():
    value, errors = cleaned(CommuneForm, 51, on="12/09/2025", unit=str(BA_DINH))
    assert value is None and errors == ["Phường Ba Đình (Hà Nội) không thuộc địa bàn của bạn."]
    # Also when the text posted with it still names it (the picker's own pair).
    text = "Phường Ba Đình — thành phố Hà Nội"
    value, errors = cleaned(CommuneForm, 51, on="12/09/2025", unit=str(BA_DINH), unit_text=text)
    assert value is None and errors == ["Phường Ba Đình (Hà Nội) không thuộc địa bàn của bạn."]
    # A field that does not keep to the area takes it (a victim may live anywhere).
    assert cleaned(AnywhereForm, 51, on="12/09/2025", unit=str(BA_DINH)) == (BA_DINH, [])


def test_a_code_shared_by_two_levels_passes_when_one_of_them_fits():
    """4 is Tỉnh Cao Bằng and Phường Ba Đình: a Hà Nội user picking the ward is not refused
    because the province with the same code lies outside Hà Nội."""
    assert cleaned(AnyLevelForm, 1, unit=str(BA_DINH)) == (BA_DINH, [])
    value, errors = cleaned(AnyLevelForm, 51, unit=str(BA_DINH))
    assert value is None and errors and "không thuộc địa bàn của bạn" in errors[0]


def test_a_typed_number_is_checked_as_a_code():
    value, errors = cleaned(CommuneForm, 51, on="12/09/2025", unit_text=str(BA_DINH))
    assert value is None and "không thuộc địa bàn của bạn" in errors[0]


# Through a real form: the report request (provinces only, the user's own, on the period's end)
# and the victim case (communes in force on the reception date, anywhere).


def test_the_report_request_form_refuses_a_posted_province_outside_the_area(client):
    from ctip.core.models import AuditEntry
    from ctip.reporting.models import Report, ReportRequest, ReportTemplate

    log_in(client, make_user("thuongtruc", "standing_office", unit=unit(51, Level.PROVINCE, NEW)))
    request = {
        "number_symbol": "15/BCĐ-VP",
        "date_issued": "01/06/2026",
        "issuer": "Ban Chỉ đạo 138 Bộ Công an",
        "template": ReportTemplate.objects.get(code="six-month").pk,
        "unit_text": "",
        "period_start": "01/01/2026",
        "period_end": "30/06/2026",
        "recipients": "Bộ Công an",
    }
    before = (ReportRequest.objects.count(), Report.objects.count(), AuditEntry.objects.count())
    for code, message in (
        ("1", "Thành phố Hà Nội không thuộc địa bàn của bạn."),
        (str(BA_TO), "Ở đây chỉ chọn được tỉnh, thành phố; “Xã Ba Tơ (Quảng Ngãi)” không"),
        (str(NO_UNIT), "Không có đơn vị hành chính mã này."),
    ):
        response = client.post("/bao-cao/yeu-cau/them/", {**request, "unit": code})
        assert response.status_code == 200, code
        errors = response.context["form"].errors.get("unit", [])
        assert errors and errors[0].startswith(message), (code, errors)
        assert message in response.content.decode().replace("&quot;", '"'), code
    after = (ReportRequest.objects.count(), Report.objects.count(), AuditEntry.objects.count())
    assert after == before
    response = client.post("/bao-cao/yeu-cau/them/", {**request, "unit": "51"})
    assert response.status_code == 302 and ReportRequest.objects.get().unit.code == 51


def test_the_victim_case_form_refuses_a_commune_not_in_force_on_the_reception_date(client):
    from ctip.victims.models import Case

    worker = make_user("xahoi", "case_worker", agency="qng-syt-2025")
    log_in(client, worker, add_totp(worker))
    form = {
        "received_on": "10/09/2025",
        "source": "border_guard",
        "full_name": "Đinh Thị Hạnh",
        "sex": "female",
        "age_at_reception": "19",
        "nationality": "VN",
        "home_unit": str(TRA_BUI),
        "home_unit_text": "",
        "destination_country": "KH",
        "accompanying_children": "0",
    }
    response = client.post("/ho-so/them/", form)
    assert response.status_code == 200 and not Case.objects.exists()
    errors = response.context["form"].errors["home_unit"]
    assert errors == [
        "“Xã Trà Bùi (Quảng Ngãi)” không có vào ngày 10/09/2025 (đã sáp nhập, giải thể hoặc "
        "chưa thành lập). Hãy chọn đơn vị như vào ngày đó."
    ]
    assert client.post("/ho-so/them/", {**form, "home_unit": str(BA_TO)}).status_code == 302
