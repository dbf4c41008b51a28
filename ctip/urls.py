from django.contrib import admin
from django.urls import include, path

from ctip.accounts import pickers
from ctip.accounts import views as accounts
from ctip.agencies import views as agencies
from ctip.cooperation import views as cooperation
from ctip.directives import views as directives
from ctip.enforcement import views as enforcement
from ctip.enforcement import views_decisions as decisions
from ctip.enforcement import views_watch as watch
from ctip.geo import views as geo
from ctip.ingest import views as ingest
from ctip.prevention import views as prevention
from ctip.victims import views as victims
from ctip.victims import views_actions as case_steps
from ctip.victims import views_duplicates as duplicates
from ctip.victims import views_privacy as privacy
from ctip.victims import views_protection as protection
from ctip.web import views as core
from ctip.work import views as work

urlpatterns = [
    path("", core.home, name="home"),
    path("api/v1/", include("ctip.api.urls")),
    path("", include("ctip.fieldforms.urls")),
    path("", include("ctip.victims.urls_htcds")),
    path("viec-cua-toi/", work.my_work, name="my_work"),
    path("thong-bao/", work.notice_list, name="notice_list"),
    path("dang-nhap/", accounts.LoginView.as_view(), name="login"),
    path("dang-xuat/", accounts.LogoutView.as_view(), name="logout"),
    path("tai-khoan/xac-thuc/", accounts.two_factor_verify, name="two_factor_verify"),
    path("tai-khoan/xac-thuc/thiet-lap/", accounts.two_factor_setup, name="two_factor_setup"),
    path("tai-khoan/bao-mat/", accounts.security, name="security"),
    path("tai-khoan/mat-khau/", accounts.PasswordChangeView.as_view(), name="password_change"),
    path(
        "tai-khoan/dat-mat-khau/<uidb64>/<token>/",
        accounts.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path("don-vi/", geo.unit_list, name="unit_list"),
    path("don-vi/goi-y/", pickers.unit_picker, name="unit_picker"),
    path("co-quan/", agencies.agency_list, name="agency_list"),
    path("co-quan/cua-toi/", agencies.my_agency, name="my_agency"),
    path("co-quan/<int:pk>/", agencies.agency_detail, name="agency_detail"),
    path("co-quan/<int:pk>/sua/", agencies.agency_edit, name="agency_edit"),
    path("van-ban/", directives.document_list, name="document_list"),
    path("van-ban/them/", directives.document_create_view, name="document_create"),
    path("van-ban/<int:pk>/", directives.document_detail, name="document_detail"),
    path("van-ban/<int:pk>/tep/", directives.document_file, name="document_file"),
    path("van-ban/<int:pk>/nhiem-vu/", directives.task_create_view, name="task_create"),
    path("van-ban/<int:pk>/lien-quan/", directives.relation_create_view, name="relation_create"),
    path("nhiem-vu/<int:pk>/trang-thai/", directives.task_status_view, name="task_status"),
    path("nhiem-vu/qua-han/", directives.overdue_tasks, name="tasks_overdue"),
    path("hoat-dong/", prevention.activity_list, name="activity_list"),
    path("hoat-dong/them/", prevention.activity_create_view, name="activity_create"),
    path("hoat-dong/<int:pk>/sua/", prevention.activity_edit_view, name="activity_edit"),
    path("hoat-dong/<int:pk>/xoa/", prevention.activity_delete_view, name="activity_delete"),
    path("hoat-dong/xuat.xlsx", prevention.activity_export, name="activity_export"),
    path("hoat-dong/mau.xlsx", prevention.activity_template, name="activity_template"),
    path("hoat-dong/nhap/", prevention.import_upload, name="import_upload"),
    path("hoat-dong/nhap/<int:pk>/", prevention.import_status, name="import_status"),
    path("hoat-dong/do-phu/", prevention.coverage_view, name="coverage"),
    # Issue 25: an agency's report read into draft activities, confirmed one by one.
    path("hoat-dong/doc-bao-cao/", ingest.reading_new, name="reading_new"),
    path("hoat-dong/doc-bao-cao/<int:pk>/", ingest.reading_detail, name="reading_detail"),
    path("hoat-dong/du-thao/<int:pk>/xac-nhan/", ingest.draft_confirm_view, name="draft_confirm"),
    path("hoat-dong/du-thao/<int:pk>/bo/", ingest.draft_discard_view, name="draft_discard"),
    path("hoat-dong/du-thao/<int:pk>/luu/", ingest.draft_save_view, name="draft_save"),
    path("vu-an/du-thao/<int:pk>/lap/", ingest.draft_case_open_view, name="draft_case_open"),
    path("vu-an/du-thao/<int:pk>/bo/", ingest.draft_case_discard_view, name="draft_case_discard"),
    path("ho-so/", victims.case_list, name="case_list"),
    path("ho-so/them/", victims.case_create_view, name="case_create"),
    path("ho-so/<int:pk>/", victims.case_detail, name="case_detail"),
    path("ho-so/trung-lap/", duplicates.duplicate_queue, name="duplicate_queue"),
    path("ho-so/trung-lap/<int:pk>/", duplicates.duplicate_decide, name="duplicate_decide"),
    path("ho-so/<int:pk>/chuyen/", victims.case_transition_view, name="case_transition"),
    path("ho-so/<int:pk>/nhan-than/", victims.case_identity_edit, name="case_identity"),
    path("ho-so/<int:pk>/nhat-ky/", victims.case_access_log, name="case_access_log"),
    path("ho-so/<int:pk>/khan-cap/", victims.case_break_glass, name="case_break_glass"),
    path("ho-so/<int:pk>/bao-ve/", protection.protection, name="case_protection"),
    path("ho-so/<int:pk>/bao-ve/buoc/", case_steps.case_actions, name="case_actions"),
    path("ho-so/<int:pk>/du-lieu-ca-nhan/", privacy.case_privacy, name="case_privacy"),
    path("yeu-cau-du-lieu/", privacy.privacy_requests, name="privacy_requests"),
    path(
        "dong-y/<int:pk>/chung-cu/",
        privacy.consent_evidence_download,
        name="consent_evidence_download",
    ),
    path("chuyen-ho-so/", protection.referrals_incoming, name="referrals_incoming"),
    path("ho-so/<int:pk>/giay-to/", protection.paper_create, name="paper_create"),
    path("ho-so/<int:pk>/gop/", protection.case_merge_view, name="case_merge"),
    path("giay-to/<int:pk>/", protection.paper_download, name="paper_download"),
    path("chung-tu/<int:pk>/", protection.evidence_download, name="evidence_download"),
    path("chuyen-ho-so/<int:pk>/<str:action>/", protection.referral_action, name="referral_action"),
    path("vu-an/", enforcement.criminal_case_list, name="criminal_case_list"),
    path("vu-an/them/", enforcement.criminal_case_create_view, name="criminal_case_create"),
    path("vu-an/<int:pk>/", enforcement.criminal_case_detail, name="criminal_case_detail"),
    path("vu-an/<int:pk>/sua/", enforcement.criminal_case_edit, name="criminal_case_edit"),
    path(
        "vu-an/<int:pk>/doi-tuong/",
        enforcement.criminal_case_suspects,
        name="criminal_case_suspects",
    ),
    path("vu-an/<int:pk>/doi-tuong/them/", enforcement.suspect_add_view, name="suspect_add"),
    path(
        "vu-an/<int:pk>/lien-ket/", enforcement.criminal_case_link_view, name="criminal_case_link"
    ),
    path(
        "vu-an/<int:pk>/quyet-dinh/",
        decisions.criminal_case_decision,
        name="criminal_case_decision",
    ),
    path("vu-an/<int:pk>/ban-an/", decisions.criminal_case_judgment, name="criminal_case_judgment"),
    path("theo-doi/qua-han/", watch.watch_overdue_by_unit, name="watch_overdue_by_unit"),
    path("theo-doi/", watch.watch_list, name="watch_list"),
    path("theo-doi/them/", watch.watch_new, name="watch_new"),
    path("theo-doi/<int:pk>/", watch.watch_detail, name="watch_detail"),
    path("hop-tac/", cooperation.cooperation_list, name="cooperation_list"),
    path("hop-tac/them/", cooperation.cooperation_create, name="cooperation_create"),
    path("kiem-tra/", cooperation.inspection_list, name="inspection_list"),
    path("kiem-tra/them/", cooperation.inspection_create, name="inspection_create"),
    path("dot-cao-diem/", cooperation.campaign_list, name="campaign_list"),
    path("dot-cao-diem/them/", cooperation.campaign_create, name="campaign_create"),
    path("dot-cao-diem/<int:pk>/", cooperation.campaign_detail, name="campaign_detail"),
    path("bao-cao/", include("ctip.reporting.urls")),
    path("bang-dieu-khien/", include("ctip.dashboard.urls")),
    path("trao-doi/", include("ctip.exchange.urls")),
    path("nguoi-dung/", include("ctip.accounts.urls")),
    path("i18n/setlang/", accounts.language_choice, name="set_language"),
    path("admin/", admin.site.urls),
]
# Under /api/ a path no route matches is a JSON 404 (clients read JSON); ctip's page elsewhere.
handler404 = "ctip.api.errors.not_found"
