"""Run untrusted Python in a throw-away sandbox process: `run_python(code, ...) -> RunResult`.

Model-written code is hostile input. Each run is one process tree, where the caller is root and namespaces
work forked by the caller's zygote (below), elsewhere started as
`unshare -m -n -p -f --mount-proc --kill-child python -I -S -c BOOT` (behind `timeout -s KILL <backstop>`
when it is started for a waiting run; degraded modes drop the flags they cannot have):

- new network namespace (no interfaces up, not even loopback to the host's listeners),
- new PID namespace: BOOT is its init; when init exits or is killed, the kernel kills every process in
  the namespace (a double-forked daemon included); `/proc` is remounted so only they are visible,
- new mount namespace: a size-capped tmpfs over /tmp (bound over /var/tmp and /dev/shm too) is the
  cwd and HOME; it vanishes with the namespace, so nothing is written to the host disk,
- BOOT (still root, inside the namespaces) forks the program's process, which sets rlimits (CPU, address
  space, file size, open files, processes, no core), drops to a dedicated unprivileged uid unique to this
  run (so RLIMIT_NPROC counts only this run), sets no_new_privs and runs the code,
- the parent enforces a wall-clock timeout, reads stdout/stderr incrementally and kills the whole tree
  when either passes its cap, then sweeps any process left with the run's uid or session.

Zygote: starting an interpreter is most of a short run's cost, so a caller keeps one warm root interpreter
(ZYGOTE) per sandbox interpreter that forks each sandbox: the fork unshares the same namespaces and forks
init, which mounts /proc and runs BOOT's text, as `unshare ... -c BOOT` would. It never runs model code and
never sees a run's data; the caller passes it the run's pipes (SCM_RIGHTS) and watches the sandbox by pidfd.
When the caller dies the zygote exits and its sandboxes die with it (PDEATHSIG); a zygote that dies is
replaced, and one that does not answer gives way to `unshare` (logged once). This side of it: verify/zygote.py.

Spares: with a PID namespace, a caller keeps pre-started sandboxes (namespaces and tmpfs up, BOOT blocked
reading its program from a pipe). A run takes one, starts its replacement (while this run executes) and
hands over program, tests, stdin and limits; each sandbox still runs exactly one program and is torn down
as before. A spare's backstop is init's own alarm, armed at handover, as is a zygote's sandbox's.

What cannot be applied (not root, no `unshare`, namespaces refused) is degraded, warned about once per
process (warnings + logging) and listed in every `RunResult.isolation`. See docs/SANDBOX.md.
"""

from __future__ import annotations

import atexit
import logging
import os
import queue
import selectors
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import time
import warnings
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass, field, replace
from functools import cache
from threading import Lock

from pydantic import BaseModel, ConfigDict

from tinylogic.verify import zygote
from tinylogic.verify.sandbox_scripts import BOOT

log = logging.getLogger(__name__)

SAFE_PATH = "/usr/local/bin:/usr/bin:/bin"
UID_BASE = 1 << 30  # far above real users; uid = UID_BASE + (pid << 4) + slot, unique per live run
SLOTS_PER_PROCESS = 16
BACKSTOP_SECONDS = 5  # the backstop fires this long after the parent's own deadline (caller death)
# Pre-started sandboxes kept per (interpreter, tmpfs size); each holds one uid slot and ~10 MB. 0: none.
MAX_SPARES = int(os.environ.get("TINYLOGIC_SANDBOX_SPARES", "4"))
# Fork sandboxes from a warm zygote where the full root sandbox is available; 0: each starts behind unshare.
USE_ZYGOTE = os.environ.get("TINYLOGIC_SANDBOX_ZYGOTE", "1") != "0"


class SandboxLimits(BaseModel):
    """Per-run resource limits (MB are MiB)."""

    model_config = ConfigDict(frozen=True)

    cpu_seconds: int = 10  # RLIMIT_CPU; lowered to ceil(timeout)+1 when the timeout is shorter
    memory_mb: int = 1024  # RLIMIT_AS of the program process (and of each of its children)
    file_size_mb: int = 16  # RLIMIT_FSIZE
    open_files: int = 64  # RLIMIT_NOFILE
    processes: int = 32  # RLIMIT_NPROC of the run's own uid (threads count too)
    tmp_mb: int = 64  # size of the private tmpfs (cwd, /tmp, /var/tmp, /dev/shm)
    output_bytes: int = 1 << 20  # cap per stream; past it the run is killed
    python: str | None = None  # interpreter for the program; default: first one the sandbox uid can run


