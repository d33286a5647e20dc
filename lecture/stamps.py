"""A chapter's stamp: what its video depends on, and what its render produced.

Before a render, :func:`chapter_input_hashes` hashes everything that decides a chapter's video
(settings, manifest entry, the chapter list, its input files); after it, :func:`collect_chapter`
copies the video and beat clips into the output folder and writes the stamp
(``.work/stamps/<slug>.json``): the inputs' digest, the video's format and duration, its
captions and sections. A chapter whose stamp is valid (:func:`stamp_valid`) is not rendered
again, and assembling reads only stamps, never manim's folders.
"""

from __future__ import annotations

import hashlib
import json
import re
from importlib import metadata
from pathlib import Path

from . import audio, manifest, media
from .manifest import ROOT, Chapter
from .render import ChapterJob, outputs_of

# Bump when the builder's outputs for a chapter change meaning (invalidates every stamp).
BUILDER_REVISION = "4"  # 2: voice, sound, narration, subtitles; 3: uncached; 4: AAC 192k


# --- what a chapter depends on ----------------------------------------------------------------


def _files_under(folder: Path, pattern: str) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.rglob(pattern)
                  if p.is_file() and "__pycache__" not in p.parts and not p.name.startswith("."))


def chapter_inputs(ch: Chapter, chapters: tuple[Chapter, ...]) -> list[Path]:
    """Files whose content decides ``ch``'s video: its scene file, the shared scene modules
    (every .py beside a chapter that is not itself a chapter), mathutils, the voice package
    (what is spoken, and how, sets the timing), assets, manim.cfg."""
    chapter_files = {c.path.resolve() for c in (*chapters, *manifest.CHAPTERS)}
    folders = sorted({c.path.resolve().parent for c in chapters} | {ROOT / "scenes"})
    shared = [p for d in folders for p in sorted(d.glob("*.py"))
              if p.resolve() not in chapter_files]
    return [ch.path, *shared, *_files_under(ROOT / "mathutils", "*.py"),
            *_files_under(ROOT / "voice", "*.py"), *_files_under(ROOT / "assets", "*"),
            ROOT / "manim.cfg"]


def recordings_hash(slug: str) -> str:
    """One hash of the lecturer's takes for chapter ``slug`` (names and contents of every file
    under ``recordings/<slug>/``, or ``$LECTURE_RECORDINGS``): a new or changed take, or its
    sidecar, re-renders that chapter only. "none" when there are none."""
    from voice.recordings import recordings_dir

    folder = recordings_dir() / slug
    files = _files_under(folder, "*")
    if not files:
        return "none"
    h = hashlib.sha256()
    for f in files:
        h.update(str(f.relative_to(folder)).encode() + b"\0")
        h.update(hashlib.sha256(f.read_bytes()).digest())
    return h.hexdigest()[:16]


def _label(p: Path) -> str:
    try:
        return str(p.resolve().relative_to(ROOT))
    except ValueError:
        return str(p)


def chapter_input_hashes(ch: Chapter, number: int, chapters: tuple[Chapter, ...],
                         quality: str, voice: str = "none") -> dict[str, str]:
    """Everything that decides ``ch``'s rendered video and per-chapter outputs, hashed one
    by one (so a rebuild can say what changed): settings, voice, manifest entry, input files,
    the chapter's recordings. The synthesized speech needs no hash: its cache is keyed by
    content, and what decides it (voice, words) is hashed here."""

    def sha(data: bytes) -> str:
        return hashlib.sha256(data).hexdigest()[:16]

    try:
        manim_version = metadata.version("manim")
    except metadata.PackageNotFoundError:
        manim_version = "?"
    hashes = {
        "settings (builder, manim version, quality)":
            sha(json.dumps([BUILDER_REVISION, manim_version, quality]).encode()),
        "voice": sha(voice.encode()),
        "manifest entry": sha(json.dumps([number, ch.slug, ch.scene, ch.title]).encode()),
        # A scene sees the whole chapter list (scenes/chapters.py: its title card's number, the
        # intro's roadmap), so every chapter depends on it.
        "chapter list": sha(json.dumps(chapter_list(chapters)).encode()),
    }
    for p in chapter_inputs(ch, chapters):
        hashes[_label(p)] = sha(p.read_bytes()) if p.exists() else "missing"
    if voice != "none":
        hashes[f"recordings/{ch.slug}"] = recordings_hash(ch.slug)
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


def render_reason(stamp: dict | None, job: ChapterJob) -> str:
    """Why ``job``'s chapter is rendered, for the progress lines: what changed since its stamp."""
    if stamp is None:
        return "never built here"
    changed = changed_inputs(stamp.get("inputs"), job.inputs)
    if not changed:
        return "outputs missing or incomplete"
    more = f" and {len(changed) - 4} more" if len(changed) > 4 else ""
    return "changed: " + ", ".join(changed[:4]) + more


