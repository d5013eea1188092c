"""A PDF shown inside the app (QtPdf), and printing it through the system's print dialog.

QtPdf and QtPrintSupport cost more to import than Qt itself, so both are imported on first use.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from desktop_app.i18n import _


class PdfPreview(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.document = None
        self.view = None
        self.path: Path | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.placeholder = QLabel(_("Choose a document and press “Preview”."), self)
        self.placeholder.setObjectName("hint")
        self.placeholder.setWordWrap(True)
        layout.addWidget(self.placeholder)

    def _ensure_view(self) -> None:
        if self.view is not None:
            return
        from PySide6.QtPdf import QPdfDocument
        from PySide6.QtPdfWidgets import QPdfView

        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setObjectName("pdfView")
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.layout().addWidget(self.view, 1)

    def load(self, path: Path) -> int:
        """Show *path*; returns the number of pages."""
        self._ensure_view()
        self.document.close()
        self.document.load(str(path))
        self.path = Path(path)
        self.placeholder.hide()
        self.view.show()
        return self.document.pageCount()

    def wait_rendered(self, seconds: float = 2.0) -> None:
        """Let QPdfView paint its first page (it renders in the background); for screenshots only."""
        import time

        from PySide6.QtWidgets import QApplication

        end = time.monotonic() + seconds
        while time.monotonic() < end:
            QApplication.processEvents()
            time.sleep(0.05)

    def page_count(self) -> int:
        return self.document.pageCount() if self.document is not None else 0

    def clear(self, text: str | None = None) -> None:
        if self.document is not None:
            self.document.close()
            self.view.hide()
        self.path = None
        self.placeholder.setText(text or _("Choose a document and press “Preview”."))
        self.placeholder.show()


def print_pdf(path: Path, parent: QWidget | None = None, dpi: int = 300) -> bool:
    """Print *path* through the print dialog; False when the user cancelled."""
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(Path(path).stem)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(_("Print"))
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return False
    render_to_printer(path, printer, dpi)
    return True


def render_to_printer(path: Path, printer, dpi: int = 300) -> int:
    """Paint each page of the PDF at *path* onto *printer* (QtPdf has no printing of its own: pages are
    rendered at *dpi* and drawn to fit the paper). Returns the number of pages sent."""
    from PySide6.QtPdf import QPdfDocument

    document = QPdfDocument()
    document.load(str(path))
    printer.setFullPage(True)
    painter = QPainter(printer)
    sent = 0
    try:
        first, last = 0, document.pageCount() - 1
        if printer.fromPage() > 0:
            first, last = printer.fromPage() - 1, min(printer.toPage() - 1, last)
        for index in range(first, last + 1):
            if index > first:
                printer.newPage()
            points = document.pagePointSize(index)
            image = document.render(index, QSize(round(points.width() / 72 * dpi), round(points.height() / 72 * dpi)))
            area = painter.viewport()
            size = image.size().scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.drawImage(QRect(area.topLeft(), size), image)
            sent += 1
    finally:
        painter.end()
        document.close()
    return sent
