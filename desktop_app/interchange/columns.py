"""The columns of the workbooks the app writes and reads, with their Vietnamese and English headers.

The headers are spelled out in both languages here (not left to the catalogs) because they are a
file format: a member list exported in Vietnamese must import in an English session and the other
way round. The importer recognises a header accent- and case-insensitively, ignoring "(…)" notes
and punctuation, by its Vietnamese or English header or one of the aliases secretaries' own lists use.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from desktop_app.core.text import fold

TEXT, ID, DATE, NUMBER, INTEGER = "text", "id", "date", "number", "integer"


@dataclass(frozen=True)
class Column:
    key: str  # the field it holds (services.import_rows.FIELDS), or "_number" for the row number
    vi: str
    en: str
    aliases: tuple[str, ...] = ()
    kind: str = TEXT  # ID cells are text so leading zeros survive; DATE cells are real dates
    width: float = 16

    def header(self, lang: str) -> str:
        return self.vi if lang == "vi" else self.en


NUMBER_COLUMN = Column("_number", "STT", "No.", ("số thứ tự", "tt", "#", "number"), INTEGER, 6)
# The three addresses of the member form, each as the central database keeps it: country, province, the rest.
_ADDRESSES = (("home_town", "Quê quán", "Home town"), ("birth_place", "Nơi đăng ký khai sinh",
                                                        "Place of birth registration"),
              ("residence", "Nơi thường trú", "Permanent residence"))
_PARTS = (("country", "quốc gia", "country", 11), ("province", "tỉnh, thành phố", "province or city", 14),
          ("detail", "xã, phường, thôn, xóm", "commune, village, street", 24))
ADDRESS_COLUMNS: tuple[Column, ...] = tuple(
    Column(f"{key}_{part}", f"{vi}: {part_vi}", f"{en}: {part_en}", (), TEXT, width)
    for key, vi, en in _ADDRESSES for part, part_vi, part_en, width in _PARTS)

PERSON_COLUMNS: tuple[Column, ...] = (
    NUMBER_COLUMN,
    Column("full_name", "Họ và tên", "Full name",
           ("họ tên", "họ và tên đảng viên", "họ và tên khai sinh", "name", "họ và tên quần chúng"), TEXT, 26),
    Column("gender", "Giới tính", "Gender", ("nam/nữ", "nam, nữ", "sex"), TEXT, 9),
    Column("birth_date", "Ngày sinh", "Date of birth",
           ("ngày tháng năm sinh", "sinh ngày", "birth date", "birthday", "dob"), DATE, 12),
    Column("cccd", "Số CCCD", "Citizen ID",
           ("cccd", "căn cước", "căn cước công dân", "số căn cước", "số căn cước công dân", "cmnd/cccd",
            "số cmnd/cccd", "số định danh", "số định danh cá nhân", "citizen id number", "id number", "national id"),
           ID, 15),
    Column("ethnicity", "Dân tộc", "Ethnicity", ("ethnic group",), TEXT, 10),
    Column("religion", "Tôn giáo", "Religion", (), TEXT, 10),
    Column("branch_code", "Mã chi bộ", "Branch code", ("mã cb",), ID, 10),
    Column("branch", "Chi bộ", "Branch", ("tên chi bộ", "branch name", "sinh hoạt tại chi bộ", "chi bộ sinh hoạt"),
           TEXT, 24),
    Column("status", "Trạng thái", "Status", ("tình trạng",), TEXT, 22),
    Column("admission_date", "Ngày vào Đảng", "Admission date",
           ("ngày kết nạp", "ngày kết nạp đảng", "ngày vào đảng cộng sản việt nam", "admission decision date",
            "ngày quyết định kết nạp"), DATE, 13),
    Column("ceremony_date", "Ngày lễ kết nạp", "Ceremony date",
           ("ngày tổ chức lễ kết nạp", "admission ceremony date"), DATE, 13),
    Column("official_date", "Ngày chính thức", "Official date",
           ("ngày công nhận chính thức", "ngày được công nhận đảng viên chính thức", "ngày vào đảng chính thức",
            "ngày trở thành đảng viên chính thức", "official member since"), DATE, 13),
    Column("card_number", "Số thẻ đảng", "Party card number",
           ("số thẻ", "số thẻ đảng viên", "thẻ đảng", "thẻ đảng viên", "card number"), ID, 13),
    Column("joined_branch_date", "Ngày sinh hoạt tại chi bộ", "In this branch since",
           ("ngày chuyển đến", "ngày về sinh hoạt"), DATE, 13),
    Column("phone", "Điện thoại", "Phone", ("số điện thoại", "sđt", "đt", "phone number"), ID, 13),
    Column("education", "Giáo dục phổ thông", "Education",
           ("trình độ học vấn", "học vấn", "trình độ văn hóa", "văn hóa", "trình độ giáo dục phổ thông"), TEXT, 10),
    Column("professional_level", "Chuyên môn, nghiệp vụ", "Professional qualification",
           ("trình độ chuyên môn", "chuyên môn", "trình độ chuyên môn, nghiệp vụ"), TEXT, 16),
    Column("theory_level", "Lý luận chính trị", "Political theory",
           ("trình độ lý luận chính trị", "llct", "lý luận"), TEXT, 12),
    Column("occupation", "Nghề nghiệp", "Occupation", ("nghề",), TEXT, 16),
    Column("workplace", "Nơi làm việc", "Workplace",
           ("đơn vị công tác", "cơ quan", "nơi công tác", "cơ quan công tác", "cơ quan, đơn vị"), TEXT, 20),
    Column("position", "Chức vụ", "Position", ("chức danh", "chức vụ chính quyền"), TEXT, 16),
    Column("youth_union", "Đoàn viên", "Youth Union member", ("đoàn viên thanh niên", "đoàn tncs"), TEXT, 9),
    Column("trade_union", "Công đoàn viên", "Trade Union member", ("công đoàn",), TEXT, 9),
    Column("categories", "Đối tượng", "Categories", ("thành phần", "phân loại", "category"), TEXT, 26),
    Column("note", "Ghi chú", "Note", ("notes", "remarks"), TEXT, 24),
    # The member form's record and the central database's fields.
    Column("other_names", "Tên gọi khác", "Other names", ("bí danh", "tên khác"), TEXT, 16),
    Column("old_id_number", "Số CMND cũ", "Old ID card number",
           ("cmnd", "số cmnd", "chứng minh nhân dân", "số chứng minh nhân dân", "old id number"), ID, 14),
    Column("foreign_language", "Ngoại ngữ", "Foreign language", ("trình độ ngoại ngữ",), TEXT, 14),
    Column("it_level", "Tin học", "IT level", ("trình độ tin học",), TEXT, 14),
    Column("card_issued_on", "Ngày cấp thẻ đảng", "Card issued on", ("ngày cấp thẻ", "ngày cấp thẻ đảng viên"),
           DATE, 13),
    Column("card_issued_place", "Nơi cấp thẻ đảng", "Card issued by", ("nơi cấp thẻ", "cơ quan cấp thẻ"), TEXT, 18),
    Column("card_number_qd85", "Số thẻ đảng theo Quyết định 85", "Card number under Decision 85",
           ("số thẻ đảng qđ 85", "số thẻ qđ85", "số thẻ theo qđ 85"), ID, 16),
    *ADDRESS_COLUMNS,
    Column("residence_contact", "Chi bộ nơi cư trú", "Residence branch",
           ("tổ chức đảng nơi cư trú", "nơi cư trú sinh hoạt"), TEXT, 24),
    Column("awards", "Khen thưởng", "Awards", ("danh hiệu, khen thưởng",), TEXT, 30),
)
# Each address written as one line, as older lists keep it: read on import (split into its parts), not exported.
LINE_COLUMNS: tuple[Column, ...] = (
    Column("birth_place", "Nơi đăng ký khai sinh", "Place of birth registration",
           ("nơi sinh", "place of birth", "nơi khai sinh"), TEXT, 20),
    Column("home_town", "Quê quán", "Home town", ("quê", "nguyên quán"), TEXT, 20),
    Column("residence", "Nơi thường trú", "Permanent residence",
           ("nơi ở", "nơi ở hiện nay", "nơi cư trú", "chỗ ở hiện nay", "địa chỉ", "thường trú", "address",
            "residence"), TEXT, 24),
)
IMPORTED_COLUMNS = PERSON_COLUMNS + LINE_COLUMNS
# An applicant may already have the admission decision; the ceremony makes them a probationary member.
_PARTY_ONLY = {"ceremony_date", "official_date", "card_number", "card_issued_on", "card_issued_place",
               "card_number_qd85", "awards"}
MEMBER_COLUMNS = PERSON_COLUMNS
CANDIDATE_COLUMNS = tuple(c for c in PERSON_COLUMNS if c.key not in _PARTY_ONLY)

MEETING_COLUMNS: tuple[Column, ...] = (
    NUMBER_COLUMN,
    Column("branch_code", "Mã chi bộ", "Branch code", (), ID, 10),
    Column("branch", "Chi bộ", "Branch", (), TEXT, 24),
    Column("date", "Ngày họp", "Date", (), DATE, 12),
    Column("kind", "Loại sinh hoạt", "Kind of meeting", (), TEXT, 16),
    Column("start_time", "Bắt đầu", "Start", (), ID, 8),
    Column("end_time", "Kết thúc", "End", (), ID, 8),
    Column("place", "Địa điểm", "Place", (), TEXT, 20),
    Column("chair", "Chủ trì", "Chair", (), TEXT, 22),
    Column("secretary", "Thư ký", "Secretary", (), TEXT, 22),
    Column("theme", "Chuyên đề", "Theme", (), TEXT, 24),
    Column("status", "Biên bản", "Minutes", (), TEXT, 13),
    Column("expected", "Tổng số", "On the list", (), INTEGER, 9),
    Column("present", "Có mặt", "Present", (), INTEGER, 9),
    Column("excused", "Vắng có lý do", "Absent with reason", (), INTEGER, 10),
    Column("unexcused", "Vắng không lý do", "Absent without reason", (), INTEGER, 10),
    Column("fees_collected", "Đảng phí thu (đồng)", "Party fees collected (đồng)", (), NUMBER, 14),
)
ATTENDANCE_COLUMNS: tuple[Column, ...] = (
    NUMBER_COLUMN,
    Column("date", "Ngày họp", "Date", (), DATE, 12),
    Column("branch_code", "Mã chi bộ", "Branch code", (), ID, 10),
    Column("branch", "Chi bộ", "Branch", (), TEXT, 24),
    Column("full_name", "Họ và tên", "Full name", (), TEXT, 26),
    Column("member_status", "Tư cách", "Membership", (), TEXT, 20),
    Column("status", "Điểm danh", "Attendance", (), TEXT, 20),
    Column("reason", "Lý do", "Reason", (), TEXT, 30),
)
# The Party fees workbook (export fees): the months of each branch, the payments, what is still owed.
FEE_MONTH_COLUMNS: tuple[Column, ...] = (
    NUMBER_COLUMN,
    Column("branch_code", "Mã chi bộ", "Branch code", (), ID, 10),
    Column("branch", "Chi bộ", "Branch", (), TEXT, 26),
    Column("month", "Tháng", "Month", (), ID, 9),
    Column("members", "Số đảng viên", "Members", (), INTEGER, 10),
    Column("due", "Phải thu của tháng (đồng)", "Due for the month (đồng)", (), NUMBER, 14),
    Column("paid", "Đã thu của tháng (đồng)", "Paid for the month (đồng)", (), NUMBER, 14),
    Column("collected", "Tổng thu trong tháng (đồng)", "Collected in the month (đồng)", (), NUMBER, 14),
    Column("unitemised", "Trong đó thu chung (đồng)", "Of which not per member (đồng)", (), NUMBER, 14),
    Column("percent", "Tỷ lệ nộp cấp trên (%)", "Share remitted (%)", (), INTEGER, 10),
    Column("remitted", "Nộp cấp trên (đồng)", "Remitted upward (đồng)", (), NUMBER, 14),
    Column("kept", "Chi bộ để lại (đồng)", "Kept by the branch (đồng)", (), NUMBER, 14),
    Column("owing", "Số đảng viên còn nợ", "Members owing", (), INTEGER, 10),
)
FEE_PAYMENT_COLUMNS: tuple[Column, ...] = (
    NUMBER_COLUMN,
    Column("branch_code", "Mã chi bộ", "Branch code", (), ID, 10),
    Column("branch", "Chi bộ", "Branch", (), TEXT, 26),
    Column("full_name", "Họ và tên", "Full name", (), TEXT, 26),
    Column("month", "Đóng cho tháng", "For the month", (), ID, 9),
    Column("amount", "Số tiền (đồng)", "Amount (đồng)", (), NUMBER, 13),
    Column("paid_on", "Ngày nộp", "Received on", (), DATE, 12),
    Column("meeting", "Tại cuộc họp ngày", "At the meeting of", (), DATE, 12),
    Column("note", "Ghi chú", "Note", (), TEXT, 30),
)
FEE_OWED_COLUMNS: tuple[Column, ...] = (
    NUMBER_COLUMN,
    Column("branch_code", "Mã chi bộ", "Branch code", (), ID, 10),
    Column("branch", "Chi bộ", "Branch", (), TEXT, 26),
    Column("full_name", "Họ và tên", "Full name", (), TEXT, 26),
    Column("count", "Số tháng còn nợ", "Months owed", (), INTEGER, 9),
    Column("months", "Các tháng", "Months", (), TEXT, 40),
    Column("amount", "Số tiền còn nợ (đồng)", "Amount owed (đồng)", (), NUMBER, 14),
)
ROW_COLUMN = Column("_row", "Dòng", "Row", (), INTEGER, 7)
PROBLEMS_COLUMN = Column("_problems", "Lỗi", "Problems", ("problem", "errors"), TEXT, 60)

_NOTES = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_PUNCTUATION = re.compile(r"[^\w/#]+")


def header_key(text: object) -> str:
    """A header reduced for matching: 'Họ và tên (*):' → 'ho va ten'."""
    if text is None:
        return ""
    cleaned = _NOTES.sub(" ", fold(str(text)))
    return " ".join(_PUNCTUATION.sub(" ", cleaned).split())


def _spellings(column: Column) -> list[str]:
    return [header_key(s) for s in (column.vi, column.en, *column.aliases)]


def guess_mapping(headers: list[object], columns: tuple[Column, ...] = PERSON_COLUMNS) -> dict[int, str]:
    """{column index: field key} for the headers it recognises; a field is taken by the first header
    naming it. Only whole names count: "Ngày sinh hoạt đảng" must not pass for "Ngày sinh"."""
    names = {s: c.key for c in columns for s in _spellings(c) if s}
    mapping: dict[int, str] = {}
    for index, header in enumerate(headers):
        field = names.get(header_key(header))
        if field and field not in mapping.values():
            mapping[index] = field
    return mapping


def column_for(key: str, columns: tuple[Column, ...] = PERSON_COLUMNS) -> Column | None:
    return next((c for c in columns if c.key == key), None)
