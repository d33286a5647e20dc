"""The chapter list a build renders: the lecture's own (``scenes/chapters.toml``) or another
manifest, loaded and checked here."""

from __future__ import annotations

import importlib
import keyword
import os
import re
import tomllib
import unicodedata
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


# The lecture's chapter list is plain data that the scenes read too (scenes/chapters.py), so the
# scenes never import the builder; CHAPTERS, loaded from it, is defined at the end of this module.
DEFAULT = ROOT / "scenes" / "chapters.toml"


def present() -> tuple[Chapter, ...]:
    """The chapters whose scene file exists, in lecture order."""
    return tuple(c for c in CHAPTERS if c.path.exists())


def load(spec: str | None = None) -> tuple[Chapter, ...]:
    """The chapter list named by ``spec``: None means the lecture's own, :data:`DEFAULT`.

    ``spec`` is either a TOML file with ``[[chapter]]`` tables (keys ``slug``, ``file``,
    ``scene``, ``title``; ``file`` relative to the TOML file) or ``package.module:ATTR``
    naming a list or tuple of :class:`Chapter`. Every chapter list is checked here (see
    :func:`_check`), so each consumer gets a usable one or a ValueError of one line that
    names the manifest, the chapter and its slug.
    """
    if spec is None:
        chapters, where = CHAPTERS, str(DEFAULT.relative_to(ROOT))
    elif spec.endswith(".toml") or "/" in spec or (spec and _exists(spec)):
        chapters, where = _load_toml(Path(spec)), spec
    else:
        chapters, where = _load_module(spec), spec
    _check(chapters, where)
    return chapters


KEYS = ("slug", "file", "scene", "title")
MAX_BYTES = 1 << 20  # a manifest is a short text file
# A slug names files and folders (chapters/NN-slug.mp4, .work/media/slug): no '/', '.', '..'
# nor over-long names can slip through.
SLUG = re.compile(r"[a-z0-9][a-z0-9-]{0,63}")
SLUG_RULE = ("lower-case letters, digits and hyphens, starting with a letter or digit, "
             "at most 64 characters (e.g. 'intro', 'part-2')")


def _exists(spec: str) -> bool:
    try:
        return Path(spec).exists()
    except OSError:  # e.g. a name too long to be a file: then it is no file
        return False


def _show(value: object) -> str:
    """``repr(value)``, cut short: a message stays one readable line."""
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _load_module(spec: str) -> tuple[Chapter, ...]:
    module, sep, attr = spec.partition(":")
    if not sep or not module or not attr:
        raise ValueError(f"manifest {spec!r} is neither a .toml file nor 'module:ATTR'")
    try:
        mod = importlib.import_module(module)
    except Exception as exc:  # the user's module may fail in any way: report it, no traceback
        raise ValueError(f"manifest {spec!r}: cannot import {module!r} "
                         f"({type(exc).__name__}: {exc})") from None
    if not hasattr(mod, attr):
        raise ValueError(f"manifest {spec!r}: module {module!r} has no attribute {attr!r}")
    chapters = getattr(mod, attr)
    if not isinstance(chapters, (list, tuple)):
        raise ValueError(f"manifest {spec!r} is of type {type(chapters).__name__}, "
                         "not a list or tuple of lecture.manifest.Chapter")
    for i, c in enumerate(chapters, 1):
        if not isinstance(c, Chapter):
            raise ValueError(f"manifest {spec!r}: item {i} is {_show(c)} of type "
                             f"{type(c).__name__}, not a lecture.manifest.Chapter")
    return tuple(chapters)


