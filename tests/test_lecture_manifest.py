"""Loading a chapter list: every bad manifest is one ValueError line naming what is wrong."""

from __future__ import annotations

import os
import sys
import types
from pathlib import Path

import pytest

from lecture import manifest
from lecture.manifest import CHAPTERS, Chapter

FIXTURES = Path(__file__).resolve().parent / "fixtures"
SHAPES = FIXTURES / "chapters" / "tiny_shapes.py"


def entry(slug='"a"', file=f'"{SHAPES}"', scene='"TinyShapes"', title='"T"', extra="") -> str:
    """One [[chapter]] table; a key given as None is left out."""
    keys = {"slug": slug, "file": file, "scene": scene, "title": title}
    return "[[chapter]]\n" + "".join(f"{k} = {v}\n" for k, v in keys.items() if v is not None) \
        + extra


def load_text(tmp_path: Path, text: str | bytes) -> tuple[Chapter, ...]:
    path = tmp_path / "m.toml"
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return manifest.load(str(path))


@pytest.mark.parametrize("text, says", [
    # the shape of the file
    ("[chapter]\nslug = 'a'\n", "write each chapter as [[chapter]] (double brackets)"),
    ("[chapter.a]\nslug = 'a'\n", "write each chapter as [[chapter]] (double brackets)"),
    ('chapter = "intro"\n', "'chapter' is a str"),
    ("chapter = [1, 2]\n", "chapter 1 is 1, not a [[chapter]] table"),
    ("chapter = []\n", "holds no chapters"),
    ("", "holds no [[chapter]] tables"),
    (entry().replace("[[chapter]]", "[[chapters]]"), "unexpected 'chapters'"),
    ('name = "x"\n' + entry(), "unexpected 'name'"),
    ('title = ["x"]\n' + entry(), "title must be one line of text"),
    ('title = "a\\nb"\n' + entry(), "title must be one line of text"),
    ("[[chapter]\nslug =\n", "invalid TOML"),
    (b'[[chapter]]\ntitle = "caf\xe9"\n', "byte 24 is not UTF-8"),
    # keys and value types
    (entry(slug=None), "chapter 1 lacks slug; a chapter has keys slug, file, scene, title"),
    (entry(title=None), "chapter 1 'a' lacks title"),
    (entry(extra='scnee = "X"\n'), "chapter 1 'a' has unknown key 'scnee'"),
    (entry(slug="1"), "chapter 1: slug must be a non-empty string, not 1"),
    (entry(file="5"), "chapter 1 'a': file must be a non-empty string, not 5"),
    (entry(scene='["A"]'), "scene must be a non-empty string, not ['A']"),
    (entry(title="true"), "title must be a non-empty string, not True"),
    (entry(title='"  "'), "title must be a non-empty string"),
    # slugs: they name files and folders
    (entry(slug='""'), "chapter 1 '': slug must be a non-empty string"),
    (entry(slug='"../../escape"'), "chapter 1 '../../escape': bad slug; a slug is lower-case"),
    (entry(slug='"Intro"'), "'Intro': bad slug"),
    (entry(slug='"-lead"'), "'-lead': bad slug"),
    (entry(slug='"a b"'), "'a b': bad slug"),
    (entry(slug='"."'), "'.': bad slug"),
    (entry(slug='"a\\n"'), "'a\\n': bad slug"),
    (entry(slug='"' + "a" * 65 + '"'), "bad slug"),
    (entry() + entry(), "chapter 2 'a': slug 'a' is already chapter 1; each slug must be unique"),
    # scenes, titles, files
    (entry(scene='"Not A Scene"'), "scene 'Not A Scene' is not a Python class name"),
    (entry(scene='"class"'), "scene 'class' is not a Python class name"),
    (entry(title='"one\\ntwo"'), "holds a line break or control character"),
    (entry(file='"notes.txt"'), "is not a .py scene file"),
    (entry(file='"a\\u0000b.py"'), "is not a .py scene file"),
    (entry(file='"' + "a" * 5000 + '.py"'), "File name too long"),
], ids=lambda v: repr(v)[:40])
def test_bad_toml_manifest_is_one_clear_line(tmp_path, text, says):
    with pytest.raises(ValueError) as err:
        load_text(tmp_path, text)
    message = str(err.value)
    assert says in message
    assert str(tmp_path / "m.toml") in message or "cannot read" in message
    assert "\n" not in message and len(message) < 400


