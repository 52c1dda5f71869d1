"""``make soak``: run the browser suite N times in a row and report ``N passed, M failed``.

Each run is a fresh ``pytest -m browser`` process (fresh servers, a fresh Chromium). A
failing run's failed test ids and its log are kept under ``test-artifacts/soak/``; the
exit code is 1 if any run failed. Retries inside a test are never the answer to a failure
here: find its cause.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "test-artifacts" / "soak"
_FAILED = re.compile(r"^(?:FAILED|ERROR) (\S+)", re.MULTILINE)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10, help="how many runs (default 10)")
    parser.add_argument("pytest_args", nargs="*", help="extra pytest arguments, e.g. -k chaos")
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    passed = failed = 0
    failures: dict[str, int] = {}
    for run in range(1, args.runs + 1):
        started = time.monotonic()
        proc = subprocess.run(
            [
                sys.executable,
                "-m",
                "pytest",
                "-q",
                "-m",
                "browser",
                "-p",
                "no:cacheprovider",
                *args.pytest_args,
            ],
            cwd=REPO,
            capture_output=True,
            text=True,
            check=False,
        )
        seconds = time.monotonic() - started
        summary = proc.stdout.strip().splitlines()[-1] if proc.stdout.strip() else "(no output)"
        if proc.returncode == 0:
            passed += 1
            print(f"run {run}/{args.runs}: passed  ({summary}; {seconds:.0f} s)", flush=True)
            continue
        failed += 1
        log = OUT / f"run-{run}.log"
        log.write_text(proc.stdout + proc.stderr)
        names = _FAILED.findall(proc.stdout)
        for name in names:
            failures[name] = failures.get(name, 0) + 1
        print(f"run {run}/{args.runs}: FAILED  ({summary}; {seconds:.0f} s) → {log}", flush=True)
        for name in names:
            print(f"    {name}", flush=True)
    print(f"{passed} passed, {failed} failed")
    for name, count in sorted(failures.items(), key=lambda kv: -kv[1]):
        print(f"  {count}× {name}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
