"""The coded vocabularies of a victim case: sources, sex, forms of exploitation, means of
control, recruitment channels and support regimes (codes stored, labels translated)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


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
# The exploitation categories of the Human Trafficking Case Data Standard (HTCDS), for exports;
# ctip's finer codes map onto them (forced scamming is forced criminal activity).
HTCDS_EXPLOITATION = {
    "sexual": "Sexual exploitation",
    "forced_labour": "Forced labour",
    "forced_marriage": "Forced marriage",
    "organ_removal": "Removal of organs",
    "surrogacy": "Other",
    "child_sale": "Other",
    "online_scam": "Forced criminal activity",
    "other": "Other",
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
