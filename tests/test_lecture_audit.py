"""The motion audit on a fake build: tiny ffmpeg-made videos with known still spans and a box in
the caption band, so every number the audit reports is known in advance."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from lecture import audit, media

ROOT = Path(__file__).resolve().parent.parent
BG = "0x14161B"  # manim.cfg's background
FRAME = 1 / audit.SAMPLE_FPS  # one sampled frame: the audit's resolution in time


def _video(path: Path, seconds: float, moving: str, box: str) -> None:
    """Background with a small moving test pattern (top left) while ``moving`` is true and
    a white box in the bottom 15 % (rows 165-175 of 180) while ``box`` is true."""
    graph = (f"color=c={BG}:s=320x180:r=15:d={seconds}[bg];testsrc=s=64x48:r=15:d={seconds}[ts];"
             f"[bg][ts]overlay=10:10:enable='{moving}',"
             f"drawbox=x=100:y=165:w=60:h=10:color=white:t=fill:enable='{box}'")
    subprocess.run(["ffmpeg", "-nostdin", "-v", "error", "-y", "-filter_complex", graph,
                    "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", str(path)],
                   check=True)


# alpha, 14 s: moves 0-2, still 2-8 with the box in the band, moves 8-10, still 10-14.
# beta, 12 s: moves 0-1, still 1-10.5 (over the 8 s target), moves 10.5-12 with the box 10.5-11.5.
CHAPTERS = [
    ("alpha", 14.0, "lt(t,2)+between(t,8,10)", "between(t,2,8)",
     [("opening", 0, 5), ("closing", 5, 14)],
     [(0.5, 1.8, "moves"), (3.0, 7.5, "still, box at its end"), (8.5, 9.5, "moves again"),
      (11.0, 13.0, "still, clear")]),
    ("beta", 12.0, "lt(t,1)+gte(t,10.5)", "between(t,10.5,11.5)",
     [("only", 0, 12)], [(2.0, 9.0, "long still"), (10.6, 12.0, "moves, box gone at end")]),
]


@pytest.fixture(scope="module")
def build(tmp_path_factory) -> Path:
    """A build folder laid out like ``python -m lecture render`` writes it."""
    out = tmp_path_factory.mktemp("build")
    (out / "chapters").mkdir()
    chapters, clips, cues, t = [], [], [], 0.0
    for n, (slug, dur, moving, box, beats, caps) in enumerate(CHAPTERS, 1):
        file = f"chapters/{n:02d}-{slug}.mp4"
        _video(out / file, dur, moving, box)
        chapters.append({"number": n, "slug": slug, "title": slug.title(), "start": t,
                         "end": t + dur, "duration": dur, "file": file, "clips": []})
        for i, (beat, a, b) in enumerate(beats, 1):
            clips.append({"chapter": slug, "chapter_number": n, "number": i, "beat": beat,
                          "file": f"clips/{n:02d}-{slug}/{i:02d}-{beat}.mp4", "start": a,
                          "end": b, "lecture_start": t + a, "lecture_end": t + b, "notes": []})
        cues += [media.Cue(a + t, b + t, text) for a, b, text in caps]
        t += dur
    media.write_json(out / "chapters.json", chapters)
    media.write_json(out / "clips" / "index.json", clips)
    media.write_text(out / "lecture.srt", media.format_srt(cues))
    return out


def lecture(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "lecture", *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=60)


@pytest.fixture(scope="module")
def audited(build, tmp_path_factory) -> tuple[subprocess.CompletedProcess, dict]:
    out = tmp_path_factory.mktemp("report") / "audit.json"
    run = lecture("audit", "--out", str(build), "--json", str(out))
    assert run.returncode == 0, run.stderr
    return run, json.loads(out.read_text())


def test_finds_exactly_the_holds(audited):
    _, report = audited
    alpha, beta = report["chapters"]
    assert [[pytest.approx(x, abs=FRAME + 1e-6) for x in span] for span in alpha["freezes"]] \
        == [[2.0, 8.0], [10.0, 14.0]]
    assert [[pytest.approx(x, abs=FRAME + 1e-6) for x in span] for span in beta["freezes"]] \
        == [[1.0, 10.5]]
    assert [(h["beat"], h["over_target"]) for h in alpha["holds"]] == [("opening", False)]
    assert [(h["beat"], h["over_target"]) for h in beta["holds"]] == [("only", True)]
    assert alpha["longest_hold"] == pytest.approx(6.0, abs=2 * FRAME)
    assert beta["longest_hold"] == pytest.approx(9.5, abs=2 * FRAME)
    assert report["lecture"]["holds_over"] == 2


def test_frozen_share_within_two_frames(audited):
    _, report = audited
    alpha, beta = report["chapters"]
    assert alpha["frozen_seconds"] == pytest.approx(10.0, abs=2 * FRAME)
    assert beta["frozen_seconds"] == pytest.approx(9.5, abs=2 * FRAME)
    assert report["lecture"]["frozen_share"] == pytest.approx(19.5 / 26, abs=4 * FRAME / 26)
    assert [b["frozen_share"] for b in alpha["beats"]] == [
        pytest.approx(3 / 5, abs=0.03), pytest.approx(7 / 9, abs=0.03)]


def test_still_captions_and_band_hits(audited):
    _, report = audited
    alpha, beta = report["chapters"]
    assert [c["still"] for c in alpha["captions"]] == [False, True, False, True]
    assert [c["still"] for c in beta["captions"]] == [True, False]
    # the box spans rows 165-175 of 180: it reaches 15/27 of the 1.2-unit band
    assert [c["last_frame_band"] > 0 for c in alpha["captions"]] == [False, True, False, False]
    assert alpha["captions"][1]["last_frame_band"] == pytest.approx(15 / 27 * 1.2, abs=0.05)
    assert [(h["start"], h["caption_ends"]) for h in alpha["band_hits"]] == [
        (pytest.approx(2.0, abs=FRAME + 1e-6), 1)]
    assert alpha["band_hits"][0]["end"] == pytest.approx(8.0, abs=2 * FRAME)
    assert alpha["band_frames"] == pytest.approx(60, abs=2)
    assert [(h["start"], h["caption_ends"]) for h in beta["band_hits"]] == [
        (pytest.approx(10.5, abs=FRAME + 1e-6), 0)]
    assert beta["band_frames"] == pytest.approx(10, abs=2)


def test_targets_marked_and_table_printed(audited):
    run, report = audited
    alpha, beta = report["chapters"]
    assert alpha["violations"] == ["> 60% frozen", "content in the band at a caption's end"]
    assert beta["violations"] == ["hold > 8 s", "> 60% frozen"]
    lines = run.stdout.splitlines()
    row = next(x for x in lines if x.startswith("02 beta"))
    assert "9.5 s !" in row and "79% !" in row and "1/2" in row
    assert any(x.startswith("lecture") and "26.0 s" in x for x in lines)
    assert sum("alpha" in x and "opening" in x for x in lines) == 2  # one hold, one band run
    progress = [x for x in run.stderr.splitlines() if x.startswith("audit: [")]
    assert len(progress) == 2


def test_hold_threshold_and_stamp_captions(build, tmp_path):
    """--hold lists shorter holds; without lecture.srt the build's stamps give the captions."""
    copy = tmp_path / "b"
    (copy / ".work" / "stamps").mkdir(parents=True)
    for name in ("chapters.json", "chapters/02-beta.mp4"):
        media.copy_file(build / name, copy / name)
    media.write_json(copy / ".work" / "stamps" / "beta.json",
                     {"cues": [[2.0, 9.0, "long still"]]})
    report = audit.run(copy, hold=3.0, only=["beta"], progress=None)
    (beta,) = report["chapters"]
    assert [c["still"] for c in beta["captions"]] == [True]
    assert beta["holds_over"] == 1 and beta["holds"][0]["beat"] == ""
    report = audit.run(build, hold=3.0, only=["alpha"], progress=None)
    assert [h["beat"] for h in report["chapters"][0]["holds"]] == ["opening", "closing"]


