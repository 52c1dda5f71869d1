"""Operational routes: liveness and readiness (``public``: probes need no sign-in) and
Prometheus metrics (``router``: signed in, like every other route)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest
from starlette.responses import Response

from spotlight_trader.api.deps import MarketAccess, MarketViewDep
from spotlight_trader.api.openapi import json_response
from spotlight_trader.api.responses import MsgspecResponse
from spotlight_trader.api.schemas import Health

public = APIRouter()
router = APIRouter()


@public.get("/healthz", responses=json_response(Health), summary="Liveness")
async def healthz(request: Request) -> Response:
    """200 while the process answers (says nothing about the market: see ``/readyz``)."""
    access: MarketAccess | None = request.app.state.market
    if access is None:
        return MsgspecResponse(Health(status="ok", feed="none"))
    view = access.view
    return MsgspecResponse(Health(status="ok", feed=view.feed_name, phase=view.state().phase))


@public.get(
    "/readyz",
    responses={**json_response(Health, 200), **json_response(Health, 503)},
    summary="Readiness",
)
async def readyz(view: MarketViewDep) -> Response:
    """200 once every watchlist symbol's history is in the ring and the feed is live (or a
    replay finished); otherwise 503 with the lifecycle phase as ``status`` and the reason,
    e.g. ``{"status": "warming", "detail": "loading history 412/1440"}``."""
    state = view.state()
    if state.ready:
        return MsgspecResponse(Health(status="ready", feed=view.feed_name, phase=state.phase))
    return MsgspecResponse(
        Health(
            status=state.phase.value,
            feed=view.feed_name,
            phase=state.phase,
            detail=state.describe(),
        ),
        status_code=503,
    )


@router.get(
    "/metrics",
    summary="Prometheus metrics",
    response_class=Response,
    responses={
        200: {
            "description": "Prometheus text exposition",
            "content": {CONTENT_TYPE_LATEST.split(";")[0]: {"schema": {"type": "string"}}},
        }
    },
)
async def metrics(request: Request) -> Response:
    """Prometheus text exposition."""
    return Response(generate_latest(request.app.state.registry), media_type=CONTENT_TYPE_LATEST)
