"""The national review's documents, campaigns and cooperation read as a ministry's report (issue
27, ADR 0016): the provinces' own documents counted by kind with how many provinces issued any,
the central documents listed; the campaigns counted with their lead sectors, only the central
ones listed; the cooperation activities counted by kind and by counterpart country. Every figure
is the indicator registry's. A province's review keeps listing its records as before."""

import copy
from datetime import date

import pytest

from ctip.agencies.derived import agencies_refresh_heirs
from ctip.agencies.models import Agency, Kind
from ctip.cooperation.models import CooperationActivity
from ctip.directives.models import Document, DocumentRelation
from ctip.enforcement.models import Campaign
from ctip.geo.models import Level
from ctip.geo.selectors import national_unit
from ctip.indicators.queries import compute
from ctip.reporting.models import ReportTemplate
from ctip.reporting.outline import OutlineError, check_outline
from ctip.reporting.render import paragraph_text
from ctip.reporting.services import compilation_start, report_create
from tests.conftest import NEW, unit
from tests.helpers import make_user

pytestmark = pytest.mark.django_db

YEAR = {"start": date(2022, 1, 1), "end": date(2022, 12, 31)}
HANOI = 1  # today's Hà Nội: a second province
PROVINCE_DOCS = ["34/KH-UBND", "35/KH-UBND", "5645/UBND-NC", "12/CT-UBND", "77/KH-UBND"]
PROVINCE_CAMPAIGNS = ["Cao điểm Quảng Ngãi", "Cao điểm biên phòng", "Cao điểm Hà Nội"]
COUNTERPARTS = [f"Cơ quan đối tác số {n}" for n in range(1, 10)]


def agency(code: str, name: str, kind: str, place) -> Agency:
    return Agency.objects.create(code=code, name=name, kind=kind, unit=place)


def document(symbol, day, issuer_name, recorded_by, kind, *, issuers=(), party=False):
    found = Document.objects.create(
        number_symbol=symbol,
        number=int(symbol.split("/")[0].split("-")[0]),
        kind=kind,
        party=party,
        date=day,
        issuer_name=issuer_name,
        recorded_by=Agency.objects.get(code=recorded_by),
        subject="Triển khai công tác phòng, chống mua bán người năm 2022",
    )
    found.issuers.set(Agency.objects.filter(code__in=issuers))
    return found


def campaign(name, lead, start, end, kind="crackdown"):
    return Campaign.objects.create(
        name=name, kind=kind, start=start, end=end, lead=Agency.objects.get(code=lead)
    )


@pytest.fixture
def world(db):
    """Documents of old Quảng Ngãi, old Kon Tum (both today's Quảng Ngãi) and Hà Nội, and the
    centre's; campaigns of three provinces' agencies and of the Ministry; nine cooperation
    activities with seven countries."""
    country, hanoi = national_unit(), unit(HANOI, Level.PROVINCE, NEW)
    agency("bca", "Bộ Công an", Kind.POLICE, country)
    agency("hn-ubnd", "Ủy ban nhân dân thành phố Hà Nội", Kind.PEOPLE_COMMITTEE, hanoi)
    agency("hn-ca", "Công an thành phố Hà Nội", Kind.POLICE, hanoi)
    agencies_refresh_heirs()
    day = date(2022, 3, 1)
    # The provinces' own: linked issuers, or (5645, 12/CT) the recording province named.
    quang_ngai, kon_tum = "Ủy ban nhân dân tỉnh Quảng Ngãi", "Ủy ban nhân dân tỉnh Kon Tum"
    own = document("34/KH-UBND", day, quang_ngai, "qng-ubnd", "KH", issuers=["qng-ubnd"])
    document("35/KH-UBND", day, kon_tum, "kt-ubnd", "KH", issuers=["kt-ubnd"])
    document("5645/UBND-NC", day, quang_ngai, "qng-ubnd", "CV")
    document("12/CT-UBND", day, quang_ngai, "qng-ca", "CT")
    hanoi_name = "Ủy ban nhân dân thành phố Hà Nội"
    document("77/KH-UBND", day, hanoi_name, "hn-ubnd", "KH", issuers=["hn-ubnd"])
    # The centre's: a Party conclusion recorded in a province, the Ministry's plan, and an older
    # programme the province's plan carries out.
    document("13-KL/TW", day, "Bộ Chính trị", "qng-ca", "KL", party=True)
    document("99/KH-BCA", day, "Bộ Công an", "bca", "KH", issuers=["bca"])
    programme = document("2193/QĐ-TTg", date(2021, 12, 24), "Thủ tướng Chính phủ", "bca", "QĐ")
    DocumentRelation.objects.create(source=own, target=programme, kind="implements")
    campaign("Cao điểm Quảng Ngãi", "qng-ca", date(2022, 4, 1), date(2022, 5, 1))
    campaign("Cao điểm biên phòng", "qng-bdbp", date(2022, 6, 1), date(2022, 7, 1))
    campaign("Cao điểm Hà Nội", "hn-ca", date(2022, 8, 1), date(2022, 9, 1))
    campaign("Cao điểm toàn quốc", "bca", date(2022, 7, 1), date(2022, 7, 31), "awareness")
    # Begun the year before: listed (it ran in the period), not counted as opened in it.
    campaign("Cao điểm chuyển tiếp", "bca", date(2021, 11, 1), date(2022, 1, 31))
    plan = [
        ("information", "LA"), ("information", "LA"), ("information", "KH"),
        ("repatriation", "LA"), ("repatriation", "CN"),
        ("meeting", "JP"), ("meeting", "TH"), ("training", "MM"), ("training", "KR"),
    ]  # fmt: skip
    for n, (kind, country_code) in enumerate(plan):
        CooperationActivity.objects.create(
            agency=Agency.objects.get(code="qng-ca" if n % 2 else "hn-ca"),
            kind=kind,
            counterpart_country=country_code,
            counterpart=COUNTERPARTS[n],
            start=date(2022, 5, 1 + n),
            end=date(2022, 5, 1 + n),
        )


