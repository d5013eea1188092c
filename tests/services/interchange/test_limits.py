"""The import limits are settings of the database, with defaults far beyond any real list."""

import pytest

from desktop_app.services.common import settings
from desktop_app.services.common.errors import ValidationError
from desktop_app.services.interchange import limits
from desktop_app.store.models import Setting


def test_defaults_and_stored_values(db):
    assert limits.current() == limits.DEFAULT == limits.WorkbookLimits(200_000, 256, 1_000)
    settings.set(settings.IMPORT_MAX_ROWS, 500_000)
    settings.set(settings.IMPORT_MAX_UNPACKED_MB, 1024)
    current = limits.current()
    assert current.max_rows == 500_000 and current.max_unpacked_bytes == 1024 * 1024 * 1024
    assert current.max_columns == 1_000


def test_a_limit_must_be_a_whole_number_above_zero(db):
    for value in (-5, 0, "lots", True, 2.5):
        with pytest.raises(ValidationError):
            settings.set(settings.IMPORT_MAX_ROWS, value)
    Setting.create(key="import.max_columns", value='"lots"')  # written by another program: read as the default
    assert limits.current() == limits.DEFAULT
