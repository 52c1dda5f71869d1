"""The frames the proxy reads or writes itself: a peek at a frame's ``type``, the
``spotlight.*`` events it sends the browser, the browser's ``spotlight.context``, and the
GA client events it sends upstream (tool outputs, system messages, ``response.create``).
Everything else is forwarded untouched.
"""

from __future__ import annotations

from typing import Any

import msgspec

from spotlight_trader.coach.policy import ViewContext
from spotlight_trader.model import normalise_symbol

# upstream events the session reacts to (after forwarding them)
WATCHED = frozenset(
    {
        "session.updated",
        "response.created",
        "response.done",
        "response.function_call_arguments.done",
        "error",
    }
)


class _Typed(msgspec.Struct):
    type: str = ""


_type_of = msgspec.json.Decoder(_Typed).decode
_encode = msgspec.json.Encoder().encode


def dumps(obj: object) -> str:
    """JSON text of ``obj``."""
    return _encode(obj).decode()


def event_type(frame: str) -> str:
    """The ``type`` of a JSON event ("" when it has none or is not JSON)."""
    try:
        return _type_of(frame).type
    except (msgspec.DecodeError, msgspec.ValidationError):
        return ""


RESPONSE_CREATE = dumps({"type": "response.create"})


def _client_error(code: str, message: str) -> str:
    error = {"type": "invalid_request_error", "code": code, "message": message}
    return dumps({"type": "error", "error": error})


INVALID_CONTEXT = _client_error(
    "invalid_spotlight_context",
    'expected {"type":"spotlight.context","symbol":"SPY","timeframe":1}',
)


def unknown_event(kind: str) -> str:
    """The GA-shaped ``error`` for a ``spotlight.*`` type we do not know."""
    return _client_error("unknown_spotlight_event", f"unknown event {kind[:40]}")


def parse_context(frame: str) -> ViewContext | None:
    """The chart of a ``spotlight.context`` event, or None when the event is invalid."""
    try:
        data = msgspec.json.decode(frame)
        symbol = normalise_symbol(str(data.get("symbol", "")))
        timeframe = data.get("timeframe", 1)
        if not isinstance(timeframe, int) or not 1 <= timeframe <= 1_440:
            raise ValueError("timeframe must be whole minutes, 1 to 1440")
    except Exception:
        return None
    return ViewContext(symbol, timeframe)


def session_event(state: str, reason: str | None) -> str:
    """``{"type":"spotlight.session","state":...,"reason":...}``."""
    return dumps({"type": "spotlight.session", "state": state, "reason": reason})


def tool_event(name: str, call_id: str, status: str) -> str:
    """``{"type":"spotlight.tool",...}``: a tool call ``started``, ``done`` or ``error``."""
    return dumps({"type": "spotlight.tool", "name": name, "call_id": call_id, "status": status})


def item_create(item: dict[str, Any]) -> str:
    """``conversation.item.create`` for ``item``."""
    return dumps({"type": "conversation.item.create", "item": item})


def function_output(call_id: str, result: object) -> str:
    """The ``function_call_output`` item of a tool call."""
    return item_create(
        {"type": "function_call_output", "call_id": call_id, "output": dumps(result)}
    )


def system_message(text: str) -> str:
    """A system message item."""
    content = [{"type": "input_text", "text": text}]
    return item_create({"type": "message", "role": "system", "content": content})