@dataclass
class RunResult:
    returncode: int | None
    stdout: str
    stderr: str
    timed_out: bool = False
    seconds: float = 0.0
    killed_reason: str | None = None  # "timeout" | "output-cap" | "signal:<NAME>" | "sandbox-died" | None
    isolation: list[str] = field(default_factory=list)



@dataclass(frozen=True)
class _Setup:
    prefix: tuple[str, ...]  # wrapper command (unshare flags) before the interpreter
    python: str
    switch_uid: bool
    private_tmp: bool
    isolation: tuple[str, ...]
    backstop: tuple[str, ...] = ()  # `timeout -s KILL {backstop}`, before `prefix` for a run started at once
    zygote: bool = False  # the full root variant, and the zygote's sandboxes passed the probe

    @property
    def pid_namespace(self) -> bool:  # also what spares need: init's alarm is their backstop
        return "pid-namespace" in self.isolation


_NS_VARIANTS = (  # tried in order; the first that runs a trivial program wins
    (("-m", "-n", "-p", "-f", "--mount-proc", "--kill-child"), ("pid-namespace", "net-namespace",
                                                               "mount-namespace", "private-tmp", "proc")),
    (("-U", "-r", "-m", "-n", "-p", "-f", "--mount-proc", "--kill-child"), ("user-namespace", "pid-namespace",
                                                                           "net-namespace", "mount-namespace",
                                                                           "private-tmp", "proc")),
    (("-n",), ("net-namespace",)),
    ((), ()),
)
WANTED = ("pid-namespace", "net-namespace", "mount-namespace", "private-tmp", "uid-switch")


def _runnable_by_others(path: str) -> bool:
    """True when every directory on the path is world-searchable and the file world-executable."""
    real = os.path.realpath(path)
    parts = real.split("/")
    for i in range(2, len(parts)):
        try:
            if not os.stat("/".join(parts[:i])).st_mode & stat.S_IXOTH:
                return False
        except OSError:
            return False
    return os.path.isfile(real) and bool(os.stat(real).st_mode & stat.S_IXOTH)


def _pick_python(wanted: str | None, switch_uid: bool) -> str:
    if wanted:
        return wanted
    candidates = [sys.executable, getattr(sys, "_base_executable", ""), "/usr/bin/python3", "/usr/local/bin/python3"]
    for c in candidates:
        if c and os.path.isfile(c) and (not switch_uid or _runnable_by_others(c)):
            return c
    raise RuntimeError(f"sandbox: no Python interpreter runnable by an unprivileged uid among {candidates}; "
                       "set SandboxLimits.python")


@cache
def _setup(python: str | None) -> _Setup:
    """Probe once per process what isolation this machine allows, and warn loudly about what is missing."""
    root = os.geteuid() == 0
    unshare, timeout_bin = shutil.which("unshare", path=SAFE_PATH), shutil.which("timeout", path=SAFE_PATH)
    exe = _pick_python(python, root)
    for flags, applied in _NS_VARIANTS:
        if (flags and not unshare) or ("-U" in flags and root):
            continue
        prefix = (unshare, *flags) if flags else ()
        trial = _Setup(prefix, exe, root and "-U" not in flags, "private-tmp" in applied, applied)
        res = _execute(trial, "print('ok')", "", "", 10.0, SandboxLimits(), probe=True)
        if res.returncode == 0 and res.stdout.strip() == "ok":
            break
        log.debug("sandbox probe %s failed: rc=%s %s", flags, res.returncode, res.stderr[-300:])
    isolation = [*applied, *(["uid-switch"] if trial.switch_uid else []), "session", "rlimits",
                 "no-new-privs", "scrubbed-env", "wall-timeout", "output-cap"]
    backstop = (timeout_bin, "-s", "KILL", "{backstop}") if timeout_bin else ()
    if timeout_bin or "pid-namespace" in applied:
        isolation.append("backstop-timeout")
    missing = [w for w in WANTED if w not in isolation]
    if missing:
        msg = (f"tinylogic sandbox: running model code WITHOUT {', '.join(missing)} "
               f"(root={root}, unshare={unshare or 'missing'}); see docs/SANDBOX.md")
        warnings.warn(msg, RuntimeWarning, stacklevel=3)
        log.warning(msg)
    setup = _Setup(prefix, exe, trial.switch_uid, trial.private_tmp, tuple(isolation), backstop)
    if setup.switch_uid and setup.pid_namespace:  # the zygote does what this variant's unshare flags do
        trial = replace(setup, zygote=True)
        try:
            os.close(os.pidfd_open(os.getpid()))
            res = _execute(trial, "print('ok')", "", "", 10.0, SandboxLimits(), probe=True)
        except (OSError, AttributeError) as e:  # no pidfd_open (Linux < 5.3)
            res = RunResult(None, "", repr(e))
        if res.returncode == 0 and res.stdout.strip() == "ok":
            return trial
        log.warning("sandbox: sandboxes forked by the zygote fail (rc=%s %s); every sandbox starts its own "
                    "interpreter behind unshare", res.returncode, res.stderr[-300:])
    return setup


