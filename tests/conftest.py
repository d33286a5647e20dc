"""pytest options that manim's frames_comparison needs, and shared fixtures."""

from __future__ import annotations

import os

import pytest


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
