"""How a Party document breaks across pages, as a typed document does.

- A table breaks between rows, never leaving fewer than ``MIN_ROWS`` rows of it on a page (no first row
  alone at the foot of a page, no last row alone at the top of the next), and repeats its header on every
  page it runs onto.
- The lines introducing a table (a section heading, the sentence before it) stay with the table's first
  rows: when they do not fit at the foot of a page they move on together, while the table itself still
  starts where it is and breaks across pages (the whole table is never pushed to the next page, leaving
  the first one mostly empty).
- The end of the document (the last lines and the signature block) stays with the last rows of a table
  that ends it, so the signature never stands alone on a page.

Both blocks work as reportlab's KeepTogether does: they always ask to be split, and the split hands the
frame the real flowables (or nothing, to move on to the next page).
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.platypus import Flowable, Table

MIN_ROWS = 2  # rows of a table that may stand on a page of their own


class PartyTable(Table):
    """A table that breaks only where at least MIN_ROWS rows stay on each side (reportlab's row split range,
    set again on each part it breaks into). A table of fewer than 2 × MIN_ROWS rows never breaks."""

    min_rows = MIN_ROWS

    def __init__(self, data, *args, **kw):
        super().__init__(data, *args, **kw)
        self.restrict_breaks()

    def restrict_breaks(self) -> None:
        self._rowSplitRange = (self.header_rows + self.min_rows, -self.min_rows)

    def onSplit(self, T, byRow=1):
        """reportlab's hook, called last on each new part of a table it breaks."""
        if isinstance(T, PartyTable):
            T.restrict_breaks()  # reportlab carries no split range over to the parts (it shifts one set early)

    @property
    def header_rows(self) -> int:
        return self.repeatRows if isinstance(self.repeatRows, int) else len(self.repeatRows)

    @property
    def body_rows(self) -> int:
        return self._nrows - self.header_rows

    @property
    def can_break(self) -> bool:
        return self.body_rows >= 2 * self.min_rows

    def lead_height(self, width: float, height: float) -> float:
        """The height of the header with the first rows that must share its page (the whole table when it
        cannot break)."""
        self.wrap(width, height)
        rows = self.header_rows + (self.min_rows if self.can_break else self.body_rows)
        return sum(self._rowHeights[:rows]) + self.getSpaceBefore()


def _heights(flowables: Sequence[Flowable], width: float, height: float) -> float:
    total = 0.0
    for f in flowables:
        total += f.wrap(width, height)[1] + f.getSpaceBefore() + f.getSpaceAfter()
    return total


def _at_top(flowable: Flowable) -> bool:
    frame = getattr(flowable, "_frame", None)
    return bool(frame is not None and getattr(frame, "_atTop", False))


class TableBlock(Flowable):
    """A table with the lines that introduce it (*lead*) and the end of the document after it (*closing*)."""

    def __init__(self, table: PartyTable, lead: Sequence[Flowable] = (), closing: Sequence[Flowable] = ()):
        super().__init__()
        self.table, self.lead, self.closing = table, list(lead), list(closing)

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return avail_width, 0xFFFFFF  # always split: the frame then places what split() hands it

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        at_top = _at_top(self)
        if self.lead:
            need = _heights(self.lead, avail_width, avail_height) + self.table.lead_height(avail_width, avail_height)
            if self.closing and not self.table.can_break:  # a table that cannot break keeps the end with it
                need += self.table.getSpaceAfter() + _heights(self.closing, avail_width, avail_height)
            if need > avail_height and not at_top:
                return []  # the heading and the first rows go to the next page together
            rest: Flowable = TableBlock(self.table, closing=self.closing) if self.closing else self.table
            return [*self.lead, rest]
        if not self.closing:  # the table alone: as the table itself splits
            return self.table.split(avail_width, avail_height - self.table.getSpaceBefore()) or (
                [self.table] if at_top else [])
        return self._split_closing(avail_width, avail_height, at_top)

    def _split_closing(self, width: float, height: float, at_top: bool) -> list[Flowable]:
        table, closing = self.table, self.closing
        rows_height = table.wrap(width, height)[1]
        room = height - table.getSpaceBefore()  # what the frame leaves the rows once the table is placed
        if rows_height + table.getSpaceAfter() + _heights(closing, width, height) <= room:
            return [table, *closing]
        parts = table.split(width, room)
        if len(parts) != 2 and rows_height <= room:
            # The table fits but the end does not: its last rows go on with the end.
            parts = table.split(width, sum(table._rowHeights[:-table.min_rows]) + 0.5)
        if len(parts) == 2:
            return [parts[0], TableBlock(parts[1], closing=closing)]
        if at_top:
            return [table, *closing]
        return []
