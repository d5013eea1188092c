"""Checking the pages of a printed document against the rules of a typed document (issue: pagination).

Two independent views of each page are compared with the rules:

- what the layout engine drew on it, recorded by a tracer on reportlab's documented ``afterFlowable`` hook
  (each paragraph, each piece of a table with its rows, the signature block, the room left at the foot);
- the text of the page as pypdf reads it back from the PDF.

The rules: no page holds only the signature block; no piece of a table split over pages has a single row,
nor a sub-heading row without two rows under it; no page but the last is left mostly empty (a table that
did not fit pushed to the next page); a vote is never separated from its result; a table's header is
repeated on every page it runs onto; a branch name never wraps to four lines; no page ends with a heading;
the sign-in sheet ends with the tally and the chair's and secretary's signatures; no page is blank.
"""

from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from pypdf import PdfReader
from reportlab.platypus import Paragraph, Table
from reportlab.platypus.doctemplate import BaseDocTemplate

from desktop_app import i18n
from desktop_app.reports.pagination import PartyTable
from desktop_app.reports.vocabulary import Words

MOSTLY_EMPTY = 0.5  # a page (not the last) with more than half its height left blank: "mostly empty"
MAX_NAME_LINES = 3
MIN_ROWS = 2
HEADINGS = ("title", "section", "subsection")


@dataclass
class Drawn:
    kind: str  # "table", "signature", "paragraph", "other"
    rows: int = 0  # body rows of a table piece
    whole_rows: int = 0  # body rows of the whole table the piece belongs to
    header: str = ""  # the header row's text of a table piece
    continues: bool = False  # the table goes on on the next page
    under_last_group: int = 0  # rows under the piece's last sub-heading row
    text: str = ""
    style: str = ""  # a paragraph's style: "section", "subsection" for headings


@dataclass
class Page:
    number: int
    drawn: list[Drawn] = field(default_factory=list)
    free: float = 0.0  # share of the frame height left blank under the last flowable
    text: str = ""  # pypdf's text of the page
    lines: list[str] = field(default_factory=list)


def _cell_text(value) -> str:
    if isinstance(value, Paragraph):
        return value.getPlainText()
    if isinstance(value, (list, tuple)):
        return " ".join(_cell_text(v) for v in value)
    return str(value or "")


def _flowables(cell) -> list:
    """The flowables of a table cell (reportlab turns a cell's list into a tuple when it lays it out)."""
    if isinstance(cell, (list, tuple)):
        return [f for item in cell for f in _flowables(item)]
    return [cell]


def _is_group_row(row) -> bool:
    """A sub-heading spanning the table: one bold paragraph, the other cells empty (party_layout.table)."""
    first = _flowables(row[0])
    return (len(first) == 1 and isinstance(first[0], Paragraph) and first[0].style.name == "cell_group"
            and all(not _cell_text(c).strip() for c in row[1:]))


def _is_signature(table: Table) -> bool:
    """The closing block: a two-column table without header, with the signatures' titles (party_layout.closing)."""
    return not isinstance(table, PartyTable) and table._ncols == 2 and not table.repeatRows and any(
        isinstance(c, Paragraph) and c.style.name in ("sig", "recipients_label")
        for row in table._cellvalues for cell in row for c in _flowables(cell))


class Tracer:
    """Records what each page of the documents built inside ``trace()`` holds."""

    def __init__(self):
        self.pages: dict[int, Page] = {}

    @contextlib.contextmanager
    def trace(self):
        tracer = self
        original_after, original_split = BaseDocTemplate.afterFlowable, PartyTable.onSplit

        def after(doc, flowable):
            frame = doc.frame
            if frame is None:  # an action (a frame break), nothing drawn
                return
            page = tracer.pages.setdefault(doc.page, Page(doc.page))
            page.free = max(frame._y - frame._y1p, 0) / frame._height
            page.drawn.append(_describe(flowable))

        def on_split(table, part, byRow=1):
            # reportlab calls this for the first piece, then for the rest: the first piece continues.
            original_split(table, part, byRow)
            part._whole_rows = getattr(table, "_whole_rows", table.body_rows)
            part._continues = not getattr(table, "_first_piece_seen", False)
            table._first_piece_seen = True

        BaseDocTemplate.afterFlowable, PartyTable.onSplit = after, on_split
        try:
            yield self
        finally:
            BaseDocTemplate.afterFlowable, PartyTable.onSplit = original_after, original_split


def _describe(flowable) -> Drawn:
    if isinstance(flowable, PartyTable):
        header = " ".join(_cell_text(c) for c in flowable._cellvalues[flowable.header_rows - 1])
        body = flowable._cellvalues[flowable.header_rows:]
        groups = [i for i, row in enumerate(body) if _is_group_row(row)]
        under_last_group = len(body) - 1 - groups[-1] if groups else MIN_ROWS
        return Drawn("table", flowable.body_rows, getattr(flowable, "_whole_rows", flowable.body_rows), header,
                     continues=getattr(flowable, "_continues", False), under_last_group=under_last_group)
    if isinstance(flowable, Table) and _is_signature(flowable):
        return Drawn("signature")
    if isinstance(flowable, Paragraph):
        return Drawn("paragraph", text=flowable.getPlainText(), style=flowable.style.name)
    return Drawn("other")


