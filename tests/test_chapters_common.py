"""Checks that hold for every chapter: it never imports the builder, it reads the one chapter
list, and it speaks to the viewer (rule 13 of the chapter standard).

Rule 13: the viewer has not read the lecture's source text, so no caption or on-screen string
may refer to it ("the seed", "our source", "corrected words"); a wrong claim is introduced as
"a common claim is ..." and then shown wrong.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from manim.utils.module_ops import scene_classes_from_file

from lecture import manifest
from lecture.manifest import CHAPTERS
from lecture.stamps import write_chapter_list
from scenes import chapters

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
