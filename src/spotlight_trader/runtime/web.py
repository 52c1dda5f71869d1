"""The web side: the ASGI app (routes, error handling, the static web client) built from
the composition root, and the single-process app that also runs the ingest side.

:func:`create_app` needs only :class:`~.components.Components` and, to serve market data,
a :class:`~spotlight_trader.api.deps.MarketAccess`; ``spotlight openapi`` builds it with
neither a feed nor a database. :func:`single_process_app` is ``spotlight serve``: it
migrates the database, seeds the built-in rules and starts/stops the ingest in the
lifespan.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections import Counter
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from types import FrameType
from typing import Any

import uvicorn
from fastapi import APIRouter, Depends, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from prometheus_client import CollectorRegistry
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.cors import CORSMiddleware
from starlette.responses import FileResponse, HTMLResponse, Response
from starlette.routing import Route
from starlette.staticfiles import StaticFiles
from starlette.types import Scope

import spotlight_trader
from spotlight_trader.api import openapi
from spotlight_trader.api.deps import MarketAccess, limit_writes
from spotlight_trader.api.docs import docs_routes
from spotlight_trader.api.hardening import Hardening, HttpPolicy
from spotlight_trader.api.responses import ApiError, error_response
from spotlight_trader.api.routes import (
    account,
    journal,
    journal_entries,
    ops,
    replay,
    rules,
    voice,
    webhooks,
)
from spotlight_trader.api.routes import market as market_routes
from spotlight_trader.api.security import current_user_id
from spotlight_trader.api.sse import StreamRegistry, StreamTicker
from spotlight_trader.api.stream import (
    OPENAPI_PATH,
    STATUS_INTERVAL_S,
    StreamEndpoint,
    status_frame,
)
from spotlight_trader.bus import STATUS_TOPIC
from spotlight_trader.coach.metrics import VoiceCollector
from spotlight_trader.config import Settings, check_start
from spotlight_trader.errors import AuthError, InputError, PayloadTooLarge, ReferenceUnavailable
from spotlight_trader.runtime.components import Components
from spotlight_trader.runtime.ingest import Ingest
from spotlight_trader.runtime.metrics import IngestCollector, WebCollector

Lifespan = Callable[[FastAPI], AbstractAsyncContextManager[None]]

IMMUTABLE = "public, max-age=31536000, immutable"
# paths the server answers itself; anything else is a page of the web client
API_PREFIXES = (
    "api/", "stream/", "ws/", "assets/", "healthz", "readyz", "metrics", "docs", "openapi"
)  # fmt: skip
NO_CACHE = "no-cache"
_NOT_BUILT = (
    "<!doctype html><title>Spotlight Trader</title><body style='font-family:sans-serif'>"
    "<h1>Web client not built</h1><p>Run <code>make run</code> (or <code>make web</code>) "
    "to build it. The API is up: <a href='/docs'>/docs</a>.</p></body>"
)


class _HashedAssets(StaticFiles):
    """Vite's hashed assets never change, so browsers may cache them for a year."""

    async def get_response(self, path: str, scope: Scope) -> Response:
        response = await super().get_response(path, scope)
        if response.status_code == 200:
            response.headers["Cache-Control"] = IMMUTABLE
        return response


