"""How far an import or export has got, on the terminal: one line rewritten in place on a terminal, a line
now and then otherwise (a log, or --progress into a pipe). Written to standard error, so the one summary line
on standard output stays the command's result for scripts."""

from __future__ import annotations

import sys
import time

from desktop_app.i18n import _


class ProgressLine:
    """A progress callback ``(done, total, text)`` that prints *label* and *text* at most every *every* seconds."""

    def __init__(self, label: str, *, stream=None, enabled: bool | None = None, every: float | None = None):
        self.stream = stream or sys.stderr
        self.tty = bool(getattr(self.stream, "isatty", lambda: False)())
        self.enabled = self.tty if enabled is None else enabled
        self.every = every if every is not None else (0.2 if self.tty else 2.0)
        self.label = label
        self.last: float | None = None
        self.width = 0
        self.shown = ""

    def __call__(self, done: int, total: int, text: str = "") -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if self.last is not None and now - self.last < self.every and done < total:
            return
        percent = f" ({100 * done // total} %)" if total else ""
        line = f"{self.label} {text}{percent}"
        if line == self.shown:
            return
        self.last, self.shown = now, line
        if self.tty:
            self.stream.write("\r" + line.ljust(self.width))
            self.width = len(line)
        else:
            self.stream.write(line + "\n")
        self.stream.flush()

    def done(self) -> None:
        """End the line in place on a terminal, before the summary is printed."""
        if self.enabled and self.tty and self.width:
            self.stream.write("\n")
            self.stream.flush()
            self.width = 0

    def stopped(self) -> None:
        self.done()
        if self.enabled or self.tty:
            self.stream.write(_("Stopped: nothing was changed.") + "\n")
            self.stream.flush()
