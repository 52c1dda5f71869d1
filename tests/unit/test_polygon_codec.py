"""Frame decoding: recorded frames, mixed frames, unknown events, malformed entries."""

from __future__ import annotations

import json

from spotlight_trader.feeds.polygon.codec import decode_frame, parse_frame
from spotlight_trader.model import Quote, Trade
from tests.fakes.polygon_ws import quote, recorded, status_frame, trade


def test_recorded_mock_server_frames() -> None:
    frames = recorded()["mock_server_frames"]
    decoded = [decode_frame(json.dumps(f).encode()) for f in frames]
    assert [s.status for s in decoded[0].statuses] == ["connected"]
    assert [s.status for s in decoded[1].statuses] == ["auth_success"]
    aapl = decoded[3].trades
    assert len(aapl) == 1
    t = aapl[0]
    assert isinstance(t, Trade)
    assert (t.symbol, t.ts_ms, t.price, t.size, t.conditions, t.exchange) == (
        "AAPL",
        1651684192462,
        161.87,
        300.0,
        (14, 41),
        10,
    )
    amzn = decoded[4].trades
    assert [x.conditions for x in amzn] == [(14, 37, 41), ()]  # absent c → no conditions
    assert all(d.malformed == 0 and d.unknown == 0 for d in decoded)


def test_spec_examples_quote_sizes_are_round_lots() -> None:
    ex = recorded()["spec_examples"]
    frame = decode_frame(json.dumps(ex["/stocks/Q"]).encode())
    assert frame.quotes == [
        Quote(
            symbol="MSFT",
            ts_ms=1536036818784,
            bid=114.125,
            ask=114.128,
            bid_size=10_000.0,
            ask_size=16_000.0,
        )
    ]
    t = decode_frame(json.dumps(ex["/stocks/T"]).encode()).trades[0]
    assert (t.symbol, t.ts_ms, t.size, t.conditions) == ("MSFT", 1536036818784, 100.0, (0, 12))


def test_fractional_size_from_ds() -> None:
    entry = trade("NVDA", 1786649956459, 225.63, 129)
    entry["ds"] = "129.25"
    entry["pt"] = 1786649956458
    frame = decode_frame(json.dumps([entry]).encode())
    assert frame.trades[0].size == 129.25
    assert type(frame.trades[0]) is Trade


def test_mixed_frame_keeps_everything_in_order() -> None:
    frame = [
        trade("AAPL", 1_700_000_000_000, 190.0),
        quote("AAPL", 1_700_000_000_001, 189.9, 190.1),
        status_frame("success", "subscribed to: T.AAPL")[0],
        trade("AAPL", 1_700_000_000_002, 190.5, 200),
    ]
    out = decode_frame(json.dumps(frame).encode())
    assert [t.price for t in out.trades] == [190.0, 190.5]
    assert len(out.quotes) == 1 and out.quotes[0].bid_size == 100.0
    assert [s.status for s in out.statuses] == ["success"]
    assert out.last_ts_ms == 1_700_000_000_002
    assert (out.unknown, out.malformed) == (0, 0)


def test_unknown_and_malformed_entries_are_counted_not_fatal() -> None:
    ex = recorded()["spec_examples"]
    bad_price = trade("AAPL", 1_700_000_000_000, 1.0)
    bad_price["p"] = "abc"
    no_time = trade("AAPL", 1_700_000_000_000, 1.0)
    del no_time["t"]
    bad_ds = trade("AAPL", 1_700_000_000_000, 1.0)
    bad_ds["ds"] = "lots"
    frame = [
        trade("AAPL", 1_700_000_000_000, 190.0),
        ex["/stocks/AM"][0],  # unknown to us
        ex["/stocks/LULD"][0],  # unknown
        bad_price,
        no_time,
        bad_ds,
        42,
        {"no": "ev"},
        quote("AAPL", 1_700_000_000_005, 189.0, 191.0),
        trade("AAPL", 1_700_000_000_010, 191.0),
    ]
    out = decode_frame(json.dumps(frame).encode())
    assert [t.price for t in out.trades] == [190.0, 191.0]
    assert len(out.quotes) == 1
    assert out.unknown == 2
    assert out.malformed == 5


def test_garbage_frames() -> None:
    assert decode_frame(b"not json").malformed == 1
    assert decode_frame(b'{"ev":"T"}').malformed == 1
    empty = decode_frame(b"[]")
    assert (empty.trades, empty.malformed) == ([], 0)


def test_parse_only_path() -> None:
    events = parse_frame(json.dumps([trade("A", 1, 2.0)]).encode())
    assert len(events) == 1


def test_a_frame_that_stops_being_json_after_a_typed_mismatch_is_counted() -> None:
    """Found by tests/unit/test_fuzz.py: ``0\\x00`` failed the typed decode (not an array)
    and then raised from the fallback's generic decode."""
    out = decode_frame(b"0\x00")
    assert (out.malformed, out.trades, out.quotes) == (1, [], [])
