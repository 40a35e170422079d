"""The operating-system sandbox every snippet runs in: bubblewrap (Linux namespaces).

A snippet is code from a stranger's pull request. Inside the sandbox it sees a read-only
view of only what Python and NumPy need (the system libraries, the interpreter, the virtual
environment), its own file, and one writable temporary directory; no shell or other program
to run (the folders of programs are empty); it has no network (a new,
empty network namespace), its own process tree, and limits on memory, processes and file
size. Whatever the Python code calls (ctypes, raw system calls, `_posixsubprocess`), the
kernel enforces these limits. The audit hook in `dlqa/sandbox.py` still runs inside, for
its clearer messages; it is not the defence.

Where bubblewrap is missing or cannot create namespaces, snippets do not run: the build
fails and says how to install it. `DLQA_UNSAFE_NO_SANDBOX=1` runs them without the OS
sandbox, for a trusted machine and trusted content only.
"""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import sys
from pathlib import Path

OPT_OUT = "DLQA_UNSAFE_NO_SANDBOX"
# Limits the runner (dlqa/sandbox.py) sets on itself before the snippet runs; a hard limit
# cannot be raised again without privileges, which the sandbox drops.
MEMORY_BYTES = 2 * 1024**3  # address space: NumPy and a snippet's arrays fit in far less
MAX_PROCESSES = 32
MAX_FILE_BYTES = 64 * 1024**2
_SYSTEM = ("/usr", "/etc/ld.so.cache", "/etc/alternatives")
_MERGED = ("/bin", "/lib", "/lib32", "/lib64", "/sbin")  # symlinks into /usr, or folders
# Folders of programs, hidden behind empty ones: a snippet finds no shell or other command
# to run, only the Python interpreter that runs it.
_PROGRAMS = ("/usr/bin", "/usr/sbin", "/usr/local/bin", "/usr/local/sbin", "/usr/libexec",
             "/usr/games")
INSTALL_HINT = ("install bubblewrap (Debian/Ubuntu: apt-get install bubblewrap; Fedora: dnf "
                "install bubblewrap; Arch: pacman -S bubblewrap), or, on a trusted machine "
                f"with trusted pages only, set {OPT_OUT}=1")


class SandboxUnavailable(RuntimeError):
    """The OS sandbox cannot run here, and the opt-out is not set."""


def opted_out() -> bool:
    return os.environ.get(OPT_OUT) == "1"


def _bwrap() -> str | None:
    return shutil.which("bwrap")


@functools.lru_cache(maxsize=1)
def check_available() -> None:
    """Raise SandboxUnavailable unless bubblewrap can create the namespaces here."""
    if opted_out():
        return
    path = _bwrap()
    if path is None:
        raise SandboxUnavailable(f"snippets run in an OS sandbox and bubblewrap (bwrap) is "
                                 f"not installed: {INSTALL_HINT}")
    probe = subprocess.run([path, *_namespaces(), "--ro-bind", "/usr", "/usr",
                            *_merged_usr(), "true"],
                           capture_output=True, text=True, timeout=30, check=False)
    if probe.returncode != 0:
        raise SandboxUnavailable(
            f"bubblewrap cannot create a sandbox here ({probe.stderr.strip()[:200]}); "
            "it needs unprivileged user namespaces (sysctl kernel.unprivileged_userns_clone=1 "
            f"or root); otherwise {INSTALL_HINT.split(', or, ')[1]}")


def _namespaces() -> list[str]:
    return ["--unshare-all", "--unshare-user", "--uid", "65534", "--gid", "65534",
            "--die-with-parent", "--new-session", "--cap-drop", "ALL"]


def _merged_usr() -> list[str]:
    args = []
    for path in _MERGED:
        if os.path.islink(path):
            args += ["--symlink", os.readlink(path), path]
        elif os.path.isdir(path):
            args += ["--ro-bind", path, path]
    return args


def _ro(path: str | Path) -> list[str]:
    path = str(path)
    return ["--ro-bind", path, path] if os.path.exists(path) else []


def limits_args() -> list[str]:
    """The runner's arguments that set the limits above."""
    return [f"--memory={MEMORY_BYTES}", f"--processes={MAX_PROCESSES}",
            f"--file-size={MAX_FILE_BYTES}"]


def command(argv: list[str], workdir: Path, readable: list[Path]) -> list[str]:
    """`argv` wrapped in bubblewrap: read-only system, interpreter, virtual environment and
    `readable` files; `workdir` writable and the working directory; nothing else."""
    check_available()
    if opted_out():
        return argv
    args = [_bwrap(), *_namespaces()]
    for path in _SYSTEM:
        args += _ro(path)
    args += _merged_usr()
    args += ["--proc", "/proc", "--dev", "/dev", "--tmpfs", "/tmp"]
    for folder in _PROGRAMS:
        if os.path.isdir(folder):
            args += ["--tmpfs", folder]
    interpreter = os.path.realpath(sys.executable)
    if interpreter.startswith(_PROGRAMS):  # e.g. /usr/bin/python3.11: bring it back alone
        args += ["--ro-bind", interpreter, interpreter]
    # After the tmpfs mounts, which would hide anything under /tmp (a checkout there, say).
    for prefix in sorted({sys.base_prefix, sys.prefix, sys.exec_prefix}):
        if not prefix.startswith("/usr"):
            args += _ro(prefix)
    for path in readable:
        args += _ro(path.resolve())
    args += ["--bind", str(workdir), str(workdir), "--chdir", str(workdir), "--"]
    return args + argv
