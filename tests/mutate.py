#!/usr/bin/env python3
"""tests/mutate.py [NAME...]: break the product on purpose and require the
suite to notice (`make mutate`; not part of `make check`).

Each tests/mutations/NAME.mut is one small deliberate break:

    # what breaks, and why the named tests must notice
    file: src/forms/form.c
    find: the exact text to replace
    replace: what it becomes
    tests: forms.sh test_hyph        (scripts in tests/e2e, unit binaries)
    build: plain                     (asan: the sanitizer build; alloc: the
                                     plain build and build/alloc, make alloc)

In find and replace a backslash escapes the next character: \\n and \\t
are a newline and a tab, \\\\ and \\" a backslash and a quote.  The
find text must occur exactly once in the file: a mutation that no longer
applies (the code moved on) is a failure, so it is noticed and rewritten
rather than silently dropped.  The mutant is built in a scratch copy of
the repository (build/mutate/tree, objects copied along so only the
changed file is compiled), only the named tests run (tests/run with
SR_ONLY), and they must fail; they must pass on the unmutated copy first.
The copy's file is put back afterwards.
Prints "caught N of M"; exit 0 only when every mutation was caught.
"""
import os
import re
import subprocess
import sys
import time

TOP = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TREE = os.path.join(TOP, "build", "mutate", "tree")
MUTS = os.path.join(TOP, "tests", "mutations")
SAN = ["CFLAGS=-O1 -g",
       "SANFLAGS=-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all"]
KEYS = ("file", "find", "replace", "tests", "build")


def unescape(s):
    return re.sub(r"\\(.)", lambda m: {"n": "\n", "t": "\t"}.get(m.group(1), m.group(1)), s)


def parse(path):
    m = {"name": os.path.basename(path)[:-4], "build": "plain"}
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if not line.strip() or line.startswith("#"):
            continue
        k, sep, v = line.partition(": ")
        if not sep or k not in KEYS:
            raise ValueError("%s: not a 'key: value' line: %r" % (path, line))
        m[k] = unescape(v) if k in ("find", "replace") else v.strip()
    missing = [k for k in KEYS if k not in m]
    if missing:
        raise ValueError("%s: missing %s" % (path, ", ".join(missing)))
    if m["build"] not in ("plain", "asan", "alloc"):
        raise ValueError("%s: build is plain, asan or alloc" % path)
    return m


def sync():
    """The scratch copy: sources, tests and the builds, mtimes kept, so make
    rebuilds only what a mutation touches."""
    os.makedirs(TREE, exist_ok=True)
    subprocess.run("tar -C %s --exclude=./build/mutate --exclude=./.git --exclude=./out -cf - . | tar -C %s -xf -"
                   % (TOP, TREE), shell=True, check=True)


def build(kind, log):
    make = ["make", "-C", TREE, "--no-print-directory", "-j2"]
    if kind == "asan":
        steps = [make + ["BUILD=build/asan"] + SAN + ["tests"]]
    else:
        steps = [make + ["BUILD=build", "tests"]]
    if kind == "alloc":
        steps.append(make + ["alloc"])
    for args in steps:
        log.flush()
        if subprocess.run(args, stdout=log, stderr=subprocess.STDOUT).returncode != 0:
            return False
    return True


def run_tests(kind, tests, log):
    # the copy lives elsewhere, so ../shared is the repository's
    # CI=true: a missing tool fails instead of skipping, so a red run
    # cannot come from the machine rather than the mutation
    env = dict(os.environ, SR_ONLY=tests, CI="true",
               SR_SHARED=os.path.join(os.path.dirname(TOP), "shared"))
    b = "build/asan" if kind == "asan" else "build"
    r = subprocess.run([os.path.join(TREE, "tests", "run"), b], cwd=TREE, env=env,
                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    log.write(r.stdout)
    last = r.stdout.decode("utf-8", "replace").strip().splitlines()[-1:] or [""]
    return r.returncode, last[0]


def main(argv):
    names = sorted(f for f in os.listdir(MUTS) if f.endswith(".mut"))
    if argv:
        names = [n for n in names if n[:-4] in argv]
    muts, bad = [], []
    for n in names:
        try:
            muts.append(parse(os.path.join(MUTS, n)))
        except ValueError as e:
            bad.append(str(e))
    for b in bad:
        print("BROKEN", b)
    logdir = os.path.join(TOP, "build", "mutate", "logs")
    os.makedirs(logdir, exist_ok=True)
    print("mutate: copying the repository to %s" % os.path.relpath(TREE, TOP), flush=True)
    sync()
    for kind in sorted({m["build"] for m in muts}):
        with open(os.path.join(logdir, "base-%s.log" % kind), "wb") as log:
            if not build(kind, log):
                print("mutate: the unmutated %s build fails; see build/mutate/logs" % kind)
                return 1
    # the named tests must pass on the unmutated copy, or a red run says
    # nothing about the mutation
    for kind in sorted({m["build"] for m in muts}):
        tests = " ".join(sorted({t for m in muts if m["build"] == kind for t in m["tests"].split()}))
        with open(os.path.join(logdir, "base-%s.log" % kind), "ab") as log:
            rc, last = run_tests(kind, tests, log)
        print("mutate: unmutated %s build, %s: %s" % (kind, tests, last), flush=True)
        if rc != 0:
            print("mutate: the tests fail without any mutation; see build/mutate/logs/base-%s.log" % kind)
            return 1
    caught, results = 0, []
    t0 = time.time()
    for m in muts:
        path = os.path.join(TREE, m["file"])
        t1 = time.time()
        try:
            orig = open(path, encoding="utf-8").read()
        except OSError:
            orig = None
        n = orig.count(m["find"]) if orig is not None else 0
        if n != 1:
            verdict = "STALE (%s)" % ("no %s" % m["file"] if orig is None else
                                      "the text occurs %d times in %s" % (n, m["file"]))
        else:
            with open(path, "w", encoding="utf-8") as f:
                f.write(orig.replace(m["find"], m["replace"]))
            with open(os.path.join(logdir, m["name"] + ".log"), "wb") as log:
                try:
                    if not build(m["build"], log):
                        verdict = "DOES NOT BUILD"
                    else:
                        rc, last = run_tests(m["build"], m["tests"], log)
                        verdict = "caught (%s)" % last if rc != 0 else "MISSED (%s)" % last
                finally:
                    with open(path, "w", encoding="utf-8") as f:
                        f.write(orig)
                    # newer than every object, so the next build recompiles it
                    now = time.time() + 1
                    os.utime(path, (now, now))
        ok = verdict.startswith("caught")
        caught += ok
        results.append((m["name"], ok))
        print("%-38s %-6s %-28s %s [%ds]" % (m["name"], m["build"], m["tests"][:28], verdict,
                                               time.time() - t1), flush=True)
    total = len(muts) + len(bad)
    print("caught %d of %d (%d s)" % (caught, total, time.time() - t0))
    return 0 if caught == total else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
