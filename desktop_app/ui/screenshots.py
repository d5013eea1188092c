"""``--screenshots DIR``: visit every navigation entry and the main dialogs at 1366×768 and save one
PNG each, so the app can be looked at without a person at the keyboard."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget

from desktop_app.ui import navigation

log = logging.getLogger(__name__)
SIZE = (1366, 768)


def _settle() -> None:
    from desktop_app.ui import worker

    QApplication.processEvents()
    worker.wait_all()  # what views compute on worker threads is shown too
    for _i in range(3):
        QApplication.processEvents()


def _save(widget: QWidget, path: Path) -> bool:
    _settle()
    ok = widget.grab().save(str(path))
    if not ok:
        log.error("could not save %s", path)
    return ok


def _dialog_shots(window) -> list[tuple[str, Callable[[], QWidget | None]]]:
    """(file stem, factory of a shown, non-modal dialog) for the main dialogs."""
    shots = []
    for stem, key, method in (("member_form", "members", "screenshot_dialog"),
                              ("candidate_detail", "candidates", "screenshot_detail"),
                              ("advance_stage", "candidates", "screenshot_advance"),
                              ("sponsor_assign", "sponsors", "screenshot_dialog")):
        def factory(key=key, method=method):
            view = window.show_view(key)
            make = getattr(view, method, None)
            return make() if make is not None else None

        shots.append((stem, factory))
    return shots


def take_all(window, out_dir: Path) -> int:
    """Save every screenshot into *out_dir*; 0 when all were written."""
    out_dir.mkdir(parents=True, exist_ok=True)
    window.resize(*SIZE)
    window.show()
    _settle()
    failures = 0
    for entry in navigation.ENTRIES:
        view = window.show_view(entry.key)
        prepare = getattr(view, "open_latest_for_screenshot", None) or getattr(view, "screenshot_prepare", None)
        if prepare is not None:
            try:
                prepare()
            except Exception:
                log.exception("screenshot preparation of %s failed", entry.key)
        failures += not _save(window, out_dir / f"{entry.key}.png")
    for stem, factory in _dialog_shots(window):
        try:
            dialog = factory()
        except Exception:
            log.exception("screenshot %s failed", stem)
            dialog = None
        if dialog is None:
            failures += 1
            continue
        dialog.show()
        failures += not _save(dialog, out_dir / f"{stem}.png")
        dialog.dirty = False if hasattr(dialog, "dirty") else None
        dialog.close()
    window.close()
    return 0 if failures == 0 else 1
