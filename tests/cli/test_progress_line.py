"""Progress on the command line: on standard error, rewritten in place on a terminal, a line now and then
with --progress, nothing otherwise (scripts read the summary on standard output)."""

import io

from desktop_app.cli.progress_line import ProgressLine


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_silent_unless_a_terminal_or_asked():
    stream = io.StringIO()
    line = ProgressLine("Importing:", stream=stream)
    line(10, 100, "10 of 100 rows")
    line.done()
    assert stream.getvalue() == ""


def test_a_terminal_sees_one_line_rewritten():
    stream = Terminal()
    line = ProgressLine("Importing:", stream=stream, every=0)
    line(10, 100, "10 of 100 rows")
    line(100, 100, "100 of 100 rows")
    line.done()
    text = stream.getvalue()
    assert text.startswith("\rImporting: 10 of 100 rows (10 %)") and "\rImporting: 100 of 100 rows (100 %)" in text
    assert text.endswith("\n") and text.count("\n") == 1


def test_asked_for_in_a_pipe_it_prints_whole_lines_now_and_then():
    stream = io.StringIO()
    line = ProgressLine("Exporting:", stream=stream, enabled=True, every=3600)
    line(1, 1000, "1 of 1,000 rows")
    line(500, 1000, "500 of 1,000 rows")  # too soon after the first: skipped
    line(1000, 1000, "1,000 of 1,000 rows")  # the end is always shown
    assert stream.getvalue().splitlines() == ["Exporting: 1 of 1,000 rows (0 %)",
                                              "Exporting: 1,000 of 1,000 rows (100 %)"]


def test_import_and_export_commands_report_progress(tmp_path, capsys):
    from openpyxl import Workbook

    from desktop_app.cli import main
    from desktop_app.services.organisation import branches, organisation
    from desktop_app.store import db as store_db
    from desktop_app.store.schema import open_database

    db = tmp_path / "p.sqlite3"
    open_database(db)
    organisation.save_organisation({"name": "Đảng bộ xã"})
    branches.create_branch({"code": "CB01", "name": "Chi bộ 1"})
    store_db.close()
    wb = Workbook()
    wb.active.append(["Họ và tên", "Giới tính", "Chi bộ"])
    for i in range(600):
        wb.active.append([f"Người {i}", "Nam", "CB01"])
    wb.save(tmp_path / "p.xlsx")
    assert main(["import", "members", "--db", str(db), str(tmp_path / "p.xlsx"), "--progress", "--lang", "en"]) == 0
    out = capsys.readouterr()
    assert out.out.startswith("Imported 600 members")
    assert out.err.splitlines()[-1] == "Importing: 600 of 600 rows (100 %)"
    target = tmp_path / "out.xlsx"
    assert main(["export", "members", "--db", str(db), "-o", str(target), "--progress", "--lang", "en"]) == 0
    out = capsys.readouterr()
    assert out.out.strip() == f"Exported 600 members to {target}."
    assert out.err.splitlines()[-1] == "Exporting: 600 of 600 rows (100 %)"
