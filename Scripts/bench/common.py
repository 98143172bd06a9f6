"""Helpers shared by the bench scripts."""
import os
import subprocess
import sys
import time


def log(*a):
    print(*a, file=sys.stderr, flush=True)


def build_shuo(repo, attempts=6):
    """The shuo binary: $SHUO if set, else a release build in .build-bench. The build is
    retried: other work in the same tree can modify a source while it compiles."""
    if os.environ.get("SHUO"):
        path = os.path.abspath(os.environ["SHUO"])
        if not os.access(path, os.X_OK):
            sys.exit(f"bench: SHUO={path} is not an executable")
        return path
    for attempt in range(1, attempts + 1):
        log("building shuo (swift build -c release --scratch-path .build-bench) ...")
        r = subprocess.run(["swift", "build", "-c", "release", "--scratch-path", ".build-bench"],
                           cwd=repo, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        if r.returncode == 0:
            return os.path.join(repo, ".build-bench", "release", "shuo")
        log(r.stdout[-3000:])
        if attempt < attempts:
            log(f"bench: build failed (attempt {attempt}/{attempts}); retrying in 15 s")
            time.sleep(15)
    sys.exit("bench: swift build failed")


TIME = "/usr/bin/time"


def ensure_time():
    """GNU time measures a child's peak RSS from a small parent. (os.wait4 on a child of this
    Python process would not do: Linux carries the parent's high-water RSS into the child's
    ru_maxrss across fork and exec.)"""
    if os.access(TIME, os.X_OK):
        return TIME
    log("bench: /usr/bin/time missing; trying apt-get install -y time")
    subprocess.run(["apt-get", "install", "-y", "-q", "time"], stdout=sys.stderr, stderr=sys.stderr)
    if not os.access(TIME, os.X_OK):
        sys.exit("bench: need GNU time at /usr/bin/time (apt-get install time)")
    return TIME


def timed(cmd, path):
    """cmd wrapped in GNU time writing "maxrss_kb user_s sys_s" to path."""
    return [TIME, "-f", "%M %U %S", "-o", path, "--"] + list(cmd)


def read_timed(path):
    """(peak RSS KB, cpu seconds, note) from a file written by timed(); note holds GNU time's
    own line such as 'Command terminated by signal 9'."""
    with open(path) as fh:
        lines = [l.strip() for l in fh if l.strip()]
    m, u, s = lines[-1].split()
    return int(m), float(u) + float(s), " ".join(lines[:-1])
