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
    HOTLINE = "hotline", _("Đường dây nóng")
    SELF = "self", _("Tự đến trình báo")
    FAMILY = "family", _("Gia đình")
    NGO = "ngo", _("Tổ chức xã hội")


class Sex(models.TextChoices):
    FEMALE = "female", _("Nữ")
    MALE = "male", _("Nam")


EXPLOITATION_FORMS = {
    "sexual": _("Bóc lột tình dục"),
    "forced_labour": _("Cưỡng bức lao động"),
    "forced_marriage": _("Cưỡng ép kết hôn"),
    "organ_removal": _("Lấy bộ phận cơ thể"),
    "surrogacy": _("Mang thai hộ"),
    "child_sale": _("Mua bán trẻ em"),
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


REGIMES = {
    "essential_needs": _("Hỗ trợ nhu cầu thiết yếu"),
    "medical": _("Hỗ trợ y tế"),
    "interpretation": _("Hỗ trợ phiên dịch"),
    "legal_support": _("Hỗ trợ pháp lý"),
    "legal_aid": _("Trợ giúp pháp lý"),
    "travel": _("Hỗ trợ chi phí đi lại"),
    "psychological": _("Hỗ trợ tâm lý"),
    "education": _("Hỗ trợ giáo dục phổ thông"),
    "vocational": _("Hỗ trợ học nghề, tìm việc làm"),
    "hardship_loan": _("Trợ cấp khó khăn ban đầu, vay vốn"),
}
