"""mathutils is pure numpy/scipy: no submodule may pull in manim, the scenes or the builder."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import pytest

import mathutils

SUBMODULES = sorted(m.name for m in pkgutil.iter_modules(mathutils.__path__, "mathutils."))


def test_every_submodule_is_listed():
    assert "mathutils.norms" in SUBMODULES and len(SUBMODULES) >= 10


@pytest.mark.parametrize("module", ["mathutils", *SUBMODULES])
def test_importing_pulls_in_no_manim_scenes_or_builder(module):
    # A fresh interpreter: this test process has manim loaded already.
    code = (
        f"import sys, {module}\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('manim', 'scenes', 'lecture')]\n"
        "print(','.join(sorted(bad)))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_public_api_names_exist():
    for name in mathutils.__all__:
        assert hasattr(mathutils, name), name
