"""The recording script: every spoken sentence with its id, its text and where a take goes.

Written by every complete build (``script.md`` for people, ``script.json`` for tools, in the
output folder) and by ``python -m lecture script`` (say, after recording some takes). The source
is the narration the renders recorded in the chapters' stamps, so the script lists exactly what
the build spoke: chapter, beat, sentence ``chapter/beat/NN``.

Recording a take: record the sentence as a PCM wav at the path the script gives
(``recordings/<chapter>/<beat>/<NN>.wav``), then ``python -m voice accept <id> "<text>"`` marks
it as reading that text; the next build re-renders that chapter with the take. When the caption
changes later, the take is reported stale and the synthetic voice speaks the new text.
"""

from __future__ import annotations

from pathlib import Path

from voice.recordings import SentenceId, find_recording

from . import media
from .manifest import ROOT

ACCEPT = "python -m voice accept"


def _shown(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(ROOT))
    except ValueError:
        return str(path)


def sentences(stamps: list[dict]) -> list[dict]:
    """One entry per spoken sentence of ``stamps`` (in lecture order), with its take's path
    and state: ``"current"``, ``"none"`` or why it is not used."""
    rows = []
    for s in stamps:
        for e in s.get("narration", []):
            sid = SentenceId.parse(e["id"])
            rec = find_recording(sid, e["text"])
            take = "none" if rec is None else ("current" if rec.usable else rec.problem)
            rows.append({"id": e["id"], "chapter": s["slug"], "chapter_number": s["number"],
                         "chapter_title": s["title"], "beat": e["beat"], "index": e["index"],
                         "text": e["text"], "start": e.get("start"),
                         "duration": e.get("duration"), "source": e.get("source"),
                         "take": _shown(sid.wav()), "take_state": take})
    return rows


def write_script(out: Path, stamps: list[dict]) -> tuple[Path, Path]:
    """Write ``out/script.md`` and ``out/script.json`` from the stamps; returns their paths."""
    rows = sentences(stamps)
    md = ["# Recording script", "",
          f"{len(rows)} sentences. Record a take as a PCM wav at the path shown, then mark it "
          f'current with `{ACCEPT} <id> "<text>"`; the next build uses it. A take whose '
          "sentence has changed since is reported stale and not used.", ""]
    for s in stamps:
        mine = [r for r in rows if r["chapter"] == s["slug"]]
        md += [f"## {s['number']}. {s['title']} (`{s['slug']}`)", ""]
        if not mine:
            md += ["No spoken sentence.", ""]
        beat = None
        for r in mine:
            if r["beat"] != beat:
                beat = r["beat"]
                md += [f"### {beat}", ""]
            state = {"current": "take: current", "none": "take: none yet"}.get(
                r["take_state"], "take: NOT USED: " + r["take_state"])
            md += [f"{r['index']}. `{r['id']}`: {r['text']}  ",
                   f"   → `{r['take']}` ({state})", ""]
    media.write_text(out / "script.md", "\n".join(md))
    media.write_json(out / "script.json", rows)
    return out / "script.md", out / "script.json"
