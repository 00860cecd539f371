"""A child process running the real CLI whose manifest write waits until the test signals it.

The child prints ``writing`` once the reserved version's charts are on disk and then sleeps
before writing the manifest, so a signal sent after that line lands mid-write, every time.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
SLOW_CHILD = """
import sys, time
import briefgen.files as files
real = files.write_temp
def slow(path, data):
    if path.name.startswith("manifest"):
        print("writing", flush=True)
        time.sleep(120)
    return real(path, data)
files.write_temp = slow
from briefgen.cli import main
sys.exit(main(sys.argv[1:]))
"""


def start_slow_run(argv: list[str], cwd: Path) -> subprocess.Popen:
    """Start the CLI with *argv* in a child; return once it is writing the reserved version."""
    env = {**os.environ, "PYTHONPATH": str(PROJECT)}
    process = subprocess.Popen([sys.executable, "-c", SLOW_CHILD, *argv], env=env, cwd=cwd,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    line = process.stdout.readline()
    if line != "writing\n":
        process.kill()
        raise AssertionError(f"the child did not start writing: {line!r} {process.communicate()}")
    return process
