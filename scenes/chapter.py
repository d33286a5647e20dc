"""The base of every chapter scene (itself no chapter): what all eight chapters do alike.

A chapter subclasses :class:`Chapter`, sets ``SLUG``, ``QUESTION`` and ``OPENING`` and lists its
beats in ``construct()``. The base gives the title beat, the one way to open a beat, and the one
way to keep mobjects that updaters change redrawn. manim offers a file's scenes only when they
are defined in that file, so this base class is never offered as a scene to render.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from manim import Mobject, Scene, VGroup

from scenes import chapters, components


class Chapter(Scene):
    """One chapter of the lecture: title beat, beats opened alike, updaters kept drawn."""

    SLUG: str = ""  # the chapter's slug in scenes/chapters.toml (number and title come from it)
    QUESTION: str = ""  # the question the chapter answers, on its title card
    OPENING: str = ""  # the narration over the title card

    def open_beat(self, slug: str, fresh: bool = True) -> None:
        """Start a beat: a new section (one clip, one slide, one control frame), on an empty
        frame unless ``fresh`` is False (a beat that adds to the picture before it)."""
        self.next_section(slug)
        if fresh:
            components.clear(self)

    def title_beat(self) -> VGroup:
        """The title card: chapter number and title from the chapter list, the question, the
        opening narration. Returns the card, left on screen."""
        self.open_beat("title")
        return components.show_title(self, chapters.number(self.SLUG),
                                     chapters.title(self.SLUG), self.QUESTION, self.OPENING)

    def drive(self, members: Sequence[Mobject], follow: Callable) -> VGroup:
        """Keep ``members`` redrawn every frame while ``follow`` (an updater that only looks up
        or interpolates precomputed values) changes them; see :func:`components.drive`."""
        return components.drive(self, members, follow)
