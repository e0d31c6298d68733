"""Attack tests for the sandbox: each checks the attack failed AND the caller/machine are unharmed."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import textwrap
import time
import uuid

import pytest

from tinylogic.verify import sandbox, zygote
from tinylogic.verify.sandbox import BACKSTOP_SECONDS, UID_BASE, SandboxLimits, run_python, sandbox_info

FULL = {"pid-namespace", "net-namespace", "private-tmp", "uid-switch"} <= set(sandbox_info()["isolation"])
ZYGOTE = sandbox_info()["zygote"]


@pytest.fixture(autouse=True, params=["spare", "fresh", "unshare"])
def how_started(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch):
    """Every test runs in pre-started spares (where the machine allows them) and in sandboxes started for the
    run, so each isolation guarantee is checked for both; where the zygote forks them (the full root
    sandbox), once more in sandboxes started behind `unshare`, its fallback."""
    if request.param == "unshare" and not ZYGOTE:
        pytest.skip("no zygote: `fresh` is this case")
    take_spare, taken, start, started = sandbox._take_spare, [], sandbox._start, []

    def start_and_record(*args):
        started.append(start(*args))
        return started[-1]

    monkeypatch.setattr(sandbox, "_start", start_and_record)
    if request.param != "spare":
        monkeypatch.setattr(sandbox, "_take_spare", lambda setup, limits: None)
        monkeypatch.setattr(sandbox, "USE_ZYGOTE", ZYGOTE and request.param == "fresh")
    else:
        def take(setup, limits):
            box = take_spare(setup, limits)
            if box is None:  # none waiting yet (first run of this kind): start one and use it
                sandbox._start_spare(setup, limits)
                box = take_spare(setup, limits)
            taken.append(box)
            return box

        monkeypatch.setattr(sandbox, "_take_spare", take)
    yield request.param
    if request.param == "unshare":
        sandbox.close_spares()  # the spares it started, behind unshare, are not for the next test
    assert None not in taken  # every run of a "spare" test ran in one
    if ZYGOTE:  # and every sandbox came from where this case says
        forked = request.param != "unshare"
        assert all(isinstance(box.proc, zygote.Forked) == forked for box in taken + started)


def _procs_with(marker: str) -> list[int]:
    """Live (non-zombie) processes whose command line contains `marker`, seen from the caller's /proc."""
    found = []
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/cmdline", "rb") as f:
                cmdline = f.read()
            with open(f"/proc/{name}/stat", "rb") as f:
                state = f.read().rsplit(b")", 1)[1].split()[0]
        except OSError:
            continue
        if marker.encode() in cmdline and state not in (b"Z", b"X"):
            found.append(int(name))
    return found


def test_runs_code_with_stdin_and_reports_isolation():
    res = run_python("import sys\nprint(sys.stdin.read().upper())", stdin="hello")
    assert res.returncode == 0 and res.stdout == "HELLO\n" and not res.timed_out
    assert {"rlimits", "wall-timeout", "output-cap", "scrubbed-env"} <= set(res.isolation)


def test_runtime_error_exit_code_and_traceback():
    res = run_python("x = 1\nraise ValueError('boom')")
    assert res.returncode == 1 and "ValueError: boom" in res.stderr


EXITS = ["import sys; sys.exit('bye')", "import sys; sys.exit(3)", "raise SystemExit(None)", "print('x', end='')",
         "import threading, time\nthreading.Thread(target=lambda: (time.sleep(0.2), print('thread'))).start()",
         "import atexit; atexit.register(print, 'atexit')", "class A:\n    def __del__(self): print('del')\na = A()",
         "import os\nout = os.fdopen(1, 'w')\nout.write('fdopen')", "import sys; print('x'); sys.stdout.close()",
         "import os; os.close(1); print('x')"]


