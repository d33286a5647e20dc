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
# bump when the decks change without their inputs: 16:9, posters, Space, HTML posters, muting
SLIDES_REVISION = 4
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
        [SLIDES_REVISION, version, _background(), title,
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
    _space_goes_on(tmp / "lecture.html")
    posters = _posters([(out / sec["file"], sec["end"] - sec["start"]) for _, sec in beats],
                       work / "slides" / "posters")
    _finish_pptx(tmp / "lecture.pptx", posters)
    _html_posters(tmp / "lecture.html", posters, assets)
    if any(s.get("audio") for s in stamps):  # the clips speak: a silent deck to talk over
        _voiced_from_the_first(tmp / "lecture.html")
        _presenter_decks(tmp)
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


def poster_time(duration: float) -> float:
    """When in a beat its poster is taken: 1.5 s before its end (the beat's picture complete,
    before any closing fade), or its middle when it is short. Its first frame would be the
    previous beat's picture, or a blank frame before a fade-in."""
    return duration - 1.5 if duration > 3.0 else duration / 2


def _posters(clips: list[tuple[Path, float]], folder: Path) -> list[Path]:
    """One poster a beat, a frame of its own clip at :func:`poster_time`: ``folder/NNN.png``."""
    folder.mkdir(parents=True, exist_ok=True)
    posters = []
    for i, (clip, duration) in enumerate(clips):
        poster = folder / f"{i:03d}.png"
        subprocess.run(["ffmpeg", "-nostdin", "-y", "-v", "error", "-ss",
                        f"{poster_time(duration):.3f}", "-i", str(clip), "-frames:v", "1",
                        str(poster)], check=True, capture_output=True)
        posters.append(poster)
    return posters


_VIDEO_ATTR = re.compile(r'data-background-video="([^"]+)"')


def _html_posters(deck: Path, posters: list[Path], assets: Path) -> None:
    """reveal.js shows a background video's first frame (the previous beat's picture, or a
    blank before a fade-in) until it plays, and in the overview. Each slide gets its beat's
    poster, as a JPEG in ``posters/`` beside the clips, as its background image: reveal paints
    it under the video, so it shows until the video's own frames do."""
    page = deck.read_text(encoding="utf-8")
    videos = _VIDEO_ATTR.findall(page)
    if len(videos) != len(posters):
        raise RuntimeError(f"the HTML deck has {len(videos)} videos for {len(posters)} beats")
    (assets / "posters").mkdir(exist_ok=True)
    names = iter(posters)

    def add(m: re.Match) -> str:
        png = next(names)
        jpg = assets / "posters" / f"{Path(m.group(1)).stem}.jpg"
        subprocess.run(["ffmpeg", "-nostdin", "-y", "-v", "error", "-i", str(png),
                        "-q:v", "3", str(jpg)], check=True, capture_output=True)
        rel = f"{assets.name}/posters/{jpg.name}"
        return f'{m.group(0)} data-background-image="{rel}"'

    deck.write_text(_VIDEO_ATTR.sub(add, page), encoding="utf-8")


def _finish_pptx(deck: Path, posters: list[Path]) -> None:
    """What the converter leaves wrong in the pptx: the slide size is declared 4:3 (type
    ``screen4x3``; PowerPoint's own 16:9 decks have no type and say "Widescreen"), and each
    slide's poster is its clip's first frame. Each poster becomes a frame of its own beat."""
    from pptx import Presentation
    from pptx.oxml.ns import qn

    prs = Presentation(str(deck))
    size = prs.part._element.find(qn("p:sldSz"))
    if size is not None and size.get("type"):
        del size.attrib["type"]
    for part in prs.part.package.iter_parts():
        if str(part.partname) == "/docProps/app.xml":
            part._blob = re.sub(rb"<PresentationFormat>[^<]*</PresentationFormat>",
                                b"<PresentationFormat>Widescreen</PresentationFormat>",
                                part.blob)
    if len(prs.slides) != len(posters):
        raise RuntimeError(f"the pptx has {len(prs.slides)} slides for {len(posters)} beats")
    for slide, poster in zip(prs.slides, posters, strict=True):
        for blip in slide.shapes._spTree.iter(qn("a:blip")):
            old = blip.get(qn("r:embed"))
            _, rid = slide.part.get_or_add_image_part(str(poster))
            blip.set(qn("r:embed"), rid)
            if old and old != rid:
                slide.part.drop_rel(old)
    prs.save(str(deck))


# manim-slides' deck binds Space to play/pause the slide's video: on a beat that has ended,
# play() starts it again from the top. Space there goes on to the next beat instead.
_SPACE_PLAY = "if (currentVideos[0].paused == true) currentVideos[0].play();"
_SPACE_NEXT = ("if (currentVideos[0].ended) Reveal.next();\n"
               "            else if (currentVideos[0].paused == true) currentVideos[0].play();")


def _space_goes_on(deck: Path) -> None:
    """Space on an ended beat: the next beat, not the same beat again (see ``_SPACE_PLAY``)."""
    page = deck.read_text(encoding="utf-8")
    if page.count(_SPACE_PLAY) != 1:
        raise RuntimeError("manim-slides' HTML template changed: its Space key binding was not "
                           "found; update lecture/slides.py (_SPACE_PLAY)")
    deck.write_text(page.replace(_SPACE_PLAY, _SPACE_NEXT), encoding="utf-8")


def _voiced_from_the_first(deck: Path) -> None:
    """manim-slides mutes the first slide's video (a browser may refuse to autoplay sound on
    a page nobody has clicked yet). In the voiced deck the first beat speaks too: a browser that
    refuses leaves it paused on its poster, and Space (or the controls) plays it with sound."""
    page = deck.read_text(encoding="utf-8")
    deck.write_text(re.sub(r"\s*data-background-video-muted", "", page), encoding="utf-8")


PRESENTER = "lecture-presenter"  # the silent decks: the same clips, muted


def _presenter_decks(folder: Path) -> None:
    """``lecture-presenter.pptx``/``.html``: the decks with every clip muted, for a presenter
    who speaks live (the voiced ``lecture.*`` are for self-study). Same clips, same assets."""
    from pptx import Presentation
    from pptx.oxml.ns import qn

    prs = Presentation(str(folder / "lecture.pptx"))
    for slide in prs.slides:
        for node in slide.element.iter(qn("p:cMediaNode")):
            node.set("mute", "1")
    prs.save(str(folder / f"{PRESENTER}.pptx"))
    page = (folder / "lecture.html").read_text(encoding="utf-8")
    page = re.sub(r"(data-background-video=\"[^\"]+\")(?!\s*data-background-video-muted)",
                  r"\1 data-background-video-muted", page)
    (folder / f"{PRESENTER}.html").write_text(page, encoding="utf-8")


def _convert(folder: Path, scene: str, dest: Path, options: list[str]) -> None:
    cmd = [sys.executable, "-m", "manim_slides", "--silent", "convert", "--folder", str(folder),
           scene, str(dest), *options]
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
    if proc.returncode != 0 or not dest.is_file():
        tail = (proc.stderr or proc.stdout).strip()[-800:]
        raise RuntimeError(f"manim-slides convert {dest.name} failed: {tail}")
