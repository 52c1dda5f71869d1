"""ReplayPacer: when a replay-clock instant is due in wall time, under pause, resume, speed
changes and jumps ahead. Pure: the caller passes the wall clock (monotonic seconds) in.

Replay time runs ``speed`` times as fast as wall time from an *anchor* (a replay instant
and the wall time it was delivered at). Every control re-anchors at the newest delivered
instant, so a speed change or a resume never makes the replay catch up or skip: it goes on
from where it is at the new pace. A jump (``seek``) delivers everything before its target
as fast as possible, then paces again from the target.
"""

from __future__ import annotations

import math

from spotlight_trader.errors import InputError

MAX_SPEED = 10_000.0  # fastest paced speed; faster means "as fast as possible" (None)
_NONE = -1


def check_speed(speed: float | None) -> float | None:
    """``speed`` if it is a positive finite number up to :data:`MAX_SPEED` (or None: as fast
    as possible); :class:`InputError` otherwise."""
    if speed is not None and not (math.isfinite(speed) and 0 < speed <= MAX_SPEED):
        raise InputError(f"speed must be a number above 0 and at most {MAX_SPEED:g}, or null")
    return speed


class ReplayPacer:
    """The pacing state of one replay: speed (None = as fast as possible), paused, and the
    target of a jump under way."""

    def __init__(self, speed: float | None = 1.0) -> None:
        self.speed = check_speed(speed)
        self.paused = False
        self.seek_to_ms: int | None = None
        self.last_ms = _NONE  # newest replay instant delivered
        self._anchor_ms = _NONE
        self._anchor_wall = 0.0

    def _reanchor(self, wall: float) -> None:
        self._anchor_ms = self.last_ms
        self._anchor_wall = wall

    def delay(self, clock_ms: int, wall: float) -> float | None:
        """Seconds to wait before delivering ``clock_ms`` (0: now), or None while paused
        (wait for a control change). Call :meth:`delivered` once it is delivered."""
        if self.paused:
            return None
        if self.seek_to_ms is not None:
            if clock_ms < self.seek_to_ms:
                return 0.0
            self.seek_to_ms = None
            self._anchor_ms = _NONE  # pace again from the target
        if self.speed is None or self._anchor_ms == _NONE:
            return 0.0
        due = self._anchor_wall + (clock_ms - self._anchor_ms) / 1000.0 / self.speed
        return max(0.0, due - wall)

    def delivered(self, clock_ms: int, wall: float) -> None:
        """``clock_ms`` was delivered at ``wall``."""
        self.last_ms = max(self.last_ms, clock_ms)
        if self._anchor_ms == _NONE:
            self._reanchor(wall)

    def pause(self) -> None:
        """Stop delivering until :meth:`resume`."""
        self.paused = True

    def resume(self, wall: float) -> None:
        """Go on from the newest delivered instant at the current speed."""
        self.paused = False
        self._reanchor(wall)

    def set_speed(self, speed: float | None, wall: float) -> None:
        """Change the speed from the newest delivered instant on (None: as fast as possible)."""
        self.speed = check_speed(speed)
        self._reanchor(wall)

    def seek(self, target_ms: int) -> None:
        """Deliver everything before ``target_ms`` as fast as possible (a jump ahead; it also
        resumes a paused replay). :class:`InputError` for a target at or before the newest
        delivered instant: its bars are final, the replay cannot go back."""
        if target_ms <= self.last_ms:
            raise InputError("cannot jump back: the replay is already past that time")
        self.seek_to_ms = target_ms
        self.paused = False
