"""Render chapters with manim in parallel processes, following their progress.

Each chapter renders in its own ``manim render`` process with its own media folder (so
processes never write the same file); the TeX and text SVGs are shared through one cache
folder, linked in before a render and added to after it. The progress bars manim writes to
stderr are parsed for the live view; everything else the process prints goes to its log.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from .manifest import ROOT, Chapter
from .options import QUALITIES

_PROGRESS = re.compile(r"Animation (\d+):.*?(\d+)/(\d+)")


class State(StrEnum):
    """Where a chapter is in a build; its value is what the progress lines and summary print."""

    PENDING = "pending"  # waiting for a free process
    CACHED = "cached"  # up to date: its outputs are reused, not rendered
    SKIPPED = "skipped"  # out of date but left out by --only
    RENDERING = "rendering"
    DONE = "done"  # rendered and collected
    FAILED = "failed"
    STOPPED = "stopped"  # interrupted (Ctrl-C)


# The states in which a chapter has nothing more to do in this build.
SETTLED = frozenset({State.CACHED, State.SKIPPED, State.DONE, State.FAILED, State.STOPPED})


@dataclass
class ChapterJob:
    """One chapter of a build: what to render, and its state as the build goes."""

    chapter: Chapter
    number: int
    digest: str
    media: Path
    log: Path
    state: State = State.PENDING
    animation: int = -1
    frames_done: int = 0  # frames of finished animations
    frames_now: int = 0  # frames of the animation in progress
    anim_total: int = 0  # frames the animation in progress will have
    started: float | None = None
    render_seconds: float | None = None
    estimate: float | None = None  # seconds, from the last render of this chapter
    duration: float | None = None  # seconds of video
    error: str = ""
    inputs: dict[str, str] = field(default_factory=dict)  # input name -> content hash
    reason: str = ""  # why it is rendered (what changed since the last build)
    tail: list[str] = field(default_factory=list)

    @property
    def name(self) -> str:
        """``NN-slug``: how the chapter's outputs are named."""
        return f"{self.number:02d}-{self.chapter.slug}"

    @property
    def frames(self) -> int:
        return self.frames_done + self.frames_now

    def remaining(self, now: float) -> float | None:
        """Estimated seconds left, or None when nothing is known."""
        if self.state in SETTLED:
            return 0.0
        if self.estimate is None:
            return None
        if self.state == State.RENDERING and self.started is not None:
            return max(self.estimate - (now - self.started), 1.0)
        return self.estimate


def manim_command(job: ChapterJob, quality: str) -> list[str]:
    """The manim command line that renders ``job``'s chapter (its voice comes by environment:
    ``LECTURE_VOICE``; the narration adds its sound even after a cached animation)."""
    return [
        sys.executable, "-m", "manim", "render",
        "--config_file", str(ROOT / "manim.cfg"),
        f"-q{quality}", "--save_sections",
        "--media_dir", str(job.media),
        "--progress_bar", "display",
        str(job.chapter.path), job.chapter.scene,
    ]


CACHE_DIRS = ("Tex", "texts")  # manim's tex_dir and text_dir, under the media folder


def seed_cache(media: Path, cache: Path) -> None:
    """Give ``media`` every SVG of the shared ``cache`` (hard links: instant, no space).

    Each render works in its own Tex/texts folders, so two processes never write the same
    file at once (manim writes .tex/.svg in place); :func:`harvest_cache` shares new SVGs.
    manim only checks that the SVG exists, so a seeded SVG is a cache hit.
    """
    for sub in CACHE_DIRS:
        private, shared = media / sub, cache / sub
        if private.is_symlink():
            private.unlink()
        private.mkdir(parents=True, exist_ok=True)
        if not shared.is_dir():
            continue
        have = {p.name for p in private.iterdir()}
        for f in shared.iterdir():
            if f.suffix == ".svg" and f.name not in have:
                _link(f, private / f.name)


def harvest_cache(media: Path, cache: Path) -> None:
    """Add the SVGs a render made to the shared ``cache`` (each whole: link, then rename)."""
    for sub in CACHE_DIRS:
        private, shared = media / sub, cache / sub
        if not private.is_dir():
            continue
        shared.mkdir(parents=True, exist_ok=True)
        have = {p.name for p in shared.iterdir()}
        for f in private.iterdir():
            if f.suffix == ".svg" and f.name not in have and f.stat().st_size > 0:
                tmp = shared / f".{f.name}.tmp-{os.getpid()}"
                _link(f, tmp)
                os.replace(tmp, shared / f.name)


def _link(src: Path, dst: Path) -> None:
    try:
        os.link(src, dst)
    except FileExistsError:
        pass
    except OSError:
        shutil.copyfile(src, dst)