def create_app(
    components: Components,
    market: MarketAccess | None = None,
    *,
    lifespan: Lifespan | None = None,
) -> FastAPI:
    """The ASGI app: every router, the error handlers, the metrics registry and the built
    web client. Without ``market`` the market routes answer 503."""
    ticker = (
        StreamTicker(
            components.bus,
            components.streams,
            lambda: status_frame(market.view, components.clock_ms()),
            status_topic=STATUS_TOPIC,
            status_s=STATUS_INTERVAL_S,
            heartbeat_s=components.settings.stream_heartbeat_s,
        )
        if market is not None
        else None
    )

    @asynccontextmanager
    async def app_lifespan(app: FastAPI) -> AsyncIterator[None]:
        async with contextlib.AsyncExitStack() as stack:
            if lifespan is not None:
                await stack.enter_async_context(lifespan(app))
            if ticker is not None:
                ticker.start()
                stack.push_async_callback(ticker.stop)
            stack.callback(components.streams.close_all)
            yield

    app = FastAPI(
        title="Spotlight Trader",
        version=spotlight_trader.__version__,
        description="Live bars, explained alerts, a voice coach and a journal for traders.",
        lifespan=app_lifespan,
        docs_url=None,  # api/docs.py serves /docs from local files
        redoc_url=None,
    )
    # innermost first: CORS (exact origins), then the hardening outside it (api/hardening.py)
    policy = HttpPolicy.from_settings(components.settings)
    app.add_middleware(
        CORSMiddleware,
        allow_origins=sorted(policy.origins),
        allow_methods=["GET", "POST", "PUT", "PATCH", "DELETE"],
        allow_headers=["Authorization", "Content-Type", "Last-Event-ID"],
        allow_credentials=True,
        max_age=600,
    )
    app.state.refused = refused = Counter[str]()
    app.add_middleware(Hardening, policy=policy, refused=refused)
    app.state.components = components
    app.state.market = market
    app.state.users = components.users
    app.state.registry = registry = CollectorRegistry()
    registry.register(WebCollector(components, refused))
    registry.register(VoiceCollector(components.voice))

    @app.exception_handler(InputError)
    async def _input_error(_request: Request, exc: InputError) -> Response:
        return error_response(422, str(exc))

    @app.exception_handler(ReferenceUnavailable)
    async def _reference_unavailable(_request: Request, exc: ReferenceUnavailable) -> Response:
        response = error_response(503, str(exc), "symbol")
        response.headers["Retry-After"] = "5"
        return response

    @app.exception_handler(PayloadTooLarge)
    async def _too_large(_request: Request, exc: PayloadTooLarge) -> Response:
        return error_response(413, str(exc))

    @app.exception_handler(ApiError)
    async def _api_error(_request: Request, exc: ApiError) -> Response:
        return exc.response()

    @app.exception_handler(AuthError)
    async def _auth_error(_request: Request, exc: AuthError) -> Response:
        return error_response(401, str(exc))

    @app.exception_handler(RequestValidationError)
    async def _validation_error(_request: Request, exc: RequestValidationError) -> Response:
        first = exc.errors()[0] if exc.errors() else {}
        loc = first.get("loc", ())
        field = str(loc[-1]) if loc else None
        message = str(first.get("msg", "invalid request"))
        return error_response(422, f"{field}: {message}" if field else message, field)

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(_request: Request, exc: StarletteHTTPException) -> Response:
        return error_response(exc.status_code, str(exc.detail))

    # every route needs a user (in password mode: signed in) unless it is listed as public
    # here: new routers go into `signed_in` and get the dependency by default
    # (and the write rate limit per user: sign-in has its own throttle)
    signed_in = APIRouter(dependencies=[Depends(current_user_id), Depends(limit_writes)])
    for router in (
        market_routes.router,
        rules.router,
        journal.router,
        journal_entries.router,
        ops.router,
        voice.router,
        account.router,
        replay.router,
        webhooks.router,
    ):
        signed_in.include_router(router)
    app.include_router(ops.public)
    app.include_router(account.public)
    app.include_router(voice.ws)
    app.include_router(signed_in)
    app.router.routes.append(Route("/stream/market", StreamEndpoint(), methods=["GET"]))
    app.router.routes.extend(docs_routes(app.title))
    openapi.install(app, {"/stream/market": OPENAPI_PATH})

    dist = components.settings.web_dist.resolve()
    index = dist / "index.html"
    if (dist / "assets").is_dir():
        app.mount("/assets", _HashedAssets(directory=dist / "assets"), name="assets")

    @app.api_route("/", methods=["GET", "HEAD"], include_in_schema=False)
    @app.api_route("/{path:path}", methods=["GET", "HEAD"], include_in_schema=False)
    async def _index(path: str = "") -> Response:
        # the web client's own pages (/journal, /login, ...) are routed in the browser: they
        # get index.html; unknown API paths stay JSON 404s
        if path.startswith(API_PREFIXES):
            return error_response(404, "Not Found")
        if index.is_file():
            return FileResponse(index, headers={"Cache-Control": NO_CACHE})
        return HTMLResponse(_NOT_BUILT, headers={"Cache-Control": NO_CACHE})

    return app


def single_process_app(ingest: Ingest) -> FastAPI:
    """``spotlight serve``: the web app with the ingest side in the same process. At start
    the database is migrated to the newest revision and the built-in rules are seeded;
    then the rules engine and the feed start (the feed warms up in the background).
    :class:`~spotlight_trader.errors.ConfigError` when the settings may not serve
    (:func:`~spotlight_trader.config.check_start`)."""
    components = ingest.components
    check_start(components.settings)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        from spotlight_trader.market.session import load_calendar
        from spotlight_trader.storage.db import upgrade

        await asyncio.to_thread(load_calendar)  # ~2 s once (then cached); not on the loop
        await upgrade(components.database)
        await components.rules.seed_builtins()
        await components.start()
        await ingest.start()
        try:
            yield
        finally:
            await ingest.stop()
            await components.close()

    access = MarketAccess(
        view=ingest.view, watchlist=ingest, rules=ingest.engine, replay=ingest.replay
    )
    app = create_app(components, access, lifespan=lifespan)
    app.state.registry.register(IngestCollector(ingest))
    return app


def proxy_options(settings: Settings) -> dict[str, Any]:
    """uvicorn's forwarded-header options for ``TRUST_PROXY``: X-Forwarded-For and
    X-Forwarded-Proto (so the client address and ``https``) are believed only from the
    proxies named there; unset, from nobody."""
    if not settings.trust_proxy:
        return {"proxy_headers": False}
    return {"proxy_headers": True, "forwarded_allow_ips": settings.trust_proxy}


class Server(uvicorn.Server):
    """uvicorn, closing every open stream as soon as it is told to stop (so a stop does not
    wait out the graceful timeout for streams that never end by themselves)."""

    def __init__(self, config: uvicorn.Config, streams: StreamRegistry) -> None:
        super().__init__(config)
        self._streams = streams

    def handle_exit(self, sig: int, frame: FrameType | None) -> None:
        """Close the streams, then stop as uvicorn does."""
        self._streams.close_all()
        super().handle_exit(sig, frame)
