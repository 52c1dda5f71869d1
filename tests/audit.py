"""``make audit``: known vulnerabilities in the locked dependencies (Python via pip-audit,
the web client via ``npm audit``).

Results go to ``test-artifacts/audit/`` (the raw JSON of each tool) and one line per
ecosystem is printed. When no advisory source answers (no network, a registry mirror
without the advisory API), the line says so plainly and the run still exits 0; it exits 1
only when an advisory source answered and named a vulnerable package.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "test-artifacts" / "audit"
TIMEOUT_S = 300


def _run(cmd: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        cmd, cwd=cwd, capture_output=True, text=True, timeout=TIMEOUT_S, check=False
    )


def audit_python() -> tuple[str, bool]:
    """(summary line, vulnerable?) for the locked Python dependencies."""
    requirements = OUT / "requirements.txt"
    exported = _run(
        [str(REPO / ".tools/bin/uv"), "export", "--frozen", "--no-emit-project",
         "--format", "requirements-txt", "-o", str(requirements)],
        REPO,
    )  # fmt: skip
    if exported.returncode != 0:
        return f"python: could not export uv.lock: {exported.stderr.strip()[:200]}", False
    report = OUT / "pip-audit.json"
    report.unlink(missing_ok=True)
    pip_audit = Path(sys.executable).with_name("pip-audit")
    done = _run(
        [str(pip_audit), "-r", str(requirements), "--require-hashes", "--disable-pip",
         "--progress-spinner", "off", "-f", "json", "-o", str(report)],
        REPO,
    )  # fmt: skip
    if not report.is_file():
        reason = (done.stderr.strip().splitlines() or ["no output"])[-1][:200]
        return f"python: advisory source unreachable, nothing was checked ({reason})", False
    deps = json.loads(report.read_text())["dependencies"]
    checked = [d for d in deps if "skip_reason" not in d]
    vulnerable = [d for d in checked if d.get("vulns")]
    if not checked:
        return (
            f"python: advisory source unreachable, nothing was checked "
            f"(0 of {len(deps)} packages could be looked up)"
        ), False
    names = ", ".join(f"{d['name']} {d['version']}" for d in vulnerable)
    found = f"{len(vulnerable)} vulnerable: {names}" if vulnerable else "no known vulnerabilities"
    skipped = len(deps) - len(checked)
    return f"python: {len(checked)} packages checked ({skipped} not found), {found}", bool(
        vulnerable
    )


def audit_web() -> tuple[str, bool]:
    """(summary line, vulnerable?) for the web client's locked npm packages."""
    done = _run(["npm", "audit", "--json", "--package-lock-only"], REPO / "web")
    (OUT / "npm-audit.json").write_text(done.stdout)
    try:
        report = json.loads(done.stdout or "{}")
    except json.JSONDecodeError:
        report = {}
    counts = report.get("metadata", {}).get("vulnerabilities")
    if not isinstance(counts, dict):
        reason = str(report.get("message") or done.stderr.strip()[-200:] or "no answer")
        return f"web: advisory source unreachable, nothing was checked ({reason[:200]})", False
    total = int(counts.get("total", 0))
    found = ", ".join(f"{n} {level}" for level, n in counts.items() if level != "total" and n)
    return f"web: {'vulnerable: ' + found if total else 'no known vulnerabilities'}", total > 0


def main() -> int:
    """Run both audits, print one line each; 1 only for a vulnerability an advisory named."""
    OUT.mkdir(parents=True, exist_ok=True)
    results = [audit_python(), audit_web()]
    for line, _ in results:
        print(f"audit {line}")
    print(f"audit results: {OUT.relative_to(REPO)}/")
    return 1 if any(vulnerable for _, vulnerable in results) else 0


if __name__ == "__main__":
    sys.exit(main())
