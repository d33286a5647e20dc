"""Building blocks every chapter uses: title card, narration, axes, readouts, labels.

Nothing here computes mathematics: values come from ``mathutils`` and are passed in.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UL,
    UP,
    UR,
    Animation,
    Axes,
    DecimalNumber,
    FadeIn,
    FadeOut,
    GrowFromCenter,
    Line,
    MathTex,
    Mobject,
    Scene,
    Succession,
    SurroundingRectangle,
    Text,
    VGroup,
    VMobject,
    Write,
    config,
)

from . import narration, style


def say(scene: Scene, text: str, *animations: Animation, run_time: float | None = None,
        span: bool = False) -> None:
    """Narrate ``text`` (spoken and captioned) while playing ``animations``, then wait until the
    sentence is done.

    The caption stays up for ``max(speech, run_time)``: the spoken sentence (or its reading
    time when the voice is off; see :mod:`scenes.narration`). With ``span`` the animations
    last the whole sentence (at least ``run_time``), so a motion fills the words describing
    it. Without animations the scene waits for the sentence. This is the one way chapters
    narrate, so captions, voice and timing stay consistent.
    """
    need = narration.speak_caption(scene, text)
    rt = run_time if run_time is not None else (0.0 if span else style.NORMAL)
    if span:
        rt = max(rt, need)
    scene.add_subcaption(text, duration=max(need, rt if animations else (run_time or 0.0)))
    if animations:
        scene.play(*animations, run_time=rt)
        if need > rt:
            scene.wait(need - rt)
    else:
        scene.wait(need)


def label(text: str, size: int = style.LABEL_SIZE, color=style.TEXT) -> Text:
    """Plain on-screen text in the house font."""
    return Text(text, font=style.FONT, font_size=size, color=color)


def tex(*parts: str, size: int = style.LABEL_SIZE, color=style.TEXT) -> MathTex:
    """A formula in the house size."""
    return MathTex(*parts, font_size=size, color=color)


def title_card(number: int, title: str, question: str) -> VGroup:
    """The chapter title card: a chapter number, the title and the question it answers."""
    num = label(f"Chapter {number}", style.LABEL_SIZE, style.MUTED)
    head = label(title, style.TITLE_SIZE)
    rule = Line(LEFT, RIGHT, color=style.HIGHLIGHT, stroke_width=3)
    q = label(question, style.BODY_SIZE, style.TEXT)
    card = VGroup(num, head, rule, q).arrange(DOWN, buff=style.GAP)
    rule.stretch_to_fit_width(max(head.width, q.width))
    fit_width(card)
    return card


def show_title(scene: Scene, number: int, title: str, question: str, narration: str) -> VGroup:
    """Play the title card with its narration and leave it on screen; returns it.

    The card builds while the opening is spoken: number and title first, then the rule, then
    the question written out over the rest of the sentence, so the card is never a still
    picture under the voice (rule 10)."""
    card = title_card(number, title, question)
    num, head, rule, q = card
    say(scene, narration,
        Succession(FadeIn(VGroup(num, head), shift=0.3 * UP, run_time=style.NORMAL),
                   GrowFromCenter(rule, run_time=style.SHORT),
                   Write(q, run_time=4 * style.NORMAL)),
        span=True)
    return card


def clear(scene: Scene, run_time: float = style.SHORT) -> None:
    """Fade out everything on screen (each beat starts from an empty frame)."""
    if scene.mobjects:
        scene.play(FadeOut(*scene.mobjects), run_time=run_time)


def fit_width(mob: Mobject, margin: float = style.EDGE) -> Mobject:
    """Scale ``mob`` down (never up) so it fits the frame width minus the margins."""
    room = config.frame_width - 2 * margin
    if mob.width > room:
        mob.scale_to_fit_width(room)
    return mob


class AxesGroup(VGroup):
    """What :func:`house_axes` returns: drawn as one group ``(axes, labels)``; place things on
    its ``.axes`` (``c2p``, plotting); its axis names are ``.labels``."""

    def __init__(self, axes: Axes, labels: VGroup) -> None:
        super().__init__(axes, labels)
        self.axes, self.labels = axes, labels


def house_axes(
    x_range: Sequence[float],
    y_range: Sequence[float],
    x_length: float,
    y_length: float,
    x_label: str | None = None,
    y_label: str | None = None,
    numbers: bool = True,
) -> AxesGroup:
    """Axes in the house look, with optional MathTex axis labels; see :class:`AxesGroup`."""
    ax = Axes(
        x_range=list(x_range),
        y_range=list(y_range),
        x_length=x_length,
        y_length=y_length,
        tips=False,
        axis_config={
            "color": style.MUTED,
            "stroke_width": 2,
            "include_numbers": numbers,
            "font_size": style.SMALL_SIZE,
        },
    )
    labels = VGroup()
    if x_label:
        labels.add(tex(x_label, size=style.LABEL_SIZE).next_to(ax.x_axis, RIGHT, buff=style.GAP_S))
    if y_label:
        labels.add(tex(y_label, size=style.LABEL_SIZE).next_to(ax.y_axis, UP, buff=style.GAP_S))
    return AxesGroup(ax, labels)


def readout(
    name_tex: str, value: float, color=style.TEXT, decimals: int = 2, size: int = style.LABEL_SIZE
) -> VGroup:
    """``name = value`` with a DecimalNumber; returns VGroup ``(name, number)``.

    Update it with :func:`set_readout`, which rebuilds glyphs only when the shown digits change
    (``DecimalNumber.set_value`` every frame is the costliest thing in an updater scene).
    """
    name = MathTex(name_tex, "=", font_size=size, color=color)
    num = DecimalNumber(value, num_decimal_places=decimals, font_size=size, color=color)
    num.next_to(name, RIGHT, buff=style.GAP_S)
    return VGroup(name, num)


def set_number(num: DecimalNumber, value: float) -> None:
    """Set a DecimalNumber, left edge kept, skipping the rebuild when the shown digits are
    equal."""
    shown = round(num.get_value(), num.num_decimal_places)
    if round(value, num.num_decimal_places) != shown:
        left = num.get_left()
        num.set_value(value)
        num.move_to(left, aligned_edge=LEFT)


def set_readout(group: VGroup, value: float) -> None:
    """Set a :func:`readout`'s number (see :func:`set_number`)."""
    _name, num = group
    set_number(num, value)


