"""The central member database's data-entry workbook (CSDL đảng viên, "file nhập liệu"): its columns as the
published tools lay them out.

One sheet; title rows above; a header of two rows (6 and 7) in which a single column is merged down both rows and
each address is a group merged across its three sub-columns (Quốc gia, Tỉnh/Thành, Chi tiết); data from row 8. The
headers are the central database's own words, in Vietnamese whatever the language of the window: this is a file
format. The keys are the fields of services.interchange.csdl_records.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop_app.interchange.columns import DATE, ID, INTEGER, TEXT, Column

HEADER_ROW = 6  # the group row; the sub-headers are on the next one
DATA_ROW = 8
GROUP_PARTS = (("country", "Quốc gia", 11), ("province", "Tỉnh/Thành", 14), ("detail", "Chi tiết", 32))


@dataclass(frozen=True)
class Group:
    key: str  # the address: home_town, birth_place, residence
    title: str


def _single(key: str, title: str, kind: str = TEXT, width: float = 14, *aliases: str) -> Column:
    return Column(key, title, title, tuple(aliases), kind, width)


def _grouped(address: str, title: str) -> tuple[tuple[Column, Group], ...]:
    group = Group(address, title)
    return tuple((Column(f"{address}_{part}", f"{title}: {sub}", f"{title}: {sub}", (), TEXT, width), group)
                 for part, sub, width in GROUP_PARTS)


# (column, its group or None), in the order the published tools write them.
LAYOUT: tuple[tuple[Column, Group | None], ...] = (
    (_single("_number", "STT", INTEGER, 6), None),
    (_single("uid", "ID", ID, 38), None),
    (_single("full_name", "Họ và tên *", TEXT, 24), None),
    (_single("other_names", "Tên gọi khác", TEXT, 14), None),
    (_single("gender", "Giới tính *", TEXT, 8), None),
    (_single("birth_date", "Sinh ngày *", DATE, 12), None),
    *_grouped("birth_place", "Nơi đăng ký khai sinh"),
    *_grouped("home_town", "Quê quán"),
    (_single("ethnicity", "Dân tộc *", TEXT, 9), None),
    (_single("religion", "Tôn giáo *", TEXT, 10), None),
    (_single("cccd", "Số định danh cá nhân *", ID, 15), None),
    (_single("card_number", "Số thẻ Đảng *", ID, 15), None),
    (_single("card_issued_place", "Nơi cấp thẻ Đảng", TEXT, 18), None),
    (_single("card_issued_on", "Ngày cấp thẻ Đảng", DATE, 12), None),
    (_single("card_number_qd85", "Số thẻ Đảng theo QĐ 85", ID, 15), None),
    (_single("branch", "Tổ chức Đảng sinh hoạt *", TEXT, 26), None),
    (_single("admission_date", "Ngày vào Đảng *", DATE, 12), None),
    (_single("official_date", "Ngày chính thức *", DATE, 12), None),
    (_single("old_id_number", "Số CMND cũ", ID, 13), None),
    *_grouped("residence", "Thường trú"),
    (_single("status", "Trạng thái hoạt động *", TEXT, 16), None),
    (_single("left_on", "Ngày rời/mất/miễn SH", DATE, 12), None),
    (_single("delete_proposed", "Đề nghị xóa", TEXT, 9), None),
    (_single("check_result", "Kết quả kiểm tra", TEXT, 14), None),
    (_single("check_details", "Chi tiết lỗi", TEXT, 60), None),
)
COLUMNS: tuple[Column, ...] = tuple(column for column, _group in LAYOUT)
KEYS = tuple(c.key for c in COLUMNS)
# Spellings of the same columns in other tools' and older versions' workbooks, read on import.
ALIASES: dict[str, tuple[str, ...]] = {
    "_number": ("số thứ tự", "tt"),
    "uid": ("mã", "id đảng viên", "mã đảng viên", "uuid"),
    "full_name": ("họ tên", "họ và tên khai sinh", "họ và tên đảng viên"),
    "other_names": ("tên khác", "bí danh"),
    "birth_date": ("ngày sinh", "ngày tháng năm sinh"),
    "cccd": ("số cccd", "căn cước công dân", "số căn cước", "số định danh", "cccd"),
    "card_number": ("số thẻ đảng viên", "số thẻ"),
    "card_number_qd85": ("số thẻ đảng theo quyết định 85", "số thẻ qđ 85", "số thẻ theo qđ 85"),
    "branch": ("tổ chức đảng", "chi bộ", "chi bộ sinh hoạt", "tổ chức cơ sở đảng sinh hoạt"),
    "admission_date": ("ngày kết nạp", "ngày kết nạp đảng"),
    "official_date": ("ngày công nhận chính thức",),
    "old_id_number": ("số cmnd", "cmnd"),
    "status": ("trạng thái", "tình trạng", "trạng thái sinh hoạt"),
    "left_on": ("ngày rời", "ngày rời sinh hoạt", "ngày rời/mất/miễn sinh hoạt", "ngày rời, mất, miễn sinh hoạt"),
    "delete_proposed": ("đề nghị xóa dữ liệu", "đề nghị xóa tên"),
    "check_result": ("kết quả", "kết quả rà soát"),
    "check_details": ("chi tiết", "lỗi", "mô tả lỗi"),
}
GROUP_ALIASES = {"birth_place": ("nơi khai sinh", "nơi sinh", "nơi đăng ký khai sinh"),
                 "home_town": ("quê quán", "nguyên quán"),
                 "residence": ("thường trú", "nơi thường trú", "địa chỉ thường trú")}
PART_ALIASES = {"country": ("quốc gia", "nước"),
                "province": ("tỉnh/thành", "tỉnh/thành phố", "tỉnh, thành phố", "tỉnh thành", "tỉnh", "thành phố"),
                "detail": ("chi tiết", "địa chỉ chi tiết", "xã, phường, thôn, xóm", "địa chỉ", "xã/phường")}


def reading_columns() -> tuple[Column, ...]:
    """The columns with every spelling the reader recognises (a grouped column as "group: part")."""
    columns = []
    for column in COLUMNS:
        aliases = list(ALIASES.get(column.key, ()))
        address, _sep, part = column.key.rpartition("_")
        if address in GROUP_ALIASES and part in PART_ALIASES:
            aliases += [f"{g}: {p}" for g in GROUP_ALIASES[address] for p in PART_ALIASES[part]]
        columns.append(Column(column.key, column.vi, column.en, tuple(aliases), column.kind, column.width))
    return tuple(columns)


# The columns an import reads into the record; the others (the row number, the checks) are the file's own.
NOT_READ = ("_number", "check_result", "check_details")


def person_spellings(fields: tuple[str, ...]) -> tuple[Column, ...]:
    """The columns of *fields* (a person's) as this layout spells them, for the member import to recognise."""
    return tuple(c for c in reading_columns() if c.key in fields)
