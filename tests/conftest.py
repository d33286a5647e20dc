"""pytest options that manim's frames_comparison needs, and shared fixtures."""

from __future__ import annotations

import os

import pytest

# Tests narrate silently (captions last their reading time) unless a test picks a voice itself:
# the lecture's default voice, Kokoro, would make every dry run synthesize speech. Builds the
# tests start inherit it too; the voice tests set LECTURE_VOICE=flite or kokoro explicitly.
os.environ.setdefault("LECTURE_VOICE", "none")

# In CI hypothesis draws the same examples every run, so a red run can be rerun and read;
# locally it keeps exploring new ones.
if os.environ.get("CI"):
    from hypothesis import settings

    settings.register_profile("ci", derandomize=True, deadline=None)
    settings.load_profile("ci")


def pytest_addoption(parser: pytest.Parser) -> None:
    # manim's frames_comparison reads these two options (manim's own conftest defines them).
    parser.addoption(
        "--set_test",
        action="store_true",
        default=False,
        help="regenerate the control frames in tests/control_data (on purpose, then review)",
    )
    parser.addoption(
        "--show_diff", action="store_true", default=False, help="show a frame diff on failure"
    )


@pytest.fixture(autouse=True, scope="session")
def _repo_root_cwd():
    """Run from the repository root so manim finds manim.cfg and the shared media folder."""
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    old = os.getcwd()
    os.chdir(root)
    yield
    os.chdir(old)


@pytest.fixture(autouse=True)
def _allow_this_cairo(monkeypatch):
    """Run the control-frame tests on this machine's cairo (1.16) instead of skipping them.

    manim's ``frames_comparison`` skips below cairo 1.18 because manim's own control frames were
    made with 1.18; ours are made and compared on the same system cairo (Debian 12's 1.16).
    """
    from manim.utils.testing import frames_comparison

    monkeypatch.setattr(frames_comparison, "MIN_CAIRO_VERSION", 0)