def compiled(report, user):
    return compilation_start(report=report, acting_user=user, run_now=True).result


def review(place, template=None) -> dict:
    office = make_user(f"tt{place.code}", "standing_office", unit=place)
    report = report_create(
        template=template or ReportTemplate.objects.get(code="actip-review"),
        unit=place,
        period_start=YEAR["start"],
        period_end=YEAR["end"],
        acting_user=office,
    )
    return compiled(report, office)


def lines(result) -> list[str]:
    return [paragraph_text(p) for p in result["body"]]


def section(result, first: str, last: str) -> list[str]:
    """The paragraphs from the heading starting with `first` up to the one starting with
    `last`."""
    texts = lines(result)
    start = next(n for n, t in enumerate(texts) if t.startswith(first))
    end = next(n for n, t in enumerate(texts) if n > start and t.startswith(last))
    return texts[start + 1 : end]


def values(code: str, by: tuple[str, ...], **kw) -> dict[str, int]:
    rows = compute([code], unit=national_unit(), by=by, **YEAR, **kw)
    return {r[by[0]]["code"]: r["value"] for r in rows if r["value"]}


def figure(result, code: str, where: dict) -> dict:
    return next(
        f for f in result["figures"].values() if f["indicator"] == code and f["where"] == where
    )


def test_the_national_review_counts_the_provinces_documents(world):
    result = review(national_unit())
    part = section(result, "I. ", "II. ")
    kinds = values("directives.local_documents", ("kind",))
    provinces = values("directives.local_documents", ("unit",), level=Level.PROVINCE)
    # Three plans, a directive and a letter, of two of today's provinces (old Quảng Ngãi and
    # old Kon Tum are today's Quảng Ngãi; Hà Nội): the registry says so.
    assert kinds == {"KH": 3, "CT": 1, "CV": 1} and len(provinces) == 2
    assert (
        "Có 2 tỉnh, thành phố đã ban hành 3 kế hoạch, 1 chỉ thị và 1 công văn để chỉ đạo, tổ "
        "chức thực hiện công tác này tại địa phương."
    ) in part, part
    assert figure(result, "directives.local_documents", {"kind": "KH"})["value"] == 3
    text = "\n".join(part)
    for symbol in PROVINCE_DOCS:
        assert symbol not in text
    # The centre's documents listed, as a province's review lists them.
    assert part[0].startswith("Ở Trung ương")
    for symbol in ("13-KL/TW", "99/KH-BCA", "2193/QĐ-TTg"):
        assert sum(symbol in t and t.startswith("- ") for t in part) == 1, symbol


