from django.utils.translation import gettext_lazy as _

from ctip.core.labels import code_list_register

# Code -> label. The table TargetGroup holds the same codes (for the many-to-many join).
TARGET_GROUPS = {
    "public": _("Nhân dân"),
    "pupils_students": _("Học sinh, sinh viên"),
    "teachers": _("Giáo viên"),
    "rural_women": _("Phụ nữ nông thôn"),
    "ethnic_minority_women": _("Phụ nữ dân tộc thiểu số"),
    "ethnic_minority": _("Đồng bào dân tộc thiểu số"),
    "volunteers": _("Tình nguyện viên công tác xã hội"),
    "officials": _("Cán bộ, công chức"),
    "officers_soldiers": _("Cán bộ, chiến sĩ"),
    "border_coastal_residents": _("Nhân dân vùng biên giới, ven biển"),
    "fishermen": _("Ngư dân"),
    "workers_abroad": _("Người lao động đi làm việc ở nước ngoài"),
    "youth": _("Đoàn viên, thanh niên"),
}
code_list_register("target_group", TARGET_GROUPS)
