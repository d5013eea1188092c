"""Input the services do not expect, validated and cleaned once at their boundary (services.common.validation):
half UTF-16 pairs are refused with a message instead of crashing the write; zero-width and direction-override
characters are removed, so search and the duplicate checks see the name as it reads; digits of any script in a
citizen ID are stored as 0-9."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop_app.services.common.errors import ValidationError
from desktop_app.services.interchange import importing
from desktop_app.services.interchange.import_rows import RowInput
from desktop_app.services.people import people, search
from desktop_app.store.models import AuditEntry, Person


def test_invisible_characters_are_removed_from_what_is_stored(org):
    _o, branch = org
    hidden = "\u202eNg\u200buyễn Văn\u200d \ufeffAn\u2066\u00ad"
    person = people.create_person({"full_name": hidden, "branch": branch.id, "note": "Ghi\u200b chú\u202e"})
    stored = Person.get_by_id(person.id)
    assert stored.full_name == "Nguyễn Văn An" and stored.note == "Ghi chú"
    assert [h.id for h in search.search_people("nguyen van an")] == [person.id]
    assert [h.id for h in search.search_people("Nguy\u200bễn\u202e")] == [person.id]


def test_a_half_pair_is_refused_with_a_message_and_writes_nothing(org):
    before = (Person.select().count(), AuditEntry.select().count())
    with pytest.raises(ValidationError) as refused:
        people.create_person({"full_name": "Lò\ud800 Văn Mười"})
    assert "full_name" in refused.value.errors and "gõ lại" in refused.value.errors["full_name"]
    str(refused.value).encode("utf-8")  # the message itself can be printed and stored
    with pytest.raises(ValidationError):
        people.create_person({"full_name": "Lò Văn Mười", "note": "a\udc00b"})
    assert (Person.select().count(), AuditEntry.select().count()) == before


def test_a_citizen_id_in_full_width_digits_is_the_same_id(org):
    first = people.create_person({"full_name": "Lò Văn Mười", "cccd": "００１０７００００１２３"})
    assert Person.get_by_id(first.id).cccd == "001070000123"
    with pytest.raises(ValidationError) as refused:
        people.create_person({"full_name": "Lò Văn Mươi", "cccd": "0010 7000 0123"})
    assert "cccd" in refused.value.errors


def test_the_import_sees_a_name_with_a_hidden_character_as_the_same_name(org):
    _o, branch = org
    born = dt.date(1980, 3, 4)
    plan = importing.import_rows("members", [
        RowInput(2, {"full_name": "Quàng Văn Pọm", "birth_date": born, "branch": "CB01"}),
        RowInput(3, {"full_name": "Quàng Văn\u200b Pọm", "birth_date": born, "branch": "CB01"}),
    ], dry_run=True)
    assert len(plan.accepted) == 1 and plan.refused.first(1)[0].errors == ["Trùng họ tên và ngày sinh với dòng 2."]
