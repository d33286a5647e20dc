"""The ordered list of chapters: the one place the lecture's order and titles are written."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Chapter:
    """One chapter: its slug, scene file, Scene class and the title shown to viewers."""

    slug: str
    file: str
    scene: str
    title: str

    @property
    def path(self) -> Path:
        """Absolute path of the chapter's scene file."""
        return ROOT / self.file


CHAPTERS: tuple[Chapter, ...] = (
    Chapter("intro", "scenes/intro.py", "LectureOpening", "L1 vs L2"),
    Chapter("sparsity", "scenes/sparsity.py", "WhyL1MakesZeros", "Why L1 makes exact zeros"),
    Chapter(
        "geometry", "scenes/geometry.py", "DiamondMeetsEllipse", "Diamond, circle and real data"
    ),
    Chapter(
        "robustness", "scenes/robustness.py", "OutlierTugsTheFit", "Robustness: an outlier tugs"
    ),
    Chapter(
        "stability", "scenes/stability.py", "NudgeMakesTheLineJump", "Stability: a small nudge"
    ),
    Chapter("numeracy", "scenes/numeracy.py", "ManyManhattanPaths", "One line or many paths"),
    Chapter(
        "computation", "scenes/computation.py", "FormulaVersusAlgorithm", "Formula vs algorithm"
    ),
    Chapter("recap", "scenes/recap.py", "Scorecard", "The scorecard"),
)


def present() -> tuple[Chapter, ...]:
    """The chapters whose scene file exists, in lecture order."""
    return tuple(c for c in CHAPTERS if c.path.exists())


def by_slug(slug: str) -> Chapter:
    """The chapter named ``slug``; ValueError listing the valid slugs otherwise."""
    for c in CHAPTERS:
        if c.slug == slug:
            return c
    raise ValueError(f"unknown chapter {slug!r}; choose from {', '.join(c.slug for c in CHAPTERS)}")


def number(slug: str) -> int:
    """The chapter's 1-based position in the lecture."""
    return [c.slug for c in CHAPTERS].index(by_slug(slug).slug) + 1
