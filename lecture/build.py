"""Build the lecture: render chapters (only those whose inputs changed), then assemble.

``build(chapters, out, ...)`` is the Python entry point (the CLI and the tests call it).

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

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import time
from concurrent.futures import FIRST_COMPLETED, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

from . import manifest, media
from .manifest import ROOT, Chapter
from .render import ChapterJob, Renderer, outputs_of
from .view import View, summary

# Bump when the builder's outputs for a chapter change meaning (invalidates every stamp).
BUILDER_REVISION = "1"
QUALITIES = ("l", "m", "h", "k")


@dataclass
class BuildResult:
    """What a build did: the per-chapter jobs and what happened to the lecture-level outputs."""

    jobs: list[ChapterJob]
    out: Path
    lecture_written: bool = False
    assembled: str = "not run"  # "written", "up to date", "incomplete", "failed", "not run"
    slides: str = "not run"
    page: str = "not run"  # index.html, the lecture page
    title: str = "Lecture"  # the lecture's title: video metadata, deck, page
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    interrupted: bool = False

    @property
    def failed(self) -> list[ChapterJob]:
        return [j for j in self.jobs if j.state == "failed"]

    @property
    def rendered(self) -> list[str]:
        """Slugs of the chapters manim actually rendered in this build."""
        return [j.chapter.slug for j in self.jobs if j.state in ("done", "failed")]

    @property
    def exit_status(self) -> int:
        if self.interrupted:
            return 130
        return 1 if (self.failed or self.problems) else 0


# --- what a chapter depends on ----------------------------------------------------------------


def _files_under(folder: Path, pattern: str) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.rglob(pattern)
                  if p.is_file() and "__pycache__" not in p.parts and not p.name.startswith("."))


def chapter_inputs(ch: Chapter, chapters: tuple[Chapter, ...]) -> list[Path]:
    """Files whose content decides ``ch``'s video: its scene file, the shared scene modules
    (every .py beside a chapter that is not itself a chapter), mathutils, assets, manim.cfg."""
    chapter_files = {c.path.resolve() for c in (*chapters, *manifest.CHAPTERS)}
    folders = sorted({c.path.resolve().parent for c in chapters} | {ROOT / "scenes"})
    shared = [p for d in folders for p in sorted(d.glob("*.py"))
              if p.resolve() not in chapter_files]
    return [ch.path, *shared, *_files_under(ROOT / "mathutils", "*.py"),
            *_files_under(ROOT / "assets", "*"), ROOT / "manim.cfg"]


def _label(p: Path) -> str:
    try:
        return str(p.resolve().relative_to(ROOT))
    except ValueError:
        return str(p)


def chapter_input_hashes(ch: Chapter, number: int, chapters: tuple[Chapter, ...],
                         quality: str) -> dict[str, str]:
    """Everything that decides ``ch``'s rendered video and per-chapter outputs, hashed one
    by one (so a rebuild can say what changed): settings, manifest entry, input files."""

    def sha(data: bytes) -> str:
        return hashlib.sha256(data).hexdigest()[:16]

    try:
        manim_version = metadata.version("manim")
    except metadata.PackageNotFoundError:
        manim_version = "?"
    hashes = {
        "settings (builder, manim version, quality)":
            sha(json.dumps([BUILDER_REVISION, manim_version, quality]).encode()),
        "manifest entry": sha(json.dumps([number, ch.slug, ch.scene, ch.title]).encode()),
        # A scene sees the whole chapter list (scenes/chapters.py: its title card's number, the
        # intro's roadmap), so every chapter depends on it.
        "chapter list": sha(json.dumps(chapter_list(chapters)).encode()),
    }
    for p in chapter_inputs(ch, chapters):
        hashes[_label(p)] = sha(p.read_bytes()) if p.exists() else "missing"
    return hashes


def chapter_list(chapters: tuple[Chapter, ...]) -> list[list[str]]:
    """What a scene reads of the chapter list: each chapter's slug and title, in order."""
    return [[c.slug, c.title] for c in chapters]


def write_chapter_list(chapters: tuple[Chapter, ...], path: Path) -> Path:
    """The chapter list being built as a TOML file for the renders (``LECTURE_CHAPTERS``)."""
    # json.dumps of a str (ensure_ascii off) is a valid TOML basic string
    text = "".join(f"[[chapter]]\nslug = {json.dumps(s, ensure_ascii=False)}\n"
                   f"title = {json.dumps(t, ensure_ascii=False)}\n\n"
                   for s, t in chapter_list(chapters))
    media.write_text(path, text)
    return path


