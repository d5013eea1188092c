"""The year-end documents from the command line: report grading (a branch or the organisation), report
grading_resolution, report badges and export grading, each with one summary line and its exit code; a year with
no round, or written with two digits, is refused with a message and writes nothing."""

from __future__ import annotations

import datetime as dt

import pytest
from openpyxl import load_workbook

from desktop_app.cli import main
from desktop_app.services import demo
from desktop_app.services.organisation import branches
from desktop_app.store import db as store_db
from desktop_app.store.schema import open_database
from tests.reports.pdf_helpers import pdf_text


@pytest.fixture(scope="module")
def demo_path(tmp_path_factory):
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SOCHIBO_HOME", str(tmp_path_factory.mktemp("home")))
        path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
        open_database(path)
        try:
            demo.generate("branch", seed=3, today=dt.date(2026, 11, 21))
            code = branches.list_branches()[0].code
        finally:
            store_db.close()
        return path, code


def _lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.strip()]


def test_the_grading_report_and_resolution_of_a_branch_and_the_organisation(demo_path, tmp_path, capsys):
    path, code = demo_path
    for name, extra in (("branch", ["--branch", code]), ("org", [])):
        out = tmp_path / f"{name}.pdf"
        assert main(["--lang", "en", "report", "grading", "--db", str(path), "--year", "2025", *extra, "-o",
                     str(out), "--draft"]) == 0
        assert len(_lines(capsys.readouterr().out)) == 1
        assert "2025" in pdf_text(out)
    out = tmp_path / "resolution.pdf"
    assert main(["--lang", "vi", "report", "grading_resolution", "--db", str(path), "--year", "2025", "--branch",
                 code, "-o", str(out), "--draft"]) == 0
    assert "NGHỊ QUYẾT" in pdf_text(out)


def test_the_badge_list_and_the_grading_workbook(demo_path, tmp_path, capsys):
    path, _code = demo_path
    out = tmp_path / "badges.pdf"
    assert main(["--lang", "vi", "report", "badges", "--db", str(path), "--year", "2027", "-o", str(out),
                 "--draft"]) == 0
    assert "Huy hiệu" in pdf_text(out)
    capsys.readouterr()
    book = tmp_path / "grading.xlsx"
    assert main(["--lang", "en", "export", "grading", "--db", str(path), "--year", "2025", "-o", str(book)]) == 0
    lines = _lines(capsys.readouterr().out)
    assert len(lines) == 1 and "Exported the grading of 2025" in lines[0]
    assert load_workbook(book).worksheets[0].max_row > 1


@pytest.mark.parametrize("args", [
    ["report", "grading", "--year", "2019"],
    ["export", "grading", "--year", "25"],
    ["report", "grading_resolution", "--year", "2025"],  # no branch
])
def test_bad_input_gets_a_message_and_writes_nothing(demo_path, tmp_path, capsys, args):
    path, _code = demo_path
    out = tmp_path / ("out.xlsx" if args[0] == "export" else "out.pdf")
    assert main(["--lang", "en", *args, "--db", str(path), "-o", str(out)]) != 0
    err = capsys.readouterr().err
    assert err.strip() and "Traceback" not in err
    assert not out.exists()