def test_the_national_review_counts_campaigns_by_lead_sector(world):
    result = review(national_unit())
    text = "\n".join(lines(result))
    total = compute(["enforcement.campaigns"], unit=national_unit(), **YEAR)[0]["value"]
    police = compute(
        ["enforcement.campaigns"], unit=national_unit(), where={"agency_kind": "police"}, **YEAR
    )[0]["value"]
    assert (total, police) == (4, 3)
    assert (
        "Trong kỳ, lực lượng chức năng các cấp đã mở 4 đợt cao điểm phòng, chống tội phạm mua "
        "bán người, trong đó lực lượng Công an chủ trì 3 đợt và Bộ đội Biên phòng chủ trì 1 đợt."
    ) in text
    assert figure(result, "enforcement.campaigns", {"agency_kind": "police"})["value"] == 3
    # Only the Ministry's peaks are listed (one begun before the period: it ran in it).
    assert "Các đợt cao điểm do cơ quan Trung ương chủ trì:" in text
    assert "- Cao điểm chuyển tiếp, từ ngày 01/11/2021 đến ngày 31/01/2022" in text
    assert "- Cao điểm toàn quốc, từ ngày 01/7/2022 đến ngày 31/7/2022, do Bộ Công an" in text
    for name in PROVINCE_CAMPAIGNS:
        assert name not in text


def test_the_national_review_counts_cooperation_by_kind_and_country(world):
    result = review(national_unit())
    text = "\n".join(lines(result))
    kinds = values("cooperation.activities", ("cooperation_kind",))
    countries = values("cooperation.activities", ("counterpart_country",))
    assert kinds == {"information": 3, "repatriation": 2, "meeting": 2, "training": 2}
    assert len(countries) == 7 and countries["LA"] == 3 and set(countries.values()) == {1, 3}
    assert "Trong kỳ, các bộ, ngành, địa phương đã thực hiện 9 hoạt động hợp tác quốc tế" in text
    assert (
        "- Về hình thức: trao đổi thông tin (3 hoạt động), hồi hương nạn nhân (2 hoạt động), "
        "hội đàm, hội nghị (2 hoạt động) và đào tạo, tập huấn (2 hoạt động);"
    ) in text
    # The five largest named (ties by name), then the rest counted.
    item = next(t for t in lines(result) if t.startswith("- Về đối tác:"))
    assert item.startswith("- Về đối tác: hợp tác với Lào (3 hoạt động), Campuchia (1 hoạt động), ")
    assert item.endswith(" và 2 nước khác.") and item.count("(1 hoạt động)") == 4
    assert figure(result, "cooperation.activities", {"counterpart_country": "LA"})["value"] == 3
    for counterpart in COUNTERPARTS:
        assert counterpart not in text
    # Every figure of the three blocks is the registry's value for its group (as a period lock
    # reads it again).
    codes = {"directives.local_documents", "enforcement.campaigns", "cooperation.activities"}
    shown = [f for f in result["figures"].values() if f["indicator"] in codes]
    assert len(shown) == 3 + 1 + 2 + 4 + 5 + 1  # kinds, count, sectors, kinds, countries, total
    for f in shown:
        rows = compute([f["indicator"]], unit=national_unit(), where=f["where"] or None, **YEAR)
        assert [r["value"] for r in rows] == [f["value"]], f


