"""The application factory: routes, error handling, static web client, feed lifespan."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import FileResponse, HTMLResponse, Response
from starlette.staticfiles import StaticFiles
from starlette.types import Scope

import spotlight_trader
from spotlight_trader.api import openapi
from spotlight_trader.api.responses import ApiError, error_response
from spotlight_trader.api.routes import market, ops, rules
from spotlight_trader.api.stream import stream_market
from spotlight_trader.coach import tokens
from spotlight_trader.coach.metrics import VoiceCollector
from spotlight_trader.coach.proxy import realtime_ws
from spotlight_trader.coach.tokens import VoiceState
from spotlight_trader.errors import AuthError, InputError
from spotlight_trader.metrics import make_registry
from spotlight_trader.service import MarketService

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


def create_app(service: MarketService, database_url: str | None = None) -> FastAPI:
    """Build the ASGI app around a (not yet started) :class:`MarketService`.

    At start the database (``database_url``, default from the settings) is migrated to the
    newest revision, built-in rules are seeded and the rules engine starts listening to the
    pipeline before the feed starts.
    """

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        from spotlight_trader.market.session import load_calendar
        from spotlight_trader.rules.engine import RulesEngine
        from spotlight_trader.storage.db import database_url as default_url
        from spotlight_trader.storage.store import open_store

        settings = service.settings
        await asyncio.to_thread(load_calendar)  # ~1.5 s once; not on the event loop
        store = await open_store(database_url or default_url(settings))
        engine = RulesEngine(
            store,
            service.bus,
            rvol_sessions=settings.rvol_sessions,
            rvol_min_sessions=min(settings.rvol_min_sessions, settings.rvol_sessions),
        )
        await store.multi_user()  # prime the single-/multi-user answer
        app.state.store = store
        app.state.users = store
        app.state.engine = engine
        service.pipeline.bar_listeners.append(engine.on_bar)
        service.pipeline.history_listeners.append(engine.on_history)
        service.pipeline.microbar_listeners.append(engine.on_microbar)
        await engine.start()
        await service.start()
        try:
            yield
        finally:
            await service.stop()
            await engine.stop()
            await store.close()

    app = FastAPI(
        title="Spotlight Trader",
        version=spotlight_trader.__version__,
        description="Live bars, explained alerts, a voice coach and a journal for traders.",
        lifespan=lifespan,
    )
    app.state.service = service
    app.state.registry = make_registry(service)
    app.state.voice = VoiceState.from_settings(service.settings)
    app.state.registry.register(VoiceCollector(app.state.voice))

    @app.exception_handler(InputError)
    async def _input_error(_request: Request, exc: InputError) -> Response:
        return error_response(422, str(exc))

    @app.exception_handler(ApiError)
    async def _api_error(_request: Request, exc: ApiError) -> Response:
        return error_response(exc.status, exc.message, exc.field)

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

    app.include_router(market.router)
    app.include_router(rules.router)
    app.include_router(ops.router)
    app.include_router(tokens.router)
    app.add_api_websocket_route("/ws/realtime", realtime_ws)
    app.add_api_route(
        "/stream/market",
        stream_market,
        methods=["GET"],
        summary="Live bars, microbars and alerts (Server-Sent Events)",
        response_class=Response,
        responses={
            200: {"description": "text/event-stream: ready, bar, microbar, alert, gap, status"}
        },
    )
    openapi.install(app)

    dist = service.settings.web_dist.resolve()
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
