"""The two programs the sandbox runs on the sandbox interpreter (`python -I -S`, stdlib only), as text:
BOOT, a sandbox's init, which reads one run from its control pipe and runs it, and ZYGOTE, the warm root
process that forks sandboxes. The caller's side is `tinylogic.verify.sandbox`; docs/SANDBOX.md says what each
guarantees."""

# BOOT runs as root inside the namespaces (or as the caller when degraded), as `python -c BOOT` or, forked
# from the zygote, as init executing its text. argv: control fd, uid (-1: no switch), private-tmp flag,
# tmpfs MiB, cwd. It sets up /tmp, then reads its run from the control pipe: a
# header line (6 rlimits, backstop seconds, byte sizes of program, tests and stdin), then those bytes.
# It forks the program's process and waits; exiting (init of the PID namespace) takes every leftover
# process with it, and so does its alarm, `backstop` seconds after the handover.
BOOT = r"""
import atexit, gc, os, sys, resource, signal
a = sys.argv[1:]
cfd, uid, private_tmp, tmp_mb = (int(x) for x in a[:4])
cwd = a[4]
from _ctypes import dlopen, CFuncPtr, FUNCFLAG_CDECL, FUNCFLAG_USE_ERRNO, get_errno
class _Lib:
    _handle = dlopen(None)
class _Fn(CFuncPtr):
    _flags_ = FUNCFLAG_CDECL | FUNCFLAG_USE_ERRNO
mount, prctl = _Fn(("mount", _Lib())), _Fn(("prctl", _Lib()))
if private_tmp:
    own = uid if uid >= 0 else os.getuid()
    opts = f"size={tmp_mb}m,nr_inodes=4096,mode=0700,uid={own},gid={own}".encode()
    if mount(b"tmpfs", b"/tmp", b"tmpfs", 2 | 4, opts) != 0:  # MS_NOSUID | MS_NODEV
        sys.stderr.write(f"sandbox: mounting tmpfs on /tmp failed (errno {get_errno()})\n")
        os._exit(125)
    for d in (b"/var/tmp", b"/dev/shm"):
        if os.path.isdir(d) and mount(b"/tmp", d, None, 4096, None) != 0:  # MS_BIND
            sys.stderr.write(f"sandbox: binding /tmp on {d} failed (errno {get_errno()})\n")
            os._exit(125)
def take(fd, buf, n):  # read until `buf` holds n bytes (length-framed: a forked caller may hold the pipe open)
    chunks, have = [buf], len(buf)
    while have < n:
        b = os.read(fd, 1 << 20)
        if not b:
            os._exit(0)  # the caller closed the pool (or died) before handing over a run
        chunks.append(b)
        have += len(b)
    return b"".join(chunks)
buf = b""
while b"\n" not in buf:
    buf = take(cfd, buf, len(buf) + 1)
head, _, body = buf.partition(b"\n")
nums = [int(x) for x in head.split()]
lim, backstop, (n_prog, n_epi, n_stdin) = nums[:6], nums[6], nums[7:10]
body = take(cfd, body, n_prog + n_epi + n_stdin)
os.close(cfd)
signal.signal(signal.SIGALRM, lambda *_: os._exit(137))
signal.alarm(backstop)
prog = body[:n_prog].decode("utf-8", "replace")
epi = body[n_prog:n_prog + n_epi].decode("utf-8", "replace")
sfd = os.memfd_create("stdin")
data = memoryview(body)[n_prog + n_epi:]
while data:
    data = data[os.write(sfd, data):]
os.lseek(sfd, 0, os.SEEK_SET)
del buf, body, data
gc.freeze()  # the program's process shares this heap copy-on-write: its collector (at exit too) skips it
pid = os.fork()
if pid == 0:
    signal.signal(signal.SIGALRM, signal.SIG_DFL)
    os.dup2(sfd, 0)
    os.close(sfd)
    R = resource
    for r, v in zip((R.RLIMIT_CPU, R.RLIMIT_AS, R.RLIMIT_FSIZE, R.RLIMIT_NOFILE, R.RLIMIT_NPROC, R.RLIMIT_CORE),
                    lim):
        R.setrlimit(r, (v, v))
    if uid >= 0:
        os.setgroups([])
        os.setresgid(uid, uid, uid)
        os.setresuid(uid, uid, uid)
    prctl(38, 1, 0, 0, 0)  # PR_SET_NO_NEW_PRIVS: setuid binaries cannot raise privileges
    os.chdir(cwd)
    del a, lim, nums, R, mount, prctl, _Lib, _Fn, dlopen, CFuncPtr
    sys.argv = ["main.py"]
    g = {"__name__": "__main__", "__builtins__": __builtins__}
    try:
        exec(compile(prog, "main.py", "exec"), g)
        del prog
        if epi:
            sys.stdout.flush()
            exec(compile(epi, "tests.py", "exec"), g)
        code = 0
    except SystemExit as e:
        code = e.code
    except BaseException as e:
        sys.excepthook(type(e), e, e.__traceback__)
        code = 1
    # What the interpreter's exit does that a program can see, without its teardown of every object, which
    # would copy each page this process shares with its parent (half a run's CPU): SystemExit's message,
    # non-daemon threads joined, atexit, the finalizers of the program's objects, stdio flushed.
    if code is not None and not isinstance(code, int):
        sys.stderr.write(f"{code}\n")
        code = 1
    if "threading" in sys.modules:
        sys.modules["threading"]._shutdown()
    atexit._run_exitfuncs()
    g.clear()
    if gc.isenabled():
        gc.collect()
    for f in (sys.stdout, sys.stderr):
        try:
            if f is not None and not f.closed:
                f.flush()
        except Exception:
            code = 120  # as the interpreter does when it cannot flush
    os._exit((code or 0) & 0xFF)
os.close(sfd)
while True:
    try:
        _, st = os.waitpid(pid, 0)
        break
    except InterruptedError:
        continue
os._exit(os.waitstatus_to_exitcode(st) if os.WIFEXITED(st) else 128 + os.WTERMSIG(st))
"""

