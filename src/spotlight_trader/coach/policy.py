"""The coach policy: the system prompt and the GA ``session.update`` the proxy sends first.

The prompt is the product's voice: a concise, real-time, risk-aware intraday coach that
never frames an opinion as a certainty or as financial advice, and that knows which
chart the trader is looking at (``spotlight.context``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from spotlight_trader.config import Settings

COACH_PROMPT = """\
You are Spotlight Trader's real-time intraday trading coach, talking with a trader while \
the market moves.
Speak in short sentences. One idea at a time. Answer first, then stop.
Be concrete: use prices, levels, VWAP, highs and lows, volume. Get numbers from your tools; \
never guess or invent a price.
Be risk-aware: mention the stop, the size and what would prove the idea wrong before any \
upside.
Never present a trade as certain and never give financial advice. Say "could", "watch for", \
"if … then"; the trader decides.
If the trader is emotional (chasing, revenge trading, tilting), slow them down and remind \
them of their plan.
If you do not know, say so briefly. If interrupted, stop and listen.\
"""


@dataclass(frozen=True)
class ViewContext:
    """What the trader is looking at, from the browser's ``spotlight.context`` event."""

    symbol: str
    timeframe_min: int = 1


@dataclass(frozen=True)
class CoachStyle:
    """The trader's preferences for the coach: a voice (None: ``REALTIME_VOICE``) and how
    much it says."""

    voice: str | None = None
    verbosity: str = "normal"


VERBOSITY = {
    "brief": "The trader asked for brevity: answer in one or two short sentences.",
    "normal": "",
    "detailed": "The trader asked for detail: explain your reasoning in a few sentences.",
}


def instructions(context: ViewContext | None, style: CoachStyle | None = None) -> str:
    """The system prompt, with the trader's verbosity and current view when known."""
    text = COACH_PROMPT
    extra = VERBOSITY.get(style.verbosity, "") if style is not None else ""
    if extra:
        text = f"{text}\n{extra}"
    if context is None:
        return text
    return (
        f"{text}\nThe trader is looking at {context.symbol} on the "
        f"{context.timeframe_min}-minute chart; assume questions are about it unless they "
        "name another symbol."
    )


def session_config(
    settings: Settings,
    context: ViewContext | None,
    tools: list[dict[str, Any]],
    style: CoachStyle | None = None,
) -> dict[str, Any]:
    """The ``session`` object of the first ``session.update`` (GA shape)."""
    return {
        "type": "realtime",
        "instructions": instructions(context, style),
        "output_modalities": ["audio"],
        "audio": {
            "input": {
                "format": {"type": "audio/pcm", "rate": 24000},
                "transcription": {"model": settings.realtime_transcription_model},
                "turn_detection": {
                    "type": "server_vad",
                    "threshold": 0.5,
                    "prefix_padding_ms": 300,
                    "silence_duration_ms": 500,
                    "create_response": True,
                    "interrupt_response": True,
                },
            },
            "output": {
                "format": {"type": "audio/pcm", "rate": 24000},
                "voice": (style.voice if style else None) or settings.realtime_voice,
            },
        },
        "tools": tools,
        "tool_choice": "auto",
    }


def session_update(
    settings: Settings,
    context: ViewContext | None,
    tools: list[dict[str, Any]],
    style: CoachStyle | None = None,
) -> dict[str, Any]:
    """The first frame the proxy sends upstream."""
    return {"type": "session.update", "session": session_config(settings, context, tools, style)}


def instructions_update(
    context: ViewContext | None, style: CoachStyle | None = None
) -> dict[str, Any]:
    """A ``session.update`` that only changes the instructions (the trader changed chart)."""
    return {
        "type": "session.update",
        "session": {"type": "realtime", "instructions": instructions(context, style)},
    }
