"""Prevention work: awareness activities, volunteer social-work teams, programme funding."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ctip.agencies.models import Agency
from ctip.core.bounds import MAX_AMOUNT_VND, MAX_COUNT, MAX_TEXT, MAX_YEAR, MIN_YEAR
from ctip.core.crypto import EncryptedTextField
from ctip.core.models import AuditEntry, sealed_file_field
from ctip.core.validators import AMOUNT, COUNT, YEAR, range_q, validate_date
from ctip.geo.models import Unit


class ActivityKind(models.TextChoices):
    SESSION = "session", _("Buổi tuyên truyền")
    TRAINING = "training", _("Tập huấn")
    BANNER = "banner", _("Pa nô, băng rôn, khẩu hiệu")
    SMS = "sms", _("Tin nhắn SMS")
    MEDIA = "media", _("Tin, bài, phóng sự")
    SCHOOL = "school", _("Hoạt động trong trường học")
    MEETING = "meeting", _("Hội nghị, tọa đàm")
    OTHER = "other", _("Khác")


class Campaign(models.TextChoices):
    NONE = "", _("Không thuộc đợt nào")
    NATIONAL_DAY = (
        "national_day",
        _("Tháng hành động, Ngày toàn dân phòng, chống mua bán người 30/7"),
    )
    AWARENESS_PEAK = "awareness_peak", _("Đợt cao điểm tuyên truyền")
    CRACKDOWN_PEAK = "crackdown_peak", _("Đợt cao điểm tấn công trấn áp")


class TargetGroup(models.Model):
    code = models.SlugField(_("mã"), max_length=40, primary_key=True)
    name = models.CharField(_("tên"), max_length=120)

    class Meta:
        verbose_name = _("đối tượng tuyên truyền")
        verbose_name_plural = _("đối tượng tuyên truyền")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Activity(models.Model):
    """One activity, or a batch of same-kind activities, by one agency in one unit."""

    agency = models.ForeignKey(
        Agency, verbose_name=_("cơ quan thực hiện"), on_delete=models.PROTECT, related_name="+"
    )
    kind = models.CharField(_("hình thức"), max_length=20, choices=ActivityKind.choices)
    start_date = models.DateField(_("từ ngày"), db_index=True, validators=[validate_date])
    end_date = models.DateField(_("đến ngày"), validators=[validate_date])
    unit = models.ForeignKey(
        Unit, verbose_name=_("địa bàn"), on_delete=models.PROTECT, related_name="+"
    )
    target_groups = models.ManyToManyField(
        TargetGroup, verbose_name=_("đối tượng"), blank=True, related_name="activities"
    )
    # NULL: the agency did not state the figure (a report names the work without a number);
    # 0 is a figure stated as none. Sums skip NULL, so a group of unstated figures reads 0.
    sessions = models.PositiveIntegerField(
        _("số buổi"), null=True, blank=True, default=None, validators=[COUNT]
    )
    participants = models.PositiveIntegerField(
        _("số lượt người tham dự"), null=True, blank=True, default=None, validators=[COUNT]
    )
    participants_estimated = models.BooleanField(_("số người là ước tính"), default=False)
    media_items = models.PositiveIntegerField(
        _("số tin, bài"), null=True, blank=True, default=None, validators=[COUNT]
    )
    sms = models.PositiveIntegerField(
        _("số tin nhắn"), null=True, blank=True, default=None, validators=[COUNT]
    )
    partners = models.ManyToManyField(
        Agency, verbose_name=_("cơ quan phối hợp"), blank=True, related_name="+"
    )
    campaign = models.CharField(
        _("đợt"), max_length=20, choices=Campaign.choices, blank=True, default=""
    )
    theme = models.CharField(_("chủ đề"), max_length=300, blank=True)
    notes = models.TextField(_("ghi chú"), blank=True, max_length=MAX_TEXT)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    batch = models.ForeignKey(
        AuditEntry, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    # The instance ID ("uuid:…") of the field form submission the activity came from (ODK
    # Collect, KoboToolbox): their exports are cumulative, and the database refuses a second
    # activity from the same submission. NULL for every other way of recording.
    source_instance = models.CharField(
        _("mã bản ghi biểu mẫu thực địa"),
        max_length=64,
        null=True,
        blank=True,
        unique=True,
        editable=False,
    )

    class Meta:
        verbose_name = _("hoạt động tuyên truyền")
        verbose_name_plural = _("hoạt động tuyên truyền")
        ordering = ["-start_date", "-pk"]
        # Every aggregate filters by territory (a closure of unit ids) and a date range, then
        # sums these columns: on PostgreSQL the index covers them (index-only scans, ~8x faster
        # on a million activities; SQLite ignores INCLUDE and keeps a plain (unit, date) index).
        # The id joins target groups: without it that breakdown read the table row by row.
        indexes = [
            models.Index(
                fields=["unit", "start_date"],
                include=[
                    "id",
                    "agency",
                    "kind",
                    "sessions",
                    "participants",
                    "participants_estimated",
                    "media_items",
                    "sms",
                ],
                name="activity_unit_date",
            )
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_date__gte=models.F("start_date")),
                name="activity_end_after_start",
            ),
            *(
                models.CheckConstraint(
                    condition=range_q(name, 0, MAX_COUNT, null=True),
                    name=f"activity_{name}_bounds",
                )
                for name in ("sessions", "participants", "media_items", "sms")
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.start_date:%d/%m/%Y}"


class VolunteerTeam(models.Model):
    """A volunteer social-work team of a commune (Joint Circular 24/2012/TTLT-BLĐTBXH-BNV-BTC)."""

    unit = models.ForeignKey(Unit, verbose_name=_("xã"), on_delete=models.PROTECT, related_name="+")
    name = models.CharField(_("tên đội"), max_length=200)
    established = models.DateField(_("ngày thành lập"), validators=[validate_date])
    dissolved = models.DateField(
        _("ngày giải thể"), null=True, blank=True, validators=[validate_date]
    )
    legal_basis = models.CharField(_("căn cứ thành lập"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("đội công tác xã hội tình nguyện")
        verbose_name_plural = _("đội công tác xã hội tình nguyện")

    def __str__(self) -> str:
        return self.name


class VolunteerCount(models.Model):
    team = models.ForeignKey(
        VolunteerTeam,
        verbose_name=_("đội công tác xã hội tình nguyện"),
        on_delete=models.CASCADE,
        related_name="counts",
    )
    as_of = models.DateField(_("tính đến ngày"), validators=[validate_date])
    volunteers = models.PositiveIntegerField(_("số tình nguyện viên"), validators=[COUNT])

    class Meta:
        verbose_name = _("số thành viên đội")
        verbose_name_plural = _("số thành viên đội theo năm")
        constraints = [
            models.UniqueConstraint(fields=["team", "as_of"], name="volunteer_count"),
            models.CheckConstraint(
                condition=range_q("volunteers", 0, MAX_COUNT), name="volunteer_count_bounds"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.team}: {self.volunteers} ({self.as_of:%d/%m/%Y})"


class Funding(models.Model):
    agency = models.ForeignKey(
        Agency, verbose_name=_("cơ quan"), on_delete=models.PROTECT, related_name="+"
    )
    year = models.PositiveSmallIntegerField(_("năm"), validators=[YEAR])
    # 1 January of `year`: lets the indicator registry place funding in periods like any record.
    year_start = models.DateField(_("năm bắt đầu"), editable=False)
    allocated = models.PositiveBigIntegerField(
        _("kinh phí được giao (đồng)"), default=0, validators=[AMOUNT]
    )
    spent = models.PositiveBigIntegerField(
        _("kinh phí đã chi (đồng)"), default=0, validators=[AMOUNT]
    )

    class Meta:
        verbose_name = _("kinh phí chương trình")
        verbose_name_plural = _("kinh phí chương trình")
        constraints = [
            models.UniqueConstraint(fields=["agency", "year"], name="funding_year"),
            models.CheckConstraint(
                condition=range_q("year", MIN_YEAR, MAX_YEAR), name="funding_year_bounds"
            ),
            models.CheckConstraint(
                condition=range_q("allocated", 0, MAX_AMOUNT_VND), name="funding_allocated_bounds"
            ),
            models.CheckConstraint(
                condition=range_q("spent", 0, MAX_AMOUNT_VND), name="funding_spent_bounds"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.agency} {self.year}"


class ImportStatus(models.TextChoices):
    CHECKING = "checking", _("Đang kiểm tra")
    REJECTED = "rejected", _("Có lỗi, chưa ghi")
    READY = "ready", _("Hợp lệ, chờ xác nhận ghi")
    WRITING = "writing", _("Đang ghi")
    DONE = "done", _("Đã ghi")
    FAILED = "failed", _("Lỗi hệ thống")


class ImportJob(models.Model):
    """An uploaded workbook checked and written in the background, with progress for the page."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created = models.DateTimeField(auto_now_add=True)
    # The name it was uploaded with can name a person: encrypted like personal fields.
    file_name = EncryptedTextField()
    # Encrypted like any upload that could hold personal data; deleted when the job ends.
    file = sealed_file_field(on_delete=models.SET_NULL)
    # SHA-256 of the uploaded bytes: the same file is written once per agency (import_jobs).
    content_hash = models.CharField(max_length=64, blank=True, default="", db_index=True)
    status = models.CharField(
        max_length=20, choices=ImportStatus.choices, default=ImportStatus.CHECKING
    )
    total = models.PositiveIntegerField(default=0)
    processed = models.PositiveIntegerField(default=0)
    errors = models.JSONField(default=list)
    preview = models.JSONField(default=list)
    written = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("lượt nhập tệp hoạt động")
        verbose_name_plural = _("lượt nhập tệp hoạt động")
        ordering = ["-created"]

    def __str__(self) -> str:
        return f"{self.file_name} ({self.get_status_display()})"

    @property
    def percent(self) -> int:
        return int(100 * self.processed / self.total) if self.total else 0


class Population(models.Model):
    """Inhabitants of a unit in a year, from a cited source (imported; never invented)."""

    unit = models.ForeignKey(
        Unit, verbose_name=_("đơn vị hành chính"), on_delete=models.PROTECT, related_name="+"
    )
    year = models.PositiveSmallIntegerField(_("năm"), validators=[YEAR])
    population = models.PositiveIntegerField(_("dân số"), validators=[COUNT])
    source = models.CharField(_("nguồn số liệu"), max_length=300)
    batch = models.ForeignKey(
        AuditEntry,
        verbose_name=_("đợt nạp dữ liệu"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = _("dân số")
        verbose_name_plural = _("dân số")
        constraints = [
            models.UniqueConstraint(fields=["unit", "year"], name="population_year"),
            models.CheckConstraint(
                condition=range_q("year", MIN_YEAR, MAX_YEAR), name="population_year_bounds"
            ),
            models.CheckConstraint(
                condition=range_q("population", 0, MAX_COUNT), name="population_bounds"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.unit} {self.year}: {self.population}"
