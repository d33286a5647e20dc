"""Chapter: robustness. One outlier tugs the least-squares line; the L1 line holds.

Render it from the repository root:  ``manim -pqh scenes/robustness.py``

Here L1 and L2 are *losses* (least absolute deviations against least squares), not
penalties. Beats (one method each, in order): title, two-losses, outlier-tug, anscombe,
leverage, takeaway. Every number on screen is computed in ``setup()`` by ``mathutils``;
updaters only look values up in (or interpolate between) those precomputed arrays.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    Arrow,
    Axes,
    Circle,
    Create,
    DashedLine,
    DecimalNumber,
    Dot,
    FadeIn,
    FadeOut,
    Flash,
    GrowFromPoint,
    Indicate,
    LaggedStart,
    Line,
    MathTex,
    Polygon,
    Rectangle,
    ReplacementTransform,
    Square,
    Succession,
    Text,
    TransformFromCopy,
    UpdateFromAlphaFunc,
    ValueTracker,
    VGroup,
    VMobject,
    Wait,
    Write,
    config,
    linear,
    smooth,
)

from mathutils import absolute_loss, anscombe, lad_fit, ols_fit, penalty, squared_loss
from mathutils.data import scatter_near_line
from mathutils.lad import FitPath, drag_path, leverage_path
from scenes import style
from scenes.chapter import Chapter
from scenes.components import (
    fit_line,
    fit_width,
    fits_legend,
    header,
    house_axes,
    label,
    move_line,
    narrate_steps,
    number_word,
    polyline,
    readout,
    say,
    set_number,
    set_readout,
    tex,
)
from scenes.examples import TUG, TUG_POINT, TUG_RISE, TUG_STEPS

TAG_TEXT = "L1 vs L2 as a loss"

# ---- the chapter's parameters (every value shown is computed from these by mathutils) ------
SMALL = dict(seed=5, n=6, intercept=1.0, slope=0.5, noise=0.8, x_low=0.5, x_high=9.5)
R_MAX = 3.0  # beat 2: the cost of one residual r over [-R_MAX, R_MAX]
R_MARKS = (1.0, 2.0, 3.0)  # beat 2: residuals whose two costs are marked
# beat 3's data, the point dragged upward, how far and in how many fits (TUG, TUG_POINT,
# TUG_RISE, TUG_STEPS): scenes/examples.py (the recap replays them)
PULL_UNIT = 1.3  # beat 3: the length (in y units) of every point's pull under L1
LEVER_POINT = 0  # beat 5: the point dragged sideways (same data as beat 3) ...
LEVER_TO = 27.0  # ... out to this x ...
LEVER_STEPS = 101  # ... in this many precomputed fits
ANSCOMBE_SET = 3


# ---- small drawing helpers (module-level, no maths) ---------------------------------------


def _dots(ax, xs, ys, color=style.DATA, radius: float = 0.07) -> VGroup:
    pts = (ax.c2p(a, b) for a, b in zip(xs, ys, strict=True))
    return VGroup(*(Dot(p, color=color, radius=radius) for p in pts))


def _drag_parts(ax, path: FitPath, x_range, y_range, radius: float = 0.07,
                mover_radius: float = 0.09, width: float = 5.0):
    """A drag's picture at its first step: (dots, mover, ols, lad), the points that stay, the
    moving point (highlighted) and both fitted lines."""
    others = [i for i in range(len(path.x)) if i != path.moving]
    dots = _dots(ax, path.x[others], path.y[others], radius=radius)
    mover = Dot(ax.c2p(path.xs[0], path.ys[0]), color=style.HIGHLIGHT, radius=mover_radius)
    ols = fit_line(ax, *path.ols_line(0), x_range, y_range, style.L2, width=width)
    lad = fit_line(ax, *path.lad_line(0), x_range, y_range, style.L1, width=width)
    return dots, mover, ols, lad


def _until(at: float):
    """A rate function that runs smoothly to 1 by ``at`` of the play, then holds."""
    return lambda t: smooth(min(1.0, t / at))


def _at(anim, start: float, length: float):
    """Play ``anim`` from share ``start`` of the sentence for share ``length`` of it (a say()
    gives every animation the sentence's run time; a Succession keeps the proportions)."""
    anim.run_time = length
    parts = [Wait(start)] if start > 0 else []
    parts.append(anim)
    if start + length < 1.0:
        parts.append(Wait(1.0 - start - length))
    return Succession(*parts)


def _counting(total: VGroup, running: np.ndarray):
    """An UpdateFromAlphaFunc update showing on the readout ``total`` the running sum
    ``running`` up to the share of the play done."""
    def update(_m, a: float) -> None:
        k = int(min(np.floor(a * len(running)), len(running) - 1))
        set_readout(total, float(running[k]))
    return update


def _arrow(ax, x: float, y0: float, y1: float, side: int, color) -> Arrow:
    """A vertical pull arrow at ``x`` from ``y0`` to ``y1`` (data units), nudged to one side of
    the point; a zero pull keeps a hidden stub so a group of arrows keeps its shape."""
    shift = side * 0.07 * RIGHT  # the two pulls of one point stand side by side
    start = ax.c2p(x, y0) + shift
    end = ax.c2p(x, y1) + shift
    hidden = np.linalg.norm(end - start) < 1e-6
    if hidden:
        end = start + 1e-3 * UP
    arrow = Arrow(start, end, buff=0, color=color, stroke_width=5,
                  max_tip_length_to_length_ratio=0.3, max_stroke_width_to_length_ratio=8)
    if hidden:
        arrow.set_opacity(0.0)
    return arrow


def _share_bar(title: str, color, width: float) -> VGroup:
    """A cost-share bar: title, empty track, fill (a Polygon mutated in place) and a % number."""
    name = label(title, style.SMALL_SIZE, color)
    track = Rectangle(width=width, height=0.4, color=style.MUTED, stroke_width=2)
    track.next_to(name, DOWN, aligned_edge=LEFT, buff=style.GAP_S)
    fill = Polygon(*[track.get_corner(DOWN + LEFT)] * 4, color=color, fill_opacity=0.85,
                   stroke_width=0)
    pct = DecimalNumber(0, num_decimal_places=0, unit=r"\%", font_size=style.LABEL_SIZE,
                        color=color)
    pct.next_to(track, RIGHT, buff=style.GAP_S)
    return VGroup(name, track, fill, pct)


def _set_share(bar: VGroup, share: float) -> None:
    """Fill a :func:`_share_bar` to ``share`` (0..1), updating the number only when it shows."""
    _name, track, fill, pct = bar
    dl, ul = track.get_corner(DOWN + LEFT), track.get_corner(UP + LEFT)
    dx = RIGHT * track.width * max(share, 1e-4)
    fill.set_points_as_corners([dl, dl + dx, ul + dx, ul, dl])
    set_number(pct, 100.0 * share)


def _header(text: str) -> VGroup:
    """The house heading and tag, moved down if its tag box would poke above the top margin
    (a heading without tall letters is shorter than the tag centred on it)."""
    head = header(text, TAG_TEXT)
    over = head.get_top()[1] - (config.frame_height / 2 - style.EDGE)
    if over > 0:
        head.shift(over * DOWN)
    return head


def _equation(name: str, line, color) -> VGroup:
    """``name: y = a + b x`` with the numbers printed from a mathutils Line."""
    head = label(name, style.SMALL_SIZE, color)
    eq = tex(rf"y = {line.intercept:.2f} + {line.slope:.3f}\,x", size=style.BODY_SIZE, color=color)
    return VGroup(head, eq).arrange(DOWN, aligned_edge=LEFT, buff=style.GAP_S)


def _block(color, *lines: str) -> VGroup:
    """A takeaway block: lines of text in one colour, left-aligned."""
    rows = VGroup(*(label(t, style.LABEL_SIZE, color) for t in lines))
    return rows.arrange(DOWN, aligned_edge=LEFT, buff=style.GAP_S)


# ---- the named parts of each beat's picture (built first, then narrated over) --------------
@dataclass
class _Switch:
    """Beat 1's notes under the title card: the loss plus penalty of chapters 2 and 3, then the
    two losses of this chapter, and how far card and notes rise together."""

    loss: MathTex  # the squared loss of before (it becomes least squares' sum)
    plus: MathTex
    penalty: MathTex  # lambda times the norm of w
    was: Text
    l1_sum: MathTex
    l1_name: Text
    l2_sum: MathTex
    l2_name: Text
    miss: MathTex  # what r_i is
    rise: float


@dataclass
class _Residuals:
    """Beat 2's picture: left the small scatter with its line and residuals, right the axes of
    the cost of one residual."""

    panels: VGroup  # the two plots side by side
    left: VGroup  # the scatter's axes with their labels
    ax: Axes
    right: VGroup  # the cost's axes with their labels
    bx: Axes
    line: Line
    dots: VGroup
    segs: VGroup  # each residual as a segment from the line to its point
    squares: VGroup  # each residual's square, standing on the line
    first: int  # the residual named "r" (the longest)
    r_name: MathTex


@dataclass
class _Totals:
    """Beat 2's running totals: both sums, the order residuals are costed in, the running sums,
    and the column of lengths laid end to end."""

    l1: VGroup  # readout of sum |r_i|
    l2: VGroup  # readout of sum r_i^2
    both: VGroup
    order: list[int]
    run1: np.ndarray
    run2: np.ndarray
    column: VGroup
    col_name: MathTex


@dataclass
class _Probe:
    """Beat 2's probe at residual ``r``: its two costs as bars on the r axis and as dots on the
    curves, with readouts; ``follow`` redraws them from ``r``."""

    r: ValueTracker
    bar1: Line
    bar2: Line
    p1: Dot
    p2: Dot
    rr: VGroup
    ra: VGroup
    rs: VGroup
    nums: VGroup  # the three readouts
    follow: Callable


@dataclass
class _Tug:
    """Beat 3's picture: the dozen points with both fits, the legend, the share bars."""

    plot: VGroup
    ax: Axes
    x_range: tuple
    y_range: tuple
    legend: VGroup
    bars: VGroup  # the bars' title and both bars
    l2_bar: VGroup
    l1_bar: VGroup
    dots: VGroup
    mover: Dot
    ols: Line
    lad: Line
    ghosts: VGroup  # both starting lines, dashed


@dataclass
class _Anscombe:
    """Beat 4's picture: set III, both fits and their equations, the note on the other ten."""

    plot: VGroup
    ax: Axes
    ols_eq: VGroup
    lad_eq: VGroup
    note: VGroup
    dots: VGroup
    ring: Circle  # around the outlier
    ols: Line
    lad: Line
    ten: list[int]  # the points other than the outlier


@dataclass
class _Lever:
    """Beat 5's picture: the dozen points in a wide plot, both fits, the plot's box."""

    plot: VGroup
    ax: Axes
    x_range: tuple
    y_range: tuple
    legend: VGroup
    dots: VGroup
    mover: Dot
    ols: Line
    lad: Line
    box: VMobject


class OutlierTugsTheFit(Chapter):
    """Chapter 4: least squares against least absolute deviations when one point goes astray."""

    SLUG = "robustness"
    QUESTION = "What does one bad data point do to each fit?"
    # The bridge from the penalty chapters (geometry ends on penalties): the switch first.
    OPENING = ("Until now L1 and L2 were penalties on the weights; from here on they are losses "
               "on the misses. Robustness asks: how much can one bad data point move the "
               "fitted line?")

    # ------------------------------------------------------------------ numbers (mathutils)
    def setup(self) -> None:
        """Compute every number the chapter shows, before anything is animated."""
        # Beat 2: a small scatter, its least-squares line, each residual costed two ways.
        p = dict(SMALL)
        self.small_x, self.small_y = scatter_near_line(
            np.random.default_rng(p.pop("seed")), **p
        )
        self.small_line = ols_fit(self.small_x, self.small_y)
        self.small_residuals = self.small_y - self.small_line(self.small_x)
        self.small_l1 = absolute_loss(self.small_line, self.small_x, self.small_y)
        self.small_l2 = squared_loss(self.small_line, self.small_x, self.small_y)
        self.r_grid = np.linspace(-R_MAX, R_MAX, 241)
        self.r_costs = {k: penalty(self.r_grid, k) for k in ("l1", "l2")}
        self.r_marks = {k: penalty(np.array(R_MARKS), k) for k in ("l1", "l2")}
        # Beats 3 and 5: a dozen points near a line; one dragged up, then one dragged sideways.
        p = dict(TUG)
        self.tug_x, self.tug_y = scatter_near_line(np.random.default_rng(p.pop("seed")), **p)
        y0 = self.tug_y[TUG_POINT]
        self.tug: FitPath = drag_path(
            self.tug_x, self.tug_y, TUG_POINT, np.linspace(y0, y0 + TUG_RISE, TUG_STEPS)
        )
        # Each point's pull on each fit at every drag step: least squares pulls with the
        # residual, least absolute deviations with its sign only (0 for points on the line).
        T, n = len(self.tug.ys), len(self.tug_x)
        self.tug_r2, self.tug_r1 = np.empty((T, n)), np.empty((T, n))
        for k in range(T):
            xk, yk = self.tug.data_at(k)
            self.tug_r2[k] = yk - self.tug.ols_line(k)(xk)
            self.tug_r1[k] = yk - self.tug.lad_line(k)(xk)
        self.tug_signs = np.where(np.abs(self.tug_r1) < 1e-9, 0.0, np.sign(self.tug_r1))
        x0 = self.tug_x[LEVER_POINT]
        self.lever: FitPath = leverage_path(
            self.tug_x, self.tug_y, LEVER_POINT, np.linspace(x0, LEVER_TO, LEVER_STEPS)
        )
        # Beat 4: Anscombe's set III, both fits, and how close LAD runs to the other ten.
        self.ans_x, self.ans_y = anscombe(ANSCOMBE_SET)
        self.ans_ols = ols_fit(self.ans_x, self.ans_y)
        self.ans_lad = lad_fit(self.ans_x, self.ans_y)
        lad_res = np.abs(self.ans_y - self.ans_lad(self.ans_x))
        self.ans_outlier = int(np.argmax(lad_res))
        self.ans_outlier_residual = float(lad_res[self.ans_outlier])
        self.ans_max_other_residual = float(np.delete(lad_res, self.ans_outlier).max())

    # ------------------------------------------------------------------ table of contents
    def construct(self) -> None:
        """The chapter, beat by beat."""
        self.title_beat()
        self.two_losses()
        self.outlier_tug()
        self.anscombe_beat()
        self.leverage()
        self.takeaway()

    # ------------------------------------------------------------------ beat 1
    def title_beat(self) -> None:
        """The bridge from the penalty chapters: the norm leaves the weights for the misses."""
        card = super().title_beat()
        notes = self._build_switch(card)
        narrate_steps(
            self,
            "Written out: we minimised a squared loss plus a penalty, and the L1 or L2 norm "
            "sat in the penalty, on the weights w.",
            [(card.animate.shift(notes.rise * UP), Write(VGroup(notes.loss, notes.plus))),
             (Write(notes.penalty), FadeIn(notes.was)),
             (Indicate(notes.penalty, color=style.HIGHLIGHT),)],
        )
        narrate_steps(
            self,
            "Now the penalty goes, and the norm moves onto the misses: their lengths give "
            "least absolute deviations, their squares give least squares.",
            [(FadeOut(VGroup(notes.plus, notes.penalty), notes.was),),
             (TransformFromCopy(notes.loss, notes.l1_sum), FadeIn(notes.l1_name),
              Write(notes.miss)),
             # the squared loss of before is least squares itself: it moves to its place
             (ReplacementTransform(notes.loss, notes.l2_sum), FadeIn(notes.l2_name))],
        )

    def _build_switch(self, card: VGroup) -> _Switch:
        """The notes under the title card, placed (already risen) and how far the card rises."""
        # What chapters 2 and 3 minimised: a squared loss on the misses plus a norm of w.
        before = tex(r"\textstyle\sum_i r_i^2", "+", r"\lambda\,\|w\|_p",
                     size=style.HEADING_SIZE)
        loss, plus, penalty_term = before
        penalty_term.set_color(style.HIGHLIGHT)
        was = label("so far: the norm was a penalty on the weights w", style.SMALL_SIZE,
                    style.MUTED)
        top = VGroup(before, was).arrange(RIGHT, buff=style.GAP)
        # What this chapter minimises: the norm of the misses r_i = y_i - (a + b x_i).
        l1_sum = tex(r"\textstyle\sum_i |r_i|", size=style.HEADING_SIZE, color=style.L1)
        l1_name = label("least absolute deviations", style.SMALL_SIZE, style.L1)
        l2_sum = tex(r"\textstyle\sum_i r_i^2", size=style.HEADING_SIZE, color=style.L2)
        l2_name = label("least squares", style.SMALL_SIZE, style.L2)
        l1, l2 = VGroup(l1_sum, l1_name), VGroup(l2_sum, l2_name)
        for pair in (l1, l2):
            pair.arrange(DOWN, buff=style.GAP_S)
        now = VGroup(l1, l2).arrange(RIGHT, buff=style.GAP_L * 2)
        miss = tex(r"r_i = y_i - (a + b\,x_i):\ \text{the miss of point } i",
                   size=style.LABEL_SIZE, color=style.TEXT)
        bottom = VGroup(now, miss).arrange(DOWN, buff=style.GAP)
        notes = VGroup(top, bottom).arrange(DOWN, buff=style.GAP)
        fit_width(notes)
        notes.next_to(card, DOWN, buff=style.GAP)
        # Card and notes rise together so the notes stay above the caption band, the card
        # no higher than the top margin.
        room = config.frame_height / 2 - style.EDGE - card.get_top()[1]
        rise = min(room, max(0.0, style.FLOOR + style.GAP - notes.get_bottom()[1]))
        notes.shift(rise * UP)
        return _Switch(loss, plus, penalty_term, was, l1_sum, l1_name, l2_sum, l2_name, miss,
                       rise)

    # ------------------------------------------------------------------ beat 2
    def two_losses(self) -> None:
        """Residuals costed as squares and as lengths; the cost r² vs |r| of one residual."""
        self.open_beat("two-losses")
        head = _header("Two ways to cost a residual")
        self.add(head)
        fig = self._build_residuals(head)
        narrate_steps(
            self,
            f"{number_word(len(self.small_x)).capitalize()} points and a line through them. "
            "Each point misses the line by a residual r.",
            [(Create(fig.left), FadeIn(fig.dots)), (Create(fig.line),),
             (Create(fig.segs[fig.first]), FadeIn(fig.r_name))],
        )
        totals = self._build_totals(fig)
        self._sum_lengths(fig, totals)
        self._sum_squares(fig, totals)
        self._square_law(fig, totals)
        self._show_costs(fig)
        probe = self._build_probe(fig.bx)
        probe.follow(None)
        self.play(FadeIn(probe.bar1, probe.bar2, probe.p1, probe.p2, probe.nums),
                  run_time=style.SHORT)
        driver = self.drive([probe.bar2, probe.bar1, probe.p1, probe.p2, probe.rr, probe.ra,
                             probe.rs], probe.follow)
        self._slide_probe(fig.bx, probe)
        self._below_one(probe, totals)
        self._not_exponential(fig, probe)
        probe.follow(driver)
        driver.clear_updaters()

    def _build_residuals(self, head: VGroup) -> _Residuals:
        """Left the small scatter with its least-squares line, each residual as a segment and
        as a square on the line; right the axes of the cost of one residual r."""
        x_range, y_range = (0, 10, 2), (0, 7, 1)
        left = house_axes(x_range, y_range, 6.0, 3.7, "x", "y")
        ax = left.axes
        right = house_axes((-R_MAX, R_MAX, 1), (0, R_MAX**2, 3), 5.0, 3.7, "r", None)
        bx = right.axes
        panels = VGroup(left, right).arrange(RIGHT, buff=style.GAP_L, aligned_edge=DOWN)
        panels.next_to(head, DOWN, buff=style.GAP).set_x(0)
        line = fit_line(ax, *self.small_line, x_range, y_range, style.TEXT).set_stroke(width=3)
        dots = _dots(ax, self.small_x, self.small_y)
        segs, squares = VGroup(), VGroup()
        for xi, yi, r in zip(self.small_x, self.small_y, self.small_residuals, strict=True):
            on_line = ax.c2p(xi, yi - r)
            segs.add(Line(on_line, ax.c2p(xi, yi), color=style.L1, stroke_width=5))
            side = abs(ax.c2p(0, abs(r))[1] - ax.c2p(0, 0)[1])
            sq = Square(side, color=style.L2, stroke_width=2, fill_opacity=0.3)
            sq.move_to(on_line, aligned_edge=(DOWN if r > 0 else UP) + LEFT)
            squares.add(sq)
        first = int(np.argmax(np.abs(self.small_residuals)))  # the residual named "r"
        r_name = tex("r", color=style.L1).next_to(segs[first], LEFT, buff=style.GAP_S)
        return _Residuals(panels, left, ax, right, bx, line, dots, segs, squares, first, r_name)

    def _build_totals(self, fig: _Residuals) -> _Totals:
        """Both totals (counting up as each residual's cost is drawn, running sums from setup)
        and the column the lengths are laid in, end to end: the L1 total's own length."""
        tot1 = readout(r"\sum |r_i|", 0.0, color=style.L1)
        tot2 = readout(r"\sum r_i^2", 0.0, color=style.L2)
        both = VGroup(tot1, tot2).arrange(DOWN, aligned_edge=LEFT, buff=style.GAP_S)
        both.align_to(fig.ax, UP).align_to(fig.ax, LEFT).shift(RIGHT * style.GAP_L)
        order = [fig.first] + [i for i in range(len(fig.segs)) if i != fig.first]
        run1 = np.cumsum(np.abs(self.small_residuals[order]))
        run2 = np.cumsum(np.square(self.small_residuals[order]))
        unit = fig.ax.c2p(0, 1)[1] - fig.ax.c2p(0, 0)[1]  # scene length of one y unit
        base = np.array([fig.bx.get_left()[0] + 1.0, fig.ax.c2p(0, 0)[1], 0.0])
        column = VGroup(*(Line(base + UP * unit * (c - abs(self.small_residuals[i])),
                               base + UP * unit * c, color=style.L1, stroke_width=8)
                          for i, c in zip(order, run1, strict=True)))
        col_name = tex(r"\sum |r_i|", color=style.L1).next_to(column, RIGHT, buff=style.GAP_S)
        return _Totals(tot1, tot2, both, order, run1, run2, column, col_name)

    def _sum_lengths(self, fig: _Residuals, totals: _Totals) -> None:
        """Each residual's length drawn and laid in the column while the L1 total counts up."""
        def lay(i: int, k: int):
            draw = [Create(fig.segs[i])] if i != fig.first else []
            return Succession(*draw, TransformFromCopy(fig.segs[i], totals.column[k]))

        say(
            self,
            "The L1 loss costs each residual by its length, the absolute value. "
            "Add them up and you get the total absolute deviation.",
            _at(FadeOut(fig.r_name), 0.0, 0.1), _at(FadeIn(totals.l1), 0.0, 0.1),
            _at(LaggedStart(*(lay(i, k) for k, i in enumerate(totals.order)), lag_ratio=0.5),
                0.1, 0.8),
            _at(UpdateFromAlphaFunc(totals.l1, _counting(totals.l1, totals.run1)), 0.1, 0.8),
            _at(FadeIn(totals.col_name), 0.85, 0.15), span=True,
        )
        name, number = totals.l1
        number.set_value(self.small_l1).next_to(name, RIGHT, buff=style.GAP_S)
        self.bring_to_front(fig.dots)

    def _sum_squares(self, fig: _Residuals, totals: _Totals) -> None:
        """Each residual's square grown from the line while the L2 total counts up."""
        say(
            self,
            "The L2 loss costs each residual by the area of its square.",
            _at(FadeIn(totals.l2), 0.0, 0.1),
            _at(LaggedStart(*(GrowFromPoint(fig.squares[i], fig.segs[i].get_start())
                              for i in totals.order), lag_ratio=0.5), 0.1, 0.9),
            _at(UpdateFromAlphaFunc(totals.l2, _counting(totals.l2, totals.run2)), 0.1, 0.9),
            span=True,
        )
        name, number = totals.l2
        number.set_value(self.small_l2).next_to(name, RIGHT, buff=style.GAP_S)
        self.bring_to_front(fig.segs, fig.dots)

    def _square_law(self, fig: _Residuals, totals: _Totals) -> None:
        """Twice as long, four times as big: the largest square split into four of half its
        side; then the split, the highlight and the column go."""
        big = fig.squares[fig.first]
        halves = VGroup(Line(big.get_top(), big.get_bottom()), Line(big.get_left(),
                                                                    big.get_right()))
        halves.set_stroke(style.HIGHLIGHT, width=3)
        say(
            self,
            "A residual twice as long has a square four times as big.",
            _at(big.animate.set_fill(style.HIGHLIGHT, opacity=0.35), 0.0, 0.3),
            _at(Create(halves), 0.3, 0.4), span=True,
        )
        self.play(FadeOut(halves), big.animate.set_fill(style.L2, opacity=0.3),
                  FadeOut(totals.column, totals.col_name), run_time=style.SHORT)

    def _show_costs(self, fig: _Residuals) -> None:
        """The right panel: the cost of one residual r, as its length and as its square."""
        bx = fig.bx
        c1 = polyline(bx, self.r_grid, self.r_costs["l1"], style.L1)
        c2 = polyline(bx, self.r_grid, self.r_costs["l2"], style.L2)
        # Named at the left ends, away from the probe and the marks on the right.
        l1_lab = tex("|r|", color=style.L1).next_to(c1.get_start(), UP, buff=style.GAP_S)
        l2_lab = tex("r^2", color=style.L2).next_to(c2.get_start(), RIGHT, buff=style.GAP_S)
        narrate_steps(
            self,
            "On the right is the cost of one residual r: its length in orange, "
            "its square in blue.",
            [(Create(fig.right),), (Create(c1), FadeIn(l1_lab)), (Create(c2), FadeIn(l2_lab))],
        )

    def _build_probe(self, bx: Axes) -> _Probe:
        """A probe at residual r riding both curves: its two costs as bars standing on the r
        axis side by side, as dots on the curves, and read off (interpolated from the
        precomputed curves, which are exact on this grid's nodes)."""
        rv = ValueTracker(0.0)
        bar2 = Line(bx.c2p(0, 0), bx.c2p(0, 1e-3), color=style.L2, stroke_width=8)
        bar1 = Line(bx.c2p(0, 0), bx.c2p(0, 1e-3), color=style.L1, stroke_width=8)
        p1 = Dot(bx.c2p(0, 0), color=style.L1, radius=0.08)
        p2 = Dot(bx.c2p(0, 0), color=style.L2, radius=0.08)
        rr = readout("r", 0.0)
        ra = readout("|r|", 0.0, color=style.L1)
        rs = readout("r^2", 0.0, color=style.L2)
        nums = VGroup(rr, ra, rs).arrange(DOWN, aligned_edge=LEFT, buff=style.GAP_S)
        nums.next_to(bx.c2p(0, R_MAX**2), DOWN + RIGHT, buff=style.GAP_S)

        def follow(_m) -> None:
            r = rv.get_value()
            v1 = float(np.interp(r, self.r_grid, self.r_costs["l1"]))
            v2 = float(np.interp(r, self.r_grid, self.r_costs["l2"]))
            side = 0.06 * RIGHT
            bar2.put_start_and_end_on(bx.c2p(r, 0) + side, bx.c2p(r, max(v2, 1e-3)) + side)
            bar1.put_start_and_end_on(bx.c2p(r, 0) - side, bx.c2p(r, max(v1, 1e-3)) - side)
            p1.move_to(bx.c2p(r, v1))
            p2.move_to(bx.c2p(r, v2))
            set_readout(rr, r)
            set_readout(ra, v1)
            set_readout(rs, v2)

        return _Probe(rv, bar1, bar2, p1, p2, rr, ra, rs, nums, follow)

    def _build_marks(self, bx: Axes) -> list[tuple[Dot, Dot, VGroup]]:
        """At each marked residual: its two costs as dots on the curves and their values (one
        value when they agree)."""
        marks = []
        for r, v1, v2 in zip(R_MARKS, self.r_marks["l1"], self.r_marks["l2"], strict=True):
            d1 = Dot(bx.c2p(r, v1), color=style.L1, radius=0.06)
            d2 = Dot(bx.c2p(r, v2), color=style.L2, radius=0.06)
            if v1 == v2:
                note = VGroup(tex(f"{v1:g}", color=style.TEXT, size=style.SMALL_SIZE)
                              .next_to(d1, DOWN + RIGHT, buff=style.GAP_S))
            else:
                note = VGroup(
                    tex(f"{v1:g}", color=style.L1, size=style.SMALL_SIZE)
                    .next_to(d1, DOWN + RIGHT, buff=style.GAP_S),
                    tex(f"{v2:g}", color=style.L2, size=style.SMALL_SIZE)
                    .next_to(d2, LEFT, buff=style.GAP_S))
            marks.append((d1, d2, note))
        return marks

    def _slide_probe(self, bx: Axes, probe: _Probe) -> None:
        """The probe slides out to each marked residual, whose costs then stay marked."""
        marks = self._build_marks(bx)
        sq, ab = self.r_marks["l2"], self.r_marks["l1"]
        r_last, v1, v2 = R_MARKS[-1], self.r_marks["l1"][-1], self.r_marks["l2"][-1]
        words = [
            f"Slide r out. At {R_MARKS[0]:g} the two costs agree.",
            f"At {R_MARKS[1]:g} the square costs {sq[1]:g} against {ab[1]:g};",
            f"at {r_last:g}, {v2:g} against {v1:g}. The further out, the bigger the ratio.",
        ]
        for r, (d1, d2, note), text in zip(R_MARKS, marks, words, strict=True):
            say(self, text,
                probe.r.animate(rate_func=_until(0.6)).set_value(r),
                _at(FadeIn(d1, d2, note), 0.6, 0.15),
                run_time=style.LONG, span=True)

    def _below_one(self, probe: _Probe, totals: _Totals) -> None:
        """Back under one, where the square is the smaller cost: the totals explained."""
        below = 0.5  # a residual under one: its square is the smaller cost
        say(
            self,
            "Below one it is the other way round: the square is the smaller cost, which is "
            f"why these {number_word(len(self.small_x))} small misses total less squared "
            "than plain.",
            probe.r.animate(rate_func=_until(0.5)).set_value(below),
            _at(Indicate(totals.both, color=style.HIGHLIGHT), 0.5, 0.3),
            run_time=style.LONG, span=True,
        )

    def _not_exponential(self, fig: _Residuals, probe: _Probe) -> None:
        """The common claim corrected under the panels while the probe goes out to R_MAX."""
        claim = label("Not “exponentially” more: quadratically.", style.SMALL_SIZE,
                      style.HIGHLIGHT)
        law = tex(r"r \to 2r:\quad |r| \to 2|r|,\quad r^2 \to 4r^2", color=style.HIGHLIGHT)
        fix = VGroup(claim, law).arrange(RIGHT, buff=style.GAP)
        fit_width(fix).next_to(fig.panels, DOWN, buff=style.GAP)
        half = R_MAX / 2
        narrate_steps(
            self,
            "A common claim is that under squares an outlier costs exponentially more. It "
            "costs more, but quadratically more: double the residual, four times the cost.",
            [(Write(claim), probe.r.animate.set_value(half)),
             (Write(law), probe.r.animate.set_value(R_MAX))],
        )

    # ------------------------------------------------------------------ beat 3
    def outlier_tug(self) -> None:
        """Drag one point upward with every point's pull drawn: the least-squares line swings,
        the LAD line stays."""
        self.open_beat("outlier-tug")
        head = _header("One point dragged upward")
        self.add(head)
        fig = self._build_tug(head)
        narrate_steps(
            self,
            f"{number_word(len(self.tug_x)).capitalize()} points lie near a line. "
            "Least squares in blue and least absolute "
            "deviations in orange almost agree.",
            [(Create(fig.plot), FadeIn(fig.dots, fig.mover)), (Create(fig.ols),),
             (Create(fig.lad), FadeIn(fig.legend))],
        )
        self.add(fig.ghosts)
        self._show_shares(fig)
        pull1 = self._drag_up(fig)
        squares = self._squares_at_top(fig)
        self._equal_pulls(fig, pull1, squares)

    def _build_tug(self, head: VGroup) -> _Tug:
        """The plot of the dozen points beside the legend and the share bars, under the
        heading; the points, the moving one and both fits at the drag's start."""
        x_range, y_range = (0, 10, 2), (0, 12, 2)
        plot = house_axes(x_range, y_range, 5.8, 4.4, "x", "y")
        ax = plot.axes
        legend = fits_legend()
        bars_title = label("the outlier's share of the total cost", style.SMALL_SIZE, style.TEXT)
        l2_bar = _share_bar("squared residuals (L2)", style.L2, 2.8)
        l1_bar = _share_bar("absolute residuals (L1)", style.L1, 2.8)
        bars = VGroup(bars_title, l2_bar, l1_bar).arrange(DOWN, aligned_edge=LEFT,
                                                          buff=style.GAP)
        side = VGroup(legend, bars).arrange(DOWN, aligned_edge=LEFT, buff=style.GAP_L)
        layout = VGroup(plot, side).arrange(RIGHT, buff=style.GAP_L, aligned_edge=UP)
        layout.next_to(head, DOWN, buff=style.GAP).set_x(0)
        fit_width(layout)
        dots, mover, ols, lad = _drag_parts(ax, self.tug, x_range, y_range)
        ghosts = VGroup(
            *(DashedLine(m.get_start(), m.get_end(), color=c, stroke_width=2)
              for m, c in ((ols, style.L2), (lad, style.L1)))
        )
        return _Tug(plot, ax, x_range, y_range, legend, bars, l2_bar, l1_bar, dots, mover, ols,
                    lad, ghosts)

    def _show_shares(self, fig: _Tug) -> None:
        """The share bars fill up to the highlighted point's share of each loss."""
        shares = (self.tug.l2_share[0], self.tug.l1_share[0])

        def fill(_bars, a: float) -> None:
            for bar, share in zip((fig.l2_bar, fig.l1_bar), shares, strict=True):
                _set_share(bar, a * share)

        _set_share(fig.l2_bar, 0.0)
        _set_share(fig.l1_bar, 0.0)
        say(self, "On the right: how much of each loss the highlighted point owns.",
            _at(FadeIn(fig.bars), 0.0, 0.2),
            _at(Indicate(fig.mover, color=style.HIGHLIGHT), 0.2, 0.4),
            UpdateFromAlphaFunc(VGroup(fig.l2_bar, fig.l1_bar), fill), span=True)

    def _drag_up(self, fig: _Tug) -> VGroup:
        """The drag over its three sentences, every point's two pulls redrawn at each step;
        returns the L1 pulls (as they end)."""
        pull2, pull1 = self._pulls(fig.ax, 0), self._pulls_l1(fig.ax, 0)
        s = ValueTracker(0.0)
        follow = self._tug_follow(fig, s, pull2, pull1)
        last = len(self.tug.ys) - 1
        first, second = round(0.3 * last), round(0.7 * last)
        self.play(FadeIn(pull2, pull1), run_time=style.SHORT)
        # The updater sits on the group it mutates, so manim redraws those every frame.
        driver = self.drive([fig.mover, fig.ols, fig.lad, fig.l2_bar, fig.l1_bar, pull2, pull1],
                            follow)
        # The drag lasts its three sentences: the motion is what the words describe.
        say(self, "Now drag that point steadily upward, with each point's pull on each line "
                  "drawn as an arrow.",
            s.animate(rate_func=linear).set_value(first), span=True)
        say(self, "On least squares a point pulls with its whole miss: the blue arrow grows, "
                  "and the line swings toward it.",
            s.animate(rate_func=linear).set_value(second), span=True)
        say(self, "On L1 it pulls with its direction only, one orange unit, so the "
                  "least-absolute-deviations line does not move at all.",
            s.animate(rate_func=linear).set_value(last), span=True)
        follow(driver)
        driver.clear_updaters()
        return pull1

    def _tug_follow(self, fig: _Tug, s: ValueTracker, pull2: VGroup, pull1: VGroup):
        """The drag's updater at (fractional) step ``s``: the point, both lines, both share
        bars and every pull, looked up in (or interpolated between) the precomputed fits."""
        path, ax = self.tug, fig.ax
        steps = np.arange(len(path.ys))

        def follow(_m) -> None:
            k = s.get_value()
            step = int(min(round(k), len(steps) - 1))
            fig.mover.move_to(ax.c2p(path.xs[0], np.interp(k, steps, path.ys)))
            move_line(fig.ols, ax, np.interp(k, steps, path.ols_intercepts),
                      np.interp(k, steps, path.ols_slopes), fig.x_range, fig.y_range)
            move_line(fig.lad, ax, *path.lad_line(step), fig.x_range, fig.y_range)
            _set_share(fig.l2_bar, float(np.interp(k, steps, path.l2_share)))
            _set_share(fig.l1_bar, float(np.interp(k, steps, path.l1_share)))
            pull2.become(self._pulls(ax, step))
            pull1.become(self._pulls_l1(ax, step))

        return follow

    def _squares_at_top(self, fig: _Tug) -> VGroup:
        """At the drag's top: each point's squared residual grown as a square on the
        least-squares line, the outlier's dwarfing the rest; returns the squares."""
        path, ax = self.tug, fig.ax
        last = len(path.ys) - 1
        x_up, y_up = path.data_at(last)
        unit = ax.c2p(0, 1)[1] - ax.c2p(0, 0)[1]
        squares, corners = VGroup(), []
        for xi, yi, r in zip(x_up, y_up, self.tug_r2[last], strict=True):
            sq = Square(max(abs(r) * unit, 1e-3), color=style.L2, stroke_width=2,
                        fill_opacity=0.3)
            corner = ax.c2p(xi, yi - r)
            sq.move_to(corner, aligned_edge=(DOWN if r > 0 else UP) + RIGHT)
            squares.add(sq)
            corners.append(corner)
        say(
            self,
            f"Squared, the outlier owns {100 * path.l2_share[-1]:.0f} percent of the cost: its "
            "square dwarfs all the others, so its pull tilts the whole line, at every other "
            "point's expense.",
            _at(LaggedStart(*(GrowFromPoint(sq, corner)
                              for sq, corner in zip(squares, corners, strict=True)),
                            lag_ratio=0.1), 0.0, 0.5),
            _at(Indicate(fig.l2_bar, color=style.L2, scale_factor=1.05), 0.1, 0.3),
            _at(Indicate(squares[path.moving], color=style.HIGHLIGHT, scale_factor=1.0),
                0.5, 0.4),
            span=True,
        )
        return squares

    def _equal_pulls(self, fig: _Tug, pull1: VGroup, squares: VGroup) -> None:
        """Under L1 every point pulls with the same force: the ups and downs counted."""
        signs = self.tug_signs[len(self.tug.ys) - 1]
        up, down = int((signs > 0).sum()), int((signs < 0).sum())
        ups = VGroup(*(a for a, g in zip(pull1, signs, strict=True) if g > 0))
        downs = VGroup(*(a for a, g in zip(pull1, signs, strict=True) if g < 0))
        tally = label(f"L1 pulls: {up} up, {down} down", style.SMALL_SIZE, style.L1)
        tally.next_to(fig.bars, DOWN, aligned_edge=LEFT, buff=style.GAP_L)
        say(
            self,
            f"As a length it owns {100 * self.tug.l1_share[-1]:.0f} percent. Under L1 every "
            "point pulls with the same force, however far away it is: "
            f"{number_word(up)} pull up, {number_word(down)} pull down, and one far point "
            "cannot outvote the rest.",
            _at(FadeOut(squares), 0.0, 0.15),
            _at(Indicate(fig.l1_bar, color=style.L1, scale_factor=1.05), 0.1, 0.25),
            _at(Indicate(ups, color=style.HIGHLIGHT), 0.4, 0.2),
            _at(Indicate(downs, color=style.HIGHLIGHT), 0.6, 0.2),
            _at(FadeIn(tally), 0.45, 0.3),
            span=True,
        )

    def _pulls(self, ax, k: int) -> VGroup:
        """Each point's pull on the least-squares line at drag step ``k``: an arrow from the
        line to the point (its residual), one per point in data order, just left of it."""
        x, y = self.tug.data_at(k)
        return VGroup(*(_arrow(ax, xi, yi - r, yi, -1, style.L2)
                        for xi, yi, r in zip(x, y, self.tug_r2[k], strict=True)))

    def _pulls_l1(self, ax, k: int) -> VGroup:
        """Each point's pull on the LAD line at drag step ``k``: a unit step from the line
        toward the point (its sign; none for a point on the line), just right of it."""
        x, y = self.tug.data_at(k)
        return VGroup(*(_arrow(ax, xi, yi - r, yi - r + PULL_UNIT * sign, 1, style.L1)
                        for xi, yi, r, sign in zip(x, y, self.tug_r1[k], self.tug_signs[k],
                                                   strict=True)))

    # ------------------------------------------------------------------ beat 4
    def anscombe_beat(self) -> None:
        """Anscombe's set III: one outlier pulls least squares; LAD runs through the ten."""
        self.open_beat("anscombe")
        head = _header("Real data: Anscombe's set III")
        self.add(head)
        fig = self._build_anscombe(head)
        narrate_steps(
            self,
            f"Anscombe's third data set: {number_word(len(fig.ten))} points on a straight "
            "line, and one outlier.",
            [(Create(fig.plot),), (LaggedStart(*(FadeIn(fig.dots[i], scale=2.0) for i in fig.ten),
                                               lag_ratio=0.3),),
             (FadeIn(fig.dots[self.ans_outlier], scale=2.0), Create(fig.ring))],
        )
        self._anscombe_fits(fig)
        self._anscombe_gap(fig)

    def _build_anscombe(self, head: VGroup) -> _Anscombe:
        """The plot of set III beside both fits' equations and the note on the other ten; the
        points, the ring round the outlier and both fitted lines."""
        x_range, y_range = (2, 16, 2), (4, 14, 2)
        plot = house_axes(x_range, y_range, 5.5, 4.5, "x", "y")
        ax = plot.axes
        ols_eq = _equation("least squares (L2)", self.ans_ols, style.L2)
        lad_eq = _equation("least absolute deviations (L1)", self.ans_lad, style.L1)
        note = VGroup(
            label(f"the {number_word(len(self.ans_x) - 1)} other points miss the L1 line",
                  style.SMALL_SIZE, style.TEXT),
            label(f"by at most {self.ans_max_other_residual:.3f} (data rounding)",
                  style.SMALL_SIZE, style.TEXT),
        ).arrange(DOWN, aligned_edge=LEFT, buff=style.GAP_S)
        side = VGroup(ols_eq, lad_eq, note).arrange(DOWN, aligned_edge=LEFT, buff=style.GAP_L)
        layout = VGroup(plot, side).arrange(RIGHT, buff=style.GAP_L)
        layout.next_to(head, DOWN, buff=style.GAP)
        layout.set_x(0)
        fit_width(layout)
        dots = _dots(ax, self.ans_x, self.ans_y)
        ring = Circle(radius=0.18, color=style.HIGHLIGHT, stroke_width=3)
        ring.move_to(dots[self.ans_outlier])
        ols = fit_line(ax, *self.ans_ols, x_range, y_range, style.L2)
        lad = fit_line(ax, *self.ans_lad, x_range, y_range, style.L1)
        ten = [i for i in range(len(self.ans_x)) if i != self.ans_outlier]
        return _Anscombe(plot, ax, ols_eq, lad_eq, note, dots, ring, ols, lad, ten)

    def _anscombe_fits(self, fig: _Anscombe) -> None:
        """Least squares with the ten points' misses from it ("off the ten"), then least
        absolute deviations through the ten."""
        sticks = VGroup(*(Line(fig.ax.c2p(self.ans_x[i], self.ans_ols(self.ans_x[i])),
                               fig.ax.c2p(self.ans_x[i], self.ans_y[i]), color=style.L2,
                               stroke_width=4) for i in fig.ten))
        narrate_steps(
            self,
            f"Least squares gives y = {self.ans_ols.intercept:.2f} + "
            f"{self.ans_ols.slope:.3f} x, pulled up toward the outlier and off the ten.",
            [(Create(fig.ols),), (Write(fig.ols_eq),), (Create(sticks, lag_ratio=0.3),)],
        )
        narrate_steps(
            self,
            f"Least absolute deviations gives y = {self.ans_lad.intercept:.2f} + "
            f"{self.ans_lad.slope:.3f} x, running through the other "
            f"{number_word(len(fig.ten))} points.",
            [(FadeOut(sticks), Create(fig.lad)), (Write(fig.lad_eq),),
             (LaggedStart(*(Indicate(fig.dots[i], color=style.L1, scale_factor=1.8)
                            for i in fig.ten), lag_ratio=0.3),)],
        )

    def _anscombe_gap(self, fig: _Anscombe) -> None:
        """The outlier's miss from the LAD line, marked and measured."""
        xo, yo = self.ans_x[self.ans_outlier], self.ans_y[self.ans_outlier]
        gap = Line(fig.ax.c2p(xo, self.ans_lad(xo)), fig.ax.c2p(xo, yo), color=style.HIGHLIGHT,
                   stroke_width=5)
        gap_text = tex(f"{self.ans_outlier_residual:.2f}", color=style.HIGHLIGHT)
        gap_text.next_to(gap, RIGHT, buff=style.GAP_S)
        say(
            self,
            f"The outlier is simply left {self.ans_outlier_residual:.2f} above the line.",
            Create(gap), FadeIn(gap_text), FadeIn(fig.note), span=True,
        )

    # ------------------------------------------------------------------ beat 5
    def leverage(self) -> None:
        """The honest limit: drag a point far out in x and the L1 line follows it too."""
        self.open_beat("leverage")
        head = _header("The limit: an outlier in x")
        self.add(head)
        fig = self._build_leverage(head)
        narrate_steps(
            self,
            f"The same {number_word(len(self.tug_x))} points. This time drag the highlighted "
            "point sideways, far beyond the others, keeping its height.",
            [(Create(fig.plot), Create(fig.box), FadeIn(fig.dots)),
             (Create(fig.ols), Create(fig.lad), FadeIn(fig.legend)),
             (FadeIn(fig.mover, scale=3.0),)],
        )
        self._drag_sideways(fig)
        verdict = label("L1 resists outliers in y, not in x (high leverage).",
                        style.BODY_SIZE, style.HIGHLIGHT)
        fit_width(verdict).next_to(fig.legend, DOWN, buff=style.GAP)
        say(
            self,
            "A point far out in x has high leverage: it can pull a fitted line through itself.",
            _at(Flash(fig.mover, color=style.HIGHLIGHT), 0.3, 0.3),
            _at(Indicate(VGroup(fig.ols, fig.lad), color=style.HIGHLIGHT, scale_factor=1.0),
                0.5, 0.5),
            span=True,
        )
        say(self, "L1 resists outliers in y, not in x.", Write(verdict), span=True)

    def _build_leverage(self, head: VGroup) -> _Lever:
        """A wide plot of the same dozen points above the legend; the points, the one to drag,
        both fits at the start and the plot's box."""
        x_range, y_range = (0, 28, 4), (0, 6, 2)
        plot = house_axes(x_range, y_range, 11.0, 2.8, "x", "y")
        ax = plot.axes
        legend = fits_legend(across=True)
        layout = VGroup(plot, legend).arrange(DOWN, buff=style.GAP)
        layout.next_to(head, DOWN, buff=style.GAP)
        layout.set_x(0)
        dots, mover, ols, lad = _drag_parts(ax, self.lever, x_range, y_range)
        # The plot's box: a line leaving the y range ends on its edge, not in mid-air.
        box = VMobject(stroke_color=style.MUTED, stroke_width=1, stroke_opacity=0.6)
        box.set_points_as_corners([ax.c2p(x_range[0], y_range[1]), ax.c2p(x_range[1], y_range[1]),
                                   ax.c2p(x_range[1], y_range[0])])
        return _Lever(plot, ax, x_range, y_range, legend, dots, mover, ols, lad, box)

    def _drag_sideways(self, fig: _Lever) -> None:
        """The sweep out in x over its sentence: least squares bends at once, L1 snaps late."""
        path, ax = self.lever, fig.ax
        s = ValueTracker(0.0)
        steps = np.arange(len(path.xs))

        def follow(_m) -> None:
            k = s.get_value()
            step = int(min(np.floor(k + 1e-9), len(steps) - 1))
            fig.mover.move_to(ax.c2p(np.interp(k, steps, path.xs), path.ys[0]))
            move_line(fig.ols, ax, np.interp(k, steps, path.ols_intercepts),
                      np.interp(k, steps, path.ols_slopes), fig.x_range, fig.y_range)
            move_line(fig.lad, ax, *path.lad_line(step), fig.x_range, fig.y_range)

        # The updater sits on the group it mutates, so manim redraws those every frame.
        driver = self.drive([fig.mover, fig.ols, fig.lad], follow)
        words = (
            "Least squares bends toward it at once. For a while the L1 line barely moves, "
            "then it snaps onto the far point as well."
        )
        # The sweep lasts as long as its sentence: the motion is what the words describe.
        say(self, words, s.animate(rate_func=linear).set_value(len(steps) - 1),
            run_time=2 * style.LONG, span=True)
        follow(driver)
        driver.clear_updaters()

    # ------------------------------------------------------------------ beat 6
    def takeaway(self) -> None:
        """What to remember, beside the chapter's two drags replayed small."""
        self.open_beat("takeaway")
        head = _header("Takeaway")
        blocks = VGroup(
            _block(style.L2, "Least squares (L2 loss): cost grows", "like r², so one far point",
                   "can swing the whole line."),
            _block(style.L1, "Least absolute deviations (L1 loss):",
                   "cost grows like |r|, every point pulls",
                   "equally: robust to outliers in y."),
            _block(style.TEXT, "Neither resists a far outlier in x."),
            _block(style.MUTED, "Next: the price of robustness.",
                   "A small nudge can make the L1 line jump."),
        ).arrange(DOWN, aligned_edge=LEFT, buff=style.GAP)
        l2_text, l1_text, x_text, next_text = blocks
        # Right: the two drags of the chapter, small: an outlier in y, an outlier in x.
        up, up_play = self._mini(self.tug, (0, 10, 2), (0, 12, 4))
        out, out_play = self._mini(self.lever, (0, 28, 4), (0, 6, 2))
        minis = VGroup(up, out).arrange(DOWN, buff=style.GAP)
        layout = VGroup(blocks, minis).arrange(RIGHT, buff=style.GAP_L, aligned_edge=UP)
        fit_width(layout)
        layout.next_to(head, DOWN, buff=style.GAP_L).set_x(0)
        self.add(head)
        say(
            self,
            "As losses: least squares prices an outlier by the square of its residual, "
            "so one far point can swing the whole line.",
            _at(FadeIn(l2_text, up), 0.0, 0.15), _at(up_play(0.0, 1.0), 0.2, 0.8),
            span=True,
        )
        say(
            self,
            "Least absolute deviations prices it by its length, every point pulls equally, "
            "and the line stays robust to outliers in y.",
            _at(FadeIn(l1_text), 0.0, 0.15), _at(up_play(1.0, 0.0), 0.2, 0.8), span=True,
        )
        say(
            self,
            "Neither loss resists a far outlier in x: a point with high leverage pulls both.",
            _at(FadeIn(x_text, out), 0.0, 0.15), _at(out_play(0.0, 1.0), 0.15, 0.85),
            span=True,
        )
        say(
            self,
            "And robustness has a price: next, a small nudge that makes the L1 line jump.",
            Write(next_text), span=True,
        )

    def _mini(self, path: FitPath, x_range, y_range):
        """A small replay of a drag: (picture, play) where ``play(a, b)`` is an animation
        that moves the point and both fitted lines from share ``a`` of the path to ``b``."""
        plot = house_axes(x_range, y_range, 4.6, 1.9, None, None, numbers=False)
        ax = plot.axes
        dots, mover, ols, lad = _drag_parts(ax, path, x_range, y_range, radius=0.05,
                                            mover_radius=0.07, width=3)
        steps = np.arange(len(path.xs))
        last = len(steps) - 1

        def at(k: float) -> None:
            step = int(min(np.floor(k + 1e-9), last))
            mover.move_to(ax.c2p(np.interp(k, steps, path.xs), np.interp(k, steps, path.ys)))
            move_line(ols, ax, np.interp(k, steps, path.ols_intercepts),
                      np.interp(k, steps, path.ols_slopes), x_range, y_range)
            move_line(lad, ax, *path.lad_line(step), x_range, y_range)

        def play(a: float, b: float):
            return UpdateFromAlphaFunc(VGroup(mover, ols, lad),
                                       lambda _m, t: at(last * (a + (b - a) * t)),
                                       rate_func=smooth)

        return VGroup(plot, dots, ols, lad, mover), play
