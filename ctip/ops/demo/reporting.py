"""The request the reference report answered (3131/BCA-V03) and a draft of the review with its
narratives (sections II.2, III and IV), written from the reference report's assessment and
proposals (../shared/domain/quang-ngai-2023.yaml)."""

from __future__ import annotations

from datetime import date

from ctip.geo.models import Level, Unit
from ctip.reporting.models import Report, ReportRequest, ReportTemplate
from ctip.reporting.services import report_create, report_request_register

RECIPIENTS = [
    "V03, C02 - Bộ Công an",
    "TT Tỉnh ủy, TT HĐND tỉnh",
    "CT, PCT UBND tỉnh",
    "Công an tỉnh",
    "VPUB: CVP, PCVP, CBTH",
    "Lưu: VT, NCbđv708",
]
NARRATIVES = {
    "ii2": (
        "Qua rà soát, tỉnh kiến nghị tiếp tục hoàn thiện quy định của Bộ luật Hình sự, Bộ luật "
        "Tố tụng hình sự, Luật Phòng, chống mua bán người và Luật Tương trợ tư pháp cho phù hợp "
        "với Công ước ASEAN và yêu cầu hợp tác quốc tế."
    ),
    "iii_strengths": (
        "Công tác phòng, chống mua bán người được các cấp, các ngành quan tâm chỉ đạo; các cơ "
        "quan đã ban hành kế hoạch thực hiện Công ước và Chương trình phòng, chống mua bán người, "
        "tổ chức tuyên truyền với nhiều hình thức, đến được nhiều đối tượng."
    ),
    "iii_weaknesses": (
        "- Công tác tuyên truyền có lúc còn dàn trải, chưa tập trung vào nhóm đối tượng có nguy "
        "cơ, nhất là ở vùng sâu, vùng xa.\n"
        "- Các mô hình chưa được nhân rộng ở cơ sở, chưa tạo thành phong trào rộng khắp."
    ),
    "iii_causes": (
        "- Đời sống của một bộ phận nhân dân còn khó khăn, thiếu việc làm, trình độ học vấn thấp "
        "nên phụ nữ dễ bị lôi kéo, dụ dỗ.\n"
        "- Việc phối hợp, trao đổi thông tin giữa các lực lượng chưa thường xuyên, có lúc chưa "
        "kịp thời.\n"
        "- Đối tượng lợi dụng mạng xã hội (Zalo, Facebook) để tuyển mộ; nạn nhân chỉ biết bị "
        "lừa khi đã ra nước ngoài."
    ),
    "iv": (
        "Đề nghị Bộ Công an:\n"
        "- Tăng cường tập huấn, cung cấp tài liệu phục vụ công tác tuyên truyền phòng, chống mua "
        "bán người.\n"
        "- Quan tâm bổ sung kinh phí, trang thiết bị, trong đó có kinh phí hỗ trợ ban đầu cho "
        "nạn nhân."
    ),
}


def demo_reporting_ensure() -> int:
    if ReportRequest.objects.filter(number_symbol="3131/BCA-V03").exists():
        return 0
    template = ReportTemplate.objects.get(code="actip-review")
    province = Unit.objects.valid_on(date(2023, 10, 16)).get(level=Level.PROVINCE, code=51)
    request = report_request_register(
        number_symbol="3131/BCA-V03",
        date_issued=date(2023, 9, 5),
        issuer="Bộ Công an",
        subject="sơ kết 03 năm thực hiện Công ước ASEAN về phòng, chống buôn bán người",
        template=template,
        unit=province,
        period_start=date(2020, 12, 1),
        period_end=date(2023, 10, 16),
        deadline=date(2023, 10, 20),
        recipients=RECIPIENTS,
        signing_authority="KT. CHỦ TỊCH / PHÓ CHỦ TỊCH",
        signer_name="",
        acting_user=None,
    )
    report_create(
        template=template,
        unit=province,
        period_start=request.period_start,
        period_end=request.period_end,
        request=request,
        subject=(
            "Sơ kết 03 năm thực hiện Công ước ASEAN về phòng, chống buôn bán người, đặc biệt "
            "là phụ nữ và trẻ em"
        ),
        narratives=NARRATIVES,
        acting_user=None,
    )
    return Report.objects.filter(request=request).count()
