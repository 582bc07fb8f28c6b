"""Relationship scores per state dyad and period, and the dyads that moved most between two periods.

Rules (every number is a sum of listed contributions, so it can be traced to its events):

- An event counts for each *unordered* pair of different states among its actor states and
  recipient states (``kg.relations.event_dyads``), once per pair, and only when asserted. Unlike
  the derived relations, every event type counts, engaging ones (meetings, agreements,
  cooperation) included: the score is the PLOVER conflict-cooperation score the event carries.
- Time decay: a contribution is ``score * 0.5 ** (age / half_life_days)``, where age is the number
  of days between the event's date (else the date it was reported) and the period's reference
  date: the period's end (``until``), else the latest event date in the selection. Events after
  the reference date are not boosted (age 0). ``half_life_days=None`` turns decay off. An event
  without any date counts in full when no window is given and is dropped by a window.
- ``score`` is the decayed sum, ``raw`` the plain sum, ``positive``/``negative`` the decayed
  sums of the positive and negative contributions.
- Movers: the score of each dyad in period A and in period B, each decayed to its own period's
  end; ``delta = after - before``; sorted by ``|delta|`` descending.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from kg.model import Entity, Event, Polarity
from kg.relations import event_day, event_dyads, in_window
from kg.states import state_entity

DEFAULT_HALF_LIFE_DAYS = 365.0


@dataclass(frozen=True)
class Period:
    """An inclusive date window; an open end is None."""

    since: dt.date | None = None
    until: dt.date | None = None

    @classmethod
    def parse(cls, text: str) -> Period:
        """'2024-01-01..2024-06-30', '2024-01-01..' or '..2024-06-30'."""
        start, sep, end = text.partition("..")
        if not sep:
            raise ValueError(f"period {text!r}: want START..END (ISO dates; either may be empty)")
        day = lambda t: dt.date.fromisoformat(t.strip()) if t.strip() else None  # noqa: E731
        try:
            return cls(day(start), day(end))
        except ValueError:
            raise ValueError(f"period {text!r}: dates must be YYYY-MM-DD") from None

    def __str__(self) -> str:
        fmt = lambda d: d.isoformat() if d else ""  # noqa: E731
        return f"{fmt(self.since)}..{fmt(self.until)}" if (self.since or self.until) else "all time"


@dataclass(frozen=True)
class Contribution:
    """One event's part in a dyad score."""

    event_id: str
    type: str
    actor: str  # ISO3 of the acting side
    recipient: str
    day: dt.date | None
    score: float
    decay: float
    value: float


@dataclass(frozen=True)
class DyadScore:
    a: Entity  # the state with the smaller id
    b: Entity
    score: float
    raw: float
    positive: float
    negative: float
    first: dt.date | None
    last: dt.date | None
    contributions: tuple[Contribution, ...]

    @property
    def key(self) -> tuple[str, str]:
        return (self.a.id, self.b.id)

    @property
    def events(self) -> int:
        return len(self.contributions)

    @property
    def event_ids(self) -> tuple[str, ...]:
        return tuple(sorted(c.event_id for c in self.contributions))

    @property
    def label(self) -> str:
        return f"{self.a.name} – {self.b.name}"

    def to_dict(self) -> dict[str, object]:
        return {
            "a": self.a.id,
            "a_name": self.a.name,
            "b": self.b.id,
            "b_name": self.b.name,
            "score": self.score,
            "raw": self.raw,
            "positive": self.positive,
            "negative": self.negative,
            "events": self.events,
            "first": self.first.isoformat() if self.first else None,
            "last": self.last.isoformat() if self.last else None,
            "event_ids": list(self.event_ids),
        }


@dataclass(frozen=True)
class Move:
    a: Entity
    b: Entity
    before: float
    after: float
    events_before: tuple[str, ...]
    events_after: tuple[str, ...]

    @property
    def delta(self) -> float:
        return round(self.after - self.before, 6)

    @property
    def label(self) -> str:
        return f"{self.a.name} – {self.b.name}"

    def to_dict(self) -> dict[str, object]:
        return {
            "a": self.a.id, "a_name": self.a.name, "b": self.b.id, "b_name": self.b.name,
            "before": self.before, "after": self.after, "delta": self.delta,
            "events_before": list(self.events_before), "events_after": list(self.events_after),
        }


