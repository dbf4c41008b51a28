"""Issue 25: a third out-of-sample measure of the figure extractor, to be run once at the end.

HELD_OUT (tests/test_ingest_heldout.py) and FRESH (tests/test_ingest_heldout_fresh.py) are both
used to tune the rules now, so neither is out of sample any more. THIRD is kept apart: it is run
once, after the tuning is over, and not looked at while tuning. It was written by someone who had
NOT read the extraction rules (ctip/ingest/*.py) nor run the extractor on these sentences, only
the ingest README (the kind codes and bound names) and the format and conventions of
tests/test_ingest_extract.py, HELD_OUT and FRESH; none of their sentences is reused or
paraphrased. The expectations were fixed before any run and are not to be tuned to the results.

The genres are those the other sets under-use: commune People's Committees' monthly reports
(short, plain), the provincial Steering Committee 138's annual summary (long sentences with many
figures, semicolons, "đạt x%"), the Police's criminal statistics ("Phòng Cảnh sát hình sự",
"chuyên án", "đường dây", cases and suspects written "03 vụ, 07 đối tượng", "02 vụ với 05 đối
tượng", "khởi tố 05 bị can trong 02 vụ án", "06 vụ án/13 bị can"), victim protection by the
Department of Health, the social work centre and legal aid, schools (flag-salute assemblies,
extracurricular sessions, "lượt học sinh"), information (tin, bài, phóng sự, chuyên mục, lượt
phát sóng, lượt xem, lượt tiếp cận, websites, SMS), the Women's Union ("Địa chỉ tin cậy", "Tổ
truyền thông cộng đồng"), labour exports (hồ sơ, lao động xuất cảnh, recruitment firms), with the
reports' abbreviations (BCĐ, MBN, PCMBN, UBND, CA, BĐBP, LĐTBXH, CSĐT, GD&ĐT, PT-TH, LHPN).

The conventions of HELD_OUT and FRESH hold here unchanged: the nouns with NO kind ("công dân",
"lao động", "doanh nghiệp" unless inspected, "tổ chức", "đường dây", "chuyên án", "tin báo",
"tin, tài liệu", "lượt tuần tra", "đoàn công tác", "trạm y tế", "km", "ngày", "tháng", "năm",
"phút", "tuổi", "đồng", "giờ" as a time of day, "quyết định", "yêu cầu", "phiên tòa", contest
entries, "suất quà", people at risk or leaving the country who are not said to be victims, "lớp"
as a school class); staff assigned are not participants; a fraction ("11/11 huyện": 11 districts,
bound exact) and a range ("từ 7 đến 10 thành viên": ONE figure, value 7, bound "range") are
figures; a change ("tăng 03 vụ so với năm 2023"), a share, a number after its noun ("khối 10",
"Chuyên án 0225T", "lần thứ 3") are not; a target with a bound word is one ("tối thiểu 04 buổi
mỗi năm", "mỗi buổi không quá 100 người"); a part after "trong đó" or "có" is counted as well as
its whole, with the whole's kind ("52 nạn nhân, trong đó 31 nữ": victims 52 and victims 31;
"1.050 đoàn viên thanh niên, trong đó 430 nữ": participants 1050 and 430).

Decided here for nouns neither set meets. NO kind: "hồ sơ" (labour-export dossiers); "chỉ tiêu"
("9/12 chỉ tiêu"); "tiền án"; "nhóm" (chat groups); "lượt chia sẻ"; "lượt tư vấn" (counselling
given to a victim, not a propaganda session); "thân nhân" (relatives of a victim); "trung tâm y
tế"; "chợ phiên"; "tờ quảng cáo" removed from walls (not material handed out); "bức tranh"
(contest entries); "điện thoại" seized; "con bò"; "tập thể", "cá nhân" (awards); "lần" (times);
"người" working away or overstaying a labour contract, not said to be trafficked ("03 người đi
làm ăn xa", "21 người cư trú bất hợp pháp"). WITH a kind: "chuyên mục", "infographic", "video" and
"lượt tin" media_items; "lượt phát sóng" broadcasts; "lượt tiếp cận" (reach on social media)
views; "áp phích" banners; "sổ tay", "bộ tài liệu" and "đĩa DVD" materials; "Địa chỉ tin cậy"
models; "Tổ truyền thông cộng đồng" teams and its "thành viên" participants (as FRESH counts the
members of self-managed teams); "cuộc truyền thông" sessions; "lễ mít tinh" events; "hội nghị tư
vấn" and "hội nghị tuyên truyền" meetings; "lượt xe máy", "lượt ô tô" vehicles; "đối tượng" on a
watch list suspects; "nữ", "em", "cô gái" by the count they are a part of or the verb that governs
them ("bắt quả tang 02 đối tượng đang đưa 03 cô gái": victims 3); "người lao động" victims when
rescued, participants when they are the audience; "doanh nghiệp" inspected and those fined after
the inspection establishments ("xử phạt 02 doanh nghiệp"); "không dưới" is the bound "at_least";
"tư vấn cho 26 trường hợp" is instances (README).
"""

from __future__ import annotations

from tests.ingest_scoring import score

