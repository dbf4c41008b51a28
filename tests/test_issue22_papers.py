"""Issue 22, points 8-9: papers in the state format (Decree 30/2020/NĐ-CP, Appendix I) issued by
the body the law names, citing the law in force on the paper's event date, in the law's words."""

from __future__ import annotations

import io
from datetime import date, timedelta

import pytest
from docx import Document

from ctip.agencies.models import Agency
from ctip.core.sealed import unseal
from ctip.geo.models import Level, Unit
from ctip.rules.selectors import rule_value
from ctip.victims.models import Case, Paper
from ctip.victims.papers.generate import PaperRefused, issuer_symbol, paper_generate
from ctip.victims.states import State
from ctip.victims.support import support_give
from ctip.victims.transitions import _move
from ctip.victims.vocab import EXPLOITATION_FORMS, REGIMES
from tests.conftest import unit
from tests.factories import COMMUNE, CaseFactory
from tests.helpers import make_user

pytestmark = pytest.mark.django_db
BEING = "người đang trong quá trình xác định là nạn nhân"
DAY_2026 = date(2026, 3, 2)
DAY_2019 = date(2019, 5, 20)


def _text(paper: Paper) -> tuple[str, str]:
    """The paper's body paragraphs and its header cells, decrypted."""
    assert paper.file is not None
    document = Document(io.BytesIO(unseal(paper.file)))
    body = "\n".join(p.text for p in document.paragraphs)
    cells = "\n".join(c.text for t in document.tables for row in t.rows for c in row.cells)
    return body, cells


def _identified(case: Case, on: date, by: str) -> Case:
    police = Agency.objects.get(code=by)
    _move(case, State.VERIFYING, on, "", None, police)
    _move(Case.objects.get(pk=case.pk), State.IDENTIFIED, on, "", None, police)
    return Case.objects.get(pk=case.pk)


# --- the place-and-date line -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("today", "written"),
    [
        (date(2025, 2, 5), "ngày 05 tháng 02 năm 2025"),
        (date(2025, 9, 15), "ngày 15 tháng 9 năm 2025"),
        (date(2025, 12, 1), "ngày 01 tháng 12 năm 2025"),
    ],
)
def test_the_date_has_a_leading_zero_only_for_days_under_10_and_months_1_and_2(today, written):
    case = CaseFactory(owner="qng-sldtbxh", received_on=date(2025, 1, 6))
    paper = paper_generate(case=case, kind="reception_minutes", acting_user=None, today=today)
    _body, cells = _text(paper)
    assert f"Quảng Ngãi, {written}" in cells


def _committee(commune: Unit, symbol: str = "") -> Agency:
    return Agency.objects.create(
        code=f"test-ubnd-{commune.code}",
        name=f"Ủy ban nhân dân {commune.name[:1].lower()}{commune.name[1:]}",
        abbreviation="UBND xã",
        symbol=symbol,
        kind="people_committee",
        unit=commune,
        valid_from=date(2025, 7, 1),
    )


def test_the_place_is_the_issuing_agencys_own_unit_commune_or_province():
    commune = unit(COMMUNE, Level.COMMUNE, DAY_2026)
    assert commune.name == "Xã Tây Trà Bồng"
    at_commune = CaseFactory(owner=_committee(commune), received_on=DAY_2026)
    at_province = CaseFactory(owner="qng-syt-2025", received_on=DAY_2026)
    lines = {}
    for name, case in (("commune", at_commune), ("province", at_province)):
        paper = paper_generate(
            case=case, kind="reception_minutes", acting_user=None, today=DAY_2026
        )
        lines[name] = _text(paper)[1]
    assert "Tây Trà Bồng, ngày 02 tháng 3 năm 2026" in lines["commune"]
    assert "Quảng Ngãi, ngày" not in lines["commune"]
    assert "Quảng Ngãi, ngày 02 tháng 3 năm 2026" in lines["province"]


# --- the number's issuer part ------------------------------------------------------------------


@pytest.mark.skipif(
    not hasattr(Agency, "symbol"), reason="ctip.agencies has no symbols yet (issue 22, point 9)"
)
def test_home_affairs_and_foreign_affairs_have_different_symbols_in_the_agency_data():
    home = Agency.objects.get(code="qng-snv-2025")
    foreign = Agency.objects.get(code="qng-sngv-2025")
    assert issuer_symbol(home) != issuer_symbol(foreign)


