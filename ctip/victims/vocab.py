"""The coded vocabularies of a victim case: sources, sex, forms of exploitation, means of
control, recruitment channels and support regimes (codes stored, labels translated)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from ctip.core.labels import code_list_register
from ctip.victims.paper_models import PaperKind


class Source(models.TextChoices):
    COMMUNE = "commune", _("Ủy ban nhân dân cấp xã")
    POLICE = "police", _("Công an")
    BORDER_GUARD = "border_guard", _("Bộ đội Biên phòng")
    COAST_GUARD = "coast_guard", _("Cảnh sát biển")
    MISSION_ABROAD = "mission_abroad", _("Cơ quan đại diện ở nước ngoài")
    RESCUE = "rescue", _("Được giải cứu")
    HOTLINE = "hotline", _("Đường dây nóng")
    SELF = "self", _("Tự đến trình báo")
    FAMILY = "family", _("Gia đình")
    NGO = "ngo", _("Tổ chức xã hội")


class Sex(models.TextChoices):
    FEMALE = "female", _("Nữ")
    MALE = "male", _("Nam")


# Surrogacy and the sale of children as the law names them: "mang thai hộ vì mục đích thương
# mại", "mua bán người dưới 16 tuổi" (the crime of Criminal Code Art. 151).
EXPLOITATION_FORMS = {
    "sexual": _("Bóc lột tình dục"),
    "forced_labour": _("Cưỡng bức lao động"),
    "forced_marriage": _("Cưỡng ép kết hôn"),
    "organ_removal": _("Lấy bộ phận cơ thể"),
    "surrogacy": _("Mang thai hộ vì mục đích thương mại"),
    "child_sale": _("Mua bán người dưới 16 tuổi"),
    "online_scam": _("Cưỡng bức lừa đảo trực tuyến"),
    "other": _("Khác"),
}
MEANS_OF_CONTROL = {
    "debt": _("Ép nợ"),
    "documents_withheld": _("Giữ giấy tờ"),
    "confinement": _("Giam giữ, hạn chế đi lại"),
    "violence": _("Bạo lực, đe dọa"),
    "drugs": _("Ép dùng chất kích thích"),
    "isolation": _("Cô lập, cắt liên lạc"),
}
RECRUITMENT_CHANNELS = {
    "social_network": _("Mạng xã hội"),
    "acquaintance": _("Người quen"),
    "broker": _("Môi giới"),
    "fake_job": _("Lời mời việc làm giả"),
    "marriage_broker": _("Môi giới hôn nhân"),
    "other": _("Khác"),
}


# The support regimes in the words of Law 53/2024/QH15 Art. 37(1), points a-k ("hỗ trợ pháp
# luật", point d, is legal information and counselling; "trợ giúp pháp lý", point đ, is legal aid
# under the Law on Legal Aid). Codes are shared with the 2011 regime (Law 66/2011 Art. 32(1)).
REGIMES = {
    "essential_needs": _("Hỗ trợ nhu cầu thiết yếu"),
    "medical": _("Hỗ trợ y tế"),
    "interpretation": _("Hỗ trợ phiên dịch"),
    "legal_support": _("Hỗ trợ pháp luật"),
    "legal_aid": _("Trợ giúp pháp lý"),
    "travel": _("Hỗ trợ chi phí đi lại"),
    "psychological": _("Hỗ trợ tâm lý"),
    "education": _("Hỗ trợ học văn hóa"),
    "vocational": _("Hỗ trợ học nghề, tư vấn, tạo điều kiện để có việc làm"),
    "hardship_loan": _("Trợ cấp khó khăn ban đầu, hỗ trợ vay vốn"),
}

# Pages and exports write the labels (ctip.core.labels): `{{ code|label:"recruitment_channel" }}`.
code_list_register("exploitation_form", EXPLOITATION_FORMS)
code_list_register("means_of_control", MEANS_OF_CONTROL)
code_list_register("recruitment_channel", RECRUITMENT_CHANNELS)
code_list_register("regime", REGIMES)
code_list_register("case_source", dict(Source.choices))
code_list_register("sex", dict(Sex.choices))

# The part of a case a read of personal data was in (AccessLog.section, the case's access log).
ACCESS_SECTIONS = {
    "identity": _("Nhân thân"),
    "identity_edit": _("Sửa nhân thân"),
    "search": _("Tìm kiếm hồ sơ"),
    "protection": _("Hỗ trợ, chuyển hồ sơ"),
    "privacy": _("Dữ liệu cá nhân"),
    "actions": _("Các bước bảo vệ, hỗ trợ"),
    "access_log": _("Nhật ký truy cập"),
    "evidence": _("Chứng từ hỗ trợ"),
    "consent_evidence": _("Bằng chứng đồng ý"),
}


def access_section_label(code: str) -> str:
    """ "identity" -> "Nhân thân"; a paper ("paper:reception_minutes") by its kind."""
    if code.startswith("paper:"):
        kind = code.removeprefix("paper:")
        name = dict(PaperKind.choices).get(kind, kind)
        return str(_("Giấy tờ: %(kind)s")) % {"kind": name}
    return str(ACCESS_SECTIONS.get(code, code))


code_list_register("access_section", access_section_label)
