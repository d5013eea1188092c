"""How far a long piece of work on a workbook has got, as numbers and as a sentence for the user.

Reading a sheet counts rows when the sheet declares its last row, and megabytes of the sheet otherwise
(a file written by some programs does not say how many rows it has). The callbacks receive
``(done, total, text)``; a callback may raise to stop the work (a Cancel button).
"""

from __future__ import annotations

from collections.abc import Callable

from desktop_app.i18n import _, format_number, ngettext

MIB = 1024 * 1024
Progress = Callable[[int, int, str], None]


def rows_text(done: int, total: int) -> str:
    return ngettext("{done} of {total} row", "{done} of {total} rows", total).format(
        done=format_number(done), total=format_number(total))


def bytes_text(done: int, total: int) -> str:
    return _("{done} of {total} MB read").format(done=format_number(round(done / MIB, 1), 1),
                                                 total=format_number(round(total / MIB, 1), 1))


class SheetProgress:
    """Tells *progress* how far a sheet has been read, every EVERY rows and when it ends."""

    EVERY = 250

    def __init__(self, progress: Progress | None, reader, header_row: int, last_row: int | None):
        self.progress, self.reader = progress, reader
        self.header_row, self.last_row = header_row, last_row
        self.count = 0
        self.number = header_row

    def __call__(self, number: int) -> None:
        self.count += 1
        self.number = number
        if self.progress is not None and self.count % self.EVERY == 0:
            self._report()

    def _report(self, end: bool = False) -> None:
        if self.last_row and self.last_row > self.header_row and self.number <= self.last_row:
            total = self.last_row - self.header_row
            done = total if end else self.number - self.header_row
            self.progress(done, total, rows_text(done, total))
        else:
            done, total = self.reader.position
            if end:
                done = total
            self.progress(done, total, bytes_text(done, total))

    def finish(self) -> None:
        if self.progress is not None:
            self._report(end=True)


class CountProgress:
    """Tells *progress* about rows written out of a known total (an export, the rows of an import)."""

    def __init__(self, progress: Progress | None, total: int):
        self.progress, self.total = progress, total

    def __call__(self, done: int, total: int | None = None) -> None:
        if self.progress is not None:
            total = max(total or self.total, done, 1)
            self.progress(done, total, rows_text(done, total))
