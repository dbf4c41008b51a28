from typing import Any

from django import forms
from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin
from django.db import transaction
from django.urls import URLPattern
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from ctip.accounts.models import Assignment, TwoFactorResetRequest, User
from ctip.accounts.recovery import (
    RecoveryError,
    password_reset_send,
    two_factor_reset_approve,
    two_factor_reset_request,
)
from ctip.core.audit import audit_write

# Second-factor secrets (TOTP keys, backup codes) are never shown, not even to administrators:
# django-otp's own admin pages for them are removed.
for _model in (TOTPDevice, StaticDevice):
    if admin.site.is_registered(_model):
        admin.site.unregister(_model)

AUDITED = ["username", "email", "first_name", "last_name", "is_active", "is_staff"]


class AssignmentInline(admin.TabularInline):
    model = Assignment
    extra = 0
    autocomplete_fields = ["agency"]
    raw_id_fields = ["unit"]


class UserCreateForm(forms.ModelForm):
    """A new account has no password: its owner chooses one through the link sent to them."""

    class Meta:
        model = User
        fields = ["username", "email", "first_name", "last_name"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["email"].required = True


class UserEditForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["username", "email", "first_name", "last_name", "is_active", "is_staff"]


@admin.register(User)
class CtipUserAdmin(UserAdmin):
    """No password field, no password page: an administrator never sets or sees a password."""

    inlines = [AssignmentInline]
    actions = ["send_password_link", "request_two_factor_reset"]
    form = UserEditForm
    add_form = UserCreateForm
    fieldsets = (
        (None, {"fields": ("username", "email", "first_name", "last_name")}),
        (_("Quyền"), {"fields": ("is_active", "is_staff")}),
    )
    add_fieldsets = ((None, {"fields": ("username", "email", "first_name", "last_name")}),)
    list_display = ["username", "email", "first_name", "last_name", "is_active", "last_login"]
    list_filter = ["is_active", "is_staff"]

    def get_urls(self) -> list[URLPattern]:
        # UserAdmin adds "<id>/password/" (set any user's password): not in ctip.
        return [u for u in super().get_urls() if not str(u.pattern).endswith("password/")]

    @admin.action(description=_("Gửi liên kết đặt lại mật khẩu"))
    def send_password_link(self, request: Any, queryset: Any) -> None:
        base = request.build_absolute_uri("/")
        for user in queryset:
            try:
                password_reset_send(user=user, link_base=base, acting_user=request.user)
            except RecoveryError as exc:
                messages.error(request, str(exc))
            else:
                messages.success(
                    request,
                    _("Đã gửi liên kết đặt mật khẩu cho %(username)s.")
                    % {"username": user.username},
                )

    @admin.action(description=_("Đề nghị đặt lại xác thực hai lớp (mất điện thoại)"))
    def request_two_factor_reset(self, request: Any, queryset: Any) -> None:
        for user in queryset:
            two_factor_reset_request(
                user=user,
                reason=request.POST.get("reason") or str(_("Mất thiết bị xác thực")),
                acting_user=request.user,
            )
        messages.success(
            request, _("Đã ghi đề nghị; một quản trị viên khác cần phê duyệt trước khi đặt lại.")
        )

    def save_model(self, request: Any, obj: Any, form: Any, change: bool) -> None:
        """Admin edits are writes too: one transaction with an audit row (never the password)."""
        with transaction.atomic():
            before = {f: form.initial.get(f) for f in AUDITED} if change else {}
            if not change:
                obj.set_unusable_password()
            super().save_model(request, obj, form, change)
            after = {f: getattr(obj, f) for f in AUDITED}
            changes = {k: [before.get(k), v] for k, v in after.items() if before.get(k) != v}
            audit_write(
                action="accounts.user_change" if change else "accounts.user_create",
                acting_user=request.user,
                obj=obj,
                changes=changes,
            )

    def save_formset(self, request: Any, form: Any, formset: Any, change: bool) -> None:
        with transaction.atomic():
            instances = formset.save(commit=False)
            for deleted in formset.deleted_objects:
                audit_write(
                    action="accounts.assignment_revoke",
                    acting_user=request.user,
                    obj=deleted,
                    changes={"role": [deleted.role, None]},
                )
                deleted.delete()
            for assignment in instances:
                assignment.save()
                audit_write(
                    action="accounts.assignment_change",
                    acting_user=request.user,
                    obj=assignment,
                    changes={"role": [None, assignment.role]},
                )
            formset.save_m2m()


@admin.register(TwoFactorResetRequest)
class TwoFactorResetRequestAdmin(admin.ModelAdmin):
    """Requests are made from the user list; here a second administrator approves them."""

    list_display = ["user", "requested_by", "requested_at", "reason", "status", "decided_by"]
    list_filter = ["status"]
    actions = ["approve"]

    def has_add_permission(self, request: Any) -> bool:
        return False

    def has_change_permission(self, request: Any, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: Any, obj: Any = None) -> bool:
        return False

    @admin.action(description=_("Phê duyệt: đặt lại xác thực hai lớp"))
    def approve(self, request: Any, queryset: Any) -> None:
        for reset in queryset:
            try:
                two_factor_reset_approve(request=reset, acting_user=request.user)
            except RecoveryError as exc:
                messages.error(request, str(exc))
            else:
                messages.success(
                    request,
                    _("Đã đặt lại xác thực hai lớp của %(username)s.")
                    % {"username": reset.user.username},
                )
