"""The builder's command line: bad arguments, the doctor, a killed build, Ctrl-C."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TINY = ROOT / "tests" / "fixtures" / "tiny_manifest.toml"


def lecture(*args: str, env: dict | None = None, timeout: float = 120):
    return subprocess.run([sys.executable, "-m", "lecture", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=timeout)


def _default_sigint() -> None:
    # A test run started in the background by a non-interactive shell inherits SIGINT ignored,
    # and Python then never raises KeyboardInterrupt: give the build Ctrl-C as a terminal would.
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def start(*args: str, env: dict | None = None) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "lecture", *args], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                            preexec_fn=_default_sigint)


def wait_for_line(proc: subprocess.Popen, needle: str, timeout: float = 60) -> list[str]:
    """Read the process's output until a line containing ``needle``; returns lines read."""
    lines, deadline = [], time.monotonic() + timeout
    assert proc.stdout is not None
    while time.monotonic() < deadline:
        line = proc.stdout.readline()
        if not line:
            break
        lines.append(line)
        if needle in line:
            return lines
    proc.kill()
    raise AssertionError(f"never saw {needle!r}; output:\n{''.join(lines)}")


@pytest.mark.parametrize("args, says", [
    (["render", "--only", "no-such-chapter"], "unknown chapter 'no-such-chapter'"),
    (["render", "--manifest", str(TINY), "--only", "shapes", "shapes"],
     "--only names 'shapes' more than once"),
    (["render", "--jobs", "-2"], "--jobs must be at least 1"),
    (["render", "--out", ""], "argument --out: give a folder, not an empty string"),
    (["render", "--tex-cache", ""], "argument --tex-cache: give a folder"),
    (["render", "--out", "~no-such-user-x/out"], "no such home folder"),
    (["audit", "--hold", "nan"], "--hold must be positive"),
    (["audit", "--hold", "0"], "--hold must be positive"),
    (["audit", "--out", ""], "argument --out: give a folder, not an empty string"),
    (["render", "--manifest", str(TINY.with_name("unwritten_manifest.toml"))],
     "no chapter of the manifest has a scene file yet: nothing to render"),
    (["render", "--manifest", str(TINY.with_name("unwritten_manifest.toml")), "--only", "later"],
     "chapter 'later' has no scene file yet"),
    (["list", "--manifest", "lecture.manifest:ROOT"], "not a list or tuple of"),
    (["list", "--manifest", "no_such_module:CHAPTERS"], "cannot import 'no_such_module'"),
    (["render", "--quality", "x"], "invalid choice"),
    (["render", "--jobs", "0"], "--jobs must be at least 1"),
    (["render", "--manifest", "no/such/manifest.toml"], "cannot read manifest"),
    (["render", "--manifest", "nocolon"], "neither a .toml file nor 'module:ATTR'"),
    (["frobnicate"], "invalid choice"),
    ([], "required"),
])
def test_bad_arguments_exit_2_with_one_line(args, says):
    run = lecture(*args)
    assert run.returncode == 2
    assert says in run.stderr
    assert len(run.stderr.strip().splitlines()) == 1, run.stderr
    assert "Traceback" not in run.stderr + run.stdout