def test_a_province_review_lists_its_records_as_before(world):
    """Today's Quảng Ngãi: its own documents each with its number, the central ones after, its
    campaigns and cooperation activities one by one, as before the national summaries."""
    result = review(unit(51, Level.PROVINCE, NEW))
    about = "về triển khai công tác phòng, chống mua bán người năm 2022"
    assert section(result, "I. ", "II. ") == [
        "Trong kỳ, tỉnh đã ban hành các văn bản để chỉ đạo, tổ chức thực hiện công tác này, gồm:",
        f"- Kế hoạch số 34/KH-UBND ngày 01/3/2022 {about};",
        f"- Kế hoạch số 35/KH-UBND ngày 01/3/2022 của Ủy ban nhân dân tỉnh Kon Tum {about};",
        f"- Công văn số 5645/UBND-NC ngày 01/3/2022 {about};",
        f"- Chỉ thị số 12/CT-UBND ngày 01/3/2022 {about}.",
        "Cùng với đó, các sở, ngành, địa phương tổ chức quán triệt, triển khai các văn bản của "
        "Trung ương:",
        f"- Kết luận số 13-KL/TW ngày 01/3/2022 của Bộ Chính trị {about};",
        f"- Quyết định số 2193/QĐ-TTg ngày 24/12/2021 của Thủ tướng Chính phủ {about}.",
    ]
    text = lines(result)
    start = text.index("Lực lượng chức năng đã mở các đợt cao điểm:")
    assert text[start + 1 : start + 3] == [
        "- Cao điểm Quảng Ngãi, từ ngày 01/4/2022 đến ngày 01/5/2022, do Công an tỉnh chủ trì;",
        "- Cao điểm biên phòng, từ ngày 01/6/2022 đến ngày 01/7/2022, do Bộ Chỉ huy Bộ đội Biên "
        "phòng tỉnh chủ trì.",
    ]
    cooperation = [t for t in text if t.startswith("- Ngày ")]
    assert cooperation == [
        f"- Ngày 0{n + 1}/5/2022, Công an tỉnh {kind} với {COUNTERPARTS[n]} ({country})"
        + ("." if n == 7 else ";")
        for n, kind, country in [
            (1, "trao đổi thông tin", "Lào"),
            (3, "hồi hương nạn nhân", "Lào"),
            (5, "hội đàm, hội nghị", "Nhật Bản"),
            (7, "đào tạo, tập huấn", "Myanmar"),
        ]
    ]
    for words in ("tỉnh, thành phố đã ban hành", "Trung ương chủ trì", "Về hình thức"):
        assert not any(words in t for t in text), words


def test_a_template_without_national_words_still_lists_and_says_why(world):
    """A template an administrator copied before the national sentences existed: the national
    review lists the records as before and tells the writers why (a hint, never printed)."""
    shipped = ReportTemplate.objects.get(code="actip-review")
    outline = copy.deepcopy(shipped.outline)
    for section_ in outline["sections"]:
        for block in section_.get("blocks", []):
            block.pop("national", None)
        for sub in section_.get("sections", []):
            for block in sub.get("blocks", []):
                block.pop("national", None)
    old = ReportTemplate.objects.create(
        code="ban-sao", name="Bản sao", kind="BC", subject=shipped.subject, outline=outline
    )
    result = review(national_unit(), old)
    text = lines(result)
    assert any(t.startswith("- Kế hoạch số 77/KH-UBND") for t in text)
    hints = [paragraph_text(p) for p in result["body"] if p["kind"] == "hint"]
    assert sum("mẫu câu tổng hợp toàn quốc" in h for h in hints) == 3


def test_the_outline_check_requires_the_national_slots(db):
    outline = copy.deepcopy(ReportTemplate.objects.get(code="actip-review").outline)
    check_outline(outline)
    documents = outline["sections"][0]["blocks"][0]
    documents["national"]["local_kind"] = "{kind}"  # no figure
    with pytest.raises(OutlineError, match="local_kind"):
        check_outline(outline)
    del documents["national"]["local_kind"]
    with pytest.raises(OutlineError, match="local_kind"):
        check_outline(outline)


# A reviewer's findings (r3) on the local documents and the national sentences.


def local_kinds() -> dict[str, int]:
    return values("directives.local_documents", ("kind",))


def commune_police(province: str) -> Agency:
    """The police of an old commune (under a district) of `province`, as seeded."""
    return Agency.objects.filter(
        code__startswith="ca-x",
        unit__level=Level.COMMUNE,
        unit__parent__level=Level.DISTRICT,
        unit__parent__parent__name=province,
    ).first()


def test_a_central_document_recorded_by_a_centrally_run_city_is_not_its_own(world):
    """Hà Nội's kind ("thành phố trung ương") is longer than its name's "Thành phố": the place
    was empty and every issuer matched. Old "Phường 1" gave the place "1"."""
    before = local_kinds()
    document("2194/QĐ-TTg", date(2022, 3, 2), "Thủ tướng Chính phủ", "hn-ca", "QĐ")
    ward = commune_police("Tỉnh Quảng Ngãi")
    ward.unit.__class__.objects.filter(pk=ward.unit_id).update(name="Phường 1")
    document("141/BQP-TM", date(2022, 3, 3), "Đoàn công tác 141, Bộ Quốc phòng", ward.code, "CV")
    # A Hà Nội document without a linked issuer still counts as Hà Nội's.
    document("78/KH-UBND", date(2022, 3, 4), "Ủy ban nhân dân thành phố Hà Nội", "hn-ca", "KH")
    assert local_kinds() == {**before, "KH": before["KH"] + 1}
    part = section(review(national_unit()), "I. ", "II. ")
    assert sum("2194/QĐ-TTg" in t and t.startswith("- ") for t in part) == 1


