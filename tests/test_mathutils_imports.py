"""mathutils is pure numpy/scipy: importing it must not import manim."""

import subprocess
import sys


def test_import_does_not_pull_in_manim():
    code = "import sys, mathutils; print('manim' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_public_api_names_exist():
    import mathutils

    for name in mathutils.__all__:
        assert hasattr(mathutils, name), name
