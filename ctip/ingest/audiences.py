"""Who an activity reached, from the words of its sentence ("cho Nhân dân, giáo viên, học sinh
các trường"): codes of ctip.prevention.target_groups, proposed for the officer to correct.

The words are read outside agency names ("Ủy ban nhân dân", "Tòa án nhân dân", "Đoàn Thanh
niên" name agencies, not people). The more specific phrase is read first and its words are not
read again: "phụ nữ dân tộc thiểu số" is one group, not women and ethnic minorities, and "Nhân
dân vùng biên giới" is not also the public.
"""

from __future__ import annotations

import re

from ctip.ingest.agency_names import agency_names

# (pattern over the lower-cased sentence, target group code), the more specific first.
_GROUPS: tuple[tuple[str, str], ...] = (
    (r"phụ nữ (?:là )?(?:người )?(?:đồng bào )?dân tộc thiểu số", "ethnic_minority_women"),
    (
        r"(?:nhân dân|người dân|đồng bào|bà con)(?: các xã| ở| tại| sinh sống ở| sống ở)?"
        r" (?:vùng |khu vực |các xã |địa bàn )?(?:biên giới|ven biển|bãi ngang)",
        "border_coastal_residents",
    ),
    (
        r"(?:người )?lao động (?:đi )?(?:làm việc|xuất khẩu|có nhu cầu đi làm việc)"
        r" (?:ở |tại )?nước ngoài|xuất khẩu lao động|lao động xuất cảnh",
        "workers_abroad",
    ),
    (r"(?:đồng bào|người|bà con) (?:các )?dân tộc(?: thiểu số)?|đồng bào\b", "ethnic_minority"),
    (r"hội viên(?:,)? phụ nữ|phụ nữ nông thôn|phụ nữ|chị em", "rural_women"),
    (r"học sinh|sinh viên|học viên", "pupils_students"),
    (r"giáo viên|giảng viên|nhà giáo", "teachers"),
    (r"cộng tác viên|tình nguyện viên|nhân viên công tác xã hội", "volunteers"),
    (r"cán bộ,? chiến sĩ|chiến sĩ|sĩ quan", "officers_soldiers"),
    (r"cán bộ,? công chức|công chức|viên chức|cán bộ (?:các )?(?:cấp|cơ sở)", "officials"),
    (r"ngư dân|thuyền viên|chủ tàu", "fishermen"),
    (r"đoàn viên|thanh niên|thanh thiếu niên|thiếu niên", "youth"),
    (r"quần chúng nhân dân|nhân dân|người dân|bà con|cộng đồng dân cư", "public"),
)
_PATTERNS = tuple((re.compile(rf"(?<!\w)(?:{p})(?!\w)"), code) for p, code in _GROUPS)


def target_groups(sentence: str) -> list[str]:
    """The target group codes the sentence's words name, in the catalogue's order of reading
    (each once)."""
    text = _without_agency_names(sentence).lower()
    found: list[str] = []
    for pattern, code in _PATTERNS:
        if pattern.search(text) is None:
            continue
        if code not in found:
            found.append(code)
        # The words read here are not read again by a wider group.
        text = pattern.sub(lambda m: " " * len(m.group()), text)
    return found


def _without_agency_names(sentence: str) -> str:
    # Built in one pass: the sentence rebuilt after each name grew with the square of its length.
    pieces, at = [], 0
    for name in agency_names(sentence):
        pieces += [sentence[at : name.start], " " * (name.end - name.start)]
        at = name.end
    text = "".join(pieces) + sentence[at:]
    # Agencies agency_names leaves to the reader ("Hội đồng nhân dân", "Ban Chỉ đạo ... các
    # huyện") and the courts' own words.
    return _OTHER_NAMES.sub(lambda m: " " * len(m.group()), text)


_OTHER_NAMES = re.compile(r"(?i)hội đồng nhân dân|HĐND|ban chỉ đạo[^,.;]*")
