"""The 2023 review compiled from the demo, read against the real one (207/BC-UBND of 16/10/2023,
shared/domain/reference-review-207-BC-UBND.txt): the same outline, the same agency paragraphs in
the same order, every figure worded as the real review words it, no hole, the state header and
signature, and sentences of our own (no run of 12 words copied from the reference)."""

import re
from datetime import date
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from docx import Document as DocxDocument

from ctip.agencies.models import Agency
from ctip.directives.models import Document
from ctip.ops.demo.directives import demo_directives_ensure
from ctip.ops.demo.enforcement import demo_enforcement_ensure
from ctip.ops.demo.prevention import demo_prevention_ensure
from ctip.ops.demo.reporting import NARRATIVES, demo_reporting_ensure
from ctip.ops.demo.victims import demo_cases_ensure
from ctip.reporting.compile import compile_report
from ctip.reporting.issuing import report_issue
from ctip.reporting.models import Report
from ctip.reporting.phrasing import local_name
from ctip.reporting.render import paragraph_text
from ctip.reporting.services import compilation_start

pytestmark = pytest.mark.django_db
TODAY = date(2026, 11, 28)
REFERENCE = Path(__file__).parent / "data" / "reference-review-207-BC-UBND.txt"
TEMPLATES = Path(__file__).parents[1] / "ctip" / "reporting" / "fixtures" / "templates.yaml"

# The real review's outline: numerals in order, each heading with the words that name its topic.
OUTLINE = [
    ("h1", "I.", "LÃNH ĐẠO, CHỈ ĐẠO"),
    ("h1", "II.", "KẾT QUẢ THỰC HIỆN"),
    ("h2", "1.", "tuyên truyền"),
    ("h2", "2.", "rà soát"),
    ("h2", "3.", "tiếp nhận, xác minh"),
    ("h2", "4.", "đấu tranh"),
    ("h2", "5.", "hợp tác quốc tế"),
    ("h1", "III.", "ĐÁNH GIÁ"),
    ("h2", "1.", "Ưu điểm"),
    ("h2", "2.", "Tồn tại, hạn chế"),
    ("h2", "3.", "Nguyên nhân"),
    ("h1", "IV.", "ĐỀ XUẤT"),
]
# II.1, one paragraph per agency in the real review's order: who, and the words that must (and
# must not) be in it. Figures are worded as the real review words them.
AGENCIES = [
    (
        "- Công an tỉnh:",
        [
            "98 buổi tuyên truyền",
            "hơn 3.000 lượt người",
            "Nhân dân",
            "giáo viên",
            "30/7",
            "tin nhắn",
        ],
        [],
    ),
    ("- Viện kiểm sát nhân dân tỉnh, Tòa án nhân dân tỉnh:", ["cán bộ, công chức"], [r"\d"]),
    (
        "- Sở Lao động - Thương binh và Xã hội:",
        ["hơn 3.100 lượt người", "Lắng nghe nạn nhân - dẫn lối hành động", "Công an tỉnh"],
        [r"\d+ (buổi|lớp|hội nghị)", "3.200"],
    ),
    (
        "- Hội Liên hiệp Phụ nữ tỉnh:",
        ["hơn 3.500 lượt người", "phụ nữ nông thôn", "dân tộc thiểu số"],
        [r"\d+ (buổi|lớp|hội nghị)"],
    ),
    (
        "- Bộ Chỉ huy Bộ đội Biên phòng tỉnh:",
        ["155 buổi tuyên truyền", "hơn 9.500", "55 tin, bài, phóng sự"],
        [],
    ),
    ("- Sở Giáo dục và Đào tạo:", ["học sinh, sinh viên"], [r"\d"]),
]
MASS_ORGANISATIONS = [
    "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh",
    "Liên đoàn Lao động tỉnh",
    "Tỉnh Đoàn",
]
MASS_ORGANISATIONS += ["Hội Cựu chiến binh tỉnh", "Hội Nông dân tỉnh"]


@pytest.fixture
def review():
    demo_directives_ensure()
    demo_prevention_ensure(today=TODAY)
    demo_cases_ensure(today=TODAY)
    demo_enforcement_ensure(today=TODAY)
    demo_reporting_ensure()
    report = Report.objects.get(request__number_symbol="3131/BCA-V03")
    return compile_report(report)


