"""Settings: one pydantic-settings object read from the environment (and ``.env``).

A missing or invalid value stops start-up with one line naming the variable
(:func:`load_settings`).
"""

from __future__ import annotations

import ipaddress
import re
import secrets
from datetime import datetime
from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, SecretStr, ValidationError, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict, SettingsError

from spotlight_trader.errors import ConfigError
from spotlight_trader.model import SYMBOL_INPUT_PATTERN

DEFAULT_WATCHLIST = ("SPY", "QQQ", "AAPL", "NVDA", "TSLA", "MSFT", "AMD", "META")
MIN_SECRET_BYTES = 32


class Settings(BaseSettings):
    """Every setting of the service. Environment variables use the upper-case field name."""

    model_config = SettingsConfigDict(env_file=".env", extra="ignore", frozen=True)

    host: str = Field("127.0.0.1", description="Address the HTTP server binds to.")
    port: int = Field(8000, ge=1, le=65535, description="HTTP port.")
    feed: Literal["simulated", "replay", "polygon"] = Field(
        "simulated",
        description="Market data source; defaults to polygon when POLYGON_API_KEY is set.",
    )
    watchlist: Annotated[tuple[str, ...], NoDecode] = Field(
        DEFAULT_WATCHLIST, description="Comma-separated symbols streamed at start."
    )
    sim_seed: int = Field(7, description="Seed of the simulated market (same seed, same market).")
    sim_speed: float = Field(
        1.0, gt=0, le=10_000, description="Simulated market speed; 1 = real time."
    )
    sim_start: datetime | None = Field(
        None,
        description="Simulated time at SIM_EPOCH (ISO 8601, e.g. 2025-03-12T09:25:00-04:00; "
        "default: the wall clock). Pin it with SIM_EPOCH for a reproducible market.",
    )
    sim_epoch: datetime | None = Field(
        None,
        description="Wall-clock instant at which the simulated clock reads SIM_START (default: "
        "when the server starts). With both set, a restart continues the same simulated day.",
    )
    sim_history_minutes: int = Field(
        1_440,
        ge=0,
        le=20_000,
        description="Minutes of history the simulator generates at start (a day: the prior "
        "close is known).",
    )
    ring_capacity: int = Field(
        5_000, ge=10, le=1_000_000, description="Final bars kept per symbol."
    )
    redis_url: str | None = Field(
        None,
        description="Redis for the ring, the bus, sessions and limits, shared by every "
        "process (e.g. redis://127.0.0.1:6379/0); unset: in memory (sessions in the "
        "database), one process.",
    )
    redis_prefix: str = Field(
        "spotlight:", min_length=1, max_length=64, description="Prefix of every Redis key."
    )
    ingest_lease_ms: int = Field(
        5_000,
        ge=300,
        le=600_000,
        description="spotlight ingest: the leader lease's TTL; a standby takes the feed over "
        "this long after the leader stopped renewing (renewed every third of it).",
    )
    bar_grace_ms: int = Field(
        2_000, ge=0, le=600_000, description="Wait past a minute's end before it is final."
    )
    feed_max_ahead_ms: int = Field(
        10_000, ge=0, description="Live prints stamped further ahead of the clock are rejected."
    )
    stream_max_symbols: int = Field(
        50, ge=1, le=1_000, description="Most symbols one /stream/market request may ask for."
    )
    stream_queue_size: int = Field(
        2_000, ge=10, description="Pending bars per SSE client before it is closed as too slow."
    )
    stream_max_per_user: int = Field(
        8,
        ge=1,
        le=10_000,
        description="Concurrent /stream/market connections per user (429 beyond).",
    )
    write_rate_per_min: int = Field(
        120,
        ge=1,
        le=100_000,
        description="State-changing requests (POST, PUT, PATCH, DELETE) one user may make per "
        "minute (429 with Retry-After beyond).",
    )
    stream_heartbeat_s: float = Field(15.0, gt=0, description="SSE heartbeat comment interval.")
    log_level: Literal["debug", "info", "warning", "error"] = Field(
        "info",
        description="Least severe log level written to stderr (library internals only at "
        "debug; secrets redacted at every level).",
    )
    log_json: bool = Field(False, description="Log JSON lines instead of console text.")
    data_dir: Path | None = Field(
        None,
        description="Directory of the SQLite database (default: the platform's user data "
        "directory, e.g. ~/.local/share/spotlight-trader).",
    )
    database_url: str | None = Field(
        None,
        description="SQLAlchemy database URL, e.g. postgresql://user@host/db (default: SQLite "
        "file spotlight.db under DATA_DIR).",
    )
    rvol_sessions: int = Field(
        10, ge=1, le=60, description="Sessions averaged by time-of-day relative volume (RVOL)."
    )
    rvol_min_sessions: int = Field(
        3, ge=1, le=60, description="Sessions of history RVOL needs before it has a value."
    )
    level_outlier_k: float = Field(
        10.0,
        ge=0,
        le=1_000,
        description="Outlier rule for session levels: an extended-hours print farther than this "
        "many typical 1-minute ranges from the recent prints sets no level (counts as volume "
        "only; 0 = off). See docs/alerts.md.",
    )
    level_outlier_nbbo_bps: float = Field(
        50.0,
        ge=0,
        le=10_000,
        description="Outlier rule for session levels: a print more than this many basis points "
        "of the mid outside a known NBBO sets no level (0 = off).",
    )
    webhook_attempts: int = Field(
        4, ge=1, le=10, description="Tries per signal and webhook (the first and the retries)."
    )
    webhook_backoff_s: float = Field(
        1.0,
        gt=0,
        le=60,
        description="Wait after the first failed webhook attempt; doubled after each next.",
    )
    rules_per_user: int = Field(
        200,
        ge=1,
        le=10_000,
        description="Most custom rules one user may have (deleted ones excluded).",
    )
    signal_retention_days: int = Field(
        90, ge=1, le=3_650, description="Signals older than this many days are pruned (hourly)."
    )
    journal_max_import_bytes: int = Field(
        50_000_000, ge=1_000, le=2_000_000_000, description="Largest journal import file."
    )
    journal_tz: str = Field(
        "America/New_York",
        description="Default time zone of journal imports (IANA name; an import may set its own).",
    )
    web_dist: Path = Field(
        Path("web/dist"),
        description="Built web client served at / (relative paths start at the working directory).",
    )

    # --- Polygon / Massive live feed (docs/polygon.md) ---
    polygon_api_key: SecretStr | None = Field(
        None, description="Polygon/Massive API key; required by the polygon feed and backfill."
    )
    polygon_ws_url: str | None = Field(
        None,
        description="WebSocket URL. Default wss://socket.massive.com/stocks, or "
        "wss://delayed.massive.com/stocks when POLYGON_DELAYED is set.",
    )
    polygon_rest_url: str = Field(
        "https://api.massive.com", description="REST base URL (aggregates for history)."
    )
    polygon_delayed: bool = Field(
        False,
        description="Use the 15-minute delayed host; the feed clock runs 15 min behind.",
    )
    polygon_heartbeat_s: float = Field(
        30.0,
        gt=0,
        description="Reconnect when no frame arrives for this long during trading hours.",
    )
    polygon_queue_size: int = Field(
        10_000, ge=1, description="Frames buffered between the socket reader and the bar builder."
    )
    polygon_backoff_base_s: float = Field(
        1.0, gt=0, description="First reconnect delay ceiling (doubles per attempt, full jitter)."
    )
    polygon_backoff_max_s: float = Field(32.0, gt=0, description="Largest reconnect delay.")
    polygon_stable_after_s: float = Field(
        60.0,
        ge=0,
        description="A connection up this long resets the reconnect attempt counter.",
    )
    polygon_backfill_minutes: int = Field(
        390, ge=0, le=50_000, description="Minutes of REST history loaded per symbol at start."
    )
    polygon_rest_timeout_s: float = Field(10.0, gt=0, description="REST request timeout.")
    polygon_rest_retries: int = Field(
        4, ge=0, le=20, description="Retries of a REST request after 429, 5xx or timeout."
    )

    # --- Voice coach (docs/voice.md) ---
    openai_api_key: SecretStr | None = Field(
        None, description="OpenAI API key; enables the voice coach (kept on the server)."
    )
    realtime_url: str = Field(
        "wss://api.openai.com/v1/realtime",
        description="Upstream Realtime WebSocket URL (Azure or any compatible server); "
        "?model= is appended.",
    )
    realtime_model: str = Field("gpt-realtime-2.1", description="Realtime model of the coach.")
    realtime_voice: str = Field("marin", description="Voice the coach speaks with.")
    realtime_transcription_model: str = Field(
        "gpt-realtime-whisper", description="Model transcribing the trader's speech."
    )
    auth_mode: Literal["local", "password"] = Field(
        "local",
        description="local: one implicit user, loopback only; password: accounts with "
        "passwords, cookie sessions and API tokens (docs/security.md). Never inferred.",
    )
    session_idle_s: int = Field(
        43_200, ge=60, le=31_536_000, description="A sign-in session idle this long ends."
    )
    session_max_s: int = Field(
        604_800, ge=60, le=31_536_000, description="A sign-in session ends this long after sign-in."
    )
    login_rate_per_min: int = Field(
        10, ge=1, le=10_000, description="Sign-in attempts one client address may make per minute."
    )
    login_max_attempts: int = Field(
        10,
        ge=1,
        le=10_000,
        description="Sign-in attempts one account takes per LOGIN_LOCKOUT_S before it is "
        "locked for the rest of that window.",
    )
    login_lockout_s: int = Field(
        900, ge=1, le=86_400, description="Window (and longest lockout) of LOGIN_MAX_ATTEMPTS."
    )
    trust_proxy: str | None = Field(
        None,
        description="Comma-separated addresses of reverse proxies whose X-Forwarded-For and "
        "X-Forwarded-Proto are believed (* for any); unset: none.",
    )
    session_secret: SecretStr = Field(
        default_factory=lambda: SecretStr(secrets.token_urlsafe(32)),
        description="Key signing voice tokens, at least 32 bytes. Required with "
        "AUTH_MODE=password and with more than one process; default (local mode): random "
        "per process, so tokens die with a restart.",
    )
    app_origin: str = Field(
        "http://127.0.0.1:8000",
        description="Browser origin allowed to open /ws/realtime (the dashboard).",
    )
    admin_origin: str | None = Field(
        None, description="A second allowed browser origin (e.g. the Vite dev server)."
    )
    allowed_hosts: Annotated[tuple[str, ...], NoDecode] = Field(
        (),
        description="Extra host names the server answers to (comma-separated), besides "
        "APP_ORIGIN's and ADMIN_ORIGIN's hosts, the loopback names and HOST; any other Host "
        "header gets 400 (DNS rebinding).",
    )
    http_max_body_bytes: int = Field(
        1_048_576,
        ge=1_024,
        le=1_073_741_824,
        description="Largest request body; larger ones get 413 before they are read (a "
        "chunked body is counted while it streams).",
    )
    voice_max_connections: int = Field(
        3, ge=1, le=100, description="Concurrent voice connections per user."
    )
    voice_max_message_bytes: int = Field(
        1_048_576,
        ge=1_024,
        le=16_777_216,
        description="Largest voice WebSocket message from the browser (close 1009 beyond).",
    )
    voice_max_held_bytes: int = Field(
        4_194_304,
        ge=1_024,
        le=268_435_456,
        description="Bytes of browser frames held per session while the upstream connects "
        "(close 1009 beyond).",
    )
    voice_token_ttl_s: int = Field(60, ge=5, le=3_600, description="Voice token lifetime.")
    voice_token_rate_per_min: int = Field(
        10, ge=1, le=1_000, description="Voice tokens one user may mint per minute."
    )
    voice_idle_timeout_s: float = Field(
        300.0, gt=0, description="Close a voice session after this long without client frames."
    )
    voice_max_session_s: float = Field(
        1_800.0, gt=0, description="Longest voice session (cost control)."
    )
    voice_heartbeat_s: float = Field(
        25.0,
        gt=0,
        description="WebSocket ping interval (and pong timeout) on both voice legs.",
    )
    voice_proactive_alerts: bool = Field(
        False, description="Let the coach mention alerts on watchlist symbols unprompted."
    )

    @model_validator(mode="before")
    @classmethod
    def _feed_follows_key(cls, data: object) -> object:
        if isinstance(data, dict) and not data.get("feed"):
            key = data.get("polygon_api_key")
            if isinstance(key, str) and key.strip():
                return {**data, "feed": "polygon"}
        return data

    @field_validator("openai_api_key", "polygon_api_key", mode="before")
    @classmethod
    def _blank_key_is_unset(cls, value: object) -> object:
        if isinstance(value, str) and not value.strip():
            return None
        return value

    @field_validator("session_secret")
    @classmethod
    def _strong_secret(cls, value: SecretStr) -> SecretStr:
        if len(value.get_secret_value().encode()) < MIN_SECRET_BYTES:
            raise ValueError(
                f"must be at least {MIN_SECRET_BYTES} bytes, e.g. the output of "
                "python -c 'import secrets; print(secrets.token_urlsafe(32))'"
            )
        return value

    @field_validator("sim_start", "sim_epoch")
    @classmethod
    def _aware(cls, value: datetime | None) -> datetime | None:
        if value is not None and value.tzinfo is None:
            raise ValueError("needs a time zone offset, e.g. 2025-03-12T09:25:00-04:00")
        return value

    @field_validator("allowed_hosts", mode="before")
    @classmethod
    def _split_hosts(cls, value: object) -> object:
        if isinstance(value, str):
            return tuple(part.strip().lower() for part in value.split(",") if part.strip())
        return value

    @field_validator("watchlist", mode="before")
    @classmethod
    def _split_watchlist(cls, value: object) -> object:
        if isinstance(value, str):
            value = [part for part in value.replace(" ", "").split(",") if part]
        if isinstance(value, list | tuple):
            given = [str(s).strip() for s in value]
            bad = [s for s in given if not re.fullmatch(SYMBOL_INPUT_PATTERN, s)]
            if bad:
                raise ValueError(f"not a ticker symbol: {', '.join(bad)}")
            symbols = tuple(s.upper() for s in given)
            if not symbols:
                raise ValueError("must name at least one symbol")
            return tuple(dict.fromkeys(symbols))
        return value


