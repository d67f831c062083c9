"""Helpers shared by the eval scripts that run the twicetold CLI.

read_jsonl reads JSON lines (plain or .xz); run_subcommand runs
`<cli> <subcommand> <input> -o <tmp> <extra...>` and returns the command,
its wall time and the records it wrote; split_extra_args cuts the
arguments after "--" off for the CLI.
"""
import json
import lzma
import os
import shlex
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_DATA = os.path.normpath(os.path.join(HERE, "..", "..", "shared", "data"))


def read_jsonl(path):
    opener = lzma.open if path.endswith(".xz") else open
    with opener(path, "rt", encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def run_subcommand(cli, subcommand, path, extra):
    """(command, seconds, records); exits with the CLI's stderr on failure."""
    with tempfile.TemporaryDirectory(prefix=subcommand + "_eval_") as tmp:
        out = os.path.join(tmp, subcommand + ".jsonl")
        cmd = [cli, subcommand, path, "-o", out] + extra
        start = time.monotonic()
        proc = subprocess.run(cmd, capture_output=True, text=True)
        seconds = time.monotonic() - start
        if proc.returncode != 0:
            sys.exit(f"command failed ({proc.returncode}): {shlex.join(cmd)}\n{proc.stderr[-2000:]}")
        return cmd, seconds, read_jsonl(out)


def split_extra_args(argv):
    """(our arguments, the CLI's extra arguments after "--")."""
    if "--" not in argv:
        return argv, []
    at = argv.index("--")
    return argv[:at], argv[at + 1:]
