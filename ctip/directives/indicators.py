"""Directive indicators (report section I)."""

from django.db.models import Case, Count, F, Q, QuerySet, When
from django.db.models.functions import Substr
from django.db.models.lookups import Contains, Regex
from django.utils.translation import gettext_lazy as _

from ctip.directives.models import Document
from ctip.directives.symbols import KINDS, LAW, OFFICIAL_LETTER
from ctip.geo.models import Level
from ctip.geo.names import LEVEL_WORDS
from ctip.indicators.registry import FLOW, Indicator, register

register(
    Indicator(
        code="directives.documents",
        label=_("Số văn bản chỉ đạo, điều hành"),
        measure=_("văn bản"),
        kind=FLOW,
        records=lambda: Document.objects.all(),
        value=lambda: Count("pk"),
        date_field="date",
        unit_field="recorded_by__unit",
        agency_field="recorded_by",
        dimensions=("agency", "kind", "month", "quarter", "year"),
        kind_field="kind",
        kind_labels={**KINDS, OFFICIAL_LETTER: "Công văn", LAW: "Luật, nghị quyết"},
    )
)


def _local_documents() -> QuerySet:
    return Document.objects.all()


# Every level below the country: the agencies of a province, a district or a commune.
_LOCAL_LEVELS = [level for level in Level.values if level != Level.COUNTRY]

# The words a unit's name begins with (one list: ctip.geo.names).
_LEVEL_WORDS = LEVEL_WORDS

# The issuer part of a provincial, district or commune Party committee's symbol ("45-KH/TU"
# Tỉnh ủy or Thành ủy, "HU" Huyện ủy, "QU" Quận ủy, "TXU" Thị ủy, "ĐU" Đảng ủy; "/TU-BTG" a board
# of one); every other Party issuer (TW, BCT, BBT, BCSĐ...) is the centre's.
_LOCAL_PARTY_ISSUERS = ("TU", "HU", "QU", "TXU", "ĐU")


def _place(name: str) -> Case:
    """The place in a unit's name as the province review reads it (phrasing.unit_place), in SQL:
    "Thành phố Hà Nội" → "Hà Nội", "Phường 1" → "1". From the name, not by the length of the
    unit's `kind`: "thành phố trung ương" is longer than the name's "Thành phố"."""
    return Case(
        *[
            When(**{f"{name}__startswith": f"{word} "}, then=Substr(F(name), len(word) + 2))
            for word in _LEVEL_WORDS
        ],
        default=F(name),
    )


def _named(unit: str) -> Q:
    """The issuer's name holds the place of `unit` (a path to a unit), one that names a place: not
    empty, not a bare number (the old "Phường 1" would match every "Công văn số 1...")."""
    place = _place(f"{unit}__name")
    return Q(Contains(F("issuer_name"), place), Regex(place, r"[^0-9 ]"))


# A document a province (or a unit below it) issued, not a central one it recorded:
# - an issuer in the system below the country;
# - with no issuer linked, not a Party document, recorded below the country, its issuer's name
#   holding the place of the recording unit or of a unit above it ("Ủy ban nhân dân tỉnh Quảng
#   Ngãi" recorded by a commune of Quảng Ngãi), as a province's review tells its own documents
#   (ctip.reporting.blocks._directives). The units above through `parent` (a commune's district,
#   the district's province), not `rollup_province`: an old unit's parent is the province of its
#   time, whose name the document bears ("tỉnh Kon Tum"), while rollup_province is today's
#   (Quảng Ngãi). A province has no parent (the country is not one), so two steps reach it;
# - with no issuer linked, a Party document whose symbol's issuer is a local Party committee.
# Plain lookups and expressions, no subquery object: the definition's text must be the same in
# every process (ctip.exchange.payload.definition).
_RECORDER = "recorded_by__unit"
LOCAL_DOCUMENTS = (
    Q(issuers__unit__level__in=_LOCAL_LEVELS)
    | Q(
        Q(_named(_RECORDER))
        | Q(_named(f"{_RECORDER}__parent"))
        | Q(_named(f"{_RECORDER}__parent__parent")),
        issuers__isnull=True,
        party=False,
        recorded_by__unit__level__in=_LOCAL_LEVELS,
    )
    | Q(
        Q(
            *[Q(number_symbol__endswith=f"/{code}") for code in _LOCAL_PARTY_ISSUERS],
            *[Q(number_symbol__contains=f"/{code}-") for code in _LOCAL_PARTY_ISSUERS],
            _connector=Q.OR,
        ),
        issuers__isnull=True,
        party=True,
    )
)

register(
    Indicator(
        code="directives.local_documents",
        label=_("Số văn bản chỉ đạo, điều hành do địa phương ban hành"),
        measure=_("văn bản"),
        kind=FLOW,
        records=_local_documents,
        # Distinct: a joint document has several issuers, each a row of the join.
        value=lambda: Count("pk", distinct=True),
        date_field="date",
        unit_field="recorded_by__unit",
        agency_field="recorded_by",
        dimensions=("agency", "kind", "unit", "month", "quarter", "year"),
        filters=LOCAL_DOCUMENTS,
        kind_field="kind",
        kind_labels={**KINDS, OFFICIAL_LETTER: "Công văn", LAW: "Luật, nghị quyết"},
    )
)