_free_slots: queue.SimpleQueue[int] = queue.SimpleQueue()
for _slot in range(SLOTS_PER_PROCESS):
    _free_slots.put(_slot)


def _forks_from_zygote(setup: _Setup) -> bool:
    """Whether this process's sandboxes of `setup` are forked by a zygote now (else started behind unshare)."""
    return setup.zygote and USE_ZYGOTE and not zygote.failed


def _env(cwd: str) -> dict[str, str]:
    return {"PATH": SAFE_PATH, "HOME": cwd, "TMPDIR": cwd, "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"}


@dataclass
class _Sandbox:
    """A started BOOT waiting for its run on `control` (the write end of its pipe)."""
    proc: subprocess.Popen | zygote.Forked
    control: int
    slot: int  # -1: no uid switch
    uid: int
    host_dir: str | None  # cwd on the host disk when there is no private tmpfs


_spares: dict[tuple[str, int], list[_Sandbox]] = {}  # (interpreter, tmpfs MiB) -> waiting sandboxes
_spares_lock = Lock()


def _forget_parents_sandboxes() -> None:
    """In a forked caller: start zygotes and spares of its own; never talk to, keep alive or kill the parent's
    (its copies of their descriptors would keep a dead parent's zygote and spares from reading end-of-file)."""
    global _spares_lock
    _spares_lock = Lock()
    zygote.forget_parents()
    for box in [box for boxes in _spares.values() for box in boxes]:
        os.close(box.control)
        box.proc.stdout.close()
        box.proc.stderr.close()
        if isinstance(box.proc, zygote.Forked):
            os.close(box.proc.pidfd)
        if box.slot >= 0:
            _free_slots.put(box.slot)
    _spares.clear()


os.register_at_fork(after_in_child=_forget_parents_sandboxes)


def _start(setup: _Setup, limits: SandboxLimits, timeout: float | None, slot: int) -> _Sandbox:
    """Start BOOT: forked by the zygote where the setup has one, else behind unshare; `timeout` None: a spare
    (no `timeout` wrapper, nor for the zygote's: init's alarm is its backstop, the zygote's exit another)."""
    uid = UID_BASE + (os.getpid() << 4) + slot if slot >= 0 else -1
    host_dir = None if setup.private_tmp else tempfile.mkdtemp(prefix="tinylogic-sbx-")
    cwd = "/tmp" if setup.private_tmp else host_dir
    if host_dir and uid >= 0:
        os.chown(host_dir, uid, uid)
    backstop = () if timeout is None else tuple(p.format(backstop=int(timeout) + BACKSTOP_SECONDS)
                                                 for p in setup.backstop)
    read_end, control = os.pipe()
    args = [uid, int(setup.private_tmp), limits.tmp_mb, cwd]
    try:
        proc = zygote.fork(setup.python, read_end, args, _env("/tmp")) if _forks_from_zygote(setup) else None
        if proc is None:
            argv = [*backstop, *setup.prefix, setup.python, "-I", "-S", "-X", "utf8", "-c", BOOT, str(read_end),
                    *map(str, args)]
            proc = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                    env=_env(cwd), cwd=cwd, pass_fds=[read_end], start_new_session=True)
    finally:
        os.close(read_end)
    return _Sandbox(proc, control, slot, uid, host_dir)


def _start_spare(setup: _Setup, limits: SandboxLimits) -> None:
    """Top up the spares of this (interpreter, tmpfs size) by one, if a uid slot and room are free."""
    key = (setup.python, limits.tmp_mb)
    with _spares_lock:
        if len(_spares.get(key, ())) >= MAX_SPARES:
            return
    try:
        slot = _free_slots.get_nowait() if setup.switch_uid else -1
    except queue.Empty:
        return
    box = _start(setup, limits, None, slot)
    with _spares_lock:
        _spares.setdefault(key, []).append(box)


