"""Migration 10 adds the Party year's tables (discipline, grading rounds, grades of members and branches, their
corrections, Party badges), empty, on both engines; the rows they take keep their constraints."""

from __future__ import annotations

import datetime as dt

import pytest
from peewee import IntegrityError

from desktop_app.store import db as store_db
from desktop_app.store import migrations
from desktop_app.store.migrations import m0010_party_year as m10
from desktop_app.store.models import Branch, GradingRound, MemberGrade, Organisation, PartyBadge, Person
from desktop_app.store.schema import open_database

TABLES = ("disciplinerecord", "gradinground", "branchgrading", "membergrade", "gradecorrection", "partybadge")


def test_a_version_9_database_gains_the_party_years_tables(empty_location):
    real = store_db.connect(empty_location)
    assert migrations.run(real, migrations=migrations.MIGRATIONS[:9]) == list(range(1, 10))
    assert not set(TABLES) & set(real.get_tables())
    real.execute_sql(real.param.join(['INSERT INTO organisation (uid, name) VALUES (', ', ', ')']),
                     ("o-1", "Đảng bộ xã Mường Ảng"))
    store_db.close()

    real = open_database(empty_location)
    assert migrations.schema_version(real) == 10
    assert set(TABLES) <= set(real.get_tables())
    org = Organisation.get(Organisation.uid == "o-1")
    branch = Branch.create(organisation=org, code="CB01", name="Chi bộ 1")
    person = Person.create(full_name="Lò Văn Pấng", branch=branch)
    found = GradingRound.create(organisation=org, year=2026, grading_date=dt.date(2026, 12, 15),
                                opened_on=dt.date(2026, 11, 20))
    grade = MemberGrade.create(round=found, person=person, branch=branch)
    assert (grade.branch_grade, grade.suspended, grade.sick_months) == ("", False, 0)
    PartyBadge.create(person=person, years=30, awarded_on=dt.date(2027, 2, 3))
    with pytest.raises(IntegrityError):  # one badge a milestone
        PartyBadge.create(person=person, years=30, awarded_on=dt.date(2027, 5, 19))
    store_db.close()


def test_migration_10_runs_again_without_harm(db):
    m10.up(db, None)
    assert set(TABLES) <= set(db.get_tables())
