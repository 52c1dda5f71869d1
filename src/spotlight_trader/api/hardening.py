"""HTTP hardening for every route, present and future: one ASGI middleware (docs/security.md).

In this order, before the app sees a request:

1. **Host** (DNS rebinding): the ``Host`` header must name an allowed host (``APP_ORIGIN``'s
   and ``ADMIN_ORIGIN``'s, the loopback names, the bind address, ``ALLOWED_HOSTS``); else 400
   (a WebSocket is closed before it is accepted, which the client sees as 403).
2. **CSRF** for state-changing methods (POST, PUT, PATCH, DELETE): a present ``Origin`` must
   be the request's own origin, ``APP_ORIGIN`` or ``ADMIN_ORIGIN`` (else 403; ``null`` too);
   without an Origin, ``Sec-Fetch-Site: cross-site``/``same-site`` is refused the same way.
   A request with a body must say ``Content-Type: application/json`` (else 415), which a
   page cannot send cross-origin without a CORS preflight. File uploads
   (:data:`UPLOAD_PATHS`, the journal import) take ``multipart/form-data`` instead: a form
   can send that cross-site, which the Origin check above refuses (browsers send an Origin
   with every cross-origin POST).
3. **Body size** (``HTTP_MAX_BODY_BYTES``; an upload path: ``JOURNAL_MAX_IMPORT_BYTES``):
   a larger ``Content-Length`` gets 413 before a byte is read; a chunked body is counted
   while it streams and refused at the limit.

And on every response: the security headers (:func:`security_headers`), HSTS when the
request came over HTTPS (directly or through a trusted proxy's ``X-Forwarded-Proto``).
"""

from __future__ import annotations

import ipaddress
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit

from starlette.datastructures import Headers
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from spotlight_trader.api.responses import error_response
from spotlight_trader.config import Settings
from spotlight_trader.errors import PayloadTooLarge

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
LOOPBACK_HOSTS = frozenset({"localhost", "127.0.0.1", "::1"})
JSON_TYPES = frozenset({"application/json"})
UPLOAD_TYPES = frozenset({"multipart/form-data"})
# POST routes that take a file: their media type and their own size limit
UPLOAD_PATHS = frozenset({"/api/journal/imports"})

# Scripts only from this server (no inline script, no eval, no blob:/data: scripts); no
# framing; network access only to this origin (REST, SSE and the voice WebSocket). Styles
# may be inline: Lightweight Charts injects its attribution logo's <style> and Swagger UI
# (/docs, api/docs.py) sets style attributes; neither can run code.
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; font-src 'self'; connect-src 'self'; media-src 'self'; "
    "worker-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
    "frame-ancestors 'none'"
)
HSTS = "max-age=31536000; includeSubDomains"
PERMISSIONS = "microphone=(self), camera=(), geolocation=(), payment=(), usb=()"


def security_headers(https: bool) -> list[tuple[bytes, bytes]]:
    """The headers every response carries (HSTS only over HTTPS)."""
    headers = [
        (b"content-security-policy", CSP.encode()),
        (b"x-content-type-options", b"nosniff"),
        (b"referrer-policy", b"no-referrer"),
        (b"permissions-policy", PERMISSIONS.encode()),
        (b"x-frame-options", b"DENY"),
        (b"cross-origin-opener-policy", b"same-origin"),
        (b"cross-origin-resource-policy", b"same-origin"),
    ]
    if https:
        headers.append((b"strict-transport-security", HSTS.encode()))
    return headers


def _origin(url: str) -> str:
    parts = urlsplit(url.strip())
    return f"{parts.scheme.lower()}://{parts.netloc.lower()}"


def host_name(host: str) -> str:
    """The name in a ``Host`` header, lower case, without the port (``[::1]:80`` → ``::1``)."""
    host = host.strip().lower()
    if host.startswith("["):
        return host[1 : host.find("]")] if "]" in host else host
    name, _, _port = host.partition(":")
    return name.rstrip(".")


