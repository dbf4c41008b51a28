"""Audit actions in words: what a person reads for the action code an audit row holds
("prevention.activity_create" -> "Tạo hoạt động tuyên truyền").

Every code written anywhere in ctip has its own label here (tests/test_audit_words.py collects
them from the source and fails on one without words). The admin's own saves build codes from
the model (`prevention.<model>_add|change|delete`): those read as the verb and the model's
declared name. Any other code, an old row's for instance, reads as a generic phrase naming its
part of the system: the log never shows a bare code, and never fails on one."""

from __future__ import annotations

import re

from django.apps import apps
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

ACTIONS: dict[str, Promise] = {
    # The kernel: reads of confidential records, backups, keys.
    "read": _("Xem bản ghi bảo mật"),
    "core.backup": _("Sao lưu dữ liệu"),
    "core.restore": _("Khôi phục dữ liệu từ bản sao lưu"),
    "core.encryption_rotate": _("Đổi khóa mã hóa dữ liệu"),
    # Accounts and logging in.
    "accounts.user_create": _("Tạo tài khoản người dùng"),
    "accounts.user_change": _("Sửa tài khoản người dùng"),
    "accounts.user_ensure_demo": _("Tạo tài khoản dùng thử"),
    "accounts.user_deactivate": _("Khóa tài khoản người dùng"),
    "accounts.user_reactivate": _("Mở lại tài khoản người dùng"),
    "accounts.assignment_grant": _("Giao vai trò cho người dùng"),
    "accounts.assignment_update": _("Sửa vai trò đã giao"),
    "accounts.assignment_revoke": _("Thu hồi vai trò đã giao"),
    "accounts.password_set": _("Đặt mật khẩu mới qua liên kết"),
    "accounts.password_change": _("Đổi mật khẩu"),
    "accounts.password_reset_send": _("Gửi liên kết đặt lại mật khẩu"),
    "accounts.second_factor_passed": _("Đăng nhập có xác thực hai lớp"),
    "accounts.totp_start": _("Bắt đầu cài ứng dụng xác thực"),
    "accounts.totp_confirm": _("Xác nhận ứng dụng xác thực"),
    "accounts.totp_confirm_failed": _("Xác nhận ứng dụng xác thực không thành công"),
    "accounts.backup_codes_renew": _("Cấp lại mã dự phòng đăng nhập"),
    "accounts.two_factor_reset": _("Gỡ xác thực hai lớp của người dùng"),
    "accounts.two_factor_reset_request": _("Đề nghị gỡ xác thực hai lớp"),
    "accounts.two_factor_reset_approve": _("Duyệt đề nghị gỡ xác thực hai lớp"),
    # Reference data.
    "geo.units_load_package": _("Nạp danh mục đơn vị hành chính"),
    "geo.units_import_csv": _("Nhập đơn vị hành chính từ tệp CSV"),
    "geo.units_load_flags": _("Nạp đặc điểm địa bàn của các đơn vị hành chính"),
    "geo.unit_set_flags": _("Đặt đặc điểm địa bàn của đơn vị hành chính"),
    "agencies.load_fixture": _("Nạp danh mục cơ quan, đơn vị"),
    "agencies.generate_communes": _("Tạo cơ quan cấp xã theo danh mục đơn vị hành chính"),
    "agencies.set_symbol": _("Đặt ký hiệu văn bản của cơ quan"),
    "agencies.update_contact": _("Sửa thông tin liên hệ của cơ quan"),
    "rules.rule_set": _("Thêm phiên bản quy định"),
    "rules.rule_correct": _("Đính chính phiên bản quy định"),
    "rules.holidays_load": _("Nạp lịch ngày nghỉ lễ"),
    "rules.holiday_add": _("Thêm ngày nghỉ, ngày làm bù"),
    "rules.holiday_change": _("Sửa ngày nghỉ, ngày làm bù"),
    "rules.holiday_delete": _("Xóa ngày nghỉ, ngày làm bù"),
    # Prevention.
    "prevention.activity_create": _("Tạo hoạt động tuyên truyền"),
    "prevention.activity_update": _("Sửa hoạt động tuyên truyền"),
    "prevention.activity_delete": _("Xóa hoạt động tuyên truyền"),
    "prevention.activities_import": _("Nhập hoạt động tuyên truyền từ tệp"),
    "prevention.import_upload": _("Tải lên tệp hoạt động để nhập"),
    "prevention.import_confirm": _("Xác nhận nhập hoạt động từ tệp"),
    "prevention.funding_set": _("Ghi kinh phí chương trình"),
    "prevention.volunteer_count": _("Ghi số thành viên đội tình nguyện"),
    "prevention.population_import": _("Nhập số dân từ tệp"),
    "prevention.inline_change": _("Sửa các dòng kèm theo trong trang quản trị"),
    "prevention.demo_load": _("Nạp dữ liệu mẫu về hoạt động tuyên truyền"),
    # Reading figures out of agencies' reports (issue 25).
    "ingest.reading_create": _("Đọc số liệu từ báo cáo thành bản ghi dự thảo"),
    "ingest.draft_confirm": _("Xác nhận hoạt động dự thảo đọc từ báo cáo"),
    "ingest.draft_discard": _("Bỏ bản ghi dự thảo đọc từ báo cáo"),
    "ingest.draft_update": _("Lưu sửa đổi hoạt động dự thảo đọc từ báo cáo"),
    "ingest.draft_case_open": _("Lập vụ án từ câu trong báo cáo"),
    "api.token_issue": _("Cấp mã truy cập API"),
    "api.token_revoke": _("Thu hồi mã truy cập API"),
    "victims.htcds_export": _("Xuất dữ liệu hồ sơ nạn nhân theo chuẩn HTCDS (đã ẩn danh)"),
    "prevention.fieldform_import": _("Nhập hoạt động từ biểu mẫu thực địa (ODK, Kobo)"),
    "enforcement.watch_checks_import": _("Nhập kết quả kiểm tra theo dõi từ biểu mẫu thực địa"),
    # Directives.
    "directives.document_create": _("Tạo văn bản chỉ đạo"),
    "directives.document_relate": _("Liên kết văn bản chỉ đạo"),
    "directives.task_assign": _("Giao nhiệm vụ"),
    "directives.task_set_status": _("Cập nhật tình trạng nhiệm vụ"),
    # Victims.
    "victims.case_create": _("Mở hồ sơ nạn nhân"),
    "victims.case_update": _("Sửa hồ sơ nạn nhân"),
    "victims.case_transition": _("Chuyển bước xử lý hồ sơ nạn nhân"),
    "victims.case_action_record": _("Ghi nhận biện pháp đã thực hiện cho hồ sơ"),
    "victims.case_merge": _("Gộp hồ sơ nạn nhân trùng"),
    "victims.case_purge": _("Xóa dữ liệu cá nhân của một hồ sơ"),
    "victims.cases_purge": _("Xóa dữ liệu cá nhân của các hồ sơ đến hạn"),
    "victims.cases_import": _("Nhập hồ sơ nạn nhân từ tệp"),
    "victims.duplicate_review_decide": _("Quyết định về hồ sơ có thể trùng"),
    "victims.support_give": _("Ghi nhận hỗ trợ đã cung cấp"),
    "victims.consent_record": _("Ghi nhận căn cứ xử lý dữ liệu cá nhân"),
    "victims.consent_withdraw": _("Rút lại sự đồng ý xử lý dữ liệu cá nhân"),
    "victims.referral_send": _("Chuyển hồ sơ sang cơ quan khác"),
    "victims.referral_answer": _("Trả lời việc chuyển hồ sơ"),
    "victims.request_record": _("Ghi nhận yêu cầu của người có dữ liệu"),
    "victims.request_answer": _("Trả lời yêu cầu của người có dữ liệu"),
    "victims.abroad_transfer": _("Ghi nhận chuyển dữ liệu hồ sơ ra nước ngoài"),
    "victims.paper_generate": _("Lập giấy tờ của hồ sơ"),
    "victims.demo_load": _("Nạp dữ liệu mẫu về hồ sơ nạn nhân"),
    # Enforcement.
    "enforcement.case_create": _("Tạo vụ án"),
    "enforcement.case_update": _("Sửa vụ án"),
    "enforcement.case_link": _("Liên kết vụ án với hồ sơ, văn bản, đợt cao điểm"),
    "enforcement.stage_advance": _("Chuyển giai đoạn tố tụng của vụ án"),
    "enforcement.suspect_add": _("Thêm đối tượng phạm tội vào vụ án"),
    "enforcement.decision_record": _("Ghi quyết định, bản án của vụ án"),
    "enforcement.watch_open": _("Đưa người vào diện theo dõi"),
    "enforcement.watch_check": _("Ghi kết quả kiểm tra người trong diện theo dõi"),
    "enforcement.watch_escalate": _("Chuyển người trong diện theo dõi thành vụ án"),
    "enforcement.watch_purge": _("Xóa dữ liệu cá nhân của người hết diện theo dõi"),
    "enforcement.inspection_record": _("Ghi nhận đợt kiểm tra cơ sở kinh doanh"),
    "enforcement.campaign_record": _("Ghi nhận đợt cao điểm"),
    "enforcement.demo_load": _("Nạp dữ liệu mẫu về vụ án"),
    "enforcement.demo_watch_load": _("Nạp dữ liệu mẫu về diện theo dõi"),
    # Cooperation.
    "cooperation.record": _("Ghi nhận hoạt động hợp tác quốc tế"),
    # Reporting.
    "reporting.request_register": _("Vào sổ văn bản yêu cầu báo cáo"),
    "reporting.report_create": _("Tạo dự thảo báo cáo"),
    "reporting.narratives_set": _("Sửa phần nội dung viết của báo cáo"),
    "reporting.compile": _("Tổng hợp số liệu báo cáo"),
    "reporting.report_issue": _("Ban hành báo cáo"),
    "reporting.report_redraft": _("Tạo dự thảo mới từ báo cáo đã ban hành"),
    "reporting.scan_attach": _("Đính kèm bản chụp báo cáo đã ký, đóng dấu"),
    "reporting.contributions_assign": _("Giao cơ quan đóng góp báo cáo"),
    "reporting.contribution_save": _("Lưu dự thảo phần đóng góp báo cáo"),
    "reporting.contribution_sign_off": _("Lãnh đạo cơ quan ký duyệt phần đóng góp"),
    "reporting.contribution_decide": _("Tiếp nhận hoặc trả lại phần đóng góp báo cáo"),
    "reporting.template_add": _("Thêm mẫu báo cáo"),
    "reporting.template_change": _("Sửa mẫu báo cáo"),
    "reporting.template_copy": _("Sao chép mẫu báo cáo"),
    "reporting.template_delete": _("Xóa mẫu báo cáo"),
    "reporting.templates_load": _("Nạp các mẫu báo cáo có sẵn"),
    "reporting.register_add": _("Thêm vào sổ văn bản đi"),
    "reporting.register_change": _("Sửa sổ văn bản đi"),
    "demo.reporting_workflow": _("Nạp dữ liệu mẫu về quy trình báo cáo"),
    # Work queue and notices.
    "work.notice_read": _("Đánh dấu đã đọc một thông báo"),
    "work.notices_read_all": _("Đánh dấu đã đọc mọi thông báo"),
    "work.notices_send": _("Gửi thông báo việc mới, việc đến hạn"),
    # Operations.
    "synth.load": _("Nạp bộ dữ liệu giả lập để thử nghiệm"),
    # Province-to-national push (issue 27).
    "exchange.push_queue": _("Xếp hàng gửi số liệu tỉnh lên cấp trung ương"),
    "exchange.push_apply": _("Nhận số liệu của tỉnh gửi lên"),
    "exchange.push_requeue": _("Gửi lại số liệu tỉnh bị cấp trung ương từ chối"),
}