def test_two_communes_committees_with_one_symbol_keep_their_own_registers():
    """A symbol is unique only within a unit: every commune's committee is "UBND"."""
    communes = Unit.objects.valid_on(DAY_2026).filter(level=Level.COMMUNE).order_by("code")[:2]
    numbers = [
        paper_generate(
            case=CaseFactory(owner=_committee(c, "UBND"), received_on=DAY_2026),
            kind="reception_minutes",
            acting_user=None,
            today=DAY_2026,
        ).number
        for c in communes
    ]
    assert numbers == ["1/BB-UBND", "1/BB-UBND"]


def test_the_number_carries_the_agencys_symbol_not_the_initials_of_its_name():
    """Sở Nội vụ and Sở Ngoại vụ both have the initials "SNV": the number takes the agency's
    symbol (set here on the agency as ctip.agencies stores it)."""
    home = CaseFactory(owner="qng-snv-2025", received_on=DAY_2026)
    foreign = CaseFactory(owner="qng-sngv-2025", received_on=DAY_2026)
    foreign.owner.symbol = "SNGV"  # type: ignore[attr-defined]
    numbers = {
        paper_generate(case=c, kind="reception_minutes", acting_user=None, today=DAY_2026).number
        for c in (home, foreign)
    }
    assert "1/BB-SNGV" in numbers and len(numbers) == 2


# --- who issues the victim confirmation ----------------------------------------------------------


def test_the_confirmation_is_issued_by_the_identifying_police_in_its_own_register():
    police = Agency.objects.get(code="qng-ca-2025")
    first = _identified(CaseFactory(received_on=DAY_2026), DAY_2026, "qng-ca-2025")
    other_owner = CaseFactory(owner="qng-hlhpn-2025", received_on=DAY_2026)
    second = _identified(other_owner, DAY_2026, "qng-ca-2025")
    officer = make_user("congan", "case_worker", agency="qng-ca-2025")
    paper = paper_generate(
        case=first, kind="victim_confirmation", acting_user=officer, today=DAY_2026
    )
    suffix = f"/GXN-{issuer_symbol(police)}"
    assert paper.number == f"1{suffix}"
    body, cells = _text(paper)
    assert "CÔNG AN TỈNH QUẢNG NGÃI" in cells and "SỞ Y TẾ" not in cells
    assert body.count("Công an tỉnh Quảng Ngãi xác nhận") == 1
    # The police's register runs across cases, whoever owns them.
    again = paper_generate(
        case=second, kind="victim_confirmation", acting_user=officer, today=DAY_2026
    )
    assert again.number == f"2{suffix}"


def test_the_owners_worker_may_not_issue_a_confirmation_when_the_owner_did_not_identify():
    case = _identified(CaseFactory(received_on=DAY_2026), DAY_2026, "qng-ca-2025")
    worker = make_user("xahoi", "case_worker", agency="qng-syt-2025")
    with pytest.raises(PaperRefused, match="Công an tỉnh Quảng Ngãi"):
        paper_generate(case=case, kind="victim_confirmation", acting_user=worker, today=DAY_2026)
    assert not Paper.objects.exists()
    # The owner still issues its own papers.
    minutes = paper_generate(
        case=case, kind="reception_minutes", acting_user=worker, today=DAY_2026
    )
    assert "SỞ Y TẾ" in _text(minutes)[1]


def test_the_owner_issues_the_confirmation_when_it_is_the_body_that_identified():
    case = _identified(
        CaseFactory(owner="qng-ca-2025", received_on=DAY_2026), DAY_2026, "qng-ca-2025"
    )
    officer = make_user("congan", "case_worker", agency="qng-ca-2025")
    paper = paper_generate(case=case, kind="victim_confirmation", acting_user=officer)
    assert paper.number.startswith("1/GXN-")


def test_no_confirmation_before_identification_or_without_the_identifying_body():
    case = CaseFactory(received_on=DAY_2026)
    with pytest.raises(PaperRefused, match="chưa được xác định"):
        paper_generate(case=case, kind="victim_confirmation", acting_user=None, today=DAY_2026)
    _move(_move(case, State.VERIFYING, DAY_2026, "", None), State.IDENTIFIED, DAY_2026, "", None)
    with pytest.raises(PaperRefused, match="Chưa ghi cơ quan"):
        paper_generate(case=case, kind="victim_confirmation", acting_user=None, today=DAY_2026)


# --- the legal basis by the paper's event date ---------------------------------------------------


