"""A data-entry workbook of the central member database as another program writes it (openpyxl in ordinary mode,
the way the published tools' templates are made): title rows, a two-row header at rows 6–7 with its merged cells,
grouped address columns, data from row 8, identifiers and dates typed as text. Written here by hand, not with the
app's own layout, so the reader is tested against the format rather than against itself."""

from __future__ import annotations

from pathlib import Path

SINGLE_BEFORE = ["STT", "ID", "Họ và tên *", "Tên gọi khác", "Giới tính *", "Sinh ngày *"]
GROUPS = [("Nơi đăng ký khai sinh", "birth_place"), ("Quê quán", "home_town")]
SINGLE_MIDDLE = ["Dân tộc *", "Tôn giáo *", "Số định danh cá nhân *", "Số thẻ Đảng *", "Nơi cấp thẻ Đảng",
                 "Ngày cấp thẻ Đảng", "Số thẻ Đảng theo QĐ 85", "Tổ chức Đảng sinh hoạt *", "Ngày vào Đảng *",
                 "Ngày chính thức *", "Số CMND cũ"]
SINGLE_AFTER = ["Trạng thái hoạt động *", "Ngày rời/mất/miễn SH", "Đề nghị xóa (Có/Không)", "Kết quả kiểm tra",
                "Chi tiết lỗi"]
PARTS = ["Quốc gia", "Tỉnh/Thành", "Chi tiết"]
# The keys of the columns in order, for the rows below (what each cell means).
KEYS = ["_number", "uid", "full_name", "other_names", "gender", "birth_date",
        "birth_place_country", "birth_place_province", "birth_place_detail",
        "home_town_country", "home_town_province", "home_town_detail",
        "ethnicity", "religion", "cccd", "card_number", "card_issued_place", "card_issued_on", "card_number_qd85",
        "branch", "admission_date", "official_date", "old_id_number",
        "residence_country", "residence_province", "residence_detail",
        "status", "left_on", "delete_proposed", "check_result", "check_details"]


def headers() -> tuple[list, list, list[str]]:
    """(row 6, row 7, merged ranges)."""
    from openpyxl.utils import get_column_letter

    top: list = []
    low: list = []
    merges: list[str] = []

    def single(title: str) -> None:
        top.append(title)
        low.append(None)
        letter = get_column_letter(len(top))
        merges.append(f"{letter}6:{letter}7")

    def group(title: str) -> None:
        start = len(top) + 1
        for index, part in enumerate(PARTS):
            top.append(title if index == 0 else None)
            low.append(part)
        merges.append(f"{get_column_letter(start)}6:{get_column_letter(start + 2)}6")

    for title in SINGLE_BEFORE:
        single(title)
    for title, _key in GROUPS:
        group(title)
    for title in SINGLE_MIDDLE:
        single(title)
    group("Thường trú")
    for title in SINGLE_AFTER:
        single(title)
    return top, low, merges


def write(path: Path, rows: list[dict]) -> Path:
    """*rows*: {key: text}; every cell written as text (number format @), as the tools do."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    ws = wb.active
    ws.title = "DanhSach"
    ws["A1"] = "ĐẢNG BỘ XÃ MƯỜNG ẢNG"
    ws["A2"] = "DANH SÁCH ĐẢNG VIÊN"
    ws["A2"].font = Font(bold=True)
    ws["A3"] = "(Kèm theo Kế hoạch rà soát, làm sạch dữ liệu đảng viên)"
    top, low, merges = headers()
    for col, (a, b) in enumerate(zip(top, low, strict=True), 1):
        ws.cell(row=6, column=col, value=a)
        ws.cell(row=7, column=col, value=b)
    for ref in merges:
        ws.merge_cells(ref)
    for number, row in enumerate(rows, 1):
        for col, key in enumerate(KEYS, 1):
            value = number if key == "_number" else row.get(key)
            cell = ws.cell(row=7 + number, column=col, value=value)
            if key != "_number":
                cell.number_format = "@"
                if isinstance(value, str):
                    cell.data_type = "s"
    wb.save(path)
    return path
