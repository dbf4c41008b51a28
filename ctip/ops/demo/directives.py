"""Demo directives: the documents the Quảng Ngãi 2023 review names (shared/domain facts), with the
tasks such plans typically assign."""

from __future__ import annotations

from datetime import date

from ctip.agencies.models import Agency
from ctip.directives.models import Document, Relation
from ctip.directives.services import document_create, document_relate, task_assign

UBND = "Ủy ban nhân dân tỉnh Quảng Ngãi"
DOCUMENTS = [
    (
        "48-CT/TW",
        date(2010, 10, 22),
        "Bộ Chính trị",
        "Chỉ thị về tăng cường sự lãnh đạo của Đảng đối với công tác phòng, chống tội phạm trong "
        "tình hình mới",
    ),
    (
        "34/KH-UBND",
        date(2021, 2, 19),
        UBND,
        "Kế hoạch thực hiện Công ước ASEAN về phòng, chống buôn bán người, đặc biệt là phụ nữ và "
        "trẻ em trên địa bàn tỉnh",
    ),
    (
        "521/QĐ-UBND",
        date(2021, 4, 8),
        UBND,
        "Kế hoạch thực hiện Chương trình phòng, chống mua bán người giai đoạn 2021-2025 và định "
        "hướng đến năm 2030 trên địa bàn tỉnh",
    ),
    (
        "13-KL/TW",
        date(2021, 8, 16),
        "Bộ Chính trị",
        "Kết luận về tiếp tục thực hiện Chỉ thị số 48-CT/TW ngày 22/10/2010 của Bộ Chính trị "
        "(khóa X) về tăng cường sự lãnh đạo của Đảng đối với công tác phòng, chống tội phạm trong "
        "tình hình mới và Chiến lược quốc gia phòng, chống tội phạm giai đoạn 2016 - 2025 và định "
        "hướng đến năm 2030",
    ),
    (
        "5645/UBND-NC",
        date(2021, 10, 26),
        UBND,
        "Triển khai ý kiến chỉ đạo của Phó Thủ tướng Chính phủ về công tác phòng, chống mua bán "
        "người",
    ),
    (
        "2467/QCPH-LĐTBXH-CA-BP-SNgV",
        date(2022, 9, 24),
        "Sở Lao động - Thương binh và Xã hội, Công an tỉnh, Bộ Chỉ huy Bộ đội Biên phòng tỉnh, "
        "Sở Ngoại vụ",
        "Quy chế phối hợp trong công tác tiếp nhận, xác minh, bảo vệ và hỗ trợ nạn nhân bị mua bán "
        "trên địa bàn tỉnh",
    ),
    (
        "367/UBND-NC",
        date(2022, 9, 30),
        UBND,
        "Triển khai ý kiến chỉ đạo của Phó Thủ tướng Chính phủ về công tác phòng, chống mua bán "
        "người",
    ),
]
RELATIONS = [
    ("13-KL/TW", Relation.CONTINUES, "48-CT/TW"),
    ("521/QĐ-UBND", Relation.IMPLEMENTS, "34/KH-UBND"),
]
# The province's own documents name their issuers in the system: that is how a report tells
# them from the central documents the province carried out.
ISSUERS = {
    "34/KH-UBND": ["qng-ubnd"],
    "521/QĐ-UBND": ["qng-ubnd"],
    "5645/UBND-NC": ["qng-ubnd"],
    "367/UBND-NC": ["qng-ubnd"],
    "2467/QCPH-LĐTBXH-CA-BP-SNgV": ["qng-sldtbxh", "qng-ca", "qng-bdbp", "qng-sngv"],
}
TASKS = [
    (
        "34/KH-UBND",
        "qng-ca",
        "Chủ trì theo dõi việc thực hiện Kế hoạch, tổng hợp kết quả báo cáo UBND tỉnh hằng năm",
        date(2021, 12, 15),
    ),
    (
        "34/KH-UBND",
        "qng-sldtbxh",
        "Tổ chức tập huấn cho đội công tác xã hội tình nguyện ở các huyện miền núi",
        date(2021, 11, 30),
    ),
    (
        "521/QĐ-UBND",
        "qng-hlhpn",
        "Tuyên truyền cho phụ nữ nông thôn, phụ nữ dân tộc thiểu số về "
        "di cư lao động, kết hôn có yếu tố nước ngoài",
        date(2022, 6, 30),
    ),
    ("521/QĐ-UBND", "qng-bdbp", "Tuyên truyền cho nhân dân vùng biên giới biển", None),
    (
        "5645/UBND-NC",
        "qng-ca",
        "Đưa tuyên truyền lên Internet và mạng xã hội, chọn cách làm hợp với từng địa bàn",
        None,
    ),
    (
        "367/UBND-NC",
        "qng-ca",
        "Rà soát, siết chặt việc thực hiện các quy định về phòng, chống mua bán người ở các "
        "sở, ngành và địa phương",
        None,
    ),
]


def demo_directives_ensure(*, recorded_by_code: str = "qng-ca") -> int:
    """Idempotent: documents already in the register are left as they are."""
    recorded_by = Agency.objects.get(code=recorded_by_code)
    created = 0
    by_symbol = {}
    for symbol, issued, issuer, subject in DOCUMENTS:
        document = Document.objects.filter(number_symbol=symbol, date=issued).first()
        if document is None:
            document = document_create(
                number_symbol=symbol,
                date_issued=issued,
                subject=subject,
                issuer_name=issuer,
                recorded_by=recorded_by,
                issuers=list(Agency.objects.filter(code__in=ISSUERS.get(symbol, []))),
                acting_user=None,
            )
            created += 1
            for doc_symbol, agency_code, text, deadline in TASKS:
                if doc_symbol == symbol:
                    task_assign(
                        document=document,
                        agency=Agency.objects.get(code=agency_code),
                        description=text,
                        deadline=deadline,
                        acting_user=None,
                    )
        by_symbol[symbol] = document
    for source, kind, target in RELATIONS:
        document_relate(
            source=by_symbol[source], target=by_symbol[target], kind=kind, acting_user=None
        )
    return created
