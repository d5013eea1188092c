"""Open the main window offscreen on a database and time what a person waits for in it.

    python benchmarks/views.py PATH

Prints one ``name=ms`` line per measurement: the first open of every navigation view (the view is
built, loads its data and is painted), then switching the branch filter while a view is shown
(median of a few branches, each switch painted). Run by benchmarks/run.py; not a test.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# benchmarks/run.py passes its own settings folder; alone, a new one (the window is built without saved state)
os.environ.setdefault("SOCHIBO_HOME", tempfile.mkdtemp(prefix="sochibo-bench-"))

SWITCH_VIEWS = ("dashboard", "branches", "members", "candidates", "sponsors", "meetings")
BRANCH_SAMPLES = 5


def _settle(app) -> None:
    """Let the view lay out and paint, as it would before a person sees it."""
    for _i in range(2):
        app.processEvents()


def _timed(app, action) -> float:
    start = time.perf_counter()
    action()
    _settle(app)
    return (time.perf_counter() - start) * 1000


def _filled(app) -> None:
    """Wait for what views compute on worker threads (the overview's reminders) and show it."""
    from desktop_app.ui import worker

    worker.wait_all()
    _settle(app)


def main(db_path: str) -> int:
    from PySide6.QtWidgets import QApplication

    from desktop_app import app as desktop
    from desktop_app.services.datafile import dbfile
    from desktop_app.ui import navigation
    from desktop_app.ui.context import AppContext
    from desktop_app.ui.main_window import MainWindow

    qt_app = desktop._make_app()
    desktop.apply_language("vi")
    location = dbfile.locate(db_path)  # a file, or a server's postgresql:// address
    dbfile.open_file(location, lock=False)
    context = AppContext(location)
    context.background = True  # as the app runs
    window = MainWindow(context)
    window.resize(1366, 768)
    results: list[tuple[str, float]] = []

    def first_view() -> None:  # as at start-up: the window shows with the overview in it
        window.show_view("dashboard")
        window.show()

    start = time.perf_counter()
    results.append(("Open dashboard (first time, with the window)", _timed(qt_app, first_view)))
    _filled(qt_app)
    results.append(("Open dashboard (first time), until the reminders are in", (time.perf_counter() - start) * 1000))
    for entry in navigation.ENTRIES[1:]:
        ms = _timed(qt_app, lambda key=entry.key: window.show_view(key))
        results.append((f"Open {entry.key} (first time)", ms))
    combo = window.branch_combo
    step = max(1, (combo.count() - 1) // BRANCH_SAMPLES)
    indexes = list(range(1, combo.count(), step))[:BRANCH_SAMPLES]
    for key in SWITCH_VIEWS:
        window.show_view(key)
        _settle(qt_app)
        times, filled = [], []
        for index in [*indexes, 0]:  # a few branches, then back to all branches
            start = time.perf_counter()
            times.append(_timed(qt_app, lambda i=index: combo.setCurrentIndex(i)))
            _filled(qt_app)
            filled.append((time.perf_counter() - start) * 1000)
        results.append((f"Switch branch on {key} (median)", statistics.median(times)))
        results.append((f"Switch branch on {key} (worst)", max(times)))
        if max(filled) - max(times) > 1:
            results.append((f"Switch branch on {key}, until the reminders are in (worst)", max(filled)))
    # The search box of the window: results listed under it for every prefix typed (after its 120 ms pause).
    words = ("Nguyễn Thị Hường", "Trần Văn Đức", "Lò Văn Pấng", "Đặng Thu")
    typed = [w[:i] for w in words for i in range(2, len(w) + 1)]
    times = []
    for text in typed:
        window.search.setText(text)
        times.append(_timed(qt_app, window.search.run_search))
    window.search.popup.hide()
    times.sort()
    results.append(("Search box, a keystroke (median)", statistics.median(times)))
    results.append(("Search box, a keystroke (p95)", times[int(len(times) * 0.95) - 1]))
    for name, ms in results:
        print(f"{name}={ms:.1f}", flush=True)
    window.hide()  # not close(): that would remember the last view for the next start in this settings folder
    dbfile.close()
    QApplication.processEvents()
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1]))