@pytest.mark.parametrize("code", EXITS)
def test_a_program_exits_as_it_would_under_python(code):
    """The program's process skips the interpreter's teardown: what a program can see of its exit (status,
    messages, threads, atexit, finalizers, flushed output) is still the interpreter's."""
    python = sandbox_info()["python"]
    native = subprocess.run([python, "-I", "-S", "-c", code], capture_output=True, text=True, timeout=10)
    res = run_python(code)
    assert (res.returncode, res.stdout) == (native.returncode, native.stdout)
    assert res.stderr == native.stderr or native.returncode == 120  # (Python also says why it could not flush)


def test_caller_environment_is_not_visible(monkeypatch):
    monkeypatch.setenv("TINYLOGIC_TEST_SECRET", "hunter2-" + uuid.uuid4().hex)
    code = "import os\nprint(sorted(os.environ.items()))\ntry:\n    print(open('/proc/1/environ').read())\n" \
           "except OSError as e:\n    print('no environ', e)"
    res = run_python(code)
    assert res.returncode == 0
    assert "TINYLOGIC_TEST_SECRET" not in res.stdout and os.environ["TINYLOGIC_TEST_SECRET"] not in res.stdout


@pytest.mark.skipif(not FULL, reason="needs root and namespaces")
def test_no_network_even_to_host_loopback():
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(1)
        listener.settimeout(0.3)
        port = listener.getsockname()[1]
        code = f"""
            import socket
            s = socket.socket(); s.settimeout(2)
            try:
                s.connect(("127.0.0.1", {port})); print("CONNECTED")
            except OSError as e:
                print("REFUSED", e)
            try:
                socket.getaddrinfo("pypi.org", 443); print("DNS")
            except OSError:
                print("NODNS")
        """
        res = run_python(textwrap.dedent(code))
        assert "REFUSED" in res.stdout and "CONNECTED" not in res.stdout and "NODNS" in res.stdout
        with pytest.raises(TimeoutError):
            listener.accept()  # nothing ever reached the test's listener


@pytest.mark.skipif(not FULL, reason="needs root and namespaces")
def test_cannot_write_outside_its_temp_dir(tmp_path):
    tmp_path.chmod(0o777)  # even a world-writable directory the test owns must stay untouched
    name = f"tinylogic-escape-{uuid.uuid4().hex}"
    targets = [tmp_path / name, f"/tmp/{name}", f"/var/tmp/{name}", f"/dev/shm/{name}", f"/work/{name}"]
    code = f"""
        import os
        for p in {[str(t) for t in targets]!r}:
            try:
                open(p, "w").write("x"); print("WROTE", p)
            except OSError as e:
                print("DENIED", p, e.errno)
        open("inside.txt", "w").write("ok"); print("INSIDE", os.getcwd())
    """
    res = run_python(textwrap.dedent(code))
    assert "INSIDE" in res.stdout
    for target in targets:
        assert not os.path.exists(target), f"sandbox wrote {target}"


def test_infinite_loop_is_stopped_by_the_wall_timeout():
    start = time.perf_counter()
    res = run_python("while True:\n    pass", timeout=1.0)
    assert res.timed_out and res.returncode is None and res.killed_reason == "timeout"
    assert time.perf_counter() - start < 3.0


def test_sleeping_program_is_stopped_by_the_wall_timeout():
    start = time.perf_counter()
    res = run_python("import time\ntime.sleep(60)", timeout=0.5)
    assert res.timed_out and time.perf_counter() - start < 2.5


def test_memory_bomb_fails_fast():
    start = time.perf_counter()
    res = run_python("x = bytearray(4 * 1024**3)\nprint('ALLOCATED')", timeout=5,
                     limits=SandboxLimits(memory_mb=256))
    assert res.returncode != 0 and "ALLOCATED" not in res.stdout and "MemoryError" in res.stderr
    assert time.perf_counter() - start < 3.0


def test_fork_bomb_is_contained():
    marker = f"forkbomb-{uuid.uuid4().hex}"
    code = f"""
        import os, sys, time
        sys.argv[0] = {marker!r}
        while True:
            try:
                os.fork()
            except OSError:
                time.sleep(0.01)
    """
    start = time.perf_counter()
    res = run_python(textwrap.dedent(code), timeout=2, limits=SandboxLimits(processes=16))
    assert res.timed_out and time.perf_counter() - start < 5.0
    assert os.getpid() > 0 and run_python("print(1)").stdout == "1\n"  # caller and sandbox still work