class Renderer:
    """Runs manim for a set of chapter jobs, at most ``jobs`` at a time."""

    def __init__(self, quality: str, jobs: int, tex_cache: Path, on_event=None,
                 chapter_list: Path | None = None, voice: str = "none"):
        self.quality = quality
        self.voice = voice  # LECTURE_VOICE of every render: kokoro, flite or none
        self.chapter_list = chapter_list  # the list being built, for the scenes' title cards
        self.jobs = max(1, jobs)
        self.tex_cache = tex_cache
        self.on_event = on_event or (lambda job, event: None)
        self._procs: dict[str, subprocess.Popen] = {}
        self._lock = threading.Lock()
        self.stopping = threading.Event()

    # -- one chapter --------------------------------------------------------------------------

    def render_one(self, job: ChapterJob) -> bool:
        """Render one chapter; True when manim exited 0 (outputs not yet checked)."""
        if self.stopping.is_set():
            job.state = State.STOPPED
            return False
        seed_cache(job.media, self.tex_cache)
        # What only a voiced render writes must not survive from an earlier one: manim's sound
        # mix beside the video and the scene's list of spoken sentences.
        for stale in (outputs_of(job, self.quality) / f"{job.chapter.scene}.wav",
                      job.media / "narration" / f"{job.chapter.scene}.json"):
            stale.unlink(missing_ok=True)
        job.log.parent.mkdir(parents=True, exist_ok=True)
        job.state, job.started = State.RENDERING, time.monotonic()
        job.animation, job.frames_done, job.frames_now, job.anim_total = -1, 0, 0, 0
        self.on_event(job, "start")
        tail: deque[str] = deque(maxlen=40)
        env = dict(os.environ, PYTHONUNBUFFERED="1", COLUMNS="100", LECTURE_VOICE=self.voice)
        if self.chapter_list:  # scenes/chapters.py reads it: one numbering for cards and files
            env["LECTURE_CHAPTERS"] = str(self.chapter_list)
        with open(job.log, "w", encoding="utf-8", errors="replace") as log:
            log.write("$ " + " ".join(manim_command(job, self.quality)) + "\n")
            log.flush()
            proc = subprocess.Popen(
                manim_command(job, self.quality), cwd=ROOT, env=env,
                stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                start_new_session=True,  # Ctrl-C reaches the builder, which stops children
            )
            with self._lock:
                self._procs[job.chapter.slug] = proc
            if self.stopping.is_set():  # stop() ran between the check above and Popen
                _signal_group(proc, signal.SIGINT)
            buf = b""
            assert proc.stdout is not None
            while chunk := proc.stdout.read1(65536):
                buf += chunk
                *pieces, buf = re.split(rb"[\r\n]", buf)
                for raw in pieces:
                    self._line(job, raw.decode("utf-8", "replace"), log, tail)
            if buf:
                self._line(job, buf.decode("utf-8", "replace"), log, tail)
            code = proc.wait()
            with self._lock:
                self._procs.pop(job.chapter.slug, None)
        if code == 0:  # only a finished render's SVGs are surely whole
            try:
                harvest_cache(job.media, self.tex_cache)
            except OSError:
                pass  # sharing the cache is an optimisation only
        job.render_seconds = time.monotonic() - job.started
        job.frames_done += job.anim_total if code == 0 else job.frames_now
        job.frames_now = job.anim_total = 0
        job.tail = _readable_tail(tail)
        if code != 0 and self.stopping.is_set():
            _drop_partials_since(job, self.quality)
        if code != 0:
            job.state = State.STOPPED if self.stopping.is_set() else State.FAILED
            job.error = f"manim exited with status {code}"
            return False
        return True

    def _line(self, job: ChapterJob, line: str, log, tail: deque) -> None:
        m = _PROGRESS.search(line)
        if m:
            anim, done, total = int(m.group(1)), int(m.group(2)), int(m.group(3))
            if anim != job.animation:
                # The bar may never print n/n: count the finished animation's full total.
                job.frames_done += job.anim_total
                job.animation = anim
            job.frames_now, job.anim_total = done, total
            return  # progress bars are not worth keeping in the log
        if line.strip():
            log.write(line + "\n")
            tail.append(line.rstrip())

    # -- stopping -----------------------------------------------------------------------------

    def stop(self, grace: float = 5.0) -> None:
        """Stop every running manim process: SIGINT (manim discards the animation it was
        encoding), then SIGKILL after ``grace`` seconds."""
        self.stopping.set()
        with self._lock:
            procs = list(self._procs.values())
        for p in procs:
            _signal_group(p, signal.SIGINT)
        deadline = time.monotonic() + grace
        for p in procs:
            try:
                p.wait(max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                _signal_group(p, signal.SIGKILL)
                p.wait()


_BOX = str.maketrans("", "", "│╭╮╰╯─┃━┏┓┗┛")


def _readable_tail(lines, n: int = 12) -> list[str]:
    """The last ``n`` lines with text in them (rich's traceback box borders dropped)."""
    kept = []
    for line in lines:
        core = line.translate(_BOX).rstrip()
        if core.strip():
            kept.append(core)
    return kept[-n:]


def _drop_partials_since(job: ChapterJob, quality: str) -> None:
    """Delete the partial movie files and SVGs an interrupted render wrote: manim takes any
    file with the right name as cached, and one cut off mid-write would poison the next run."""
    since = time.time() - (time.monotonic() - (job.started or time.monotonic())) - 1.0
    movies = outputs_of(job, quality) / "partial_movie_files" / job.chapter.scene
    files = [*movies.glob("*.mp4"), *(f for sub in CACHE_DIRS for f in (job.media / sub).glob("*"))]
    for f in files:
        try:
            if f.stat().st_mtime >= since:
                f.unlink()
        except OSError:
            pass


def _signal_group(proc: subprocess.Popen, sig: int) -> None:
    try:
        os.killpg(proc.pid, sig)
    except (ProcessLookupError, PermissionError):
        pass


def outputs_of(job: ChapterJob, quality: str) -> Path:
    """The folder manim wrote ``job``'s video, subcaptions and sections into."""
    return job.media / "videos" / job.chapter.path.stem / QUALITIES[quality].folder
