"""Build the lecture: render chapters (only those whose inputs changed), then assemble.

``build(chapters, out, ...)`` is the Python entry point (the CLI, the tests and the benchmark
call it). This module runs a build: it decides which chapters are up to date, renders the rest
in a pool of manim processes, holds the output folder's lock and reports. The parts:

    options.py   the qualities, every default, BuildOptions (one build's settings)
    stamps.py    what a chapter depends on (hashed inputs) and its stamp (what it produced)
    render.py    one manim process per chapter (ChapterJob, its State), the shared TeX cache
    view.py      progress: the live table or one line per event; the summary
    assemble.py  join, captions, chapters.json/.vtt, clip index, then slides.py and page.py

Output folder (``out``)::

    lecture.mp4            chapters joined by stream copy + chapter markers + soft captions
    lecture.srt/.vtt       every chapter's captions, shifted to lecture time
    chapters.vtt/.json     one entry per chapter: title, start, end, file
    chapters/NN-slug.mp4   each chapter
    clips/NN-slug/MM-beat.mp4, clips/index.json   one clip per beat (manim section)
    slides/lecture.pptx, slides/lecture.html (+ slides/lecture_assets/)   one slide per beat
    index.html (+ index_assets/)   the lecture page: player, chapters, transcript (page.py)
    .work/                 manim media folders, logs, stamps (what makes rebuilds incremental)
"""

from __future__ import annotations

import sys
from concurrent.futures import FIRST_COMPLETED, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path

from . import manifest, media
from .assemble import assemble
from .audio import VOICES
from .manifest import Chapter
from .options import (
    DEFAULT_OUT,
    DEFAULT_QUALITY,
    DEFAULT_TEX_CACHE,
    DEFAULT_TITLE,
    DEFAULT_VOICE,
    QUALITIES,
    BuildOptions,
    default_jobs,
    default_voice,
)
from .render import ChapterJob, Renderer, State
from .stamps import (
    chapter_input_hashes,
    collect_chapter,
    digest_of,
    read_json,
    read_stamp,
    render_reason,
    stamp_valid,
    write_chapter_list,
)
from .view import View, summary


@dataclass
class BuildResult:
    """What a build did: the per-chapter jobs and what happened to the lecture-level outputs."""

    jobs: list[ChapterJob]
    out: Path
    lecture_written: bool = False
    assembled: str = "not run"  # "written", "up to date", "incomplete", "failed", "not run"
    slides: str = "not run"
    page: str = "not run"  # index.html, the lecture page
    title: str = DEFAULT_TITLE  # the lecture's title: video metadata, deck, page
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    unused_takes: list[str] = field(default_factory=list)  # "<id>: why its recording was not used"
    loudness: tuple[float, float] | None = None  # lecture.mp4: integrated LUFS, true peak dBTP
    interrupted: bool = False

    @property
    def failed(self) -> list[ChapterJob]:
        return [j for j in self.jobs if j.state == State.FAILED]

    @property
    def rendered(self) -> list[str]:
        """Slugs of the chapters manim actually rendered in this build."""
        return [j.chapter.slug for j in self.jobs if j.state in (State.DONE, State.FAILED)]

    @property
    def exit_status(self) -> int:
        if self.interrupted:
            return 130
        return 1 if (self.failed or self.problems) else 0


def make_jobs(chapters: tuple[Chapter, ...], quality: str, work: Path,
              voice: str = DEFAULT_VOICE) -> list[ChapterJob]:
    """One job per present chapter, numbered by its place in ``chapters``."""
    jobs = []
    for number, ch in enumerate(chapters, 1):
        if not ch.path.exists():
            continue
        hashes = chapter_input_hashes(ch, number, chapters, quality, voice)
        jobs.append(ChapterJob(
            chapter=ch, number=number, digest=digest_of(hashes), inputs=hashes,
            media=work / "media" / ch.slug, log=work / "logs" / f"{ch.slug}.log",
        ))
    return jobs


