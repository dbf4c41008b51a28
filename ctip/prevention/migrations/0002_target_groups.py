from django.db import migrations

GROUPS = {
    "public": "Nhân dân",
    "pupils_students": "Học sinh, sinh viên",
    "teachers": "Giáo viên",
    "rural_women": "Phụ nữ nông thôn",
    "ethnic_minority_women": "Phụ nữ dân tộc thiểu số",
    "ethnic_minority": "Đồng bào dân tộc thiểu số",
    "volunteers": "Tình nguyện viên công tác xã hội",
    "officials": "Cán bộ, công chức",
    "officers_soldiers": "Cán bộ, chiến sĩ",
    "border_coastal_residents": "Nhân dân vùng biên giới, ven biển",
    "fishermen": "Ngư dân",
    "workers_abroad": "Người lao động đi làm việc ở nước ngoài",
    "youth": "Đoàn viên, thanh niên",
}


def add(apps, schema_editor):
    TargetGroup = apps.get_model("prevention", "TargetGroup")
    for code, name in GROUPS.items():
        TargetGroup.objects.update_or_create(code=code, defaults={"name": name})


class Migration(migrations.Migration):
    dependencies = [("prevention", "0001_initial")]
    operations = [migrations.RunPython(add, migrations.RunPython.noop)]
