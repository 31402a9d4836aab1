"""Generated words, dates and numbers in the document's language."""

from datetime import date

from plandoc.labels import format_date, format_day, format_number, labels, status_line
from plandoc.model import Meta


def test_norwegian_dates_and_numbers():
    assert format_date(date(2024, 3, 6), "nb") == "6. mars 2024"
    assert format_number(13278, "nb") == "13\u00a0278"
    assert format_number(1.5, "nn", 1) == "1,5"
    assert format_number(13278, "en") == "13,278"


def test_a_meeting_day_has_its_weekday_in_each_language():
    assert format_day(date(2024, 3, 6), "nb") == "onsdag 6. mars 2024"
    assert format_day(date(2024, 3, 5), "nn") == "tysdag 5. mars 2024"
    assert format_day(date(2024, 3, 9), "nn") == "laurdag 9. mars 2024"
    assert format_day(date(2024, 3, 1), "en") == "Friday 1 March 2024"


def test_every_language_has_every_label():
    assert set(labels("nb")) == set(labels("nn")) == set(labels("en"))


def test_status_line_for_adopted_plan():
    meta = Meta(title="P", municipality="K", status="vedtatt", date=date(2021, 5, 12),
                adopted_by="kommunestyret", case="38/20")
    assert status_line(meta) == "Vedtatt i kommunestyret 12. mai 2021, sak 38/20"
    assert status_line(Meta(title="P", municipality="K")) == "Utkast"
