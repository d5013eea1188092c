"""Two drawn pieces of a Party document: the ruled Party heading and ruled lines to write on."""

from __future__ import annotations

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from desktop_app.reports.common import nfc


class RuledHeading(Flowable):
    """A centred bold line with a solid rule beneath it exactly as long as the text (HD36 box 1)."""

    def __init__(self, text: str, font: str, size: float, gap: float = 2.5):
        super().__init__()
        self.text, self.font, self.size, self.gap = nfc(text), font, size, gap
        self.text_width = stringWidth(self.text, font, size)

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        self.height = self.size * 1.15 + self.gap + 1
        return self.width, self.height

    def draw(self) -> None:
        c = self.canv
        baseline = self.gap + 1 + self.size * 0.25
        c.setFont(self.font, self.size)
        c.drawCentredString(self.width / 2, baseline, self.text)
        c.setLineWidth(0.6)
        left = (self.width - self.text_width) / 2
        c.line(left, 0.5, left + self.text_width, 0.5)


class WritingLines(Flowable):
    """Dotted lines across the text width, for text to be written by hand on a pre-filled form."""

    def __init__(self, count: int, spacing: float):
        super().__init__()
        self.count, self.spacing = count, spacing

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        return avail_width, self.count * self.spacing

    def draw(self) -> None:
        c = self.canv
        c.setDash(1, 2)
        c.setLineWidth(0.5)
        for i in range(self.count):
            y = (self.count - i - 1) * self.spacing + 2
            c.line(0, y, self.width, y)