def read_pages(pdf: Path, tracer: Tracer) -> list[Page]:
    reader = PdfReader(str(pdf))
    pages = []
    for number, pdf_page in enumerate(reader.pages, 1):
        page = tracer.pages.get(number, Page(number))
        raw = pdf_page.extract_text() or ""
        page.lines = [" ".join(line.split()) for line in raw.splitlines() if line.strip()]
        page.text = " ".join(page.lines)
        pages.append(page)
    return pages


def _prefix(template: str) -> str:
    """The fixed words a message starts with, before its first placeholder."""
    return template.split("{", 1)[0].strip()


def problems(pages: list[Page], *, kind: str, lang: str, branch_names: list[str], traced_pages: int) -> list[str]:
    """Every rule a page breaks, as 'page N: …' lines."""
    with _language(lang):
        w = Words()
    found: list[str] = []
    if traced_pages != len(pages):
        found.append(f"the layout drew {traced_pages} pages, the PDF has {len(pages)}")
    for page in pages:
        found += [f"page {page.number}: {p}" for p in _page_problems(page, page is pages[-1], w, branch_names)]
    found += _vote_problems(pages, w)
    if kind == "signin":
        found += _signin_problems(pages[-1], w)
    return found


def _page_problems(page: Page, last: bool, w: Words, branch_names: list[str]) -> list[str]:
    found = []
    body = [d for d in page.drawn if d.kind in ("table", "paragraph")]
    if not page.text.replace(str(page.number), "").strip():
        found.append("blank")
    if any(d.kind == "signature" for d in page.drawn) and not body:
        found.append("holds only the signature block")
    for d in page.drawn:
        if d.kind != "table":
            continue
        if d.rows < d.whole_rows and d.rows < MIN_ROWS:
            found.append(f"a piece of a table with {d.rows} row(s) of {d.whole_rows}: {d.header[:40]!r}")
        if d.continues and d.under_last_group < MIN_ROWS:
            found.append(f"a sub-heading of a table with {d.under_last_group} row(s) under it at the foot")
        missing = [word for word in d.header.split() if word not in page.text]
        if missing:
            found.append(f"table header not on the page (missing {missing[:3]})")
    if not last and page.free > MOSTLY_EMPTY:
        found.append(f"left {page.free:.0%} empty")
    if not last and body and body[-1].style in HEADINGS:
        found.append(f"ends with the heading {body[-1].text[:40]!r}, parted from what it heads")
    for name in branch_names:
        lines = _wrapped_lines(page.lines, name)
        if lines > MAX_NAME_LINES:
            found.append(f"branch name {name!r} wrapped to {lines} lines")
    return found


def _wrapped_lines(lines: list[str], name: str) -> int:
    """How many consecutive lines of the page spell out *name* (0 when it is not written on lines of its own)."""
    wanted = name.casefold()
    most = 0
    for start, line in enumerate(lines):
        if not wanted.startswith(line.casefold()):
            continue
        joined = ""
        for count in range(1, 8):
            if start + count > len(lines):
                break
            joined = f"{joined} {lines[start + count - 1]}".strip().casefold()
            if joined == wanted:
                most = max(most, count)
                break
            if not wanted.startswith(joined):
                break
    return most


def _vote_problems(pages: list[Page], w: Words) -> list[str]:
    """Each vote's count and its result on one page: per page, the marks read vote, result, vote, result…"""
    votes = [_prefix(w.d_votes), _prefix(w.d_votes_plain), _prefix(w.r_votes)]
    results = [w.d_passed, w.d_failed]
    marks = re.compile("|".join(re.escape(m) for m in sorted(set(votes + results), key=len, reverse=True)))
    found = []
    for page in pages:
        sequence = ["R" if m.group(0) in results else "V" for m in marks.finditer(page.text)]
        text = "".join(sequence)
        if text.startswith("R") or text.endswith("V") or "VV" in text or "RR" in text:
            found.append(f"page {page.number}: a vote separated from its result ({text})")
    return found


def _signin_problems(last: Page, w: Words) -> list[str]:
    tally = _prefix(w.si_tally)
    text = last.text
    if tally not in text:
        return ["the sign-in sheet does not end with the tally"]
    found = []
    for title in (w.chair, w.minutes_taker):
        if title not in text or text.index(title) < text.index(tally):
            found.append(f"the sign-in sheet does not end with the signature of {title}")
    return found


@contextlib.contextmanager
def _language(lang: str):
    previous = i18n.current_language()
    i18n.set_language(lang)
    try:
        yield
    finally:
        i18n.set_language(previous)
