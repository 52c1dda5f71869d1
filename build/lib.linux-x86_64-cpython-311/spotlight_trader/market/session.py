"""Exchange time helpers: New York wall clock and the intraday sessions.

Sessions (ET): pre-market 04:00–09:30, regular 09:30–16:00, after-hours 16:00–20:00,
closed otherwise. Holidays and half days arrive with the calendar in the alerts work.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal
from zoneinfo import ZoneInfo

ET = ZoneInfo("America/New_York")
Session = Literal["pre", "regular", "post", "closed"]

PRE_OPEN_MIN = 4 * 60
REGULAR_OPEN_MIN = 9 * 60 + 30
REGULAR_CLOSE_MIN = 16 * 60
POST_CLOSE_MIN = 20 * 60


def et_datetime(ts_ms: int) -> datetime:
    """``ts_ms`` as an aware New York datetime."""
    return datetime.fromtimestamp(ts_ms / 1000, tz=ET)


def et_minute_of_day(ts_ms: int) -> int:
    """Minutes since New York midnight."""
    dt = et_datetime(ts_ms)
    return dt.hour * 60 + dt.minute


def et_date(ts_ms: int) -> date:
    """The New York calendar date of ``ts_ms``."""
    return et_datetime(ts_ms).date()


def session_of(ts_ms: int) -> Session:
    """Which session ``ts_ms`` falls in, by New York time of day."""
    minute = et_minute_of_day(ts_ms)
    if minute < PRE_OPEN_MIN or minute >= POST_CLOSE_MIN:
        return "closed"
    if minute < REGULAR_OPEN_MIN:
        return "pre"
    if minute < REGULAR_CLOSE_MIN:
        return "regular"
    return "post"


def et_to_ms(day: date, minute_of_day: int) -> int:
    """Epoch ms of ``minute_of_day`` (New York wall clock) on ``day``."""
    hour, minute = divmod(minute_of_day, 60)
    dt = datetime(day.year, day.month, day.day, hour, minute, tzinfo=ET)
    return int(dt.timestamp() * 1000)
