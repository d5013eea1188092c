"""Coded values as workbooks show them, in Vietnamese and English, and reading them back.

Spreadsheets exchanged between branches carry labels ("Đảng viên chính thức", "Nữ"), not codes.
The labels are spelled out here in both languages rather than left to the catalogs: they are a
file format the importer must recognise whatever language the app runs in. English labels are the
enums' msgids; anything the user typed is matched accent- and case-insensitively (core.text.fold),
against the code, both labels, the label of the current catalog and a few common abbreviations.
"""

from __future__ import annotations

import re

from desktop_app.core.enums import (
    AttendanceStatus,
    Category,
    Gender,
    MeetingKind,
    MeetingStatus,
    Status,
    TheoryLevel,
)
from desktop_app.core.text import fold
from desktop_app.i18n import _

# code -> (Vietnamese label, extra accepted spellings)
_VI: dict[str, dict[str, tuple[str, tuple[str, ...]]]] = {
    "gender": {
        "male": ("Nam", ("m", "trai")),
        "female": ("Nữ", ("f", "nu", "gái")),
    },
    "status": {
        Status.PROSPECT: ("Quần chúng ưu tú", ("quần chúng", "qcut", "nguồn")),
        Status.SYMPATHISER: ("Cảm tình Đảng", ("đối tượng cảm tình Đảng", "đối tượng Đảng", "ctđ", "cảm tình")),
        Status.APPLICANT: ("Người xin vào Đảng", ("xin vào Đảng", "đang làm hồ sơ", "đang làm hồ sơ kết nạp")),
        Status.PROBATIONARY: ("Đảng viên dự bị", ("dự bị", "đvdb")),
        Status.OFFICIAL: ("Đảng viên chính thức", ("chính thức", "đvct")),
        Status.EXEMPT: ("Miễn công tác và sinh hoạt đảng", ("miễn sinh hoạt", "miễn công tác, sinh hoạt đảng",
                                                             "miễn công tác và sinh hoạt")),
        Status.TRANSFERRED: ("Đã chuyển sinh hoạt đi", ("chuyển sinh hoạt", "chuyển đi")),
        Status.STRUCK_OFF: ("Đã xóa tên", ("xóa tên", "xoá tên")),
        Status.DECEASED: ("Từ trần", ("đã mất", "qua đời")),
        Status.DROPPED: ("Đưa ra khỏi danh sách", ("thôi theo dõi",)),
    },
    "category": {
        "civil_servant": ("Cán bộ, công chức, viên chức", ("cán bộ", "công chức", "viên chức", "cbccvc")),
        "worker": ("Công nhân", ()),
        "farmer": ("Nông dân", ()),
        "student": ("Học sinh, sinh viên", ("học sinh", "sinh viên", "hssv")),
        "non_state_enterprise": ("Doanh nghiệp ngoài nhà nước", ("doanh nghiệp ngoài khu vực nhà nước",
                                                                 "doanh nghiệp tư nhân")),
        "armed_forces": ("Lực lượng vũ trang", ("llvt", "quân đội", "công an")),
        "veteran": ("Quân nhân xuất ngũ", ("xuất ngũ", "bộ đội xuất ngũ")),
        "private_business": ("Chủ doanh nghiệp tư nhân", ("chủ doanh nghiệp",)),
        "retired": ("Hưu trí", ("nghỉ hưu", "cán bộ hưu trí")),
    },
    "theory_level": {
        "": ("", ("chưa", "chưa qua đào tạo", "không")),
        "basic": ("Sơ cấp", ()),
        "intermediate": ("Trung cấp", ()),
        "advanced": ("Cao cấp", ()),
        "bachelor": ("Cử nhân", ("cử nhân chính trị",)),
    },
    "meeting_kind": {
        MeetingKind.REGULAR: ("Thường kỳ", ()),
        MeetingKind.THEMATIC: ("Chuyên đề", ()),
        MeetingKind.COMBINED: ("Thường kỳ kết hợp chuyên đề", ()),
        MeetingKind.EXTRAORDINARY: ("Bất thường", ()),
    },
    "meeting_status": {
        MeetingStatus.DRAFT: ("Dự thảo", ()),
        MeetingStatus.ADOPTED: ("Đã thông qua", ()),
    },
    "attendance": {
        AttendanceStatus.PRESENT: ("Có mặt", ()),
        AttendanceStatus.EXCUSED: ("Vắng có lý do", ()),
        AttendanceStatus.UNEXCUSED: ("Vắng không lý do", ()),
        AttendanceStatus.EXEMPT: ("Miễn sinh hoạt", ()),
        AttendanceStatus.ELSEWHERE: ("Sinh hoạt tạm thời nơi khác", ()),
        AttendanceStatus.GUEST: ("Khách, sinh hoạt tạm thời", ()),
    },
}
_ENUMS = {"gender": Gender, "status": Status, "category": Category, "theory_level": TheoryLevel,
          "meeting_kind": MeetingKind, "meeting_status": MeetingStatus, "attendance": AttendanceStatus}

