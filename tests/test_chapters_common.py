"""Rule 13 of the chapter standard, for every chapter: speak to the viewer.

The viewer has not read the lecture's source text, so no caption or on-screen string may refer
to it ("the seed", "our source", "corrected words"); a wrong claim is introduced as "a common
claim is ..." and then shown wrong.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from lecture.manifest import CHAPTERS

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