# (sentence, [(kind, value, bound, unit noun as written), ...]); the unit noun is not scored.
THIRD: list[tuple[str, list[tuple[str, int, str, str]]]] = [
    # Commune People's Committees: monthly reports, short and plain
    (
        "Tháng 4/2025, UBND xã Nậm Xe tổ chức 02 buổi tuyên truyền lồng ghép trong cuộc họp bản "
        "Nậm Củm, có 76 người dân tham dự.",
        [("sessions", 2, "exact", "buổi"), ("participants", 76, "exact", "người dân")],
    ),
    (
        "Công an xã phát 150 tờ rơi cho bà con đi chợ phiên thứ Năm tại trung tâm xã.",
        [("leaflets", 150, "exact", "tờ rơi")],
    ),
    (
        "Loa truyền thanh xã phát 08 lượt tin về thủ đoạn lừa bán người, mỗi lượt khoảng 10 phút.",
        [("media_items", 8, "exact", "lượt tin")],
    ),
    (
        "Trong tháng, trên địa bàn xã không xảy ra vụ việc mua bán người, không có người bị mua "
        "bán trở về.",
        [],
    ),
    (
        "UBND xã chỉ đạo trưởng 6 bản rà soát, nắm danh sách 03 người đi làm ăn xa không rõ địa "
        "chỉ, báo cáo Công an huyện.",
        [("villages", 6, "exact", "bản")],
    ),
    (
        "UBND xã phân công 01 công chức văn hóa - xã hội theo dõi, tổng hợp số liệu, gửi báo cáo "
        "về UBND huyện trước ngày 20 hằng tháng.",
        [],
    ),
    (
        "Chi hội Phụ nữ bản Co Muông tổ chức 01 buổi sinh hoạt chuyên đề “Nói không với kết hôn "
        "qua môi giới” cho 42 chị em.",
        [("sessions", 1, "exact", "buổi"), ("participants", 42, "exact", "chị em")],
    ),
    (
        "Đoàn Thanh niên xã ra quân bóc gỡ 23 tờ quảng cáo tuyển lao động đi nước ngoài dán trái "
        "phép trên cột điện, tường rào.",
        [],
    ),
    (
        "Trong tháng 10, Công an xã Sín Chéng phối hợp với Đồn Biên phòng tổ chức 03 buổi nói "
        "chuyện tại 03 thôn giáp biên với khoảng 190 lượt người nghe.",
        [
            ("sessions", 3, "exact", "buổi"),
            ("villages", 3, "exact", "thôn"),
            ("participants", 190, "about", "lượt người"),
        ],
    ),
    (
        "Xã treo 04 băng rôn tại nhà văn hóa các thôn và trụ sở UBND xã; kinh phí 2.400.000 đồng "
        "từ nguồn ngân sách xã.",
        [("banners", 4, "exact", "băng rôn")],
    ),
    (
        "Công an xã tiếp nhận 01 tin báo về việc chị Vàng Thị D., sinh năm 2006, bỏ nhà đi khỏi "
        "địa phương; qua xác minh, chị D. đang làm thuê tại Bắc Ninh.",
        [],
    ),
    (
        "UBND xã Phìn Hồ tổ chức 01 hội nghị triển khai Kế hoạch số 45/KH-BCĐ của Ban Chỉ đạo "
        "huyện cho 38 cán bộ xã, trưởng thôn.",
        [("meetings", 1, "exact", "hội nghị"), ("participants", 38, "exact", "cán bộ")],
    ),
    (
        "Chi đoàn thôn Nà Tâu cử mười lăm đoàn viên tham gia tổ tuyên truyền lưu động của xã "
        "trong dịp Tết Nguyên đán.",
        [("participants", 15, "exact", "đoàn viên")],
    ),
    (
        "Công an xã Pa Ủ mời chừng 60 người có uy tín trong các dòng họ dự buổi gặp mặt đầu xuân, "
        "lồng ghép tuyên truyền về phòng, chống mua bán người.",
        [("participants", 60, "about", "người có uy tín")],
    ),
    (
        "Hội Phụ nữ xã vận động mười bốn hộ có con gái từ 15 đến 17 tuổi bỏ học đi làm xa đưa con "
        "trở về địa phương.",
        [("households", 14, "exact", "hộ")],
    ),
    # The provincial Steering Committee 138: the annual summary
    (
        "Năm 2024, các sở, ngành, đoàn thể thành viên BCĐ 138 tỉnh đã tổ chức 2.846 buổi tuyên "
        "truyền trực tiếp cho 198.530 lượt người; phát 64.200 tờ rơi, tờ gấp; treo 1.120 băng "
        "rôn, khẩu hiệu, đạt 112% chỉ tiêu Kế hoạch 45/KH-BCĐ.",
        [
            ("sessions", 2846, "exact", "buổi"),
            ("participants", 198_530, "exact", "lượt người"),
            ("leaflets", 64200, "exact", "tờ rơi, tờ gấp"),
            ("banners", 1120, "exact", "băng rôn, khẩu hiệu"),
        ],
    ),
    (
        "Kết quả đấu tranh: toàn tỉnh phát hiện 21 vụ/47 đối tượng, tăng 03 vụ so với năm 2023; "
        "khởi tố 18 vụ/40 bị can, đạt 85,7%; giải cứu, tiếp nhận 52 nạn nhân, trong đó 31 nữ, 09 "
        "trẻ em.",
        [
            ("cases", 21, "exact", "vụ"),
            ("suspects", 47, "exact", "đối tượng"),
            ("cases", 18, "exact", "vụ"),
            ("suspects", 40, "exact", "bị can"),
            ("victims", 52, "exact", "nạn nhân"),
            ("victims", 31, "exact", "nữ"),
            ("victims", 9, "exact", "trẻ em"),
        ],
    ),
    (
        "Ban Chỉ đạo 138 tỉnh ban hành 06 kế hoạch, 14 văn bản chỉ đạo, hướng dẫn; 11/11 huyện, "
        "thành phố và 143/145 xã, phường, thị trấn xây dựng kế hoạch thực hiện, đạt 98,6%.",
        [
            ("documents", 6, "exact", "kế hoạch"),
            ("documents", 14, "exact", "văn bản"),
            ("districts", 11, "exact", "huyện, thành phố"),
            ("communes", 143, "exact", "xã, phường, thị trấn"),
        ],
    ),
    (
        "Về bảo vệ, hỗ trợ nạn nhân: 100% nạn nhân được tiếp nhận, xác minh, hỗ trợ theo quy "
        "định; 37 nạn nhân được hỗ trợ y tế, 29 nạn nhân được trợ giúp pháp lý, 15 nạn nhân được "
        "học nghề, giới thiệu việc làm.",
        [
            ("victims", 37, "exact", "nạn nhân"),
            ("victims", 29, "exact", "nạn nhân"),
            ("victims", 15, "exact", "nạn nhân"),
        ],
    ),
    (
        "BCĐ 138 tỉnh tổ chức 02 đoàn kiểm tra liên ngành tại 05 huyện, 12 xã; Hội nghị BCĐ lần "
        "thứ 3 năm 2024 đánh giá 9/12 chỉ tiêu đạt và vượt kế hoạch.",
        [
            ("inspections", 2, "exact", "đoàn kiểm tra"),
            ("districts", 5, "exact", "huyện"),
            ("communes", 12, "exact", "xã"),
        ],
    ),
    (
        "Tổng kinh phí bảo đảm cho công tác PCMBN năm 2024 là 2,85 tỷ đồng, trong đó ngân sách "
        "tỉnh 1,9 tỷ đồng, ngân sách huyện, xã 950 triệu đồng.",
        [],
    ),
    (
        "Về hợp tác quốc tế, BĐBP tỉnh tổ chức 04 cuộc hội đàm với lực lượng quản lý biên giới "
        "phía Trung Quốc, tiếp nhận 126 công dân bị trao trả, qua đó xác minh 08 nạn nhân bị mua "
        "bán.",
        [("meetings", 4, "exact", "cuộc hội đàm"), ("victims", 8, "exact", "nạn nhân")],
    ),
    (
        "Qua 05 năm thực hiện Chương trình theo Quyết định số 193/QĐ-TTg, toàn tỉnh đã xây dựng "
        "64 mô hình, 118 câu lạc bộ và 426 tổ tự quản về phòng, chống mua bán người ở khu dân cư.",
        [
            ("models", 64, "exact", "mô hình"),
            ("clubs", 118, "exact", "câu lạc bộ"),
            ("teams", 426, "exact", "tổ tự quản"),
        ],
    ),
    (
        "Lũy kế từ năm 2021 đến hết năm 2024, Tòa án nhân dân hai cấp xét xử 41 vụ/87 bị cáo, mức "
        "án cao nhất 20 năm tù; Viện kiểm sát truy tố đúng hạn 100% số vụ.",
        [("cases", 41, "exact", "vụ"), ("suspects", 87, "exact", "bị cáo")],
    ),
    (
        "Trong số 52 nạn nhân được giải cứu, tiếp nhận năm 2024, có 38 người bị bán sang Trung "
        "Quốc, 14 người bị lừa sang Campuchia.",
        [
            ("victims", 52, "exact", "nạn nhân"),
            ("victims", 38, "exact", "người"),
            ("victims", 14, "exact", "người"),
        ],
    ),
    (
        "Kết quả ở cơ sở: 09 xã có 100% thôn, bản thành lập tổ an ninh tự quản; 3 xã còn dưới 70%.",
        [("communes", 9, "exact", "xã"), ("communes", 3, "exact", "xã")],
    ),
    # Police: criminal statistics
    (
        "Phòng Cảnh sát hình sự cùng Công an huyện Mèo Vạc đấu tranh thành công Chuyên án 125M, "
        "làm rõ đường dây đưa phụ nữ người Mông sang Hà Khẩu (Trung Quốc) bán làm vợ; bắt 04 đối "
        "tượng, giải cứu 03 nạn nhân.",
        [("suspects", 4, "exact", "đối tượng"), ("victims", 3, "exact", "nạn nhân")],
    ),
    (
        "Sáu tháng đầu năm 2025, lực lượng CA toàn tỉnh phát hiện 03 vụ, 07 đối tượng phạm tội "
        "MBN (giảm 01 vụ, tăng 02 đối tượng so với cùng kỳ).",
        [("cases", 3, "exact", "vụ"), ("suspects", 7, "exact", "đối tượng")],
    ),
    (
        "Cơ quan CSĐT Công an tỉnh đã khởi tố 05 bị can trong 02 vụ án về tội “Mua bán người” và "
        "“Mua bán người dưới 16 tuổi” theo Điều 150, 151 Bộ luật Hình sự.",
        [("suspects", 5, "exact", "bị can"), ("cases", 2, "exact", "vụ án")],
    ),
    (
        "Năm 2024, Phòng Cảnh sát hình sự xác lập 04 chuyên án với 11 đối tượng, đã kết thúc 03 "
        "chuyên án, chuyển xử lý hình sự 09 đối tượng.",
        [("suspects", 11, "exact", "đối tượng"), ("suspects", 9, "exact", "đối tượng")],
    ),
    (
        "Công an thành phố phát hiện 02 vụ với 05 đối tượng sử dụng mạng xã hội đăng tin tuyển "
        "dụng “việc nhẹ, lương cao” để lừa 09 người sang Campuchia bán cho các công ty cờ bạc "
        "trực tuyến.",
        [
            ("cases", 2, "exact", "vụ"),
            ("suspects", 5, "exact", "đối tượng"),
            ("victims", 9, "exact", "người"),
        ],
    ),
    (
        "Trong kỳ, khởi tố mới 06 vụ án/13 bị can; kết thúc điều tra, đề nghị truy tố 05 vụ/11 bị "
        "can; tạm đình chỉ 01 vụ/02 bị can do bỏ trốn.",
        [
            ("cases", 6, "exact", "vụ án"),
            ("suspects", 13, "exact", "bị can"),
            ("cases", 5, "exact", "vụ"),
            ("suspects", 11, "exact", "bị can"),
            ("cases", 1, "exact", "vụ"),
            ("suspects", 2, "exact", "bị can"),
        ],
    ),
    (
        "Tỷ lệ điều tra, khám phá các vụ án mua bán người đạt 100%, vượt chỉ tiêu Nghị quyết số "
        "96/2019/QH14 của Quốc hội giao.",
        [],
    ),
    (
        "Đối tượng cầm đầu là Hoàng Văn S., sinh năm 1987, trú tại bản Lả, xã Pha Long, có 02 "
        "tiền án về tội mua bán người.",
        [],
    ),
    (
        "Trong đợt cao điểm truy bắt, Công an tỉnh bắt 03 đối tượng truy nã, vận động 01 đối "
        "tượng ra đầu thú.",
        [("suspects", 3, "exact", "đối tượng"), ("suspects", 1, "exact", "đối tượng")],
    ),
    (
        "Các vụ án chủ yếu xảy ra ở 04 huyện biên giới; đối tượng lập 09 nhóm Zalo, Facebook với "
        "hàng nghìn thành viên để tuyển người.",
        [("districts", 4, "exact", "huyện")],
    ),
    (
        "Phòng Cảnh sát hình sự tiếp nhận 14 tin báo, tố giác liên quan đến mua bán người, đã "
        "giải quyết 13/14 tin báo; số còn lại đang xác minh.",
        [],
    ),
    (
        "Qua rà soát, Công an các huyện lập danh sách 27 đối tượng có biểu hiện môi giới, đưa "
        "người ra nước ngoài trái phép để quản lý, theo dõi.",
        [("suspects", 27, "exact", "đối tượng")],
    ),
    (
        "Kết thúc Chuyên án 0225T, Cơ quan An ninh điều tra khởi tố 07 bị can về tội “Tổ chức, "
        "môi giới cho người khác xuất cảnh trái phép”, giải cứu 16 người lao động bị giữ tại "
        "Myawaddy (Myanmar).",
        [("suspects", 7, "exact", "bị can"), ("victims", 16, "exact", "người lao động")],
    ),
    (
        "Năm 2024 có 13/15 vụ được khởi tố trong thời hạn 02 tháng kể từ ngày tiếp nhận nguồn tin.",
        [("cases", 13, "exact", "vụ")],
    ),
    (
        "Đội Cảnh sát hình sự Công an huyện phối hợp với BĐBP bắt quả tang 02 đối tượng đang đưa "
        "03 cô gái người Mông qua đường mòn sang bên kia biên giới.",
        [("suspects", 2, "exact", "đối tượng"), ("victims", 3, "exact", "cô gái")],
    ),
    (
        "Số đối tượng bị bắt giữ năm 2024 là 33 người, trong đó 06 nữ và 04 người nước ngoài.",
        [
            ("suspects", 33, "exact", "người"),
            ("suspects", 6, "exact", "nữ"),
            ("suspects", 4, "exact", "người"),
        ],
    ),
    (
        "CA tỉnh phối hợp với BĐBP tổ chức 03 đợt cao điểm tấn công, trấn áp tội phạm mua bán "
        "người, mỗi đợt từ 30 đến 45 ngày.",
        [("campaigns", 3, "exact", "đợt cao điểm")],
    ),
    (
        "BĐBP tỉnh phối hợp với CA tỉnh đấu tranh thành công 02 chuyên án, bắt giữ 05 đối tượng, "
        "giải cứu 08 nạn nhân, thu giữ 06 điện thoại di động.",
        [("suspects", 5, "exact", "đối tượng"), ("victims", 8, "exact", "nạn nhân")],
    ),
    # Victim protection: Department of Health, social work centres, legal aid, LĐTBXH
    (
        "Trung tâm Y tế huyện Si Ma Cai cấp cứu, điều trị nội trú cho 06 nạn nhân bị thương khi "
        "trốn khỏi nơi bị giam giữ; 11 trung tâm y tế huyện đều cử cán bộ đầu mối phối hợp.",
        [("victims", 6, "exact", "nạn nhân")],
    ),
    (
        "Bệnh viện Tâm thần tỉnh tư vấn tâm lý cho 05 nạn nhân với 23 lượt tư vấn, mỗi lượt từ 45 "
        "đến 60 phút.",
        [("victims", 5, "exact", "nạn nhân")],
    ),
    (
        "Năm 2024, Nhà tạm lánh của Trung tâm Công tác xã hội tỉnh nuôi dưỡng, chăm sóc 17 nạn "
        "nhân, trong đó 12 nữ, 05 em chưa đủ 16 tuổi; thời gian lưu trú trung bình 21 ngày.",
        [
            ("victims", 17, "exact", "nạn nhân"),
            ("victims", 12, "exact", "nữ"),
            ("victims", 5, "exact", "em"),
        ],
    ),
    (
        "Trung tâm Trợ giúp pháp lý nhà nước tỉnh cử trợ giúp viên pháp lý bảo vệ quyền lợi cho "
        "08 nạn nhân và tư vấn pháp luật cho 02 thân nhân của nạn nhân.",
        [("victims", 8, "exact", "nạn nhân")],
    ),
    (
        "Mức tiền ăn cho nạn nhân lưu trú tại Nhà tạm lánh là 60.000 đồng/người/ngày, tiền thuốc "
        "tối đa 500.000 đồng/người/lần.",
        [],
    ),
    (
        "Phòng LĐTBXH các huyện đã chi trả hỗ trợ ban đầu cho 19 nạn nhân với tổng số tiền 95 "
        "triệu đồng; hỗ trợ học nghề cho 04 nạn nhân tại Trường Cao đẳng Kỹ thuật - Công nghệ "
        "tỉnh.",
        [("victims", 19, "exact", "nạn nhân"), ("victims", 4, "exact", "nạn nhân")],
    ),
    (
        "Trong năm, cán bộ trực Tổng đài 111 tại tỉnh kết nối 09 cuộc gọi nghi vấn mua bán trẻ em "
        "đến Công an và Phòng LĐTBXH huyện để xử lý.",
        [("calls", 9, "exact", "cuộc gọi")],
    ),
    (
        "Trung tâm Công tác xã hội tỉnh tư vấn trực tiếp cho 26 trường hợp có nhu cầu đi làm việc "
        "ở nước ngoài về các rủi ro bị lừa, bị bóc lột.",
        [("instances", 26, "exact", "trường hợp")],
    ),
    (
        "Sở LĐTBXH tổ chức 02 lớp tập huấn kỹ năng nhận diện, hỗ trợ nạn nhân cho 95 cán bộ "
        "LĐTBXH cấp huyện, công chức văn hóa - xã hội cấp xã.",
        [("trainings", 2, "exact", "lớp tập huấn"), ("participants", 95, "exact", "cán bộ")],
    ),
    (
        "Sở LĐTBXH dự kiến mở thêm 2 - 3 lớp tập huấn trong quý IV/2025, mỗi lớp 25-30 học viên.",
        [("trainings", 2, "range", "lớp tập huấn"), ("participants", 25, "range", "học viên")],
    ),
    (
        "Hội Chữ thập đỏ tỉnh trao 20 suất quà và 02 con bò giống cho gia đình nạn nhân có hoàn "
        "cảnh khó khăn ở huyện Tủa Chùa.",
        [],
    ),
    (
        "Các cơ sở trợ giúp xã hội đã tiếp nhận 03 trẻ em bị bỏ rơi nghi bị mua bán, bàn giao 02 "
        "em về với gia đình sau khi xác minh.",
        [("victims", 3, "exact", "trẻ em"), ("victims", 2, "exact", "em")],
    ),
    # Education: flag-salute assemblies, extracurricular sessions, pupils reached
    (
        "Sở GD&ĐT chỉ đạo 187 trường tổ chức tiết sinh hoạt dưới cờ với chủ đề “Phòng, chống mua "
        "bán người”, thu hút trên 62.000 lượt học sinh.",
        [
            ("schools", 187, "exact", "trường"),
            ("participants", 62000, "more_than", "lượt học sinh"),
        ],
    ),
    (
        "Trường THPT Nguyễn Du tổ chức 02 buổi ngoại khóa cho 1.045 học sinh khối 10 và khối 11, "
        "mời cán bộ Phòng Cảnh sát hình sự báo cáo chuyên đề.",
        [("sessions", 2, "exact", "buổi"), ("participants", 1045, "exact", "học sinh")],
    ),
    (
        "Năm học 2024 - 2025, học sinh các trường tiểu học được học 04 tiết kỹ năng sống có nội "
        "dung nhận biết nguy cơ bị xâm hại, bị mua bán.",
        [("lessons", 4, "exact", "tiết")],
    ),
    (
        "Phòng GD&ĐT huyện Mường Chà tổ chức 01 hội thi “Học sinh với pháp luật” cho 18 đội đến "
        "từ 18 trường THCS trên địa bàn.",
        [
            ("contests", 1, "exact", "hội thi"),
            ("teams", 18, "exact", "đội"),
            ("schools", 18, "exact", "trường"),
        ],
    ),
    (
        "Đoàn trường THPT Mù Cang Chải dàn dựng 03 tiểu phẩm, biểu diễn trong 02 buổi ngoại khóa "
        "cho khoảng 900 học sinh.",
        [
            ("skits", 3, "exact", "tiểu phẩm"),
            ("sessions", 2, "exact", "buổi"),
            ("participants", 900, "about", "học sinh"),
        ],
    ),
    (
        "Sở GD&ĐT phối hợp với Công an tỉnh tổ chức 02 lớp tập huấn cho 240 giáo viên chủ nhiệm, "
        "tổng phụ trách Đội về kỹ năng phát hiện học sinh có nguy cơ bỏ học đi làm ăn xa.",
        [("trainings", 2, "exact", "lớp tập huấn"), ("participants", 240, "exact", "giáo viên")],
    ),
    (
        "Trường PTDTBT THCS Sín Thầu có 9/12 lớp lồng ghép nội dung PCMBN vào môn Giáo dục công "
        "dân, mỗi tháng ít nhất 01 tiết.",
        [("lessons", 1, "at_least", "tiết")],
    ),
    (
        "Tháng 9/2024, 100% trường học trên địa bàn tỉnh tổ chức tuyên truyền trong tuần sinh "
        "hoạt công dân đầu năm học.",
        [],
    ),
    (
        "Liên đội Trường Tiểu học Pá Mỳ tổ chức cho gần 400 đội viên vẽ tranh, có 56 bức tranh "
        "được trưng bày tại ngày hội.",
        [("participants", 400, "nearly", "đội viên")],
    ),
    # Information: press, radio and television, websites, social media, SMS
    (
        "Báo Lai Châu đăng 46 tin, bài, 05 phóng sự ảnh; Đài PT-TH tỉnh phát sóng 18 phóng sự và "
        "04 chuyên mục về PCMBN.",
        [
            ("media_items", 46, "exact", "tin, bài"),
            ("media_items", 5, "exact", "phóng sự ảnh"),
            ("media_items", 18, "exact", "phóng sự"),
            ("media_items", 4, "exact", "chuyên mục"),
        ],
    ),
    (
        "Fanpage “Công an tỉnh Lào Cai” đăng 27 video ngắn cảnh báo thủ đoạn lừa bán người, thu "
        "hút 1,2 triệu lượt xem và hơn 35.000 lượt chia sẻ.",
        [("media_items", 27, "exact", "video"), ("views", 1_200_000, "exact", "lượt xem")],
    ),
    (
        "Trang thông tin điện tử của BCĐ 138 tỉnh đăng tải 64 bài viết, 11 infographic, đạt "
        "khoảng 2,5 triệu lượt tiếp cận trên các nền tảng mạng xã hội.",
        [
            ("media_items", 64, "exact", "bài viết"),
            ("media_items", 11, "exact", "infographic"),
            ("views", 2_500_000, "about", "lượt tiếp cận"),
        ],
    ),
    (
        "Đài Truyền thanh - Truyền hình huyện thực hiện 156 lượt phát sóng các chương trình về "
        "phòng, chống mua bán người bằng tiếng Việt và tiếng Thái, tổng thời lượng hơn 38 giờ.",
        [("broadcasts", 156, "exact", "lượt phát sóng"), ("hours", 38, "more_than", "giờ")],
    ),
    (
        "Nhân Tháng hành động, theo đề nghị của Sở TT&TT, Viettel, VinaPhone và MobiFone đã nhắn "
        "3,6 triệu tin nhắn cảnh báo chiêu trò “việc nhẹ, lương cao” tới khách hàng.",
        [("sms", 3_600_000, "exact", "tin nhắn")],
    ),
    (
        "Cổng Thông tin điện tử tỉnh và trang thông tin điện tử của 10 huyện, thành phố đăng 215 "
        "tin, bài về công tác PCMBN, với gần 85 nghìn lượt xem.",
        [
            ("districts", 10, "exact", "huyện, thành phố"),
            ("media_items", 215, "exact", "tin, bài"),
            ("views", 85000, "nearly", "lượt xem"),
        ],
    ),
    (
        "Các cơ quan báo chí Trung ương thường trú tại tỉnh như Báo Nhân Dân, Báo Công an nhân "
        "dân, VTV8 đăng, phát 07 tin, bài phản ánh kết quả giải cứu nạn nhân.",
        [("media_items", 7, "exact", "tin, bài")],
    ),
    (
        "Hệ thống loa truyền thanh của 96 thôn, bản phát thanh 2 lần mỗi tuần, mỗi lần 15-20 phút.",
        [("villages", 96, "exact", "thôn, bản")],
    ),
    (
        "Đài PT-TH tỉnh duy trì chuyên mục “An ninh biên giới” phát vào 20 giờ thứ Bảy hằng tuần, "
        "phát lại vào 06 giờ 30 sáng Chủ nhật.",
        [],
    ),
    (
        "Phòng Văn hóa - Thông tin huyện in, phát 3.200 tờ rơi, 450 sổ tay và dựng 12 áp phích cỡ "
        "lớn tại 08 chợ phiên.",
        [
            ("leaflets", 3200, "exact", "tờ rơi"),
            ("materials", 450, "exact", "sổ tay"),
            ("banners", 12, "exact", "áp phích"),
        ],
    ),
    (
        "Sở Tư pháp biên soạn, phát hành một nghìn năm trăm cuốn sổ tay “Hỏi - đáp Luật Phòng, "
        "chống mua bán người năm 2024” và chín mươi đĩa DVD cho các xã.",
        [("materials", 1500, "exact", "cuốn sổ tay"), ("materials", 90, "exact", "đĩa DVD")],
    ),
    # Women's Union: “Địa chỉ tin cậy”, community communication teams
    (
        "Hội LHPN tỉnh duy trì 42 “Địa chỉ tin cậy” ở cộng đồng; năm 2024 các địa chỉ tin cậy đã "
        "tạm lánh, hỗ trợ 02 nạn nhân bị mua bán trở về.",
        [("models", 42, "exact", "Địa chỉ tin cậy"), ("victims", 2, "exact", "nạn nhân")],
    ),
    (
        "Hội LHPN các huyện thành lập 56 Tổ truyền thông cộng đồng với 392 thành viên là hội viên "
        "nòng cốt, người có uy tín ở thôn, bản.",
        [
            ("teams", 56, "exact", "Tổ truyền thông cộng đồng"),
            ("participants", 392, "exact", "thành viên"),
        ],
    ),
    (
        "Các cấp Hội tổ chức 315 cuộc truyền thông trực tiếp với xấp xỉ 11.700 lượt hội viên, phụ "
        "nữ; lồng ghép trong 1.860 buổi sinh hoạt chi, tổ hội.",
        [
            ("sessions", 315, "exact", "cuộc truyền thông"),
            ("participants", 11700, "about", "lượt hội viên, phụ nữ"),
            ("sessions", 1860, "exact", "buổi"),
        ],
    ),
    (
        "Hội LHPN huyện Bảo Lâm phối hợp với Đồn Biên phòng tổ chức 01 tọa đàm “Phụ nữ biên giới "
        "nói không với mua bán người” có 85 đại biểu dự, trong đó 60 chị em người dân tộc Mông, "
        "Dao.",
        [
            ("meetings", 1, "exact", "tọa đàm"),
            ("participants", 85, "exact", "đại biểu"),
            ("participants", 60, "exact", "chị em"),
        ],
    ),
    (
        "Mỗi Tổ truyền thông cộng đồng có từ 7 đến 10 thành viên, sinh hoạt ít nhất 01 lần mỗi "
        "tháng.",
        [("participants", 7, "range", "thành viên")],
    ),
    # Labour exports: dossiers, workers leaving, recruitment firms
    (
        "Năm 2024, toàn tỉnh có 2.315 lao động xuất cảnh đi làm việc ở nước ngoài theo hợp đồng, "
        "đạt 115,7% kế hoạch, chủ yếu sang Nhật Bản, Hàn Quốc và Đài Loan (Trung Quốc).",
        [],
    ),
    (
        "Sở LĐTBXH tiếp nhận, thẩm định 186 hồ sơ đăng ký hợp đồng cung ứng lao động của 14 doanh "
        "nghiệp dịch vụ.",
        [],
    ),
    (
        "Trung tâm Dịch vụ việc làm tỉnh tổ chức 12 buổi tư vấn tuyển sinh, tuyển lao động đi làm "
        "việc ở nước ngoài theo hợp đồng tại các xã, có hơn 1.400 người lao động tham dự.",
        [("sessions", 12, "exact", "buổi"), ("participants", 1400, "more_than", "người lao động")],
    ),
    (
        "Năm 2024, Sở LĐTBXH tiến hành 03 cuộc kiểm tra việc chấp hành pháp luật của 06 doanh "
        "nghiệp có giấy phép đưa lao động đi làm việc ở nước ngoài, ra quyết định xử phạt 02 "
        "doanh nghiệp, tổng số tiền 180 triệu đồng.",
        [
            ("inspections", 3, "exact", "cuộc kiểm tra"),
            ("establishments", 6, "exact", "doanh nghiệp"),
            ("establishments", 2, "exact", "doanh nghiệp"),
        ],
    ),
    (
        "Qua rà soát, có 68 lao động của huyện đi Hàn Quốc theo Chương trình EPS đã hết hạn hợp "
        "đồng nhưng chưa về nước, trong đó 21 người cư trú bất hợp pháp.",
        [],
    ),
    (
        "Phòng LĐTBXH huyện phối hợp với 03 doanh nghiệp tổ chức 05 hội nghị tư vấn cho 620 người "
        "lao động và người nhà tại các xã vùng cao.",
        [("meetings", 5, "exact", "hội nghị"), ("participants", 620, "exact", "người lao động")],
    ),
    # Border Guard, Youth Union, other agencies; bound words and ranges
    (
        "Đồn Biên phòng Lũng Cú mời hai mươi hai già làng, trưởng thôn dự buổi tọa đàm, đồng thời "
        "ký cam kết với 430 hộ gia đình không tiếp tay cho hoạt động mua bán người.",
        [
            ("participants", 22, "exact", "già làng, trưởng thôn"),
            ("households", 430, "exact", "hộ gia đình"),
        ],
    ),
    (
        "Trạm Kiểm soát Biên phòng Bản Lầu kiểm tra 3.418 lượt phương tiện qua trạm, trong đó có "
        "2.970 lượt xe máy và 448 lượt ô tô.",
        [
            ("vehicles", 3418, "exact", "lượt phương tiện"),
            ("vehicles", 2970, "exact", "lượt xe máy"),
            ("vehicles", 448, "exact", "lượt ô tô"),
        ],
    ),
    (
        "Hưởng ứng Ngày Thế giới phòng, chống mua bán người 30/7, các huyện tổ chức 09 lễ mít "
        "tinh với khoảng chừng 4.500 người tham dự và 26 đội tuyên truyền lưu động.",
        [
            ("events", 9, "exact", "lễ mít tinh"),
            ("participants", 4500, "about", "người"),
            ("teams", 26, "exact", "đội"),
        ],
    ),
    (
        "Huyện Đoàn huy động 85 tình nguyện viên là sinh viên về quê nghỉ hè tham gia tuyên "
        "truyền tại 07 xã vùng cao.",
        [("volunteers", 85, "exact", "tình nguyện viên"), ("communes", 7, "exact", "xã")],
    ),
    (
        "Tỉnh Đoàn tổ chức 01 lớp tập huấn kỹ năng truyền thông trên mạng xã hội cho trên dưới "
        "120 cán bộ Đoàn chủ chốt.",
        [("trainings", 1, "exact", "lớp tập huấn"), ("participants", 120, "about", "cán bộ")],
    ),
    (
        "Dịp cao điểm du lịch, Công an thị xã Sa Pa tổ chức 06 buổi tuyên truyền tại các điểm lưu "
        "trú cho ước tính 750 hướng dẫn viên, chủ homestay.",
        [("sessions", 6, "exact", "buổi"), ("participants", 750, "about", "hướng dẫn viên")],
    ),
    (
        "Tại huyện Sìn Hồ, mỗi buổi tuyên truyền có 40 - 60 người dân tham dự, thời gian từ 60 "
        "đến 90 phút.",
        [("participants", 40, "range", "người dân")],
    ),
    (
        "Năm 2024, có không dưới 1.200 lượt người dân tham gia các cuộc họp thôn bàn về phòng, "
        "chống mua bán người, gấp 1,5 lần năm 2023.",
        [("participants", 1200, "at_least", "lượt người dân")],
    ),
    (
        "Theo kế hoạch, mỗi xã biên giới tổ chức tối thiểu 04 buổi tuyên truyền mỗi năm, mỗi buổi "
        "không quá 100 người để bảo đảm chất lượng.",
        [("sessions", 4, "at_least", "buổi"), ("participants", 100, "at_most", "người")],
    ),
    (
        "Ban Chỉ đạo tỉnh cấp cho mỗi xã tối đa 05 bộ tài liệu hướng dẫn nghiệp vụ về xác định, "
        "bảo vệ nạn nhân.",
        [("materials", 5, "at_most", "bộ tài liệu")],
    ),
    (
        "Năm 2024, Hội Nông dân huyện Bắc Yên tổ chức mười hai hội nghị tuyên truyền cho khoảng "
        "một nghìn hai trăm hội viên nông dân ở các xã vùng cao.",
        [("meetings", 12, "exact", "hội nghị"), ("participants", 1200, "about", "hội viên")],
    ),
    (
        "Hội Cựu chiến binh huyện phối hợp tổ chức 07 buổi nói chuyện truyền thống kết hợp tuyên "
        "truyền cho 1.050 đoàn viên thanh niên, trong đó 430 nữ.",
        [
            ("sessions", 7, "exact", "buổi"),
            ("participants", 1050, "exact", "đoàn viên"),
            ("participants", 430, "exact", "nữ"),
        ],
    ),
    # Distractors only: symbols, dates, shares, money, articles, telephone numbers, ordinals
    (
        "Thực hiện Quyết định số 193/QĐ-TTg ngày 14/02/2021 của Thủ tướng Chính phủ, UBND tỉnh "
        "ban hành Kế hoạch số 45/KH-UBND ngày 05/3/2021 triển khai giai đoạn 2021 - 2025.",
        [],
    ),
    (
        "Tổng đài quốc gia bảo vệ trẻ em 111 và số điện thoại trực ban 069.2891.255 của Phòng "
        "Cảnh sát hình sự được in trên tất cả tờ rơi phát tại các chợ.",
        [],
    ),
    (
        "Hành vi mua bán người bị xử lý theo Điều 150, 151 Bộ luật Hình sự năm 2015, sửa đổi, bổ "
        "sung năm 2017, với khung hình phạt cao nhất là tù chung thân.",
        [],
    ),
    (
        "Hội nghị Ban Chỉ đạo 138 tỉnh lần thứ 3 được tổ chức ngày 18/10/2024 dưới sự chủ trì của "
        "đồng chí Phó Chủ tịch UBND tỉnh, Trưởng Ban Chỉ đạo.",
        [],
    ),
    (
        "Ban Chỉ đạo huyện cử 01 đoàn công tác gồm 05 cán bộ đi kiểm tra, hướng dẫn tại các xã.",
        [],
    ),
    (
        "UBND huyện khen thưởng 04 tập thể và 09 cá nhân có thành tích xuất sắc trong công tác "
        "phòng, chống mua bán người năm 2024.",
        [],
    ),
    (
        "Hằng năm, tỉnh phấn đấu giảm ít nhất 10% số vụ mua bán người so với năm trước; 100% nạn "
        "nhân được tiếp nhận, hỗ trợ kịp thời.",
        [],
    ),
]


def test_third_held_out_precision_and_recall(capsys):
    assert len(THIRD) >= 80
    precision, recall = score("third held out", THIRD, capsys)
    # A floor against regressions, not the goal: the goal of 0.95 is reported above.
    assert precision >= 0.80
    assert recall >= 0.80