@dataclass(frozen=True)
class HttpPolicy:
    """What the middleware allows: hosts, browser origins and the body limit."""

    hosts: frozenset[str]
    origins: frozenset[str]
    max_body_bytes: int
    max_upload_bytes: int

    @classmethod
    def from_settings(cls, settings: Settings) -> HttpPolicy:
        """The policy the settings describe (see the module docstring)."""
        origins = {_origin(settings.app_origin)}
        if settings.admin_origin:
            origins.add(_origin(settings.admin_origin))
        hosts = set(LOOPBACK_HOSTS) | {host_name(urlsplit(o).netloc) for o in origins}
        hosts |= {host_name(h) for h in settings.allowed_hosts}
        if not _wildcard(settings.host):
            hosts.add(host_name(settings.host))
        return cls(
            frozenset(hosts),
            frozenset(origins),
            settings.http_max_body_bytes,
            settings.journal_max_import_bytes,
        )

    def body_limit(self, path: str) -> int:
        """The most bytes a request body to ``path`` may have."""
        return self.max_upload_bytes if path in UPLOAD_PATHS else self.max_body_bytes

    def host_allowed(self, host: str | None) -> bool:
        """Whether a ``Host`` header names this server."""
        return host is not None and host_name(host) in self.hosts

    def refusal(
        self, method: str, path: str, headers: Mapping[str, str], scheme: str
    ) -> Refusal | None:
        """Why a request must be refused before the app sees it (CSRF, size), or None."""
        if method in SAFE_METHODS:
            return None
        origin = headers.get("origin")
        if origin is not None:
            own = f"{scheme}://{headers.get('host', '').lower()}"
            if origin.lower() not in self.origins and _origin(origin) != own:
                message = f"cross-origin request refused (Origin {origin[:80]})"
                return Refusal(403, "origin", message)
        elif headers.get("sec-fetch-site", "") in ("cross-site", "same-site"):
            return Refusal(403, "cross_site", "cross-site request refused")
        length = headers.get("content-length")
        has_body = headers.get("transfer-encoding") is not None or (length not in (None, "0"))
        if has_body:
            media = headers.get("content-type", "").split(";", 1)[0].strip().lower()
            allowed = JSON_TYPES | UPLOAD_TYPES if path in UPLOAD_PATHS else JSON_TYPES
            if media not in allowed:
                shown = media[:60] or "none"
                return Refusal(
                    415, "content_type", f"request bodies must be application/json (got {shown})"
                )
        if length is not None:
            if not length.isdigit():
                return Refusal(400, "content_length", "invalid Content-Length")
            limit = self.body_limit(path)
            if int(length) > limit:
                return Refusal(413, "body_size", f"body larger than {limit} bytes")
        return None


@dataclass(frozen=True)
class Refusal:
    """A request refused by the policy: the status, the reason counted in ``/metrics``
    (``spotlight_http_refused_total{reason}``) and the message of the error body."""

    status: int
    reason: str
    message: str


def _wildcard(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_unspecified
    except ValueError:
        return False


class Hardening:
    """The ASGI middleware applying an :class:`HttpPolicy` (installed by ``create_app``);
    ``refused`` counts the refusals per reason."""

    def __init__(self, app: ASGIApp, policy: HttpPolicy, refused: Counter[str]) -> None:
        self.app = app
        self.policy = policy
        self.refused = refused

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "websocket":
            if not self.policy.host_allowed(Headers(scope=scope).get("host")):
                self.refused["host"] += 1
                await send({"type": "websocket.close", "code": 1008, "reason": "host not allowed"})
                return
            await self.app(scope, receive, send)
            return
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        https = scope.get("scheme") == "https"
        extra = security_headers(https)
        started = False

        async def send_secured(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                present = {name.lower() for name, _ in message.get("headers", [])}
                message["headers"] = [
                    *message.get("headers", []),
                    *(h for h in extra if h[0] not in present),
                ]
            await send(message)

        headers = Headers(scope=scope)
        if not self.policy.host_allowed(headers.get("host")):
            self.refused["host"] += 1
            await error_response(400, "host not allowed")(scope, receive, send_secured)
            return
        refusal = self.policy.refusal(
            scope["method"], scope["path"], headers, scope.get("scheme", "http")
        )
        if refusal is not None:
            self.refused[refusal.reason] += 1
            await error_response(refusal.status, refusal.message)(scope, receive, send_secured)
            return
        limit = self.policy.body_limit(scope["path"])
        seen = 0

        async def receive_limited() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > limit:
                    raise PayloadTooLarge(f"body larger than {limit} bytes")
            return message

        try:
            await self.app(scope, receive_limited, send_secured)
        except PayloadTooLarge as exc:
            if started:
                raise
            self.refused["body_size"] += 1
            await error_response(413, str(exc))(scope, receive, send_secured)
