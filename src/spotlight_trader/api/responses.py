"""JSON responses encoded with msgspec, the API's error response, and request-body decoding."""

from __future__ import annotations

import re
from typing import Any, TypeVar

import msgspec
from starlette.requests import Request
from starlette.responses import Response

from spotlight_trader.api.schemas import ErrorBody

_encode = msgspec.json.Encoder().encode


class MsgspecResponse(Response):
    """A JSON response whose body is any msgspec-encodable value."""

    media_type = "application/json"

    def render(self, content: Any) -> bytes:
        """Encode ``content``."""
        return _encode(content)


def error_response(status: int, message: str, field: str | None = None) -> MsgspecResponse:
    """The body every 4xx/5xx error has: ``{"error": ..., "field": ...}``."""
    return MsgspecResponse(ErrorBody(error=message, field=field), status_code=status)


class ApiError(Exception):
    """A request rejected with ``status``; the app turns it into :func:`error_response`."""

    def __init__(
        self,
        status: int,
        message: str,
        field: str | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.field = field
        self.headers = headers or {}

    def response(self) -> MsgspecResponse:
        """The error response (with the extra headers, e.g. ``Retry-After``)."""
        response = error_response(self.status, self.message, self.field)
        response.headers.update(self.headers)
        return response


T = TypeVar("T")
_MISSING = re.compile(r"missing required field `(\w+)`")
_AT = re.compile(r"at `\$\.(\w+)")


async def decode_body(request: Request, kind: type[T], max_bytes: int, example: str = "") -> T:
    """The JSON body as ``kind``; :class:`ApiError` 413 (too large), 400 (not JSON, or
    nested too deeply) or 422
    (wrong shape, naming the field when msgspec says which)."""
    too_large = ApiError(413, f"body larger than {max_bytes} bytes")
    length = request.headers.get("content-length", "")
    if length.isdigit() and int(length) > max_bytes:
        raise too_large  # refused before a byte is read
    body = bytearray()
    async for chunk in request.stream():  # a chunked body is counted while it arrives
        body += chunk
        if len(body) > max_bytes:
            raise too_large
    try:
        return msgspec.json.decode(body, type=kind)
    except msgspec.ValidationError as exc:
        text = str(exc)
        match = _MISSING.search(text) or _AT.search(text)
        raise ApiError(422, f"invalid body: {text}", match.group(1) if match else None) from None
    except RecursionError:  # msgspec refuses nesting past its depth limit this way
        raise ApiError(400, "body nested too deeply") from None
    except msgspec.DecodeError:
        hint = f" like {example}" if example else ""
        raise ApiError(400, f"body must be a JSON object{hint}") from None
