"""Checks that hold for every chapter: it never imports the builder, it reads the one chapter
list, and it speaks to the viewer (rule 13 of the chapter standard).

Rule 13: the viewer has not read the lecture's source text, so no caption or on-screen string
may refer to it ("the seed", "our source", "corrected words"); a wrong claim is introduced as
"a common claim is ..." and then shown wrong.
"""

from __future__ import annotations

import ast
import importlib
import re
from pathlib import Path

import numpy as np
import pytest
from manim import Text, config
from manim.utils.module_ops import scene_classes_from_file

from lecture import manifest
from lecture.manifest import CHAPTERS
from lecture.stamps import write_chapter_list
from scenes import chapters, style
from tests.chapter_tools import run_dry

ROOT = Path(__file__).resolve().parent.parent
FORBIDDEN = re.compile(r"\bseed\b|\bour source\b|\bthe source\b|\bsource text\b|"
                       r"\bcorrected words\b", re.IGNORECASE)


def shown_strings(path: Path) -> list[str]:
    """Every string literal in a scene file that could be words for the viewer: not docstrings,
    not one-word keys such as ``"seed"`` for a random generator."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docs = {id(node.body[0].value) for node in ast.walk(tree)
            if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef)
            and node.body and isinstance(node.body[0], ast.Expr)
            and isinstance(node.body[0].value, ast.Constant)}
    return [n.value for n in ast.walk(tree)
            if isinstance(n, ast.Constant) and isinstance(n.value, str) and " " in n.value
            and id(n) not in docs]


def test_the_check_finds_a_mention(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text('"""Doc: the seed is fine here."""\nsay(s, "The seed text says so.")\n')
    assert [s for s in shown_strings(bad) if FORBIDDEN.search(s)] == ["The seed text says so."]


@pytest.mark.parametrize("chapter", CHAPTERS, ids=[c.slug for c in CHAPTERS])
def test_no_chapter_refers_the_viewer_to_the_source(chapter):
    hits = [s for s in shown_strings(chapter.path) if FORBIDDEN.search(s)]
    assert hits == []


@pytest.mark.parametrize("chapter", CHAPTERS, ids=[c.slug for c in CHAPTERS])
def test_chapter_never_imports_the_builder(chapter):
    tree = ast.parse(chapter.path.read_text(encoding="utf-8"))
    imported = [a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names]
    imported += [n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)]
    assert not [m for m in imported if m == "lecture" or m.startswith("lecture.")]


@pytest.mark.parametrize("chapter", CHAPTERS, ids=[c.slug for c in CHAPTERS])
def test_chapter_imports_no_other_chapter(chapter):
    """A chapter stands on its own: what two chapters share (the worked examples the recap
    replays) lives in scenes/examples.py, below both."""
    tree = ast.parse(chapter.path.read_text(encoding="utf-8"))
    imported = [a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names]
    imported += [n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)]
    imported += [f"scenes.{a.name}" for n in ast.walk(tree)
                 if isinstance(n, ast.ImportFrom) and n.module == "scenes" for a in n.names]
    others = {f"scenes.{c.path.stem}" for c in CHAPTERS} - {f"scenes.{chapter.path.stem}"}
    assert not [m for m in imported if m in others]


def test_scenes_and_builder_read_one_chapter_list(monkeypatch):
    monkeypatch.delenv(chapters.ENV, raising=False)
    assert chapters.chapter_list() == [(c.slug, c.title) for c in CHAPTERS]
    assert [chapters.number(c.slug) for c in CHAPTERS] == list(range(1, len(CHAPTERS) + 1))
    assert manifest.load(None) == CHAPTERS
    with pytest.raises(ValueError, match="'nope'"):
        chapters.number("nope")


def test_a_build_of_another_list_numbers_the_title_cards_its_way(tmp_path, monkeypatch):
    """The builder writes the list it builds and names it in LECTURE_CHAPTERS for each render;
    the scenes read their number and title from it (quotes and accents survive)."""
    other = (manifest.Chapter("recap", "scenes/recap.py", "Scorecard", 'The "last" word'),
             manifest.Chapter("intro", "scenes/intro.py", "LectureOpening", "Début"))
    path = write_chapter_list(other, tmp_path / "chapters.toml")
    monkeypatch.setenv(chapters.ENV, str(path))
    assert chapters.chapter_list() == [("recap", 'The "last" word'), ("intro", "Début")]
    assert chapters.number("intro") == 2 and chapters.title("recap") == 'The "last" word'


def test_lecture_title_comes_from_the_manifest(tmp_path):
    assert manifest.lecture_title() == "L1 vs L2: norms and regularization"
    plain = tmp_path / "m.toml"
    plain.write_text('[[chapter]]\nslug = "a"\nfile = "a.py"\nscene = "A"\ntitle = "First"\n')
    assert manifest.lecture_title(str(plain)) == "First"  # no title: the first chapter's
    assert manifest.lecture_title("lecture.manifest:CHAPTERS") == CHAPTERS[0].title
    bad = tmp_path / "bad.toml"
    bad.write_text('title = 3\n' + plain.read_text())
    with pytest.raises(ValueError, match="title must be one line of text"):
        manifest.load(str(bad))


@pytest.mark.parametrize("chapter", CHAPTERS, ids=[c.slug for c in CHAPTERS])
def test_manim_finds_exactly_the_chapter_scene(chapter):
    """Loaded by path as ``manim scenes/<slug>.py`` loads it (an absolute path, so the module
    it makes cannot replace ``scenes.<slug>``): one scene, the manifest's, so manim never asks
    which to render; the shared base class in scenes/chapter.py is not offered."""
    found = scene_classes_from_file(chapter.path.resolve(), full_list=True)
    assert [c.__name__ for c in found] == [chapter.scene]


def _boxes(scene) -> tuple[list[tuple[float, float, float, float, str]], float]:
    """Every top-level mobject's box (left, right, bottom, top, type) and the smallest text
    size on screen."""
    boxes = [(m.get_left()[0], m.get_right()[0], m.get_bottom()[1], m.get_top()[1],
              type(m).__name__) for m in scene.mobjects if m.width > 0 or m.height > 0]
    sizes = [f._font_size * f.height / f.initial_height
             for m in scene.mobjects for f in m.get_family()
             if isinstance(f, Text) and f.initial_height > 0]
    return boxes, min(sizes, default=np.inf)


def _layout_probe(cls: type) -> type:
    """The chapter as it is, recording what is on screen at the end of every beat."""

    class Probe(cls):
        def setup(self):
            super().setup()
            self.layouts, self._beat = {}, None

        def _record(self):
            if self._beat is not None:
                self.layouts[self._beat] = _boxes(self)

        def next_section(self, name: str = "unnamed", *args, **kwargs):
            self._record()
            self._beat = name
            super().next_section(name, *args, **kwargs)

        def construct(self):
            super().construct()
            self._record()

    return Probe


@pytest.mark.parametrize("chapter", CHAPTERS, ids=[c.slug for c in CHAPTERS])
def test_every_beat_ends_inside_the_margins_clear_of_the_caption_band(chapter):
    """Rules 6 and 11 at the end of every beat: inside the frame with its margin, nothing in
    the caption-safe band (the bottom 1.2 units), no text smaller than the house's small size.
    (The motion audit checks every frame of a real render; this checks the layout, quickly.)"""
    cls = getattr(importlib.import_module(f"scenes.{chapter.path.stem}"), chapter.scene)
    # 1 fps: a dry run still steps every play frame by frame with its updaters; at 1 fps
    # every play still ends on its last frame (the layout checked), at a fifth of the cost
    scene = run_dry(_layout_probe(cls), frame_rate=1)
    half_w = config.frame_width / 2 - style.EDGE + 0.02
    half_h = config.frame_height / 2 - style.EDGE + 0.02
    assert scene.layouts, "no beats recorded"
    bad = []
    for beat, (boxes, smallest) in scene.layouts.items():
        for left, right, bottom, top, kind in boxes:
            if not (-half_w <= left and right <= half_w and style.FLOOR - 0.02 <= bottom
                    and top <= half_h):
                bad.append(f"{beat}: {kind} at x {left:.2f}..{right:.2f}, "
                           f"y {bottom:.2f}..{top:.2f}")
        if smallest < style.SMALL_SIZE - 0.01:
            bad.append(f"{beat}: text at size {smallest:.1f}")
    assert not bad, "\n".join(bad)
