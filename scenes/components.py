"""Building blocks every chapter uses: title card, narration, axes, readouts, labels.

Nothing here computes mathematics: values come from ``mathutils`` and are passed in.
"""

from __future__ import annotations

from collections.abc import Sequence

from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    Animation,
    Axes,
    DecimalNumber,
    Dot,
    FadeIn,
    FadeOut,
    Line,
    MathTex,
    Mobject,
    Scene,
    SurroundingRectangle,
    Text,
    VGroup,
    Write,
    config,
)

from . import style


def reading_time(text: str) -> float:
    """Seconds a viewer needs to read ``text`` at the house narration pace."""
    return max(1.5, len(text.split()) / style.WORDS_PER_SECOND)


def say(scene: Scene, text: str, *animations: Animation, run_time: float | None = None) -> None:
    """Show ``text`` as a subcaption while playing ``animations``, then wait out the reading.

    The caption stays up for ``max(reading time, run_time)``; when there are no animations
    the scene simply waits for the reading time. This is the one way chapters narrate, so
    captions and timing stay consistent.
    """
    need = reading_time(text)
    scene.add_subcaption(text, duration=max(need, run_time or 0.0))
    if animations:
        rt = run_time if run_time is not None else style.NORMAL
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
    """Play the title card with its narration and leave it on screen; returns it."""
    card = title_card(number, title, question)
    say(scene, narration, FadeIn(card, shift=0.3 * UP), run_time=style.NORMAL)
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


def house_axes(
    x_range: Sequence[float],
    y_range: Sequence[float],
    x_length: float,
    y_length: float,
    x_label: str | None = None,
    y_label: str | None = None,
    numbers: bool = True,
) -> VGroup:
    """Axes in the house look, with optional MathTex axis labels.

    Returns a VGroup ``(axes, labels)``; use ``group[0]`` for ``c2p`` and plotting.
    """
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
    return VGroup(ax, labels)


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


def set_readout(group: VGroup, value: float) -> None:
    """Set a :func:`readout`'s number, skipping the rebuild when the shown digits are equal."""
    num: DecimalNumber = group[1]
    shown = round(num.get_value(), num.num_decimal_places)
    if round(value, num.num_decimal_places) != shown:
        left = num.get_left()
        num.set_value(value)
        num.move_to(left, aligned_edge=LEFT)


def labelled_dot(point, text: str, color=style.DATA, direction=UP, size: int = style.SMALL_SIZE):
    """A dot with a small label beside it; returns VGroup ``(dot, label)``."""
    dot = Dot(point, color=color, radius=0.07)
    lab = tex(text, size=size, color=color).next_to(dot, direction, buff=style.GAP_S)
    return VGroup(dot, lab)


def tag(text: str, color=style.HIGHLIGHT) -> VGroup:
    """A small boxed tag, e.g. "L1 as a loss" or "L1 as a penalty", for a corner of the frame."""
    t = label(text, style.SMALL_SIZE, color)
    box = SurroundingRectangle(t, color=color, buff=0.12, corner_radius=0.08, stroke_width=2)
    return VGroup(box, t)


def write(scene: Scene, mob: Mobject, text: str, run_time: float = style.NORMAL) -> None:
    """Write ``mob`` on screen while narrating ``text``."""
    say(scene, text, Write(mob), run_time=run_time)
