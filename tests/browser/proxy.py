"""A TCP proxy that a test can cut: every connection through it is reset on demand."""

from __future__ import annotations

import contextlib
import socket
import struct
import threading

from tests.conftest import free_port


class CuttableProxy:
    """Forwards ``127.0.0.1:port`` to ``127.0.0.1:target``; :meth:`cut` resets every open
    connection (both legs, with RST), as a dropped network would. While the target is down
    new connections are accepted and closed at once."""

    def __init__(self, target: int) -> None:
        self.target = target
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.cuts = 0
        self._lock = threading.Lock()
        self._open: set[socket.socket] = set()
        self._server = socket.create_server(("127.0.0.1", self.port))
        self._closed = False
        threading.Thread(target=self._accept, name="proxy-accept", daemon=True).start()

    def _accept(self) -> None:
        while not self._closed:
            try:
                client, _ = self._server.accept()
            except OSError:
                return
            try:
                upstream = socket.create_connection(("127.0.0.1", self.target), timeout=5)
            except OSError:
                client.close()
                continue
            upstream.settimeout(None)
            with self._lock:
                self._open.update((client, upstream))
            for a, b in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pump, args=(a, b), daemon=True).start()

    def _pump(self, src: socket.socket, dst: socket.socket) -> None:
        try:
            while data := src.recv(65536):
                dst.sendall(data)
        except OSError:
            pass
        finally:
            self._drop(src)
            self._drop(dst)

    def _drop(self, sock: socket.socket, reset: bool = False) -> None:
        with self._lock:
            self._open.discard(sock)
        with contextlib.suppress(OSError):
            if reset:  # linger 0: close sends RST, like a broken network path
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            sock.shutdown(socket.SHUT_RD)  # wakes the pump thread blocked in recv
        with contextlib.suppress(OSError):
            sock.close()

    def cut(self) -> int:
        """Reset every open connection; how many sockets were cut."""
        with self._lock:
            victims = list(self._open)
        for sock in victims:
            self._drop(sock, reset=True)
        self.cuts += 1
        return len(victims)

    def close(self) -> None:
        self._closed = True
        self._server.close()
        self.cut()