def tag(text: str, color=style.HIGHLIGHT) -> VGroup:
    """A small boxed tag, e.g. "L1 as a loss" or "L1 as a penalty", for a corner of the frame."""
    t = label(text, style.SMALL_SIZE, color)
    box = SurroundingRectangle(t, color=color, buff=0.12, corner_radius=0.08, stroke_width=2)
    return VGroup(box, t)


def write(scene: Scene, mob: Mobject, text: str, run_time: float = style.NORMAL) -> None:
    """Write ``mob`` on screen while narrating ``text``."""
    say(scene, text, Write(mob), run_time=run_time)


def narrate_steps(scene: Scene, text: str, steps, step_time: float | None = None) -> None:
    """Narrate ``text`` over a sequence of plays (one per entry of ``steps``, each a tuple of
    animations lasting ``step_time``), then wait until the sentence is done.

    Without ``step_time`` the steps share the sentence's time evenly, so the motion lasts as
    long as the sentence that describes it.
    """
    need = narration.speak_caption(scene, text)
    if step_time is None:
        step_time = need / max(len(steps), 1)
    total = len(steps) * step_time
    scene.add_subcaption(text, duration=max(need, total))
    for anims in steps:
        scene.play(*anims, run_time=step_time)
    if need > total:
        scene.wait(need - total)


_WORDS = ("zero one two three four five six seven eight nine ten eleven twelve thirteen "
          "fourteen fifteen sixteen seventeen eighteen nineteen twenty").split()


def number_word(n: int) -> str:
    """A small count in words, for narration ("twelve points"); digits beyond twenty."""
    return _WORDS[n] if 0 <= n < len(_WORDS) else str(n)


def fill_tex(template: str, *values) -> str:
    """Put ``values`` into the ``#`` slots of a LaTeX template, in order (no brace escaping)."""
    parts = template.split("#")
    if len(parts) != len(values) + 1:
        raise ValueError(f"template has {len(parts) - 1} slots, got {len(values)} values")
    return parts[0] + "".join(f"{v}{p}" for v, p in zip(values, parts[1:], strict=True))


