"""Stream cursor: the SSE event id that makes resume lossless per symbol (invariant 5).

One integer cannot be a cursor across symbols whose bars for the same minute finalise at
different moments, so the cursor records the last delivered seq *per symbol*::

    SPY:29312345,AAPL:29312344,TSLA:-

``-`` means "no bar delivered yet": on resume every bar the ring holds for that symbol is
new to the client. Every ``bar`` event carries the full cursor after that bar, and the first
``ready`` event carries the starting cursor, so the browser's ``Last-Event-ID`` always names
a complete position.

Alerts: when the stream delivers ``alert`` events, the cursor ends with one more part,
``alerts:<id>``, the id of the last alert (signal) delivered to this user (signal ids
increase in the order signals are stored and published)::

    SPY:29312345,AAPL:29312344,TSLA:-,alerts:42

Lower-case ``alerts`` can never be a ticker. On resume, every signal of the user on the
stream's symbols with a larger id is sent before live ones, so alerts resume losslessly
like bars. The part is left out while it is 0 (the user had no signal when the stream
started), and a cursor without it means 0: every stored signal of the user on those
symbols is new to the client.
"""

from __future__ import annotations

import re

from spotlight_trader.errors import InputError

_PART = re.compile(r"^([A-Z][A-Z0-9.\-]{0,9}):(-|\d{1,15})$")
_ALERTS = re.compile(r"^alerts:(\d{1,18})$")
MAX_CURSOR_CHARS = 20_000
MAX_SEQ = 10**10  # minutes since the epoch; far past any real bar


class Cursor:
    """Last delivered seq per symbol (``None`` = nothing delivered yet)."""

    __slots__ = ("_seqs", "alert_id")

    def __init__(self, seqs: dict[str, int | None], alert_id: int | None = None) -> None:
        self._seqs = dict(seqs)
        self.alert_id = alert_id

    @classmethod
    def parse(cls, text: str) -> Cursor:
        """Parse an event id; :class:`InputError` if it is not one we issued."""
        if not text or len(text) > MAX_CURSOR_CHARS:
            raise InputError("cursor is empty or too long")
        seqs: dict[str, int | None] = {}
        alert_id = 0
        for part in text.split(","):
            alerts = _ALERTS.match(part)
            if alerts is not None:
                alert_id = int(alerts.group(1))
                continue
            match = _PART.match(part)
            if match is None:
                raise InputError(f"malformed cursor part {part[:40]!r}")
            symbol, seq = match.groups()
            seqs[symbol] = None if seq == "-" else int(seq)
        return cls(seqs, alert_id)

    def get(self, symbol: str) -> int | None:
        """Last delivered seq of ``symbol``."""
        return self._seqs.get(symbol)

    def __contains__(self, symbol: object) -> bool:
        return symbol in self._seqs

    def advance(self, symbol: str, seq: int) -> bool:
        """Record delivery of ``seq``; False if it is not past the last one (a duplicate)."""
        last = self._seqs.get(symbol)
        if last is not None and seq <= last:
            return False
        self._seqs[symbol] = seq
        return True

    def restrict(self, symbols: list[str]) -> Cursor:
        """A cursor over exactly ``symbols`` (missing ones get ``None``)."""
        return Cursor({s: self._seqs.get(s) for s in symbols}, self.alert_id)

    def advance_alert(self, signal_id: int) -> bool:
        """Record delivery of alert ``signal_id``; False if already delivered."""
        if self.alert_id is not None and signal_id <= self.alert_id:
            return False
        self.alert_id = signal_id
        return True

    def encode(self) -> str:
        """The event id text."""
        text = ",".join(f"{s}:{'-' if q is None else q}" for s, q in self._seqs.items())
        if self.alert_id:
            text += f",alerts:{self.alert_id}"
        return text