def body(result):
    return [(p["kind"], paragraph_text(p)) for p in result["body"]]


def section(result, numeral_h1, numeral_h2=None):
    """The paragraphs of one section (II., or II. 1.), headings left out."""
    found, inside_h1, inside = [], False, False
    for kind, text in body(result):
        if kind == "h1":
            inside_h1 = text.startswith(numeral_h1)
            inside = inside_h1 and numeral_h2 is None
        elif kind == "h2":
            inside = inside_h1 and (numeral_h2 is None or text.startswith(numeral_h2))
        elif inside:
            found.append(text)
    return found


def test_the_outline_is_the_real_reviews(review):
    headings = [(k, t) for k, t in body(review) if k in ("h1", "h2", "h3")]
    assert len(headings) == len(OUTLINE)
    for (kind, text), (level, numeral, topic) in zip(headings, OUTLINE, strict=True):
        assert kind == level and text.startswith(numeral + " ") and topic in text, text


def test_no_hole_and_the_last_paragraph_closes(review):
    assert not [t for k, t in body(review) if k == "gap" or (k != "hint" and t.startswith("["))]
    assert body(review)[-1][1].endswith("./.")


def test_section_one_separates_the_provinces_documents_from_the_central_ones(review):
    paragraphs = section(review, "I.")
    own_at = next(n for n, t in enumerate(paragraphs) if "tỉnh đã ban hành" in t)
    central_at = next(n for n, t in enumerate(paragraphs) if "Trung ương" in t)
    own = "\n".join(paragraphs[own_at + 1 : central_at])
    central = "\n".join(paragraphs[central_at + 1 :])
    for symbol in ["34/KH-UBND", "521/QĐ-UBND", "5645/UBND-NC", "2467/QCPH", "367/UBND-NC"]:
        assert symbol in own and symbol not in central
    for symbol in ["13-KL/TW", "48-CT/TW"]:
        assert symbol in central and symbol not in own
    # What each plan directed, and to whom; dates as clerks write them.
    assert "giao Công an tỉnh" in own and "ngày 08/4/2021" in own and "ngày 19/02/2021" in own
    items = [t for t in paragraphs[own_at + 1 : central_at] if t.startswith("- ")]
    assert all(t.endswith(";") for t in items[:-1]) and items[-1].endswith(".")


def test_every_agency_paragraph_in_the_real_reviews_order(review):
    paragraphs = [t for t in section(review, "II.", "1.") if t.startswith("- ")]
    for n, (start, present, absent) in enumerate(AGENCIES):
        assert paragraphs[n].startswith(start), (n, paragraphs[n])
        for words in present:
            assert words in paragraphs[n], (start, words, paragraphs[n])
        for pattern in absent:
            assert not re.search(pattern, paragraphs[n][len(start) :]), (start, pattern)
    rest = paragraphs[len(AGENCIES) :]
    assert len(rest) == 1, rest
    for name in MASS_ORGANISATIONS:
        assert name in rest[0]
    assert not re.search(r"\d", rest[0].partition(":")[2])


def test_victims_teams_crime_and_cooperation_say_what_the_real_review_says(review):
    victims = " ".join(section(review, "II.", "3."))
    assert "chưa tiếp nhận" in victims
    assert "168 Đội công tác xã hội tình nguyện" in victims
    assert "hơn 1.200 tình nguyện viên" in victims
    crime = " ".join(section(review, "II.", "4."))
    assert "chưa phát hiện" in crime
    assert not re.search(r"\b0 vụ", crime)
    assert "trấn áp" in crime and "kiểm tra" in crime  # in the standing office's words
    assert not re.search(r"\d+ cuộc kiểm tra|ngày \d+/\d+/202[123] đến", crime)
    cooperation = " ".join(section(review, "II.", "5."))
    assert "Lào" not in cooperation and "(LA)" not in cooperation


def test_the_whole_text_states_no_figure_the_real_review_does_not_have(review):
    text = "\n".join(t for _k, t in body(review))
    shown = {
        int(n.replace(".", ""))
        for n in re.findall(r"(?<![\d/])(\d{1,3}(?:\.\d{3})+|\d+)(?![\d/])", text)
    }
    reference = REFERENCE.read_text()
    stated = {int(n.replace(".", "")) for n in re.findall(r"\d{1,3}(?:\.\d{3})+|\d+", reference)}
    assert shown <= stated | {30}, sorted(shown - stated)


