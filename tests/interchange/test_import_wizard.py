"""The import wizard: file, sheet, column mapping, the checked rows, then the import off the GUI thread."""

import datetime as dt
import os

import pytest
from xlsx_helpers import HEADERS_VI, Text, counts, make_workbook, member_row

from desktop_app.i18n import _
from desktop_app.services.interchange import importing
from desktop_app.store.models import Person

SHOTS = os.environ.get("SOCHIBO_SHOTS")  # a folder to save the pages into, to look at them


def _shot(widget, name):
    if SHOTS:
        widget.grab().save(os.path.join(SHOTS, f"{name}.png"))


@pytest.fixture
def workbook(tmp_path):
    rows = [member_row("Nguyễn Văn Đức", Text("001080000123")),
            member_row("Lò Thị Ánh", gender="Nữ", birth=dt.date(1990, 1, 2)),
            member_row("Quàng Văn Sai", birth="31/02/1990")]
    return make_workbook(tmp_path / "danh sach.xlsx", HEADERS_VI, rows,
                         title_rows=[["DANH SÁCH ĐẢNG VIÊN CHI BỘ BẢN CO MUÔNG"]])


@pytest.fixture
def wizard(qtbot, branches):
    from desktop_app.ui.dialogs.import_wizard import ImportWizard

    w = ImportWizard(None, kind=importing.MEMBERS)
    qtbot.addWidget(w)
    w.show()
    yield w
    qtbot.waitUntil(lambda: w.busy == 0, timeout=20000)


def _to_preview(qtbot, wizard, path):
    wizard.file_page.open(path)
    qtbot.waitUntil(wizard.file_page.isComplete, timeout=20000)
    _shot(wizard, "1-file")
    wizard.next()
    assert wizard.currentPage() is wizard.mapping_page
    _shot(wizard, "2-mapping")
    wizard.next()
    qtbot.waitUntil(wizard.preview_page.isComplete, timeout=20000)
    _shot(wizard, "3-preview")


