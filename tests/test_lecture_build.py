"""Build-output tests for the lecture builder, on a short low-quality build.

A test manifest of two tiny chapters (tests/fixtures, a few seconds and two beats each) is
built once at -ql; the checks read the outputs back with ffprobe/ffmpeg and python-pptx.
One real chapter is built too when one exists (marked ``render``; skip with ``-m "not render"``).
"""

from __future__ import annotations

import hashlib
import io
import json
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from lecture import manifest, media
from lecture.build import build

FIXTURES = Path(__file__).parent / "fixtures"
TINY = FIXTURES / "tiny_manifest.toml"


def _copy_fixtures(dest: Path) -> Path:
    """A private copy of the fixture chapters and manifests (so tests may edit them)."""
    shutil.copytree(FIXTURES, dest)
    return dest


def _build(chapters, out: Path, **kw):
    log = io.StringIO()
    result = build(chapters, out=out, quality="l", jobs=2, live=False, stream=log, **kw)
    return result, log.getvalue()


@pytest.fixture(scope="module")
def tiny(tmp_path_factory):
    """The two tiny chapters built once at -ql: (chapters, out folder, result, log)."""
    root = tmp_path_factory.mktemp("lecture")
    fx = _copy_fixtures(root / "fixtures")
    chapters = manifest.load(str(fx / "tiny_manifest.toml"))
    out = root / "out"
    result, log = _build(chapters, out)
    assert result.exit_status == 0, log
    return chapters, out, result, log


# --- checks shared by the tiny build and the real-chapter build ------------------------------


def _chapter_files(out: Path) -> list[Path]:
    return [out / c["file"] for c in json.loads((out / "chapters.json").read_text())]


def check_same_format(out: Path) -> None:
    infos = [media.video_info(p) for p in _chapter_files(out)]
    assert len({i.format_key for i in infos}) == 1, infos
    joined = media.video_info(out / "lecture.mp4")
    assert joined.format_key == infos[0].format_key


def check_duration_is_sum(out: Path) -> None:
    infos = [media.video_info(p) for p in _chapter_files(out)]
    total = sum(i.frames for i in infos) / float(infos[0].fps)
    joined = media.video_info(out / "lecture.mp4")
    assert joined.frames == sum(i.frames for i in infos)  # exact: no frame lost or added
    # Timestamps are rounded to the container's time base: allow half a frame in all.
    half = 0.5 / float(infos[0].fps)
    assert joined.duration == pytest.approx(total, abs=half)
    fmt = float(media.ffprobe(out / "lecture.mp4", "-show_format")["format"]["duration"])
    assert fmt == pytest.approx(total, abs=half)


def check_markers(out: Path, chapters) -> None:
    listed = json.loads((out / "chapters.json").read_text())
    marks = media.ffprobe(out / "lecture.mp4", "-show_chapters")["chapters"]
    assert [m["tags"]["title"] for m in marks] == [c["title"] for c in listed]
    assert [c["title"] for c in listed] == [c.title for c in chapters]
    for m, c in zip(marks, listed, strict=True):
        assert float(m["start_time"]) == pytest.approx(c["start"], abs=1e-3)
        assert float(m["end_time"]) == pytest.approx(c["end"], abs=1e-3)
    # The truth: when each chapter's first frame is shown in lecture.mp4 (frame timestamps
    # are rounded to the container's time base, so allow half a frame).
    infos = [media.video_info(p) for p in _chapter_files(out)]
    pts = sorted(float(x) for x in subprocess.run(
        ["ffprobe", "-v", "error", "-select_streams", "v:0", "-show_entries", "packet=pts_time",
         "-of", "csv=p=0", str(out / "lecture.mp4")],
        capture_output=True, text=True, check=True).stdout.split())
    firsts, n = [], 0
    for info in infos:
        firsts.append(pts[n])
        n += info.frames
    half = 0.5 / float(infos[0].fps)
    assert [c["start"] for c in listed] == pytest.approx(firsts, abs=half)
    vtt = (out / "chapters.vtt").read_text()
    assert vtt.startswith("WEBVTT") and all(c["title"] in vtt for c in listed)


