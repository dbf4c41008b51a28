from typing import Any

from django import forms
from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin
from django.forms.models import BaseInlineFormSet
from django.urls import URLPattern
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from ctip.accounts.models import Assignment, TwoFactorResetRequest, User
from ctip.accounts.notify import email_change_notify
from ctip.accounts.permissions import ROLES
from ctip.accounts.recovery import (
    RecoveryError,
    password_reset_send,
    two_factor_reset_approve,
    two_factor_reset_request,
)
from ctip.accounts.services import assignments_apply
from ctip.accounts.stewardship import (
    AccountError,
    agency_required_message,
    check_change,
    check_lock,
    check_revoke,
)
from ctip.core.admin_writes import admin_save

# Second-factor secrets (TOTP keys, backup codes) are never shown, not even to administrators:
# django-otp's own admin pages for them are removed.
for _model in (TOTPDevice, StaticDevice):
    if admin.site.is_registered(_model):
        admin.site.unregister(_model)

AUDITED = ["username", "email", "first_name", "last_name", "is_active", "is_staff"]


class AssignmentForm(forms.ModelForm):
    """The same rules as the service (ctip.accounts.stewardship.check_assignment), shown on the
    row: a role that works through an agency is not saved without one."""

    class Meta:
        model = Assignment
        fields = ["role", "agency", "unit", "valid_from", "valid_to"]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        role = data.get("role")
        if role and ROLES[role].scoped_by_agency and not data.get("agency"):
            self.add_error("agency", agency_required_message(role))
        start, end = data.get("valid_from"), data.get("valid_to")
        if start and end and end < start:
            self.add_error("valid_to", _("Ngày hết hiệu lực phải từ ngày bắt đầu hiệu lực trở đi."))
        return data


class AssignmentFormSet(BaseInlineFormSet):
    """A revoked or changed row meets the services' refusals (one's own managing role, the last
    administrator: ctip.accounts.stewardship) here, said above the rows, before anything is
    saved."""

    acting_user: Any = None

    def clean(self) -> None:
        super().clean()
        refused = []
        for form in self.forms:
            pk = form.instance.pk
            original = Assignment.objects.filter(pk=pk).first() if pk else None
            if original is None or not hasattr(form, "cleaned_data"):
                continue
            data = form.cleaned_data
            try:
                if self.can_delete and data.get("DELETE"):
                    check_revoke(self.acting_user, original)
                elif form.has_changed() and data.get("role"):
                    check_change(
                        self.acting_user,
                        original,
                        role=data["role"],
                        valid_from=data.get("valid_from"),
                        valid_to=data.get("valid_to"),
                    )
            except AccountError as exc:
                refused.append(str(exc))
        if refused:
            raise forms.ValidationError(refused)


class AssignmentInline(admin.TabularInline):
    model = Assignment
    form = AssignmentForm
    formset = AssignmentFormSet
    extra = 0
    autocomplete_fields = ["agency"]
    raw_id_fields = ["unit"]

    def get_formset(self, request: Any, obj: Any = None, **kwargs: Any) -> Any:
        formset = super().get_formset(request, obj, **kwargs)
        formset.acting_user = request.user  # type: ignore[attr-defined] # a class for this request
        return formset


class UserCreateForm(forms.ModelForm):
    """A new account has no password: its owner chooses one through the link sent to them."""

    class Meta:
        model = User
        fields = ["username", "email", "first_name", "last_name"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["email"].required = True


class UserEditForm(forms.ModelForm):
    acting_user: Any = None  # set by CtipUserAdmin.get_form, for this request

    class Meta:
        model = User
        fields = ["username", "email", "first_name", "last_name", "is_active", "is_staff"]

    def clean(self) -> dict[str, Any]:
        """Unticking "active" locks the account: not one's own, not the last administrator's
        (the same refusal as user_deactivate)."""
        data = super().clean() or {}
        if self.instance.pk and self.instance.is_active and data.get("is_active") is False:
            try:
                check_lock(self.acting_user, self.instance)
            except AccountError as exc:
                self.add_error("is_active", str(exc))
        return data


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

    def get_form(
        self, request: Any, obj: Any = None, change: bool = False, **kwargs: Any
    ) -> type[forms.ModelForm]:
        form = super().get_form(request, obj, change=change, **kwargs)
        form.acting_user = request.user  # type: ignore[attr-defined] # a class for this request
        return form

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
            try:
                two_factor_reset_request(
                    user=user,
                    reason=request.POST.get("reason") or str(_("Mất thiết bị xác thực")),
                    acting_user=request.user,
                )
            except RecoveryError as exc:
                messages.error(request, str(exc))
            else:
                messages.success(
                    request,
                    _(
                        "Đã ghi đề nghị cho %(username)s; một quản trị viên khác cần phê duyệt "
                        "trước khi đặt lại."
                    )
                    % {"username": user.username},
                )

    def save_model(self, request: Any, obj: Any, form: Any, change: bool) -> None:
        """Admin edits are writes too: a unit of work with an audit row (never the password)."""
        before = {f: form.initial.get(f) for f in AUDITED} if change else {}

        def save() -> None:
            if not change:
                obj.set_unusable_password()
            super(CtipUserAdmin, self).save_model(request, obj, form, change)
            if change and before.get("email") != obj.email:
                # The old address is told, after commit (ctip.accounts.notify).
                email_change_notify(
                    user=obj, old=before.get("email") or "", acting_user=request.user
                )

        after = {f: getattr(obj, f) for f in AUDITED}  # the form has set them on obj
        admin_save(
            obj=obj,
            action="accounts.user_change" if change else "accounts.user_create",
            changes={k: [before.get(k), v] for k, v in after.items() if before.get(k) != v},
            save=save,
            acting_user=request.user,
        )

    def has_delete_permission(self, request: Any, obj: Any = None) -> bool:
        """An account is deactivated, never deleted: its audit rows and records keep naming it."""
        return False

    def save_formset(self, request: Any, form: Any, formset: Any, change: bool) -> None:
        """Assignments are granted, changed and revoked through the accounts services, each
        audited with every field it changes (role, agency, unit, dates)."""
        if formset.model is not Assignment:
            super().save_formset(request, form, formset, change)
            return
        formset.save(commit=False)  # sorts the rows into new, changed and deleted
        assignments_apply(
            user=form.instance,
            revoked=list(formset.deleted_objects),
            changed=[(a, _grant(a)) for a, _fields in formset.changed_objects],
            granted=[_grant(a) for a in formset.new_objects],
            acting_user=request.user,
        )


def _grant(assignment: Assignment) -> dict[str, Any]:
    """What the inline row asks for (its instance is never saved as it is)."""
    return {
        "role": assignment.role,
        "agency": assignment.agency,
        "unit": assignment.unit,
        "valid_from": assignment.valid_from,
        "valid_to": assignment.valid_to,
    }


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
