"""The layout of a Party document (Hướng dẫn 36-HD/VPTW, 03/4/2018), shared by every report.

Page 1 opens with the two header columns: on the left the body directly above (14, upper case),
the issuing body (14, bold, upper case) with an asterisk centred beneath, then the number and
symbol; on the right "ĐẢNG CỘNG SẢN VIỆT NAM" (15, bold) over a solid rule of the same length,
then the place and date in italics, on the line of the number. Then the document type (bold,
upper case), the summary (bold) and "-----", the body, and at the end the recipients on the
left and the signature on the right ("T/M CHI BỘ" / "BÍ THƯ" / room to sign / the name).
Pages after the first carry their number, top centre. A4; margins and sizes: layout_settings.

reportlab is imported here, never by ``desktop_app.reports`` itself, so the app starts without it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from desktop_app import i18n
from desktop_app.reports import fonts
from desktop_app.reports.common import atomic_output, markup, nfc, upper
from desktop_app.reports.flowables import RuledHeading, WritingLines
from desktop_app.reports.layout_settings import LayoutSettings
from desktop_app.reports.layout_settings import load as load_settings
from desktop_app.reports.pagination import MIN_ROWS, PartyTable, TableBlock
from desktop_app.reports.styles import Styles

PRODUCER = "Sổ Chi bộ"


@dataclass(frozen=True)
class Heading:
    """The header of page 1 (HD36 boxes 1–4)."""

    superior: str  # the body directly above (line 1)
    issuer: str  # the issuing body (line 2)
    place: str
    date: dt.date
    number: str | None = None  # "Số 01-BC/CB"; None prints no number line
    letter_summary: str = ""  # summary of an official letter (công văn), under the number
    form_code: str = ""  # "Mẫu 6-KNĐ", printed at the top right of page 1


@dataclass(frozen=True)
class Signature:
    """One signature block (HD36 box 7): authority ("T/M CHI BỘ"), title ("BÍ THƯ") and name."""

    title: str
    name: str = ""
    authority: str = ""


class PartyDocument:
    """One Party document: build the story with the helpers, then ``build()``."""

    def __init__(self, heading: Heading, *, title: str, summary: str = "", pdf_title: str = "",
                 settings: LayoutSettings | None = None, words=None, wide: bool = False):
        """*wide*: A4 landscape, for lists of many columns (the member register)."""
        fonts.register_fonts()
        from desktop_app.reports.vocabulary import Words

        self.settings = settings or load_settings()
        self.words = words or Words()
        self.styles = Styles(self.settings)
        self.heading = heading
        self.pdf_title = nfc(pdf_title or " ".join(p for p in (title, summary) if p))
        s = self.settings
        self.pagesize = landscape(A4) if wide else A4
        self.frame_width = self.pagesize[0] - (s.margin_left_mm + s.margin_right_mm) * mm
        self.frame_height = self.pagesize[1] - (s.margin_top_mm + s.margin_bottom_mm) * mm
        self.story: list[Flowable] = []
        self._header()
        self.paragraph(upper(title), "title")
        if summary:
            self.paragraph(summary, "summary")
        self.paragraph("-----", "separator")

    # ---- building blocks -----------------------------------------------------------------

    def paragraph(self, text: str, style: str = "body", *, raw: bool = False) -> Paragraph:
        """Add one paragraph; *text* is escaped unless *raw* (markup written by the report itself)."""
        para = Paragraph(nfc(text) if raw else markup(text), self.styles[style])
        self.story.append(para)
        return para

    def labelled(self, label: str, text: str, style: str = "plain") -> None:
        """'Label: text' with the label in bold."""
        self.paragraph(f"<b>{markup(label)}</b> {markup(text)}", style, raw=True)

    def section(self, text: str) -> None:
        self.paragraph(text, "section")

    def spacer(self, height_mm: float) -> None:
        self.story.append(Spacer(1, height_mm * mm))

    def writing_lines(self, count: int) -> None:
        self.story.append(WritingLines(count, self.settings.body_size * self.settings.line_spacing * 1.2))

    def add(self, flowable: Flowable) -> None:
        self.story.append(flowable)

    def keep_together(self, count: int) -> None:
        """The last *count* flowables added stay on one page (a vote and its result), with the headings just
        above them (reportlab keeps a heading with the paragraph after it, not with a block)."""
        if count < 1 or len(self.story) < count:
            return
        first = len(self.story) - count
        while first > 0 and isinstance(self.story[first - 1], Paragraph) and self.story[first - 1].getKeepWithNext():
            first -= 1
            self.story[first].keepWithNext = 0
        if len(self.story) - first > 1:
            self.story[first:] = [KeepTogether(self.story[first:])]

    def table(self, header: Sequence[str], rows: Sequence[Sequence[object]], weights: Sequence[float], *,
              wrap: Sequence[int] = (), center: Sequence[int] = (), right: Sequence[int] = (),
              group_rows: Sequence[int] = (), bold_rows: Sequence[int] = (), row_height_mm: float | None = None,
              spans: Sequence[tuple[int, int, int]] = (), caption: str = "", small_header: bool = False) -> Table:
        """A ruled table with a repeated header row. Cells of the *wrap* columns are broken into lines
        to fit their column (plain strings, not paragraphs: a thousand-row list stays fast); *group_rows*
        (indexes into *rows*) span the whole width as bold sub-headings; *spans* merge the cells of
        column c from row a to row b (indexes into *rows*), for a value shared by consecutive rows.
        *small_header* sets the header two points smaller, for tables of many narrow columns.
        A *caption* (a branch's name in a list of every branch) is a first row across the table, repeated
        with the header on each page the table runs onto."""
        st = self.styles
        size = self.settings.table_size
        head_style = st["cell_head_small" if small_header else "cell_head"]
        wrap_set, group_set, bold_set = set(wrap), set(group_rows), set(bold_rows)
        widths = self._column_widths(header, rows, weights, head_style.fontSize, wrap_set, group_set)
        head = [Paragraph(markup(h), head_style) for h in header]
        data: list[list[object]] = [head]
        top = 1  # rows above the body: the header, and the caption when there is one
        if caption:
            data.insert(0, [Paragraph(markup(caption), st["cell_group"])] + [""] * (len(header) - 1))
            top = 2
        for index, row in enumerate(rows):
            if index in group_set:
                data.append([Paragraph(markup(row[0]), st["cell_group"])] + [""] * (len(header) - 1))
                continue
            font = fonts.BOLD if index in bold_set else fonts.REGULAR
            cells: list[object] = []
            for col, value in enumerate(row):
                text = nfc(value)
                if col in wrap_set and text:
                    text = "\n".join(simpleSplit(text, font, size, widths[col] - 6.5) or [text])
                cells.append(text)
            data.append(cells)
        commands: list[tuple] = [
            ("FONT", (0, 0), (-1, -1), fonts.REGULAR, size, size * 1.2),
            ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("TOPPADDING", (0, 0), (-1, -1), 2.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3.5),
            ("LEFTPADDING", (0, 0), (-1, -1), 3),
            ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ]
        if caption:
            commands.append(("SPAN", (0, 0), (-1, 0)))
        for col in center:
            commands.append(("ALIGN", (col, top), (col, -1), "CENTER"))
        for col in right:
            commands.append(("ALIGN", (col, top), (col, -1), "RIGHT"))
        for index in group_set:
            commands.append(("SPAN", (0, index + top), (-1, index + top)))
        for col, first, last in spans:
            commands.append(("SPAN", (col, first + top), (col, last + top)))
        for index in bold_rows:
            commands.append(("FONT", (0, index + top), (-1, index + top), fonts.BOLD, size, size * 1.2))
        heights = None
        if row_height_mm:
            heights = [None] * top + [row_height_mm * mm] * len(rows)
        for index in group_set:  # a sub-heading row never ends a page: it stays with the rows it heads
            last = min(index + MIN_ROWS, len(rows) - 1)
            if last > index:
                commands.append(("NOSPLIT", (0, index + top), (-1, last + top)))
        table = PartyTable(data, colWidths=widths, rowHeights=heights, repeatRows=top, hAlign="CENTER",
                           spaceBefore=3, spaceAfter=6)
        table.setStyle(TableStyle(commands))
        lead = self._lead()
        self.story.append(TableBlock(table, lead=lead) if lead else table)
        return table

    def _column_widths(self, header: Sequence[str], rows: Sequence[Sequence[object]], weights: Sequence[float],
                       head_size: float, wrap: set[int], groups: set[int]) -> list[float]:
        """Widths in proportion to *weights*, widened where a heading word, a cell that does not wrap or a word
        of a cell that does would not fit (nothing breaks inside a word, "Admitt-ed", or runs into the next
        column, as a date would), at the expense of the wider columns."""
        total = float(sum(weights))
        widths = [self.frame_width * w / total for w in weights]
        pad, size = 6.5, self.settings.table_size
        needed = [max((stringWidth(word, fonts.BOLD, head_size) for word in nfc(h).split()), default=0) + pad
                  for h in header]
        longest: dict[tuple[int, str], float] = {}
        for index, row in enumerate(rows):
            if index in groups:
                continue
            for col, value in enumerate(row):
                if col >= len(needed):
                    continue
                for part in (nfc(value).split() if col in wrap else [nfc(value)]):
                    key = (col, part)
                    if key not in longest:
                        longest[key] = stringWidth(part, fonts.BOLD, size) + pad
                        needed[col] = max(needed[col], longest[key])
        short = sum(max(n - w, 0) for n, w in zip(needed, widths, strict=True))
        slack = sum(max(w - n, 0) for n, w in zip(needed, widths, strict=True))
        if short <= 0 or slack < short:
            return widths  # nothing to widen, or no room to do it: the weights stand
        return [n if n >= w else w - (w - n) * short / slack for n, w in zip(needed, widths, strict=True)]

    def _lead(self) -> list[Flowable]:
        """The last paragraph of the story and the headings above it, taken off the story: they introduce the
        table that follows (and stay with its first rows, see pagination), or end the document with the
        signature."""
        lead: list[Flowable] = []
        while self.story and isinstance(self.story[-1], Paragraph) and (
                not lead or self.story[-1].getKeepWithNext()):
            lead.insert(0, self.story.pop())
        for para in lead:
            para.keepWithNext = 0  # else reportlab keeps them with the whole table
        return lead

    def closing(self, *, signatures: Sequence[Signature], recipients: Sequence[str] = ()) -> None:
        """The end of the document: recipients (bottom left) and signatures (bottom right).

        Without recipients, two signatures sit side by side (minutes: recording secretary left, chair
        right); a further one goes on the right beneath them. Titles line up at the top and names at
        the bottom, with the same room to sign in every block."""
        sigs: list[Signature | None] = list(signatures)
        pairs: list[tuple[object, Signature | None]] = []
        if recipients:
            pairs.append(("recipients", sigs.pop(0) if sigs else None))
        while sigs:
            pairs.append((None, sigs.pop(0)) if len(sigs) == 1 else (sigs.pop(0), sigs.pop(0)))
        half = self.frame_width / 2
        rows: list[list[object]] = []
        heights: list[float | None] = []
        commands: list[tuple] = [
            ("FONT", (0, 0), (-1, -1), fonts.REGULAR, self.settings.body_size),  # else Table sets Helvetica
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
        ]
        for left, right in pairs:
            first = len(rows)
            cells = [self._recipients(recipients) if left == "recipients" else self._titles(left),
                     self._titles(right)]
            rows += [cells, ["", ""], [self._name(None if left == "recipients" else left), self._name(right)]]
            heights += [None, self.settings.signature_space_mm * mm, None]
            if left == "recipients":
                commands.append(("SPAN", (0, first), (0, first + 2)))
            if first:
                commands.append(("TOPPADDING", (0, first), (-1, first), 8 * mm))
        table = Table(rows, colWidths=[half, half], rowHeights=heights)
        table.setStyle(TableStyle(commands))
        # Never a signature alone on the last page (HD36): the last paragraph goes with it, and the last
        # rows of a table just before.
        end: list[Flowable] = [Spacer(1, self.settings.body_size * 0.8), table]
        if self.story and isinstance(self.story[-1], Paragraph):
            end[:0] = self._lead()  # the last paragraph, with the heading above it
        elif self.story and isinstance(self.story[-1], KeepTogether):  # a block kept together (a vote) ends it
            end[:0] = self.story.pop()._content
        if self.story and isinstance(self.story[-1], PartyTable):
            self.story.append(TableBlock(self.story.pop(), closing=end))
        elif self.story and isinstance(self.story[-1], TableBlock) and not self.story[-1].closing:
            block = self.story.pop()
            self.story.append(TableBlock(block.table, lead=block.lead, closing=end))
        else:
            self.story.append(KeepTogether(end))

    # ---- output -----------------------------------------------------------------------------

    def build(self, out_path: str | Path) -> Path:
        s = self.settings
        target = Path(out_path)
        with atomic_output(target) as tmp:
            doc = BaseDocTemplate(
                str(tmp), pagesize=self.pagesize, leftMargin=s.margin_left_mm * mm, rightMargin=s.margin_right_mm * mm,
                topMargin=s.margin_top_mm * mm, bottomMargin=s.margin_bottom_mm * mm, title=self.pdf_title,
                author=nfc(self.heading.issuer), creator=PRODUCER, producer=PRODUCER,
                subject=self.pdf_title, lang="vi-VN" if i18n.current_language() == "vi" else "en-GB",
                initialFontName=fonts.REGULAR)
            frame = Frame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height, id="body",
                          leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
            doc.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=self._decorate)])
            doc.build(self.story)
        return target

    # ---- internals --------------------------------------------------------------------------

    def _header(self) -> None:
        h, st, s, w = self.heading, self.styles, self.settings, self.words
        left_width = min(s.header_left_mm * mm, self.frame_width * 0.55)
        right_width = self.frame_width - left_width
        left_top = [Paragraph(markup(upper(h.superior)), st["header"]) if h.superior else Spacer(1, 1),
                    Paragraph(markup(upper(h.issuer)), st["header_bold"]),
                    Paragraph("*", st["header"])]
        right_top = [RuledHeading(w.party_heading, fonts.BOLD, s.party_heading_size)]
        left_bottom: list[Flowable] = []
        if h.number:
            left_bottom.append(Paragraph(markup(h.number), st["header"]))
        if h.letter_summary:
            left_bottom.append(Paragraph(markup(h.letter_summary), st["letter_summary"]))
        dateline = i18n.format_document_date(h.date, nfc(h.place))
        right_bottom = [Paragraph(markup(dateline), st["dateline"])]
        table = Table([[left_top, right_top], [left_bottom or "", right_bottom]],
                      colWidths=[left_width, right_width])
        table.setStyle(TableStyle([
            ("FONT", (0, 0), (-1, -1), fonts.REGULAR, self.settings.body_size),  # else Table sets Helvetica
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 1), (-1, 1), 2),
        ]))
        self.story.append(table)

    def _recipients(self, recipients: Sequence[str]) -> list[Flowable]:
        st = self.styles
        items = [Paragraph(f"<u>{markup(self.words.recipients)}</u>", st["recipients_label"])]
        items += [Paragraph(markup(f"- {r}"), st["recipient"]) for r in recipients]
        return items

    def _titles(self, sig: Signature | None) -> list[Flowable] | str:
        if sig is None:
            return ""
        st = self.styles
        items: list[Flowable] = []
        if sig.authority:
            items.append(Paragraph(markup(upper(sig.authority)), st["sig"]))
        items.append(Paragraph(markup(upper(sig.title)), st["sig"]))
        return items

    def _name(self, sig: Signature | None) -> Paragraph | str:
        if sig is None or not sig.name:
            return ""
        return Paragraph(markup(sig.name), self.styles["sig_name"])

    def _decorate(self, canvas, doc) -> None:
        s = self.settings
        page = canvas.getPageNumber()
        width, height = self.pagesize
        canvas.saveState()
        if page == 1 and self.heading.form_code:
            canvas.setFont(fonts.ITALIC, 12)
            canvas.drawRightString(width - s.margin_right_mm * mm, height - s.margin_top_mm * mm / 2,
                                   nfc(self.heading.form_code))
        if s.page_numbers and page >= s.page_number_from:
            canvas.setFont(fonts.REGULAR, s.page_number_size)
            x = s.margin_left_mm * mm + self.frame_width / 2
            canvas.drawCentredString(x, height - s.page_number_offset_mm * mm - s.page_number_size * 0.7,
                                     str(page))
        canvas.restoreState()
