"""Exchange time helpers: New York wall clock and the intraday sessions.

Sessions (ET): pre-market 04:00–09:30, regular 09:30–16:00, after-hours 16:00–20:00,
closed otherwise. Holidays and half days come from exchange_calendars (XNYS):
:func:`trading_day`.
"""

from __future__ import annotations

import importlib.metadata
import json
import os
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Literal, NamedTuple
from zoneinfo import ZoneInfo

import platformdirs

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


class TradingDay(NamedTuple):
    """One New York calendar day: pre-market start, regular open and close (epoch ms).

    ``is_session`` is False on weekends and exchange holidays (then ``open_ms`` and
    ``close_ms`` are the nominal 09:30/16:00 times and no regular session takes place).
    Half days close early (13:00 ET), as the calendar says.
    """

    day: date
    is_session: bool
    pre_ms: int
    open_ms: int
    close_ms: int
    post_ms: int
    next_day_ms: int


_SCHEDULE: dict[date, tuple[int, int]] | None = None
_SCHEDULE_RANGE: tuple[date, date] = (date.min, date.min)
_DAYS: dict[date, TradingDay] = {}


CALENDAR_CACHE_DAYS = 30  # rebuild the cached schedule after this long (it ends a year out)


def _cache_path() -> Path | None:
    try:
        version = importlib.metadata.version("exchange-calendars")
    except importlib.metadata.PackageNotFoundError:
        return None
    return Path(platformdirs.user_cache_dir("spotlight-trader")) / f"xnys-{version}.json"


def _read_cache(path: Path) -> tuple[dict[date, tuple[int, int]], tuple[date, date]] | None:
    try:
        data = json.loads(path.read_text())
        built = date.fromisoformat(data["built"])
        if (date.today() - built).days > CALENDAR_CACHE_DAYS:
            return None
        sessions = {
            date.fromisoformat(k): (int(v[0]), int(v[1])) for k, v in data["sessions"].items()
        }
        return sessions, (date.fromisoformat(data["first"]), date.fromisoformat(data["last"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _write_cache(
    path: Path, sessions: dict[date, tuple[int, int]], span: tuple[date, date]
) -> None:
    data = {
        "built": date.today().isoformat(),
        "first": span[0].isoformat(),
        "last": span[1].isoformat(),
        "sessions": {k.isoformat(): list(v) for k, v in sessions.items()},
    }
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(json.dumps(data, separators=(",", ":")))
        tmp.replace(path)
    except OSError:
        pass  # a read-only cache directory only costs the next start its two seconds


def _schedule() -> dict[date, tuple[int, int]]:
    """Regular sessions of the NYSE (XNYS) from exchange_calendars, loaded once. Building
    them takes a couple of seconds, so the result is cached in the user's cache directory
    (per exchange_calendars version, rebuilt monthly)."""
    global _SCHEDULE, _SCHEDULE_RANGE
    if _SCHEDULE is None:
        path = _cache_path()
        cached = _read_cache(path) if path is not None else None
        if cached is not None:
            _SCHEDULE, _SCHEDULE_RANGE = cached
            return _SCHEDULE
        import warnings

        import exchange_calendars

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # pandas deprecations inside the library
            cal = exchange_calendars.get_calendar("XNYS")
            schedule = cal.schedule
        _SCHEDULE = {
            ts.date(): (int(row.open.value // 1_000_000), int(row.close.value // 1_000_000))
            for ts, row in zip(schedule.index, schedule.itertuples(), strict=True)
        }
        _SCHEDULE_RANGE = (cal.first_session.date(), cal.last_session.date())
        if path is not None:
            _write_cache(path, _SCHEDULE, _SCHEDULE_RANGE)
    return _SCHEDULE


def load_calendar() -> None:
    """Load the exchange calendar now (it takes a second or two the first time)."""
    _schedule()


def trading_day(day: date) -> TradingDay:
    """The sessions of ``day`` (holidays and half days from the XNYS calendar; outside the
    calendar's range weekdays are assumed to be full sessions)."""
    cached = _DAYS.get(day)
    if cached is not None:
        return cached
    schedule = _schedule()
    hours = schedule.get(day)
    if hours is None and not _SCHEDULE_RANGE[0] <= day <= _SCHEDULE_RANGE[1] and day.weekday() < 5:
        hours = (et_to_ms(day, REGULAR_OPEN_MIN), et_to_ms(day, REGULAR_CLOSE_MIN))
    is_session = hours is not None
    if hours is None:
        hours = (et_to_ms(day, REGULAR_OPEN_MIN), et_to_ms(day, REGULAR_CLOSE_MIN))
    midnight = datetime(day.year, day.month, day.day, tzinfo=ET)
    next_day = (midnight + timedelta(days=1)).date()
    result = TradingDay(
        day=day,
        is_session=is_session,
        pre_ms=et_to_ms(day, PRE_OPEN_MIN),
        open_ms=hours[0],
        close_ms=hours[1],
        post_ms=et_to_ms(day, POST_CLOSE_MIN),
        next_day_ms=int(
            datetime(next_day.year, next_day.month, next_day.day, tzinfo=ET).timestamp()
        )
        * 1000,
    )
    _DAYS[day] = result
    return result


def et_clock(ts_ms: int) -> str:
    """``HH:MM`` New York time, as in explanations ("09:47 ET")."""
    return et_datetime(ts_ms).strftime("%H:%M")
