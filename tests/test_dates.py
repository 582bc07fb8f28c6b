"""Dates normalised against the publication date, with their precision."""

import datetime as dt

import pytest

from kg.model import DatePrecision
from loaders.extract.dates import normalise

PUB = dt.date(2025, 4, 28)  # a Monday


@pytest.mark.parametrize(
    ("text", "day", "precision"),
    [
        ("on Monday", dt.date(2025, 4, 28), DatePrecision.DAY),
        ("Friday", dt.date(2025, 4, 25), DatePrecision.DAY),
        ("last Saturday", dt.date(2025, 4, 26), DatePrecision.DAY),
        ("over the weekend", dt.date(2025, 4, 26), DatePrecision.WEEK),
        ("last year", dt.date(2024, 1, 1), DatePrecision.YEAR),
        ("April 24", dt.date(2025, 4, 24), DatePrecision.DAY),
        ("in 2014", dt.date(2014, 1, 1), DatePrecision.YEAR),
        ("last month", dt.date(2025, 3, 1), DatePrecision.MONTH),
        ("yesterday", dt.date(2025, 4, 27), DatePrecision.DAY),
        ("In February 2023", dt.date(2023, 2, 1), DatePrecision.MONTH),
        ("Oct. 6, 2020", dt.date(2020, 10, 6), DatePrecision.DAY),
        ("August 5th", dt.date(2024, 8, 5), DatePrecision.DAY),  # later than April: last year's
        ("two weeks ago", dt.date(2025, 4, 14), DatePrecision.WEEK),
    ],
)
def test_relative_and_absolute_dates(text, day, precision):
    assert normalise(text, PUB) == (day, precision)


def test_unknown_stays_null():
    assert normalise("the 1990s", PUB) == (None, None)
    assert normalise("for months", PUB) == (None, None)


def test_relative_date_without_publication_date_is_null_but_absolute_is_kept():
    assert normalise("on Monday", None) == (None, None)
    assert normalise("June 2024", None) == (dt.date(2024, 6, 1), DatePrecision.MONTH)
