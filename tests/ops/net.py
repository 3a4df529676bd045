"""Loopback helpers for outage tests: a free port, a server that accepts and never answers, and
an endpoint in front of a real service that can be switched refused, hanging and back."""

import socket
import threading
import time
from contextlib import contextmanager

from tests.helpers import free_port  # noqa: F401 (the ops suites import it from here)


@contextmanager
def hanging_server():
    """Accepts connections and never answers: a hung Redis or Varnish."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)
    accepted = []
    stop = threading.Event()

    def accept():
        listener.settimeout(0.1)
        while not stop.is_set():
            try:
                accepted.append(listener.accept()[0])
            except OSError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield listener.getsockname()[1]
    finally:
        stop.set()
        thread.join(2)
        for sock in accepted:
            sock.close()
        listener.close()


class SwitchableEndpoint:
    """A loopback port in front of a real service that a test can turn refused, hanging or back.

    "up" forwards every byte both ways; "refused" closes the port (and every open connection),
    so connecting fails at once; "hanging" accepts connections and swallows what is sent,
    answering nothing, and freezes the connections already open. The port never changes, so
    the code under test keeps its settings while the service goes down and comes back.
    """

    def __init__(self, target_port, target_host="127.0.0.1"):
        self.target = (target_host, target_port)
        self.port = free_port()
        self.url_host = f"127.0.0.1:{self.port}"
        self.mode = "refused"
        self._fails_at = None
        self._listener = None
        self._connections = []
        self._lock = threading.Lock()

    def __enter__(self):
        self.up()
        return self

    def __exit__(self, *exc_info):
        self.refuse()

    def up(self):
        self._switch("up")

    def hang(self):
        self._switch("hanging")

    def refuse(self):
        self._switch("refused")

    def fails_at(self, request_start, mode):
        """The first request beginning with `request_start` (b"PUT ", say) is not passed on: the
        endpoint turns `mode` ("refused" or "hanging") just then, so a piece of work finds the
        service answering at its start and gone halfway through."""
        self._fails_at = (request_start, mode)

    def _switch(self, mode):
        with self._lock:
            previous, self.mode = self.mode, mode
            if mode != "hanging":  # a hung service answers nothing, not even on open sockets
                for sock in self._connections:
                    _close(sock)
                self._connections = []
            if mode == "refused":
                if self._listener is not None:
                    _close(self._listener)
                    self._listener = None
            elif previous == "refused":
                self._listen()

    def _listen(self):
        listener = socket.socket()
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        listener.listen(64)
        self._listener = listener
        threading.Thread(target=self._accept, args=(listener,), daemon=True).start()

    def _accept(self, listener):
        while True:
            try:
                client, _ = listener.accept()
            except OSError:
                return  # the listener was closed: refused
            with self._lock:
                if self._listener is not listener:
                    _close(client)
                    return
                self._connections.append(client)
                mode = self.mode
            if mode == "up":
                try:
                    upstream = socket.create_connection(self.target, timeout=2)
                except OSError:
                    _close(client)
                    continue
                with self._lock:
                    self._connections.append(upstream)
                for source, sink, outbound in ((client, upstream, True), (upstream, client, False)):
                    threading.Thread(
                        target=self._pump, args=(source, sink, outbound), daemon=True
                    ).start()
            else:
                threading.Thread(target=self._swallow, args=(client,), daemon=True).start()

    def _pump(self, source, sink, outbound):
        while True:
            try:
                data = source.recv(65536)
            except OSError:
                data = b""
            if not data:
                _close(source)
                _close(sink)
                return
            fails_at = self._fails_at
            if outbound and fails_at and data.startswith(fails_at[0]):
                self._fails_at = None
                self._switch(fails_at[1])  # this request is never passed on
                continue
            if self.mode == "hanging":
                continue  # frozen: nothing more gets through, nothing is closed
            try:
                sink.sendall(data)
            except OSError:
                _close(source)
                return

    def _swallow(self, sock):
        while True:
            try:
                if not sock.recv(65536):
                    return
            except OSError:
                return


def _close(sock):
    try:
        sock.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass
    sock.close()


def wait_for(predicate, seconds, every=0.1):
    """True as soon as `predicate()` holds, False after `seconds`: a server starting, work done."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(every)
    return False
