"""The sandbox's zygote, caller side: one warm root interpreter per sandbox interpreter that forks each
sandbox (tinylogic/verify/sandbox.py's docstring says what it does and why; its program is
`sandbox_scripts.ZYGOTE`).

This process talks to its zygote over a SOCK_SEQPACKET pair, one request and its reply at a time: `spawn
<args>` with the sandbox's control pipe and stdout/stderr write ends attached (SCM_RIGHTS) answers the
sandbox's pid; `reap <pid>` answers its wait status (-1: no such child). A zygote that does not answer within
10 s is killed and forgotten; a new one that does not answer either makes this process start its sandboxes
behind unshare from then on (`failed`).
"""

from __future__ import annotations

import logging
import os
import select
import signal
import socket
import subprocess
from contextlib import suppress
from threading import Lock

from tinylogic.verify.sandbox_scripts import BOOT, ZYGOTE

log = logging.getLogger("tinylogic.verify.sandbox")  # one logger for the sandbox's messages

zygotes: dict[str, tuple[subprocess.Popen, socket.socket]] = {}  # interpreter -> this process's zygote
_lock = Lock()  # one request and its reply at a time, whatever the thread
failed = False  # a new zygote did not answer: this process starts its sandboxes behind unshare


def ask(zygote: tuple[subprocess.Popen, socket.socket], request: str, fds: list[int] = ()) -> int | None:
    """Send one request to `zygote` and return the number it answers (-1: no such child); None if it does not
    answer, and then it is killed and forgotten."""
    proc, sock = zygote
    with _lock:
        try:
            socket.send_fds(sock, [request.encode()], fds)
            reply = sock.recv(32)
        except OSError:  # closed, dead, or silent for 10 s (a late answer must not reach the next request)
            reply = b""
        if not reply and sock.fileno() >= 0:
            sock.close()
            proc.kill()
            proc.wait()
            for python, known in list(zygotes.items()):
                if known is zygote:
                    del zygotes[python]
    return int(reply) if reply else None


class Forked:
    """A sandbox the zygote forked, behind the part of Popen's surface the sandbox uses. The caller cannot
    wait for a process it did not fork: it polls a pidfd and then asks the zygote to reap."""

    def __init__(self, zygote: tuple[subprocess.Popen, socket.socket], pid: int, out: int, err: int):
        self.zygote, self.pid, self.returncode, self.lost = zygote, pid, None, False
        self.pidfd = os.pidfd_open(pid)  # S is not reaped before we ask, so this is S
        # closed by the sandbox's _supervise (or _run, close_spares), as Popen's pipes are
        self.stdout, self.stderr = open(out, "rb", 0), open(err, "rb", 0)  # noqa: SIM115

    def wait(self, timeout: float | None = None) -> int:
        if self.returncode is None:
            poller = select.poll()
            poller.register(self.pidfd, select.POLLIN)
            if not poller.poll(None if timeout is None else timeout * 1000):
                raise subprocess.TimeoutExpired(f"sandbox {self.pid}", timeout)
            status = ask(self.zygote, f"reap {self.pid}")
            os.close(self.pidfd)
            if status is None or status < 0:  # the zygote died, and S with it (PDEATHSIG), reaped elsewhere
                self.returncode, self.lost = 128 + signal.SIGKILL, True
            else:
                self.returncode = os.waitstatus_to_exitcode(status)
        return self.returncode

    def poll(self) -> int | None:
        with suppress(subprocess.TimeoutExpired):
            self.wait(0)
        return self.returncode


def fork(python: str, control: int, args: list[object], env: dict[str, str]) -> Forked | None:
    """Ask this process's zygote (started now, with `env`, if there is none or it died) for a sandbox whose
    BOOT reads its run from `control`; None if no zygote answers (the caller then starts the sandbox behind
    unshare)."""
    global failed
    out_r, out_w = os.pipe()
    err_r, err_w = os.pipe()
    try:
        for _ in range(2):  # a zygote found dead is replaced; a new one that does not answer is given up
            with _lock:
                if python not in zygotes:
                    ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
                    try:
                        proc = subprocess.Popen([python, "-I", "-S", "-X", "utf8", "-c", ZYGOTE, BOOT,
                                                 str(theirs.fileno()), str(os.getpid())],
                                                stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                                stderr=subprocess.DEVNULL, env=env, cwd="/",
                                                pass_fds=[theirs.fileno()], start_new_session=True)
                    except OSError:
                        ours.close()
                        break
                    finally:
                        theirs.close()
                    ours.settimeout(10)
                    zygotes[python] = (proc, ours)
                zygote = zygotes[python]
            pid = ask(zygote, " ".join(map(str, ["spawn", *args])), [control, out_w, err_w])
            if pid is not None:
                return Forked(zygote, pid, out_r, err_r)
    finally:
        os.close(out_w)
        os.close(err_w)
    os.close(out_r)
    os.close(err_r)
    failed = True
    log.warning("sandbox: the zygote does not answer; this process starts its sandboxes behind unshare")
    return None


def forget_parents() -> None:
    """In a forked caller: never talk to the parent's zygotes (a new lock; their sockets closed here, so a
    dead parent's zygote reads end-of-file and exits). The child starts its own on its first sandbox."""
    global _lock
    _lock = Lock()
    for _, sock in zygotes.values():
        sock.close()
    zygotes.clear()
