"""A police report part read into drafts in the demo (issue 25), so the page of drafts has
something to show: one sentence of prevention work (a draft activity, with its partner and
target groups) and one of cases opened (a draft case for the investigator)."""

from __future__ import annotations

from ctip.accounts.models import User
from ctip.agencies.models import Agency
from ctip.ingest.models import Reading
from ctip.ingest.services import reading_create

# Written for the demo in the register of the police's six-month part (not a real report).
TEXT = (
    "- Công an tỉnh: Trong 6 tháng đầu năm 2026, phối hợp với Hội LHPN tỉnh tổ chức 24 buổi "
    "tuyên truyền về phòng, chống mua bán người cho học sinh, phụ nữ dân tộc thiểu số tại các "
    "xã biên giới, với hơn 1.800 lượt người tham gia; treo 40 băng rôn, khẩu hiệu.\n"
    "Trong 6 tháng đầu năm 2026, Công an tỉnh phát hiện, khởi tố 02 vụ/04 đối tượng mua bán "
    "người."
)


def demo_readings_ensure() -> int:
    """Once (the police's first reading); needs the demo accounts. Returns readings added."""
    police = Agency.objects.get(code="qng-ca-2025")
    if Reading.objects.filter(agency=police).exists():
        return 0
    reading_create(agency=police, acting_user=User.objects.get(username="congan"), text=TEXT)
    return 1
