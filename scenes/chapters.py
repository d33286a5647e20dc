"""The lecture's chapter list as the scenes see it: each chapter's number and title.

The list is plain data, ``chapters.toml`` beside this file, which the builder reads too (as its
default manifest), so scenes never import the builder. A build of another chapter list names
its TOML file in the environment variable ``LECTURE_CHAPTERS``: then a title card shows the
number the chapter has in that lecture, the same number its file names carry.
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path

ENV = "LECTURE_CHAPTERS"
DEFAULT = Path(__file__).resolve().with_name("chapters.toml")


def chapter_list() -> list[tuple[str, str]]:
    """``(slug, title)`` of every chapter, in lecture order."""
    path = Path(os.environ.get(ENV) or DEFAULT)
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return [(c["slug"], c["title"]) for c in data["chapter"]]


def number(slug: str) -> int:
    """The chapter's 1-based place in the lecture; ValueError naming the slug if absent."""
    slugs = [s for s, _ in chapter_list()]
    if slug not in slugs:
        raise ValueError(f"chapter {slug!r} is not in the chapter list; add it to {DEFAULT}")
    return slugs.index(slug) + 1


def title(slug: str) -> str:
    """The chapter's title as the viewer sees it."""
    return chapter_list()[number(slug) - 1][1]
