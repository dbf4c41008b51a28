"""Report templates in the admin: copy a shipped template, then edit the copy's outline (JSON,
checked before saving) and upload a restyled Word layout. Shipped templates are read-only here:
`ctip load_reference` refreshes them from ctip/reporting/fixtures/templates.yaml."""

from django import forms
from django.contrib import admin, messages
from django.http import HttpResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from ctip.core.admin_writes import admin_delete, admin_save, form_changes
from ctip.core.listing import attachment_name, content_disposition
from ctip.core.uploads import UploadError, check_document
from ctip.reporting.errors import ReportError
from ctip.reporting.layout import build_layout
from ctip.reporting.models import OutgoingNumber, ReportRequest, ReportTemplate
from ctip.reporting.outline import OutlineError, check_outline
from ctip.reporting.services import template_copy


class TemplateForm(forms.ModelForm):
    class Meta:
        model = ReportTemplate
        fields = ["code", "name", "kind", "subject", "outline", "layout"]

    def clean_outline(self):
        outline = self.cleaned_data["outline"]
        try:
            check_outline(outline)
        except OutlineError as exc:
            raise forms.ValidationError(str(exc)) from exc
        return outline

    def clean_layout(self):
        layout = self.cleaned_data.get("layout")
        if layout and hasattr(layout, "content_type"):  # a new upload
            try:
                kind = check_document(layout)
            except UploadError as exc:
                raise forms.ValidationError(str(exc)) from exc
            if kind != "docx":
                raise forms.ValidationError(_("Mẫu trình bày phải là tệp Word (.docx)."))
        return layout


@admin.register(ReportTemplate)
class ReportTemplateAdmin(admin.ModelAdmin):
    form = TemplateForm
    list_display = ("name", "code", "kind", "shipped", "copied_from")
    actions = ["copy", "download_layout"]

    def has_change_permission(self, request, obj=None):
        if obj is not None and obj.shipped:
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return not (obj is not None and obj.shipped) and super().has_delete_permission(request, obj)

    @admin.action(description=_l("Sao chép mẫu để chỉnh sửa"))
    def copy(self, request, queryset):
        for template in queryset:
            code = f"{template.code}-ban-sao-{ReportTemplate.objects.count() + 1}"
            try:
                template_copy(template=template, code=code, acting_user=request.user)
            except ReportError as exc:
                self.message_user(request, str(exc), messages.ERROR)
                return
        self.message_user(request, _("Đã sao chép; mở bản sao để sửa đề cương và mẫu Word."))

    @admin.action(description=_l("Tải mẫu trình bày Word (.docx) để sửa kiểu chữ"))
    def download_layout(self, request, queryset):
        template = queryset.first()
        body = template.layout.read() if template and template.layout else build_layout()
        response = HttpResponse(
            body,
            content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        )
        name = attachment_name("mau-trinh-bay", template.code if template else "", ext="docx")
        response["Content-Disposition"] = content_disposition(name)
        return response

    def save_model(self, request, obj, form, change):
        admin_save(
            obj=obj,
            action="reporting.template_change" if change else "reporting.template_add",
            changes=form_changes(form, hidden=True),
            save=lambda: super(ReportTemplateAdmin, self).save_model(request, obj, form, change),
            acting_user=request.user,
        )

    def delete_model(self, request, obj):
        admin_delete(
            obj=obj,
            action="reporting.template_delete",
            changes={"code": [obj.code, None]},
            delete=lambda: super(ReportTemplateAdmin, self).delete_model(request, obj),
            acting_user=request.user,
        )


@admin.register(ReportRequest)
class ReportRequestAdmin(admin.ModelAdmin):
    list_display = ("number_symbol", "date", "issuer", "template", "deadline")
    readonly_fields = [f.name for f in ReportRequest._meta.fields]

    def has_add_permission(self, request):
        return False  # registered in the browser, through the service

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(OutgoingNumber)
class OutgoingNumberAdmin(admin.ModelAdmin):
    """The register of outgoing documents: the records office enters numbers taken by documents
    issued outside ctip (so the next free number is right); entries of issued reports are made
    by issuing and never edited; nothing is deleted (a register keeps its gaps)."""

    list_display = ("symbol", "date", "subject", "report")
    list_filter = ("year", "kind")
    search_fields = ("symbol", "subject")
    raw_id_fields = ("unit",)
    exclude = ("report", "created_by")

    def has_change_permission(self, request, obj=None):
        return obj is None or obj.report_id is None and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return False

    def save_model(self, request, obj, form, change):
        obj.created_by = obj.created_by or request.user
        admin_save(
            obj=obj,
            action="reporting.register_change" if change else "reporting.register_add",
            changes=form_changes(form),
            save=lambda: super(OutgoingNumberAdmin, self).save_model(request, obj, form, change),
            acting_user=request.user,
        )
