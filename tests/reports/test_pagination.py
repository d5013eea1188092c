"""Every kind of document, rendered on the demo data, looks like a typed document page by page
(pagination_check lists the rules). The kinds come from the one registry, reports.REPORT_KINDS: a kind
added there is rendered and checked here without any change, for every branch and in both languages; an
argument this file cannot yet choose a value for fails the test and names itself.

The suite checks a representative part: the one-branch demo, and of the commune demo the smallest branch,
the largest, the one with the longest name, the committee's documents over all forty branches. The whole
commune (every branch, both languages) is the sweep, run by .ci/run with ``--sweep``.
"""

from __future__ import annotations

import datetime as dt
import itertools
from pathlib import Path

import pytest

from desktop_app.reports import REPORT_KINDS, build_report
from tests.reports import pagination_check as check

DEMO_DAY = dt.date(2026, 11, 21)
LANGS = ("vi", "en")
SUBSET = ("CB05", "CB07", "CB40")  # 13 members; the longest name; 103 members
EVERY_BRANCH = tuple(f"CB{n:02d}" for n in range(1, 41))


def _demo(tmp_path_factory, scale: str) -> Path:
    from desktop_app.services import demo
    from desktop_app.store import db as store_db
    from desktop_app.store.schema import open_database

    path = tmp_path_factory.mktemp(f"pages-{scale}") / f"{scale}.sqlite3"
    open_database(path)
    demo.generate(scale, seed=1, today=DEMO_DAY)
    store_db.close()
    return path


@pytest.fixture(scope="module")
def commune(tmp_path_factory):
    return _demo(tmp_path_factory, "commune")


@pytest.fixture(scope="module")
def one_branch(tmp_path_factory):
    return _demo(tmp_path_factory, "branch")


@pytest.fixture
def opened():
    """Open a demo file for one test (the suite's other fixtures bind their own databases)."""
    from desktop_app.store import db as store_db
    from desktop_app.store.schema import open_database

    yield open_database
    store_db.close()


# ---- values for each argument a kind takes -------------------------------------------------------------


def _meetings(branch_id: int) -> list[dict]:
    """The meeting with the most votes and the latest one held (adopted), of the branch."""
    from peewee import fn

    from desktop_app.store.models import Decision, Meeting

    held = Meeting.select().where((Meeting.branch == branch_id) & (Meeting.status == "adopted")
                                  & Meeting.deleted_at.is_null())
    busiest = (held.select(Meeting.id).join(Decision).group_by(Meeting.id)
               .order_by(fn.COUNT(Decision.id).desc(), Meeting.date.desc()).first())
    latest = held.order_by(Meeting.date.desc()).first()
    return [{"meeting_id": m.id} for m in {m.id: m for m in (busiest, latest) if m}.values()]


def _decisions(branch_id: int) -> list[dict]:
    """The latest admission and the latest recognition the branch voted."""
    from desktop_app.store.models import Decision, Meeting

    chosen = []
    for kind in ("admission", "recognition"):
        row = (Decision.select(Decision.id).join(Meeting)
               .where((Meeting.branch == branch_id) & (Decision.kind == kind) & (Decision.passed == True)  # noqa: E712
                      & Meeting.deleted_at.is_null())
               .order_by(Meeting.date.desc()).first())
        if row is not None:
            chosen.append({"decision_id": row.id})
    return chosen


def _months(branch_id: int) -> list[dict]:
    return [{"month": f"{2026}-{m:02d}"} for m in (10, 11)]


SAMPLERS = {
    "branch_id": lambda branch_id: [{"branch_id": branch_id}],
    "meeting_id": _meetings,
    "decision_id": _decisions,
    "month": _months,  # gives the year too
    "year": lambda branch_id: [{"year": DEMO_DAY.year}],
}


def _combinations(kind: str, branch_id: int | None) -> list[dict]:
    """The argument sets to render *kind* with for one branch (None: the whole organisation)."""
    entry = REPORT_KINDS[kind]
    unknown = [o for o in entry.options if o not in SAMPLERS]
    if unknown:
        pytest.fail(f"report kind {kind!r} takes {unknown}: add a sampler for it to tests/reports/test_pagination.py")
    if branch_id is None:
        if "branch_id" in entry.required or any(o in entry.options for o in ("meeting_id", "decision_id")):
            return []  # a branch's own document
        options = [o for o in entry.options if o != "branch_id"]
        lists = [SAMPLERS[o](None) for o in options if not (o == "year" and "month" in options)]
        return [{"branch_id": None, **_merge(c)} if "branch_id" in entry.options else _merge(c)
                for c in itertools.product(*lists)]
    if "branch_id" not in entry.options and not any(o in entry.options for o in ("meeting_id", "decision_id")):
        return []  # the organisation's document only
    options = [o for o in entry.options if not (o == "year" and "month" in entry.options)]
    return [_merge(c) for c in itertools.product(*(SAMPLERS[o](branch_id) for o in options))]


