"""Run one snippet inside the OS sandbox (dlqa/isolation.py) and report its failure clearly.

Invoked as `python -B sandbox.py --memory=B --processes=N --file-size=B SNIPPET` with an
empty temporary directory as the working directory; the caller adds the time limit. It
first sets hard resource limits on itself (they cannot be raised again without privileges,
which the sandbox drops), then installs an audit hook (PEP 578) that turns the common ways
of reaching the network, starting processes or writing outside the directory into clear
errors. The audit hook is a message, not the defence: the namespaces of the OS sandbox are.
"""

import os
import resource
import runpy
import sys
import traceback

_NETWORK = {"socket.connect", "socket.bind", "socket.getaddrinfo", "socket.sendto",
            "socket.sendmsg", "socket.gethostbyname", "socket.gethostbyaddr"}
_PROCESS = {"subprocess.Popen", "os.system", "os.exec", "os.posix_spawn", "os.spawn",
            "os.fork", "os.forkpty", "pty.spawn"}
_WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_APPEND | os.O_TRUNC


def _guard(workdir: str):
    def hook(event: str, args: tuple) -> None:
        if event in _NETWORK:
            raise PermissionError(f"snippets may not use the network ({event})")
        if event in _PROCESS:
            raise PermissionError(f"snippets may not start processes ({event})")
        if event == "open" and args[0] is not None and not isinstance(args[0], int):
            mode, flags = args[1], args[2]
            writing = (mode and any(c in mode for c in "wax+")) or (flags & _WRITE_FLAGS)
            target = os.path.realpath(os.fsdecode(args[0]))
            if writing and not target.startswith(workdir + os.sep):
                raise PermissionError(
                    f"snippets may write only in their temporary directory, not {target}"
                )
        if event in {"os.remove", "os.rename", "os.rmdir", "os.mkdir", "shutil.rmtree"}:
            target = os.path.realpath(os.fsdecode(args[0]))
            if not target.startswith(workdir + os.sep):
                raise PermissionError(f"snippets may not change files outside {workdir}")

    return hook


def _report(exc: BaseException, snippet: str) -> None:
    """The traceback with the snippet's own frames only (not this runner's or runpy's)."""
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename == snippet]
    lines = [f"line {f.lineno}: {f.line}" for f in frames]
    lines += traceback.format_exception_only(type(exc), exc)
    sys.stderr.write("".join(line if line.endswith("\n") else line + "\n" for line in lines))


def _limit(args: list[str]) -> list[str]:
    """Apply the --memory, --processes and --file-size limits; return the other args."""
    names = {"--memory": resource.RLIMIT_AS, "--processes": resource.RLIMIT_NPROC,
             "--file-size": resource.RLIMIT_FSIZE}
    rest = []
    for arg in args:
        name, _, value = arg.partition("=")
        if name in names:
            resource.setrlimit(names[name], (int(value), int(value)))
        else:
            rest.append(arg)
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    return rest


def main() -> None:
    snippet = os.path.abspath(_limit(sys.argv[1:])[0])
    sys.argv = [snippet]
    sys.path[0] = os.path.dirname(snippet)
    sys.addaudithook(_guard(os.path.realpath(os.getcwd())))
    try:
        runpy.run_path(snippet, run_name="__main__")
    except SystemExit:
        raise
    except BaseException as exc:  # noqa: BLE001 - any failure is the snippet's to report
        _report(exc, snippet)
        sys.exit(1)


if __name__ == "__main__":
    main()