def digest_of(hashes: dict[str, str]) -> str:
    """One hash for a chapter's input hashes."""
    return hashlib.sha256(json.dumps(hashes, sort_keys=True).encode()).hexdigest()


def changed_inputs(old: dict[str, str] | None, new: dict[str, str]) -> list[str]:
    """Names of the inputs that differ between two input-hash maps."""
    if not old:
        return []
    return sorted(k for k in old.keys() | new.keys() if old.get(k) != new.get(k))


# --- per-chapter outputs -------------------------------------------------------------------------


def _slugify(name: str) -> str:
    s = re.sub(r"[^A-Za-z0-9_-]+", "-", name).strip("-").lower()
    return s or "beat"


def _stamp_path(work: Path, slug: str) -> Path:
    return work / "stamps" / f"{slug}.json"


def read_stamp(work: Path, slug: str) -> dict | None:
    try:
        return json.loads(_stamp_path(work, slug).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def stamp_valid(stamp: dict | None, job: ChapterJob, out: Path) -> bool:
    """The chapter's outputs exist and were made from exactly the current inputs."""
    if not stamp or stamp.get("digest") != job.digest or stamp.get("name") != job.name:
        return False
    files = [stamp["file"], *(s["file"] for s in stamp.get("sections", []))]
    return all((out / f).is_file() for f in files)


def collect_chapter(job: ChapterJob, quality: str, out: Path, work: Path) -> dict:
    """Copy a rendered chapter's video and section clips into ``out``, and write its stamp.

    Returns the stamp: the chapter's video format, duration, captions and sections (with the
    narration that falls inside each section), so assembling never needs manim's folders.
    """
    src = outputs_of(job, quality)
    scene = job.chapter.scene
    movie = src / f"{scene}.mp4"
    if not movie.is_file():
        raise RuntimeError(f"manim wrote no video at {movie}")
    info = media.video_info(movie)
    fps = float(info.fps)
    duration = info.frames / fps if info.frames else info.duration
    srt = src / f"{scene}.srt"
    cues = media.parse_srt(srt.read_text(encoding="utf-8")) if srt.is_file() else []
    index = src / "sections" / f"{scene}.json"
    sections_in = json.loads(index.read_text()) if index.is_file() else []

    chapter_file = f"chapters/{job.name}.mp4"
    media.copy_file(movie, out / chapter_file)
    clip_dir = out / "clips" / job.name
    clip_dir.mkdir(parents=True, exist_ok=True)
    sections, t, keep, half = [], 0.0, set(), 0.5 / fps
    for i, sec in enumerate(sections_in, 1):
        beat = _slugify(sec.get("name", f"beat-{i}"))
        rel = f"clips/{job.name}/{i:02d}-{beat}.mp4"
        media.copy_file(src / "sections" / sec["video"], out / rel)
        keep.add(Path(rel).name)
        n = int(sec.get("nb_frames") or 0)
        length = n / fps if n else float(sec.get("duration") or 0.0)
        end = min(t + length, duration)
        # A cue belongs to the section it starts in; SRT times are cut to whole ms and
        # sections end on frame boundaries, so compare with half a frame of slack.
        notes = [c.text for c in cues if t - half <= c.start < end - half]
        sections.append({"number": i, "beat": beat, "name": sec.get("name", ""), "file": rel,
                         "start": round(t, 6), "end": round(end, 6), "notes": notes})
        t += length
    for old in clip_dir.iterdir():
        if old.name not in keep and old.is_file():
            old.unlink()
    stamp = {
        "digest": job.digest, "inputs": job.inputs, "name": job.name, "slug": job.chapter.slug,
        "title": job.chapter.title, "number": job.number, "file": chapter_file,
        "duration": duration, "frames": info.frames,
        "format": {"codec": info.codec, "width": info.width, "height": info.height,
                   "fps": str(info.fps), "pix_fmt": info.pix_fmt},
        "cues": [[c.start, c.end, c.text] for c in cues],
        "sections": sections, "render_seconds": job.render_seconds,
        "quality": quality,
    }
    media.write_json(_stamp_path(work, job.chapter.slug), stamp)
    return stamp


# --- the build ----------------------------------------------------------------------------------


def make_jobs(chapters: tuple[Chapter, ...], quality: str, work: Path) -> list[ChapterJob]:
    """One job per present chapter, numbered by its place in ``chapters``."""
    jobs = []
    for number, ch in enumerate(chapters, 1):
        if not ch.path.exists():
            continue
        hashes = chapter_input_hashes(ch, number, chapters, quality)
        jobs.append(ChapterJob(
            chapter=ch, number=number, digest=digest_of(hashes), inputs=hashes,
            media=work / "media" / ch.slug, log=work / "logs" / f"{ch.slug}.log",
        ))
    return jobs


def _history(work: Path) -> dict:
    try:
        return json.loads((work / "history.json").read_text())
    except (OSError, ValueError):
        return {}


def build(
    chapters: tuple[Chapter, ...] | None = None,
    out: Path | str = ROOT / "build" / "lecture",
    quality: str = "h",
    jobs: int | None = None,
    only: list[str] | None = None,
    live: bool | None = None,
    tex_cache: Path | str | None = None,
    slides: bool = True,
    stream=None,
    title: str | None = None,
) -> BuildResult:
    """Render what changed and assemble the lecture into ``out``; see the module docstring.

    ``chapters`` defaults to the real manifest (chapters without a scene file are left out);
    ``only`` renders just those slugs (the others are reused if up to date). ``tex_cache`` is
    the shared TeX/text cache folder (default: the repository's ``media``). ``title`` names the
    lecture (default: see :func:`manifest.lecture_title`). Never raises for a failing chapter:
    the result says what failed.
    """
    if chapters is None:
        chapters, title = manifest.CHAPTERS, title or manifest.lecture_title()
    chapters = tuple(chapters)
    title = title or (chapters[0].title if chapters else "Lecture")
    if quality not in QUALITIES:
        raise ValueError(f"quality must be one of {', '.join(QUALITIES)}, not {quality!r}")
    out = Path(out).resolve()
    work = out / ".work"
    stream = stream or sys.stdout
    live = stream.isatty() if live is None else live
    workers = jobs or os.cpu_count() or 1
    tex_cache = Path(tex_cache) if tex_cache else ROOT / "media"
    work.mkdir(parents=True, exist_ok=True)
    lock = _lock(work)  # held while building; the OS releases it if the build is killed
    try:
        return _build(chapters, out, work, quality, workers, only, live, tex_cache, slides,
                      stream, title)
    finally:
        lock.close()


def _build(chapters, out, work, quality, workers, only, live, tex_cache, slides,
           stream, title) -> BuildResult:
    for d in (out, out / "chapters", out / "clips", work):
        d.mkdir(parents=True, exist_ok=True)
        media.remove_stale_tmp(d)

    all_jobs = make_jobs(chapters, quality, work)
    history = _history(work).get(quality, {})
    todo = []
    for job in all_jobs:
        stamp = read_stamp(work, job.chapter.slug)
        past = history.get(job.chapter.slug)
        job.estimate = past
        if stamp_valid(stamp, job, out):
            job.state, job.duration = "cached", stamp["duration"]
        elif only and job.chapter.slug not in only:
            job.state = "skipped"
        else:
            todo.append(job)
            if stamp is None:
                job.reason = "never built here"
            else:
                changed = changed_inputs(stamp.get("inputs"), job.inputs)
                job.reason = ("changed: " + ", ".join(changed[:4])
                              + (f" and {len(changed) - 4} more" if len(changed) > 4 else "")
                              if changed else "outputs missing or incomplete")
    result = BuildResult(jobs=all_jobs, out=out, title=title)
    renderer = Renderer(quality, workers, tex_cache,
                        chapter_list=write_chapter_list(chapters, work / "chapters.toml"))

    with View(all_jobs, min(workers, max(1, len(todo))), quality, live, stream) as view:
        renderer.on_event = view.event
        for job in all_jobs:
            if job.state == "cached":
                view.event(job, "cached")

        def run(job: ChapterJob) -> None:
            try:
                ok = renderer.render_one(job)
                if ok:
                    stamp = collect_chapter(job, quality, out, work)
                    job.duration, job.state = stamp["duration"], "done"
            except Exception as exc:  # noqa: BLE001 - a chapter's fault must not stop others
                job.state, job.error = "failed", f"{type(exc).__name__}: {exc}"
            view.event(job, job.state)

        pool = ThreadPoolExecutor(max_workers=workers)
        futures = {pool.submit(run, j) for j in todo}
        try:
            while futures:
                done, futures = wait(futures, timeout=0.25, return_when=FIRST_COMPLETED)
                view.tick()
        except KeyboardInterrupt:
            result.interrupted = True
            view.note("interrupted: stopping the renders (finished chapters are kept)")
            renderer.stop()
            for f in futures:
                f.cancel()
            for j in all_jobs:
                if j.state in ("pending", "rendering"):
                    j.state = "stopped"
        finally:
            pool.shutdown(wait=not result.interrupted, cancel_futures=True)
        _save_history(work, quality, all_jobs)
        if not result.interrupted:
            try:
                assemble(result, work, view, slides=slides)
            except KeyboardInterrupt:
                result.interrupted = True
                view.note("interrupted while assembling: no partial lecture.mp4 is left")
            except Exception as exc:  # noqa: BLE001 - report it in the summary, no traceback
                result.assembled, result.lecture_written = "failed", False
                result.problems.append(f"assembling failed: {type(exc).__name__}: {exc}")
    summary(all_jobs, stream)
    _report(result, stream)
    return result


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
    hist = _history(work)
    q = hist.setdefault(quality, {})
    for j in jobs:
        if j.state == "done" and j.render_seconds:
            q[j.chapter.slug] = round(j.render_seconds, 2)
    media.write_json(work / "history.json", hist)


def _report(result: BuildResult, stream) -> None:
    out = result.out
    lines = []
    if result.lecture_written:
        lines.append(f"lecture: {out / 'lecture.mp4'} ({result.assembled})")
    for p in (*result.notes, *result.problems):
        lines.append(f"lecture: {p}")
    if result.slides not in ("not run",):
        lines.append(f"lecture: slides {result.slides}")
    if result.page != "not run":
        lines.append(f"lecture: page {out / 'index.html'} ({result.page})")
    for line in lines:
        print(line, file=stream)


# --- assembling the lecture ---------------------------------------------------------------------


def assemble(result: BuildResult, work: Path, view: View, slides: bool = True) -> None:
    """Join the chapters, write captions, chapter lists, the clip index and the slides.

    Only from a complete set: if any present chapter is not up to date, nothing lecture-level
    is written (an existing lecture.mp4 from an earlier build is left as it was).
    """
    out = result.out
    jobs = result.jobs
    if not jobs:
        result.problems.append("no chapter has a scene file yet: nothing to build")
        result.assembled = "incomplete"
        return
    stamps = [read_stamp(work, j.chapter.slug) for j in jobs]
    missing = [j.name for j, s in zip(jobs, stamps, strict=True) if not stamp_valid(s, j, out)]
    if missing:
        result.assembled = "incomplete"
        text = "lecture.mp4 not written: not built: " + ", ".join(missing)
        skipped = {j.name for j in jobs if j.state == "skipped"}
        if set(missing) <= skipped:  # --only left them out on purpose: not an error
            result.notes.append(text + " (left out by --only)")
        else:
            result.problems.append(text)
        return
    formats = {json.dumps(s["format"], sort_keys=True) for s in stamps}
    if len(formats) > 1:
        result.assembled = "failed"
        result.problems.append("lecture.mp4 not written: chapters differ in format: "
                               + "; ".join(sorted(formats)))
        return
    _prune(out, jobs)
    digest = hashlib.sha256(json.dumps(
        [BUILDER_REVISION, result.title, [{k: v for k, v in s.items() if k != "render_seconds"}
                                          for s in stamps]]
    ).encode()).hexdigest()
    products = ["lecture.mp4", "lecture.srt", "lecture.vtt", "chapters.vtt", "chapters.json",
                "clips/index.json"]
    done = read_json(work / "assembled.json")
    if done.get("digest") == digest and all((out / p).is_file() for p in products):
        result.assembled, result.lecture_written = "up to date", True
    else:
        view.note("joining chapters into lecture.mp4")
        _write_lecture(out, work, stamps, result.title)
        media.write_json(work / "assembled.json", {"digest": digest})
        result.assembled, result.lecture_written = "written", True
    if slides:
        from .slides import build_slides

        try:
            result.slides = build_slides(out, work, stamps, view, result.title)
        except Exception as exc:  # noqa: BLE001 - report, keep the lecture
            result.slides = "failed"
            result.problems.append(f"slides not written: {type(exc).__name__}: {exc}")
    from .page import build_page

    try:
        result.page = build_page(out, work, result.title,
                                 slides=result.slides in ("written", "up to date"), view=view)
    except Exception as exc:  # noqa: BLE001 - report, keep the lecture
        result.page = "failed"
        result.problems.append(f"lecture page not written: {type(exc).__name__}: {exc}")


def read_json(path: Path) -> dict:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def _prune(out: Path, jobs: list[ChapterJob]) -> None:
    """Remove chapter files and clip folders no chapter of this build owns (renamed ones)."""
    names = {j.name for j in jobs}
    for p in (out / "chapters").glob("*.mp4"):
        if p.stem not in names:
            p.unlink()
    for d in (out / "clips").iterdir():
        if d.is_dir() and d.name not in names:
            shutil.rmtree(d)


def timeline(stamps: list[dict]) -> list[tuple[float, float]]:
    """(start, end) of each chapter in the joined lecture, in seconds."""
    spans, t = [], 0.0
    for s in stamps:
        spans.append((t, t + s["duration"]))
        t += s["duration"]
    return spans


def _write_lecture(out: Path, work: Path, stamps: list[dict], title: str) -> None:
    spans = timeline(stamps)
    cues: list[media.Cue] = []
    chapters_json, clip_index = [], []
    for s, (start, end) in zip(stamps, spans, strict=True):
        for a, b, text in s["cues"]:
            cues.append(media.Cue(a, b, text).shifted(start, limit=end))
        chapters_json.append({
            "number": s["number"], "slug": s["slug"], "title": s["title"],
            "start": round(start, 6), "end": round(end, 6), "duration": round(s["duration"], 6),
            "file": s["file"], "clips": [c["file"] for c in s["sections"]],
        })
        for c in s["sections"]:
            clip_index.append({
                "chapter": s["slug"], "chapter_number": s["number"], "chapter_title": s["title"],
                "number": c["number"], "beat": c["beat"], "file": c["file"],
                "start": c["start"], "end": c["end"],
                "lecture_start": round(start + c["start"], 6),
                "lecture_end": round(start + c["end"], 6), "notes": c["notes"],
            })
    media.write_text(out / "lecture.srt", media.format_srt(cues))
    media.write_text(out / "lecture.vtt", media.format_vtt(cues))
    chapter_cues = [media.Cue(a, b, s["title"]) for s, (a, b) in zip(stamps, spans, strict=True)]
    media.write_text(out / "chapters.vtt",
                     media.format_vtt(chapter_cues, ids=[s["slug"] for s in stamps]))
    media.write_json(out / "chapters.json", chapters_json)
    media.write_json(out / "clips" / "index.json", clip_index)
    _join(out, work, stamps, spans, bool(cues), title)


def _join(out: Path, work: Path, stamps: list[dict], spans, captions: bool, title: str) -> None:
    """ffmpeg concat demuxer, stream copy: chapters + chapter markers + mov_text captions."""
    work.mkdir(parents=True, exist_ok=True)
    listing = work / "concat.txt"
    listing.write_text("".join(
        "file '" + str(out / s["file"]).replace("'", "'\\''") + "'\n" for s in stamps
    ))
    meta = [";FFMETADATA1", "title=" + media.ffmetadata_escape(title)]
    for s, (a, b) in zip(stamps, spans, strict=True):
        meta += ["[CHAPTER]", "TIMEBASE=1/1000", f"START={round(a * 1000)}",
                 f"END={round(b * 1000)}", "title=" + media.ffmetadata_escape(s["title"])]
    metafile = work / "chapters.ffmeta"
    metafile.write_text("\n".join(meta) + "\n", encoding="utf-8")
    target = out / "lecture.mp4"
    tmp = media.tmp_path(target)
    cmd = ["ffmpeg", "-nostdin", "-y", "-v", "error",
           "-f", "concat", "-safe", "0", "-i", str(listing), "-i", str(metafile)]
    maps = ["-map", "0:v", "-map_metadata", "1", "-map_chapters", "1", "-c:v", "copy"]
    if captions:
        cmd += ["-i", str(out / "lecture.srt")]
        maps += ["-map", "2:s", "-c:s", "mov_text", "-metadata:s:s:0", "language=eng",
                 "-metadata:s:s:0", "title=Narration"]
    cmd += [*maps, "-movflags", "+faststart", "-f", "mp4", str(tmp)]
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True)
        if proc.returncode != 0:
            raise RuntimeError("ffmpeg join failed: " + proc.stderr.strip()[-800:])
        _test_pause("lecture.mp4")
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)


def _test_pause(step: str) -> None:
    """A seam for the kill test: LECTURE_TEST_PAUSE=<step> sleeps before that rename."""
    if os.environ.get("LECTURE_TEST_PAUSE") == step:
        print(f"lecture: test pause before renaming {step}", flush=True)
        time.sleep(120)


