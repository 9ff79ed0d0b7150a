"""`modop serve` run as staff run it, for the tests of the live preview."""
from __future__ import annotations

import os
import queue
import signal
import socket
import subprocess
import sys
import threading
import time
from contextlib import contextmanager
from pathlib import Path

from tests.support.paths import REPO


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def running_serve(root: Path, cwd: Path, *options: str, start_timeout: float = 300):
    """`modop serve` over root (with `options`) on a free port until the block ends, then Ctrl-C.

    Yields the preview's address and the list its error lines arrive in; on
    leaving, the command must have stopped cleanly, without a traceback."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "generator", "--root", str(root), "serve", "--addr", f"127.0.0.1:{port}", *options],
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        # The checkout under test, whatever the working folder (the virtualenv may point at another one).
        env={**os.environ, "PYTHONUNBUFFERED": "1", "PYTHONPATH": os.pathsep.join(filter(None, (str(REPO), os.environ.get("PYTHONPATH"))))},
    )
    lines: queue.Queue = queue.Queue()
    errors: list[str] = []

    def pump(stream, sink):
        for line in stream:
            sink(line)

    threading.Thread(target=pump, args=(process.stdout, lines.put), daemon=True).start()
    threading.Thread(target=pump, args=(process.stderr, errors.append), daemon=True).start()
    try:
        deadline = time.monotonic() + start_timeout
        while True:
            assert process.poll() is None, "".join(errors)
            try:
                if "Aperçu sur" in lines.get(timeout=1):
                    break
            except queue.Empty:
                pass
            assert time.monotonic() < deadline, "serve did not start"
        yield f"http://127.0.0.1:{port}/", errors
    finally:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            raise
    assert process.returncode == 0, "".join(errors)
    assert not any("Traceback" in line for line in errors), "".join(errors)
