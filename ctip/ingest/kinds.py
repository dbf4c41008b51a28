"""What a figure counts: a small registry of kinds, each with the Vietnamese classifier nouns
(danh từ chỉ đơn vị) officials write after a number.

A figure is a number followed directly by one of these nouns ("45 buổi", "1.200 tờ rơi"). Nouns
of one kind may be listed together as one unit ("tin, bài, phóng sự", "băng rôn, khẩu hiệu");
the longest match wins, so "tin nhắn" is an SMS and "tin" a news item. Nouns are written in
lower case with the new tone placement ("tọa đàm"); the text is normalised the same way before
matching (ctip.ingest.text).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

# People a session reaches; "lượt" before one of them counts attendances ("3.000 lượt người").
PERSON_NOUNS = (
    "người",
    "người dân",
    "học sinh",
    "sinh viên",
    "giáo viên",
    "cán bộ",
    "chiến sĩ",
    "cán bộ, chiến sĩ",
    "cán bộ, công chức",
    "phụ nữ",
    "trẻ em",
    "thanh niên",
    "đoàn viên",
    "hội viên",
    # Young Pioneers ("đội viên") and women of a village met as "chị em" are people reached.
    "đội viên",
    "chị em",
    "chị em phụ nữ",
    "thiếu nữ",
    "bé gái",
    "đoàn viên, hội viên",
    "hội viên, phụ nữ",
    "đại biểu",
    "học viên",
    "người lao động",
    "công nhân",
    "ngư dân",
    "nông dân",
    # People by sex or age alone, as a part of a count ("52 nạn nhân, trong đó 31 nữ, 09 trẻ
    # em") or the object of a verb ("đang đưa 03 cô gái"); "em" and "cháu" are children.
    "nữ",
    "nam giới",
    "em",
    "cháu",
    "cô gái",
    # Members of a team or club ("56 tổ truyền thông với 392 thành viên"); members of a
    # committee or a working group are staff (STAFF_BODIES).
    "thành viên",
    # A village's notables and people by their trade, met or trained ("22 già làng, trưởng
    # thôn", "750 hướng dẫn viên").
    "già làng",
    "trưởng thôn",
    "trưởng bản",
    "hướng dẫn viên",
    "nhân viên",
    "thuyền viên",
    # "nam" as "nữ": a part by sex ("19 nạn nhân, có 12 nam, 07 nữ").
    "nam",
    # Parents, contestants, a village's heads and office holders, the court's and the procuracy's
    # officers, public servants and villagers, met or trained as the audience.
    "phụ huynh",
    "phụ huynh học sinh",
    "cha mẹ",
    "cha mẹ học sinh",
    "thí sinh",
    "chi hội trưởng",
    "chi hội phó",
    "tổ trưởng",
    "tổ phó",
    "tổ trưởng tổ dân phố",
    "trưởng ấp",
    "trưởng khu phố",
    "bí thư chi bộ",
    "thẩm phán",
    "hội thẩm",
    "hội thẩm nhân dân",
    "thư ký",
    "kiểm sát viên",
    "điều tra viên",
    "thẩm tra viên",
    "luật sư",
    "hòa giải viên",
    "báo cáo viên",
    "giảng viên",
    "công chức",
    "viên chức",
    "đảng viên",
    "cựu chiến binh",
    "dân quân",
    "người có uy tín",
    "chức sắc",
    "người cao tuổi",
    "bà con",
    # The people of an ethnic group met in their villages ("26.380 lượt đồng bào").
    "đồng bào",
    "quần chúng",
    # A witness who tells of what happened to them ("03 nhân chứng là nạn nhân trở về").
    "nhân chứng",
    # An audience of a show or a film and the delegates sent to a meeting ("1.800 khán giả",
    # "09 đại diện các sở, ngành"), and girls by their age ("06 em gái").
    "khán giả",
    "người xem",
    "đại diện",
    "em gái",
    "em trai",
    # A woman already spoken of ("43 phụ nữ là nạn nhân ...; giới thiệu 11 chị vay vốn"):
    # extract._children_of names her again as those counted before her.
    "chị",
    # Prisoners and recruits taught the law in a prison or a barracks, trainees of a course.
    "phạm nhân",
    "tân binh",
    "trại viên",
    "người học",
    # Students in their first year, fishermen's wives met as an audience ("160 vợ ngư dân").
    "tân sinh viên",
    "vợ",
)


# Places of lodging and entertainment counted as establishments when inspected, as "doanh nghiệp"
# ("kiểm tra việc quản lý lưu trú của 12 nhà nghỉ, homestay"; not "tuyên truyền tại 08 khách
# sạn": where an event took place).
LODGING_NOUNS = (
    "nhà nghỉ",
    "nhà trọ",
    "khách sạn",
    "homestay",
    "quán karaoke",
    "karaoke",
    "cơ sở massage",
    "quán bar",
    "vũ trường",
)


@dataclass(frozen=True)
class Kind:
    code: str
    label: str | Promise
    # Nouns that may follow the number; several of them may be listed with "," or "và".
    nouns: tuple[str, ...]
    # Whether nouns of the kind may be listed together ("tin, bài, phóng sự").
    listed: bool = False


KINDS: tuple[Kind, ...] = (
    # "cuộc truyền thông" (a communication session) is a session, not a meeting (a bare "cuộc").
    Kind(
        "sessions",
        _("Buổi tuyên truyền"),
        (
            "buổi",
            "buổi giao lưu",
            "cuộc giao lưu",
            "lần tuyên truyền",
            "lượt tuyên truyền",
            "cuộc tuyên truyền",
            "lượt truyền thông",
            "cuộc truyền thông",
            # Talks given in person, each with people present ("642 hoạt động tuyên truyền trực
            # tiếp"); a bare "hoạt động" may be any work, and no session.
            "hoạt động tuyên truyền trực tiếp",
            # Counselling given in person ("14 buổi tư vấn", "08 cuộc tư vấn"): not a meeting.
            "buổi tư vấn",
            "cuộc tư vấn",
        ),
    ),
    Kind(
        "participants",
        _("Lượt người tham dự"),
        ("lượt", *PERSON_NOUNS, *(f"lượt {p}" for p in PERSON_NOUNS)),
        listed=True,
    ),
    Kind(
        "media_items",
        _("Tin, bài, phóng sự"),
        (
            "tin",
            "bài",
            "bài viết",
            "tin bài",
            "phóng sự",
            "bản tin",
            "video",
            "clip",
            "video clip",
            "đoạn video",
            "đoạn clip",
            "phim",
            "phim ngắn",
            "bộ phim",
            "bài báo",
            "tin ảnh",
            "phóng sự ảnh",
            "ký sự",
            "podcast",
            "emagazine",
            "e-magazine",
            # A programme's regular column ("04 chuyên mục") and a picture with figures.
            "chuyên mục",
            "infographic",
            # Items broadcast or posted, each time counted ("520 lượt tin, bài").
            "lượt tin",
            "lượt bài",
            "lượt tin bài",
            "lượt phóng sự",
            # Issues of a periodical or episodes of a programme ("phát hành 06 số bản tin"); a
            # bare "số" only where a periodical is named before it (extract._not_counted).
            "số",
            # "kỳ": an issue of a column or a periodical named before it ("chuyên mục ... hằng
            # tuần, 9 tháng đăng tải 39 kỳ"), as a bare "số".
            "kỳ",
            "số báo",
            "số bản tin",
            "số tạp chí",
            "số đặc san",
            "số chuyên san",
            "số tập san",
            "đoạn phim",
            "bức ảnh",
        ),
        listed=True,
    ),
    Kind(
        "leaflets",
        _("Tờ rơi, tờ gấp"),
        ("tờ rơi", "tờ rời", "tờ gấp", "tập gấp", "tờ bướm", "tờ dán", "tờ"),
        listed=True,
    ),
    Kind(
        "materials",
        _("Tài liệu, ấn phẩm"),
        (
            "cuốn",
            "cuốn sổ tay",
            "quyển",
            "quyển sách",
            "quyển sổ tay",
            "quyển cẩm nang",
            "sổ tay",
            "cẩm nang",
            "cuốn cẩm nang",
            "sách",
            "cuốn sách",
            "sách mỏng",
            "ấn phẩm",
            "tài liệu",
            "bộ tài liệu",
            "bản tài liệu",
            "đĩa",
            # A flip chart a facilitator shows a village ("200 bộ tranh lật").
            "tranh lật",
            "bộ tranh lật",
        ),
        listed=True,
    ),
    Kind(
        "banners",
        _("Băng rôn, khẩu hiệu, pa nô"),
        (
            "băng rôn",
            "băng-rôn",
            "băng zôn",
            "băng rôn khẩu hiệu",
            "khẩu hiệu",
            "pa nô",
            "pa-nô",
            "pano",
            "panô",
            "pa-no",
            "áp phích",
            "poster",
            "băng giôn",
            "banner",
            "cờ phướn",
            "biển",
            "biển báo",
            "biển cảnh báo",
            "biển tuyên truyền",
            "bảng tuyên truyền",
            "tranh cổ động",
            "tranh tuyên truyền",
            # Counted by the set or the sheet: "120 cụm pa nô", "40 tấm băng rôn".
            *(
                f"{measure} {noun}"
                for measure in ("cụm", "tấm", "bộ")
                for noun in (
                    "pa nô",
                    "pa-nô",
                    "pano",
                    "panô",
                    "pa-no",
                    "băng rôn",
                    "băng-rôn",
                    "áp phích",
                    "biển",
                    "biển tuyên truyền",
                    "biển cảnh báo",
                    "bảng tuyên truyền",
                )
            ),
            "phướn",
            # Posters by the sheet ("2.000 tờ áp phích": not leaflets) and pictures by the piece.
            *(
                f"{measure} {noun}"
                for measure in ("tờ", "bức")
                for noun in ("áp phích", "poster", "tranh cổ động", "tranh tuyên truyền")
            ),
        ),
        listed=True,
    ),
    Kind(
        "broadcasts",
        _("Lượt phát sóng"),
        (
            "lượt phát sóng",
            "lượt phát thanh",
            "lượt phát",
            "lượt truyền thanh",
            "buổi truyền thanh",
            "chương trình truyền thanh",
            "buổi phát thanh",
            "buổi phát sóng",
            "chương trình",
            "chương trình phát thanh",
            "chương trình truyền hình",
            # Aired live on a page: no one is present, as on a programme ("05 buổi livestream").
            "buổi livestream",
            "buổi phát trực tiếp",
            "buổi phát sóng trực tiếp",
        ),
    ),
    Kind(
        "meetings",
        _("Hội nghị, cuộc họp"),
        (
            "hội nghị",
            "cuộc họp",
            "cuộc",
            "hội thảo",
            "tọa đàm",
            "buổi tọa đàm",
            "cuộc tọa đàm",
            "buổi hội thảo",
            "cuộc hội thảo",
            "diễn đàn",
            "buổi đối thoại",
            "cuộc đối thoại",
            "phiên họp",
            "buổi họp",
            # Meetings between agencies: "02 buổi giao ban", "03 buổi hội đàm", "01 buổi làm việc".
            "buổi giao ban",
            "cuộc giao ban",
            "buổi hội đàm",
            "buổi làm việc",
            "buổi gặp mặt",
            "cuộc gặp",
            "cuộc gặp mặt",
            "buổi họp dân",
            "cuộc họp dân",
        ),
        listed=True,
    ),
    Kind(
        "trainings",
        _("Lớp tập huấn"),
        (
            "lớp",
            "lớp tập huấn",
            "lớp bồi dưỡng",
            "hội nghị tập huấn",
            "buổi tập huấn",
            "đợt tập huấn",
            "buổi bồi dưỡng",
            "đợt bồi dưỡng",
            "lớp đào tạo",
            "khóa tập huấn",
            "khóa bồi dưỡng",
            "khóa đào tạo",
            "khóa học",
        ),
    ),
    Kind(
        "events",
        _("Lễ mít tinh, ra quân"),
        (
            "lễ mít tinh",
            "buổi mít tinh",
            "cuộc mít tinh",
            "lễ ra quân",
            "lễ phát động",
            "buổi ra quân",
            "mít tinh",
            "lễ mít-tinh",
            "buổi mít-tinh",
            "cuộc mít-tinh",
            "lễ ra mắt",
            "lễ hưởng ứng",
            "ngày hội",
            "cuộc diễu hành",
            "buổi diễu hành",
            "hội trại",
            # A job fair, where workers meet employers and recruiters are vetted.
            "phiên giao dịch việc làm",
            "phiên giao dịch",
            "hội chợ việc làm",
            "sàn giao dịch việc làm",
        ),
        listed=True,
    ),
    Kind(
        "contests",
        _("Cuộc thi, hội thi"),
        ("cuộc thi", "hội thi", "hội diễn", "liên hoan"),
        listed=True,
    ),
    Kind(
        "skits",
        _("Tiểu phẩm"),
        ("tiểu phẩm", "vở kịch", "kịch", "vở diễn", "tiết mục", "tiết mục văn nghệ"),
        listed=True,
    ),
    Kind("hours", _("Giờ"), ("giờ", "giờ phát sóng")),
    # A bare "đợt" is a campaign only when launched or named as one (CAMPAIGN_VERBS,
    # CAMPAIGN_AFTER): "tiếp nhận 2 đợt" are batches of people handed over.
    Kind("campaigns", _("Đợt cao điểm, chiến dịch"), ("đợt", "đợt cao điểm", "chiến dịch")),
    Kind("cases", _("Vụ"), ("vụ", "vụ án", "vụ việc")),
    Kind(
        "suspects", _("Đối tượng, bị can, bị cáo"), ("đối tượng", "bị can", "bị cáo"), listed=True
    ),
    # "bị hại" is the procedural word for a victim ("làm rõ 07 bị hại").
    # "lượt nạn nhân": victims counted each time taken in ("nuôi dưỡng 09 lượt nạn nhân").
    Kind(
        "victims",
        _("Nạn nhân"),
        ("nạn nhân", "bị hại", "người bị hại", "lượt nạn nhân", "lượt bị hại"),
    ),
    # Since the reorganisation of 2025 the units are also named by their level ("102 đơn vị
    # hành chính cấp xã").
    Kind(
        "communes",
        _("Xã, phường, thị trấn"),
        ("xã", "phường", "thị trấn", "đặc khu", "đơn vị hành chính cấp xã"),
        listed=True,
    ),
    Kind(
        "districts",
        _("Huyện, thị xã, thành phố"),
        ("huyện", "thị xã", "thành phố", "quận", "đơn vị hành chính cấp huyện"),
        listed=True,
    ),
    Kind(
        "villages",
        _("Thôn, tổ dân phố"),
        # "bản" is the village of the northern uplands ("21 bản vùng biên"); a copy of a paper
        # ("bản cam kết") is in COMPOUNDS.
        (
            "thôn",
            "làng",
            "tổ dân phố",
            # A ward's hamlet in the Mekong Delta ("Phường có 14 khóm").
            "khóm",
            "khu dân cư",
            "khu phố",
            "ấp",
            "xóm",
            "bản",
            "bản làng",
            "buôn",
            "bon",
            "phum",
            "sóc",
        ),
        listed=True,
    ),
    # "điểm trường": a school's satellite site, where the pupils of a village are taught.
    # A vocational and continuing-education centre teaches pupils as a school does ("6 trung tâm
    # GDNN-GDTX"); not a "trung tâm y tế".
    Kind(
        "schools",
        _("Trường học"),
        (
            "trường",
            "trường học",
            "điểm trường",
            "cơ sở giáo dục",
            "trung tâm gdnn-gdtx",
            "trung tâm gdnn - gdtx",
            "trung tâm gdtx",
            "trung tâm giáo dục thường xuyên",
            "trung tâm giáo dục nghề nghiệp - giáo dục thường xuyên",
        ),
    ),
    Kind("households", _("Hộ gia đình"), ("hộ", "hộ gia đình", "hộ dân", "lượt hộ")),
    # "lượt cơ sở" counts establishments visited, as "lượt phương tiện" counts vehicles.
    Kind(
        "establishments",
        _("Cơ sở"),
        (
            "cơ sở",
            "cơ sở kinh doanh",
            "doanh nghiệp",
            "lượt cơ sở",
            "lượt cơ sở kinh doanh",
            *LODGING_NOUNS,
        ),
        listed=True,
    ),
    Kind(
        "inspections",
        _("Cuộc kiểm tra"),
        (
            "cuộc kiểm tra",
            "cuộc thanh tra",
            "đợt kiểm tra",
            "lượt kiểm tra",
            "lần kiểm tra",
            "cuộc thanh tra, kiểm tra",
            "cuộc kiểm tra, thanh tra",
            "đoàn kiểm tra",
            "đoàn thanh tra",
            "đợt thanh tra",
            "lượt thanh tra",
            "cuộc giám sát",
            "đợt giám sát",
            "cuộc kiểm tra, giám sát",
            "cuộc thanh, kiểm tra",
            "đợt thanh, kiểm tra",
            "đợt kiểm tra, giám sát",
        ),
    ),
    Kind("sms", _("Tin nhắn"), ("tin nhắn", "tin nhắn sms", "lượt tin nhắn")),
    Kind(
        "volunteers",
        _("Tình nguyện viên, cộng tác viên"),
        (
            "tình nguyện viên",
            "cộng tác viên",
            "tuyên truyền viên",
            # Counted each time they served ("150 lượt tuyên truyền viên": not "lượt tuyên
            # truyền", sessions).
            "lượt tình nguyện viên",
            "lượt cộng tác viên",
            "lượt tuyên truyền viên",
        ),
        listed=True,
    ),
    Kind("teams", _("Đội, tổ, nhóm"), ("đội", "tổ", "nhóm", "tổ tự quản"), listed=True),
    Kind("clubs", _("Câu lạc bộ"), ("câu lạc bộ", "clb")),
    # "Địa chỉ tin cậy" (a trusted address in the community, where a woman at risk can turn) is
    # the Women's Union's model, counted as such ("42 “Địa chỉ tin cậy”").
    Kind("models", _("Mô hình"), ("mô hình", "địa chỉ tin cậy")),
    Kind("calls", _("Cuộc gọi"), ("cuộc gọi", "lượt gọi", "cuộc điện thoại", "lượt cuộc gọi")),
    Kind(
        "vehicles",
        _("Lượt phương tiện"),
        (
            "phương tiện",
            "lượt phương tiện",
            "tàu thuyền",
            "lượt tàu thuyền",
            "tàu cá",
            "lượt tàu cá",
            "tàu",
            "lượt tàu",
            "thuyền",
            "xe",
            "lượt xe",
            "xe khách",
            "ô tô",
            "xe ô tô",
            "lượt ô tô",
            "xe máy",
            "mô tô",
        ),
        listed=True,
    ),
    Kind("lessons", _("Tiết học"), ("tiết", "tiết học")),
    Kind(
        "documents",
        _("Văn bản chỉ đạo"),
        (
            "văn bản",
            "kế hoạch",
            "công văn",
            "quyết định",
            "chỉ thị",
            "hướng dẫn",
            # Letters to another state's authorities and urgent orders ("gửi 04 công thư").
            "công thư",
            "công hàm",
            "công điện",
            "thư",
            "thư ngỏ",
            "thông báo",
            "nghị quyết",
            "đề án",
            "phương án",
            "tờ trình",
            "báo cáo",
            "chương trình hành động",
        ),
        listed=True,
    ),
    # "ca": a case a hotline or a social worker handles ("05 ca can thiệp"), as "trường hợp".
    Kind("instances", _("Trường hợp"), ("trường hợp", "lượt trường hợp", "ca")),
    Kind(
        "views",
        _("Lượt xem, lượt tiếp cận"),
        # Not "lượt chia sẻ": shares are what others did with an item, as the held-out sets say.
        # Nor "lượt tương tác": likes, comments and shares, what others did with it.
        ("lượt xem", "lượt truy cập", "lượt tiếp cận", "lượt nghe"),
        listed=True,
    ),
)

BY_CODE = {k.code: k for k in KINDS}

# A person noun counts victims or suspects, not participants, after one of these verbs (looked
# for among the few words before the number, within its clause).
VICTIM_VERBS = (
    "giải cứu",
    "tiếp nhận",
    "xác minh",
    "xác định",
    "giải thoát",
    "đưa về",
    "vận chuyển",
    "lừa bán",
    "lừa đưa",
    "mua bán",
)
SUSPECT_VERBS = ("bắt", "bắt giữ", "khởi tố", "truy tố", "xét xử", "truy nã", "đầu thú", "xử lý")
# A person noun counts victims when people who are counted as suspects in its clause move them
# ("02 đối tượng ... đang dẫn 01 trẻ em"): the verbs of leading, carrying and luring.
MOVING_VERBS = ("dẫn", "dẫn dắt", "đưa", "chở", "dụ dỗ", "lôi kéo", "lừa", "lừa gạt")
# People carried by a vehicle, with no suspects named, are its passengers: no figure of the work
# ("02 xe ô tô khách chở 31 người"); not "đưa", which is also the agency's own bringing home.
CARRYING_VERBS = ("chở", "chuyên chở")
# The nouns of victims and of suspects, as the group a later person noun belongs to ("Trong số
# nạn nhân trở về, 06 người ...", "Số bị hại năm 2024 là 12 người").
VICTIM_NOUNS = ("nạn nhân", "bị hại", "người bị hại")
SUSPECT_NOUNS = ("đối tượng", "bị can", "bị cáo")
# People checked at a post or screened are no people reached ("kiểm tra, kiểm soát 412.000 lượt
# người"), nor are people named by a state after the noun, unless the work was for them (as
# staff): people at risk or under watch ("2.418 người có nguy cơ cao được quản lý") and people
# crossing a border ("09 người xuất cảnh trái phép").
CONTROL_VERBS = ("kiểm tra", "kiểm soát", "rà soát", "sàng lọc")
# People let through or stopped at a border ("không cho xuất cảnh 09 người") cross it, no people
# reached; not "trường hợp", a matter the post handles.
CROSSING_VERBS = ("xuất cảnh", "nhập cảnh", "xuất nhập cảnh", "xuất, nhập cảnh")
# A ring or a trafficker leads or carries people as suspects do ("đường dây đã đưa 46 người").
RING_NOUNS = ("đường dây", "ổ nhóm", "kẻ buôn người")
POPULATION_AFTER = (
    "có nguy cơ",
    "được quản lý",
    "được theo dõi",
    "thuộc diện",
    "xuất cảnh",
    "nhập cảnh",
    "xuất nhập cảnh",
    "xuất, nhập cảnh",
    "vượt biên",
    "di cư",
    # People living unlawfully abroad or working away ("21 người cư trú bất hợp pháp", "03 người
    # đi làm ăn xa").
    "cư trú bất hợp pháp",
    "cư trú trái phép",
    "lưu trú bất hợp pháp",
    "lưu trú trái phép",
    "ở lại bất hợp pháp",
    "ở lại trái phép",
    "đi làm ăn",
    # People intending or showing signs of leaving ("11 người có biểu hiện xuất cảnh trái phép",
    # "27 phụ nữ có ý định sang Trung Quốc làm thuê"), working abroad or out of touch ("186
    # người đang làm việc ở nước ngoài", "17 người mất liên lạc với gia đình"): a population.
    "có biểu hiện",
    "có ý định",
    "có ý muốn",
    "có nhu cầu đi",
    "đang lao động ở nước ngoài",
    "đang lao động tại nước ngoài",
    "đang làm việc ở nước ngoài",
    "đang làm việc tại nước ngoài",
    "đang ở nước ngoài",
    "lao động ở nước ngoài",
    "làm việc ở nước ngoài",
    "lao động tại nước ngoài",
    "làm việc tại nước ngoài",
    "mất liên lạc",
    # Away from home, out of touch, out of school or married abroad ("09 người vắng mặt dài ngày
    # tại địa phương", "06 phụ nữ chưa liên lạc được", "37 học sinh bỏ học", "213 phụ nữ lấy
    # chồng Trung Quốc", "312 người là lao động tự do"): a population no work reached.
    "vắng mặt",
    "đi khỏi địa phương",
    "bỏ đi khỏi địa phương",
    "chưa liên lạc được",
    "không liên lạc được",
    "chưa rõ tung tích",
    "không rõ tung tích",
    "bỏ học",
    "lấy chồng",
    "kết hôn với người nước ngoài",
    "đăng ký kết hôn",
    # People who moved in from elsewhere ("3,5 triệu người nhập cư"): a population.
    "nhập cư",
    "là lao động",
    "đi theo diện",
    # Witnesses heard in a procedure ("lấy lời khai 06 người làm chứng").
    "làm chứng",
    "chứng kiến",
)
# People harmed otherwise than by trafficking ("03 phụ nữ bị bạo lực gia đình đến tạm lánh") are
# neither its victims nor an audience, whatever verb takes them in.
OTHER_HARM_AFTER = ("bị bạo lực", "bị bạo hành", "bị ngược đãi")
# A bare "lớp" is a training only when held ("mở 02 lớp") or named as one ("lớp dạy nghề"); "giờ
# sinh hoạt của 32 lớp" are the classes of a school.
# Classes attended are held too ("76 cán bộ đã học 02 lớp về sơ cứu tâm lý").
TRAINING_VERBS = (
    "mở",
    # A verb of training before its classes: "tập huấn 03 lớp quản lý ca".
    "tập huấn",
    "bồi dưỡng",
    "huấn luyện",
    "tổ chức",
    "khai giảng",
    "tiến hành",
    "đã học",
    "được học",
    "theo học",
    "tham gia",
    "tham dự",
)
# A training split into classes: "tập huấn ... cho 74 học viên, chia thành 02 lớp" (the verb
# counts as held only when a word of training stands before it in the sentence).
# "qua 03 lớp", "gồm 02 lớp" after a training word: the classes it was given in.
SPLIT_VERBS = ("chia thành", "chia làm", "chia ra", "qua", "gồm")
TRAINING_WORDS = ("tập huấn", "bồi dưỡng", "đào tạo", "huấn luyện", "dạy nghề", "học nghề")
TRAINING_AFTER = (
    "tập huấn",
    "bồi dưỡng",
    "dạy",
    "đào tạo",
    "học nghề",
    "huấn luyện",
    "kỹ năng",
    "nghiệp vụ",
    "xóa mù",
    "truyền thông",
)
# A bare "đợt" is a campaign only when launched ("mở 2 đợt", "tổ chức 02 đợt") or named as one
# ("02 đợt ra quân", "3 đợt truy quét"); "tiếp nhận 2 đợt" are batches of people handed over.
CAMPAIGN_VERBS = ("mở", "tổ chức", "phát động", "triển khai", "thực hiện", "tiến hành", "ra quân")
CAMPAIGN_AFTER = ("ra quân", "tấn công", "truy quét", "tuyên truyền", "vận động", "cao điểm")
# A bare "lượt" (times) counts what the last of these verbs in its phrase does: "phát thanh ...
# 120 lượt" are broadcasts, "tuyên truyền 30 lượt" sessions, "kiểm tra 15 lượt" inspections.
BARE_LUOT_VERBS = (
    ("broadcasts", ("phát thanh", "phát sóng", "tiếp sóng", "phát lại", "tiếp âm")),
    ("sessions", ("tuyên truyền",)),
    ("inspections", ("kiểm tra", "thanh tra")),
    # A page visited: "đã được truy cập 215.000 lượt" are views.
    ("views", ("truy cập",)),
)
# A bare "bản" after a verb of printing counts copies, not villages ("in 2.000 bản").
# "lập thành 03 bản": a paper drawn up in copies.
PRINT_VERBS = (
    "in",
    "in ấn",
    "phát hành",
    "tái bản",
    "photo",
    "sao",
    "sao chụp",
    "cấp phát",
    "lập thành",
    "làm thành",
)
# "quyết định" before a step of a procedure is that step, not a document of direction ("06 quyết
# định khởi tố bị can").
PROCEDURAL_AFTER = (
    "khởi tố",
    "không khởi tố",
    "truy tố",
    "tạm giữ",
    "tạm giam",
    "phê chuẩn",
    "xử phạt",
    "áp dụng",
    "đình chỉ",
    "tạm đình chỉ",
    "trưng cầu",
    "truy nã",
    "trả tự do",
    "thi hành",
    "xử lý",
    "đưa",
)
# A verb's reach ends at these words: the number after them is who the work was for ("tuyên
# truyền về phòng, chống mua bán người cho 1.120 học sinh"), not the verb's object.
AUDIENCE_WORDS = ("cho", "với")
# A person noun counts staff assigned, not people reached, after these verbs ("bố trí 01 cán
# bộ") or before these words ("cán bộ chuyên trách"); staff are no figure of the work.
# Not "tăng cường" as a verb: "tăng cường tuyên truyền tới 200 người" are people reached.
# "trưng tập": staff seconded from elsewhere ("trưng tập thêm 02 cán bộ").
STAFF_VERBS = ("bố trí", "phân công", "điều động", "biệt phái", "trưng tập")
# Staff sent out to do the work themselves, counted in turns too ("cử 186 lượt cán bộ, chiến sĩ
# xuống các tàu cá"): the verbs that send them, before a verb of going.
SENDING_VERBS = ("cử", "huy động", "phái")
# "tăng cường" after the people: sent to reinforce ("26 cán bộ, chiến sĩ tăng cường về các xã");
# "trực": on duty ("01 cán bộ trực 24/24 giờ"; not "trực tiếp", "trực tuyến").
STAFF_AFTER = (
    "chuyên trách",
    "bán chuyên trách",
    "kiêm nhiệm",
    "phụ trách",
    "đầu mối",
    "tăng cường",
    "biệt phái",
    "trực",
    "thường trực",
    "túc trực",
)
# Facilities of care: their staff and their own sites ("..., có 02 cơ sở") are no figure.
CARE_FACILITIES = (
    "cơ sở trợ giúp xã hội",
    "cơ sở bảo trợ xã hội",
    "trung tâm công tác xã hội",
    "trung tâm bảo trợ xã hội",
    "nhà tạm lánh",
)
# The people a committee or a working group is made of are its staff, not people reached ("01
# đoàn công tác gồm 05 cán bộ", "Ban Chỉ đạo gồm 21 thành viên").
STAFF_BODIES = (
    "đoàn công tác",
    "tổ công tác",
    "đoàn kiểm tra",
    "tổ kiểm tra",
    "đoàn liên ngành",
    "tổ liên ngành",
    "đoàn giám sát",
    "tổ giúp việc",
    "ban chỉ đạo",
    "ban điều hành",
    # A facility of care has its staff ("Cơ sở trợ giúp xã hội chỉ có 06 nhân viên").
    *CARE_FACILITIES,
)
# Printed or posted things taken down or seized are no material of the work ("bóc gỡ 23 tờ
# quảng cáo tuyển lao động", "gỡ bỏ 12 bài viết").
REMOVAL_VERBS = (
    "bóc",
    "gỡ",
    "bóc gỡ",
    "gỡ bỏ",
    "tháo gỡ",
    "tháo dỡ",
    "thu giữ",
    "thu hồi",
    "tiêu hủy",
    "xóa",
    "xóa bỏ",
)
# Posts and papers found or reported are others' ("phát hiện, báo cáo 124 bài đăng tuyển dụng
# có dấu hiệu lừa đảo"), not the agency's media.
FOUND_VERBS = ("phát hiện", "báo cáo", "tố giác")
REMOVABLE_KINDS = frozenset({"leaflets", "materials", "banners", "media_items"})
# "nhóm" before a platform's name is a group on a network, not a team ("lập 09 nhóm Zalo").
ONLINE_AFTER = (
    "zalo",
    "facebook",
    "telegram",
    "viber",
    "messenger",
    "tiktok",
    "chat",
    "kín",
    "trên mạng",
    "mạng xã hội",
)
# "doanh nghiệp" names an organisation; it counts establishments (places of business) only as
# the object of an inspection ("kiểm tra 09 doanh nghiệp"), not as where an event took place
# ("tuyên truyền tại 09 doanh nghiệp").
INSPECTION_VERBS = (
    "kiểm tra",
    "thanh tra",
    "kiểm soát",
    "rà soát",
    "xử phạt",
    "phát hiện",
    "đình chỉ",
    "xử lý",
)
# A bare "tin" is a tip-off, not a news item, after a verb that handles reports ("giải quyết 03
# tin") or in a sentence that speaks of tip-offs before it ("tin báo", "tố giác").
REPORT_VERBS = ("giải quyết", "thụ lý", "xác minh", "tiếp nhận", "phân loại")
# Verbs that verify or identify: they make "trường hợp" victims only when no other group is
# named right after it ("xác minh 43 trường hợp công dân gặp khó khăn": citizens' matters).
CHECKING_VERBS = ("xác minh", "xác định")
# The care of people taken in: after victims counted in its sentence, "người" cared for are
# those victims ("tiếp nhận 29 nạn nhân ...; chăm sóc ban đầu 17 người").
CARE_VERBS = ("chăm sóc", "nuôi dưỡng", "hỗ trợ", "trợ giúp", "tư vấn tâm lý", "tạm lánh")
# A periodical or programme named before a bare "số" makes it an issue ("Podcast ... có 12 số").
PERIODICAL_WORDS = (
    "podcast",
    "bản tin",
    "tạp chí",
    "đặc san",
    "chuyên san",
    "tập san",
    "chuyên mục",
    "chuyên trang",
    "tờ báo",
    "báo in",
    "báo điện tử",
    "báo ảnh",
    "phụ san",
)


# A classifier noun followed by one of these words is the first syllable of another word
# ("tổ chức", "xã hội", "đội ngũ", "hộ chiếu"), not a unit.
COMPOUNDS = frozenset(
    {
        "tổ chức",
        "tổ quốc",
        "tổ hợp",
        "tổ tiên",
        "đội ngũ",
        "xã hội",
        "xã viên",
        "phường hội",
        "hộ chiếu",
        "hộ khẩu",
        "hộ tịch",
        "hộ lý",
        "cuộc sống",
        "cuộc đời",
        "cuộc chiến",
        "cuộc vận",
        "giờ đây",
        "giờ giấc",
        "tin tưởng",
        "tin học",
        "tin cậy",
        # "tin báo" (a tip-off), "tin, tài liệu" (intelligence exchanged): not news items.
        "tin báo",
        "tin, tài",
        "bài học",
        "bài trừ",
        "bài bản",
        # Contest entries and pupils' work are not items published: "3.874 bài dự thi".
        "bài dự",
        "bài thi",
        "bài thu",
        "bài tập",
        # A patrol round is no campaign ("04 đợt tuần tra", as "lượt tuần tra").
        "đợt tuần",
        # "bản" before the name of a paper is a copy of it, not a village.
        "bản cam",
        "bản án",
        "bản đồ",
        "bản sao",
        "bản thân",
        "bản ghi",
        "bản hương",
        "bản quy",
        "bản kế",
        "bản báo",
        "bản hợp",
        "bản thỏa",
        "bản đăng",
        "bản khai",
        "bản tường",
        "bản kiểm",
        "bản cáo",
        "bản nhận",
        "bản tự",
        "bản dịch",
        "bản in",
        "bản gốc",
        "bản chính",
        "bản chất",
        "bản sắc",
        "bản lĩnh",
        "bản quyền",
        "bản địa",
        "bản hướng",
        "bản đề",
        "buôn bán",
        "buổi sáng",
        "buổi chiều",
        "buổi tối",
        "buổi trưa",
        "lớp người",
        "tờ trình",
        "tờ khai",
        "vụ trưởng",
        "người ta",
        "sở vật",
        "sở dữ",
        "sở pháp",
        "sở hạ",
        # "cơ sở" ends in "sở": "cơ sở vật chất", and facilities of care, treatment, teaching or
        # worship, no places of business ("02 cơ sở trợ giúp xã hội sẵn sàng tiếp nhận").
        "sở trợ",
        "sở bảo",
        "sở cai",
        "sở chăm",
        "sở nuôi",
        "sở công",
        "sở y",
        "sở giáo",
        "sở đào",
        "sở tôn",
        "sở thờ",
        # "ca" is a case handled only alone: a song, a shift, a singer, a boat are other words.
        "ca khúc",
        "ca trực",
        "ca sĩ",
        "ca dao",
        "ca nô",
        "ca múa",
        "ca nhạc",
        "ca kịch",
        "ca kíp",
        "ca làm",
        "ca đêm",
        "ca ngày",
        "ca sáng",
        "ca chiều",
        "ca tối",
        "ca từ",
        "ca ngợi",
        # A case of illness, a birth or an operation: no person counted by the work.
        "ca mắc",
        "ca bệnh",
        "ca nhiễm",
        "ca tử",
        "ca sinh",
        "ca phẫu",
        "ca cấp",
        # "CA xã": the commune's Police (Công an), abbreviated.
        "ca xã",
        "ca huyện",
        "ca tỉnh",
        "ca phường",
        "ca thị",
        "thư viện",
        "thư mục",
        "biển số",
        "biển hiệu",
        # The sea, not a sign ("12 biển đảo" is no phrase of signs).
        "biển đảo",
        "biển đông",
        "biển khơi",
        "biển cả",
        "sách nhiễu",
        # Notebooks given to pupils are a gift, no material on trafficking ("300 cuốn vở").
        "cuốn vở",
        "quyển vở",
        # A stage show ("01 chương trình nghệ thuật", "chương trình văn nghệ") is no broadcast.
        "trình nghệ",
        "trình văn",
        # "kỳ" before what it names is no issue: a council's sitting, a term, a period.
        "kỳ họp",
        "kỳ thi",
        "kỳ nghỉ",
        "kỳ hạn",
        "kỳ báo",
        # A legal-aid, mediation or civil matter is no criminal case ("16 vụ việc trợ giúp pháp
        # lý", "22 vụ việc hòa giải").
        "việc trợ",
        "việc tư",
        "việc hòa",
        "việc dân",
        "việc hôn",
        "việc lao",
        # An online forum is where posts appear, no meeting ("05 diễn đàn mạng xã hội").
        "đàn mạng",
        "đàn trực",
        "đàn điện",
        # "số" before what it numbers is no issue of a periodical.
        "số liệu",
        "số lượng",
        "số điện",
        "số hiệu",
        "số tiền",
        "số người",
        "số vụ",
        # Likes, comments, interactions and shares are what others did with an item, no views.
        "lượt tương",
        "lượt thích",
        "lượt bình",
        "lượt chia",
        # A programme's groups of tasks or measures, no team ("08 nhóm nhiệm vụ").
        "nhóm nhiệm",
        "nhóm giải",
        # A married couple ("02 vợ chồng") is no audience of wives.
        "vợ chồng",
    }
)
# A bare "lượt" counts attendances only before one of these words ("3.000 lượt tham gia");
# "1.352 lượt phương tiện" is not people.
BARE_LUOT_NEXT = frozenset({"tham", "dự", "được", "nghe", "người"})
# "em" and "cháu" alone are the children a sentence speaks of: after victims or suspects
# counted before them, they name those again ("tiếp nhận 03 trẻ em ..., bàn giao 02 em").
CHILD_NOUNS = frozenset({"em", "cháu"})
# A bare "chị" is a woman already spoken of, never a public met: after victims counted before
# her anywhere in her sentence, she is one of them ("43 phụ nữ là nạn nhân ...; giới thiệu 11
# chị vay vốn").
SISTER_NOUNS = frozenset({"chị"})
# A hotline receives calls and the cases they tell of ("Tổng đài 111 tiếp nhận 19 ca"), not
# people: "tiếp nhận" after it makes no victims.
HOTLINE_WORDS = ("tổng đài", "đường dây nóng", "đường dây tư vấn")
# Speakers by their trade, who talk to the audience ("mời 215 báo cáo viên ... nói chuyện cho
# học sinh"): no people reached, unless the work was for them.
SPEAKER_NOUNS = ("báo cáo viên", "giảng viên")
SPEAKING_VERBS = ("nói chuyện", "trình bày", "thuyết trình", "truyền đạt", "giảng")
# Kinds whose nouns name people: a verb before the number may make them victims or suspects.
PERSON_KINDS = frozenset({"participants", "instances"})


def label(code: str) -> str:
    return str(BY_CODE[code].label)