def header(text: str, tag_text: str) -> VGroup:
    """A beat's heading (top left) and its tag, e.g. "L1 vs L2 as a loss" (top right)."""
    head = label(text, style.HEADING_SIZE).to_corner(UL, buff=style.EDGE)
    badge = tag(tag_text).to_corner(UR, buff=style.EDGE)
    badge.match_y(head)
    return VGroup(head, badge)


# ---- drawing precomputed data on axes (no maths: the numbers come from mathutils) ----------
def scene_points(ax: Axes, xs, ys) -> np.ndarray:
    """Scene points of the data points (xs[i], ys[i]) on axes ``ax``, shape (n, 3)."""
    return np.asarray(ax.c2p(np.asarray(xs, float), np.asarray(ys, float))).T.reshape(-1, 3)


def polyline(ax: Axes, xs, ys, color, width: float = 5.0, closed: bool = False) -> VMobject:
    """A polyline through precomputed samples (dense samples look smooth and keep kinks)."""
    pts = scene_points(ax, xs, ys)
    if closed:
        pts = np.vstack([pts, pts[:1]])
    if len(pts) < 2:  # one sample: a zero-length line, so it can still be mutated later
        pts = np.vstack([pts, pts])
    return VMobject(stroke_color=color, stroke_width=width).set_points_as_corners(pts)


def clip_line(intercept: float, slope: float, x_range, y_range) -> tuple[float, ...]:
    """End points (x0, y0, x1, y1) of y = intercept + slope x inside the box x_range × y_range."""
    lo, hi = float(x_range[0]), float(x_range[1])
    if slope != 0.0:
        xa = (y_range[0] - intercept) / slope
        xb = (y_range[1] - intercept) / slope
        lo, hi = max(lo, min(xa, xb)), min(hi, max(xa, xb))
    if hi <= lo:  # the line misses the box: park a point on its edge
        hi = lo + 1e-6
    return lo, intercept + slope * lo, hi, intercept + slope * hi


def fit_line(ax: Axes, intercept: float, slope: float, x_range, y_range, color,
             width: float = 5.0) -> Line:
    """A fitted line drawn inside the axes' box (see :func:`clip_line`)."""
    x0, y0, x1, y1 = clip_line(intercept, slope, x_range, y_range)
    return Line(ax.c2p(x0, y0), ax.c2p(x1, y1), color=color, stroke_width=width)


def move_line(line: Line, ax: Axes, intercept: float, slope: float, x_range, y_range) -> None:
    """Move a :func:`fit_line` to another line in place (no new mobject per frame)."""
    x0, y0, x1, y1 = clip_line(intercept, slope, x_range, y_range)
    line.put_start_and_end_on(ax.c2p(x0, y0), ax.c2p(x1, y1))


def fits_legend(across: bool = False) -> VGroup:
    """Line swatches naming the two fits, least squares (L2) and least absolute deviations (L1),
    stacked (default) or side by side (``across=True``)."""
    rows = VGroup()
    for color, text in ((style.L2, "least squares (L2)"), (style.L1, "least absolute dev. (L1)")):
        swatch = Line(0.25 * LEFT, 0.25 * RIGHT, color=color, stroke_width=5)
        rows.add(VGroup(swatch, label(text, style.SMALL_SIZE, color)).arrange(
            RIGHT, buff=style.GAP_S))
    if across:
        return rows.arrange(RIGHT, buff=style.GAP_L)
    return rows.arrange(DOWN, aligned_edge=LEFT, buff=style.GAP_S)


def drive(scene: Scene, members: Sequence[Mobject], follow: Callable) -> VGroup:
    """Group the mobjects ``follow`` mutates and put the updater on that group.

    manim redraws every frame only mobjects that animate or carry an updater; the rest is
    frozen into a static background. So the mutated mobjects are taken out of wherever they
    sit in the scene and re-added as one group carrying ``follow``.
    """
    scene.remove(*members)
    driver = VGroup(*members).add_updater(follow)
    scene.add(driver)
    return driver