def build(
    chapters: tuple[Chapter, ...] | None = None,
    out: Path | str = DEFAULT_OUT,
    quality: str = DEFAULT_QUALITY,
    jobs: int | None = None,
    only: list[str] | None = None,
    live: bool | None = None,
    tex_cache: Path | str | None = None,
    slides: bool = True,
    stream=None,
    title: str | None = None,
    voice: str | None = None,
) -> BuildResult:
    """Render what changed and assemble the lecture into ``out``; see the module docstring.

    ``chapters`` defaults to the real manifest (chapters without a scene file are left out);
    ``only`` renders just those slugs (the others are reused if up to date); ``jobs`` defaults
    to the number of cores; ``live`` (default: ``stream`` is a terminal) shows a live table.
    ``tex_cache`` is the shared TeX/text cache folder (default: the repository's ``media``).
    ``title`` names the lecture (default: see :func:`manifest.lecture_title`). ``voice``
    (kokoro, flite, none; default ``$LECTURE_VOICE``, else kokoro) speaks the captions; none
    keeps every output silent. Never raises for
    a failing chapter: the result says what failed.
    """
    if chapters is None:
        chapters, title = manifest.CHAPTERS, title or manifest.lecture_title()
    chapters = tuple(chapters)
    if quality not in QUALITIES:
        raise ValueError(f"quality must be one of {', '.join(QUALITIES)}, not {quality!r}")
    voice = voice or default_voice()
    if voice not in VOICES:
        raise ValueError(f"voice must be one of {', '.join(VOICES)}, not {voice!r}")
    stream = stream or sys.stdout
    options = BuildOptions(
        out=Path(out).resolve(), stream=stream, quality=quality, jobs=jobs or default_jobs(),
        title=title or (chapters[0].title if chapters else DEFAULT_TITLE),
        only=tuple(only or ()), live=stream.isatty() if live is None else live,
        tex_cache=Path(tex_cache) if tex_cache else DEFAULT_TEX_CACHE, slides=slides,
        voice=voice,
    )
    options.work.mkdir(parents=True, exist_ok=True)
    lock = _lock(options.work)  # held while building; the OS releases it if the build is killed
    try:
        return _build(chapters, options)
    finally:
        lock.close()


def _build(chapters: tuple[Chapter, ...], o: BuildOptions) -> BuildResult:
    for d in (o.out, o.out / "chapters", o.out / "clips", o.work):
        d.mkdir(parents=True, exist_ok=True)
        media.remove_stale_tmp(d)
    all_jobs = make_jobs(chapters, o.quality, o.work, o.voice)
    todo = _plan(all_jobs, o)
    result = BuildResult(jobs=all_jobs, out=o.out, title=o.title)
    renderer = Renderer(o.quality, o.jobs, o.tex_cache,
                        chapter_list=write_chapter_list(chapters, o.work / "chapters.toml"),
                        voice=o.voice)
    with View(all_jobs, min(o.jobs, max(1, len(todo))), o.quality, o.live, o.stream) as view:
        renderer.on_event = view.event
        for job in all_jobs:
            if job.state == State.CACHED:
                view.event(job, State.CACHED)
        _render_all(todo, renderer, view, result, o)
        _save_history(o.work, o.quality, all_jobs)
        result.unused_takes = _unused_takes(all_jobs, o)
        if not result.interrupted:
            try:
                assemble(result, o.work, view, slides=o.slides)
            except KeyboardInterrupt:
                result.interrupted = True
                view.note("interrupted while assembling: no partial lecture.mp4 is left")
            except Exception as exc:  # noqa: BLE001 - report it in the summary, no traceback
                result.assembled, result.lecture_written = "failed", False
                result.problems.append(f"assembling failed: {type(exc).__name__}: {exc}")
    summary(all_jobs, o.stream)
    _report(result, o.stream)
    return result


def _plan(jobs: list[ChapterJob], o: BuildOptions) -> list[ChapterJob]:
    """Mark each job cached (valid stamp) or skipped (left out by ``only``); return the rest,
    to render, each with the reason why."""
    history = read_json(o.work / "history.json").get(o.quality, {})
    todo = []
    for job in jobs:
        stamp = read_stamp(o.work, job.chapter.slug)
        job.estimate = history.get(job.chapter.slug)
        if stamp_valid(stamp, job, o.out):
            job.state, job.duration = State.CACHED, stamp["duration"]
        elif o.only and job.chapter.slug not in o.only:
            job.state = State.SKIPPED
        else:
            todo.append(job)
            job.reason = render_reason(stamp, job)
    return todo