def _take_spare(setup: _Setup, limits: SandboxLimits) -> _Sandbox | None:
    with _spares_lock:
        waiting = _spares.get((setup.python, limits.tmp_mb), [])
        return waiting.pop() if waiting else None


def run_python(code: str, *, stdin: str = "", timeout: float = 5, limits: SandboxLimits | None = None,
               epilogue: str = "") -> RunResult:
    """Run `code` as `__main__` in a fresh sandbox; `stdin` is its standard input.

    `epilogue` (optional) is compiled separately and run after `code` in the same globals, so tests
    appended this way are not part of the program's own code object."""
    limits = limits or SandboxLimits()
    setup = _setup(limits.python)
    box = _take_spare(setup, limits) if setup.pid_namespace else None
    # the replacement starts once this run's sandbox has its program, and comes up while it runs
    top_up = (lambda: _start_spare(setup, limits)) if setup.pid_namespace else None
    if box is not None:  # a spare found dead (or killed with its zygote under the run) gives way to a new one
        result = _run(setup, box, code, epilogue, stdin, timeout, limits, top_up)
        if result.killed_reason != "sandbox-died":
            return result
    return _execute(setup, code, epilogue, stdin, timeout, limits, then=top_up)


def _execute(setup: _Setup, code: str, epilogue: str, stdin: str, timeout: float, limits: SandboxLimits,
             probe: bool = False, then: Callable[[], None] | None = None) -> RunResult:
    """A run in a sandbox started for it."""
    box = _start(setup, limits, timeout, _free_slots.get() if setup.switch_uid else -1)
    result = _run(setup, box, code, epilogue, stdin, timeout, limits, then)
    result.isolation = [] if probe else result.isolation
    return result


def _run(setup: _Setup, box: _Sandbox, code: str, epilogue: str, stdin: str, timeout: float,
         limits: SandboxLimits, then: Callable[[], None] | None = None) -> RunResult:
    """Hand the run to `box`, call `then` (if the handover worked) and supervise. A sandbox already dead
    (its BOOT printed why), or killed with its zygote, gives killed_reason "sandbox-died"."""
    try:
        cpu = max(1, min(limits.cpu_seconds, int(timeout) + 1))
        mb = 1 << 20
        payload = [text.encode("utf-8", "surrogatepass") for text in (code, epilogue, stdin)]
        head = [cpu, limits.memory_mb * mb, limits.file_size_mb * mb, limits.open_files, limits.processes, 0,
                int(timeout) + BACKSTOP_SECONDS, *(len(part) for part in payload)]
        start = time.perf_counter()
        if _hand_over(box, " ".join(map(str, head)).encode() + b"\n" + b"".join(payload), start + timeout):
            try:
                if then:
                    then()
            finally:  # supervised (and so torn down) even if `then` raises
                result = _supervise(box.proc, start, timeout, limits.output_bytes, box.uid, setup.pid_namespace)
        else:
            _kill_tree(box.proc, box.uid)
            result = RunResult(returncode=box.proc.returncode, stdout="",
                               stderr=box.proc.stderr.read().decode("utf-8", "replace")[-2000:],
                               killed_reason="sandbox-died")
            box.proc.stdout.close()
            box.proc.stderr.close()
    finally:
        if box.host_dir:
            shutil.rmtree(box.host_dir, ignore_errors=True)
        if box.slot >= 0:
            _free_slots.put(box.slot)
    result.isolation = list(setup.isolation)
    return result


def _hand_over(box: _Sandbox, message: bytes, deadline: float) -> bool:
    """Write the run to BOOT's pipe. False if BOOT is gone; a BOOT that does not read before the deadline
    is left to `_supervise`'s timeout."""
    os.set_blocking(box.control, False)
    view = memoryview(message)
    try:
        with selectors.DefaultSelector() as sel:
            sel.register(box.control, selectors.EVENT_WRITE)
            while view and box.proc.poll() is None:
                if not sel.select(max(0.0, deadline - time.perf_counter())):
                    return True
                view = view[os.write(box.control, view):]
    except (BrokenPipeError, ConnectionResetError):
        return False
    finally:
        os.close(box.control)
    return not view