def test_a_commune_recording_its_province_s_document_counts_it_as_local(world):
    """The place of the recording unit's province (through `parent`, the province of the
    unit's time) is accepted, as the province review accepts its own place."""
    before = local_kinds()
    kon_tum = commune_police("Tỉnh Kon Tum")
    document("88/KH-UBND", date(2022, 3, 3), "Ủy ban nhân dân tỉnh Kon Tum", kon_tum.code, "KH")
    assert local_kinds() == {**before, "KH": before["KH"] + 1}
    part = section(review(national_unit()), "I. ", "II. ")
    assert not any("88/KH-UBND" in t for t in part)


def test_a_provincial_party_document_is_local_a_central_one_central(world):
    before = local_kinds()
    document("45-KH/TU", date(2022, 3, 4), "Tỉnh ủy Quảng Ngãi", "qng-ubnd", "KH", party=True)
    document("46-CT/HU", date(2022, 3, 4), "Huyện ủy Đắk Hà", "kt-ubnd", "CT", party=True)
    document("47-KH/TU-BDV", date(2022, 3, 4), "Ban Dân vận Tỉnh ủy", "qng-ubnd", "KH", party=True)
    document("48-CT/BBT", date(2022, 3, 4), "Ban Bí thư", "qng-ubnd", "CT", party=True)
    assert local_kinds() == {**before, "KH": before["KH"] + 2, "CT": before["CT"] + 1}
    part = section(review(national_unit()), "I. ", "II. ")
    for symbol in ("45-KH/TU", "46-CT/HU", "47-KH/TU-BDV"):
        assert not any(symbol in t for t in part), symbol
    assert sum("48-CT/BBT" in t and t.startswith("- ") for t in part) == 1


def test_local_documents_counted_in_no_province_claim_no_province(db):
    """Recorded by a ministry: no province counted, so neither "Các tỉnh, thành phố" (every
    province) nor a count of provinces."""
    agency("bca", "Bộ Công an", Kind.POLICE, national_unit())
    agencies_refresh_heirs()
    quang_ngai = "Ủy ban nhân dân tỉnh Quảng Ngãi"
    document("34/KH-UBND", date(2022, 3, 1), quang_ngai, "bca", "KH", issuers=["qng-ubnd"])
    assert (
        "Trong kỳ, đã ghi nhận 1 kế hoạch do địa phương ban hành để chỉ đạo, tổ chức thực hiện "
        "công tác này tại địa phương."
    ) in lines(review(national_unit()))


def test_one_province_and_one_lead_sector_read_as_a_clerk_writes_them(db):
    agency("bca", "Bộ Công an", Kind.POLICE, national_unit())
    agencies_refresh_heirs()
    quang_ngai = "Ủy ban nhân dân tỉnh Quảng Ngãi"
    document("34/KH-UBND", date(2022, 3, 1), quang_ngai, "qng-ubnd", "KH", issuers=["qng-ubnd"])
    campaign("Cao điểm Quảng Ngãi", "qng-ca", date(2022, 4, 1), date(2022, 5, 1))
    campaign("Cao điểm toàn quốc", "bca", date(2022, 7, 1), date(2022, 7, 31))
    text = lines(review(national_unit()))
    assert (
        "Tỉnh Quảng Ngãi đã ban hành 1 kế hoạch để chỉ đạo, tổ chức thực hiện công tác này tại "
        "địa phương."
    ) in text
    assert (
        "Trong kỳ, lực lượng chức năng các cấp đã mở 2 đợt cao điểm phòng, chống tội phạm mua "
        "bán người, do lực lượng Công an chủ trì."
    ) in text


def test_the_level_words_of_the_indicator_are_the_review_s():
    from ctip.directives.indicators import _LEVEL_WORDS
    from ctip.reporting.phrasing import LEVEL_WORDS

    assert set(_LEVEL_WORDS) == set(LEVEL_WORDS)
