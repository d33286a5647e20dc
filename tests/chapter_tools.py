"""Helpers the chapter tests share: run a chapter without video, or render it small."""

from __future__ import annotations

import json
from pathlib import Path

from manim import Scene, tempconfig

# The chapter standard's pace (rule 7): seconds a chapter may run.
PACE = (60.0, 300.0)


def run_dry(scene_cls: type[Scene], **config) -> Scene:
    """Run ``scene_cls.construct()`` with animations skipped and no file written.

    Returns the scene, so a test can read the values it exposed and its subcaptions.
    (manim drops empty sections in a dry run, so read sections with ``render_small``.)
    """
    with tempconfig({"dry_run": True, "disable_caching": True, "quality": "low_quality",
                     **config}):
        scene = scene_cls()
        scene.render()
    return scene


def render_small(scene_cls: type[Scene], media_dir: Path) -> list[dict]:
    """Really render ``scene_cls`` tiny and fast (256x144 at 5 fps) with ``--save_sections``.

    Returns the section index manim wrote (one dict per section, in order).
    """
    with tempconfig({"media_dir": str(media_dir), "pixel_height": 144, "pixel_width": 256,
                     "frame_rate": 5, "save_sections": True, "disable_caching": True,
                     "write_to_movie": True, "progress_bar": "none"}):
        scene = scene_cls()
        scene.render()
    index = next(Path(media_dir).rglob(f"sections/{scene_cls.__name__}.json"))
    return json.loads(index.read_text())


def subcaptions(scene: Scene) -> list[str]:
    """Every narration line the scene added, in order."""
    return [s.content for s in scene.renderer.file_writer.subcaptions]