def _supervise(proc: subprocess.Popen | zygote.Forked, start: float, timeout: float, cap: int, uid: int,
               pid_ns: bool) -> RunResult:
    out_fd, err_fd = proc.stdout.fileno(), proc.stderr.fileno()
    out: dict[int, bytearray] = {out_fd: bytearray(), err_fd: bytearray()}
    reason = None
    deadline, drain_until = start + timeout, None
    with selectors.DefaultSelector() as sel:
        for fd in out:
            sel.register(fd, selectors.EVENT_READ)
        while sel.get_map() and reason is None:
            now = time.perf_counter()
            if now >= deadline:
                reason = "timeout"
                break
            if proc.poll() is not None:  # exited: a leftover holding the pipes gets a short grace, no more
                drain_until = drain_until or now + 0.2
                if now >= drain_until:
                    break
            for key, _ in sel.select(min(deadline, drain_until or deadline) - now):
                chunk = os.read(key.fd, 1 << 16)
                if not chunk:
                    sel.unregister(key.fd)
                    continue
                buf = out[key.fd]
                buf += chunk[: cap - len(buf) + 1]
                if len(buf) > cap:
                    reason = "output-cap"
    if reason is None:
        try:
            proc.wait(max(0.0, deadline - time.perf_counter()))
        except subprocess.TimeoutExpired:
            reason = "timeout"
    if reason is not None or not pid_ns:
        _kill_tree(proc, uid)  # a clean exit of the namespace's init already took every process with it
    else:
        proc.wait()
    proc.stdout.close()
    proc.stderr.close()
    rc = proc.returncode if reason is None else None
    if rc is not None and isinstance(proc, zygote.Forked) and proc.lost:  # not the program's doing: see run_python
        rc, reason = None, "sandbox-died"
    elif rc is not None and rc > 128 and rc - 128 in signal.valid_signals():
        reason = f"signal:{signal.Signals(rc - 128).name}"
    return RunResult(returncode=rc, stdout=bytes(out[out_fd][:cap]).decode("utf-8", "replace"),
                     stderr=bytes(out[err_fd][:cap]).decode("utf-8", "replace"),
                     timed_out=reason == "timeout", seconds=time.perf_counter() - start, killed_reason=reason)


@atexit.register
def close_spares() -> None:
    """Stop the waiting spares (at exit, or to free their memory): each BOOT is killed with its namespace."""
    with _spares_lock:
        boxes = [box for waiting in _spares.values() for box in waiting]
        _spares.clear()
    for box in boxes:
        os.close(box.control)
        _kill_tree(box.proc, box.uid)
        box.proc.stdout.close()
        box.proc.stderr.close()
        if box.slot >= 0:
            _free_slots.put(box.slot)


def _kill_tree(proc: subprocess.Popen | zygote.Forked, uid: int) -> None:
    """Kill the run's session (wrappers and init: the PID namespace dies with init), then sweep any
    process still owned by the run's uid or still in its session until none is left."""
    # the session id is the sandbox's pid, taken until we reap it; but the zygote's sandboxes are reaped by
    # someone else once the zygote is dead (they died with it, PDEATHSIG): no killpg on a pid maybe reused
    if not isinstance(proc, zygote.Forked) or proc.zygote[0].poll() is None:
        with suppress(ProcessLookupError, PermissionError):
            os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    give_up = time.perf_counter() + 2.0
    while time.perf_counter() < give_up:
        left = _leftovers(uid, proc.pid)
        if not left:
            return
        for pid in left:
            with suppress(ProcessLookupError, PermissionError):
                os.kill(pid, signal.SIGKILL)
        time.sleep(0.005)
    log.error("sandbox: processes %s of uid %s survived SIGKILL", _leftovers(uid, proc.pid), uid)


def _leftovers(uid: int, sid: int) -> list[int]:
    found = []
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/stat", "rb") as f:
                fields = f.read().rsplit(b")", 1)[1].split()
            owner = os.stat(f"/proc/{name}").st_uid
        except OSError:
            continue
        if fields[0] not in (b"Z", b"X") and (int(fields[3]) == sid or (uid >= 0 and owner == uid)):
            found.append(int(name))
    return found


def sandbox_info(python: str | None = None) -> dict[str, object]:
    """What this process's sandbox applies (probes on first call)."""
    s = _setup(python)
    return {"isolation": list(s.isolation), "python": s.python, "wrapper": [*s.backstop, *s.prefix],
            "spares": s.pid_namespace, "zygote": _forks_from_zygote(s)}