# --- the stamp: what a render produced -----------------------------------------------------------


def _slugify(name: str) -> str:
    s = re.sub(r"[^A-Za-z0-9_-]+", "-", name).strip("-").lower()
    return s or "beat"


def _stamp_path(work: Path, slug: str) -> Path:
    return work / "stamps" / f"{slug}.json"


def read_json(path: Path) -> dict:
    """The JSON object in ``path``; {} when it is missing or unreadable."""
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def read_stamp(work: Path, slug: str) -> dict | None:
    """The chapter's stamp, or None when there is none (or it cannot be read)."""
    try:
        return json.loads(_stamp_path(work, slug).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def stamp_valid(stamp: dict | None, job: ChapterJob, out: Path) -> bool:
    """The chapter's outputs exist and were made from exactly the current inputs."""
    if not stamp or stamp.get("digest") != job.digest or stamp.get("name") != job.name:
        return False
    files = [stamp["file"], *(s["file"] for s in stamp.get("sections", []))]
    if stamp.get("audio"):
        files.append(stamp["audio"]["file"])
    return all((out / f).is_file() for f in files)


def narration_of(job: ChapterJob) -> list[dict]:
    """The sentences the render spoke, in order (``<media>/narration/<Scene>.json``, written by
    the scene); [] when the chapter never narrated."""
    path = job.media / "narration" / f"{job.chapter.scene}.json"
    try:
        entries = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return []
    except (OSError, ValueError) as exc:
        raise RuntimeError(f"cannot read the narration {path}: {exc}") from None
    if not isinstance(entries, list):
        raise RuntimeError(f"the narration {path} is not a list of sentences")
    return entries


def collect_chapter(job: ChapterJob, quality: str, out: Path, work: Path,
                    voice: str = "none") -> dict:
    """Put a rendered chapter's video and section clips into ``out``, and write its stamp.

    The chapter file gets its captions as a soft subtitle track; with a voice, the chapter and
    each clip get their part of the chapter's normalised sound (see :mod:`lecture.audio`).
    Returns the stamp: the chapter's video format, duration, captions, narration, loudness and
    sections (with the narration that falls inside each section), so assembling never needs
    manim's folders.
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
    narration = narration_of(job)

    voiced = voice != "none"
    sound = None
    if voiced:
        audio_file = work / "audio" / f"{job.name}.wav"
        mix = movie.with_suffix(".wav")  # manim's own mix, lossless (removed before a render)
        source = mix if mix.is_file() else (movie if audio.has_audio(movie) else None)
        sound = audio.normalise(source, audio_file, duration)
        lost = audio.unheard(audio_file, narration)
        if lost:
            raise RuntimeError(
                f"{len(lost)} of {len(narration)} spoken sentences are silent in manim's sound "
                f"mix (first: {lost[0]['id']} at {float(lost[0]['start']):.2f} s); the chapter "
                "is not used rather than published with missing speech")
        sound["file"] = str(audio_file.relative_to(out)) if audio_file.is_relative_to(out) \
            else str(audio_file)
    chapter_file = f"chapters/{job.name}.mp4"
    captions = None
    if cues:
        captions = work / "captions" / f"{job.name}.srt"
        # cut at the chapter's end: a longer track would lengthen the file, and the join
        # would place the next chapter late
        media.write_text(captions, media.format_srt([c.shifted(0, limit=duration)
                                                     for c in cues]))
    audio.mux(movie, out / chapter_file, audio=out / sound["file"] if sound else None,
              srt=captions)
    clip_dir = out / "clips" / job.name
    clip_dir.mkdir(parents=True, exist_ok=True)
    sections, t, keep, half = [], 0.0, set(), 0.5 / fps
    for i, sec in enumerate(sections_in, 1):
        beat = _slugify(sec.get("name", f"beat-{i}"))
        rel = f"clips/{job.name}/{i:02d}-{beat}.mp4"
        keep.add(Path(rel).name)
        n = int(sec.get("nb_frames") or 0)
        length = n / fps if n else float(sec.get("duration") or 0.0)
        end = min(t + length, duration)
        if sound:
            audio.mux(src / "sections" / sec["video"], out / rel, audio=out / sound["file"],
                      span=(t, end))
        else:
            media.copy_file(src / "sections" / sec["video"], out / rel)
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
        "quality": quality, "voice": voice, "audio": sound, "narration": narration,
    }
    media.write_json(_stamp_path(work, job.chapter.slug), stamp)
    return stamp
