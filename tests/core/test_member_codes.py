"""Coded values of a member's life after admission: stable codes, every label translated (domain.md §6)."""

from __future__ import annotations

import inspect

import pytest

from desktop_app import i18n
from desktop_app.core import member_codes
from desktop_app.core.enums import Codes

CLASSES = [c for _n, c in inspect.getmembers(member_codes, inspect.isclass)
           if issubclass(c, Codes) and c is not Codes]


def test_all_code_sets_are_found():
    assert {c.__name__ for c in CLASSES} == {
        "FeeBasisKind", "FeeGroup", "FeeArea", "FeeReliefGround", "LeavingKind", "LeavingGround", "ConvictionKind",
        "DisciplineKind",
        "DisciplineAuthority", "Grade", "OrganisationGrade", "NotGradedReason", "GradingNote"}


@pytest.mark.parametrize("codes", CLASSES, ids=lambda c: c.__name__)
def test_codes_are_unique_and_every_label_is_translated(codes):
    assert len(set(codes.codes())) == len(codes.codes())
    i18n.set_language("en")
    english = [label for _code, label in codes.choices()]
    i18n.set_language("vi")
    try:
        vietnamese = [label for _code, label in codes.choices()]
    finally:
        i18n.set_language("en")
    assert all(vietnamese) and all(v != e for v, e in zip(vietnamese, english, strict=True)), vietnamese


def test_vietnamese_names():
    i18n.set_language("vi")
    try:
        assert member_codes.ConvictionKind.label("less_serious") == "Bị kết án về tội ít nghiêm trọng"
        assert member_codes.NotGradedReason.label("suspended") == "Bị đình chỉ sinh hoạt đảng"
        assert member_codes.FeeGroup.label("other") == "Đảng viên khác ở trong nước"
        assert member_codes.DisciplineAuthority.label("branch_committee") == "Chi ủy"
    finally:
        i18n.set_language("en")