def _merge(dicts) -> dict:
    merged: dict = {}
    for d in dicts:
        merged.update(d)
    return merged


# ---- rendering and checking --------------------------------------------------------------------------


def _check_documents(out: Path, branch_ids: list[int | None], langs=LANGS) -> list[str]:
    """Render every kind for each branch (None: the organisation's documents) and collect the problems."""
    from desktop_app.store.models import Branch

    names = [b.name for b in Branch.select(Branch.name)]
    found: list[str] = []
    rendered = 0
    for branch_id, kind, lang in itertools.product(branch_ids, REPORT_KINDS, langs):
        for n, args in enumerate(_combinations(kind, branch_id)):
            pdf = out / f"{kind}-{branch_id}-{n}-{lang}.pdf"
            tracer = check.Tracer()
            with tracer.trace():
                build_report(kind, pdf, lang=lang, **args)
            pages = check.read_pages(pdf, tracer)
            rendered += 1
            found += [f"{kind} {args} {lang}: {p}" for p in
                      check.problems(pages, kind=kind, lang=lang, branch_names=names,
                                     traced_pages=max(tracer.pages, default=0))]
            pdf.unlink()
    assert rendered, "nothing was rendered"
    return found


def _branch_ids(codes) -> list[int]:
    from desktop_app.store.models import Branch

    return [Branch.get(Branch.code == code).id for code in codes]


@pytest.mark.timeout(600)
def test_every_kind_on_the_one_branch_demo(one_branch, opened, tmp_path):
    opened(one_branch)
    from desktop_app.store.models import Branch

    problems = _check_documents(tmp_path, [b.id for b in Branch.select()] + [None])
    assert not problems, "\n" + "\n".join(problems)


@pytest.mark.timeout(900)
def test_every_kind_for_branches_of_every_size(commune, opened, tmp_path):
    opened(commune)
    problems = _check_documents(tmp_path, _branch_ids(SUBSET))
    assert not problems, "\n" + "\n".join(problems)


@pytest.mark.timeout(900)
def test_every_kind_of_the_committee_over_forty_branches(commune, opened, tmp_path):
    """The committee's documents list every branch (in Vietnamese here; in English too in the sweep)."""
    opened(commune)
    problems = _check_documents(tmp_path, [None], langs=("vi",))
    assert not problems, "\n" + "\n".join(problems)


@pytest.mark.sweep
@pytest.mark.timeout(3600)
@pytest.mark.parametrize("lang", LANGS)
def test_sweep_every_kind_for_every_branch_of_the_commune(commune, opened, tmp_path, lang):
    opened(commune)
    problems = _check_documents(tmp_path, [*_branch_ids(EVERY_BRANCH), None], langs=(lang,))
    assert not problems, "\n" + "\n".join(problems)


def test_the_checks_catch_what_they_look_for(tmp_path):
    """The checker itself: a table split after one row, a page left empty and a signature pushed alone onto
    its page are reported when the layout's rules are taken away (so a silent pass means something)."""
    from reportlab.platypus import PageBreak

    from desktop_app.reports.party_layout import Heading, PartyDocument, Signature, TableBlock

    def bad_document(filler: int) -> Path:
        doc = PartyDocument(Heading("ĐẢNG BỘ XÃ MƯỜNG ẢNG", "CHI BỘ BẢN CO MUÔNG", "Mường Ảng", DEMO_DAY),
                            title="Báo cáo", summary="tháng 10 năm 2026")
        for n in range(filler):
            doc.paragraph(f"Đoạn {n}: chi bộ đã triển khai nhiệm vụ của tháng, kiểm tra và đôn đốc các đồng chí.")
        doc.table(["TT", "Họ và tên"], [[str(i), f"Đảng viên {i}"] for i in range(1, 7)], [1, 6])
        block = doc.story.pop()
        assert isinstance(block, TableBlock)
        block.table.restrict_breaks = lambda: None  # a table that breaks anywhere, not kept with its lines
        block.table._rowSplitRange = None
        doc.story += [*block.lead, block.table, PageBreak()]
        doc.closing(signatures=[Signature("Bí thư", "Lò Văn Sơn", "T/M Chi bộ")])
        tracer = check.Tracer()
        with tracer.trace():
            pdf = doc.build(tmp_path / f"bad-{filler}.pdf")
        return check.problems(check.read_pages(pdf, tracer), kind="monthly", lang="vi", branch_names=[],
                              traced_pages=max(tracer.pages))

    found = [p for filler in range(20, 40) for p in bad_document(filler)]
    assert any("holds only the signature block" in p for p in found)
    assert any("a piece of a table with 1 row(s) of 6" in p for p in found)
