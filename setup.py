"""Build script: compile the hot-path pure modules with mypyc (see pyproject.toml)."""

import os
import shutil

from setuptools import setup

# setuptools packages whatever it finds under build/, including compiled modules of an
# earlier build whose source is no longer compiled: always build from a clean slate.
shutil.rmtree("build", ignore_errors=True)

COMPILED = [
    "src/spotlight_trader/market/bars.py",
    "src/spotlight_trader/market/conditions.py",
    "src/spotlight_trader/market/levels.py",
    "src/spotlight_trader/feeds/simulated/shape.py",
    "src/spotlight_trader/feeds/simulated/plan.py",
    "src/spotlight_trader/feeds/simulated/tape.py",
    "src/spotlight_trader/feeds/simulated/model.py",
]

if os.environ.get("SPOTLIGHT_PURE_PYTHON") == "1":
    setup()
else:
    from mypyc.build import mypycify

    # "--config-file=" skips the project mypy config (its pydantic plugin is not needed here)
    # the build environment has only mypy and msgspec: other imports are typed as Any there
    setup(
        ext_modules=mypycify(
            ["--config-file=", "--ignore-missing-imports", *COMPILED], opt_level="3"
        )
    )