# Codes the admin builds from the model it saves: "<app>.<model>_<verb>".
ADMIN_CODE = re.compile(r"^(?P<app>[a-z_]+)\.(?P<model>[a-z]+)_(?P<verb>add|change|delete)$")
ADMIN_VERBS: dict[str, Promise] = {
    "add": _("Thêm %(thing)s"),
    "change": _("Sửa %(thing)s"),
    "delete": _("Xóa %(thing)s"),
}


def action_label(code: str) -> str:
    """The Vietnamese words for an action code; a code with no words of its own reads as a
    generic phrase (never the code, never an error)."""
    label = ACTIONS.get(code)
    if label is not None:
        return str(label)
    return admin_label(code) or generic_label(code)


def admin_label(code: str) -> str:
    """ "Thêm dân số" for "prevention.population_add": the verb and the model's declared name;
    empty when the code is not of that shape or the model declares no name."""
    match = ADMIN_CODE.match(code)
    if match is None:
        return ""
    try:
        options = apps.get_model(match["app"], match["model"])._meta
    except LookupError:
        return ""
    if "verbose_name" not in options.original_attrs:
        return ""
    return str(ADMIN_VERBS[match["verb"]] % {"thing": options.verbose_name})


def generic_label(code: str) -> str:
    """ "Thao tác khác (Phòng ngừa)": the part of the system, when the code names one."""
    prefix = code.partition(".")[0] if "." in code else ""
    try:
        part = apps.get_app_config(prefix).verbose_name if prefix else ""
    except LookupError:
        part = ""
    if part:
        return str(_("Thao tác khác (%(part)s)") % {"part": part})
    return str(_("Thao tác khác"))


def via_words(via: str | None) -> str:
    """ "Giao diện lập trình (API), mã truy cập ctip_1a2b3c4d" for "api:1a2b3c4d"; a page or a
    command (no channel recorded) reads as "Màn hình hoặc lệnh"."""
    if not via:
        return str(_("Màn hình hoặc lệnh"))
    kind, _sep, name = via.partition(":")
    if kind == "api" and name:
        return str(_("Giao diện lập trình (API), mã truy cập ctip_%(prefix)s") % {"prefix": name})
    return via