@pytest.mark.parametrize("code", ["import sys\nwhile True:\n    sys.stdout.write('x' * 65536)",
                                  "for _ in range(10):\n    print('x' * 10**8)"])  # 1 GB in total
def test_huge_output_is_capped_and_fast(code):
    cap = 1 << 20
    start = time.perf_counter()
    res = run_python(code, timeout=10, limits=SandboxLimits(output_bytes=cap))
    assert len(res.stdout.encode()) <= cap
    assert time.perf_counter() - start < 5.0
    assert res.killed_reason == "output-cap"


def test_sigterm_ignoring_child_and_double_forked_daemon_are_gone():
    marker = f"tinylogic-daemon-{uuid.uuid4().hex}"
    code = f"""
        import os, signal, subprocess, sys, time
        sleeper = "import signal, time; signal.signal(signal.SIGTERM, signal.SIG_IGN); time.sleep(120)"
        subprocess.Popen([sys.executable, "-c", sleeper, {marker!r}])
        if os.fork() == 0:  # classic double fork: the grandchild is re-parented and detached
            os.setsid()
            if os.fork() == 0:
                os.execv(sys.executable, [sys.executable, "-c", "import time; time.sleep(120)", {marker!r}])
            os._exit(0)
        time.sleep(0.3)
        print("STARTED")
    """
    res = run_python(textwrap.dedent(code), timeout=5)
    assert res.returncode == 0 and "STARTED" in res.stdout
    assert _procs_with(marker) == []


def test_timeout_kills_the_whole_tree():
    marker = f"tinylogic-tree-{uuid.uuid4().hex}"
    code = f"""
        import os, subprocess, sys, time
        subprocess.Popen([sys.executable, "-c", "import time; time.sleep(120)", {marker!r}], start_new_session=True)
        time.sleep(120)
    """
    res = run_python(textwrap.dedent(code), timeout=1)
    assert res.timed_out and _procs_with(marker) == []


def test_killing_parents_and_groups_does_not_hurt_the_caller():
    me = os.getpid()
    code = f"""
        import os, signal
        for target in (os.getppid(), 1, {me}):
            for fn, arg in ((os.kill, target), (os.killpg, target)):
                try:
                    fn(arg, signal.SIGKILL)
                except OSError as e:
                    print("blocked", fn.__name__, target, e.errno)
        try:
            os.killpg(0, signal.SIGKILL)
        except OSError:
            pass
        try:
            os.kill(-1, signal.SIGKILL)
        except OSError:
            pass
        print("SURVIVED")
    """
    res = run_python(textwrap.dedent(code))
    assert os.getpid() == me  # pytest (this process) is alive
    assert run_python("print('still works')").stdout == "still works\n"
    assert res.returncode is not None


@pytest.mark.skipif(not FULL, reason="needs root and namespaces")
def test_runs_as_unprivileged_uid_in_own_pid_namespace():
    res = run_python("import os\nprint(os.getuid(), os.geteuid(), os.getpid(), sorted(os.listdir('/proc'))[:0])")
    uid, euid, pid = (int(x) for x in res.stdout.split()[:3])
    assert uid == euid and uid not in (0, os.getuid()) and pid < 10


@pytest.mark.skipif(not sandbox_info()["spares"], reason="spares need a PID namespace")
def test_a_run_takes_a_waiting_spare_and_leaves_a_replacement(how_started):
    if how_started != "spare":
        pytest.skip("about spares")
    run_python("pass")
    key = (sandbox_info()["python"], SandboxLimits().tmp_mb)
    waiting = list(sandbox._spares[key])
    assert waiting and all(box.proc.poll() is None for box in waiting)
    assert run_python("print(7)").stdout == "7\n"
    assert waiting[-1].proc.poll() is not None  # it ran this program and was torn down: used once
    after = sandbox._spares[key]
    assert len(after) == len(waiting) and waiting[-1] not in after and after[-1].proc.poll() is None


