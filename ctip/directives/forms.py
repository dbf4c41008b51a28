from django import forms
from django.utils.translation import gettext_lazy as _

from ctip.agencies.labels import AgencyChoiceField, AgencyMultipleChoiceField
from ctip.agencies.models import Agency
from ctip.core import formfields as bounded
from ctip.directives.models import Relation, TaskStatus


class DocumentForm(forms.Form):
    number_symbol = bounded.CharField(
        label=_("Số, ký hiệu"), max_length=80, help_text=_("Ví dụ: 34/KH-UBND, 5645/UBND-NC")
    )
    date_issued = bounded.DateField(label=_("Ngày ban hành (ngày/tháng/năm)"))
    issuer_name = bounded.CharField(label=_("Cơ quan ban hành"), max_length=300)
    issuers = AgencyMultipleChoiceField(
        label=_("Cơ quan ban hành có trong hệ thống (nếu có)"),
        queryset=Agency.objects.none(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 6}),
    )
    subject = bounded.CharField(label=_("Trích yếu"), widget=forms.Textarea(attrs={"rows": 3}))
    file = forms.FileField(label=_("Tệp PDF hoặc Word"), required=False)


class SearchForm(forms.Form):
    q = bounded.CharField(
        label=_("Số, ký hiệu hoặc từ trong trích yếu"), required=False, max_length=200
    )
    date_from = bounded.DateField(label=_("Từ ngày"), required=False)
    date_to = bounded.DateField(label=_("Đến ngày"), required=False)
    issuer = bounded.CharField(label=_("Cơ quan ban hành"), required=False, max_length=300)


class TaskForm(forms.Form):
    agency = AgencyChoiceField(label=_("Cơ quan thực hiện"), queryset=Agency.objects.none())
    description = bounded.CharField(label=_("Nội dung"), widget=forms.Textarea(attrs={"rows": 2}))
    deadline = bounded.DateField(label=_("Hạn hoàn thành (ngày/tháng/năm)"), required=False)


class TaskStatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Trạng thái mới"), choices=TaskStatus.choices)


class RelationForm(forms.Form):
    kind = forms.ChoiceField(label=_("Quan hệ"), choices=Relation.choices)
    target = bounded.CharField(label=_("Số, ký hiệu văn bản liên quan"), max_length=80)