# ZYGOTE: one per caller process and interpreter; root, outside any namespace, single-threaded, and it never
# runs model code (a run's program, tests and stdin go from the caller to BOOT's pipe, never through it).
# argv: BOOT's text, its socket's fd, the caller's pid (a label for ps). Requests on the socket (SEQPACKET,
# one at a time): "spawn uid private_tmp tmp_mb cwd" with 3 fds (BOOT's control pipe, the run's stdout and
# stderr) -> the pid of a new sandbox S; "reap pid" -> S's wait status (only a parent can reap; the caller
# watches S through a pidfd, and S's pid, hence its session id, stays taken until this reap). It exits at
# the socket's end-of-file (the caller is gone), and every S with it (PDEATHSIG).
# S is what `unshare -m -n -p -f --mount-proc --kill-child` is to BOOT: it unshares the namespaces, forks
# init (pid 1 of the new PID namespace) and exits with init's status; init mounts a fresh /proc and runs
# BOOT's text, which ends each of its processes with os._exit (an exception escaping it ends init as it
# ends any `python -c`: traceback on the run's stderr, status 1).
ZYGOTE = r"""
import atexit, builtins, gc, os, resource, signal, socket, sys  # BOOT's imports too: init finds them loaded
import typing  # what most model-written programs import first (type hints): ~3 ms a run, paid once here
from _ctypes import dlopen, CFuncPtr, FUNCFLAG_CDECL, FUNCFLAG_USE_ERRNO, get_errno
class _Lib:
    _handle = dlopen(None)
class _Fn(CFuncPtr):
    _flags_ = FUNCFLAG_CDECL | FUNCFLAG_USE_ERRNO
unshare, mount, prctl = (_Fn((name, _Lib())) for name in ("unshare", "mount", "prctl"))
boot, sock = compile(sys.argv[1], "<string>", "exec"), socket.socket(fileno=int(sys.argv[2]))
zygote = os.getpid()
def fail(what):
    sys.stderr.write(f"sandbox: {what} failed (errno {get_errno()})\n")
    os._exit(125)
def sandbox(cfd, out, err, uid, private_tmp, tmp_mb, cwd):
    os.dup2(out, 1)
    os.dup2(err, 2)
    os.dup2(cfd, 3)
    sock.detach()
    os.closerange(4, os.sysconf("SC_OPEN_MAX"))  # only 0 (/dev/null), the run's 1 and 2, and 3 are left
    os.setsid()  # the caller kills the run by its session
    prctl(1, 9, 0, 0, 0)  # PR_SET_PDEATHSIG SIGKILL: S dies with the zygote...
    if os.getppid() != zygote:  # ...even one that died before the line above
        os._exit(125)
    if unshare(0x20000 | 0x40000000 | 0x20000000):  # CLONE_NEWNS | CLONE_NEWNET | CLONE_NEWPID
        fail("unshare")
    if mount(None, b"/", None, 0x4000 | 0x40000, None):  # MS_REC | MS_PRIVATE: no mount leaks to the host
        fail("making mounts private")
    init = os.fork()
    if init:
        _, st = os.waitpid(init, 0)
        os._exit(os.waitstatus_to_exitcode(st) if os.WIFEXITED(st) else 128 + os.WTERMSIG(st))
    # init dies with S. If S was killed before this line, init is still in S's process group (the caller's
    # killpg), and a caller that is gone closed BOOT's pipe (BOOT exits at its end-of-file).
    prctl(1, 9, 0, 0, 0)
    if mount(b"proc", b"/proc", b"proc", 2 | 4 | 8, None):  # MS_NOSUID | MS_NODEV | MS_NOEXEC
        fail("mounting /proc")
    sys.argv = ["-c", "3", uid, private_tmp, tmp_mb, cwd]
    exec(boot, {"__name__": "__main__", "__builtins__": builtins})
while True:
    try:
        msg, fds, _, _ = socket.recv_fds(sock, 4096, 3)
    except OSError:
        break
    if not msg:
        break
    verb, *args = msg.decode().split(" ", 4)
    if verb == "spawn":
        pid = os.fork()
        if pid == 0:
            sandbox(*fds, *args)
        for fd in fds:
            os.close(fd)
        sock.send(b"%d" % pid)
    else:
        try:
            status = os.waitpid(int(args[0]), 0)[1]
        except ChildProcessError:
            status = -1
        sock.send(b"%d" % status)
"""
