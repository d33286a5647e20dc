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


def load(spec: str | None = None) -> tuple[Chapter, ...]:
    """The chapter list named by ``spec``: None means this module's :data:`CHAPTERS`.

    ``spec`` is either a TOML file with ``[[chapter]]`` tables (keys ``slug``, ``file``,
    ``scene``, ``title``; ``file`` relative to the TOML file) or ``package.module:ATTR``
    naming a sequence of :class:`Chapter`. Raises ValueError with a one-line reason.
    """
    if spec is None:
        return CHAPTERS
    if spec.endswith(".toml") or Path(spec).is_file():
        return _load_toml(Path(spec))
    module, sep, attr = spec.partition(":")
    if not sep or not module or not attr:
        raise ValueError(f"manifest {spec!r} is neither a .toml file nor 'module:ATTR'")
    import importlib

    try:
        chapters = getattr(importlib.import_module(module), attr)
    except (ImportError, AttributeError) as exc:
        raise ValueError(f"cannot load manifest {spec!r}: {exc}") from None
    chapters = tuple(chapters)
    _check(chapters, spec)
    return chapters


def _load_toml(path: Path) -> tuple[Chapter, ...]:
    import tomllib

    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ValueError(f"cannot read manifest {str(path)!r}: {exc}") from None
    base = path.resolve().parent
    chapters = []
    for i, entry in enumerate(data.get("chapter", [])):
        try:
            slug, file, scene, title = (str(entry[k]) for k in ("slug", "file", "scene", "title"))
        except KeyError as exc:
            raise ValueError(f"manifest {str(path)!r}: chapter {i + 1} lacks {exc}") from None
        chapters.append(Chapter(slug, str((base / file).resolve()), scene, title))
    chapters = tuple(chapters)
    _check(chapters, str(path))
    return chapters


def _check(chapters: tuple[Chapter, ...], where: str) -> None:
    if not chapters or not all(isinstance(c, Chapter) for c in chapters):
        raise ValueError(f"manifest {where!r} holds no chapters")
    slugs = [c.slug for c in chapters]
    if len(set(slugs)) != len(slugs):
        raise ValueError(f"manifest {where!r} repeats a slug")
