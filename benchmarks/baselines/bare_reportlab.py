"""Baseline: a minimal reportlab document of one table with an embedded TTF, written to argv[1]."""

import sys
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import SimpleDocTemplate, Table

font = str(Path(__file__).resolve().parents[2] / "resources" / "fonts" / "LiberationSerif-Regular.ttf")
pdfmetrics.registerFont(TTFont("Serif", font))
rows = [["STT", "Họ và tên", "Ngày sinh", "Trạng thái"]] + [
    [str(i), f"Nguyễn Văn Người {i}", "01/01/1990", "Đảng viên chính thức"] for i in range(1, 31)]
table = Table(rows)
table.setStyle([("FONT", (0, 0), (-1, -1), "Serif", 11)])
SimpleDocTemplate(sys.argv[1], pagesize=A4).build([table])