@pytest.mark.skipif(not sandbox_info()["spares"], reason="spares need a PID namespace")
def test_close_spares_stops_every_waiting_sandbox(how_started):
    if how_started != "spare":
        pytest.skip("about spares")
    run_python("pass")
    waiting = [box for boxes in sandbox._spares.values() for box in boxes]
    assert waiting
    free = sandbox._free_slots.qsize()
    sandbox.close_spares()  # what a server's shutdown calls (uvicorn's exit skips atexit)
    assert all(box.proc.poll() is not None for box in waiting) and not any(sandbox._spares.values())
    assert sandbox._free_slots.qsize() == free + sum(box.slot >= 0 for box in waiting)  # uid slots back


@pytest.mark.skipif(not sandbox_info()["spares"], reason="spares need a PID namespace")
def test_a_dead_callers_sandboxes_all_exit(how_started):
    """The caller is SIGKILLed (no atexit, no cleanup) with one sandbox running a program and spares waiting.
    With a zygote, all of it is gone at once: the zygote reads end-of-file and exits, its sandboxes die with
    it (PDEATHSIG), and their namespaces with them. Behind `unshare`, the waiting ones exit at once (their
    pipe closes) and the running one by its backstop (timeout + BACKSTOP_SECONDS)."""
    if how_started == "fresh":
        pytest.skip("one run per way of starting is enough")
    marker = f"tinylogic-orphan-{uuid.uuid4().hex}"
    program = f"import subprocess, sys, time\nsubprocess.Popen([sys.executable, '-c', 'import time; time.sleep(120)', {marker!r}])\ntime.sleep(120)"
    caller = textwrap.dedent(f"""
        import os, signal, threading, time
        from tinylogic.verify.sandbox import run_python
        run_python("pass")  # leaves a spare waiting
        threading.Thread(target=run_python, args=({program!r},), kwargs={{"timeout": 1}}, daemon=True).start()
        time.sleep(0.5)
        print(os.getpid(), flush=True)
        os.kill(os.getpid(), signal.SIGKILL)
    """)
    zygote = ZYGOTE and how_started == "spare"
    env = {**os.environ, "TINYLOGIC_SANDBOX_ZYGOTE": str(int(zygote))}
    pid = int(subprocess.run([sys.executable, "-c", caller], capture_output=True, text=True, env=env).stdout)
    uids = [str(UID_BASE + (pid << 4) + slot) for slot in range(sandbox.SLOTS_PER_PROCESS)]

    def left() -> list[int]:  # the dead caller's zygote and what it forked (argv ends with the caller's pid),
        # BOOTs started behind unshare (argv carries the run's uid), the program's own child
        return (_procs_with(f"\0{pid}\0") + [p for uid in uids for p in _procs_with(f"\0{uid}\0")]
                + _procs_with(marker))

    deadline = time.monotonic() + (2 if zygote else 1 + BACKSTOP_SECONDS + 3)
    while left() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert left() == []


@pytest.mark.skipif(not ZYGOTE, reason="no zygote on this machine")
def test_a_killed_zygote_takes_its_sandboxes_along_and_is_replaced(how_started):
    if how_started != "spare":
        pytest.skip("about the zygote")
    run_python("pass")  # a zygote is up, with spares it forked waiting
    [(killed, _)] = zygote.zygotes.values()
    waiting = [box for boxes in sandbox._spares.values() for box in boxes]
    os.kill(killed.pid, signal.SIGKILL)
    # at once: the spare it takes is dead or dying, and the run goes to a sandbox from a new zygote
    res = run_python("import os\nprint(os.getuid(), os.getpid(), os.listdir('/proc').count('1'))")
    assert res.returncode == 0 and res.isolation == sandbox_info()["isolation"]
    uid, pid, init = (int(x) for x in res.stdout.split())
    assert uid >= UID_BASE and pid == 2 and init == 1
    [(replacement, _)] = zygote.zygotes.values()
    assert replacement.pid != killed.pid and killed.poll() is not None
    for box in waiting:  # every spare of the dead zygote died with it, namespace and all
        box.proc.wait(2)
        assert sandbox._leftovers(-1, box.proc.pid) == []
    assert run_python("print(2)").stdout == "2\n"


