"""How unit names are written: the words naming a unit's level, as names begin ("Thành phố Hà
Nội", "Tỉnh Quảng Ngãi"), longest first where one begins another. Here, below every app that
reads a place out of a name (reporting's phrasing, the directives' indicator of local
documents), so that there is one list."""

LEVEL_WORDS = (
    "Thành phố",
    "Thị xã",
    "Thị trấn",
    "Đặc khu",
    "Tỉnh",
    "Huyện",
    "Quận",
    "Xã",
    "Phường",
)
