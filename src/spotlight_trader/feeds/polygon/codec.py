"""Decode Polygon/Massive stocks WebSocket frames into domain types (the feed's hot path).

Every server frame is a JSON array whose entries are tagged by ``ev``. Two paths:

* **Fast path**: one typed msgspec decode of the whole frame into a tagged union of
  ``T`` (trade), ``Q`` (quote) and ``status``. Trades decode straight into
  :class:`PolygonTrade`, a subclass of :class:`~spotlight_trader.model.Trade` whose fields
  carry the wire names, so a normal trade costs no second object and no dict.
* **Fallback** (only when the typed decode fails): decode generically and validate entry
  by entry, so an unknown ``ev`` or a malformed entry is counted and skipped without
  losing the rest of the frame.

Normalisation: ``t`` is SIP time in Unix ms (kept as is); an absent ``c`` means no
conditions; a ``ds`` string is the fractional size and replaces ``s``; quote sizes
``bs``/``as`` are round lots and become shares (×100).
"""

from __future__ import annotations

from typing import Any, Final

import msgspec

from spotlight_trader.model import Quote, Trade

ROUND_LOT: Final = 100


class PolygonTrade(Trade, tag_field="ev", tag="T", frozen=True, gc=False):
    """A ``T`` event as decoded from the wire. It *is* a :class:`Trade` (same fields and
    meaning); only the JSON names differ. ``ds`` is the fractional size string."""

    symbol: str = msgspec.field(name="sym")
    ts_ms: int = msgspec.field(name="t")
    price: float = msgspec.field(name="p")
    size: float = msgspec.field(name="s")
    conditions: tuple[int, ...] = msgspec.field(default=(), name="c")
    exchange: int = msgspec.field(default=0, name="x")
    ds: str | None = None


class PolygonQuote(msgspec.Struct, tag_field="ev", tag="Q", gc=False):
    """A ``Q`` event as decoded from the wire (sizes in round lots)."""

    sym: str
    t: int
    bp: float
    ap: float
    bs: float = 0.0
    as_: float = msgspec.field(default=0.0, name="as")


class StatusEvent(msgspec.Struct, tag_field="ev", tag="status", frozen=True, gc=False):
    """A ``status`` event: connection, auth, subscription and disconnect notices."""

    status: str
    message: str = ""


_Event = PolygonTrade | PolygonQuote | StatusEvent
_KNOWN_EV: Final = frozenset({"T", "Q", "status"})
_frame_decoder: Final = msgspec.json.Decoder(list[_Event])
_generic_decoder: Final = msgspec.json.Decoder()


class DecodedFrame:
    """The useful content of one frame plus what had to be skipped.

    ``last_ts_ms`` is the SIP time of the last trade or quote in the frame (0 if none);
    the feed uses it for the ingest-lag metric.
    """

    __slots__ = ("last_ts_ms", "malformed", "quotes", "statuses", "trades", "unknown")

    def __init__(self) -> None:
        self.trades: list[Trade] = []
        self.quotes: list[Quote] = []
        self.statuses: list[StatusEvent] = []
        self.unknown = 0
        self.malformed = 0
        self.last_ts_ms = 0


def parse_frame(data: bytes | str) -> list[PolygonTrade | PolygonQuote | StatusEvent]:
    """Typed decode only (no normalisation, no fallback): the parse-only benchmark path.
    Raises :class:`msgspec.DecodeError` / :class:`msgspec.ValidationError` on bad frames."""
    return _frame_decoder.decode(data)


def decode_frame(data: bytes | str) -> DecodedFrame:
    """Decode and normalise one frame. Never raises on bad input: it is counted instead."""
    out = DecodedFrame()
    try:
        events: list[Any] = _frame_decoder.decode(data)
    except msgspec.ValidationError:  # some entry is not what we expect (or not JSON after all)
        events = _fallback(data, out)
    except msgspec.DecodeError:
        out.malformed = 1  # not JSON at all: the whole frame is one bad input
        return out
    trades = out.trades
    append = trades.append
    for ev in events:
        cls = type(ev)
        if cls is PolygonTrade:
            if ev.ds is not None:
                ev = _fractional(ev)
                if ev is None:
                    out.malformed += 1
                    continue
            append(ev)
        elif cls is PolygonQuote:
            out.quotes.append(
                Quote(
                    symbol=ev.sym,
                    ts_ms=ev.t,
                    bid=ev.bp,
                    ask=ev.ap,
                    bid_size=ev.bs * ROUND_LOT,
                    ask_size=ev.as_ * ROUND_LOT,
                )
            )
        else:
            out.statuses.append(ev)
    last = trades[-1].ts_ms if trades else 0
    if out.quotes and out.quotes[-1].ts_ms > last:
        last = out.quotes[-1].ts_ms
    out.last_ts_ms = last
    return out


def _fractional(ev: PolygonTrade) -> Trade | None:
    """The trade with its size taken from ``ds``; None if ``ds`` is not a positive number."""
    try:
        size = float(ev.ds)  # type: ignore[arg-type]
    except ValueError:
        return None
    if not size > 0.0:
        return None
    return Trade(
        symbol=ev.symbol,
        ts_ms=ev.ts_ms,
        price=ev.price,
        size=size,
        conditions=ev.conditions,
        exchange=ev.exchange,
    )


def _fallback(data: bytes | str, out: DecodedFrame) -> list[Any]:
    """Entry-by-entry validation after the typed decode failed (which can happen before the
    decoder reaches bytes that are not JSON at all, e.g. ``0\x00``)."""
    try:
        raw = _generic_decoder.decode(data)
    except msgspec.DecodeError:
        raw = None
    if not isinstance(raw, list):
        out.malformed += 1
        return []
    good: list[Any] = []
    for entry in raw:
        if not isinstance(entry, dict):
            out.malformed += 1
            continue
        ev = entry.get("ev")
        if ev not in _KNOWN_EV:
            if isinstance(ev, str):
                out.unknown += 1
            else:
                out.malformed += 1
            continue
        try:
            good.append(msgspec.convert(entry, _Event))
        except msgspec.ValidationError:
            out.malformed += 1
    return good
