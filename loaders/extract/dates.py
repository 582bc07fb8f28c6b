"""Dates normalised against the article's publication date, with their precision.

News text dates events relative to the day it is published ("on Monday", "over the weekend",
"last year"); the reading that lies on or before the publication date is taken, since reports
tell what happened. A date that cannot be placed keeps its text and no value.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from kg.model import DatePrecision

WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9

_MONTH = (r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?"
          r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_DAY = r"(\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"((?:19|20)\d\d)"

Normalised = tuple[dt.date | None, DatePrecision | None]


def _clean(text: str) -> str:
    t = text.lower().strip().replace("\u2019", "'")
    t = re.sub(r"^(on|in|during|over|since|by|from|at|as of|until)\s+", "", t)
    t = re.sub(r"\s+", " ", t)
    return t


def _before(day: dt.date, published: dt.date, slack_days: int = 2) -> dt.date:
    """A day-and-month without a year lies in the publication year, or the year before when
    that would put it (more than a couple of days) after the publication date."""
    if day > published + dt.timedelta(days=slack_days):
        try:
            return day.replace(year=day.year - 1)
        except ValueError:
            return day - dt.timedelta(days=365)
    return day


def _absolute(t: str) -> Normalised | None:
    if m := re.fullmatch(rf"{_MONTH} {_DAY},? {_YEAR}", t):
        return _safe(int(m[3]), MONTHS[m[1][:3] if m[1][:4] != "sept" else "sept"], int(m[2])), DatePrecision.DAY
    if m := re.fullmatch(rf"(?:the )?{_DAY} (?:of )?{_MONTH},? {_YEAR}", t):
        return _safe(int(m[3]), MONTHS[m[2][:3]], int(m[1])), DatePrecision.DAY
    if m := re.fullmatch(r"((?:19|20)\d\d)-(\d\d)-(\d\d)", t):
        return _safe(int(m[1]), int(m[2]), int(m[3])), DatePrecision.DAY
    if m := re.fullmatch(rf"(?:early |late |mid-?)?{_MONTH},? {_YEAR}", t):
        return dt.date(int(m[2]), MONTHS[m[1][:3]], 1), DatePrecision.MONTH
    if m := re.fullmatch(rf"(?:early |late |mid-?)?(?:the year )?{_YEAR}", t):
        return dt.date(int(m[1]), 1, 1), DatePrecision.YEAR
    return None


def _safe(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _relative(t: str, pub: dt.date) -> Normalised | None:
    t = re.sub(r"^(the |this past |this )", lambda m: "this " if m[1] == "this " else "", t)
    if t in ("today", "this morning", "this afternoon", "this evening", "tonight", "now"):
        return pub, DatePrecision.DAY
    if t in ("yesterday", "last night"):
        return pub - dt.timedelta(days=1), DatePrecision.DAY
    if t == "tomorrow":
        return pub + dt.timedelta(days=1), DatePrecision.DAY
    weekday = r"(?:last |this )?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
    if m := re.fullmatch(weekday + r"(?: morning| afternoon| evening| night)?", t):
        back = (pub.weekday() - WEEKDAYS[m[1]]) % 7
        if t.startswith("last ") and back == 0:
            back = 7
        return pub - dt.timedelta(days=back), DatePrecision.DAY
    if re.fullmatch(r"(?:last |this |past )?weekend", t):
        # The Saturday of the most recent weekend that began before the publication day.
        back = (pub.weekday() - 5) % 7 or 7
        if pub.weekday() == 6:
            back = 1
        return pub - dt.timedelta(days=back), DatePrecision.WEEK
    if t in ("last week", "past week", "the past week"):
        return pub - dt.timedelta(days=7 + pub.weekday()), DatePrecision.WEEK
    if t in ("this week", "earlier this week"):
        return pub - dt.timedelta(days=pub.weekday()), DatePrecision.WEEK
    if t in ("last month", "past month"):
        first = pub.replace(day=1) - dt.timedelta(days=1)
        return first.replace(day=1), DatePrecision.MONTH
    if t in ("this month", "earlier this month"):
        return pub.replace(day=1), DatePrecision.MONTH
    if t in ("last year", "past year", "a year ago", "one year ago"):
        return dt.date(pub.year - 1, 1, 1), DatePrecision.YEAR
    if t in ("this year", "earlier this year"):
        return dt.date(pub.year, 1, 1), DatePrecision.YEAR
    if m := re.fullmatch(r"(\d+|two|three|four|five|six|seven) (day|week|month|year)s? ago", t):
        n = _small_number(m[1])
        if m[2] == "day":
            return pub - dt.timedelta(days=n), DatePrecision.DAY
        if m[2] == "week":
            return pub - dt.timedelta(days=7 * n), DatePrecision.WEEK
        if m[2] == "month":
            y, mo = divmod(pub.year * 12 + pub.month - 1 - n, 12)
            return dt.date(y, mo + 1, 1), DatePrecision.MONTH
        return dt.date(pub.year - n, 1, 1), DatePrecision.YEAR
    if m := re.fullmatch(rf"(?:last |this )?{_MONTH} {_DAY}(?:st|nd|rd|th)?", t):
        day = _safe(pub.year, MONTHS[m[1][:3]], int(m[2]))
        return (_before(day, pub), DatePrecision.DAY) if day else None
    if m := re.fullmatch(rf"(?:the )?{_DAY} (?:of )?{_MONTH}", t):
        day = _safe(pub.year, MONTHS[m[2][:3]], int(m[1]))
        return (_before(day, pub), DatePrecision.DAY) if day else None
    if m := re.fullmatch(rf"(?:last |this |early |late |mid-?|earlier in )?{_MONTH}", t):
        month = MONTHS[m[1][:3]]
        year = pub.year if month <= pub.month and not t.startswith("last ") else pub.year - 1
        if t.startswith("last ") and month < pub.month:
            year = pub.year
        return dt.date(year, month, 1), DatePrecision.MONTH
    return None


def _small_number(word: str) -> int:
    words = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}
    return int(word) if word.isdigit() else words[word]


def normalise(text: str, published: dt.date | None) -> Normalised:
    """("on Monday", 2025-04-28) -> (2025-04-28, day); unknown -> (None, None)."""
    t = _clean(text)
    t = re.sub(r"^(on|in|during|over|since|by)\s+", "", t)
    found = _absolute(t)
    if found is None and published is not None:
        found = _relative(t, published)
    if found is None or found[0] is None:
        return None, None
    return found
