"""Refusing every network connection, for what must be made from local files only."""
from __future__ import annotations

import socket
from contextlib import contextmanager


@contextmanager
def network_refused():
    """Within the block, any connection attempt fails the test."""

    def refuse(self, address):
        raise AssertionError(f"connexion tentée vers {address}")

    saved = socket.socket.connect, socket.socket.connect_ex
    socket.socket.connect = socket.socket.connect_ex = refuse
    try:
        yield
    finally:
        socket.socket.connect, socket.socket.connect_ex = saved