YES = {"co", "x", "1", "yes", "y", "true", "dung", "v"}
NO = {"", "khong", "0", "no", "n", "false", "-"}
_SEPARATORS = re.compile(r"[;,\n]")


def label(kind: str, code: str | None, lang: str) -> str:
    """The label of *code* in *lang* ("vi" or "en"); an unknown code is shown as it is."""
    if not code:
        return ""
    if lang == "vi" and code in _VI[kind]:
        return _VI[kind][code][0]
    for value, msgid in _ENUMS[kind].ITEMS:
        if value == code:
            return msgid if lang == "en" else _(msgid)
    return code


def labels(kind: str, lang: str) -> list[str]:
    """Every label of *kind* in *lang*, in display order (for instructions and drop-down lists)."""
    return [label(kind, code, lang) for code in _ENUMS[kind].codes() if code]


def _lookup(kind: str) -> dict[str, str]:
    """folded spelling -> code, for every accepted spelling of every code of *kind*."""
    table: dict[str, str] = {}
    for code, msgid in _ENUMS[kind].ITEMS:
        vi, extra = _VI[kind].get(code, ("", ()))
        for spelling in (code, msgid, _(msgid), vi, *extra):
            key = fold(spelling)
            if key or not code:
                table.setdefault(key, code)
    return table


_CACHE: dict[tuple[str, str], dict[str, str]] = {}


def _table(kind: str) -> dict[str, str]:
    from desktop_app.i18n import current_language

    key = (kind, current_language())
    if key not in _CACHE:
        _CACHE[key] = _lookup(kind)
    return _CACHE[key]


def code_for(kind: str, text: object) -> str | None:
    """The code a cell means ("Nữ", "nu", "female" → "female"); None when nothing matches."""
    key = fold(str(text)) if text is not None else ""
    table = _table(kind)
    if key in table:
        return table[key]
    if kind == "theory_level":  # "Trung cấp lý luận chính trị", "Cao cấp LLCT"
        for spelling, code in sorted(table.items(), key=lambda item: -len(item[0])):
            if spelling and len(spelling) > 3 and re.search(rf"\b{re.escape(spelling)}\b", key):
                return code
    return None


def categories_for(text: object) -> tuple[list[str], list[str]]:
    """(codes, unknown pieces) of a categories cell: labels or codes separated by ';', ',' or new lines.

    Labels may themselves contain commas ("Cán bộ, công chức, viên chức"), so consecutive pieces
    are joined back whenever together they spell a label, longest first.
    """
    pieces = [p.strip() for p in _SEPARATORS.split(str(text or "")) if p.strip()]
    table = _table("category")
    codes: list[str] = []
    unknown: list[str] = []
    i = 0
    while i < len(pieces):
        for j in range(len(pieces), i, -1):
            code = table.get(fold(", ".join(pieces[i:j])))
            if code:
                if code not in codes:
                    codes.append(code)
                i = j
                break
        else:
            unknown.append(pieces[i])
            i += 1
    return codes, unknown


def flag_for(value: object) -> bool | None:
    """True/False for a yes/no cell ("Có", "x", 1, "Không", empty); None when it is neither."""
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)) and value in (0, 1):
        return bool(value)
    key = fold(str(value)) if value is not None else ""
    if key in YES:
        return True
    if key in NO:
        return False
    return None


def flag_label(value: bool, lang: str) -> str:
    return ("Có" if lang == "vi" else "Yes") if value else ""