def render_order(todo: list[ChapterJob]) -> list[ChapterJob]:
    """Longest expected render first (the last render's time, from history.json), so no long
    chapter starts last and renders alone while the other workers idle; chapters never built
    keep the chapter list's order, first."""
    return sorted(todo, key=lambda j: -(j.estimate if j.estimate is not None else float("inf")))


def _render_all(todo: list[ChapterJob], renderer: Renderer, view: View, result: BuildResult,
                o: BuildOptions) -> None:
    """Render and collect ``todo``, ``o.jobs`` at a time; Ctrl-C stops every render."""

    def run(job: ChapterJob) -> None:
        try:
            if renderer.render_one(job):
                stamp = collect_chapter(job, o.quality, o.out, o.work, o.voice)
                job.duration, job.state = stamp["duration"], State.DONE
        except Exception as exc:  # noqa: BLE001 - a chapter's fault must not stop others
            job.state, job.error = State.FAILED, f"{type(exc).__name__}: {exc}"
        view.event(job, job.state)

    pool = ThreadPoolExecutor(max_workers=o.jobs)
    futures = {pool.submit(run, j) for j in render_order(todo)}
    try:
        while futures:
            _, futures = wait(futures, timeout=0.25, return_when=FIRST_COMPLETED)
            view.tick()
    except KeyboardInterrupt:
        result.interrupted = True
        view.note("interrupted: stopping the renders (finished chapters are kept)")
        renderer.stop()
        for f in futures:
            f.cancel()
        for j in result.jobs:
            if j.state in (State.PENDING, State.RENDERING):
                j.state = State.STOPPED
    finally:
        pool.shutdown(wait=not result.interrupted, cancel_futures=True)


class BuildBusy(RuntimeError):
    """Another build is writing the same output folder."""


def _lock(work: Path):
    import fcntl

    f = open(work / "build.lock", "w")  # noqa: SIM115 - kept open while building
    try:
        fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        f.close()
        raise BuildBusy(f"another build is writing {work.parent}; wait for it") from None
    return f


def _save_history(work: Path, quality: str, jobs: list[ChapterJob]) -> None:
    """Remember each rendered chapter's render time: the next build's ETA."""
    hist = read_json(work / "history.json")
    q = hist.setdefault(quality, {})
    for j in jobs:
        if j.state == State.DONE and j.render_seconds:
            q[j.chapter.slug] = round(j.render_seconds, 2)
    media.write_json(work / "history.json", hist)


def _unused_takes(jobs: list[ChapterJob], o: BuildOptions) -> list[str]:
    """Every sentence of an up-to-date chapter whose recording was not used, and why (stale
    or never accepted): the summary lists them all, for cached chapters too."""
    found = []
    for job in jobs:
        if job.state not in (State.CACHED, State.DONE):
            continue
        for entry in (read_stamp(o.work, job.chapter.slug) or {}).get("narration", []):
            if entry.get("problem"):
                found.append(f"{entry.get('id', '?')}: {entry['problem']}")
    return found


def _report(result: BuildResult, stream) -> None:
    out = result.out
    lines = []
    if result.lecture_written:
        lines.append(f"lecture: {out / 'lecture.mp4'} ({result.assembled})")
    if result.loudness:
        lines.append(f"lecture: audio {result.loudness[0]:.1f} LUFS integrated, true peak "
                     f"{result.loudness[1]:.1f} dBTP")
    if result.unused_takes:
        lines.append(f"lecture: {len(result.unused_takes)} recording(s) not used, the "
                     "synthetic voice speaks instead:")
        lines += [f"lecture:   {t}" for t in result.unused_takes]
    for p in (*result.notes, *result.problems):
        lines.append(f"lecture: {p}")
    if result.slides != "not run":
        lines.append(f"lecture: slides {result.slides}")
    if result.page != "not run":
        lines.append(f"lecture: page {out / 'index.html'} ({result.page})")
    for line in lines:
        print(line, file=stream)