def decay_factor(day: dt.date | None, reference: dt.date | None, half_life_days: float | None) -> float:
    if half_life_days is None or day is None or reference is None:
        return 1.0
    age = max(0, (reference - day).days)
    return 0.5 ** (age / half_life_days)


def _selected(events: Iterable[Event], period: Period) -> list[Event]:
    seen: dict[str, Event] = {}
    for ev in events:
        if ev.polarity is Polarity.ASSERTED and in_window(ev, period.since, period.until):
            seen.setdefault(ev.id, ev)
    return list(seen.values())


def dyad_scores(
    events: Iterable[Event],
    *,
    since: dt.date | None = None,
    until: dt.date | None = None,
    half_life_days: float | None = DEFAULT_HALF_LIFE_DAYS,
    reference: dt.date | None = None,
) -> list[DyadScore]:
    """Scores of every state dyad in the window, strongest |score| first (see the module docstring)."""
    selected = _selected(events, Period(since, until))
    if reference is None:
        reference = until or max((d for d in map(event_day, selected) if d), default=None)
    parts: dict[tuple[str, str], list[Contribution]] = defaultdict(list)
    for ev in selected:
        day = event_day(ev)
        decay = decay_factor(day, reference, half_life_days)
        pairs: dict[tuple[str, str], tuple[str, str]] = {}
        for a, r in event_dyads(ev):
            pairs.setdefault((min(a, r), max(a, r)), (a, r))
        for key, (a, r) in pairs.items():
            parts[key].append(Contribution(ev.id, ev.type, a, r, day, ev.score, round(decay, 6), round(ev.score * decay, 6)))
    out = []
    for (a, b), contribs in parts.items():
        contribs.sort(key=lambda c: (c.day or dt.date.min, c.event_id))
        days = [c.day for c in contribs if c.day]
        out.append(
            DyadScore(
                a=state_entity(a),
                b=state_entity(b),
                score=round(sum(c.value for c in contribs), 4),
                raw=round(sum(c.score for c in contribs), 4),
                positive=round(sum(c.value for c in contribs if c.value > 0), 4),
                negative=round(sum(c.value for c in contribs if c.value < 0), 4),
                first=min(days, default=None),
                last=max(days, default=None),
                contributions=tuple(contribs),
            )
        )
    out.sort(key=lambda s: (-abs(s.score), -s.events, s.key))
    return out


def movers(
    events: Iterable[Event],
    before: Period,
    after: Period,
    *,
    half_life_days: float | None = DEFAULT_HALF_LIFE_DAYS,
    top: int | None = None,
) -> list[Move]:
    """The dyads whose score changed most from period `before` to period `after`."""
    events = list(events)
    s1 = {s.key: s for s in dyad_scores(events, since=before.since, until=before.until, half_life_days=half_life_days)}
    s2 = {s.key: s for s in dyad_scores(events, since=after.since, until=after.until, half_life_days=half_life_days)}
    moves = []
    for key in sorted(set(s1) | set(s2)):
        x, y = s1.get(key), s2.get(key)
        pick = y or x
        assert pick is not None
        moves.append(
            Move(
                a=pick.a,
                b=pick.b,
                before=x.score if x else 0.0,
                after=y.score if y else 0.0,
                events_before=x.event_ids if x else (),
                events_after=y.event_ids if y else (),
            )
        )
    moves.sort(key=lambda m: (-abs(m.delta), m.a.id, m.b.id))
    return moves[:top] if top else moves


def monthly_series(score: DyadScore) -> list[tuple[dt.date, float, float]]:
    """(month, raw score that month, cumulative raw score) for one dyad's dated contributions."""
    months: dict[dt.date, float] = defaultdict(float)
    for c in score.contributions:
        if c.day:
            months[c.day.replace(day=1)] += c.score
    out, total = [], 0.0
    for month in sorted(months):
        total += months[month]
        out.append((month, round(months[month], 4), round(total, 4)))
    return out