def test_a_2019_paper_cites_law_66_2011_and_a_2026_paper_law_53_2024():
    old = _identified(CaseFactory(owner="qng-sldtbxh", received_on=DAY_2019), DAY_2019, "qng-ca")
    new = _identified(CaseFactory(received_on=DAY_2026), DAY_2026, "qng-ca-2025")
    texts = {}
    for name, case, today in (("old", old, DAY_2019), ("new", new, DAY_2026)):
        for kind in ("reception_minutes", "victim_confirmation", "support_decision"):
            paper = paper_generate(case=case, kind=kind, acting_user=None, today=today)
            texts[name, kind] = _text(paper)[0]
    for kind in ("reception_minutes", "victim_confirmation", "support_decision"):
        assert "66/2011/QH12" in texts["old", kind] and "53/2024" not in texts["old", kind]
        assert "53/2024/QH15" in texts["new", kind] and "66/2011" not in texts["new", kind]
        assert "162/2025/NĐ-CP" in texts["new", kind]
    assert (
        "01/2014/TTLT-BCA-BQP-BLĐTBXH-BNG ngày 10 tháng 02 năm 2014"
        in texts["old", "reception_minutes"]
    )
    assert "62/2012/NĐ-CP ngày 13 tháng 8 năm 2012" in texts["old", "victim_confirmation"]
    assert "09/2013/NĐ-CP ngày 11 tháng 01 năm 2013" in texts["old", "support_decision"]


def test_the_confirmation_cites_the_law_of_the_identification_date_not_of_the_issue_date():
    """Identified on 30/6/2025 under Law 66/2011; the paper issued in 2026 still cites it."""
    case = _identified(
        CaseFactory(owner="qng-syt", received_on=date(2025, 6, 20)), date(2025, 6, 30), "qng-ca"
    )
    paper = paper_generate(case=case, kind="victim_confirmation", acting_user=None, today=DAY_2026)
    body = _text(paper)[0]
    assert "66/2011/QH12" in body and "62/2012/NĐ-CP" in body and "53/2024" not in body


def test_a_support_decision_follows_the_transitional_provision():
    """Identified on 20/6/2025, supported in 2026: Law 53/2024 Art. 63 keeps Law 66/2011 for
    the support, and the decision cites the law that decides it."""
    case = _identified(
        CaseFactory(owner="qng-syt", received_on=date(2025, 6, 10)), date(2025, 6, 20), "qng-ca"
    )
    support_give(
        case=case,
        regime="medical",
        given_on=DAY_2026,
        provider=Agency.objects.get(code="qng-syt-2025"),
        amount=0,
        acting_user=None,
    )
    paper = paper_generate(case=case, kind="support_decision", acting_user=None, today=DAY_2026)
    body = _text(paper)[0]
    assert "66/2011/QH12" in body and "09/2013/NĐ-CP" in body and "53/2024" not in body


def test_a_paper_dated_before_any_law_is_refused_naming_the_rule_and_the_date():
    case = CaseFactory(received_on=date(2011, 12, 1))
    with pytest.raises(PaperRefused, match=r"victims\.paper\.basis\.reception_minutes.*01/12/2011"):
        paper_generate(case=case, kind="reception_minutes", acting_user=None, today=DAY_2026)
    assert not Paper.objects.exists()


# --- words ----------------------------------------------------------------------------------------


def test_the_reception_paper_does_not_call_the_person_a_victim():
    case = CaseFactory(received_on=DAY_2026)
    paper = paper_generate(case=case, kind="reception_minutes", acting_user=None, today=DAY_2026)
    body, _cells = _text(paper)
    basis = rule_value("victims.paper.basis.reception_minutes", on=DAY_2026).splitlines()
    words = "\n".join(line for line in body.splitlines() if line not in basis)
    assert BEING in words
    assert "người bị mua bán" not in words
    assert "nạn nhân" not in words.replace(BEING, "")


def test_a_support_decision_before_identification_names_the_person_as_the_law_does():
    case = CaseFactory(received_on=DAY_2026)
    support_give(
        case=case,
        regime="legal_support",
        given_on=DAY_2026 + timedelta(days=1),
        provider=case.owner,
        amount=0,
        acting_user=None,
    )
    paper = paper_generate(case=case, kind="support_decision", acting_user=None, today=DAY_2026)
    body = _text(paper)[0]
    assert f"Về việc hỗ trợ {BEING}" in body
    assert "Hỗ trợ pháp luật" in body and "Hỗ trợ pháp lý" not in body


def test_regimes_and_forms_carry_the_words_of_the_law():
    assert str(REGIMES["legal_support"]) == "Hỗ trợ pháp luật"
    assert str(REGIMES["legal_aid"]) == "Trợ giúp pháp lý"
    assert str(REGIMES["education"]) == "Hỗ trợ học văn hóa"
    assert str(REGIMES["vocational"]) == "Hỗ trợ học nghề, tư vấn, tạo điều kiện để có việc làm"
    assert str(EXPLOITATION_FORMS["surrogacy"]) == "Mang thai hộ vì mục đích thương mại"
    assert str(EXPLOITATION_FORMS["child_sale"]) == "Mua bán người dưới 16 tuổi"
