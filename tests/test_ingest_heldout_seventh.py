"""Issue 25: a seventh out-of-sample measure of the figure extractor, to be run once at the end.

HELD_OUT, FRESH, THIRD, FOURTH, FIFTH and SIXTH (tests/test_ingest_heldout.py,
tests/test_ingest_heldout_fresh.py, tests/test_ingest_heldout_third.py,
tests/test_ingest_heldout_fourth.py, tests/test_ingest_heldout_fifth.py,
tests/test_ingest_heldout_sixth.py) may all be used to tune the rules, so SEVENTH is kept apart:
it is run once, after the tuning is over, and not looked at while tuning. It was written by the
helper "h10" who had NOT read the extraction rules (ctip/ingest/*.py) nor run the extractor on
these sentences, only the ingest README (the kind codes and bound names), tests/ingest_scoring.py
and the format and conventions of the six earlier sets; none of their sentences is reused or
paraphrased (checked by shared runs of nine words, and the closest earlier sentence of each was
read and the sentence rewritten where it followed the same plan). The expectations were fixed
before any run and are not to be tuned to the results.

The genre is one the earlier sets lack: a Mekong Delta province on the Cambodian border after the
reorganisation of 1 July 2025 (the new An Giang, merged with Kiên Giang: 102 units at commune
level, "xã, phường, đặc khu", two levels of local government, no districts any more, "UBND xã"
where a district used to act), year 2025: the provincial Steering Committee 138's annual report
and its six-month report (written before the districts ended), the Police (rings sending people
to online-scam compounds in Cambodia, "việc nhẹ lương cao", rescues and the reception of people
returned from Cambodia and Myanmar, the hotlines 111 and 113, SMS, immigration: passports,
citizens handed back at Tịnh Biên, Vĩnh Xương, Hà Tiên), the Border Guard at the land crossings
and on the river routes (sông Tiền, sông Hậu, kênh Vĩnh Tế), the Department of Health with its
social protection (the reception facility, psychological support, money under Law 53/2024/QH15,
Decree and Circular numbers), the Department of Education, the Women's Union and the Farmers'
Union, the Youth Union and Young Pioneers, the newspaper and radio/TV in Khmer and the Buddhist
Sangha's pagodas, the Procuracy and the Court (regional courts "khu vực 1"), the Department of
Justice (Law 53/2024, legal aid), commune, ward and special-zone People's Committees, the
Department of Foreign Affairs (talks with Kandal, Takeo, Kampot, repatriation), and the minutes of
the Steering Committee's annual review conference. Numbers come as officials write them: leading
zeros, dotted thousands ("1.046.300"), words ("mười hai", "hai mươi", "bốn trăm"), "triệu" ("2,4
triệu"), "vụ/đối tượng", "vụ án/bị can", "vụ/bị cáo" pairs, parts of a whole ("102/102 xã,
phường, đặc khu", "39/64 người", "04/06 vụ", "21/24 thành viên"), bound words (hơn, trên, gần,
gần như, khoảng, xấp xỉ, ít nhất, không dưới, tối đa), ranges ("từ 3 đến 4", "2 - 3", "từ 250 đến
300"), lists of several figures in one sentence, "trong đó"/"gồm"/"có" parts and parts in
parentheses, last year's counts, targets, and the distractors of such reports (document symbols,
dates, articles "Điều 150", "Điều 349", shares, money in đồng and USD, years, school years, ages,
telephone numbers, times of day "lúc 23 giờ", "18 giờ 30", "khu vực 7", "lớp 9", "lần thứ 2",
"Tổng đài 111, 113", "14 - 16 giờ mỗi ngày", "24/24 giờ"). About one sentence in four has no
figure.

The conventions of the earlier sets hold here unchanged: a figure is a number directly followed by
its noun; the nouns with NO kind ("công dân", "lao động", "tổ chức", "đường dây", "chuyên án",
"tin báo", "nguồn tin", "bài đăng", "tài khoản", "đoàn", "đoàn công tác", "tổ công tác", "đồn
biên phòng", "sở, ngành", "km", "ngày", "tháng", "năm", "phút", "tuổi", "đồng", "giờ" as a time
of day or a schedule, "yêu cầu", "kiến nghị", "phiên tòa", "suất quà", "hồ sơ", "hộ chiếu",
"nhân khẩu", "tập thể", "cá nhân", "giải", "điện thoại", "giường", "biên chế", "biên bản ghi
nhớ", "lần", "đồng chí" absent, "vụ việc trợ giúp pháp lý", "bài dự thi", "lượt tuần tra",
"lượt chia sẻ"...); people checked, at risk (pupils who left school), out of touch, working or
staying abroad, under watch or crossing a border are no figure unless the work was for them;
staff are not participants; people harmed by violence at home are no figure; a part of a whole
(bound exact) and a range (ONE figure, the lower end, bound "range") are figures; a change
("tăng 03 vụ/11 đối tượng", "tăng 38 người"), a share and a number after its noun are not; a
target with a bound word is one; a part after "trong đó", "có", "gồm" or in parentheses after a
group named is counted as well as its whole, with the whole's kind; last year's count written
with its noun is counted; "trường hợp" is victims when the words say so (after victims named in
its sentence), instances otherwise; "một ... nào" in a quoted speech is not a count.

Decided here for nouns none of them meets. NO kind: "hải đội" (a Border Guard unit, as "đồn biên
phòng"); "điểm cầu" (a video-conference point, a place); "góc tuyên truyền" (a display corner, as
"gian trưng bày"); "chùa" (a place of worship where talks were held); "khu tiếp nhận" (a part of
a facility, as "cơ sở trợ giúp xã hội"); "máy tính" seized (as "điện thoại"); "dấu hiệu" ("ít
nhất 03 dấu hiệu"); "đơn yêu cầu" (as "yêu cầu"); "bản" of the minutes ("lập thành 03 bản", a
copy, not a village); "báo cáo viên" invited to talk to pupils (speakers, as staff: the pupils
are the audience); "thành viên" given communes to follow at a Steering Committee session and
"thành viên" of a commune's interagency working group (staff), "nhân viên công tác xã hội" of
the facility (staff); "buổi" of one victim's psychological counselling ("tư vấn tâm lý cá nhân
từ 2 đến 5 buổi", a course per person, as "lượt tư vấn"); "người" in a group size ("nhận khách
theo nhóm 5 - 7 người"); "người" handed over in batches with no victims named ("27 lần bàn giao
... 1.452 người ... có 186 người"), "người" back home with no victims counted ("29 người từ
Campuchia trở về"), "người" who said they were brokered to work in Cambodia or were about to
cross ("43 người khai được môi giới", "21 người chuẩn bị vượt biên": not said to be trafficked),
"người" carried by a coach with no suspect ("02 xe ô tô khách chở 31 người"), "người còn lại tự
nguyện sang làm việc", "người" listed as overstaying tourists, and "người" crossing illegally
in a "vụ/người" pair ("184 vụ/612 người xuất, nhập cảnh trái phép": the cases count); "lượt xem"
before its number ("tổng lượt xem trên 5,2 triệu", a number after its noun). WITH a kind:
"đơn vị hành chính cấp xã", "phường", "đặc khu" and "xã cũ" merged into one communes; "huyện,
thị xã, thành phố cũ" (the former districts) districts; "khóm" (a ward's hamlet in the Mekong
Delta) villages, as "tổ dân phố", and "ấp" villages (README); "vụ" of illegal crossing stopped by
the Border Guard cases (the noun "vụ", whatever the offence, as SIXTH's "vụ việc"); "nạn nhân" of
online fraud victims (the noun keeps its kind, as "bị hại"); "người" freed from a compound
("giải thoát 27 người bị nhốt", as "giải cứu") and "người" received after a rescue victims;
"người" in parentheses after victims named as a group victims ("bị đưa sang Campuchia (96
người)"), and "Số nạn nhân ... là 112 người (71 nam, 41 nữ)" victims for the three; "chị" after
victims counted in its sentence victims; "em" in "Trong số các nạn nhân được giải cứu, có 04
em" victims; "người được xác định có dấu hiệu nạn nhân" victims (as SIXTH); "trường hợp" using a
forged passport instances (no word makes them victims or suspects); "lượt xe, ghe" and "lượt
tàu, thuyền, sà lan" vehicles (as "lượt tàu thuyền"); "lượt kiểm tra" inspections (as "cuộc
kiểm tra") and "cơ sở" found in breach by them establishments; "lượt đồng bào" participants (as
"lượt người dân"); "hòa giải viên", "giáo viên chủ nhiệm, tổng phụ trách Đội", "em là chỉ huy
Đội" and "thành viên" of border security teams trained participants; "người dân" helped to
install an app participants (the work was for them); "lượt người" given legal advice at a mobile
legal-aid session participants (people reached, not "lượt tư vấn"); "hoạt động tuyên truyền trực
tiếp" sessions (each a talk with people present); "buổi thuyết giảng" at pagodas and "buổi sinh
hoạt nhóm trị liệu" sessions, with "mỗi buổi từ 8 đến 10 người" participants (a range, as SIXTH's
audience of each film show); "2 - 3 buổi nói chuyện mỗi quý" a range of sessions (the rate not
kept, as FIFTH); "cuộc họp ấp" meetings (as "buổi họp thôn"); "hội thảo", "diễn đàn" meetings;
"nhóm phụ nữ di cư an toàn" teams (a group that meets, as "nhóm đồng đẳng"); "tổ an ninh trật
tự" teams (as "tổ tự quản"); "cộng tác viên" helping a women's branch volunteers (unpaid
helpers, as "tình nguyện viên"); "trung tâm GDNN-GDTX" schools (a place where pupils are taught,
unlike a "trung tâm y tế"); "chương trình truyền hình" broadcasts (as "chương trình phát thanh");
"video ngắn" media_items; "cuốn sổ tay" printed and handed to the communes materials (only a bare
"bản" of a print run is none); "lớp" that cadres "đã học" trainings; "hộ dân" visited
households.
"""

