"""The request the reference report answered (3131/BCA-V03) and a draft of the review with its
narratives (the coordination and the standing office's work in I, II.2, the police's measures
in II.4, II.5, III and IV), written in our own words from the facts of the reference report
(../shared/domain/quang-ngai-2023.yaml)."""

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
    "i_more": (
        "- Sự phối hợp giữa các ngành được chú trọng: bốn cơ quan chủ chốt trong tiếp nhận, bảo "
        "vệ và hỗ trợ nạn nhân đã cùng xây dựng quy chế phối hợp, làm căn cứ để mỗi bên biết rõ "
        "việc của mình và phối hợp kịp thời khi có trường hợp cần giúp đỡ.\n"
        "- Công an tỉnh, là cơ quan thường trực của Ban Chỉ đạo 138 tỉnh, theo dõi sát diễn "
        "biến và cách thức hoạt động của loại tội phạm này để chủ động ngăn ngừa; mỗi năm đều "
        "tổ chức các đợt cao điểm truyền thông và các đợt tập trung trấn áp, cùng các hoạt động "
        "nhân Ngày toàn dân phòng, chống mua bán người (30/7)."
    ),
    "ii2": (
        "Các cơ quan của tỉnh thường xuyên đối chiếu pháp luật trong nước với các cam kết của "
        "Công ước ASEAN và kiến nghị tiếp tục hoàn thiện Bộ luật Hình sự, Bộ luật Tố tụng hình "
        "sự, Luật Phòng, chống mua bán người, Luật Tương trợ tư pháp cùng các văn bản hướng dẫn "
        "cho thống nhất với Công ước."
    ),
    "ii4": (
        "- Lực lượng Công an chủ động triển khai các biện pháp nghiệp vụ, mở các đợt tập trung "
        "trấn áp, phối hợp với các đơn vị liên quan để phòng ngừa và kịp thời giải cứu, hỗ trợ "
        "công dân của tỉnh bị lừa bán. Việc quản lý cư trú được siết chặt: rà soát phụ nữ, trẻ "
        "em rời địa phương dài ngày không rõ lý do, người đi du lịch, học tập, lao động ở nước "
        "ngoài đã hết hạn mà chưa trở về; kiểm tra các cơ sở kinh doanh ngành, nghề có điều "
        "kiện, các trường hợp kết hôn, lao động, nhận con nuôi có yếu tố nước ngoài.\n"
        "- Các tuyến, địa bàn ven biển và hải đảo, nơi dễ phát sinh loại tội phạm này, được tập "
        "trung theo dõi, phòng ngừa."
    ),
    "ii5": (
        "Các cơ quan duy trì trao đổi thông tin về tội phạm mua bán người theo kênh của ngành, "
        "thực hiện nghiêm các quy định về hợp tác quốc tế và định kỳ đánh giá kết quả thực hiện."
    ),
    "iii_strengths": (
        "Nhờ sự chỉ đạo sát sao của chính quyền các cấp và sự tham gia tích cực của các ngành, "
        "công tác phòng, chống mua bán người đạt kết quả rõ nét: nhận thức của người dân được "
        "nâng lên, nhiều người chủ động tham gia phòng ngừa, tố giác tội phạm; một số mô hình "
        "phòng ngừa và hỗ trợ nạn nhân được xây dựng, nhân rộng; các ngành ký kết quy chế, kế "
        "hoạch phối hợp, phân rõ trách nhiệm trong xác minh, giải cứu và bảo vệ nạn nhân."
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
        signing_authority="TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH",
        signer_name="Đặng Văn Minh",
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
        # The review words large counts as its clerks do: "hơn 3.000 lượt người".
        round_large=True,
        acting_user=None,
    )
    return Report.objects.filter(request=request).count()
