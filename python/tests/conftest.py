"""Shared fixtures: the CLI built beside the module, the seeds, the examples."""
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def cli():
    """Path of the twicetold CLI (TWICETOLD_CLI, set by CTest)."""
    path = os.environ.get("TWICETOLD_CLI") or shutil.which("twicetold")
    if not path or not Path(path).exists():
        pytest.fail("TWICETOLD_CLI does not name the twicetold binary")
    return path


@pytest.fixture(scope="session")
def seeds():
    d = Path(os.environ.get("TWICETOLD_SEEDS", REPO.parent / "shared" / "seeds"))
    files = sorted(d.glob("*.txt")) if d.is_dir() else []
    if len(files) < 2:
        pytest.skip(f"seeds directory {d} missing")
    return files


@pytest.fixture(scope="session")
def examples():
    return REPO / "examples" / "articles.jsonl"


def run_cli(cli, *args):
    """The CLI's JSON lines output of one command, as a list of objects."""
    out = subprocess.run([cli, *map(str, args)], check=True, capture_output=True,
                         text=True).stdout
    return [json.loads(line) for line in out.splitlines() if line.strip()]
