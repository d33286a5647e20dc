"""The slide decks: one slide per beat, the beat's narration as speaker notes.

Built with manim-slides' converter (``manim-slides convert``) from a presentation config that
points at the beat clips (manim-slides' own ``Slide`` rendering is not used). The HTML deck
plays with no network: reveal.js is vendored into ``slides/lecture_assets/reveal.js`` from the
npm package (downloaded once from the npm registry into ``build/cache``) and the converter's
``cdn_url`` points there.
"""

from __future__ import annotations

import configparser
import hashlib
import html
import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

from voice.artefacts import ArtefactError, npm_tarball

from . import media
from .manifest import ROOT

CACHE = ROOT / "build" / "cache"
ASSETS = "lecture_assets"
REVEAL_DIR = f"{ASSETS}/reveal.js"
# The reveal.js files manim-slides' template loads (theme "black"); all self-contained.
REVEAL_FILES = ("dist/reveal.css", "dist/reveal.js", "dist/theme/black.css",
                "dist/plugin/highlight/zenburn.css", "dist/plugin/notes.js",
                "dist/plugin/markdown.js", "LICENSE")


def reveal_version() -> str:
    """The reveal.js version the installed manim-slides' HTML template expects."""
    spec = importlib.util.find_spec("manim_slides")
    if spec and spec.origin:
        src = Path(spec.origin).with_name("convert.py")
        m = re.search(r'reveal_version: str = Field\(\s*"([0-9.]+)"', src.read_text())
        if m:
            return m.group(1)
    return "6.0.1"


def revealjs_package(version: str) -> Path:
    """The reveal.js npm tarball, downloaded once from the npm registry into build/cache and
    checked against the registry's sha512 (no npm needed; see voice.artefacts.npm_tarball)."""
    try:
        return npm_tarball("reveal.js", version, CACHE)
    except ArtefactError as err:
        raise RuntimeError(f"{err}, or build with --no-slides") from err


def vendor_revealjs(dest: Path, version: str) -> None:
    """Extract the reveal.js files the deck loads into ``dest`` (dest/dist/...)."""
    with tarfile.open(revealjs_package(version)) as tar:
        for rel in REVEAL_FILES:
            member = tar.getmember(f"package/{rel}")
            data = tar.extractfile(member)
            if data is None:
                raise RuntimeError(f"reveal.js package lacks {rel}")
            target = dest / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data.read())


def _background() -> str:
    cfg = configparser.ConfigParser(inline_comment_prefixes=("#", ";"))
    cfg.read(ROOT / "manim.cfg")
    value = cfg.get("CLI", "background_color", fallback="#000000").strip()
    return value if re.fullmatch(r"#[0-9A-Fa-f]{6}", value) else "#000000"


def _notes(section: dict) -> str:
    return "\n".join(section["notes"])


def build_slides(out: Path, work: Path, stamps: list[dict], view, title: str) -> str:
    """Write slides/lecture.pptx and slides/lecture.html (skipped when nothing changed).

    Returns "written" or "up to date". The deck folder is built aside and swapped in whole.
    """
    version = reveal_version()
    slides_dir = out / "slides"
    beats = [(s, sec) for s in stamps for sec in s["sections"]]
    digest = hashlib.sha256(json.dumps(
        [version, _background(), title,
         [(s["digest"], sec["file"], sec["notes"]) for s, sec in beats]]
    ).encode()).hexdigest()
    stamp = work / "slides.json"
    products = [slides_dir / "lecture.pptx", slides_dir / "lecture.html"]
    try:
        if json.loads(stamp.read_text())["digest"] == digest and all(p.is_file()
                                                                     for p in products):
            return "up to date"
    except (OSError, ValueError, KeyError):
        pass
    if not beats:
        raise RuntimeError("no sections: nothing to make slides from")
    view.note(f"making slides ({len(beats)} beats) with manim-slides convert")

    tmp = out / f".slides{media.TMP_MARK}{os.getpid()}"
    if tmp.exists():
        shutil.rmtree(tmp)
    assets = tmp / ASSETS
    assets.mkdir(parents=True)
    vendor_revealjs(tmp / REVEAL_DIR, version)
    # The clips, named NN-slug_MM-beat.mp4, already in the assets folder: the converter finds
    # them there and does not copy them again (hard links: no extra disk space).
    html_slides, pptx_slides = [], []
    for s, sec in beats:
        clip = assets / f"{s['name']}_{Path(sec['file']).name}"
        media.link_or_copy(out / sec["file"], clip)
        base = {"file": str(clip), "rev_file": str(clip)}
        html_slides.append({**base, "notes": html.escape(_notes(sec), quote=False)})
        pptx_slides.append({**base, "notes": _notes(sec)})
    fmt = stamps[0]["format"]
    config_dir = work / "slides"
    config_dir.mkdir(parents=True, exist_ok=True)
    for name, slides in (("LectureHtml", html_slides), ("LecturePptx", pptx_slides)):
        media.write_json(config_dir / f"{name}.json", {
            "slides": slides, "resolution": [fmt["width"], fmt["height"]],
            "background_color": _background(),
        })
    _convert(config_dir, "LectureHtml", tmp / "lecture.html", [
        f"-ccdn_url={REVEAL_DIR}", f"-ctitle={title}", f"-cbackground_color={_background()}",
        "-cslide_number=c/t", "-ccontrols=true", "-cprogress=true",
    ])
    _convert(config_dir, "LecturePptx", tmp / "lecture.pptx", [])
    leftover = re.findall(r'(?:src|href)="(https?://[^"]+)"',
                          (tmp / "lecture.html").read_text(encoding="utf-8"))
    if leftover:
        raise RuntimeError(f"the HTML deck still loads from the network: {leftover[:3]}")
    # Swap the new deck in whole.
    old = out / f".slides-old{media.TMP_MARK}{os.getpid()}"
    if slides_dir.exists():
        os.replace(slides_dir, old)
    os.replace(tmp, slides_dir)
    if old.exists():
        shutil.rmtree(old, ignore_errors=True)
    media.write_json(stamp, {"digest": digest})
    return "written"


def _convert(folder: Path, scene: str, dest: Path, options: list[str]) -> None:
    cmd = [sys.executable, "-m", "manim_slides", "--silent", "convert", "--folder", str(folder),
           scene, str(dest), *options]
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
    if proc.returncode != 0 or not dest.is_file():
        tail = (proc.stderr or proc.stdout).strip()[-800:]
        raise RuntimeError(f"manim-slides convert {dest.name} failed: {tail}")
