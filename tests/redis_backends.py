"""Redis for tests: the real server, every test under its own key prefix (never a flush of
a database others use), and private ``redis-server`` processes for restart and loss tests."""

from __future__ import annotations

import os
import subprocess
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import redis

REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/0")


def require_redis() -> None:
    """Skip (fail under CI=true) when the test Redis is unreachable."""
    try:
        redis.Redis.from_url(REDIS_URL).ping()
    except redis.RedisError as exc:
        message = f"Redis at {REDIS_URL} is unreachable ({exc})"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message + " and CI=true: the Redis backends must be tested")
        pytest.skip(message)


class Prefixes:
    """Fresh key prefixes; :meth:`drop` deletes every key made under them."""

    def __init__(self) -> None:
        self.made: list[str] = []

    def new(self) -> str:
        prefix = f"test:{uuid.uuid4().hex[:12]}:"
        self.made.append(prefix)
        return prefix

    def drop(self) -> None:
        client = redis.Redis.from_url(REDIS_URL)
        for prefix in self.made:
            keys = list(client.scan_iter(match=f"{prefix}*", count=1_000))
            if keys:
                client.delete(*keys)
        client.close()


def prefixes() -> Iterator[Prefixes]:
    """Body of a fixture handing out key prefixes and cleaning up after the test."""
    require_redis()
    made = Prefixes()
    try:
        yield made
    finally:
        made.drop()


class PrivateRedis:
    """A ``redis-server`` of the test's own on a free port, in ``directory`` (its snapshot
    file lives there): :meth:`kill` and :meth:`start` again to lose or restore it."""

    def __init__(self, directory: Path, port: int) -> None:
        self.directory = directory
        self.port = port
        self.url = f"redis://127.0.0.1:{port}/0"
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        """Start the server and wait until it answers."""
        self.process = subprocess.Popen(
            [
                "redis-server",
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--dir",
                str(self.directory),
                "--save",
                "",
                "--appendonly",
                "no",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        client = redis.Redis.from_url(self.url)
        deadline = time.monotonic() + 30
        while True:
            try:
                client.ping()
                break
            except redis.ConnectionError:
                if time.monotonic() > deadline or self.process.poll() is not None:
                    raise
                time.sleep(0.02)
        client.close()

    def kill(self) -> None:
        """SIGKILL the server (nothing is saved on the way down)."""
        if self.process is not None:
            self.process.kill()
            self.process.wait()
            self.process = None
