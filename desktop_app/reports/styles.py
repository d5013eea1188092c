"""Paragraph styles of a Party document, sized from the layout settings (HD36 type sizes)."""

from __future__ import annotations

from dataclasses import dataclass, field

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm

from desktop_app.reports import fonts
from desktop_app.reports.layout_settings import LayoutSettings


@dataclass
class Styles:
    """Paragraph styles of one document, sized from the settings."""

    s: LayoutSettings
    family: str = fonts.FAMILY
    made: dict[str, ParagraphStyle] = field(default_factory=dict)

    def __post_init__(self) -> None:
        s, lead = self.s, self.s.line_spacing

        def style(name: str, size: float, font: str = fonts.REGULAR, align=TA_LEFT, **kw) -> None:
            self.made[name] = ParagraphStyle(name, fontName=font, fontSize=size, leading=size * lead,
                                             alignment=align, **kw)

        style("header", s.header_size, align=TA_CENTER)
        style("header_bold", s.header_size, fonts.BOLD, TA_CENTER)
        style("dateline", s.header_size, fonts.ITALIC, TA_CENTER)
        style("letter_summary", 12, fonts.ITALIC, TA_CENTER)
        style("title", s.title_size, fonts.BOLD, TA_CENTER, spaceBefore=s.title_size * 1.2)
        style("summary", s.summary_size, fonts.BOLD, TA_CENTER)
        style("separator", s.summary_size, fonts.REGULAR, TA_CENTER, spaceAfter=s.body_size * 0.6)
        style("body", s.body_size, align=TA_JUSTIFY, firstLineIndent=10 * mm, spaceAfter=s.body_size * 0.3)
        style("plain", s.body_size, align=TA_JUSTIFY, spaceAfter=s.body_size * 0.3)
        style("item", s.body_size, align=TA_JUSTIFY, leftIndent=10 * mm, firstLineIndent=-5 * mm,
              spaceAfter=s.body_size * 0.2)
        style("section", s.body_size, fonts.BOLD, TA_LEFT, spaceBefore=s.body_size * 0.6,
              spaceAfter=s.body_size * 0.3, keepWithNext=1)
        style("subsection", s.body_size, fonts.BOLD_ITALIC, TA_LEFT, spaceBefore=s.body_size * 0.3,
              spaceAfter=s.body_size * 0.2, keepWithNext=1)
        style("note", s.body_size, fonts.ITALIC, TA_JUSTIFY, spaceAfter=s.body_size * 0.3)
        style("cell_head", s.table_size, fonts.BOLD, TA_CENTER)
        style("cell_head_small", s.table_size - 2, fonts.BOLD, TA_CENTER)  # many narrow columns
        style("cell_group", s.table_size, fonts.BOLD, TA_LEFT)
        style("recipients_label", s.body_size, fonts.BOLD_ITALIC, TA_LEFT)
        style("recipient", s.recipients_size, align=TA_LEFT)
        style("sig", s.body_size, fonts.BOLD, TA_CENTER)
        style("sig_name", s.body_size, fonts.BOLD, TA_CENTER)

    def __getitem__(self, name: str) -> ParagraphStyle:
        return self.made[name]