def test_header_and_signature_of_the_issued_review(review):
    draft = Report.objects.get(request__number_symbol="3131/BCA-V03")
    compilation = compilation_start(report=draft, acting_user=None, run_now=True)
    report_issue(
        report=draft,
        compilation=compilation,
        issue_date=date(2023, 10, 16),
        number=207,
        acting_user=None,
    )
    issued = Report.objects.get(number="207/BC-UBND")
    header = issued.issued_compilation.result["header"]
    assert header["authority"] == ["ỦY BAN NHÂN DÂN", "TỈNH QUẢNG NGÃI"]
    assert header["number"] == "Số: 207/BC-UBND"
    assert header["place_date"] == "Quảng Ngãi, ngày 16 tháng 10 năm 2023"
    assert "3131/BCA-V03 ngày 05/9/2023" in header["answers"]
    assert header["signer_lines"] == ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]
    assert header["signer_name"] == "Đặng Văn Minh"
    assert review["header"]["number"].startswith("Số:") and "207" not in review["header"]["number"]


# --- our own sentences -------------------------------------------------------------------------


def words(text):
    return re.findall(r"\w+", text.casefold())


def copied_runs(text, reference, n=12):
    ref = words(reference)
    shingles = {tuple(ref[i : i + n]) for i in range(len(ref) - n + 1)}
    ours = words(text)
    return [
        " ".join(ours[i : i + n])
        for i in range(len(ours) - n + 1)
        if tuple(ours[i : i + n]) in shingles
    ]


def facts():
    """Names and titles are facts, not sentences: agencies, documents' titles and symbols, the
    convention, the laws and the programme the review names."""
    found = [a.name for a in Agency.objects.all()]
    found += [local_name(a.name, "Tỉnh Quảng Ngãi") for a in Agency.objects.all()]
    for d in Document.objects.all():
        # The title as the register holds it, and without its leading kind ("Quy chế phối hợp
        # trong công tác ..." reads "... ngày 24/9/2022 trong công tác ...").
        words_ = d.subject.split(" ")
        found += [d.number_symbol] + [" ".join(words_[n:]) for n in range(5) if len(words_) > n + 6]
    found += [
        "Công ước ASEAN về phòng, chống buôn bán người, đặc biệt là phụ nữ và trẻ em",
        "Bộ luật Hình sự, Bộ luật Tố tụng hình sự, Luật Phòng, chống mua bán người, "
        "Luật Tương trợ tư pháp",
        "Ngày toàn dân phòng, chống mua bán người",
        "Sở Lao động - Thương binh và Xã hội, Công an tỉnh, Bộ Chỉ huy Bộ đội Biên phòng tỉnh "
        "và Sở Ngoại vụ",
    ]
    return sorted(found, key=len, reverse=True)


def masked(text, names):
    for name in names:
        text = re.sub(re.escape(name), " § ", text, flags=re.IGNORECASE)
    return text


def test_no_run_of_twelve_words_is_copied_from_the_real_review(review):
    reference = REFERENCE.read_text()
    names = facts()
    ours = [t for _k, t in body(review)]
    ours += list(NARRATIVES.values()) + [TEMPLATES.read_text()]
    for text in ours:
        assert not copied_runs(masked(text, names), reference), text


def test_the_copy_check_can_fail():
    reference = REFERENCE.read_text()
    sentence = reference.split("\n\n")[12]
    assert copied_runs(sentence, reference)


def test_the_command_with_default_settings_words_figures_as_the_real_review(review, tmp_path):
    """No --round: the review's template rounds large counts as its clerks do."""
    out = tmp_path / "review.docx"
    call_command(
        "report",
        "--template=actip-review",
        "--unit=Quảng Ngãi",
        "--from=2020-12-01",
        "--to=2023-10-16",
        f"--output={out}",
        stdout=StringIO(),
    )
    text = "\n".join(p.text for p in DocxDocument(str(out)).paragraphs)
    for words in ["98 buổi", "hơn 3.000 lượt người", "155 buổi", "hơn 9.500", "55 tin, bài"]:
        assert words in text, words
    for words in ["hơn 3.100 lượt người", "hơn 3.500 lượt người", "hơn 1.200 tình nguyện viên"]:
        assert words in text, words
    assert "168 Đội công tác xã hội tình nguyện" in text
