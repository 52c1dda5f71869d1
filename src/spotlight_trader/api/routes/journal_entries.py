"""Journal entries of the current user: Markdown notes with autosave and edit history,
and full-text search (docs/journal.md)."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query, Request
from starlette.responses import Response

from spotlight_trader.api.deps import ComponentsDep, CurrentUser, EntriesDep
from spotlight_trader.api.openapi import json_body, json_response
from spotlight_trader.api.responses import ApiError, MsgspecResponse, decode_body
from spotlight_trader.api.schemas_journal import (
    EntriesResponse,
    EntryEdit,
    EntryIn,
    HistoryResponse,
)
from spotlight_trader.api.security import current_user_id
from spotlight_trader.journal.entries import Entry
from spotlight_trader.journal.stats import ny_day
from spotlight_trader.rules.model import MAX_ID

router = APIRouter(prefix="/api/journal", dependencies=[Depends(current_user_id)])
# a 64-bit id: larger numbers get 422, never a database overflow
EntryId = Annotated[int, Path(ge=0, le=MAX_ID, description="Entry id")]
MAX_BODY_BYTES = 200_000
DAY_QUERY = r"^\d{4}-\d{2}-\d{2}$"


def check_day(day: str) -> None:
    """:class:`ApiError` 422 unless ``day`` is ``YYYY-MM-DD``."""
    try:
        date.fromisoformat(day)
    except ValueError:
        raise ApiError(422, f"day: not a date YYYY-MM-DD: {day[:20]!r}", "day") from None


@router.get("/entries", responses=json_response(EntriesResponse), summary="Journal entries")
async def list_entries(
    user: CurrentUser,
    entries: EntriesDep,
    day: Annotated[str | None, Query(pattern=DAY_QUERY, description="New York day")] = None,
    trade: Annotated[
        int | None, Query(ge=0, le=MAX_ID, description="Only entries linked to this trade")
    ] = None,
) -> Response:
    """Notes, newest first."""
    return MsgspecResponse(
        EntriesResponse(await entries.list_entries(user=user, day=day, trade_id=trade))
    )


@router.post(
    "/entries",
    status_code=201,
    responses=json_response(Entry, 201),
    openapi_extra=json_body(EntryIn),
    summary="Write an entry",
)
async def create_entry(
    request: Request, user: CurrentUser, entries: EntriesDep, components: ComponentsDep
) -> Response:
    """A Markdown note; ``$SYMBOL`` and ``#tag`` in the text are picked up."""
    body = await decode_body(request, EntryIn, MAX_BODY_BYTES)
    day = body.day or ny_day(components.clock_ms())
    check_day(day)
    entry = await entries.create(
        body.body,
        user=user,
        day=day,
        now_ms=components.clock_ms(),
        trade_ids=body.trade_ids,
        signal_ids=body.signal_ids,
        tags=body.tags,
    )
    return MsgspecResponse(entry, status_code=201)


@router.get("/entries/{entry_id}", responses=json_response(Entry), summary="One entry")
async def get_entry(entry_id: EntryId, user: CurrentUser, entries: EntriesDep) -> Response:
    """An entry."""
    entry = await entries.get(entry_id, user=user)
    if entry is None:
        raise ApiError(404, f"no entry {entry_id}", "id")
    return MsgspecResponse(entry)


@router.put(
    "/entries/{entry_id}",
    responses=json_response(Entry),
    openapi_extra=json_body(EntryEdit),
    summary="Edit an entry (autosave)",
)
async def edit_entry(
    entry_id: EntryId,
    request: Request,
    user: CurrentUser,
    entries: EntriesDep,
    components: ComponentsDep,
) -> Response:
    """New text; the previous version is kept in the history. The same text again
    changes nothing."""
    body = await decode_body(request, EntryEdit, MAX_BODY_BYTES)
    entry = await entries.update(
        entry_id,
        body.body,
        user=user,
        now_ms=components.clock_ms(),
        trade_ids=body.trade_ids,
        signal_ids=body.signal_ids,
    )
    if entry is None:
        raise ApiError(404, f"no entry {entry_id}", "id")
    return MsgspecResponse(entry)


@router.get(
    "/entries/{entry_id}/history", responses=json_response(HistoryResponse), summary="Edit history"
)
async def entry_history(entry_id: EntryId, user: CurrentUser, entries: EntriesDep) -> Response:
    """Earlier versions of an entry, oldest first."""
    versions = await entries.history(entry_id, user=user)
    if versions is None:
        raise ApiError(404, f"no entry {entry_id}", "id")
    return MsgspecResponse(HistoryResponse(versions))


@router.get("/search", responses=json_response(EntriesResponse), summary="Search entries")
async def search(
    user: CurrentUser,
    entries: EntriesDep,
    q: Annotated[str, Query(min_length=1, max_length=200, description="Words to find")],
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
) -> Response:
    """Full-text search over the user's entries (every word must match), best first."""
    return MsgspecResponse(EntriesResponse(await entries.search(q, user=user, limit=limit)))
