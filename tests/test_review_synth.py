"""A review compiled from synthetic data for another province and period reads as the demo's
does: no hole where the data speaks, no internal code, no "0 vụ", clerks' punctuation; and the
templates hold no sentence written for one province or agency."""

import re
from datetime import date
from io import StringIO
from pathlib import Path

import pytest
import yaml
from django.core.management import call_command

from ctip.agencies.models import Agency
from ctip.geo.models import Level, Unit
from ctip.indicators.queries import compute
from ctip.reporting.compile import compile_report
from ctip.reporting.models import ReportTemplate
from ctip.reporting.outline import narrative_slots
from ctip.reporting.render import paragraph_text
from ctip.reporting.services import report_create

pytestmark = pytest.mark.django_db
TEMPLATES = Path(__file__).parents[1] / "ctip" / "reporting" / "fixtures" / "templates.yaml"
END = date(2026, 6, 30)
START = date(2024, 1, 1)
YEARS = max(3, date.today().year - 2022)


@pytest.fixture
def synthetic_province():
    call_command(
        "synth",
        "--no-reference",
        "--provinces=2",
        f"--years={YEARS}",
        "--activities=400",
        "--victims=60",
        "--cases=30",
        "--watchlist=60",
        "--seed=11",
        stdout=StringIO(),
    )
    provinces = Unit.objects.valid_on(END).filter(level=Level.PROVINCE).exclude(code=51)
    counts = [
        (compute(["prevention.activities"], unit=p, start=START, end=END)[0]["value"] or 0, p)
        for p in provinces
    ]
    return max(counts, key=lambda c: (c[0], -c[1].pk))[1]


def compiled(template_code, province):
    template = ReportTemplate.objects.get(code=template_code)
    # What people write (assessment, proposals) is written; every other word comes from data.
    narratives = {
        slot: "- Nội dung do văn phòng thường trực viết.\n- Ý kiến thứ hai."
        for slot, _heading, _label in narrative_slots(template.outline)
    }
    report = report_create(
        template=template,
        unit=province,
        period_start=START,
        period_end=END,
        subject="Kết quả thực hiện công tác phòng, chống mua bán người",
        narratives=narratives,
        round_large=True,
        acting_user=None,
    )
    return [(p["kind"], paragraph_text(p)) for p in compile_report(report)["body"]]


@pytest.mark.parametrize("template_code", ["actip-review", "six-month"])
def test_a_synthetic_review_reads_naturally(synthetic_province, template_code):
    body = compiled(template_code, synthetic_province)
    text = "\n".join(t for kind, t in body if kind != "hint")
    assert not [t for k, t in body if k == "gap"]
    assert not re.search(r"\[|\]", text)
    assert not re.search(r"\b[a-z]+_[a-z_]+\b", text), "an internal code"
    codes = re.findall(r"\([A-Z]{2}\)|(?<![\w/-])(?!II|IV|VI)[A-Z]{2}(?![\w/-])", text)
    assert not codes, "a country as its ISO code"
    assert not re.search(r"(?<![\d.,])0 (vụ|người|buổi|đối tượng|lượt)", text)
    # Lists punctuated as clerks do: "- ...;" and the last one "- ....".
    items = [t for k, t in body if k == "item"]
    assert items and all(t.startswith("- ") and t[-1] in ".;:" for t in items)
    agency_lines = [t for t in items if re.match(r"- [^:]+: [A-ZĐÂ]", t)]
    assert agency_lines, "one paragraph per agency in II.1"
    assert body[-1][1].endswith("./.")


def test_templates_hold_no_sentence_for_one_province_or_agency(db):
    data = yaml.safe_load(TEMPLATES.read_text())

    def strings(node):
        if isinstance(node, dict):
            for value in node.values():
                yield from strings(value)
        elif isinstance(node, list):
            for value in node:
                yield from strings(value)
        elif isinstance(node, str):
            yield node

    words = list(strings(data))
    places = list(Unit.objects.filter(level=Level.PROVINCE).values_list("name", flat=True))
    places = [p.partition(" ")[2] for p in places]
    agencies = list(Agency.objects.values_list("name", flat=True))
    for text in words:
        for name in places + agencies:
            assert name not in text, (name, text)
