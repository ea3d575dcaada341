#!/usr/bin/env python3
"""
Runs a command, then prints its wall time and the CPU time (user + system) of
the command and of every process it started, Chromium's renderers included.
/usr/bin/time counts only the processes their parents waited for, and
Chromium's renderers are not among them; here this process is the "child
subreaper" (Linux), so every orphan is handed to it and counted when it ends.
On a shared machine, compare CPU time: wall time depends on the others' load.

    python3 bench/cpu-time.py npx vitest run --config vitest.e2e.config.ts tests/e2e/a11y.test.ts
"""
import ctypes, os, resource, subprocess, sys, time
libc = ctypes.CDLL("libc.so.6", use_errno=True)
PR_SET_CHILD_SUBREAPER = 36
libc.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0)
t0 = time.time()
p = subprocess.Popen(sys.argv[1:])
rc = None
while True:
    try:
        pid, status = os.waitpid(-1, 0)
    except ChildProcessError:
        break
    if pid == p.pid:
        rc = os.waitstatus_to_exitcode(status)
wall = time.time() - t0
r = resource.getrusage(resource.RUSAGE_CHILDREN)
print(f"[cputime] wall {wall:.1f} s, user {r.ru_utime:.1f} s, sys {r.ru_stime:.1f} s, cpu {r.ru_utime + r.ru_stime:.1f} s, rc {rc}", file=sys.stderr)
sys.exit(rc or 0)