def test_the_wizard_imports_the_good_rows(qtbot, wizard, workbook, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    _to_preview(qtbot, wizard, workbook)
    assert wizard.data.header_row == 2 and wizard.file_page.sheet.currentText() == "Danh sách"
    assert {"full_name", "gender", "birth_date", "cccd", "branch", "status"} <= set(wizard.mapping.values())
    assert [r.number for r in wizard.preview_page.model.rows] == [5]  # only the row with problems is listed
    assert "31/02/1990" in wizard.preview_page.model.rows[0].errors[0]
    assert counts()[0] == 0  # checking writes nothing

    saved = tmp_path / "loi.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(saved), ""))
    wizard.preview_page.save.click()
    assert saved.exists()

    wizard.next()
    qtbot.waitUntil(wizard.result_page.isComplete, timeout=20000)
    _shot(wizard, "4-result")
    assert wizard.imported == 2
    assert sorted(p.full_name for p in Person.select()) == ["Lò Thị Ánh", "Nguyễn Văn Đức"]
    assert wizard.result_page.save.isVisibleTo(wizard)


def test_the_name_column_must_be_mapped(qtbot, wizard, workbook):
    wizard.file_page.open(workbook)
    qtbot.waitUntil(wizard.file_page.isComplete, timeout=20000)
    wizard.next()
    page = wizard.mapping_page
    name_row = next(i for i, c in enumerate(page.combos) if c.currentData() == "full_name")
    page.combos[name_row].setCurrentIndex(0)
    assert not page.isComplete() and page.warning.text()
    other = next(i for i, c in enumerate(page.combos) if c.currentData() == "gender")
    page.combos[name_row].setCurrentIndex(page.combos[name_row].findData("gender"))
    assert not page.isComplete()  # two columns into Gender
    page.combos[other].setCurrentIndex(0)
    assert not page.isComplete()  # still no names
    page.combos[name_row].setCurrentIndex(page.combos[name_row].findData("full_name"))
    assert page.isComplete() and not page.warning.text()
    assert "gender" not in wizard.mapping.values()


def test_a_file_that_is_not_a_workbook_is_explained(qtbot, wizard, tmp_path):
    bad = tmp_path / "ghi chu.xlsx"
    bad.write_text("không phải Excel", encoding="utf-8")
    wizard.file_page.open(bad)
    qtbot.waitUntil(lambda: wizard.busy == 0, timeout=20000)
    assert not wizard.file_page.isComplete()
    assert "ghi chu.xlsx" in wizard.file_page.status.text()


def test_a_failure_while_writing_imports_nothing(qtbot, wizard, workbook, monkeypatch):
    _to_preview(qtbot, wizard, workbook)

    def broken(*_args):
        raise RuntimeError("disk unplugged")

    monkeypatch.setattr(importing, "_insert", broken)
    before = counts()
    wizard.next()
    qtbot.waitUntil(wizard.result_page.isComplete, timeout=20000)
    assert wizard.imported == 0 and counts() == before
    assert "disk unplugged" not in wizard.result_page.label.text()  # no technical detail for the user
    assert wizard.result_page.label.text()


def test_closing_is_refused_while_work_runs(wizard):
    wizard.busy = 1
    wizard.reject()
    assert wizard.isVisible()
    wizard.busy = 0


def test_export_from_the_app(qtbot, branches, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    from desktop_app.services.people import people
    from desktop_app.ui.dialogs.excel_export import export_to_excel

    people.create_person({"full_name": "Nguyễn Văn Đức", "gender": "male", "status": "official",
                          "branch": branches[0].id, "cccd": "001080000123"})
    target = tmp_path / "dang vien"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    said = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text, *a, **k: said.append(text))
    export_to_excel(None, "members")
    qtbot.waitUntil(lambda: bool(said), timeout=20000)
    assert (tmp_path / "dang vien.xlsx").exists() and "1" in said[0]


@pytest.fixture
def big_workbook(tmp_path):
    rows = [member_row(f"Người Số {i}", Text(f"{i:012d}"), birth=dt.date(1950, 1, 1) + dt.timedelta(days=i))
            for i in range(4000)]
    rows[7][2] = "Robot"  # one row with a problem
    return make_workbook(tmp_path / "lon.xlsx", HEADERS_VI, rows)


def test_the_check_and_the_import_show_progress_and_stop_changing_nothing(qtbot, wizard, big_workbook):
    before = counts()
    wizard.file_page.open(big_workbook)
    qtbot.waitUntil(wizard.file_page.isComplete, timeout=20000)
    assert "4,000" in wizard.file_page.status.text() or "4.000" in wizard.file_page.status.text()
    wizard.next()
    wizard.next()  # the check starts
    page = wizard.preview_page
    qtbot.waitUntil(lambda: page.progress.bar.value() > 0, timeout=20000)
    assert page.progress.isVisible() and page.progress.text.text()
    _shot(wizard, "5-checking")
    page.progress.stop.click()
    qtbot.waitUntil(lambda: wizard.busy == 0, timeout=20000)
    assert not page.isComplete() and page.summary.text() == _("Checking stopped; nothing was changed. Press Back, "
                                                              "then Next to check the rows again.")
    assert not page.progress.isVisible()
    _shot(wizard, "6-check-stopped")

    wizard.back()
    wizard.next()  # checked again, to the end this time
    qtbot.waitUntil(page.isComplete, timeout=60000)
    assert len(wizard.plan.accepted) == 3999 and [r.number for r in wizard.plan.refused] == [9]
    wizard.next()  # the import starts
    result = wizard.result_page
    qtbot.waitUntil(lambda: result.progress.bar.value() > 0, timeout=20000)
    _shot(wizard, "7-importing")
    result.progress.stop.click()
    qtbot.waitUntil(result.isComplete, timeout=60000)
    _shot(wizard, "8-import-stopped")
    assert wizard.imported == 0 and result.label.text() == _("Import stopped: nothing was imported.")
    assert counts() == before


def test_closing_while_checking_stops_the_check_then_closes(qtbot, wizard, big_workbook):
    wizard.file_page.open(big_workbook)
    qtbot.waitUntil(wizard.file_page.isComplete, timeout=20000)
    wizard.next()
    wizard.next()
    qtbot.waitUntil(lambda: wizard.preview_page.progress.bar.value() > 0, timeout=20000)
    wizard.reject()
    assert wizard.isVisible()  # not under a running task…
    qtbot.waitUntil(lambda: not wizard.isVisible(), timeout=20000)  # …but as soon as it has stopped
    assert wizard.busy == 0


def test_an_export_from_the_app_can_be_cancelled(qtbot, branches, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QProgressDialog, QPushButton

    from desktop_app.interchange import xlsx_import
    from desktop_app.ui.dialogs.excel_export import export_to_excel

    rows = [member_row(f"Người Số {i}", birth=dt.date(1950, 1, 1) + dt.timedelta(days=i)) for i in range(1200)]
    xlsx_import.import_workbook("members", make_workbook(tmp_path / "in.xlsx", HEADERS_VI, rows))
    target = tmp_path / "dang vien.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    said = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text, *a, **k: said.append(text))
    before = counts()
    export_to_excel(None, "members")
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QProgressDialog))
    dialog.findChild(QPushButton).click()  # Cancel, before the first 500 rows are written
    qtbot.waitUntil(lambda: bool(said), timeout=20000)
    assert said == [_("Export cancelled: no file was written.")]
    assert not target.exists() and counts() == before