from __future__ import annotations

from tests.ingest_scoring import score

# (sentence, [(kind, value, bound, unit noun as written), ...]); the unit noun is not scored.
SEVENTH: list[tuple[str, list[tuple[str, int, str, str]]]] = [
    # Provincial Steering Committee 138: the annual report (2025)
    (
        "Thực hiện chỉ đạo của UBND tỉnh tại Kế hoạch số 125/KH-UBND ngày 14/02/2025 và Kế hoạch "
        "số 38/KH-BCĐ ngày 20/7/2025 (ban hành sau khi hợp nhất tỉnh), Thường trực Ban Chỉ đạo 138 "
        "tỉnh An Giang tổng hợp kết quả năm 2025 gửi Ban Chỉ đạo 138 Chính phủ.",
        [],
    ),
    (
        "I. ĐẶC ĐIỂM TÌNH HÌNH: Từ ngày 01/7/2025, tỉnh An Giang mới được hình thành trên cơ sở "
        "hợp nhất tỉnh An Giang và tỉnh Kiên Giang, có 102 đơn vị hành chính cấp xã, gồm 85 xã, 14 "
        "phường và 03 đặc khu.",
        [
            ("communes", 102, "exact", "đơn vị hành chính cấp xã"),
            ("communes", 85, "exact", "xã"),
            ("communes", 14, "exact", "phường"),
            ("communes", 3, "exact", "đặc khu"),
        ],
    ),
    (
        "Tỉnh có đường biên giới đất liền với Vương quốc Campuchia dài khoảng 148 km, tiếp giáp "
        "các tỉnh Kandal, Takeo và Kampot; 21 xã, phường, đặc khu có biên giới đất liền hoặc biển.",
        [("communes", 21, "exact", "xã, phường, đặc khu")],
    ),
    (
        "Trước khi sắp xếp, địa bàn biên giới thuộc 07 huyện, thị xã, thành phố cũ; nay Ban Chỉ "
        "đạo cấp huyện đã kết thúc hoạt động, nhiệm vụ chuyển về UBND các xã, phường.",
        [("districts", 7, "exact", "huyện, thị xã, thành phố")],
    ),
    (
        "Tình hình tội phạm mua bán người, nhất là thủ đoạn tuyển dụng “việc nhẹ lương cao” qua "
        "mạng xã hội để đưa người sang các đặc khu kinh tế, khu sòng bạc tại Campuchia làm việc "
        "cho các tổ hợp lừa đảo trực tuyến, tiếp tục diễn biến phức tạp.",
        [],
    ),
    (
        "Trong năm, lực lượng chức năng toàn tỉnh làm rõ 14 vụ/37 đối tượng có hành vi mua bán "
        "người hoặc đưa người sang Campuchia trái phép để bán (năm 2024: 11 vụ/26 đối tượng), tăng "
        "03 vụ/11 đối tượng.",
        [
            ("cases", 14, "exact", "vụ"),
            ("suspects", 37, "exact", "đối tượng"),
            ("cases", 11, "exact", "vụ"),
            ("suspects", 26, "exact", "đối tượng"),
        ],
    ),
    (
        "Số nạn nhân được xác định là 112 người (71 nam, 41 nữ), trong đó 09 nạn nhân chưa đủ 16 "
        "tuổi.",
        [
            ("victims", 112, "exact", "người"),
            ("victims", 71, "exact", "nam"),
            ("victims", 41, "exact", "nữ"),
            ("victims", 9, "exact", "nạn nhân"),
        ],
    ),
    (
        "Phần lớn nạn nhân bị đưa sang Campuchia (96 người), số còn lại bị đưa sang Myanmar (12 "
        "người) hoặc bị bán trong nước (04 người).",
        [
            ("victims", 96, "exact", "người"),
            ("victims", 12, "exact", "người"),
            ("victims", 4, "exact", "người"),
        ],
    ),
    (
        "Trong năm, UBND tỉnh ban hành 06 kế hoạch và 19 văn bản về công tác này; các sở, ngành và "
        "102/102 xã, phường, đặc khu cụ thể hóa bằng kế hoạch triển khai Luật Phòng, chống mua bán "
        "người năm 2024.",
        [
            ("documents", 6, "exact", "kế hoạch"),
            ("documents", 19, "exact", "văn bản"),
            ("communes", 102, "exact", "xã, phường, đặc khu"),
        ],
    ),
    (
        "Về tuyên truyền, các cấp, ngành đã phát 85.400 tờ rơi, treo 1.260 băng rôn, khẩu hiệu và "
        "trực tiếp nói chuyện tại hơn 4.600 cuộc tuyên truyền ở ấp, khóm, thu hút khoảng 312.000 "
        "lượt người.",
        [
            ("leaflets", 85400, "exact", "tờ rơi"),
            ("banners", 1260, "exact", "băng rôn, khẩu hiệu"),
            ("sessions", 4600, "more_than", "cuộc tuyên truyền"),
            ("participants", 312_000, "about", "lượt người"),
        ],
    ),
    (
        "Kết quả rà soát cho thấy có 1.287 người đang ở Campuchia chưa rõ nơi làm việc, trong đó "
        "341 người thường xuyên mất liên lạc với gia đình.",
        [],
    ),
    (
        "So với năm 2024, số nạn nhân được giải cứu, tiếp nhận tăng 38 người, chủ yếu do phía "
        "Campuchia đẩy mạnh truy quét các khu tổ hợp.",
        [],
    ),
    (
        "Chỉ tiêu năm 2026: phấn đấu 100% xã, phường, đặc khu tổ chức ít nhất 02 hội nghị tuyên "
        "truyền Luật Phòng, chống mua bán người; giải cứu, tiếp nhận kịp thời 100% nạn nhân được "
        "phát hiện.",
        [("meetings", 2, "at_least", "hội nghị tuyên truyền")],
    ),
    (
        "Kinh phí thực hiện năm 2025 là 2,35 tỷ đồng, trong đó ngân sách tỉnh bố trí 1,8 tỷ đồng, "
        "còn lại từ nguồn xã hội hóa.",
        [],
    ),
    (
        "Tại phiên họp lần thứ 2 của Ban Chỉ đạo tỉnh sau hợp nhất (ngày 05/9/2025), các thành "
        "viên thống nhất phân công 24 thành viên phụ trách 102 xã, phường, đặc khu.",
        [("communes", 102, "exact", "xã, phường, đặc khu")],
    ),
    # The six-month report (before the districts ended)
    (
        "BÁO CÁO 6 tháng đầu năm 2025 (số 214/BC-BCĐ ngày 18/6/2025): trong kỳ phát hiện 06 vụ/15 "
        "đối tượng, giải cứu, tiếp nhận 48 nạn nhân, chủ yếu từ các khu nhà trọ tập trung ở Bavet, "
        "Sihanoukville.",
        [
            ("cases", 6, "exact", "vụ"),
            ("suspects", 15, "exact", "đối tượng"),
            ("victims", 48, "exact", "nạn nhân"),
        ],
    ),
    (
        "Số liệu cùng kỳ năm 2024 để so sánh: 05 vụ/09 đối tượng, 31 nạn nhân.",
        [
            ("cases", 5, "exact", "vụ"),
            ("suspects", 9, "exact", "đối tượng"),
            ("victims", 31, "exact", "nạn nhân"),
        ],
    ),
    (
        "Đến ngày 15/6/2025, Cơ quan điều tra đã kết thúc điều tra 04/06 vụ, chuyển Viện kiểm sát "
        "nhân dân tỉnh đề nghị truy tố 11 bị can.",
        [("cases", 4, "exact", "vụ"), ("suspects", 11, "exact", "bị can")],
    ),
    (
        "Sáu tháng đầu năm, các ngành, địa phương tổ chức 1.942 buổi tuyên truyền, thu hút trên "
        "121.500 lượt người nghe; Thường trực Ban Chỉ đạo kiểm tra trực tiếp 08 huyện bằng 02 đoàn "
        "kiểm tra liên ngành.",
        [
            ("sessions", 1942, "exact", "buổi"),
            ("participants", 121_500, "more_than", "lượt người nghe"),
            ("districts", 8, "exact", "huyện"),
            ("inspections", 2, "exact", "đoàn kiểm tra"),
        ],
    ),
    (
        "Trong quý II/2025, Công an tỉnh tổ chức mười hai đợt tuyên truyền lưu động bằng xe loa "
        "tại các chợ biên giới, tiếp cận xấp xỉ 15.000 lượt người dân.",
        [
            ("campaigns", 12, "exact", "đợt tuyên truyền lưu động"),
            ("participants", 15000, "about", "lượt người dân"),
        ],
    ),
    (
        "Dự kiến trong quý III/2025 tổ chức từ 3 đến 4 lớp tập huấn Luật số 53/2024/QH15 cho cán "
        "bộ cấp xã sau sắp xếp.",
        [("trainings", 3, "range", "lớp tập huấn")],
    ),
    (
        "Kế hoạch giao mỗi ấp giáp biên 2 - 3 buổi nói chuyện mỗi quý tại chùa, nhà văn hóa ấp.",
        [("sessions", 2, "range", "buổi nói chuyện")],
    ),
    # Provincial Police: investigation, online-scam compounds, hotlines, immigration
    (
        "- Công an tỉnh: Giao Phòng Cảnh sát hình sự chủ trì, cùng Công an các xã, phường, đặc khu "
        "mở 03 đợt cao điểm truy quét tội phạm mua bán người và lừa đảo trực tuyến.",
        [("campaigns", 3, "exact", "đợt cao điểm")],
    ),
    (
        "Tháng 5/2025, Công an tỉnh đánh sập một đường dây chuyên tuyển thanh niên qua Zalo rồi "
        "bán cho các công ty ở tỉnh Kampot, bắt giữ 19 đối tượng; phía Campuchia phối hợp giải "
        "thoát 27 người bị nhốt trong khu tổ hợp.",
        [("suspects", 19, "exact", "đối tượng"), ("victims", 27, "exact", "người")],
    ),
    (
        "Cơ quan CSĐT Công an tỉnh khởi tố 09 vụ án/22 bị can về tội “Mua bán người” (Điều 150 Bộ "
        "luật Hình sự), 03 vụ/07 bị can về hành vi tổ chức, môi giới cho người khác trốn đi nước "
        "ngoài (Điều 349).",
        [
            ("cases", 9, "exact", "vụ án"),
            ("suspects", 22, "exact", "bị can"),
            ("cases", 3, "exact", "vụ"),
            ("suspects", 7, "exact", "bị can"),
        ],
    ),
    (
        "Đối với tội phạm lừa đảo chiếm đoạt tài sản trên không gian mạng, Công an tỉnh tiếp nhận "
        "486 tin báo, khởi tố 112 vụ/139 bị can, thiệt hại hơn 64 tỷ đồng.",
        [("cases", 112, "exact", "vụ"), ("suspects", 139, "exact", "bị can")],
    ),
    (
        "Thủ đoạn chủ yếu: đối tượng đăng tin tuyển nhân viên chăm sóc khách hàng, trực sàn thương "
        "mại điện tử với mức lương 1.500 - 2.000 USD/tháng, bao vé máy bay, ăn ở.",
        [],
    ),
    (
        "Sau khi sang Campuchia, nạn nhân bị thu giữ hộ chiếu, buộc làm việc 14 - 16 giờ mỗi ngày, "
        "không đạt chỉ tiêu bị đánh đập, bán qua công ty khác với giá 3.000 - 5.000 USD.",
        [],
    ),
    (
        "Đường dây nóng 113 và số trực ban 0296.3852.113 của Công an tỉnh tiếp nhận 367 cuộc gọi, "
        "trong đó 205 cuộc gọi của người thân đề nghị giải cứu con em đang bị giam giữ tại "
        "Campuchia.",
        [("calls", 367, "exact", "cuộc gọi"), ("calls", 205, "exact", "cuộc gọi")],
    ),
    (
        "Từ các cuộc gọi này, Công an tỉnh xác minh, phối hợp với Cảnh sát Campuchia giải cứu 58 "
        "người, đưa về nước an toàn 53 người; 05 người còn lại đang làm thủ tục tại Phnôm Pênh.",
        [
            ("victims", 58, "exact", "người"),
            ("victims", 53, "exact", "người"),
            ("victims", 5, "exact", "người"),
        ],
    ),
    (
        "Công an tỉnh bắt giữ 01 đối tượng người Trung Quốc và 02 đối tượng người Việt Nam đang "
        "dẫn 11 thanh niên qua đường mòn ấp Tà Đảnh, xã Tri Tôn sang Campuchia.",
        [
            ("suspects", 1, "exact", "đối tượng"),
            ("suspects", 2, "exact", "đối tượng"),
            ("victims", 11, "exact", "thanh niên"),
        ],
    ),
    (
        "Trong số các nạn nhân được giải cứu, có 04 em dưới 18 tuổi được bàn giao cho gia đình và "
        "UBND xã quản lý, giáo dục.",
        [("victims", 4, "exact", "em")],
    ),
    (
        "Công an tỉnh phát hiện, đề nghị gỡ bỏ 126 bài đăng, 34 tài khoản Facebook, Telegram đăng "
        "tin tuyển người sang Campuchia có dấu hiệu lừa đảo.",
        [],
    ),
    (
        "Công an tỉnh phối hợp với Viettel, VNPT, MobiFone gửi 2,4 triệu tin nhắn nhắc người dân "
        "cảnh giác với lời mời sang Campuchia làm việc.",
        [("sms", 2_400_000, "exact", "tin nhắn")],
    ),
    (
        "Công an tỉnh cùng Báo và Phát thanh, Truyền hình An Giang xây dựng 24 phóng sự, 56 tin, "
        "bài cảnh báo thủ đoạn “việc nhẹ lương cao”, đăng tải trên trang Facebook “Công an An "
        "Giang” đạt hơn 3,6 triệu lượt xem.",
        [
            ("media_items", 24, "exact", "phóng sự"),
            ("media_items", 56, "exact", "tin, bài"),
            ("views", 3_600_000, "more_than", "lượt xem"),
        ],
    ),
    (
        "Công an các xã, phường, đặc khu tổ chức 1.108 buổi tuyên truyền tại các ấp, khóm có nhiều "
        "người đi làm ăn ở Campuchia, với 58.760 lượt người dự.",
        [("sessions", 1108, "exact", "buổi"), ("participants", 58760, "exact", "lượt người")],
    ),
    (
        "Ngày 26/8/2025, tại phường Châu Đốc, Công an tỉnh tiếp nhận 64 người Việt Nam do Cảnh sát "
        "tỉnh Kandal bàn giao sau khi giải cứu khỏi một khu tổ hợp cờ bạc trực tuyến.",
        [("victims", 64, "exact", "người")],
    ),
    (
        "Kết quả sàng lọc ban đầu, 39/64 người được xác định có dấu hiệu nạn nhân của tội mua bán "
        "người, 25 người còn lại tự nguyện sang làm việc và vi phạm quy định về xuất, nhập cảnh.",
        [("victims", 39, "exact", "người")],
    ),
    (
        "Qua xác minh 1.634 công dân do phía Campuchia trao trả tại các cửa khẩu Tịnh Biên, Vĩnh "
        "Xương, Hà Tiên, Phòng Quản lý xuất nhập cảnh cùng Phòng Cảnh sát hình sự xác định 87 "
        "người là nạn nhân.",
        [("victims", 87, "exact", "người")],
    ),
    (
        "Phòng Quản lý xuất nhập cảnh lập danh sách 312 người xuất cảnh theo diện du lịch quá hạn "
        "chưa về để thông báo cho Công an cấp xã nắm tình hình.",
        [],
    ),
    (
        "Phòng Quản lý xuất nhập cảnh cấp 18.742 hộ chiếu phổ thông, trong đó 2.136 hộ chiếu cấp "
        "cho người từ 18 đến 30 tuổi; tư vấn cho 94 trường hợp trước khi xuất cảnh về nguy cơ bị "
        "lừa làm việc nhẹ lương cao.",
        [("instances", 94, "exact", "trường hợp")],
    ),
    (
        "Theo đánh giá của Phòng Cảnh sát hình sự, các đối tượng cầm đầu chủ yếu là người nước "
        "ngoài, dùng tài khoản ngân hàng thuê, mua của người dân để nhận tiền chuộc.",
        [],
    ),
    (
        "Theo phân công, Phòng Cảnh sát hình sự bố trí 05 cán bộ trực đường dây nóng 24/24 giờ, "
        "tiếp nhận thông tin bằng tiếng Việt và tiếng Khmer.",
        [],
    ),
    (
        "Tháng 11/2025, Công an tỉnh phối hợp với Bộ đội Biên phòng tỉnh bắt quả tang 02 đối tượng "
        "đang chở 06 phụ nữ bằng xuồng máy trên kênh Vĩnh Tế để đưa sang Campuchia.",
        [("suspects", 2, "exact", "đối tượng"), ("victims", 6, "exact", "phụ nữ")],
    ),
    (
        "Các đối tượng khai nhận mỗi người được trả công 1,5 triệu đồng, nhận khách theo nhóm 5 - "
        "7 người qua ứng dụng Telegram.",
        [],
    ),
    (
        "Kết quả giám định, 17 điện thoại, 06 máy tính thu giữ của các đối tượng chứa dữ liệu của "
        "hơn 300 nạn nhân lừa đảo ở nhiều tỉnh.",
        [("victims", 300, "more_than", "nạn nhân")],
    ),
    (
        "Trong 6 tháng, mạng lưới cộng tác viên tại các ấp biên giới cung cấp 73 nguồn tin giúp "
        "lực lượng chức năng ngăn chặn kịp thời 21 người chuẩn bị vượt biên sang Campuchia theo "
        "lời dụ dỗ trên mạng.",
        [],
    ),
    (
        "Đoàn Thanh niên Công an tỉnh tổ chức 01 diễn đàn “Thanh niên tỉnh táo trước cám dỗ việc "
        "nhẹ lương cao” với 320 đoàn viên, sinh viên Trường Đại học An Giang tham gia.",
        [
            ("meetings", 1, "exact", "diễn đàn"),
            ("participants", 320, "exact", "đoàn viên, sinh viên"),
        ],
    ),
    # Provincial Border Guard: land crossings, river routes, border communes
    (
        "- Bộ Chỉ huy BĐBP tỉnh: Chỉ đạo 17 đồn biên phòng, 02 hải đội duy trì tuần tra, kiểm soát "
        "trên tuyến biên giới đất liền, các tuyến sông Hậu, sông Tiền, kênh Vĩnh Tế và vùng biển "
        "Hà Tiên.",
        [],
    ),
    (
        "Các đồn biên phòng tổ chức 2.846 lượt tuần tra, phát hiện, ngăn chặn 184 vụ/612 người "
        "xuất, nhập cảnh trái phép qua các đường mòn, lối mở và bến đò.",
        [("cases", 184, "exact", "vụ")],
    ),
    (
        "Trong số người xuất cảnh trái phép bị ngăn chặn, có 43 người khai được môi giới sang "
        "Campuchia làm việc nhẹ lương cao, đã bàn giao cho Công an tỉnh xác minh dấu hiệu mua bán "
        "người.",
        [],
    ),
    (
        "Qua Cửa khẩu Quốc tế Tịnh Biên, lực lượng biên phòng làm thủ tục cho 1.046.300 lượt người "
        "và 128.450 lượt xe, ghe xuất, nhập cảnh; phát hiện 03 trường hợp dùng hộ chiếu giả.",
        [("vehicles", 128_450, "exact", "lượt xe, ghe"), ("instances", 3, "exact", "trường hợp")],
    ),
    (
        "Đồn Biên phòng Cửa khẩu Quốc tế Vĩnh Xương kiểm tra 9.820 lượt tàu, thuyền, sà lan qua "
        "lại trên sông Tiền, phát hiện 01 vụ/02 đối tượng dụ dỗ 05 người sang Campuchia làm việc "
        "cho các sàn lừa đảo.",
        [
            ("vehicles", 9820, "exact", "lượt tàu, thuyền, sà lan"),
            ("cases", 1, "exact", "vụ"),
            ("suspects", 2, "exact", "đối tượng"),
            ("victims", 5, "exact", "người"),
        ],
    ),
    (
        "Tổ công tác Đồn Biên phòng Vĩnh Xương phát hiện 02 xe ô tô khách chở 31 người từ các tỉnh "
        "phía Bắc đến khu vực biên giới không rõ mục đích, đã hướng dẫn quay về.",
        [("vehicles", 2, "exact", "xe ô tô khách")],
    ),
    (
        "Bộ đội Biên phòng tỉnh cùng UBND các xã biên giới tổ chức 412 buổi tuyên truyền bằng "
        "tiếng Việt và tiếng Khmer tại các phum, sóc, chùa Khmer cho 26.380 lượt đồng bào.",
        [("sessions", 412, "exact", "buổi"), ("participants", 26380, "exact", "lượt đồng bào")],
    ),
    (
        "Lực lượng biên phòng hướng dẫn 36 tổ tự quản đường biên, cột mốc và 58 tổ an ninh trật tự "
        "ở ấp sinh hoạt định kỳ; hơn 640 thành viên các tổ được bồi dưỡng cách nhận biết người lạ "
        "dẫn đường qua biên giới.",
        [
            ("teams", 36, "exact", "tổ tự quản"),
            ("teams", 58, "exact", "tổ an ninh trật tự"),
            ("participants", 640, "more_than", "thành viên"),
        ],
    ),
    (
        "Đồn Biên phòng Khánh Bình phát hiện 02 phụ nữ đang được đối tượng dẫn qua cánh đồng giáp "
        "biên lúc 23 giờ ngày 14/9/2025; đối tượng đã bỏ chạy sang bên kia biên giới.",
        [("victims", 2, "exact", "phụ nữ")],
    ),
    (
        "Thực hiện quy chế phối hợp, Bộ đội Biên phòng tỉnh tổ chức 06 cuộc hội đàm với Cảnh sát "
        "biên giới các tỉnh Kandal, Takeo, Kampot, trao đổi 41 nguồn tin về hoạt động đưa người "
        "qua biên giới.",
        [("meetings", 6, "exact", "cuộc hội đàm")],
    ),
    (
        "Đồn Biên phòng Giang Thành cùng Hội Phụ nữ xã tổ chức 03 buổi tọa đàm “Phụ nữ vùng biên "
        "tỉnh táo trước lời mời lấy chồng ngoại qua môi giới” với 215 hội viên tham dự.",
        [("meetings", 3, "exact", "buổi tọa đàm"), ("participants", 215, "exact", "hội viên")],
    ),
    (
        "Hạn chế: địa bàn kênh rạch chằng chịt, nhiều đoạn biên giới không có vật cản tự nhiên, "
        "đối tượng lợi dụng mùa nước nổi dùng xuồng nhỏ đưa người qua lại.",
        [],
    ),
    # Department of Health: social protection, reception, psychological and money support
    (
        "- Sở Y tế: Sau khi tiếp nhận chức năng bảo trợ xã hội từ ngày 01/3/2025, Sở chỉ đạo Cơ sở "
        "trợ giúp xã hội tổng hợp tỉnh bố trí 01 khu tiếp nhận nạn nhân với 30 giường.",
        [],
    ),
    (
        "Năm 2025, Cơ sở tiếp nhận, hỗ trợ 76 nạn nhân, trong đó 54 nạn nhân được hỗ trợ nơi ở tạm "
        "thời, 61 nạn nhân được hỗ trợ tâm lý, 18 nạn nhân được hỗ trợ y tế.",
        [
            ("victims", 76, "exact", "nạn nhân"),
            ("victims", 54, "exact", "nạn nhân"),
            ("victims", 61, "exact", "nạn nhân"),
            ("victims", 18, "exact", "nạn nhân"),
        ],
    ),
    (
        "Mức hỗ trợ thực hiện theo Luật Phòng, chống mua bán người số 53/2024/QH15 và Nghị định số "
        "162/2025/NĐ-CP, Thông tư số 02/2025/TT-BYT; tổng kinh phí đã chi là 412,5 triệu đồng.",
        [],
    ),
    (
        "Trung tâm Công tác xã hội tỉnh cử 08 cán bộ công tác xã hội trực tiếp đến Cửa khẩu Quốc "
        "tế Tịnh Biên hỗ trợ tiếp nhận, sàng lọc ban đầu đối với 137 công dân trở về từ Campuchia.",
        [],
    ),
    (
        "Các nạn nhân được tư vấn tâm lý cá nhân từ 2 đến 5 buổi tùy mức độ sang chấn; 12 trường "
        "hợp có rối loạn căng thẳng sau sang chấn được chuyển Bệnh viện Tâm thần tỉnh điều trị.",
        [("victims", 12, "exact", "trường hợp")],
    ),
    (
        "Cơ sở trợ giúp xã hội tổng hợp tỉnh tổ chức 12 buổi sinh hoạt nhóm trị liệu tâm lý cho "
        "nạn nhân, mỗi buổi từ 8 đến 10 người tham gia.",
        [("sessions", 12, "exact", "buổi"), ("participants", 8, "range", "người")],
    ),
    (
        "Sở Y tế chi hỗ trợ ban đầu cho 52 nạn nhân, mỗi nạn nhân 2.340.000 đồng (tương đương một "
        "tháng lương cơ sở) và tiền đi lại về nơi cư trú.",
        [("victims", 52, "exact", "nạn nhân")],
    ),
    (
        "Tổng đài 111 (bảo vệ trẻ em) tiếp nhận, chuyển 19 ca liên quan đến trẻ em trên địa bàn "
        "tỉnh, trong đó 03 ca có dấu hiệu trẻ bị dụ dỗ sang Campuchia.",
        [("instances", 19, "exact", "ca"), ("instances", 3, "exact", "ca")],
    ),
    (
        "Được tổ chức Hagar Việt Nam tài trợ, 76 cán bộ làm công tác xã hội cấp xã đã học 02 lớp "
        "về sơ cứu tâm lý cho người trở về từ các tổ hợp lừa đảo, mỗi lớp kéo dài 3 ngày.",
        [("participants", 76, "exact", "cán bộ"), ("trainings", 2, "exact", "lớp")],
    ),
    (
        "Có 14 nạn nhân được giới thiệu học nghề điện dân dụng, chăm sóc sắc đẹp và 06 nạn nhân "
        "được vay vốn chăn nuôi, buôn bán nhỏ.",
        [("victims", 14, "exact", "nạn nhân"), ("victims", 6, "exact", "nạn nhân")],
    ),
    (
        "Hiện còn 04 nạn nhân là trẻ em chưa xác định được thân nhân, đang được chăm sóc tại Cơ "
        "sở.",
        [("victims", 4, "exact", "nạn nhân")],
    ),
    # Department of Education
    (
        "- Sở Giáo dục và Đào tạo: Từ năm học 2025 - 2026, nội dung nhận diện bẫy tuyển dụng trên "
        "mạng được đưa vào chương trình giáo dục địa phương lớp 9 và lớp 11.",
        [],
    ),
    (
        "Trong năm học 2024 - 2025, giáo viên các trường dạy 1.526 tiết ngoại khóa về an toàn khi "
        "tìm việc làm trên mạng; các liên đội dành 418 buổi chào cờ cho chủ đề này, khoảng 286.000 "
        "lượt học sinh được nghe.",
        [
            ("lessons", 1526, "exact", "tiết ngoại khóa"),
            ("sessions", 418, "exact", "buổi chào cờ"),
            ("participants", 286_000, "about", "lượt học sinh"),
        ],
    ),
    (
        "Trường Phổ thông Dân tộc nội trú tỉnh tổ chức hội thi “Tuổi trẻ cảnh giác trước bẫy việc "
        "nhẹ lương cao” với 24 đội thi, 144 thí sinh là học sinh người Khmer.",
        [("teams", 24, "exact", "đội thi"), ("participants", 144, "exact", "thí sinh")],
    ),
    (
        "Sở chỉ đạo 48 trường trung học phổ thông và 6 trung tâm GDNN-GDTX rà soát học sinh nghỉ "
        "học, phát hiện 127 em bỏ học đi làm, trong đó 09 em đang ở Campuchia.",
        [("schools", 48, "exact", "trường"), ("schools", 6, "exact", "trung tâm GDNN-GDTX")],
    ),
    (
        "Mỗi trường xây dựng ít nhất 01 góc tuyên truyền và tổ chức không dưới 02 tiết ngoại khóa "
        "về kỹ năng an toàn trên không gian mạng trong mỗi học kỳ.",
        [("lessons", 2, "at_least", "tiết ngoại khóa")],
    ),
    (
        "Các trường đã mời 215 báo cáo viên là cán bộ Công an, Biên phòng nói chuyện chuyên đề cho "
        "học sinh.",
        [],
    ),
    (
        "Kết quả khảo sát của Sở sau tập huấn: 92,4% học sinh nhận biết được ít nhất 03 dấu hiệu "
        "của tin tuyển dụng lừa đảo.",
        [],
    ),
    (
        "Sở tập huấn về Luật Phòng, chống mua bán người cho 1.340 giáo viên chủ nhiệm, tổng phụ "
        "trách Đội qua 04 điểm cầu trực tuyến.",
        [("participants", 1340, "exact", "giáo viên chủ nhiệm, tổng phụ trách Đội")],
    ),
    # Provincial Women's Union and Farmers' Union
    (
        "- Hội Liên hiệp Phụ nữ tỉnh: 96.420 lượt hội viên, phụ nữ được nghe tuyên truyền qua "
        "1.875 buổi sinh hoạt chi, tổ hội có chủ đề về lừa đảo việc làm.",
        [
            ("participants", 96420, "exact", "lượt hội viên, phụ nữ"),
            ("sessions", 1875, "exact", "buổi sinh hoạt"),
        ],
    ),
    (
        "Toàn tỉnh hiện có 162 Địa chỉ tin cậy do Hội quản lý, đặt tại nhà chi hội trưởng hoặc trụ "
        "sở ấp, khóm; trong năm các địa chỉ này cho 37 lượt người tạm lánh khi bị bạo hành trong "
        "gia đình.",
        [("models", 162, "exact", "Địa chỉ tin cậy")],
    ),
    (
        "Hội cùng Tổ chức Di cư Quốc tế (IOM) triển khai dự án hỗ trợ phụ nữ di cư an toàn tại 06 "
        "xã biên giới, thành lập 12 nhóm phụ nữ di cư an toàn với 186 thành viên.",
        [
            ("communes", 6, "exact", "xã"),
            ("teams", 12, "exact", "nhóm phụ nữ di cư an toàn"),
            ("participants", 186, "exact", "thành viên"),
        ],
    ),
    (
        "Hội Phụ nữ các xã, phường đã đến tận nhà thăm hỏi, động viên 43 phụ nữ là nạn nhân trở về "
        "từ Campuchia, Myanmar; giới thiệu 11 chị vay vốn khởi nghiệp.",
        [("victims", 43, "exact", "phụ nữ"), ("victims", 11, "exact", "chị")],
    ),
    (
        "Hội LHPN tỉnh phát động cuộc thi tìm hiểu trực tuyến “Phụ nữ An Giang với phòng, chống "
        "mua bán người” thu hút 14.620 lượt thí sinh, trao 01 giải nhất, 02 giải nhì, 05 giải ba.",
        [("participants", 14620, "exact", "lượt thí sinh")],
    ),
    (
        "Các chi hội ở ấp tổ chức 24 buổi sinh hoạt bằng tiếng Khmer với sự hỗ trợ của 18 cộng tác "
        "viên người Khmer.",
        [("sessions", 24, "exact", "buổi"), ("volunteers", 18, "exact", "cộng tác viên")],
    ),
    (
        "Hội Nông dân tỉnh tổ chức hai mươi buổi tuyên truyền cho hơn bốn trăm hội viên nông dân "
        "tại các ấp giáp biên.",
        [
            ("sessions", 20, "exact", "buổi"),
            ("participants", 400, "more_than", "hội viên nông dân"),
        ],
    ),
    # Provincial Youth Union and Young Pioneers
    (
        "- Tỉnh đoàn: Các cơ sở Đoàn tổ chức 642 hoạt động tuyên truyền trực tiếp cho 48.300 lượt "
        "đoàn viên, thanh niên; thành lập 15 đội hình thanh niên tình nguyện “An toàn trên không "
        "gian mạng”.",
        [
            ("sessions", 642, "exact", "hoạt động tuyên truyền"),
            ("participants", 48300, "exact", "lượt đoàn viên, thanh niên"),
            ("teams", 15, "exact", "đội hình"),
        ],
    ),
    (
        "Đội hình đã hỗ trợ 2.150 người dân cài đặt ứng dụng VNeID, nhận diện tin nhắn, cuộc gọi "
        "lừa đảo.",
        [("participants", 2150, "exact", "người dân")],
    ),
    (
        "Sau 03 tháng, đội hình đã đến tận nhà gần như 3.000 hộ dân ở các ấp biên giới để phát tờ "
        "rơi, hướng dẫn cài đặt ứng dụng.",
        [("households", 3000, "nearly", "hộ dân")],
    ),
    (
        "Tỉnh đoàn phối hợp thực hiện 36 video ngắn song ngữ Việt - Khmer, đăng trên kênh TikTok "
        "của Đoàn, đạt gần 2 triệu lượt xem.",
        [("media_items", 36, "exact", "video ngắn"), ("views", 2_000_000, "nearly", "lượt xem")],
    ),
    (
        "Thanh niên là nhóm bị đối tượng nhắm đến nhiều nhất: năm 2025 có 82 nạn nhân ở độ tuổi từ "
        "18 đến 30.",
        [("victims", 82, "exact", "nạn nhân")],
    ),
    (
        "Hội đồng Đội tỉnh tổ chức 3 lớp tập huấn kỹ năng phòng tránh xâm hại, mua bán người cho "
        "420 em là chỉ huy Đội của các trường.",
        [("trainings", 3, "exact", "lớp tập huấn"), ("participants", 420, "exact", "em")],
    ),
    (
        "Chiến dịch Thanh niên tình nguyện hè 2025 huy động 1.200 tình nguyện viên tham gia tuyên "
        "truyền tại 40 xã, phường.",
        [
            ("volunteers", 1200, "exact", "tình nguyện viên"),
            ("communes", 40, "exact", "xã, phường"),
        ],
    ),
    # The provincial newspaper and radio/TV, in Khmer; the Buddhist Sangha
    (
        "- Báo và Phát thanh, Truyền hình An Giang: Thực hiện 48 chương trình phát thanh, 36 "
        "chương trình truyền hình tiếng Khmer về phòng, chống mua bán người, phát sóng vào 18 giờ "
        "30 hằng ngày trên kênh ATV1.",
        [
            ("broadcasts", 48, "exact", "chương trình phát thanh"),
            ("broadcasts", 36, "exact", "chương trình truyền hình"),
        ],
    ),
    (
        "Chuyên mục “An ninh An Giang” phát 52 kỳ, trong đó 14 kỳ có phụ đề tiếng Khmer.",
        [("media_items", 52, "exact", "kỳ"), ("media_items", 14, "exact", "kỳ")],
    ),
    (
        "Báo đăng 128 tin, bài, 16 phóng sự ảnh trên các ấn phẩm in và điện tử; tổng thời lượng "
        "phát sóng tiếng Khmer về chủ đề này là 46 giờ.",
        [
            ("media_items", 128, "exact", "tin, bài"),
            ("media_items", 16, "exact", "phóng sự ảnh"),
            ("hours", 46, "exact", "giờ"),
        ],
    ),
    (
        "Đài Truyền thanh của 85 xã phát lại các bản tin cảnh báo hơn 9.500 lượt, trong đó khoảng "
        "3.000 lượt bằng tiếng Khmer.",
        [
            ("communes", 85, "exact", "xã"),
            ("broadcasts", 9500, "more_than", "lượt"),
            ("broadcasts", 3000, "about", "lượt"),
        ],
    ),
    (
        "Chương trình “Việc nhẹ lương cao - cái bẫy chết người” phát lúc 20 giờ ngày 30/7/2025 "
        "nhân Ngày toàn quốc phòng, chống mua bán người.",
        [],
    ),
    (
        "Trên các nền tảng số, Báo đăng tải 64 video về các vụ giải cứu ở Campuchia, tổng lượt xem "
        "trên 5,2 triệu.",
        [("media_items", 64, "exact", "video")],
    ),
    (
        "Ban Trị sự Giáo hội Phật giáo tỉnh phối hợp tuyên truyền tại 58 chùa Khmer, các vị sư cả "
        "lồng ghép nội dung cảnh giác trong 210 buổi thuyết giảng.",
        [("sessions", 210, "exact", "buổi thuyết giảng")],
    ),
    # The Procuracy and the Court
    (
        "- VKSND tỉnh: Kiểm sát việc điều tra 15 vụ/41 bị can mua bán người, gồm 04 vụ/11 bị can "
        "năm trước chuyển sang và 11 vụ/30 bị can khởi tố mới.",
        [
            ("cases", 15, "exact", "vụ"),
            ("suspects", 41, "exact", "bị can"),
            ("cases", 4, "exact", "vụ"),
            ("suspects", 11, "exact", "bị can"),
            ("cases", 11, "exact", "vụ"),
            ("suspects", 30, "exact", "bị can"),
        ],
    ),
    (
        "Viện kiểm sát đã truy tố 10 vụ/27 bị can, đạt tỷ lệ 100% số án đủ điều kiện truy tố; "
        "không có trường hợp bị can bị đình chỉ do không phạm tội.",
        [("cases", 10, "exact", "vụ"), ("suspects", 27, "exact", "bị can")],
    ),
    (
        "Viện kiểm sát nhân dân khu vực 7 - An Giang ban hành 02 kiến nghị phòng ngừa vi phạm gửi "
        "UBND các xã biên giới.",
        [],
    ),
    (
        "- Tòa án nhân dân tỉnh: Năm 2025 nhận 11 vụ/29 bị cáo do Viện kiểm sát chuyển sang; đã "
        "đưa ra xét xử sơ thẩm 09 vụ/24 bị cáo, còn 02 vụ/05 bị cáo trả hồ sơ điều tra bổ sung.",
        [
            ("cases", 11, "exact", "vụ"),
            ("suspects", 29, "exact", "bị cáo"),
            ("cases", 9, "exact", "vụ"),
            ("suspects", 24, "exact", "bị cáo"),
            ("cases", 2, "exact", "vụ"),
            ("suspects", 5, "exact", "bị cáo"),
        ],
    ),
    (
        "Mức hình phạt cao nhất là 18 năm tù, thấp nhất 3 năm tù; 03 bị cáo phạm tội có tổ chức bị "
        "tuyên phạt từ 12 đến 15 năm tù.",
        [("suspects", 3, "exact", "bị cáo")],
    ),
    (
        "Tòa án nhân dân khu vực 3 - An Giang mở 04 phiên tòa lưu động tại nhà văn hóa các xã Vĩnh "
        "Gia, Nhơn Hội, Khánh Bình; mỗi phiên có từ 250 đến 300 người dân theo dõi.",
        [("participants", 250, "range", "người dân")],
    ),
    (
        "Bị cáo Danh Th. (sinh năm 1989, trú ấp Tà Lọt, xã Tri Tôn) bị tuyên phạt 9 năm tù về tội "
        "“Mua bán người” theo điểm d khoản 2 Điều 150 Bộ luật Hình sự.",
        [],
    ),
    (
        "Tòa án nhân dân khu vực 1 - An Giang tiếp nhận 05 đơn yêu cầu bồi thường của bị hại, buộc "
        "các bị cáo bồi thường tổng cộng 420 triệu đồng.",
        [],
    ),
    # Department of Justice and legal aid
    (
        "- Sở Tư pháp: Tổ chức 06 hội nghị phổ biến Luật Phòng, chống mua bán người số "
        "53/2024/QH15 (có hiệu lực từ ngày 01/7/2025) cho 1.020 đại biểu là báo cáo viên pháp "
        "luật, công chức tư pháp - hộ tịch cấp xã.",
        [("meetings", 6, "exact", "hội nghị"), ("participants", 1020, "exact", "đại biểu")],
    ),
    (
        "Sở biên soạn, in 12.000 cuốn sổ tay hỏi - đáp về Luật Phòng, chống mua bán người và 4.500 "
        "tờ gấp song ngữ Việt - Khmer, cấp cho 102 xã, phường, đặc khu.",
        [
            ("materials", 12000, "exact", "cuốn sổ tay"),
            ("leaflets", 4500, "exact", "tờ gấp"),
            ("communes", 102, "exact", "xã, phường, đặc khu"),
        ],
    ),
    (
        "Có 1.248 hòa giải viên ở cơ sở được bồi dưỡng kỹ năng nhận diện dấu hiệu mua bán người "
        "qua 08 lớp do Sở tổ chức.",
        [("participants", 1248, "exact", "hòa giải viên"), ("trainings", 8, "exact", "lớp")],
    ),
    (
        "Trung tâm TGPL nhà nước tỉnh thực hiện 31 vụ việc trợ giúp pháp lý cho các nạn nhân cùng "
        "thân nhân của họ, trong đó 09 vụ việc tham gia tố tụng.",
        [],
    ),
    (
        "Trung tâm tổ chức 18 buổi trợ giúp pháp lý lưu động ở những ấp có đông đồng bào Khmer, tư "
        "vấn cho 356 lượt người.",
        [
            ("sessions", 18, "exact", "buổi trợ giúp pháp lý lưu động"),
            ("participants", 356, "exact", "lượt người"),
        ],
    ),
    (
        "Sở Tư pháp tổ chức cuộc thi viết “Tìm hiểu Luật Phòng, chống mua bán người” nhận được "
        "2.846 bài dự thi của 61 tập thể.",
        [],
    ),
    # Commune People's Committees (two-level government: xã, phường, đặc khu)
    (
        "- UBND xã Khánh Bình: Xã được thành lập trên cơ sở sáp nhập 03 xã cũ, có 18 ấp, 7.412 hộ "
        "với 29.860 nhân khẩu, trong đó đồng bào Khmer chiếm 21%.",
        [
            ("communes", 3, "exact", "xã"),
            ("villages", 18, "exact", "ấp"),
            ("households", 7412, "exact", "hộ"),
        ],
    ),
    (
        "Năm 2025, xã tổ chức 46 cuộc họp ấp lồng ghép tuyên truyền, phát 2.300 tờ rơi đến từng "
        "hộ.",
        [("meetings", 46, "exact", "cuộc họp ấp"), ("leaflets", 2300, "exact", "tờ rơi")],
    ),
    (
        "Xã lập sổ theo dõi người đi làm ăn xa; đến cuối năm đã có 29 người từ Campuchia trở về "
        "địa phương ổn định cuộc sống.",
        [],
    ),
    (
        "Công an xã cùng Đồn Biên phòng Khánh Bình vận động 57 hộ có người thân ở Campuchia ký cam "
        "kết không tiếp tay đưa người qua biên giới trái phép.",
        [("households", 57, "exact", "hộ")],
    ),
    (
        "Xã tiếp nhận 09 công dân trở về từ Campuchia do Công an tỉnh bàn giao, trong đó 05 người "
        "là nạn nhân, đã được hỗ trợ theo quy định.",
        [("victims", 5, "exact", "người")],
    ),
    (
        "UBND xã Vĩnh Gia ban hành 01 kế hoạch, thành lập 01 tổ công tác liên ngành gồm 07 thành "
        "viên để theo dõi người đi khỏi địa phương.",
        [("documents", 1, "exact", "kế hoạch")],
    ),
    (
        "- UBND xã Giang Thành: Tổ chức 02 buổi đối thoại giữa lãnh đạo xã với thanh niên ở 06 ấp "
        "giáp biên về việc làm tại chỗ, có 184 thanh niên tham dự.",
        [
            ("meetings", 2, "exact", "buổi đối thoại"),
            ("villages", 6, "exact", "ấp"),
            ("participants", 184, "exact", "thanh niên"),
        ],
    ),
    (
        "Trong năm, xã Nhơn Hội không để xảy ra vụ mua bán người nào; 04/04 ấp duy trì mô hình “Ấp "
        "an toàn, không có người bị mua bán”.",
        [("villages", 4, "exact", "ấp")],
    ),
    (
        "- UBND phường Châu Đốc: Phường có 14 khóm; tổ chức 28 buổi tuyên truyền tại khu nhà trọ, "
        "chợ, bến xe cho 1.960 lượt người lao động.",
        [
            ("villages", 14, "exact", "khóm"),
            ("sessions", 28, "exact", "buổi"),
            ("participants", 1960, "exact", "lượt người lao động"),
        ],
    ),
    (
        "Qua 63 lượt kiểm tra nhà trọ, khách sạn, karaoke, Công an phường lập biên bản 02 cơ sở "
        "không khai báo lưu trú cho người nước ngoài.",
        [("inspections", 63, "exact", "lượt kiểm tra"), ("establishments", 2, "exact", "cơ sở")],
    ),
    (
        "- UBND đặc khu Phú Quốc: Rà soát 1.184 lao động làm việc tại các cơ sở dịch vụ du lịch, "
        "trong đó 327 lao động nữ; không phát hiện trường hợp nghi bị mua bán.",
        [],
    ),
    (
        "Đặc khu tổ chức 05 buổi tuyên truyền cho ngư dân, thuyền viên tại các cảng cá An Thới, "
        "Hàm Ninh với khoảng 640 người tham dự.",
        [("sessions", 5, "exact", "buổi"), ("participants", 640, "about", "người")],
    ),
    # International cooperation: Cambodian provinces, repatriation
    (
        "- Sở Ngoại vụ: Tham mưu UBND tỉnh tổ chức 03 cuộc hội đàm với chính quyền các tỉnh "
        "Kandal, Takeo, Kampot; ký 01 biên bản ghi nhớ hợp tác về phòng, chống tội phạm xuyên biên "
        "giới giai đoạn 2025 - 2030.",
        [("meetings", 3, "exact", "cuộc hội đàm")],
    ),
    (
        "Sở Ngoại vụ gửi 14 công hàm, 22 công văn đề nghị Tổng Lãnh sự quán Việt Nam tại "
        "Battambang và Sihanoukville hỗ trợ xác minh, bảo hộ công dân.",
        [("documents", 14, "exact", "công hàm"), ("documents", 22, "exact", "công văn")],
    ),
    (
        "Năm 2025, Sở phối hợp bảo hộ, hỗ trợ hồi hương 203 trường hợp công dân, trong đó 168 "
        "trường hợp từ Campuchia, 35 trường hợp từ Myanmar qua đường Thái Lan.",
        [
            ("instances", 203, "exact", "trường hợp"),
            ("instances", 168, "exact", "trường hợp"),
            ("instances", 35, "exact", "trường hợp"),
        ],
    ),
    (
        "Năm 2025 có 27 lần bàn giao công dân tại Cửa khẩu Quốc tế Tịnh Biên với tổng số 1.452 "
        "người, lần đông nhất ngày 12/10/2025 có 186 người.",
        [],
    ),
    (
        "Đoàn công tác của tỉnh gồm 09 cán bộ do đồng chí Phó Chủ tịch UBND tỉnh làm trưởng đoàn "
        "đã làm việc với Ủy ban Quốc gia phòng, chống mua bán người Campuchia tại Phnôm Pênh ngày "
        "21 - 22/11/2025.",
        [],
    ),
    (
        "Hai bên thống nhất duy trì giao ban định kỳ 06 tháng một lần, lập đường dây nóng giữa "
        "Công an tỉnh và Cảnh sát tỉnh Takeo.",
        [],
    ),
    (
        "Tỉnh đã tiếp 04 đoàn công tác của các tỉnh Campuchia sang trao đổi kinh nghiệm; tổ chức "
        "01 hội thảo quốc tế về chống lừa đảo trực tuyến xuyên biên giới với 150 đại biểu.",
        [("meetings", 1, "exact", "hội thảo"), ("participants", 150, "exact", "đại biểu")],
    ),
    (
        "Cùng Đại sứ quán Việt Nam tại Myanmar, tỉnh đón 23 nạn nhân được giải cứu từ khu vực "
        "Myawaddy về nước qua sân bay Tân Sơn Nhất, đưa về địa phương an toàn.",
        [("victims", 23, "exact", "nạn nhân")],
    ),
    # Minutes of the annual review conference of the provincial Steering Committee
    (
        "BIÊN BẢN HỘI NGHỊ tổng kết công tác phòng, chống mua bán người năm 2025, khai mạc lúc 08 "
        "giờ 00 ngày 19/12/2025 tại Hội trường UBND tỉnh, kết nối trực tuyến với 102 điểm cầu cấp "
        "xã.",
        [],
    ),
    (
        "Dự hội nghị tại điểm cầu tỉnh có 21/24 thành viên Ban Chỉ đạo (03 đồng chí vắng vì bận "
        "công tác) cùng lãnh đạo các sở, ngành; tại các điểm cầu cấp xã có 1.530 đại biểu.",
        [("participants", 21, "exact", "thành viên"), ("participants", 1530, "exact", "đại biểu")],
    ),
    (
        "Đồng chí Giám đốc Công an tỉnh phát biểu: “Mỗi người dân trở về từ Campuchia phải được xã "
        "nắm, hỏi han và giúp tìm việc làm, không để họ quay lại con đường cũ”.",
        [],
    ),
    (
        "Đồng chí Giám đốc Sở Y tế nêu: Cơ sở trợ giúp xã hội chỉ có 06 nhân viên công tác xã hội "
        "trong khi năm qua tiếp nhận 76 nạn nhân, gấp đôi năm 2024.",
        [("victims", 76, "exact", "nạn nhân")],
    ),
    (
        "Ý kiến đại diện UBND xã Tịnh Biên: đề nghị tỉnh tổ chức thêm ít nhất 02 lớp tập huấn cho "
        "cán bộ ấp về nhận diện dấu hiệu mua bán người trong quý I/2026, mỗi lớp tối đa 50 học "
        "viên.",
        [("trainings", 2, "at_least", "lớp tập huấn"), ("participants", 50, "at_most", "học viên")],
    ),
    (
        "Chủ tịch UBND tỉnh kết luận: năm 2026 tập trung đưa hết người còn bị giữ ở các tổ hợp về "
        "nước; Sở Tài chính cân đối 1,2 tỷ đồng cho nhiệm vụ này trong dự toán trước ngày "
        "31/3/2026.",
        [],
    ),
    (
        "Hội nghị bế mạc lúc 11 giờ 30; biên bản được lập thành 03 bản, gửi Thường trực Ban Chỉ "
        "đạo, Công an tỉnh và Sở Y tế mỗi nơi 01 bản.",
        [],
    ),
    (
        "Người dân có thể báo tin về việc người thân bị giữ tại Campuchia qua số 069.3456.113 của "
        "Phòng Cảnh sát hình sự hoặc gọi Tổng đài 111, 113.",
        [],
    ),
]


def test_seventh_held_out_precision_and_recall(capsys):
    assert len(SEVENTH) >= 130
    precision, recall = score("seventh held out", SEVENTH, capsys)
    # A floor against regressions, not the goal: the goal of 0.95 is reported above.
    assert precision >= 0.80
    assert recall >= 0.80
