"""The upload of a field form's export."""

from __future__ import annotations

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from ctip.core.bounds import MAX_IMPORT_FILE_BYTES


class ExportUploadForm(forms.Form):
    file = forms.FileField(label=_l("Tệp xuất từ ODK Central hoặc KoboToolbox (CSV hoặc JSON)"))

    def clean_file(self) -> UploadedFile:
        upload = self.cleaned_data["file"]
        if not str(upload.name).lower().endswith((".csv", ".json")):
            raise forms.ValidationError(_("Chọn tệp .csv hoặc .json đã xuất từ công cụ thu thập."))
        if upload.size and upload.size > MAX_IMPORT_FILE_BYTES:
            megabytes = MAX_IMPORT_FILE_BYTES // 1024 // 1024
            raise forms.ValidationError(_("Tệp quá lớn (tối đa %(max)s MB).") % {"max": megabytes})
        return upload

    def data_bytes(self) -> bytes:
        upload = self.cleaned_data["file"]
        upload.seek(0)
        return b"".join(upload.chunks())
