"""The one date a build may stamp into a file: the document's own, or SOURCE_DATE_EPOCH.

Never the clock, so the same inputs give the same bytes (https://reproducible-builds.org/
specs/source-date-epoch/).  Writers call `stamp(meta)` for core-property and PDF info dates.
"""

from __future__ import annotations

import os
from datetime import datetime, timezone


def stamp(meta) -> datetime | None:
    """meta.date at midnight UTC; else SOURCE_DATE_EPOCH when set; else None (no date)."""
    if meta.date is not None:
        return datetime(meta.date.year, meta.date.month, meta.date.day, tzinfo=timezone.utc)
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), tz=timezone.utc)
    return None