def check_captions(out: Path, chapters) -> None:
    """lecture.srt = each chapter's manim .srt shifted by the chapter's start, in order."""
    listed = json.loads((out / "chapters.json").read_text())
    expected = []
    for ch, entry in zip(chapters, listed, strict=True):
        srt = next((out / ".work" / "media" / ch.slug).rglob(f"{ch.scene}.srt"))
        for cue in media.parse_srt(srt.read_text()):
            expected.append((cue.start + entry["start"], cue.text))
    got = media.parse_srt((out / "lecture.srt").read_text())
    assert [c.text for c in got] == [t for _, t in expected]
    assert [c.start for c in got] == pytest.approx([s for s, _ in expected], abs=2e-3)
    assert all(a.start <= b.start for a, b in zip(got, got[1:], strict=False))
    vtt = (out / "lecture.vtt").read_text()
    assert vtt.startswith("WEBVTT") and vtt.count(" --> ") == len(got)
    # The soft subtitle track inside lecture.mp4 carries the same captions.
    track = subprocess.run(
        ["ffmpeg", "-v", "error", "-i", str(out / "lecture.mp4"), "-map", "0:s:0", "-f", "srt",
         "-"], capture_output=True, text=True, check=True).stdout
    inner = media.parse_srt(track)
    assert [c.text for c in inner] == [c.text for c in got]
    assert [c.start for c in inner] == pytest.approx([c.start for c in got], abs=2e-3)


def check_clips(out: Path, chapters) -> None:
    index = json.loads((out / "clips" / "index.json").read_text())
    listed = json.loads((out / "chapters.json").read_text())
    for ch, entry in zip(chapters, listed, strict=True):
        sections = json.loads(next(
            (out / ".work" / "media" / ch.slug).rglob(f"sections/{ch.scene}.json")).read_text())
        name = Path(entry["file"]).stem
        clips = sorted((out / "clips" / name).glob("*.mp4"))
        assert [c.name for c in clips] == [f"{i:02d}-{s['name']}.mp4"
                                           for i, s in enumerate(sections, 1)]
        mine = [c for c in index if c["chapter"] == ch.slug]
        assert [out / c["file"] for c in mine] == clips
        frames = sum(media.video_info(c).frames for c in clips)
        assert frames == media.video_info(out / entry["file"]).frames
        assert mine[0]["lecture_start"] == pytest.approx(entry["start"])
        assert mine[-1]["lecture_end"] == pytest.approx(entry["end"], abs=1e-3)


def _md5(data: bytes) -> str:
    return hashlib.md5(data).hexdigest()


def check_slides(out: Path) -> None:
    index = json.loads((out / "clips" / "index.json").read_text())
    clip_sums = [_md5((out / c["file"]).read_bytes()) for c in index]
    # pptx: one slide per beat, each embedding its clip, narration as speaker notes.
    from pptx import Presentation

    pptx = out / "slides" / "lecture.pptx"
    with zipfile.ZipFile(pptx) as z:
        embedded = {_md5(z.read(n)) for n in z.namelist()
                    if n.startswith("ppt/media/") and n.endswith(".mp4")}
    assert set(clip_sums) <= embedded
    deck = Presentation(str(pptx))
    assert len(deck.slides) == len(index)
    for slide, clip in zip(deck.slides, index, strict=True):
        notes = slide.notes_slide.notes_text_frame.text if slide.has_notes_slide else ""
        assert notes == "\n".join(clip["notes"])
    # html: one <section> per beat playing its clip from the assets folder; no network.
    page = (out / "slides" / "lecture.html").read_text()
    videos = re.findall(r'data-background-video="([^"]+)"', page)
    assert len(videos) == len(index)
    for v, clip, digest in zip(videos, index, clip_sums, strict=True):
        assert v.endswith(Path(clip["file"]).name)
        assert _md5((out / "slides" / v).read_bytes()) == digest
    # each slide's poster: a JPEG frame of its own clip, shown until the video paints
    posters = re.findall(r'data-background-video="[^"]+" data-background-image="([^"]+)"', page)
    assert len(posters) == len(index)
    shots = [(out / "slides" / p).read_bytes() for p in posters]
    assert all(s[:3] == b"\xff\xd8\xff" for s in shots) and len(set(shots)) == len(index)
    live = re.sub(r"<!--.*?-->", "", page, flags=re.S)
    loads = re.findall(r'<(?:script|link)[^>]*(?:src|href)="([^"]+)"', live)
    assert loads and not [u for u in loads if re.match(r"(https?:)?//", u)]
    assert all((out / "slides" / u).is_file() for u in loads), loads
    for clip in index:
        for line in clip["notes"]:
            assert line in page


# --- the tiny build -------------------------------------------------------------------------


def test_every_chapter_same_format(tiny):
    check_same_format(tiny[1])


def test_joined_duration_is_sum(tiny):
    check_duration_is_sum(tiny[1])


def test_chapter_markers_match_chapters_json(tiny):
    check_markers(tiny[1], tiny[0])


def test_captions_in_order_and_shifted(tiny):
    check_captions(tiny[1], tiny[0])