def test_partial_build_audited_from_stamps(build, tmp_path):
    """``render --only`` writes no chapters.json: the audit reads the chapters it built (those
    whose video exists) from the stamps, with their beats and captions, in chapter time."""
    copy = tmp_path / "b"
    media.copy_file(build / "chapters/02-beta.mp4", copy / "chapters/02-beta.mp4")
    stamps = copy / ".work" / "stamps"
    media.write_json(stamps / "beta.json", {
        "number": 2, "slug": "beta", "title": "Beta", "file": "chapters/02-beta.mp4",
        "duration": 12.0, "cues": [[2.0, 9.0, "long still"]],
        "sections": [{"number": 1, "beat": "only", "start": 0.0, "end": 12.0}]})
    media.write_json(stamps / "alpha.json", {  # stamped but its video is gone: not audited
        "number": 1, "slug": "alpha", "title": "Alpha", "file": "chapters/01-alpha.mp4",
        "duration": 14.0, "cues": [], "sections": []})
    report = audit.run(copy, progress=None)
    (beta,) = report["chapters"]
    assert beta["slug"] == "beta" and beta["start"] == 0.0
    assert [c["still"] for c in beta["captions"]] == [True]
    assert [h["beat"] for h in beta["holds"]] == ["only"]


@pytest.mark.parametrize("layout, says", [
    (None, "no build folder"),
    ({}, "not a built lecture"),
    ({"chapters.json": "[{\"slug\": \"x\", \"file\": \"chapters/01-x.mp4\"}]"},
     "chapter video missing: chapters/01-x.mp4"),
    ({"chapters.json": "[{\"slug\": \"x\", \"file\": \"x.mp4\", \"start\": 0, \"end\": 1,"
                       " \"duration\": 1, \"number\": 1, \"title\": \"X\"}]",
      "x.mp4": "not a video"}, "ffprobe cannot read"),
])
def test_bad_build_folder_exits_2_with_one_line(tmp_path, layout, says):
    folder = tmp_path / "build"
    if layout is not None:
        folder.mkdir()
        for name, text in layout.items():
            (folder / name).write_text(text)
    run = lecture("audit", "--out", str(folder))
    assert run.returncode == 2
    assert says in run.stderr and len(run.stderr.strip().splitlines()) == 1, run.stderr


def test_unwritable_json_exits_2_before_decoding(build, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    run = lecture("audit", "--out", str(build), "--json", str(blocker / "audit.json"))
    assert run.returncode == 2 and "--json" in run.stderr, run.stderr
    assert len(run.stderr.strip().splitlines()) == 1 and "audit: [" not in run.stdout