def load_settings(**overrides: object) -> Settings:
    """Read settings; raise :class:`ConfigError` naming the first bad variable."""
    try:
        return Settings(**overrides)  # type: ignore[arg-type]
    except SettingsError as exc:
        raise ConfigError(f"invalid setting: {exc}") from None
    except ValidationError as exc:
        err = exc.errors()[0]
        name = str(err["loc"][0]).upper() if err["loc"] else "settings"
        message = str(err["msg"]).removeprefix("Value error, ")
        raise ConfigError(f"invalid setting {name}: {message}") from None


def is_loopback(host: str) -> bool:
    """True for ``localhost`` and loopback addresses (127.0.0.0/8, ::1)."""
    if host.strip().lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip().strip("[]")).is_loopback
    except ValueError:
        return False


def check_start(settings: Settings, *, processes: int = 1) -> None:
    """The checks a server makes before it serves; :class:`ConfigError` (one line) when
    ``AUTH_MODE=local`` would bind beyond loopback, or ``SESSION_SECRET`` is left to its
    random per-process default where tokens must outlive a process or be shared."""
    if settings.auth_mode == "local" and not is_loopback(settings.host):
        raise ConfigError(
            f"AUTH_MODE=local serves one implicit user and binds to loopback only, but "
            f"HOST={settings.host}: use HOST=127.0.0.1, or AUTH_MODE=password with accounts"
        )
    if "session_secret" not in settings.model_fields_set:
        if settings.auth_mode == "password":
            raise ConfigError(
                "invalid setting SESSION_SECRET: required with AUTH_MODE=password "
                f"(at least {MIN_SECRET_BYTES} bytes)"
            )
        if processes > 1:
            raise ConfigError(
                f"invalid setting SESSION_SECRET: required when {processes} processes "
                f"serve (at least {MIN_SECRET_BYTES} bytes)"
            )
