"""Operational routes: liveness, readiness, Prometheus metrics."""

from __future__ import annotations

from fastapi import APIRouter, Request
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest
from starlette.responses import Response

from spotlight_trader.api.openapi import json_response
from spotlight_trader.api.responses import MsgspecResponse
from spotlight_trader.api.schemas import Health
from spotlight_trader.service import MarketService

router = APIRouter()


@router.get("/healthz", responses=json_response(Health), summary="Liveness")
async def healthz(request: Request) -> Response:
    """200 while the process serves requests."""
    service: MarketService = request.app.state.service
    return MsgspecResponse(Health(status="ok", feed=service.feed.name))


@router.get("/readyz", responses=json_response(Health, 200), summary="Readiness")
async def readyz(request: Request) -> Response:
    """200 when the feed is running (or a replay finished cleanly); 503 otherwise."""
    service: MarketService = request.app.state.service
    if service.running or (service.feed_done and service.feed_error is None):
        return MsgspecResponse(Health(status="ready", feed=service.feed.name))
    detail = service.feed_error or "feed not started"
    return MsgspecResponse(
        Health(status="unavailable", feed=service.feed.name, detail=detail), status_code=503
    )


@router.get("/metrics", summary="Prometheus metrics", response_class=Response)
async def metrics(request: Request) -> Response:
    """Prometheus text exposition."""
    return Response(generate_latest(request.app.state.registry), media_type=CONTENT_TYPE_LATEST)
