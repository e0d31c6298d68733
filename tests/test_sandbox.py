"""Attack tests for the sandbox: each checks the attack failed AND the caller/machine are unharmed."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import textwrap
import time
import uuid

import pytest

from tinylogic.verify import sandbox
from tinylogic.verify.sandbox import BACKSTOP_SECONDS, UID_BASE, SandboxLimits, run_python, sandbox_info

FULL = {"pid-namespace", "net-namespace", "private-tmp", "uid-switch"} <= set(sandbox_info()["isolation"])


@pytest.fixture(autouse=True, params=["spare", "fresh"])
def how_started(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch):
    """Every test runs twice: in pre-started spares (where the machine allows them) and in sandboxes started
    for the run, so each isolation guarantee is checked for both."""
    take_spare, taken = sandbox._take_spare, []
    if request.param == "fresh":
        monkeypatch.setattr(sandbox, "_take_spare", lambda setup, limits: None)
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
    assert None not in taken  # every run of a "spare" test ran in one


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
    if how_started == "fresh":
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
    if how_started == "fresh":
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
    """The caller dies (no atexit, no cleanup) with one sandbox running a program and spares waiting: the
    running one is gone by its backstop (timeout + BACKSTOP_SECONDS), the waiting ones at once (their
    pipe closes)."""
    if how_started == "fresh":
        pytest.skip("one run is enough")
    marker = f"tinylogic-orphan-{uuid.uuid4().hex}"
    program = f"import subprocess, sys, time\nsubprocess.Popen([sys.executable, '-c', 'import time; time.sleep(120)', {marker!r}])\ntime.sleep(120)"
    caller = textwrap.dedent(f"""
        import os, threading, time
        from tinylogic.verify.sandbox import run_python
        run_python("pass")  # leaves a spare waiting
        threading.Thread(target=run_python, args=({program!r},), kwargs={{"timeout": 1}}, daemon=True).start()
        time.sleep(0.5)
        print(os.getpid(), flush=True)
        os._exit(0)
    """)
    pid = int(subprocess.run([sys.executable, "-c", caller], capture_output=True, text=True, check=True).stdout)
    uids = [str(UID_BASE + (pid << 4) + slot) for slot in range(sandbox.SLOTS_PER_PROCESS)]

    def boots() -> list[int]:  # the dead caller's BOOTs: their argv carries the run's uid
        return [p for uid in uids for p in _procs_with(f"\0{uid}\0")]

    deadline = time.monotonic() + 1 + BACKSTOP_SECONDS + 3
    while (boots() or _procs_with(marker)) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert boots() == [] and _procs_with(marker) == []