@pytest.mark.parametrize("make, says", [
    (lambda p: p.mkdir(), "it is a folder"),
    (lambda p: os.mkfifo(p), "it is not a regular file"),  # reading it would wait forever
    (lambda p: p.write_bytes(b"#" * (2 << 20)), "it is over 1048576 bytes"),
])
def test_manifest_that_is_not_a_small_file(tmp_path, make, says):
    path = tmp_path / "m.toml"
    make(path)
    with pytest.raises(ValueError, match=f"cannot read manifest .*: {says}; give a .toml"):
        manifest.load(str(path))
    with pytest.raises(ValueError, match="it is not a regular file"):
        manifest.load("/dev/zero")


def test_folder_named_like_a_scene_file(tmp_path):
    (tmp_path / "folder.py").mkdir()
    with pytest.raises(ValueError, match="chapter 1 'a': file .* is a folder"):
        load_text(tmp_path, entry(file='"folder.py"'))


@pytest.mark.parametrize("spec, says", [
    ("no/such/manifest.toml", "cannot read manifest 'no/such/manifest.toml': No such file"),
    ("nocolon", "neither a .toml file nor 'module:ATTR'"),
    ("", "neither a .toml file nor 'module:ATTR'"),
    ("lecture.manifest:", "neither a .toml file nor 'module:ATTR'"),
    ("no_such_module_x:CH", "cannot import 'no_such_module_x' (ModuleNotFoundError"),
    ("lecture.manifest:NOPE", "module 'lecture.manifest' has no attribute 'NOPE'"),
    ("lecture.manifest:ROOT", "is of type PosixPath, not a list or tuple"),
    ("lecture.manifest:present", "is of type function, not a list or tuple"),
    ("raises_at_import:X", "cannot import 'raises_at_import' (ZeroDivisionError: at import)"),
    ("bad_syntax:X", "cannot import 'bad_syntax' (SyntaxError: "),
    ("fake_manifest:NONE", "is of type NoneType"),
    ("fake_manifest:EMPTY", "holds no chapters"),
    ("fake_manifest:MIXED", "item 2 is 'x' of type str, not a lecture.manifest.Chapter"),
    ("fake_manifest:TYPES", "chapter 1: slug must be a non-empty string, not 1"),
    ("fake_manifest:ESCAPE", "chapter 1 '../x': bad slug"),
    ("fake_manifest:TWICE", "chapter 2 'intro': slug 'intro' is already chapter 1"),
])
def test_bad_module_manifest_is_one_clear_line(monkeypatch, tmp_path, spec, says):
    (tmp_path / "raises_at_import.py").write_text("raise ZeroDivisionError('at import')\n")
    (tmp_path / "bad_syntax.py").write_text("def (:\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    fake = types.ModuleType("fake_manifest")
    fake.NONE, fake.EMPTY, fake.MIXED = None, (), [CHAPTERS[0], "x"]
    fake.TYPES = (Chapter(1, 2, 3, 4),)  # type: ignore[arg-type]
    fake.ESCAPE = (Chapter("../x", "scenes/intro.py", "LectureOpening", "t"),)
    fake.TWICE = (CHAPTERS[0], CHAPTERS[0])
    monkeypatch.setitem(sys.modules, "fake_manifest", fake)
    with pytest.raises(ValueError) as err:
        manifest.load(spec)
    assert says in str(err.value) and "\n" not in str(err.value)


def test_good_manifests_load():
    assert manifest.load() == CHAPTERS
    assert manifest.load("lecture.manifest:CHAPTERS") == CHAPTERS
    tiny = manifest.load(str(FIXTURES / "tiny_manifest.toml"))
    assert [c.slug for c in tiny] == ["shapes", "dots"]
    assert tiny[0].path == SHAPES  # relative to the manifest, made absolute


def test_missing_scene_file_and_relative_path_are_fine(tmp_path):
    # A chapter not written yet is listed (and skipped by the builder), not refused.
    (tmp_path / "sub").mkdir()
    chapters = load_text(tmp_path, entry(slug='"part-2"', file='"sub/../later.py"')
                         + entry(slug='"b"', title='"Café, à la carte"'))
    assert chapters[0].path == tmp_path / "later.py" and not chapters[0].path.exists()
    assert chapters[1].title == "Café, à la carte"