def test_one_clip_per_section(tiny):
    check_clips(tiny[1], tiny[0])


def test_slides_reference_every_clip(tiny):
    check_slides(tiny[1])


def test_summary_lists_every_chapter(tiny):
    _, _, result, log = tiny
    assert [j.state for j in result.jobs] == ["done", "done"]
    for j in result.jobs:
        assert re.search(rf"{j.name}\s+done\s+\d+\.\d s", log)


def test_noop_rebuild_renders_nothing(tiny):
    chapters, out, _, _ = tiny
    before = {p: p.stat().st_mtime_ns for p in out.rglob("*.mp4")}
    result, log = _build(chapters, out)
    assert result.exit_status == 0, log
    assert result.rendered == []
    assert [j.state for j in result.jobs] == ["cached", "cached"]
    assert result.assembled == "up to date" and result.slides == "up to date"
    assert {p: p.stat().st_mtime_ns for p in out.rglob("*.mp4")} == before


def test_edit_rerenders_only_that_chapter(tmp_path):
    fx = _copy_fixtures(tmp_path / "fixtures")
    chapters = manifest.load(str(fx / "tiny_manifest.toml"))
    out = tmp_path / "out"
    first, log = _build(chapters, out, slides=False)
    assert first.rendered == ["shapes", "dots"], log
    src = fx / "chapters" / "tiny_dots.py"
    src.write_text(src.read_text().replace("The dot moves to the right.",
                                           "Now the dot moves to the right."))
    second, log = _build(chapters, out, slides=False)
    assert second.rendered == ["dots"], log
    assert second.exit_status == 0 and second.assembled == "written"
    assert "Now the dot moves" in (out / "lecture.srt").read_text()


def test_failing_chapter_reported_and_others_kept(tmp_path):
    chapters = manifest.load(str(FIXTURES / "broken_manifest.toml"))
    out = tmp_path / "out"
    result, log = _build(chapters, out)
    assert result.exit_status == 1
    assert [j.state for j in result.jobs] == ["done", "failed"]
    assert (out / "chapters" / "01-shapes.mp4").is_file()
    assert len(list((out / "clips" / "01-shapes").glob("*.mp4"))) == 2
    assert not (out / "lecture.mp4").exists()
    assert "02-broken FAILED" in log
    assert "this chapter fails on purpose" in log  # the last lines of its log
    assert "lecture.mp4 not written" in log
    # The next run reuses the good chapter and fails the broken one again.
    again, _ = _build(chapters, out)
    assert again.rendered == ["broken"] and again.exit_status == 1


# --- one real chapter -----------------------------------------------------------------------


@pytest.mark.render
def test_real_chapter_builds_with_a_tiny_one(tmp_path):
    real = manifest.present()
    if not real:
        pytest.skip("no real chapter has a scene file yet")
    pick = min(real, key=lambda c: c.path.stat().st_size)  # the smallest: quickest to render
    tiny = manifest.load(str(TINY))[0]
    chapters = (tiny, pick)
    out = tmp_path / "out"
    result, log = _build(chapters, out)
    assert result.exit_status == 0, log
    check_same_format(out)
    check_duration_is_sum(out)
    check_markers(out, chapters)
    check_captions(out, chapters)
    check_clips(out, chapters)
    check_slides(out)


def test_only_renders_the_chosen_chapters(tmp_path):
    chapters = manifest.load(str(TINY))
    out = tmp_path / "out"
    part, log = _build(chapters, out, only=["dots"], slides=False)
    assert part.rendered == ["dots"] and part.exit_status == 0, log
    assert [j.state for j in part.jobs] == ["skipped", "done"]
    assert not (out / "lecture.mp4").exists() and "left out by --only" in log
    full, log = _build(chapters, out, slides=False)
    assert full.rendered == ["shapes"] and full.exit_status == 0, log
    assert (out / "lecture.mp4").is_file()


def test_two_builds_cannot_write_one_folder(tmp_path):
    from lecture.build import BuildBusy, _lock

    out = tmp_path / "out"
    (out / ".work").mkdir(parents=True)
    held = _lock(out / ".work")
    try:
        with pytest.raises(BuildBusy):
            _build(manifest.load(str(TINY)), out)
    finally:
        held.close()


def test_longest_expected_render_goes_first():
    from types import SimpleNamespace

    from lecture.build import render_order

    jobs = [SimpleNamespace(name=n, estimate=e)
            for n, e in (("a", 30.0), ("b", None), ("c", 90.0), ("d", 30.0), ("e", None))]
    assert [j.name for j in render_order(jobs)] == ["b", "e", "c", "a", "d"]
