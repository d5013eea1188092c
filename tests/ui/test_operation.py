"""ui.operation: the one way the window runs work off the GUI thread. Results, failures and progress come back on
the GUI thread; database work runs on one thread, one operation after another; work that only reads cannot write;
a failure nobody handles is explained (when the user can act on it) or reaches the crash dialog."""

from __future__ import annotations

import sys
import threading
import time

import pytest
from PySide6.QtWidgets import QMessageBox, QWidget
from ui_helpers import TODAY, context_on

from desktop_app.services.common import changes
from desktop_app.services.common.errors import ServiceError
from desktop_app.services.organisation import quotas
from desktop_app.ui import worker
from desktop_app.ui.operation import Operation


@pytest.fixture
def parent(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


def _settle(qtbot, condition) -> None:
    qtbot.waitUntil(lambda: bool(condition()), timeout=10000)


def test_the_result_arrives_on_the_gui_thread(qtbot, parent):
    got = []
    Operation(parent, lambda a, b=0: (a + b, threading.current_thread()), 2, b=3).without_database() \
        .success(lambda result: got.append((result, threading.current_thread()))).run()
    _settle(qtbot, lambda: got)
    (total, ran_on), called_on = got[0]
    assert total == 5 and ran_on is not threading.main_thread() and called_on is threading.main_thread()


def test_progress_reaches_its_handler_and_the_blocking_dialog(qtbot, parent):
    seen, done = [], []

    def work(progress):
        for step in range(1, 4):
            progress(step, 3, f"step {step}")
        return "ok"

    operation = Operation(parent, work).without_database().blocking("Working…").progress(
        lambda *args: seen.append(args)).success(done.append).run()
    _settle(qtbot, lambda: done)
    assert seen == [(1, 3, "step 1"), (2, 3, "step 2"), (3, 3, "step 3")] and done == ["ok"]
    assert operation._dialog is None and not operation.running  # the dialog is gone with the work


def test_database_work_runs_on_one_thread_one_operation_after_another(qtbot, parent, db):
    spans = []

    def work(name):
        start = time.perf_counter()
        time.sleep(0.05)
        spans.append((name, threading.get_ident(), start, time.perf_counter()))

    for name in "abcd":
        Operation(parent, work, name).run()
    worker.wait_all()
    _settle(qtbot, lambda: len(spans) == 4)
    assert len({ident for _n, ident, _s, _e in spans}) == 1
    ordered = sorted(spans, key=lambda s: s[2])
    assert [name for name, *_rest in ordered] == list("abcd")
    assert all(earlier[3] <= later[2] for earlier, later in zip(ordered, ordered[1:], strict=False))


def test_work_that_only_reads_cannot_write(qtbot, parent, org):
    failed = []
    Operation(parent, quotas.set_quota, org[1].id, 2026, 5).reading().failure(failed.append).run()
    _settle(qtbot, lambda: failed)
    refusal = str(failed[0]).lower()  # SQLite: "attempt to write a readonly database"; a server: "read-only"
    assert ("readonly" in refusal or "read-only transaction" in refusal) and quotas.quotas(2026) == {}


def test_what_the_work_wrote_is_published_before_its_success(qtbot, parent, org):
    context = context_on(TODAY)
    events = []
    context.hub.data_changed.connect(lambda kinds: events.append(("published", kinds)))
    Operation(parent, quotas.set_quota, org[1].id, 2026, 5).success(lambda _r: events.append(("success", None))) \
        .run()
    _settle(qtbot, lambda: len(events) == 2)
    assert events == [("published", {changes.QUOTAS, changes.AUDIT}), ("success", None)]


def test_a_failure_nobody_handles_that_the_user_can_act_on_is_explained(qtbot, parent, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda *args: shown.append(args[1:])))

    def refuse():
        raise ServiceError("The backup folder cannot be reached.")

    Operation(parent, refuse).without_database().blocking("Backing up…").run()
    _settle(qtbot, lambda: shown)
    assert shown == [("Backing up…", "The backup folder cannot be reached.")]


def test_a_failure_nobody_handles_that_is_a_bug_reaches_the_crash_dialog(qtbot, parent, monkeypatch):
    hooked = []
    monkeypatch.setattr(sys, "excepthook", lambda kind, exc, tb: hooked.append((kind, str(exc), tb is not None)))

    def broken():
        raise KeyError("no such thing")

    Operation(parent, broken).without_database().run()
    _settle(qtbot, lambda: hooked)
    assert hooked == [(KeyError, "'no such thing'", True)]


def test_a_handled_failure_goes_to_its_handler_only(qtbot, parent, monkeypatch):
    hooked, handled = [], []
    monkeypatch.setattr(sys, "excepthook", lambda *args: hooked.append(args))
    Operation(parent, lambda: 1 / 0).without_database().failure(handled.append).run()
    _settle(qtbot, lambda: handled)
    assert isinstance(handled[0], ZeroDivisionError) and hooked == []


def test_nothing_is_called_for_a_discarded_operation_or_a_deleted_parent(qtbot, parent):
    called = []
    release = threading.Event()
    discarded = Operation(parent, release.wait, 5).without_database().success(called.append) \
        .failure(called.append).run()
    orphan_parent = QWidget()
    Operation(orphan_parent, release.wait, 5).without_database().success(called.append).run()
    discarded.discard()
    orphan_parent.deleteLater()
    qtbot.wait(10)
    release.set()
    worker.wait_all()
    qtbot.wait(50)
    assert called == []
