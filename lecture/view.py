"""What the builder shows while it works: a live table on a terminal, plain lines otherwise,
and the summary table at the end."""

from __future__ import annotations

import sys
import threading
import time

from .render import ChapterJob, State

_STATE_STYLE = {
    State.PENDING: "dim", State.CACHED: "cyan", State.RENDERING: "yellow", State.DONE: "green",
    State.FAILED: "bold red", State.STOPPED: "magenta", State.SKIPPED: "dim",
}
# The events after which a chapter counts as finished in the progress lines' [n/total].
_FINISHED = (State.CACHED, State.DONE, State.FAILED, State.STOPPED)


def _clock(seconds: float | None) -> str:
    if seconds is None:
        return "?"
    seconds = int(round(seconds))
    m, s = divmod(seconds, 60)
    return f"{m}:{s:02d}" if m < 60 else f"{m // 60}:{m % 60:02d}:{s:02d}"


def eta(jobs: list[ChapterJob], workers: int, now: float) -> float | None:
    """Seconds until every chapter is rendered, or None when unknown."""
    left = [j.remaining(now) for j in jobs]
    if any(r is None for r in left):
        known = [j.estimate for j in jobs if j.estimate is not None]
        if not known:
            return None
        mean = sum(known) / len(known)
        left = [mean if r is None else r for r in left]
    busy = [r for r in left if r > 0]
    if not busy:
        return 0.0
    return max(max(busy), sum(busy) / max(1, workers))


class View:
    """Progress for a build: a rich live table when ``live``, else one line per event."""

    def __init__(self, jobs: list[ChapterJob], workers: int, quality: str, live: bool,
                 stream=None):
        self.jobs = jobs
        self.workers = workers
        self.quality = quality
        self.live = live
        self.stream = stream or sys.stdout
        self.t0 = time.monotonic()
        self._lock = threading.Lock()
        self._live = None
        self._finished = 0

    def __enter__(self) -> View:
        if self.live:
            from rich.console import Console
            from rich.live import Live

            self._live = Live(self._table(), console=Console(file=self.stream),
                              refresh_per_second=4, transient=False)
            self._live.__enter__()
        return self

    def __exit__(self, *exc) -> None:
        if self._live is not None:
            self._live.update(self._table())
            self._live.__exit__(*exc)
            self._live = None

    def tick(self) -> None:
        """Redraw the live table (called a few times a second by the build loop)."""
        if self._live is not None:
            self._live.update(self._table())

    def event(self, job: ChapterJob, what: str) -> None:
        """A chapter changed state (``what``: its new State, or "start"); in line mode, print
        one line."""
        if self._live is not None:
            return
        if what in _FINISHED:
            self._finished += 1
        n = self._finished
        msg = {
            "start": f"rendering ({job.reason})" if job.reason else "rendering",
            State.CACHED: "up to date, not rendered",
            State.DONE: f"done: {job.duration or 0:.1f} s of video in "
                        f"{job.render_seconds or 0:.1f} s",
            State.FAILED: f"FAILED ({job.error}); log: {job.log}",
            State.STOPPED: "stopped",
        }.get(what, what)
        with self._lock:
            print(f"lecture: [{n}/{len(self.jobs)}] {job.name}: {msg}", file=self.stream,
                  flush=True)

    def note(self, text: str) -> None:
        """A build-level message (joining, slides...)."""
        with self._lock:
            if self._live is not None:
                self._live.console.print(f"lecture: {text}")
            else:
                print(f"lecture: {text}", file=self.stream, flush=True)

    def _table(self):
        from rich.table import Table

        now = time.monotonic()
        left = eta(self.jobs, self.workers, now)
        ready = sum(1 for j in self.jobs if j.state in (State.CACHED, State.DONE))
        title = (f"lecture: -q{self.quality}, {self.workers} process(es), "
                 f"{ready}/{len(self.jobs)} chapters ready, "
                 f"elapsed {_clock(now - self.t0)}, ETA {_clock(left)}")
        t = Table(title=title, title_justify="left", expand=False)
        for col in ("chapter", "state", "animation", "frames", "time", "left"):
            t.add_column(col, justify="right" if col not in ("chapter", "state") else "left")
        for j in self.jobs:
            running = j.state == State.RENDERING and j.started is not None
            spent = (now - j.started) if running else j.render_seconds
            t.add_row(
                j.name, f"[{_STATE_STYLE.get(j.state, '')}]{j.state}[/]",
                str(j.animation) if j.animation >= 0 else "",
                str(j.frames) if j.frames else "",
                _clock(spent) if spent is not None else "",
                _clock(j.remaining(now)) if running else "",
            )
        return t


def summary(jobs: list[ChapterJob], stream=None) -> None:
    """The table printed at the end: per chapter its video duration, render time and state."""
    stream = stream or sys.stdout
    print("", file=stream)
    print(f"{'chapter':26} {'state':9} {'video':>8} {'render':>8} {'render/video':>12}",
          file=stream)
    total_v = total_r = 0.0
    for j in jobs:
        v = j.duration
        r = j.render_seconds if j.state == State.DONE else None
        ratio = f"{r / v:.2f}x" if (r and v) else ""
        print(f"{j.name:26} {j.state:9} {_fmt(v):>8} {_fmt(r):>8} {ratio:>12}", file=stream)
        total_v += v or 0.0
        total_r += r or 0.0
    print(f"{'total':26} {'':9} {_fmt(total_v):>8} {_fmt(total_r):>8}", file=stream)
    for j in jobs:
        if j.state == State.FAILED:
            print(f"\n{j.name} FAILED: {j.error}. Last lines of {j.log}:", file=stream)
            for line in j.tail:
                print(f"  | {line}", file=stream)


def _fmt(seconds: float | None) -> str:
    return f"{seconds:.1f} s" if seconds is not None else "-"
