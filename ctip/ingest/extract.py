"""Figures in Vietnamese prose: "tổ chức 98 buổi tuyên truyền ..., với hơn 3.000 lượt người tham
gia" gives 98 sessions and more than 3.000 participants.

The rules are the language's, not any one text's:
- a figure is a number (ctip.ingest.numbers) followed directly by a classifier noun of a kind
  (ctip.ingest.kinds); "17 vụ/32 đối tượng" and "45 băng rôn, phát 1.200 tờ rơi" are two
  figures each, as is every number-noun pair in a sentence;
- a bound word just before the number qualifies it: "hơn"/"trên" (more_than), "gần"/"gần như"
  (nearly), "khoảng"/"khoảng chừng"/"chừng"/"xấp xỉ"/"ước tính"/"trên dưới" (about), "ít
  nhất"/"tối thiểu"/"không dưới"/"không ít hơn" (at_least), "tối đa"/"không quá" (at_most);
- a part of a whole is one figure of the part, the whole in `of`: "12/14 huyện" is 12 districts
  of 14, "165/173 xã, phường, thị trấn" 165 communes of 173, "12 trên tổng số 14 huyện" too
  (not a date, "ngày 8/8", nor a symbol, "120/KH-UBND": see ctip.ingest.numbers); the bound is
  what the words before it say; "24/24 giờ" is round the clock, not hours. When the noun is
  followed by a slash and a noun of another kind, the slash pairs numbers and nouns in order:
  "05/12 vụ/đối tượng" is 5 cases and 12 suspects (two figures, no whole), as "5 vụ/12 đối tượng";
- a range is one figure with bound "range", its lower number as `value` and its higher as
  `upper`: "từ 30 đến 50 người", "30 - 50 lượt người", "30-50 người", "từ 3 đến 5 buổi mỗi
  tháng" (a bound word before it, "khoảng 30 - 50 người", is kept in the span, the bound stays
  "range"); two numbers joined by a range word that are not a range ("50 - 30 người") give no
  figure for the second;
- not figures: shares ("85%"), dates and symbols (never numbers), article and clause numbers
  ("Điều 150", "Ban Chỉ đạo 138", "lớp 3/5"; but "mỗi lớp 25-30 học viên" is a rate per class),
  times of day ("lúc 13 giờ", "vào 20 giờ", "13 giờ 30", "20 giờ thứ Bảy", "từ 8 đến 10 giờ"),
  schedules ("24 giờ mỗi ngày", "16 giờ/ngày", "24 giờ trong ngày."), changes ("tăng 5
  vụ so với cùng kỳ", "nhiều hơn 4 vụ": the "hơn" is no bound), a noun that begins another word
  ("15 tổ chức", "xã hội", "tin báo", "tin, tài liệu", "bài dự thi", "bản cam kết", "đợt tuần
  tra"), a bare "tin" that is a tip-off (after "giải quyết", "thụ lý", "tiếp nhận"... or in a
  clause that speaks of "tin báo", "tố giác"), "doanh nghiệp" other than inspected ("tuyên
  truyền tại 09 doanh nghiệp"), a bare "lớp" that is no training held ("giờ sinh hoạt của 32
  lớp": a school's classes; "mở 02 lớp", "lớp dạy nghề" are trainings), a bare "đợt" that is no
  campaign launched ("tiếp nhận 2 đợt" công dân: batches; "mở 2 đợt", "đợt ra quân" are), a
  "quyết định" that is a step of a procedure ("06 quyết định khởi tố bị can"), a bare "lượt"
  that neither counts attendances ("lượt tham gia") nor repeats what a verb before it does
  ("phát thanh ... 120 lượt" are broadcasts, "kiểm tra 15 lượt" inspections), printed or
  posted things taken down ("bóc gỡ 23 tờ quảng cáo"), and groups on a network ("09 nhóm
  Zalo"). "doanh nghiệp" is inspected also after an inspection named as a noun in its phrase
  ("03 cuộc kiểm tra việc chấp hành pháp luật của 06 doanh nghiệp"); an opening quote may stand
  between a number and its noun ("42 “Địa chỉ tin cậy”");
- a person noun ("người", "phụ nữ", "trường hợp") counts victims after "giải cứu", "tiếp
  nhận"... or when words after it say so ("bị mua bán", "đi bán", "là nạn nhân", "nghi là nạn
  nhân", "có dấu hiệu bị mua bán", "bị cưỡng bức lao động", "bị bóc lột", "bị lừa đi lao động";
  not when another group follows: "học viên là nạn nhân và người có nguy cơ cao"), and those
  words after a second person figure joined by "và" alone describe the first too ("08 phụ nữ
  và 02 trẻ em bị lừa bán"); it counts suspects after "bắt", "khởi tố"...; victims when people
  of a sentence's suspects lead or carry them ("02 đối tượng ... đang dẫn 01 trẻ em"); otherwise
  people reached. A verb reaches the number only within the last five words of its clause, not
  past "cho"/"với", the people the work was for ("tuyên truyền về phòng, chống mua bán người cho
  1.120 học sinh" are pupils reached), not after "bị" (a passive verb tells of the people
  before it: "87 nạn nhân bị mua bán và 1.204 người"), and not from inside a quoted title
  ("tọa đàm “Nói không với mua bán người” có 85 đại biểu"). People named as a part of victims or
  suspects counted before them ("14 nạn nhân, trong đó có 05 trẻ em và 02 ...", "gồm"), or of a
  group of them named uncounted ("Trong số nạn nhân trở về, 06 người ...", "Số nạn nhân được hỗ
  trợ năm 2022 là 38 người"), count what those count, and "trường hợp" after victims or suspects
  in its sentence names them again ("hỗ trợ cho 09 nạn nhân; chi trả cho 07 trường hợp"), as a
  bare "em" or "cháu" (children) does in its clause series, unless the work was for them
  ("tiếp nhận 03 trẻ em ..., bàn giao 02 em"; not "tuyên truyền cho 250 em"). "lượt
  người" counts attendances. People no work reached are no figure: people checked ("kiểm tra,
  kiểm soát 412.000 lượt người"), and, unless the work was for them ("cho", "với"), staff
  assigned ("bố trí 01 cán bộ", "cán bộ chuyên trách") or making up a committee or working
  group ("01 đoàn công tác gồm 05 cán bộ", "Ban Chỉ đạo ... gồm 19 thành viên"), people at risk
  or under watch ("2.418 người có nguy cơ cao được quản lý"), people crossing a border ("09
  người xuất cảnh trái phép") and people living unlawfully abroad or working away ("21 người cư
  trú bất hợp pháp", "03 người đi làm ăn xa"), intending to leave or working abroad ("11 người
  có biểu hiện xuất cảnh", "186 người đang làm việc ở nước ngoài"), on duty or sent ("01 cán bộ
  trực", "26 cán bộ, chiến sĩ tăng cường"), harmed otherwise than by trafficking ("03 phụ nữ bị
  bạo lực gia đình"), and the parts named after such people ("trong đó 312 người", "(97
  người)"); the people of a pair with cases ("phát hiện 03 vụ/04 người") are no audience. A
  change before a pair is the pair's ("tăng 02 vụ/05 bị can"); "phòng, chống mua bán" is a topic,
  not a verb; ", có" opens a clause no verb before it reaches ("..., có gần 700 cán bộ tham gia"),
  and after victims names a part of them; posts found or reported are others' ("phát hiện, báo
  cáo 124 bài đăng"); "chia thành 02 lớp" after a training word are classes held, as are "qua
  03 lớp", "gồm 02 lớp". A part after "trong đó" named by its whole's head word alone counts
  what the whole counts ("24 phiên giao dịch việc làm, trong đó 06 phiên"; "9.840 lượt tin,
  bài, trong đó 2.115 lượt"). People are victims also as a part of a group named "trong tổng
  số" or as the subject of "là" ("nạn nhân nữ là 104 người"), in parentheses shortly after a
  group named uncounted ("Phần lớn nạn nhân là nam giới ... (19 người)"), brought home ("...,
  11 người đã trở về") or cared for ("chăm sóc ... 17 người") after victims counted in their
  sentence, and "; có 05 em" after victims names a part of them. "xác minh"/"xác định" do not
  make "trường hợp" victims when whose matters they are follows ("43 trường hợp công dân").
  Not figures either: people and what is listed with them crossing a border or checked
  ("187.540 lượt người và 41.226 lượt phương tiện xuất cảnh, nhập cảnh được kiểm soát": the
  vehicles stay), staff doing the work themselves ("Hai cán bộ ... trực tiếp đến 47 hộ"), a
  capitalised "Nam", "Ca", "Thư", "Biển" (a name). "được in trên 10.000 tờ rơi": after a passive
  verb of printing or posting "trên" is "on", no bound. "thời lượng"/"kéo dài" make "giờ" a
  duration ("thời lượng từ 8 đến 12 giờ"), not a time of day. A bare "số" is an issue only after
  a periodical named in its clause series ("Podcast ... có 12 số").
  Not figures either: people staying in a place named ("1.287 người đang ở Campuchia"), a
  population's state after a word of time or intent ("thường xuyên mất liên lạc", "chuẩn bị vượt
  biên"), a part of a population named after "Trong số", people back home with no victims
  counted ("29 người từ Campuchia trở về"), passengers ("02 xe ô tô khách chở 31 người"), people
  processed at a border post ("làm thủ tục cho ... lượt người ... xuất, nhập cảnh"), people
  sheltered from violence at home, speakers who talk to others ("215 báo cáo viên ... nói
  chuyện ... cho học sinh"), a facility's staff ("Cơ sở trợ giúp xã hội chỉ có 06 nhân viên"),
  a bare "người" after citizens handed over ("bàn giao công dân ... tổng số 1.452 người"), a
  group's size ("theo nhóm 5 - 7 người"), copies ("lập thành 03 bản", "mỗi nơi 01 bản"), and a
  part named by the noun its whole wrote as another word ("31 vụ việc trợ giúp pháp lý, trong
  đó 09 vụ việc"). "05 người còn lại" count what the people counted before them count, and
  nothing after a part of a whole ("39/64 người ..., 25 người còn lại"). "tội mua bán người" is
  a crime's name, no verb. A hotline's "tiếp nhận" makes no victims ("Tổng đài 111 tiếp nhận 19
  ca"). "trường hợp" after victims named uncounted in its sentence, and a bare "chị" after
  victims counted in it, are victims.
The words before a number are read within REACH characters of it, and a full stop's word within
a few dozen (ctip.ingest.text): the reading time is linear in a text's length.
The agency of a figure is its paragraph's heading ("- Công an tỉnh: ..."), else the last agency
named before it in its sentence as the one acting (not "phối hợp với ...", not in parentheses),
else the first named after it; its period is the last one stated before it in its sentence,
else the first after it: see ctip.ingest.agency_names and ctip.ingest.period_phrases.

Places (`span`) are in `normalise(text)` (ctip.ingest.text), which is the text itself when it
is already in NFC with the new tone placement.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import deque
from dataclasses import asdict, dataclass, replace
from typing import NamedTuple

from ctip.ingest.agency_names import AgencyName, agency_names, heading_agency, is_object
from ctip.ingest.kinds import (
    AUDIENCE_WORDS,
    BARE_LUOT_NEXT,
    BARE_LUOT_VERBS,
    CAMPAIGN_AFTER,
    CAMPAIGN_VERBS,
    CARE_FACILITIES,
    CARE_VERBS,
    CARRYING_VERBS,
    CHECKING_VERBS,
    CHILD_NOUNS,
    COMPOUNDS,
    CONTROL_VERBS,
    CROSSING_VERBS,
    FOUND_VERBS,
    HOTLINE_WORDS,
    INSPECTION_VERBS,
    KINDS,
    LODGING_NOUNS,
    MOVING_VERBS,
    ONLINE_AFTER,
    OTHER_HARM_AFTER,
    PERIODICAL_WORDS,
    PERSON_KINDS,
    PERSON_NOUNS,
    POPULATION_AFTER,
    PRINT_VERBS,
    PROCEDURAL_AFTER,
    REMOVABLE_KINDS,
    REMOVAL_VERBS,
    REPORT_VERBS,
    RING_NOUNS,
    SENDING_VERBS,
    SISTER_NOUNS,
    SPEAKER_NOUNS,
    SPEAKING_VERBS,
    SPLIT_VERBS,
    STAFF_AFTER,
    STAFF_BODIES,
    STAFF_VERBS,
    SUSPECT_NOUNS,
    SUSPECT_VERBS,
    TRAINING_AFTER,
    TRAINING_VERBS,
    TRAINING_WORDS,
    VICTIM_NOUNS,
    VICTIM_VERBS,
)
from ctip.ingest.numbers import CONNECTOR, Number, find_numbers
from ctip.ingest.period_phrases import Period, find_periods
from ctip.ingest.text import Sentence, normalise, paragraphs, sentences

# "range": from `value` to `upper` ("từ 30 đến 50 người").
BOUNDS = ("exact", "more_than", "nearly", "about", "at_least", "at_most", "range")
# A bound word begins a word: "năm trước 07 vụ", "về nước 24 em" end in "ước", no "about".
_BOUND = re.compile(
    r"(?<![^\W\d_])(?:(?P<more_than>hơn|trên|hơn\s+là)|(?P<nearly>gần\s+như|gần|xấp\s+xỉ\s+gần)"
    r"|(?P<about>khoảng\s+chừng|khoảng|chừng|xấp\s+xỉ|ước\s+tính|ước\s+khoảng|ước|trên\s+dưới)"
    r"|(?P<at_least>ít\s+nhất|tối\s+thiểu|không\s+dưới|không\s+ít\s+hơn)"
    r"|(?P<at_most>tối\s+đa|không\s+quá))\s+$",
    re.IGNORECASE,
)
# "được in trên 10.000 tờ rơi": after a passive verb of printing or posting, "trên" is "on" (the
# number is the things written on), no bound; an active "in trên 10.000 tờ rơi" stays "more than".
_PASSIVE_ON = re.compile(
    r"\bđược\s+(?:in|in\s+ấn|đăng|đăng\s+tải|dán|treo|ghi|niêm\s+yết|phát|lồng\s+ghép)\s+$",
    re.IGNORECASE,
)
# A length of time, not a time of day: "thời lượng mỗi lớp từ 8 đến 12 giờ", "kéo dài 40 giờ".
_DURATION = re.compile(r"\b(?:thời\s+lượng|kéo\s+dài)\b[^,;.\d]{0,40}$", re.IGNORECASE)
# A number right after these names something (an article, a committee, a switchboard, a hamlet
# "khóm 3"), or a group's size ("theo nhóm 5 - 7 người"), unless
# the noun is the unit of a rate ("mỗi lớp 25-30 học viên", "từng thôn 02 buổi": per class);
# "Chỉ đạo" names the committee only after "Ban" ("Ban Chỉ đạo 138"): alone it is the verb
# ("Chỉ đạo 21/21 xã, thị trấn tuyên truyền").
_DESIGNATOR = re.compile(
    r"(?<!\b[Mm]ỗi\s)(?<!\b[Tt]ừng\s)"
    r"(?:\b(?:Điều|điều|khoản|Khoản|điểm|Điểm|Chương|chương|Mục|Khóa|khóa|thứ|lần thứ"
    r"|[Bb]an\s+[Cc]hỉ\s+đạo|BCĐ|[Đđ]ài|hotline|Quốc lộ|QL|Tỉnh lộ|ĐT|[Tt]hôn|[Tt]ổ|[Kk]hối"
    r"|[Ấấ]p|[Xx]óm|[Kk]hóm|[Kk]hu phố|[Nn]hóm"
    r"|[Tt]ổ dân phố|[Ll]ớp)|Tổng đài)\s*$"
)
# A change, not a count: "tăng 5 vụ", "nhiều hơn 4 vụ so với cùng kỳ" (whose "hơn" is no bound).
# "không ít hơn" is a bound ("không ít hơn 200 người": at least), no change.
# The comparand may stand between ("nhiều hơn năm trước 07 vụ", "ít hơn cùng kỳ 3 vụ").
_CHANGE = re.compile(
    r"\b(?:tăng|giảm|nhiều\s+hơn|(?<!\bkhông\s)ít\s+hơn|cao\s+hơn|thấp\s+hơn|chênh\s+lệch)"
    r"(?:\s+(?:so\s+với\s+)?(?:cùng\s+kỳ(?:\s+năm\s+trước)?|năm\s+trước|kỳ\s+trước"
    r"|năm\s+\d{4}))?\s+$",
    re.IGNORECASE,
)
# After a date or another number and a dash: the second of a pair the extractor does not read.
_RANGE = re.compile(r"\d\s*(?:-|–|đến|tới)\s*$")
# "từ" opens a range: part of its span.
_FROM = re.compile(r"\btừ\s+$", re.IGNORECASE)
# A time of day: "lúc 13 giờ", "vào 20 giờ", "20 giờ thứ Bảy", "13 giờ 30", "06 giờ sáng".
_TIME_BEFORE = re.compile(r"\b(?:lúc|vào lúc|vào|từ)\s+$", re.IGNORECASE)
_TIME_AFTER = re.compile(
    r"\s*(?:\d|(?:ngày|sáng|chiều|tối|trưa|đêm|chủ\s+nhật"
    r"|thứ\s+(?:hai|ba|tư|năm|sáu|bảy|[2-7]))(?![^\W_]))",
    re.IGNORECASE,
)
_YEAR_BEFORE = re.compile(r"\b(?:năm|giai đoạn)\s+$", re.IGNORECASE)
# After a person noun, words that make the people victims: "3 người bị lừa bán", "04 phụ nữ đi
# bán", "47 người là nạn nhân", "09 trường hợp nghi là nạn nhân", "2 trẻ em có dấu hiệu bị mua
# bán", the exploitation they suffered ("19 người bị cưỡng bức lao động", "bị bóc lột tình dục",
# "bị ép kết hôn") or the lure that took them ("07 người có dấu hiệu bị lừa đi lao động"), two
# words before them ("39/64 người được xác định có dấu hiệu nạn nhân"); not "đi bán hàng"
# (selling goods) nor "bị lừa đảo" (a fraud).
_VICTIM_WORDS = (
    r"(?:(?:đều|đã|đang|được|nghi|nghi\s+ngờ|nghi\s+vấn|được\s+xác\s+định|có\s+dấu\s+hiệu"
    r"|(?:tự\s+)?khai|trình\s+báo|từng)\s+){0,2}"
    r"(?:bị\s+(?:mua\s+bán|lừa\s+bán|bán|cưỡng\s+bức|bóc\s+lột|ép|dụ\s+dỗ|bắt\s+cóc"
    # The lure may be quoted before where to ("bị lừa “việc nhẹ lương cao” sang Campuchia").
    r"|lừa\s+(?:“[^”]{1,40}”\s+)?(?:đi|sang|ra|đưa|bán)|(?:dẫn|đưa|chở)\s+(?:đi|sang|qua|ra)\b"
    # Who exploits them may be named ("bị chủ tàu giữ giấy tờ, ép làm việc").
    r"|(?:[^\W\d_]+\s+){1,3}?(?:giữ\s+(?:giấy\s+tờ|hộ\s+chiếu)|ép\s+(?:làm|lao\s+động|bán)"
    r"|cưỡng\s+bức|bóc\s+lột))"
    # Rescued: "05 thuyền viên được giải cứu khỏi tàu cá".
    r"|được\s+giải\s+(?:cứu|thoát)"
    r"|(?:là\s+)?(?:nạn\s+nhân|bị\s+hại)"
    # Led or carried by suspects: "02 phụ nữ đang được đối tượng dẫn qua cánh đồng".
    r"|(?:được|bị)\s+(?:các\s+|những\s+)?(?:đối\s+tượng|bị\s+can|kẻ\s+buôn\s+người)"
    r"\s+(?:dẫn|đưa|chở|dụ\s+dỗ|lôi\s+kéo|lừa)"
    r"|(?:đi|để|đem|mang)\s+bán(?!\s+hàng))\b"
)
# Where the people are from may stand between them and those words ("17 phụ nữ của xã bị lừa bán"),
# and their age ("05 phụ nữ trong độ tuổi từ 16 đến 24 bị lừa bán", "02 em dưới 16 tuổi").
_AGE = (
    r"(?:\s+(?:trong\s+)?độ\s+tuổi(?:\s+từ)?\s+\d{1,2}(?:\s*(?:-|–|đến|tới)\s*\d{1,2})?"
    r"(?:\s+tuổi)?|\s+(?:dưới|trên|từ)\s+\d{1,2}\s+tuổi|\s+\d{1,2}\s+tuổi)"
)
_VICTIM_AFTER = re.compile(
    r"(?:\s+(?:của|ở|tại)\s+(?:xã|phường|thị\s+trấn|thôn|bản|làng|huyện|tỉnh|địa\s+phương"
    rf"|thành\s+phố|quận|thị\s+xã|đặc\s+khu))?{_AGE}?"
    rf"\s+{_VICTIM_WORDS}",
    re.IGNORECASE,
)
_CAPITALS = "A-Z" + "".join(chr(c) for c in range(0xC0, 0x1EFA) if chr(c).isupper())
# A place by its name: "Campuchia", "Phnôm Pênh".
_PLACE_NAME = rf"(?-i:[{_CAPITALS}])[^\W\d_]*(?:\s+(?-i:[{_CAPITALS}])[^\W\d_]*){{0,2}}"
# People brought home after victims counted in their sentence are those victims ("17 phụ nữ bị
# lừa bán sang Trung Quốc, 11 người đã trở về"); with none counted, a population back home ("29
# người từ Campuchia trở về địa phương"), where they came from between.
_RETURNED_AFTER = re.compile(
    rf"(?:\s+từ\s+{_PLACE_NAME})?"
    r"\s+(?:đã\s+|được\s+)?(?:trở\s+về|về\s+nước|hồi\s+hương|được\s+đưa\s+về)\b",
    re.IGNORECASE,
)
# A number after these words is a part of the figure before it ("14 nạn nhân, trong đó có 05 trẻ
# em": 5 of the victims; "giải cứu 07 người, có 05 trẻ em"), and counts what that figure counts.
_PART_OF_BEFORE = re.compile(
    r"(?:\b(?:trong\s+đó|trong\s+số\s+(?:đó|này)|bao\s+gồm|gồm)(?:\s+có)?|,\s*có)\s*:?\s*$",
    re.IGNORECASE,
)
# Between two parts listed together: "05 trẻ em và 02 người cao tuổi", "05 trẻ em, 02 ...".
_LIST_GAP = re.compile(r"(?:\s+[^\s,;:.()]+){0,4}?\s*(?:,|\s+và|,\s*và)\s+", re.IGNORECASE)
_PEOPLE = ("participants", "instances", "victims", "suspects")


def _words(phrases: tuple[str, ...]) -> str:
    """An alternation of the phrases, any run of spaces between their words."""
    ordered = sorted(phrases, key=len, reverse=True)
    return "|".join(re.escape(p).replace(r"\ ", r"\s+").replace(",", r"\s*,") for p in ordered)


# After the victims' words, another group of people they also are: not all of them are victims
# ("37 học viên là nạn nhân và người có nguy cơ cao"); their relatives are another object ("12
# trẻ em là nạn nhân và người thân").
_MIXED = re.compile(
    rf"\s+(?:và|hoặc)\s+(?!người\s+(?:thân|nhà)\b)(?:{_words(PERSON_NOUNS)})(?![^\W_])",
    re.IGNORECASE,
)
# Two person figures joined with nothing else between: words after the second describe both
# ("08 phụ nữ và 02 trẻ em bị lừa bán").
_TIGHT_LIST = re.compile(r"\s*(?:,|,?\s+và|\s+hoặc)\s+", re.IGNORECASE)
# The group a person noun belongs to, named before it without being counted: "Trong số nạn nhân
# trở về, 06 người ...", and the subject of "là": "Số nạn nhân được hỗ trợ năm 2022 là 38 người",
# "Số phụ nữ bị lừa bán là 5 người".
_GROUP = (
    rf"(?:các\s+|những\s+)?(?:(?P<victims>{_words(VICTIM_NOUNS)}"
    rf"|(?:{_words(PERSON_NOUNS)})\s+{_VICTIM_WORDS})|(?P<suspects>{_words(SUSPECT_NOUNS)}))"
    r"(?![^\W_])"
)
_AMONG = re.compile(rf"\btrong\s+(?:tổng\s+)?số\s+(?:[\d.]+\s+)?{_GROUP}", re.IGNORECASE)
# The group as the subject of "là", a few words of its kind between: "nạn nhân nữ là 104 người";
# not "đối tượng", also the target group of the work ("Đối tượng tuyên truyền là 500 người").
_GROUP_IS = re.compile(rf"(?!đối\s+tượng){_GROUP}(?:\s+[^\W\d_]+){{0,3}}\s+là\s+$", re.IGNORECASE)
# A count in parentheses after a group named uncounted shortly before it: "Phần lớn nạn nhân là
# nam giới ... (19 người)", "Bản có người bị mua bán trở về: bản Huồi Pốc (02 người)".
_GROUP_NEAR = 100
# Not a topic ("tuyên truyền về nạn nhân ... tại 05 xã (1.200 người)") nor a target group.
_GROUP_NAMED = re.compile(rf"(?<![\d.]\s)(?<!\bvề\s)(?!đối\s+tượng){_GROUP}", re.IGNORECASE)
_COUNT_OF = re.compile(rf"\bsố(?:\s+lượng)?\s+{_GROUP}", re.IGNORECASE)
_COPULA = re.compile(r"\blà\s+$", re.IGNORECASE)
_SUSPECT_NOUN = re.compile(rf"\b(?:{_words(SUSPECT_NOUNS + RING_NOUNS)})\b", re.IGNORECASE)
# A word of time or intent may come first ("341 người thường xuyên mất liên lạc", "21 người
# chuẩn bị vượt biên"), and people staying in a place named are a population too ("1.287 người
# đang ở Campuchia").
# Where they live may come first ("1.126 phụ nữ trên địa bàn đăng ký kết hôn").
_POPULATION_AFTER = re.compile(
    r"\s+(?:trên\s+địa\s+bàn\s+)?(?:(?:đang|đã|vẫn|còn|hiện|thường\s+xuyên|chuẩn\s+bị|dự\s+định|định|sắp)\s+){0,2}"
    rf"(?:{_words(POPULATION_AFTER)}"
    rf"|(?<=đang\s)(?:ở|sống|sinh\s+sống|cư\s+trú|lưu\s+trú)(?:\s+(?:ở|tại))?\s+{_PLACE_NAME})\b",
    re.IGNORECASE,
)
# Also after the people listed with them ("15 lượt phụ nữ, trẻ em bị bạo lực gia đình").
# Sheltered from it, whichever way the sentence puts it ("cho 37 lượt người tạm lánh khi bị bạo
# hành trong gia đình"): care, whoever it was for.
_OTHER_HARM = re.compile(
    rf"(?:\s*(?:,|và|hoặc)\s+(?:{_words(PERSON_NOUNS)}))?"
    r"(?P<shelter>\s+(?:tạm\s+lánh|lánh\s+nạn)(?:\s+(?:khi|do|vì))?)?"
    rf"\s+(?:{_words(OTHER_HARM_AFTER)})\b",
    re.IGNORECASE,
)
# People cared for whose parts named after them include people harmed otherwise ("tạm lánh cho 29
# phụ nữ, trong đó 08 chị là nạn nhân ..., 21 chị bị bạo lực gia đình"): a whole that mixes
# them is no figure; its parts are read by their own words.
_HARM_IN_PARTS = re.compile(
    r"[^;.]{0,40}?\btrong\s+(?:đó|số\s+(?:đó|này))\b[^;.]{0,160}?"
    rf"\b(?:{_words(OTHER_HARM_AFTER)})\b",
    re.IGNORECASE,
)
_TRAINING_WORD = re.compile(rf"\b(?:{_words(TRAINING_WORDS)})\b", re.IGNORECASE)
# The first figure of a pair written with a slash, right before the second's number: "tăng 02
# vụ/05 bị can" (the change before the pair is the second's too), "phát hiện 03 vụ/04 người".
_PAIR_TAIL = re.compile(r"(?<![\d.])\d[\d.]*\s+[^\W\d_]+(?:\s+[^\W\d_]+){0,2}\s*/\s*$")
_CASES_TAIL = re.compile(r"\d\s+(?:vụ|vụ\s+án|vụ\s+việc)\s*/\s*$", re.IGNORECASE)
_TRAINING_AFTER = re.compile(rf"\s+(?:{_words(TRAINING_AFTER)})\b", re.IGNORECASE)
_CAMPAIGN_AFTER = re.compile(rf"\s+(?:{_words(CAMPAIGN_AFTER)})\b", re.IGNORECASE)
_PROCEDURAL_AFTER = re.compile(rf"\s+(?:{_words(PROCEDURAL_AFTER)})\b", re.IGNORECASE)
# "24 giờ mỗi ngày", "24 giờ trong ngày,": an operating schedule, not hours of work done ("trong
# ngày hội" is the day of an event).
_PER_DAY = re.compile(
    r"\s*(?:/\s*ngày|(?:mỗi|một|hằng|hàng|trên)\s+ngày|trong\s+ngày(?=\s*(?:[,.;:)]|$)))"
    r"(?![^\W_])",
    re.IGNORECASE,
)
_TIP_OFFS = re.compile(r"\btin\s+báo\b|\btố\s+giác\b", re.IGNORECASE)
_AUDIENCE = re.compile(rf"\b(?:{'|'.join(AUDIENCE_WORDS)})\b", re.IGNORECASE)
# Right before the number: the people are those the work was for, whatever their post ("tập
# huấn cho 50 cán bộ chuyên trách").
_FOR_WHOM = re.compile(rf"\b(?:{'|'.join(AUDIENCE_WORDS)}|của)\s*$", re.IGNORECASE)
_STAFF_AFTER = re.compile(
    rf"\s+(?:{_words(STAFF_AFTER)})\b(?!\s+(?:tiếp|tuyến|thuộc|quan)\b)", re.IGNORECASE
)
# The members a committee or working group is made of: "01 đoàn công tác gồm 05 cán bộ", "Ban
# Chỉ đạo 138 tỉnh có 21 thành viên": between the body and "gồm"/"có" only the rest of its name
# (a number, its level, a proper name), not a verb ("Ban Chỉ đạo tổ chức hội nghị có 120 đại
# biểu" are people reached).
_BODY_NAME = (
    r"(?:\d+|tỉnh|huyện|xã|phường|thị\s+xã|thành\s+phố|liên\s+ngành|cấp|của"
    rf"|(?-i:[{_CAPITALS}])\w*)"
)
_STAFF_BODY = re.compile(
    rf"\b(?:{_words(STAFF_BODIES)})(?![^\W_])(?:\s+{_BODY_NAME}){{0,4}}"
    r"\s+(?:(?:chỉ|hiện|mới|còn)\s+)?(?:gồm|có)(?:\s+có)?"
    r"\s*:?\s*$",
    re.IGNORECASE,
)
# A person noun right after "em" ("200 em học sinh"): "em" is then its classifier, no one named
# again.
_ANOTHER_PERSON = re.compile(rf"\s+(?:{_words(PERSON_NOUNS)})(?![^\W_])", re.IGNORECASE)
_ONLINE_AFTER = re.compile(rf"\s+(?:{_words(ONLINE_AFTER)})(?![^\W_])", re.IGNORECASE)
# A quoted title is a name: its words govern nothing after it ("tọa đàm “Nói không với mua bán
# người” có 85 đại biểu dự": no one was trafficked).
_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"")
# A count in parentheses after people counted is a part of them ("186 người ..., chủ yếu tại
# Lào (97 người) và Thái Lan (41 người)").
_OPENING = re.compile(r"\(\s*$")
# "trường hợp" followed by whose matter it is ("43 trường hợp công dân", "58 trường hợp người
# dân trình báo"): the matters of that group, not victims by a verb of checking alone.
# Their kin ("27 trường hợp người thân bị lừa sang"), and a group by sex ("lao động nữ").
_WHOSE = re.compile(
    rf"\s+(?:công\s+dân|lao\s+động|người\s+(?:thân|nhà)|{_words(PERSON_NOUNS)})"
    r"(?:\s+(?:nữ|nam))?(?![^\W_])",
    re.IGNORECASE,
)
# A part named after "trong đó" by the head word of its whole's noun ("24 phiên giao dịch việc
# làm, trong đó 06 phiên lưu động"; "9.840 lượt tin, bài ..., trong đó 2.115 lượt").
_PART_WORDS = re.compile(
    r"\b(?:trong\s+đó|trong\s+số\s+(?:đó|này)|bao\s+gồm|gồm)(?:\s+có)?\s*:?\s*$", re.IGNORECASE
)
# People crossing a border or checked, named after the people and what is listed with them
# ("187.540 lượt người và 41.226 lượt phương tiện xuất cảnh, nhập cảnh được kiểm soát").
_CROSSING_AFTER = re.compile(
    # A comma may list the last thing before the words ("128.450 lượt xe, ghe xuất, nhập cảnh").
    r"(?:[^;.,]|(?<=\d)[.,](?=\d)|,(?=\s+[^\W\d_]+(?:\s+[^\W\d_]+)?\s+xuất\b)){0,100}?"
    r"\b(?:xuất\s*,\s*nhập\s+cảnh|xuất\s+cảnh|nhập\s+cảnh|xuất\s+nhập\s+cảnh"
    # Working across the border ("3.000 người dân các xã sang Trung Quốc làm thuê").
    r"|(?<!\bkhông\s)(?<!\bkhông\sđi\s)(?:đi\s+)?làm\s+thuê"
    r"|được\s+(?:kiểm\s+tra|kiểm\s+soát|rà\s+soát|sàng\s+lọc))\b",
    re.IGNORECASE,
)
# Staff who did the work themselves, its subject: "Hai cán bộ văn hóa - xã hội và Công an xã trực
# tiếp đến 47 hộ" (not the people it reached).
_STAFF_NOUNS = ("cán bộ", "chiến sĩ", "cán bộ, chiến sĩ", "công chức", "viên chức", "nhân viên")
_WORKING_AFTER = re.compile(
    r"(?:\s+[^\s,;.]+){0,10}?\s+trực\s+tiếp\s+(?:đến|xuống|đi|về|gặp|vận\s+động|tuyên\s+truyền"
    r"|tiếp\s+cận|nắm)\b(?!\s+(?:dự|tham))",
    re.IGNORECASE,
)
# "02 nạn nhân ..., kết nối cho 01 người trong số đó": a part named as such after its noun.
_AMONG_AFTER = re.compile(r"\s+trong\s+số\s+(?:đó|này|họ|trên)(?![^\W_])", re.IGNORECASE)
# The parts of a whole whose noun has no kind ("2.034 công dân, trong đó 1.817 nam, 217 nữ";
# "lao động" handed back): no figure either, as the whole.
_NO_KIND_WHOLE = re.compile(
    r"(?<![\d.])\d[\d.]*\s+(?:công\s+dân|lao\s+động|nhân\s+khẩu)(?![^\W_])[^;\d]{0,60}?"
    r"\b(?:trong\s+đó|trong\s+số\s+(?:đó|này)|gồm)(?:\s+có)?\s*:?\s*$",
    re.IGNORECASE,
)
# A population named as the subject of "là": "Số người đi khỏi địa phương ... là 87 người".
_POPULATION_IS = re.compile(
    rf"\bsố\s+(?:{_words(PERSON_NOUNS)})\s+(?:{_words(POPULATION_AFTER)})\b[^;:]{{0,80}}\blà\s+$",
    re.IGNORECASE,
)
# A population named as the group a part belongs to: "Trong số người xuất cảnh trái phép bị ngăn
# chặn, có 43 người ..." (as "Trong số nạn nhân ..." for victims).
_AMONG_POPULATION = re.compile(
    rf"\btrong\s+(?:tổng\s+)?số\s+(?:các\s+|những\s+)?(?:{_words(PERSON_NOUNS)}|công\s+dân)"
    rf"{_POPULATION_AFTER.pattern}",
    re.IGNORECASE,
)
# A group of suspects, not a team of the work ("triệt phá 02 nhóm đối tượng").
_SUSPECTS_AFTER = re.compile(r"\s+(?:đối\s+tượng|tội\s+phạm)(?![^\W_])", re.IGNORECASE)
# A rate, not a count: "phát 07 buổi/tuần" (a schedule, as "24 giờ mỗi ngày").
_PER_PERIOD = re.compile(r"\s*/\s*(?:ngày|tuần|tháng|quý)(?![^\W_])", re.IGNORECASE)
# "không để một phụ nữ nào ...": "một ... nào" is "any", no count.
_ANY = re.compile(r"(?:\s+[^\W\d_]+){0,3}?\s+nào(?![^\W_])", re.IGNORECASE)
# Children who attended are the audience, not the victims spoken of ("..., 320 em tham dự").
_ATTENDING = re.compile(
    r"\s+(?:đã\s+)?(?:tham\s+dự|tham\s+gia|dự|theo\s+dõi)(?![^\W_])", re.IGNORECASE
)
# "; có 23 em dưới 16 tuổi": a clause that only says who there was names a part of the people
# counted before it, past the semicolon.
# So does a bare "em" that opens the clause, its subject ("; 15 em đã có việc làm").
_ONLY_HAVING = re.compile(r";\s*(?:(?:trong\s+đó\s+)?có\s+)?$", re.IGNORECASE)
_PERIODICAL = re.compile(rf"\b(?:{_words(PERIODICAL_WORDS)})\b", re.IGNORECASE)
_PART_START = re.compile(r"\btrong\s+(?:đó|số\s+(?:đó|này))\b", re.IGNORECASE)
# ", có" opens a clause of who was there ("lồng ghép nội dung phòng, chống mua bán trẻ em, có
# gần 700 cán bộ ... tham gia"): no verb before it governs the number after it.
_NEW_CLAUSE = re.compile(r",\s*có\b", re.IGNORECASE)
# Speakers who talk to others after them ("215 báo cáo viên là cán bộ Công an, Biên phòng nói
# chuyện chuyên đề cho học sinh").
_SPEAKING_AFTER = re.compile(
    rf"[^;.]{{0,80}}?\b(?:{_words(SPEAKING_VERBS)})\b[^;.]{{0,60}}?\b(?:cho|với|tới)\b",
    re.IGNORECASE,
)
# A border post processes the people crossing: "làm thủ tục cho 1.046.300 lượt người ... xuất,
# nhập cảnh" are people checked, though after "cho".
_PROCESSED = re.compile(
    r"\b(?:làm|giải\s+quyết)\s+thủ\s+tục\b[^;.\d]{0,40}?\bcho\s*$", re.IGNORECASE
)
# Citizens handed over or received, named uncounted: the people counted after them in their
# clause series are those citizens ("27 lần bàn giao công dân ... với tổng số 1.452 người").
_HANDED_CITIZENS = re.compile(
    r"\b(?:bàn\s+giao|trao\s+trả|tiếp\s+nhận)\s+(?:các\s+|những\s+)?"
    r"(?:công\s+dân|lao\s+động)(?![^\W_])",
    re.IGNORECASE,
)
# A population counted as the subject of "là" by where it lives ("Tổng số đoàn viên công đoàn
# trên địa bàn là 2.168.400 người"), not the people a piece of work reached.
_POPULATION_TOTAL = re.compile(
    rf"\b(?:tổng\s+)?số\s+(?:{_words(PERSON_NOUNS)})(?![^\W_])[^;:,.\d]{{0,40}}"
    r"\b(?:trên\s+địa\s+bàn|toàn\s+(?:tỉnh|thành\s+phố|huyện|xã|phường))\s+là\s+$",
    re.IGNORECASE,
)
# The members of each team sent out are its staff ("kiểm tra 12 phường, mỗi đoàn từ 5 đến 7
# thành viên"), as those of "01 đoàn công tác gồm 05 cán bộ".
_EACH_BODY = re.compile(
    rf"\bmỗi\s+(?:{_words(STAFF_BODIES)}|đoàn)(?![^\W_])(?:\s+(?:có|gồm))?\s*$", re.IGNORECASE
)
# People listed after things checked are checked too: "kiểm tra, kiểm soát 18.460 lượt tàu thuyền
# xuất, nhập cảnh và 41.300 lượt thuyền viên".
_CHECKED_LIST = re.compile(
    rf"\b(?:{_words(CONTROL_VERBS)})\s+[\d.]+\s+[^;:\d]{{1,60}}?\s+và\s+$", re.IGNORECASE
)
# A verb of going after staff sent ("cử 186 lượt cán bộ, chiến sĩ xuống các tàu cá").
_GOING_AFTER = re.compile(
    r"\s+(?:trực\s+tiếp\s+)?(?:xuống|đến|tới|về|đi|lên|ra)(?![^\W_])", re.IGNORECASE
)
# A facility of care that has premises ("Trung tâm Công tác xã hội Thành phố ..., có 02 cơ sở"):
# its own sites, no places of business inspected.
_FACILITY_HAS = re.compile(
    rf"\b(?:{_words(CARE_FACILITIES)})(?![^\W_])[^;:]{{0,120}}\bcó\s+$", re.IGNORECASE
)
# "05 người còn lại": the rest of the people counted before them.
_REST = re.compile(r"\s+còn\s+lại(?![^\W_])", re.IGNORECASE)
_HOTLINE = re.compile(rf"\b(?:{_words(HOTLINE_WORDS)})\b", re.IGNORECASE)
# Copies given to each recipient ("gửi ... mỗi nơi 01 bản"), not villages.
_EACH_RECIPIENT = re.compile(r"\bmỗi\s+(?:nơi|bên|cơ\s+quan|đơn\s+vị)\s*$", re.IGNORECASE)
# Not a figure, yet the group a part named after it belongs to ("Qua rà soát, có 1.126 người
# đang lao động ở nước ngoài, trong đó 312 người ..."; "186 người ..., chủ yếu tại Lào (97
# người)"): people no work reached.
_UNREACHED = "unreached"

# The next word after a noun, a comma between them kept ("tin, tài liệu").
_NEXT_WORD = re.compile(r"(\s*,)?\s+([^\W\d_]+)")
# How far before a number its words are read (its bound, the verb that governs it, the group
# or the tip-offs its clause names), in characters: the words that decide a figure stand
# within its clause, well inside this reach, and a bounded look keeps the reading time linear
# in a sentence's length (the whole sentence before each number made it grow with the square).
REACH = 300
_SPACE = re.compile(r"\s")
# A verb right after these is none of the number's: passive ("bị mua bán"), a topic ("chống mua
# bán"), a crime's name ("tội mua bán người", "tội phạm mua bán người").
_NOT_A_VERB_AFTER = frozenset({"bị", "chống", "tội", "phạm"})


@dataclass(frozen=True)
class Figure:
    kind: str  # a code of ctip.ingest.kinds.KINDS
    value: int
    bound: str  # one of BOUNDS
    unit_noun: str  # as written: "lượt người", "tin, bài, phóng sự"
    agency: str | None  # as written: "Công an tỉnh"
    agency_kind: str | None  # ctip.agencies.models.Kind value, when one kind is named
    period: Period | None
    sentence: str
    span: tuple[int, int]  # bound, number and noun, in the normalised text
    of: int | None = None  # the whole a part is of: "12/14 huyện" -> value 12, of 14
    upper: int | None = None  # a range's higher end: "từ 30 đến 50 người" -> value 30, upper 50

    def as_dict(self) -> dict:
        """The figure as JSON values; `of` and `upper` only when the figure has them."""
        data = asdict(self)
        for optional in ("of", "upper"):
            if data[optional] is None:
                del data[optional]
        if self.period is not None:
            data["period"] = {
                "text": self.period.text,
                "start": self.period.start.isoformat() if self.period.start else None,
                "end": self.period.end.isoformat() if self.period.end else None,
            }
        data["span"] = list(self.span)
        return data


def _unit_pattern(nouns: tuple[str, ...], listed: bool) -> re.Pattern[str]:
    def one(noun: str) -> str:
        return re.escape(noun).replace(r"\ ", r"\s+").replace(",", r"\s*,").replace("-", "-")

    alternatives = "|".join(one(n) for n in sorted(nouns, key=len, reverse=True))
    noun = f"(?:{alternatives})"
    unit = rf"{noun}(?:\s*(?:,|/|\s+và)\s+{noun})*" if listed else noun
    return re.compile(rf"(?P<unit>{unit})(?![^\W_])", re.IGNORECASE)


_UNITS = tuple((k.code, _unit_pattern(k.nouns, k.listed)) for k in KINDS)
# Short nouns that, capitalised, begin a name, not a unit ("Khu 2 Nam", "Tổ 3 Biển Đông", "Ca"
# for the Police): read only as written in lower case.
_NAME_WORDS = frozenset({"Nam", "NAM", "Ca", "CA", "Thư", "Biển"})
# Between a number and its noun, an opening quote around a model's or a team's name ("42 “Địa
# chỉ tin cậy”"); between the two nouns of "17/32 vụ/đối tượng".
_GAP = re.compile(r"\s+[“\"]?")
_SLASH = re.compile(r"\s*/\s*")


class _Read(NamedTuple):
    kind: str
    value: int
    bound: str
    unit: str
    start: int
    end: int
    of: int | None = None
    upper: int | None = None


def extract(text: str) -> list[Figure]:
    text = normalise(text)
    heads = [heading_agency(para) for para, _offset in paragraphs(text)]
    figures: list[Figure] = []
    for sentence in sentences(text):
        figures += _in_sentence(sentence, heads[sentence.paragraph])
    return figures


def _in_sentence(sentence: Sentence, head: AgencyName | None) -> list[Figure]:
    text = sentence.text
    names = agency_names(text)
    asides = _asides(text, names)
    acting = [
        n for n, aside in zip(names, asides, strict=True) if not aside and not is_object(text, n)
    ]
    acting_starts = [n.start for n in acting]
    periods = find_periods(text)
    period_starts = [at for at, _period in periods]
    semicolons = [at for at, char in enumerate(text) if char == ";"]
    found: list[Figure] = []
    previous: Number | None = None
    people: _Read | None = None  # the last figure of people
    last: _Read | None = None  # the last figure, if it was read as a part of `people`
    counted: _Read | None = None  # the last figure of victims or suspects
    before: _Read | None = None  # the figure read just before
    latest: _Read | None = None  # the same, people no work reached included
    for number in find_numbers(text):
        reads = [] if _second_of_pair(text, previous, number) else _figures(text, number)
        if before is not None and len(reads) < 2:
            reads = _part_by_head(text, number, before, semicolons, reads) or reads
        previous = number
        for read in reads:
            read, part = _part_of_previous(text, read, people, last, semicolons, latest)
            read = _rest_of(text, read, people)
            read = _victims_again(text, read, counted)
            latest = read
            if read.kind == _UNREACHED:
                # A part named as such ("trong đó 1.817 nam, 217 nữ") carries the list after it.
                named = _PART_OF_BEFORE.search(text, max(0, read.start - 40), read.start)
                last = read if part or named else None
                people = read
                before = None
                continue
            read = _instances_of(text, read, counted)
            read = _children_of(text, read, counted, semicolons)
            if before is not None and _shares_victims_words(text, before, read):
                found[-1] = replace(found[-1], kind="victims")
            last = read if part else None
            people = read if read.kind in _PEOPLE else people
            counted = read if read.kind in ("victims", "suspects") else counted
            before = read
            agency = head or _nearest(acting, acting_starts, read.start)
            found.append(
                Figure(
                    kind=read.kind,
                    value=read.value,
                    bound=read.bound,
                    unit_noun=re.sub(r"\s+", " ", read.unit),
                    agency=agency.text if agency else None,
                    agency_kind=(agency.kind or None) if agency else None,
                    period=_nearest_period(periods, period_starts, read.start),
                    sentence=text,
                    span=(sentence.start + read.start, sentence.start + read.end),
                    of=read.of,
                    upper=read.upper,
                )
            )
    return found


def _part_of_previous(
    text: str,
    read: _Read,
    people: _Read | None,
    part: _Read | None,
    semicolons: list[int],
    latest: _Read | None,
) -> tuple[_Read, bool]:
    """ "14 nạn nhân ..., trong đó có 05 trẻ em và 02 nam giới": people named as a part of the
    victims or suspects counted before them ("trong đó có", "gồm"), and the people listed right
    after that part, are victims or suspects too (in one clause series: not past a ";"), as is
    a count in parentheses right after them, no figure between ("186 người đang làm việc ở nước
    ngoài, chủ yếu tại Lào (97 người)"); the parts of people no work reached are none either.
    A part its own words already make victims or suspects still carries the list after it
    ("là 112 người (71 nam, 41 nữ)": 71 is read in the group's parentheses, 41 after it, which
    nothing else would make victims).
    The read, and whether it is such a part."""
    if read.unit.lower().startswith("lượt"):
        return read, False
    if read.kind in ("victims", "suspects"):
        # Also the first of a list in parentheses after a group named uncounted ("nạn nhân trở
        # về ... (18 phụ nữ, 07 trẻ em)").
        opening = _OPENING.search(text, max(0, read.start - 8), read.start)
        whole = _whole_kind(text, read, people, None, semicolons, latest)
        return read, whole == read.kind or opening is not None
    if read.kind not in PERSON_KINDS:
        return read, False
    kind = _whole_kind(text, read, people, part, semicolons, latest)
    return (read, False) if kind is None else (read._replace(kind=kind), True)


def _whole_kind(
    text: str,
    read: _Read,
    people: _Read | None,
    part: _Read | None,
    semicolons: list[int],
    latest: _Read | None,
) -> str | None:
    """The kind of the whole `read` is a part of, if it is one (see `_part_of_previous`)."""
    if part is not None and _LIST_GAP.fullmatch(text, part.end, read.start):
        return part.kind
    if (
        people is not None
        and people.kind in ("victims", "suspects", _UNREACHED)
        and bisect_left(semicolons, people.end) == bisect_left(semicolons, read.start)
        and (
            _PART_OF_BEFORE.search(text, max(0, read.start - REACH), read.start)
            or _AMONG_AFTER.match(text, read.end)
            or (latest is people and _OPENING.search(text, max(0, read.start - 8), read.start))
        )
    ):
        return people.kind
    return None


def _rest_of(text: str, read: _Read, people: _Read | None) -> _Read:
    """ "giải cứu 58 người, đưa về nước 53 người; 05 người còn lại ...": the rest of the people
    counted before count what those count; the rest of a whole a part was counted of ("39/64
    người ... là nạn nhân, 25 người còn lại ...") are the others, no figure."""
    if read.kind not in PERSON_KINDS or people is None or not _REST.match(text, read.end):
        return read
    if people.of is not None:
        return read._replace(kind=_UNREACHED)
    return read._replace(kind=people.kind) if people.kind in ("victims", "suspects") else read


def _instances_of(text: str, read: _Read, counted: _Read | None) -> _Read:
    """ "hỗ trợ cho 09 nạn nhân; đã chi trả trợ cấp cho 07 trường hợp": "trường hợp" names
    again the people the sentence counted before it, victims or suspects, or named as a group
    uncounted ("Các nạn nhân được tư vấn tâm lý ...; 12 trường hợp có rối loạn ...")."""
    if read.kind != "instances" or read.unit.lower().startswith("lượt"):
        return read
    if counted is not None:
        return read._replace(kind=counted.kind)
    groups = list(_GROUP_NAMED.finditer(text, max(0, read.start - REACH), read.start))
    if not groups:
        return read
    return read._replace(kind="victims" if groups[-1].group("victims") else "suspects")


def _children_of(text: str, read: _Read, counted: _Read | None, semicolons: list[int]) -> _Read:
    """ "tiếp nhận 03 trẻ em ..., bàn giao 02 em về với gia đình": a bare "em" or "cháu" (the
    children spoken of) names again the victims or suspects counted before it in its clause
    series (not past ";", unless the clause after it only says who there was: "; có 05 em dưới
    16 tuổi"), unless the work was for them ("tuyên truyền cho 300 em"); a bare "chị" anywhere
    after them in the sentence."""
    if counted is None:
        return read
    same_series = bisect_left(semicolons, counted.end) == bisect_left(semicolons, read.start)
    having = _ONLY_HAVING.search(text, max(0, read.start - 20), read.start)
    sister = read.unit.lower() in SISTER_NOUNS
    if (
        read.kind != "participants"
        or read.unit.lower() not in CHILD_NOUNS | SISTER_NOUNS
        or not (same_series or having or sister)
        or _FOR_WHOM.search(text, max(0, read.start - REACH), read.start)
        or _ANOTHER_PERSON.match(text, read.end)
        or _ATTENDING.match(text, read.end)
    ):
        return read
    return read._replace(kind=counted.kind)


def _part_by_head(
    text: str, number: Number, whole: _Read, semicolons: list[int], reads: list[_Read]
) -> list[_Read]:
    """ "24 phiên giao dịch việc làm, trong đó 06 phiên lưu động": a part after "trong đó" named
    by the first word of its whole's noun alone counts what the whole counts, in the whole's
    clause series, whether that word is no noun of its own ("phiên", a bare "lượt" after "lượt
    tin, bài") or a noun of another kind ("12 cuộc thi, trong đó 03 cuộc": contests); a bare
    "lượt" after a whole of bare "lượt" too, whose verb is not in the part's phrase ("phát lại
    ... hơn 9.500 lượt, trong đó khoảng 3.000 lượt")."""
    if number.upper is not None or number.percent:
        return []
    if bisect_left(semicolons, whole.end) != bisect_left(semicolons, number.start):
        return []
    head = whole.unit.split()[0]
    if reads and reads[0].unit.lower() != head.lower():
        return []
    if head.lower() == whole.unit.lower() and (reads or head.lower() != "lượt"):
        return []
    window, offset = _window(text, number.start)
    bound, start = _bound(window, number)
    # A bound word may stand between "trong đó" and the part ("trong đó khoảng 3.000 lượt").
    if not _PART_WORDS.search(window, max(0, start - 40), start):
        return []
    noun = re.compile(rf"\s+({re.escape(head)})(?![^\W_])", re.IGNORECASE).match(text, number.end)
    if noun is None:
        return []
    start += offset
    return [_Read(whole.kind, number.value, bound, noun.group(1), start, noun.end(), number.of)]


def _victims_again(text: str, read: _Read, counted: _Read | None) -> _Read:
    """People after victims counted in their sentence are those victims when brought home ("17
    phụ nữ bị lừa bán ..., 11 người đã trở về": read as a population back home when alone) or
    cared for ("tiếp nhận 29 nạn nhân ...; chăm sóc ban đầu 17 người")."""
    if (
        counted is None
        or counted.kind != "victims"
        or read.kind not in ("participants", _UNREACHED)
        or read.unit.lower().startswith("lượt")
    ):
        return read
    if read.kind == _UNREACHED and not _RETURNED_AFTER.match(text, read.end):
        return read
    before = _window(text, read.start)[0]
    if _RETURNED_AFTER.match(text, read.end) or (
        read.unit.lower() == "người" and _governed_by(before, CARE_VERBS)
    ):
        return read._replace(kind="victims")
    return read


def _shares_victims_words(text: str, first: _Read, second: _Read) -> bool:
    """ "08 phụ nữ và 02 trẻ em bị lừa bán": two person figures joined by "và" or a comma alone,
    the words after the second making its people victims, make the first people victims too."""
    return (
        first.kind in PERSON_KINDS
        and not first.unit.lower().startswith("lượt")
        and second.kind == "victims"
        and _TIGHT_LIST.fullmatch(text, first.end, second.start) is not None
        and _described_as_victims(text, second.end)
    )


def _second_of_pair(text: str, previous: Number | None, number: Number) -> bool:
    """ "50 - 30 người", "năm mươi đến ba mươi người": joined like a range, yet the first is not
    the smaller (ctip.ingest.numbers makes real ranges one number); the officer reads them."""
    if previous is None or number.upper is not None or previous.upper is not None:
        return False
    return CONNECTOR.fullmatch(text, previous.end, number.start) is not None


def _asides(sentence: str, names: list[AgencyName]) -> list[bool]:
    """For each name (in order), whether it is inside parentheses: partners listed in passing
    ("(Công an, Bộ đội Biên phòng...)"). The parentheses are counted once along the sentence."""
    found, depth, at = [], 0, 0
    for name in names:
        piece = sentence[at : name.start]
        depth += piece.count("(") - piece.count(")")
        at = name.start
        found.append(depth > 0)
    return found


def _nearest(names: list[AgencyName], starts: list[int], at: int) -> AgencyName | None:
    """The last name before `at`, else the first after it (`starts`: the names' places)."""
    index = bisect_left(starts, at)
    if index:
        return names[index - 1]
    return names[0] if names else None


def _nearest_period(periods: list[tuple[int, Period]], starts: list[int], at: int) -> Period | None:
    index = bisect_left(starts, at)
    if index:
        return periods[index - 1][1]
    return periods[0][1] if periods else None


def _window(text: str, at: int) -> tuple[str, int]:
    """The words before `at`, at most REACH characters from the first whole word (a word cut
    in two would read as another one), and where they start in `text`."""
    start = max(0, at - REACH)
    if start:
        space = _SPACE.search(text, start, at)
        start = space.start() if space else at
    return text[start:at], start


def _figures(text: str, number: Number) -> list[_Read]:
    """The figures a number gives: none, one, or two for "17/32 vụ/đối tượng" (17 cases and 32
    suspects: the slash pairs the numbers and the nouns in order, not a part and its whole)."""
    read = _figure(text, number)
    if read is None:
        return []
    slash = _SLASH.match(text, read.end) if number.of is not None else None
    second = _unit_at(text, slash.end(), gap=None) if slash else None
    if number.of is None or slash is None or second is None or second[0] == read.kind:
        return [read]
    kind, noun, end = second
    first = read._replace(of=None)
    if kind in PERSON_KINDS:
        people = _people_kind(_window(text, read.start)[0], text, end, kind, noun)
        if people is None or people in PERSON_KINDS:
            return [first]
        kind = people
    return [first, _Read(kind, number.of, read.bound, noun, slash.end(), end)]


def _figure(text: str, number: Number) -> _Read | None:
    """The figure the number begins, if it is one."""
    if number.percent:
        return None
    before, offset = _window(text, number.start)
    unit = _unit_at(text, number.end, before=before)
    if unit is None:
        return None
    kind, noun, unit_end = unit
    if _PER_PERIOD.match(text, unit_end):
        return None
    if text[number.start : number.end].lower() == "một" and _ANY.match(text, unit_end):
        return None
    bound, start = _bound(before, number)
    plain_before = before[:start]
    start += offset
    if _DESIGNATOR.search(before) or _RANGE.search(before):
        return None
    if _CHANGE.search(plain_before) or _CHANGE.search(before):
        return None
    paired = before.rstrip().endswith("/")
    pair = _PAIR_TAIL.search(before, max(0, len(before) - 40)) if paired else None
    if pair and _CHANGE.search(before, 0, pair.start()):
        return None
    if _YEAR_BEFORE.search(before) and 1900 <= number.value <= 2100:
        return None
    if (
        kind == "hours"
        and not _DURATION.search(before)
        and (
            number.of is not None
            or _TIME_BEFORE.search(before)
            or _TIME_AFTER.match(text, unit_end)
            or _PER_DAY.match(text, unit_end)
        )
    ):
        return None
    if _not_counted(kind, noun, plain_before, text, unit_end):
        return None
    if _part_of_no_unit(text, before, offset, noun):
        return None
    if kind in PERSON_KINDS:
        people = _people_kind(plain_before, text, unit_end, kind, noun)
        # People paired with cases ("phát hiện 03 vụ/04 người") are the cases' people, no
        # audience: victims or suspects by their words, else no figure.
        if people in PERSON_KINDS and paired and _CASES_TAIL.search(before):
            people = None
        # Kept, not as a figure: the people a part named after them belongs to ("1.126 người
        # đang lao động ở nước ngoài, trong đó 312 người ...").
        kind = _UNREACHED if people is None else people
    return _Read(kind, number.value, bound, noun, start, unit_end, number.of, number.upper)


def _part_of_no_unit(text: str, before: str, offset: int, noun: str) -> bool:
    """ "31 vụ việc trợ giúp pháp lý ..., trong đó 09 vụ việc tham gia tố tụng": a part named
    after "trong đó" by the noun its whole wrote as another word has no kind either."""
    if not _PART_WORDS.search(before, max(0, len(before) - 40)):
        return False
    wholes = re.finditer(rf"(?<![\d.])\d[\d.]*\s+(?={re.escape(noun)})", before, re.IGNORECASE)
    last = deque(wholes, maxlen=1)
    return bool(last) and _unit_at(text, offset + last[0].end(), gap=None) is None


def _bound(before: str, number: Number) -> tuple[str, int]:
    """The bound of the number and where its figure starts in `before` (the words right before
    the number): at the bound word, or at "từ" for a range ("khoảng từ 30 đến 50": the span
    from "khoảng", the bound "range")."""
    opening = _FROM.search(before) if number.upper is not None else None
    head = before[: opening.start()] if opening else before
    match = _BOUND.search(head)
    start = match.start() if match else opening.start() if opening else len(before)
    if number.upper is not None:
        return "range", start
    bound = next(k for k, v in match.groupdict().items() if v) if match else "exact"
    if (
        match
        and match.group(0).lower().startswith("trên ")
        and _PASSIVE_ON.search(head, 0, match.start())
    ):
        return "exact", len(before)
    return bound, start


def _unit_at(
    text: str, at: int, gap: re.Pattern[str] | None = _GAP, before: str | None = None
) -> tuple[str, str, int] | None:
    """(kind, noun as written, end) of the longest classifier noun right after `at`, after a
    space unless `gap` is None; a bare "lượt" counts attendances before "tham gia", "người"...,
    else what the verb in `before` does ("phát thanh ... 120 lượt": broadcasts), else nothing."""
    if gap is not None:
        space = gap.match(text, at)
        if space is None:
            return None
        at = space.end()
    best: tuple[str, re.Match[str]] | None = None
    for code, pattern in _UNITS:
        match = pattern.match(text, at)
        if match and (best is None or match.end() > best[1].end()):
            best = (code, match)
    if best is None:
        return None
    code, match = best
    if match.group("unit") in _NAME_WORDS:
        return None
    last = match.group("unit").split()[-1].lower()
    following = _NEXT_WORD.match(text, match.end())
    next_word = following.group(2).lower() if following else ""
    comma = "," if following and following.group(1) else ""
    if f"{last}{comma} {next_word}" in COMPOUNDS:
        return None
    if match.group("unit").lower() == "lượt" and next_word not in BARE_LUOT_NEXT:
        times = _times_of(before) if before is not None else None
        if times is None:
            return None
        code = times
    return code, match.group("unit"), match.end()


def _times_of(before: str) -> str | None:
    """The kind a bare "lượt" counts by the verb of its phrase, the last one before it: "lượt"
    comes after the verb's object and manner ("tiếp âm chương trình bằng tiếng Khmer 85 lượt"),
    so the whole phrase since the last comma is searched, not the last five words."""
    phrase = re.split(r"[,;:]", before)[-1].lower()
    found = [
        (match.start(), kind)
        for kind, verbs in BARE_LUOT_VERBS
        for verb in verbs
        for match in re.finditer(rf"\b{verb}\b", phrase)
    ]
    return max(found)[1] if found else None


def _in_phrase(before: str, verbs: tuple[str, ...]) -> bool:
    """Whether one of the verbs (or nouns of action) is in the phrase before the number, since
    the last comma and the last number in digits (which begins the next piece of work: "thanh
    tra 06 doanh nghiệp và tổ chức 4 hội nghị tại 4 doanh nghiệp khác")."""
    phrase = re.split(r"[,;:\d]", before)[-1].lower()
    return any(re.search(rf"\b{verb}\b", phrase) for verb in verbs)


def _not_counted(kind: str, noun: str, before: str, text: str, unit_end: int) -> bool:
    """A noun of a kind that, by the words around it, counts something else: enterprises where
    an event took place ("tuyên truyền tại 09 doanh nghiệp"), tip-offs ("tiếp nhận 03 tin báo
    ..., đã giải quyết 03/03 tin"), the classes of a school ("của 32 lớp"), batches handed over
    ("tiếp nhận 2 đợt"), copies printed ("in 2.000 bản"), the steps of a procedure ("06 quyết
    định khởi tố"). People: see `_people_kind`."""
    noun = noun.lower()
    # Taken down, in the phrase of the number and within a verb's reach ("bóc gỡ 23 tờ quảng
    # cáo"; not "gỡ bỏ tờ rơi, treo 20 băng rôn").
    for verbs in (REMOVAL_VERBS, FOUND_VERBS):
        removable = kind in REMOVABLE_KINDS and _in_phrase(before, verbs)
        if removable and _governed_by(before, verbs):
            return True
    if kind == "teams" and noun == "nhóm":
        return bool(_ONLINE_AFTER.match(text, unit_end) or _SUSPECTS_AFTER.match(text, unit_end))
    if kind == "trainings" and noun == "lớp":
        held = _governed_by(before, TRAINING_VERBS) or _TRAINING_AFTER.match(text, unit_end)
        split = _governed_by(before, SPLIT_VERBS) and _TRAINING_WORD.search(before)
        return not (held or split)
    if kind == "campaigns" and noun == "đợt":
        launched = _governed_by(before, CAMPAIGN_VERBS) or _CAMPAIGN_AFTER.match(text, unit_end)
        return not launched
    if kind == "media_items" and noun in ("số", "kỳ"):
        # Or right after it: "48 số podcast".
        after = (
            _PERIODICAL.match(text, unit_end + 1) if text[unit_end : unit_end + 1] == " " else None
        )
        return not (after or _PERIODICAL.search(before.split(";")[-1]))
    if kind == "villages" and noun == "bản":
        return _governed_by(before, PRINT_VERBS) or bool(_EACH_RECIPIENT.search(before))
    if kind == "documents" and noun.endswith("quyết định"):
        return bool(_PROCEDURAL_AFTER.match(text, unit_end))
    if kind == "establishments" and noun == "cơ sở" and _FACILITY_HAS.search(before):
        return True
    if kind == "establishments" and noun.startswith(("doanh nghiệp", *LODGING_NOUNS)):
        # The inspection may be named as a noun before its object: "03 cuộc kiểm tra việc chấp
        # hành pháp luật của 06 doanh nghiệp".
        return not (_governed_by(before, INSPECTION_VERBS) or _in_phrase(before, INSPECTION_VERBS))
    if kind == "media_items" and noun == "tin":
        clause = before.split(";")[-1]
        return bool(_TIP_OFFS.search(clause)) or _governed_by(before, REPORT_VERBS)
    return False


def _people_kind(before: str, text: str, unit_end: int, kind: str, noun: str) -> str | None:
    """What a person noun counts: victims, suspects, people reached (`kind`), or None for people
    no work reached (checked at a post, staff, a population at risk or crossing a border)."""
    attendances = noun.lower().startswith("lượt")
    # Harmed otherwise: no figure, unless the work was for them, care aside ("hỗ trợ tạm lánh
    # cho 15 lượt phụ nữ, trẻ em bị bạo lực gia đình").
    harm = _OTHER_HARM.match(text, unit_end)
    if harm and (
        not _FOR_WHOM.search(before) or _in_phrase(before, CARE_VERBS) or harm.group("shelter")
    ):
        return None
    if _in_phrase(before, CARE_VERBS) and _HARM_IN_PARTS.match(text, unit_end):
        return None
    found: str | None = kind
    if not attendances:
        whose = noun.lower() in ("trường hợp", "ca") and _WHOSE.match(text, unit_end)
        found = _person_kind(before, text, unit_end, kind, bool(whose))
    if found not in PERSON_KINDS:
        return found
    if _NO_KIND_WHOLE.search(before, max(0, len(before) - 120)):
        return None
    series = before.split(";")[-1]
    if _AMONG_POPULATION.search(series, max(0, len(series) - 200)):
        return None
    if _POPULATION_IS.search(series, max(0, len(series) - 160)):
        return None
    if _not_reached(attendances, before, text, unit_end, noun):
        return None
    return found


def _not_reached(attendances: bool, before: str, text: str, unit_end: int, noun: str) -> bool:
    """People checked ("kiểm tra, kiểm soát 412.000 lượt người"), staff assigned ("bố trí 01 cán
    bộ", "cán bộ chuyên trách"), people at risk or under watch ("người có nguy cơ cao được quản
    lý") and people crossing a border ("người xuất cảnh trái phép"); staff and such people are
    reached when the work was for them ("tập huấn cho 50 cán bộ chuyên trách", "dạy nghề cho 150
    phụ nữ có nguy cơ cao")."""
    if _governed_by(before, CONTROL_VERBS) or _no_work_before(before, noun):
        return True
    if _sent_staff(before, text, unit_end, noun):
        return True
    if _CROSSING_AFTER.match(text, unit_end) and (
        not _FOR_WHOM.search(before) or _PROCESSED.search(before, max(0, len(before) - 80))
    ):
        return True
    if attendances:
        return False
    if _governed_by(before, STAFF_VERBS) or _STAFF_BODY.search(before):
        return True
    if noun.lower() == "người" and _handed_citizens(before):
        return True
    if noun.lower() in _STAFF_NOUNS and _WORKING_AFTER.match(text, unit_end):
        return not _FOR_WHOM.search(before)
    if noun.lower() in SPEAKER_NOUNS and _SPEAKING_AFTER.match(text, unit_end):
        return not (_FOR_WHOM.search(before) or _governed_by(before, TRAINING_WORDS))
    after = (
        _STAFF_AFTER.match(text, unit_end)
        or _POPULATION_AFTER.match(text, unit_end)
        # Back home: those victims when victims were counted before (`_victims_again`).
        or _RETURNED_AFTER.match(text, unit_end)
    )
    return bool(after) and not _FOR_WHOM.search(before)


def _no_work_before(before: str, noun: str) -> bool:
    """People whom the words before them make no audience: a place's population ("dân số Thành
    phố khoảng 14 triệu người"; "Tổng số đoàn viên công đoàn trên địa bàn là 2.168.400 người"),
    people let through or stopped at a border ("không cho xuất cảnh 09 người"; not "trường
    hợp", a matter the post handles), the members of each team sent ("mỗi đoàn từ 5 đến 7 thành
    viên"), and people listed after things checked ("kiểm soát 18.460 lượt tàu thuyền ... và
    41.300 lượt thuyền viên")."""
    if _FOR_WHOM.search(before):
        return False
    if _in_phrase(before, ("dân số",)) or _POPULATION_TOTAL.search(
        before, max(0, len(before) - 120)
    ):
        return True
    crossing = _governed_by(before, CROSSING_VERBS)
    if crossing and noun.lower() not in ("trường hợp", "ca"):
        return True
    tail = max(0, len(before) - 120)
    return bool(_EACH_BODY.search(before, tail) or _CHECKED_LIST.search(before, tail))


def _sent_staff(before: str, text: str, unit_end: int, noun: str) -> bool:
    """Staff sent to go and do the work, also counted in turns ("cử 186 lượt cán bộ, chiến sĩ
    xuống các tàu cá"): no people reached."""
    staff = noun.lower().removeprefix("lượt ") in _STAFF_NOUNS
    return (
        staff
        and _governed_by(before, SENDING_VERBS)
        and _GOING_AFTER.match(text, unit_end) is not None
        and not _FOR_WHOM.search(before)
    )


def _handed_citizens(before: str) -> bool:
    """Citizens handed over or received named in the clause series before a bare "người", who
    counts them again (unless the work was for them)."""
    series = before.split(";")[-1]
    found = _HANDED_CITIZENS.search(series, max(0, len(series) - 200))
    return found is not None and not _FOR_WHOM.search(before)


def _person_kind(
    before: str, text: str, unit_end: int, kind: str, whose: bool = False
) -> str | None:
    """`whose`: a "trường hợp" followed by whose matters they are, which a verb of checking
    alone does not make victims; after a hotline, "tiếp nhận" receives calls and cases."""
    if _described_as_victims(text, unit_end):
        return "victims"
    group = _group_of(before)
    if group is not None:
        return group
    clause = re.split(r"[;:]", before)[-1]
    skipped = (CHECKING_VERBS if whose else ()) + (
        ("tiếp nhận",) if _HOTLINE.search(clause, max(0, len(clause) - 160)) else ()
    )
    if _governed_by(before, tuple(v for v in VICTIM_VERBS if v not in skipped)):
        return "victims"
    if _governed_by(before, SUSPECT_VERBS):
        return "suspects"
    if _governed_by(before, MOVING_VERBS) and _SUSPECT_NOUN.search(clause):
        return "victims"
    # Passengers carried with no one named who carries them ("02 xe ô tô khách chở 31 người"):
    # people no work reached.
    if _governed_by(before, CARRYING_VERBS):
        return None
    return kind


def _described_as_victims(text: str, unit_end: int) -> bool:
    """The words after the noun make the people victims, all of them (not "là nạn nhân và người
    có nguy cơ cao": two groups)."""
    match = _VICTIM_AFTER.match(text, unit_end)
    if match is None:
        # Whose matters "trường hợp" counts, named after it ("03 trường hợp phụ nữ bị lừa bán").
        whose = _WHOSE.match(text, unit_end)
        match = _VICTIM_AFTER.match(text, whose.end()) if whose else None
    return match is not None and _MIXED.match(text, match.end()) is None


def _group_of(before: str) -> str | None:
    """ "victims" or "suspects" when the people belong to a group of them named before in the
    clause series (not past ";"): "Trong số nạn nhân trở về, 06 người ...", or counted by "là"
    after the group's "số": "Số nạn nhân được hỗ trợ năm 2022 là 38 người"."""
    series = before.split(";")[-1]
    matches = list(_AMONG.finditer(series))
    if _COPULA.search(series):
        matches += list(_COUNT_OF.finditer(series))
        tail = _GROUP_IS.search(series, max(0, len(series) - 60))
        matches += [tail] if tail else []
    if _OPENING.search(series):
        matches += list(_GROUP_NAMED.finditer(series, max(0, len(series) - _GROUP_NEAR)))
    if not matches:
        return None
    group = max(matches, key=lambda m: m.start())
    return "victims" if group.group("victims") else "suspects"


def _governed_by(before: str, verbs: tuple[str, ...]) -> bool:
    """Whether one of the verbs governs the number after `before`: among the last five words of
    its clause, and not cut off from it by a word naming who the work was for ("xác minh nạn
    nhân bị mua bán cho 160 cán bộ": the officials are the audience, not the victims), nor
    past "trong đó" (the verb before it governs the whole; "chuyển 27 ca ... để xử lý, trong đó
    04 ca ...": the part is read as its whole is, `_part_of_previous`), nor
    after "bị" ("87 nạn nhân bị mua bán và 1.204 người": a passive verb tells of the people
    before it), nor in a crime's name ("về tội mua bán người, thu hút 420 người": no verb)."""
    clause = _NEW_CLAUSE.split(re.split(r"[;:]", before)[-1])[-1]
    clause = _PART_START.split(clause)[-1]
    clause = _QUOTED.sub(" “” ", clause)
    words = _AUDIENCE.split(clause)[-1].lower().split()
    reach = " ".join(words[-5:])
    # The word before the reach, when it makes the verb after it none of the number's.
    lead = f"{words[-6]} " if len(words) > 5 and words[-6] in _NOT_A_VERB_AFTER else ""
    return any(
        re.search(rf"(?<!\bbị )(?<!\bchống )(?<!\btội )(?<!\bphạm )\b{verb}\b", lead + reach)
        for verb in verbs
    )
