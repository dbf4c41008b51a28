"""Agency names in a sentence: "Công an tỉnh", "Bộ Chỉ huy Bộ đội Biên phòng tỉnh", "Hội Liên hiệp
Phụ nữ tỉnh", "Sở Y tế", "UBND huyện Ba Tơ"..., each with its kind (ctip.agencies.models.Kind).

The text is kept as written: which agency of the kind it is ("Công an tỉnh" of which province)
depends on who sends the report, which the caller knows (the later draft-record step matches it
to an agency in force). A name may run on with its level and place ("Công an huyện Sơn Hà"):
capitalised words after the level word are the place.

The agency a sentence is about is its first name that is not an object ("phối hợp với Sở
Thông tin và Truyền thông", "cho cán bộ Sở Y tế"). A paragraph headed by names before a colon
("- Công an tỉnh: Tổ chức 98 buổi...") is about them in every sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ctip.agencies.models import Kind

_LEVEL = r"(?:tỉnh|thành phố|huyện|thị xã|quận|xã|phường|thị trấn|đặc khu|TP\.?|cấp tỉnh)"
# Capital letters, Vietnamese ones included (a range such as À-Ỹ also holds small letters).
_CAPITAL = "A-Z" + "".join(chr(c) for c in range(0xC0, 0x1EFA) if chr(c).isupper())
_PLACE = rf"(?:\s+[{_CAPITAL}]\w*(?:\s+[{_CAPITAL}]\w*){{0,3}})?"
_AT = rf"(?:\s+{_LEVEL}{_PLACE})?"

_NAMES: tuple[tuple[str, str], ...] = (
    (rf"(?:Bộ|Ban) Chỉ huy Bộ đội Biên phòng{_AT}", Kind.BORDER_GUARD),
    (rf"Bộ đội Biên phòng{_AT}|BĐBP{_AT}|Đồn Biên phòng{_PLACE}", Kind.BORDER_GUARD),
    (rf"Bộ Tư lệnh Vùng Cảnh sát biển \d+|Cảnh sát biển{_AT}", Kind.COAST_GUARD),
    (rf"Công an{_AT}|CA{_AT}", Kind.POLICE),
    (rf"Viện [Kk]iểm sát nhân dân{_AT}|VKSND{_AT}", Kind.PROCURACY),
    (rf"Tòa án nhân dân{_AT}|TAND{_AT}", Kind.COURT),
    (
        rf"(?:Sở|Phòng) Lao động\s*[-–]\s*Thương binh và Xã hội{_AT}|Sở LĐ-TB&XH|Sở LĐTBXH",
        Kind.SOCIAL_PROTECTION,
    ),
    (rf"Sở Y tế{_AT}|Trung tâm Công tác xã hội{_AT}", Kind.SOCIAL_PROTECTION),
    (rf"Sở Ngoại vụ{_AT}", Kind.FOREIGN_AFFAIRS),
    (rf"(?:Sở|Phòng) Giáo dục và Đào tạo{_AT}|Sở GD&ĐT|Sở GDĐT", Kind.EDUCATION),
    (rf"(?:Sở|Phòng) (?:Thông tin và Truyền thông|Văn hóa và Thông tin){_AT}", Kind.INFORMATION),
    (rf"Sở TT&TT|Sở TTTT|Đài Phát thanh\s*[-–và ]+\s*Truyền hình{_AT}", Kind.INFORMATION),
    (rf"Hội Liên hiệp Phụ nữ{_AT}|Hội LHPN{_AT}", Kind.WOMENS_UNION),
    (
        rf"(?:Tỉnh|Huyện|Thành|Thị) [Đđ]oàn{_PLACE}|Đoàn Thanh niên(?: Cộng sản Hồ Chí Minh)?{_AT}",
        Kind.YOUTH_UNION,
    ),
    (
        rf"Ủy ban Mặt trận Tổ quốc Việt Nam{_AT}|Mặt trận Tổ quốc{_AT}|UBMTTQ{_AT}",
        Kind.FATHERLAND_FRONT,
    ),
    (rf"Liên đoàn Lao động{_AT}|LĐLĐ{_AT}", Kind.LABOUR_FEDERATION),
    (rf"Hội Cựu chiến binh{_AT}|Hội CCB{_AT}", Kind.VETERANS),
    (rf"Hội Nông dân{_AT}", Kind.FARMERS),
    (rf"Ủy ban nhân dân{_AT}|UBND{_AT}", Kind.PEOPLE_COMMITTEE),
    (rf"Sở Tư pháp{_AT}|Phòng Tư pháp{_AT}", Kind.JUSTICE),
    (rf"Trung tâm Trợ giúp pháp lý(?: [Nn]hà nước)?{_AT}", Kind.LEGAL_AID),
    (
        rf"Sở Nội vụ{_AT}|Sở Khoa học và Công nghệ{_AT}|Sở Văn hóa, Thể thao và Du lịch{_AT}",
        Kind.OTHER,
    ),
)
# Not inside a symbol ("120/KH-UBND") or a word.
_PATTERN = re.compile(
    r"(?<![\w/-])(?:" + "|".join(f"(?P<k{i}>{p})" for i, (p, _k) in enumerate(_NAMES)) + ")"
)
# Before a name, these make it an object of the sentence rather than who acts (looked for in the
# few words before it: the whole sentence before each name made a long one slow to read).
_OBJECT_REACH = 100
_OBJECT = re.compile(
    r"(?:\bvới|\bcho|\btới|\bđến|\bcủa|\btại|\bgiúp|\bcán bộ|\bcùng)\s*[*_(]*\s*$", re.IGNORECASE
)


@dataclass(frozen=True)
class AgencyName:
    text: str
    kind: str  # a ctip.agencies.models.Kind value
    start: int
    end: int


def agency_names(text: str) -> list[AgencyName]:
    found = []
    for match in _PATTERN.finditer(text):
        index = int(next(k for k, v in match.groupdict().items() if v is not None)[1:])
        name = match.group().rstrip()
        found.append(
            AgencyName(name, str(_NAMES[index][1]), match.start(), match.start() + len(name))
        )
    return found


def is_object(sentence: str, name: AgencyName) -> bool:
    """Whether the name is an object of the sentence rather than who acts."""
    start = max(0, name.start - _OBJECT_REACH)
    return _OBJECT.search(sentence, start, name.start) is not None


def heading_agency(paragraph: str) -> AgencyName | None:
    """The names before a paragraph's colon ("- Công an tỉnh: ..."), as one name when they are
    several ("Viện Kiểm sát nhân dân tỉnh, Tòa án nhân dân tỉnh"): kind "" then."""
    head, colon, _rest = paragraph.partition(":")
    if not colon or len(head) > 160:
        return None
    names = agency_names(head)
    if not names:
        return None
    bare = head.strip().lstrip("-–+•*_ ").rstrip("*_ ").strip()
    if len(names) == 1 and not is_object(head, names[0]):
        return names[0]
    kinds = {n.kind for n in names}
    return AgencyName(bare, kinds.pop() if len(kinds) == 1 else "", names[0].start, names[-1].end)