def test_the_program_holds_only_its_own_stdio(how_started):
    """No descriptor of the zygote (its socket above all), of the caller or of another run reaches the
    program: only stdin (a memfd), stdout and stderr; no process outside its namespace is visible."""
    code = """
        import os
        fds = {}
        for fd in range(1024):
            try:
                os.fstat(fd)
            except OSError:
                continue
            fds[fd] = os.readlink(f"/proc/self/fd/{fd}")
        print(fds)
        print(sorted(int(p) for p in os.listdir("/proc") if p.isdigit()))
    """
    res = run_python(textwrap.dedent(code))
    fds, pids = (eval(line) for line in res.stdout.splitlines())
    assert sorted(fds) == [0, 1, 2] and not any("socket" in link for link in fds.values()), fds
    if FULL:
        assert fds[0].startswith("/memfd:stdin") and pids == [1, 2], pids


@pytest.mark.skipif(not ZYGOTE, reason="no zygote on this machine")
def test_a_zygote_that_does_not_answer_gives_way_to_unshare(how_started):
    """In a caller whose zygote exits at once: every run still runs, behind unshare, fully isolated, and the
    fallback is logged once."""
    if how_started != "fresh":
        pytest.skip("about the zygote")
    caller = textwrap.dedent("""
        import logging
        from tinylogic.verify import sandbox, zygote
        logging.basicConfig(level=logging.WARNING, format="LOG %(message)s")
        zygote.ZYGOTE = "import sys; sys.exit(3)"
        for _ in range(3):
            res = sandbox.run_python("import os\\nprint(os.getuid(), os.getpid())")
            print(res.returncode, res.stdout.strip(), len(res.isolation))
        print(sandbox.sandbox_info()["zygote"], list(zygote.zygotes))
    """)
    out = subprocess.run([sys.executable, "-c", caller], capture_output=True, text=True, timeout=60)
    *runs, after = [line.split() for line in out.stdout.splitlines()]
    assert len(runs) == 3 and all(rc == "0" and int(uid) >= UID_BASE and int(pid) < 10 and int(n)
                                  == len(sandbox_info()["isolation"]) for rc, uid, pid, n in runs), out
    assert after == ["False", "[]"]  # given up after the probe's two tries; none left running
    assert out.stderr.count("LOG sandbox: the zygote does not answer") == 1, out.stderr


@pytest.mark.skipif(not sandbox_info()["spares"], reason="spares need a PID namespace")
def test_a_forked_caller_has_sandboxes_of_its_own(how_started):
    """A caller that forks (a multiprocessing worker, say): the child neither uses nor stops its parent's
    zygote and spares, runs in sandboxes of its own, and its exit (atexit: close_spares) leaves the
    parent's working."""
    if how_started != "spare":
        pytest.skip("about spares")
    caller = textwrap.dedent("""
        import os, sys
        from tinylogic.verify import sandbox, zygote
        from tinylogic.verify.sandbox import run_python
        run_python("pass")
        parents = [box.proc for boxes in sandbox._spares.values() for box in boxes]
        if os.fork() == 0:
            assert not sandbox._spares and not zygote.zygotes
            print("child", run_python("print(1)").stdout.strip(), flush=True)
            sys.exit(0)
        assert os.wait()[1] == 0
        alive = bool(parents) and all(proc.poll() is None for proc in parents)
        print("parent", alive, run_python("print(2)").stdout.strip())
    """)
    out = subprocess.run([sys.executable, "-c", caller], capture_output=True, text=True, timeout=60)
    assert out.stdout.split() == ["child", "1", "parent", "True", "2"], out