def _load_toml(path: Path) -> tuple[Chapter, ...]:
    where = f"manifest {str(path)!r}"
    try:
        # Only a regular, small file: /dev/zero or a FIFO would never finish reading.
        size = path.stat().st_size  # OSError if missing
        problem = ("a folder" if path.is_dir() else "not a regular file" if not path.is_file()
                   else f"over {MAX_BYTES} bytes" if size > MAX_BYTES else "")
        if problem:
            raise ValueError(f"cannot read {where}: it is {problem}; give a .toml manifest file")
        data = tomllib.loads(path.read_bytes().decode("utf-8"))
    except OSError as exc:
        raise ValueError(f"cannot read {where}: {exc.strerror or exc}") from None
    except UnicodeDecodeError as exc:
        raise ValueError(f"cannot read {where}: byte {exc.start} is not UTF-8; "
                         "save the file as UTF-8") from None
    except tomllib.TOMLDecodeError as exc:
        raise ValueError(f"cannot read {where}: invalid TOML: {exc}") from None
    entries = data.get("chapter")
    if entries is None or not set(data) <= {"chapter", "title"}:
        other = ", ".join(repr(k) for k in data if k not in ("chapter", "title"))
        raise ValueError(f"{where}: unexpected {other}; a manifest holds [[chapter]] tables and "
                         "an optional title" if other else f"{where} holds no [[chapter]] tables")
    if not isinstance(data.get("title", ""), str) or "\n" in data.get("title", ""):
        raise ValueError(f"{where}: title must be one line of text, not {_show(data['title'])}")
    if isinstance(entries, dict):  # [chapter] or [chapter.x]: a single table
        raise ValueError(f"{where}: write each chapter as [[chapter]] (double brackets), "
                         "not [chapter]")
    if not isinstance(entries, list):
        raise ValueError(f"{where}: 'chapter' is a {type(entries).__name__}; "
                         "write each chapter as a [[chapter]] table")
    base = path.resolve().parent
    chapters = []
    for i, entry in enumerate(entries, 1):
        if not isinstance(entry, dict):
            raise ValueError(f"{where}: chapter {i} is {_show(entry)}, not a [[chapter]] table")
        slug = entry.get("slug")
        label = f"{where}: chapter {i}" + (f" {_show(slug)}" if isinstance(slug, str) else "")
        missing = [k for k in KEYS if k not in entry]
        unknown = [k for k in entry if k not in KEYS]
        if missing or unknown:
            what = f"lacks {', '.join(missing)}" if missing else f"has unknown key {unknown[0]!r}"
            raise ValueError(f"{label} {what}; a chapter has keys {', '.join(KEYS)}")
        file = entry["file"]
        if isinstance(file, str) and file:  # relative to the manifest; _check judges the rest
            file = os.path.normpath(base / file)
        chapters.append(Chapter(slug, file, entry["scene"], entry["title"]))
    return tuple(chapters)


def lecture_title(spec: str | None = None) -> str:
    """The lecture's title (video metadata, deck, page): a TOML manifest's top-level ``title``,
    else its first chapter's title. Call it after :func:`load` has accepted ``spec``."""
    path = DEFAULT if spec is None else Path(spec)
    if spec is None or spec.endswith(".toml") or "/" in spec or _exists(spec):
        title = tomllib.loads(path.read_text(encoding="utf-8")).get("title", "")
        if title.strip():
            return title.strip()
    return load(spec)[0].title


def _check(chapters: tuple[Chapter, ...], where: str) -> None:
    """ValueError naming the manifest, the chapter and its slug unless every chapter is usable."""
    if not chapters:
        raise ValueError(f"manifest {where!r} holds no chapters")
    first_of: dict[str, int] = {}
    for i, c in enumerate(chapters, 1):
        label = f"manifest {where!r}: chapter {i}"
        if isinstance(c.slug, str):
            label += f" {_show(c.slug)}"
        for key in KEYS:
            value = getattr(c, key)
            if not isinstance(value, str) or not value.strip():
                raise ValueError(f"{label}: {key} must be a non-empty string, not {_show(value)}")
        if not SLUG.fullmatch(c.slug):
            raise ValueError(f"{label}: bad slug; a slug is {SLUG_RULE}")
        if c.slug in first_of:
            raise ValueError(f"{label}: slug {c.slug!r} is already chapter {first_of[c.slug]}; "
                             "each slug must be unique")
        first_of[c.slug] = i
        if not c.scene.isidentifier() or keyword.iskeyword(c.scene):
            raise ValueError(f"{label}: scene {_show(c.scene)} is not a Python class name "
                             "(e.g. 'LectureOpening')")
        # A line break would end a subtitle cue or an ffmetadata value early.
        if any(unicodedata.category(ch) in ("Cc", "Zl", "Zp") for ch in c.title):
            raise ValueError(f"{label}: title {_show(c.title)} holds a line break or control "
                             "character; keep it to one line")
        _check_file(c, label)


def _check_file(c: Chapter, label: str) -> None:
    """A chapter's file may be missing (not written yet), but not unusable."""
    if "\0" in c.file or not c.file.endswith(".py"):
        raise ValueError(f"{label}: file {_show(c.file)} is not a .py scene file")
    try:
        if not c.path.exists():
            return
        problem = ("a folder" if c.path.is_dir() else "not a regular file" if not c.path.is_file()
                   else "not readable" if not os.access(c.path, os.R_OK) else "")
    except OSError as exc:  # e.g. a name too long for the file system
        problem = exc.strerror or str(exc)
    if problem:
        raise ValueError(f"{label}: file {_show(c.file)} is {problem}; give its .py scene file")


CHAPTERS: tuple[Chapter, ...] = _load_toml(DEFAULT)
_check(CHAPTERS, str(DEFAULT.relative_to(ROOT)))