def test_unwritable_out_exits_2(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    for flag in ("--out", "--tex-cache"):
        for folder in (blocker, blocker / "sub", tmp_path / ("x" * 300)):
            run = lecture("render", "--manifest", str(TINY), flag, str(folder))
            assert run.returncode == 2, run.stderr
            assert flag in run.stderr and len(run.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("text, says", [
    ("[chapter]\nslug = 'a'\n", "write each chapter as [[chapter]]"),
    ("chapter = [1]\n", "chapter 1 is 1, not a [[chapter]] table"),
    ("[[chapter]\n", "invalid TOML"),
    (b"[[chapter]]\ntitle = '\xff'\n", "is not UTF-8"),
    ('[[chapter]]\nslug = "../../escape"\nfile = "x.py"\nscene = "X"\ntitle = "x"\n',
     "chapter 1 '../../escape': bad slug"),
    ('[[chapter]]\nslug = "a"\nfile = "sub.py"\nscene = "X"\ntitle = "x"\n',
     "chapter 1 'a': file"),  # sub.py is a folder
])
def test_bad_manifest_exits_2_with_one_line(tmp_path, text, says):
    (tmp_path / "sub.py").mkdir()
    path = tmp_path / "m.toml"
    path.write_bytes(text if isinstance(text, bytes) else text.encode())
    env = dict(os.environ, PATH=str(tmp_path))  # were it accepted: the doctor stops the render
    for command in (["list"], ["render", "--out", str(tmp_path / "out")]):
        run = lecture(*command, "--manifest", str(path), env=env)
        assert run.returncode == 2, run.stderr
        assert says in run.stderr and len(run.stderr.strip().splitlines()) == 1
        assert "Traceback" not in run.stderr


def test_doctor_passes_here():
    run = lecture("doctor")
    assert run.returncode == 0, run.stdout
    assert "MISSING" not in run.stdout


def test_doctor_names_missing_tools_and_the_apt_command(tmp_path):
    env = dict(os.environ, PATH=str(tmp_path))  # nothing on PATH: every tool is missing
    run = lecture("doctor", env=env)
    assert run.returncode == 1
    assert "MISSING  ffmpeg" in run.stdout and "MISSING  dvisvgm" in run.stdout
    line = next(x for x in run.stdout.splitlines() if "apt-get install" in x)
    for pkg in ("ffmpeg", "dvisvgm", "texlive-latex-base", "texlive-latex-extra"):
        assert pkg in line
    # The same check runs before a render: nothing is rendered.
    out = tmp_path / "out"
    run = lecture("render", "--manifest", str(TINY), "--out", str(out), "-q", "l", env=env)
    assert run.returncode == 1 and "apt-get install" in run.stderr
    assert not (out / "chapters").exists()


def _ffmpeg_that_holds_the_join(folder: Path, joined: Path) -> dict:
    """An environment whose ``ffmpeg`` is the real one, except that after the join (the concat
    demuxer) it touches ``joined`` and waits for its caller to die: a test can kill the build
    between ffmpeg writing the temporary lecture.mp4 and the build renaming it into place."""
    real = shutil.which("ffmpeg")
    assert real, "ffmpeg is needed"
    folder.mkdir()
    shim = folder / "ffmpeg"
    shim.write_text(f"""#!/bin/bash
"{real}" "$@"; status=$?
case " $* " in *" concat "*)
  : > "{joined}"
  while kill -0 "$PPID" 2>/dev/null; do sleep 0.1; done;;
esac
exit $status
""")
    shim.chmod(0o755)
    return dict(os.environ, PATH=f"{folder}{os.pathsep}{os.environ['PATH']}")


def test_killed_build_leaves_no_partial_lecture(tmp_path):
    out = tmp_path / "out"
    args = ["render", "--manifest", str(TINY), "--out", str(out), "-q", "l", "--no-slides"]
    joined = tmp_path / "joined"
    proc = start(*args, env=_ffmpeg_that_holds_the_join(tmp_path / "bin", joined))
    deadline = time.monotonic() + 60
    while not joined.exists() and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert joined.exists(), "the build never joined the chapters"
    partial = list(out.glob(".lecture.tmp-*.mp4"))
    assert partial and partial[0].stat().st_size > 0  # ffmpeg wrote it: killed before rename
    proc.kill()
    proc.wait()
    assert not (out / "lecture.mp4").exists()
    run = lecture(*args)
    assert run.returncode == 0, run.stdout + run.stderr
    assert run.stdout.count("up to date, not rendered") == 2  # finished chapters reused
    assert (out / "lecture.mp4").is_file()
    assert not list(out.glob(".*.tmp-*"))


def _manim_children(out: Path) -> list[int]:
    pids = []
    for p in Path("/proc").iterdir():
        if p.name.isdigit():
            try:
                cmd = (p / "cmdline").read_bytes().replace(b"\0", b" ").decode()
            except OSError:
                continue
            if "manim" in cmd and str(out) in cmd:
                pids.append(int(p.name))
    return pids


def test_ctrl_c_stops_children_and_next_run_reuses_finished(tmp_path):
    manifest = tmp_path / "slow.toml"
    fx = ROOT / "tests" / "fixtures" / "chapters"
    manifest.write_text(
        f'[[chapter]]\nslug = "shapes"\nfile = "{fx / "tiny_shapes.py"}"\n'
        f'scene = "TinyShapes"\ntitle = "Shapes"\n'
        f'[[chapter]]\nslug = "slow"\nfile = "{fx / "tiny_slow.py"}"\n'
        f'scene = "TinySlow"\ntitle = "Slow"\n')
    out = tmp_path / "out"
    args = ["render", "--manifest", str(manifest), "--out", str(out), "-q", "l", "--jobs", "1",
            "--no-slides"]
    proc = start(*args)
    wait_for_line(proc, "02-slow: rendering")
    time.sleep(0.5)
    proc.send_signal(signal.SIGINT)
    rest, _ = proc.communicate(timeout=30)
    assert proc.returncode == 130, rest
    assert "interrupted" in rest
    assert not _manim_children(out)
    assert not (out / "lecture.mp4").exists()
    # No partial movie file cut off mid-write is left for manim's cache to pick up.
    for part in (out / ".work" / "media" / "slow").rglob("partial_movie_files/*/*.mp4"):
        probe = subprocess.run(["ffprobe", "-v", "error", "-count_frames", "-show_streams",
                                str(part)], capture_output=True, text=True)
        assert probe.returncode == 0 and not probe.stderr, part
    run = lecture(*args)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "01-shapes: up to date, not rendered" in run.stdout
    assert "02-slow: done" in run.stdout
