"""JSON responses encoded with msgspec, and the API's error response."""

from __future__ import annotations

from typing import Any

import msgspec
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
