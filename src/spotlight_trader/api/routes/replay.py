"""Replay routes: the state of a ``spotlight replay`` and its controls (pause, resume,
speed, jump to a New York time). 404 when the feed is not a replay."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request
from starlette.responses import Response

from spotlight_trader.api.deps import MarketAccess, market
from spotlight_trader.api.openapi import json_body, json_response
from spotlight_trader.api.responses import ApiError, MsgspecResponse, decode_body
from spotlight_trader.api.schemas import ErrorBody, ReplayJumpIn, ReplaySpeedIn
from spotlight_trader.errors import InputError
from spotlight_trader.market.session import et_date, et_to_ms
from spotlight_trader.market.view import ReplayControl, ReplayStatus

router = APIRouter()
MAX_BODY_BYTES = 1_024
_RESPONSES = {**json_response(ReplayStatus), **json_response(ErrorBody, 404)}
_CHANGES = {**_RESPONSES, **json_response(ErrorBody, 422)}


def replay_control(access: Annotated[MarketAccess, Depends(market)]) -> ReplayControl:
    """The running replay's controls; 404 when the feed is not a replay."""
    if access.replay is None:
        raise ApiError(404, f"no replay is running (the feed is {access.view.feed_name})")
    return access.replay


ReplayDep = Annotated[ReplayControl, Depends(replay_control)]


@router.get("/api/replay", responses=_RESPONSES, summary="Replay state")
async def replay_status(replay: ReplayDep) -> Response:
    """The replay's state (``loading``, ``playing``, ``paused``, ``jumping``, ``finished``),
    speed, replay clock and progress (rows of the file replayed, %)."""
    return MsgspecResponse(replay.status())


@router.post("/api/replay/pause", responses=_CHANGES, summary="Pause the replay")
async def pause(replay: ReplayDep) -> Response:
    """Stop the replay clock; bars so far stay served. 422 once the replay has finished."""
    return MsgspecResponse(replay.pause())


@router.post("/api/replay/resume", responses=_CHANGES, summary="Resume the replay")
async def resume(replay: ReplayDep) -> Response:
    """Go on from where the replay paused, at its speed."""
    return MsgspecResponse(replay.resume())


@router.post(
    "/api/replay/speed",
    responses=_CHANGES,
    openapi_extra=json_body(ReplaySpeedIn),
    summary="Set the replay speed",
)
async def set_speed(request: Request, replay: ReplayDep) -> Response:
    """Replay ``speed`` × real time from now on (``null``: as fast as possible)."""
    body = await decode_body(request, ReplaySpeedIn, MAX_BODY_BYTES, '{"speed": 20}')
    return MsgspecResponse(replay.set_speed(body.speed))


@router.post(
    "/api/replay/jump",
    responses=_CHANGES,
    openapi_extra=json_body(ReplayJumpIn),
    summary="Jump ahead to a time",
)
async def jump(request: Request, replay: ReplayDep) -> Response:
    """Replay everything before ``time`` (``HH:MM``, New York, on the day the replay clock
    is on) as fast as possible, then go on at the speed. 422 for a time the replay is
    already past: final bars never change, so a replay cannot go back."""
    body = await decode_body(request, ReplayJumpIn, MAX_BODY_BYTES, '{"time": "10:30"}')
    clock = replay.status().clock_ms
    if clock is None:
        raise InputError("nothing replayed yet: the replayed day is not known")
    hour, minute = (int(part) for part in body.time.split(":"))
    return MsgspecResponse(replay.jump(et_to_ms(et_date(clock), hour * 60 + minute)))
