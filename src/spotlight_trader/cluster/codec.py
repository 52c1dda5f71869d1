"""What a bus message looks like on Redis: one tag byte naming its type, then msgpack.

The market's own messages travel (bars, microbars, signals, lifecycle states), and plain
numbers and strings; :func:`encode` returns None for anything else, which stays in its
process (the stream ticker's ``status`` frames and heartbeats are per process).
"""

from __future__ import annotations

import msgspec

from spotlight_trader.market.lifecycle import MarketState
from spotlight_trader.model import Bar, Microbar, Signal

_TAGS: dict[type, bytes] = {Bar: b"B", Microbar: b"M", Signal: b"S", MarketState: b"L"}
_PLAIN = b"P"
_DECODERS: dict[int, msgspec.msgpack.Decoder[object]] = {
    tag[0]: msgspec.msgpack.Decoder(kind) for kind, tag in _TAGS.items()
}
_DECODERS[_PLAIN[0]] = msgspec.msgpack.Decoder(int | float | str)
_encode = msgspec.msgpack.Encoder().encode


def encode(message: object) -> bytes | None:
    """The bytes of ``message``, or None if it does not leave the process."""
    tag = _TAGS.get(type(message))
    if tag is None:
        if type(message) not in (int, float, str):
            return None
        tag = _PLAIN
    return tag + _encode(message)


def decode(data: bytes) -> object:
    """The message :func:`encode` made ``data`` from."""
    return _DECODERS[data[0]].decode(data[1:])
