"""Chapter: why an L1 penalty makes exact zeros and an L2 penalty does not (one weight).

Render it from the repository root:  ``manim -pqh scenes/sparsity.py``

Beats (one method each, in order): title, norm-curves, slopes, gradient-steps, kink,
threshold-maps, takeaway. Every number on screen is computed in ``setup()`` by ``mathutils``;
updaters only look values up in (or interpolate between) those precomputed arrays.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from manim import (
    DL,
    DOWN,
    LEFT,
    RIGHT,
    UL,
    UP,
    UR,
    AnimationGroup,
    Axes,
    Circle,
    Circumscribe,
    Create,
    DashedLine,
    Dot,
    FadeIn,
    FadeOut,
    Indicate,
    Line,
    MathTex,
    NumberLine,
    Rectangle,
    Succession,
    SurroundingRectangle,
    Transform,
    Triangle,
    UpdateFromAlphaFunc,
    ValueTracker,
    VGroup,
    VMobject,
    config,
    linear,
    smooth,
)

from mathutils import map_threshold, penalty, penalty_slope, threshold_map
from mathutils.descent import (
    descent_runs,
    l2_step_ratio,
    objective_curves,
    penalised_minimum,
    row_at,
    scalar_objective,
    worked_number,
)
from scenes import style
from scenes.chapter import Chapter
from scenes.components import (
    fit_width,
    header,
    house_axes,
    label,
    move_line,
    polyline,
    readout,
    say,
    scene_points,
    set_readout,
    tag,
    tex,
)
from scenes.examples import DESCENT

TAG_TEXT = "L1 / L2 as a penalty"

# ---- the chapter's parameters (every value shown is computed from these by mathutils) ------
W_RANGE = (-1.0, 1.0)  # beats 2, 3, 7: one weight
WORKED_FROM, WORKED_TO = 0.25, 0.1  # beat 2's worked number
NEAR_ZERO_W = 0.15  # beat 2: where the marker rests while "near zero" is said
DOUBLING = (0.4, 0.8)  # beat 2: w doubles from here to there while "double w" is said
SMALL_W = 0.1  # beat 3: a small weight where the two pushes are compared
SHRINK_W = (0.03, 0.9, -0.4)  # beat 3: w rests here: tiny, big again, past zero
# beat 4's run, DESCENT (optimum L1 = 0): scenes/examples.py (the recap replays it)
DESCENT_W = (-0.35, 1.1)  # beat 4's w axis
DESCENT_PAUSES = (8, 12, 15)  # beat 4: the step each run reaches as its sentence ends
KINK_TARGET = 0.8  # beat 5: the unpenalised optimum
KINK_LAM_MAX = 1.2  # beat 5: lam sweeps 0 -> this; L1 sticks at 0 from lam = |target|
KINK_W = (-0.6, 1.2)
KINK_YMAX = 1.5  # beat 5: the top of the objective axes (the curve is cut above it)
KINK_STOPS = (0.25, 0.5, 0.7, 0.9)  # beat 5: lam as each sentence ends (0.8 in between)
THRESHOLD = 1.0  # beat 6: the threshold / ridge lambda of ESL Table 3.4
Z_RANGE = (-3.0, 3.0)
Z_SWEEP = (2.5, 0.5)  # beat 6: a coefficient z slides from here into the dead zone
MAP_TICKS = [1, 2]  # beat 6: numbered ticks on both axes of each map
BALANCE_LAM = 0.5  # beat 7: the penalty strength of the balance of forces
BALANCE_Z = (0.9, 0.2)  # beat 7: the pull's target z weakens from here into [-lam, lam]
BALANCE_F = (-1.2, 1.8)  # beat 7: the force axis


ROOM_BOTTOM = style.FLOOR + style.GAP_S  # lowest edge of any content: above the caption band
STILL = 0.1  # s: a beat's motion fills its last sentence, then one still frame (whole picture)


# ---- small drawing helpers (module-level, no maths) ---------------------------------------
def _fit_room(body, head, buff: float = style.GAP) -> None:
    """Put ``body`` under ``head`` (x unchanged), scaled down if needed so that its bottom edge
    stays above the caption band (rule 11)."""
    top = head.get_bottom()[1] - buff
    room = top - ROOM_BOTTOM
    if body.height > room:
        body.scale_to_fit_height(room)
    body.shift((top - body.get_top()[1]) * UP)


def _glide(tracker: ValueTracker, *values: float, weights=None, run_time: float = 1.0):
    """One animation moving ``tracker`` through ``values`` in turn (eased on each leg; legs
    last in proportion to ``weights``). The first value is where it starts."""
    vals = np.asarray(values, dtype=float)
    w = np.ones(len(vals) - 1) if weights is None else np.asarray(weights, dtype=float)
    edges = np.concatenate([[0.0], np.cumsum(w) / w.sum()])

    def update(m, alpha: float) -> None:
        i = int(min(np.searchsorted(edges, alpha, side="right") - 1, len(w) - 1))
        f = float(np.clip((alpha - edges[i]) / (edges[i + 1] - edges[i]), 0.0, 1.0))
        m.set_value(vals[i] + smooth(f) * (vals[i + 1] - vals[i]))

    return UpdateFromAlphaFunc(tracker, update, rate_func=linear, run_time=run_time)


def _both(*animations, run_time: float = 1.0) -> AnimationGroup:
    """Animations played together as one step of a :class:`Succession` lasting ``run_time``
    (a Succession shares its sentence's time among its steps in proportion to run_time).

    Beware: a Succession puts the mobject of every step that does not introduce it (Indicate,
    Transform, ``.animate``) on screen at its start; use those only on what is shown already.
    """
    return AnimationGroup(*animations, run_time=run_time)


def _steady(tracker: ValueTracker, value: float):
    """Move ``tracker`` to ``value`` at an even pace (no easing)."""
    return tracker.animate(rate_func=linear).set_value(value)


def _run_masks(xs: np.ndarray, breaks) -> list[np.ndarray]:
    """Masks of the runs of samples between ``breaks`` (those holding two samples or more)."""
    edges = [-np.inf, *breaks, np.inf]
    masks = ((xs > lo) & (xs < hi) for lo, hi in zip(edges[:-1], edges[1:], strict=True))
    return [m for m in masks if m.sum() >= 2]


def _pieces(ax, xs, ys, color, breaks) -> VGroup:
    """A curve split where it jumps: one polyline per run of samples between ``breaks``."""
    xs, ys = np.asarray(xs), np.asarray(ys)
    return VGroup(*(polyline(ax, xs[m], ys[m], color) for m in _run_masks(xs, breaks)))


class _ExactReadout(VGroup):
    """``name = value`` that shows a ZERO-coloured "0 exactly" when the value is exactly 0.0.

    Its parts: ``symbol`` (``name =``), ``number`` and ``zero``; update it with :meth:`show`.
    """

    def __init__(self, name_tex: str, value: float, color, decimals: int = 4) -> None:
        symbol, number = readout(name_tex, value, color=color, decimals=decimals)
        zero = MathTex(r"0\ \ \text{exactly}", font_size=style.LABEL_SIZE, color=style.ZERO)
        zero.next_to(symbol, RIGHT, buff=style.GAP_S)
        super().__init__(symbol, number, zero)
        self.symbol, self.number, self.zero = symbol, number, zero
        self.exact: bool | None = None
        self.show(value)

    def show(self, value: float) -> None:
        """Show ``value``; switch to "0 exactly" iff value == 0.0."""
        exact = value == 0.0
        if not exact:
            set_readout(VGroup(self.symbol, self.number), value)
        if exact != self.exact:
            self.number.set_opacity(0.0 if exact else 1.0)
            self.zero.set_opacity(1.0 if exact else 0.0)
            self.exact = exact


# ---- the named parts of each beat's picture -----------------------------------------------
@dataclass
class _CurvePlot:
    """An L1 and an L2 curve on house axes (beats 2, 3). ``group`` is
    ``VGroup(axes, VGroup(l1, l2), VGroup(l1_label, l2_label, title))``, laid out as one."""

    axes: VGroup  # house_axes: (ax, axis labels)
    ax: Axes
    l1: VMobject
    l2: VMobject
    l1_label: VMobject
    l2_label: VMobject
    title: VMobject
    group: VGroup


@dataclass
class _NormMarker:
    """Beat 2's marker: the tracker ``w`` drives a stem, a dot on each curve and the readouts."""

    ax: Axes
    grid: np.ndarray  # the w grid
    values: dict  # each penalty on the grid
    w: ValueTracker
    stem: DashedLine
    on_axis: Dot
    l1_dot: Dot
    l2_dot: Dot
    w_read: VGroup
    l1_read: VGroup
    l2_read: VGroup
    group: VGroup  # (stem, on_axis, l1_dot, l2_dot): what the updater moves
    reads: VGroup  # (w_read, l1_read, l2_read)

    def follow(self, _m=None) -> None:
        """Put everything at the tracker's w."""
        ax, x = self.ax, self.w.get_value()
        y1 = np.interp(x, self.grid, self.values["l1"])
        y2 = np.interp(x, self.grid, self.values["l2"])
        self.stem.put_start_and_end_on(ax.c2p(x, 0), ax.c2p(x, 1))
        self.on_axis.move_to(ax.c2p(x, 0))
        self.l1_dot.move_to(ax.c2p(x, y1))
        self.l2_dot.move_to(ax.c2p(x, y2))
        # the readouts show the penalties of the w they show (w on the grid, exact)
        xr = round(x, 2)
        set_readout(self.w_read, xr)
        set_readout(self.l1_read, np.interp(xr, self.grid, self.values["l1"]))
        set_readout(self.l2_read, np.interp(xr, self.grid, self.values["l2"]))


@dataclass
class _SlopeMarker:
    """Beat 3's marker: the tracker ``w`` drives a stem and two dots on each panel, the two
    slope bars (raised from the axis by ``grow``) and the readouts."""

    norm_ax: Axes
    slope_ax: Axes
    grid: np.ndarray  # the w grid
    norms: dict  # each penalty on the grid
    slopes: dict  # each penalty's slope on the grid
    w_read: VGroup
    l1_read: VGroup
    l2_read: VGroup

    def __post_init__(self) -> None:
        self.w = ValueTracker(1.0)
        self.grow = ValueTracker(0.0)  # the bars rise from the axis when first shown
        self.stems = VGroup(*(DashedLine(LEFT, RIGHT, color=style.MUTED, stroke_width=2)
                              for _ in range(2)))
        self.norm_stem, self.slope_stem = self.stems
        self.dots = VGroup(*(Dot(color=c, radius=0.07) for c in (style.L1, style.L2) * 2))
        self.l1_dot, self.l2_dot, self.l1_slope_dot, self.l2_slope_dot = self.dots
        self.bars = VGroup(VMobject(stroke_color=style.L1, stroke_width=10),
                           VMobject(stroke_color=style.L2, stroke_width=10))
        self.l1_bar, self.l2_bar = self.bars
        self.group = VGroup(self.stems, self.bars, self.dots)

    def follow(self, _m=None) -> None:
        """Put everything at the tracker's w."""
        axl, axr, x = self.norm_ax, self.slope_ax, self.w.get_value()
        y1 = np.interp(x, self.grid, self.norms["l1"])
        y2 = np.interp(x, self.grid, self.norms["l2"])
        s1 = np.interp(x, self.grid, self.slopes["l1"])
        s2 = np.interp(x, self.grid, self.slopes["l2"])
        g = self.grow.get_value()
        offset = 0.08 * RIGHT  # the two slope bars stand side by side
        self.norm_stem.put_start_and_end_on(axl.c2p(x, 0), axl.c2p(x, 1))
        self.slope_stem.put_start_and_end_on(axr.c2p(x, -2), axr.c2p(x, 2))
        self.l1_dot.move_to(axl.c2p(x, y1))
        self.l2_dot.move_to(axl.c2p(x, y2))
        self.l1_slope_dot.move_to(axr.c2p(x, s1))
        self.l2_slope_dot.move_to(axr.c2p(x, s2))
        self.l1_bar.set_points_as_corners([axr.c2p(x, 0) - offset,
                                           axr.c2p(x, g * s1 + 1e-3) - offset])
        self.l2_bar.set_points_as_corners([axr.c2p(x, 0) + offset,
                                           axr.c2p(x, g * s2 + 1e-3) + offset])
        xr = round(x, 2)  # the slopes of the w shown (on the grid: exact)
        set_readout(self.w_read, xr)
        set_readout(self.l1_read, np.interp(xr, self.grid, self.slopes["l1"]))
        set_readout(self.l2_read, np.interp(xr, self.grid, self.slopes["l2"]))


@dataclass
class _DescentPanel:
    """One run of beat 4: its loss curve with a dot and a stem, its w step by step (a trace
    with a dot per iterate) and its readout. ``group`` is ``VGroup(title, VGroup(loss_axes,
    curve), trace_group, readout, zero_tick, dot, trace, trace_dots, stem)``."""

    name: str  # the run, as DescentRuns.run names it
    kind: str  # its penalty
    color: str
    title: VMobject
    loss_axes: VGroup
    ax: Axes
    curve: VMobject
    trace_group: VGroup  # (trace axes, the w = 0 line, its "0")
    tx: Axes  # the trace's axes: step against w
    readout: _ExactReadout
    zero_tick: Line
    dot: Dot
    trace: VMobject
    trace_dots: VGroup
    stem: DashedLine
    group: VGroup


@dataclass
class _Descent:
    """Beat 4's picture: the goal and step counter on top, the three runs, the proximal
    step's soft threshold, L2's own minimum on its trace."""

    goal: VMobject
    step: VGroup
    panels: list[_DescentPanel]  # L2, L1 subgradient, L1 proximal
    prox: VMobject
    floor_line: DashedLine
    floor_label: VMobject


@dataclass
class _KinkPanel:
    """One penalty of beat 5: its objective redrawn as lam grows, the minimum with a stem to
    its foot on the w axis, the readout of w* and its rule. ``group`` is ``VGroup(title, axes,
    below, zero_tick, curve, stem, foot, dot)`` with ``below = VGroup(readout, rule)``."""

    kind: str
    title: VMobject
    axes: VGroup
    ax: Axes
    curve: VMobject
    stem: DashedLine
    dot: Dot
    foot: Dot
    readout: _ExactReadout
    rule: VMobject
    zero_tick: Line
    group: VGroup


@dataclass
class _Kink:
    """Beat 5's picture: the two panels, the lam slider with its knob and readout, and the
    stretch of the slider where the L1 minimum sticks at zero."""

    panels: list[_KinkPanel]  # L1, L2
    slider: NumberLine
    knob: VMobject
    lam_read: VGroup
    stick_label: VMobject
    stick: Line


@dataclass
class _MapPanel:
    """One map of beat 6. ``group`` is ``VGroup(title, plot, note, readout)`` with
    ``title = VGroup(name_label, kind_label)`` and ``plot = VGroup(axes, identity,
    VGroup(band?), curve, VGroup(flat?))``; ``zone`` holds the dead zone's band and flat
    stretch (empty for ridge)."""

    key: str  # soft, ridge or hard
    color: str
    ax: Axes
    axes: VGroup
    name_label: VMobject
    kind_label: VMobject
    title: VGroup
    identity: DashedLine
    curve: VGroup  # one polyline per run between the map's jumps
    breaks: list[float]  # where the map jumps
    zone: VGroup
    plot: VGroup
    note: VMobject
    readout: _ExactReadout
    group: VGroup


@dataclass
class _Maps:
    """Beat 6's picture: the three maps, their legend and the readout of z by the heading."""

    panels: list[_MapPanel]  # lasso, ridge, best subset
    legend: VGroup
    z_read: VGroup


@dataclass
class _BalancePanel:
    """One penalty of beat 7: its push against w. ``group`` is ``VGroup(axes, curve, segment,
    VGroup(name, title))``; ``segment`` (L1 only, else empty) is ``VGroup(bar, ends)``, the
    corner's interval [-lam, lam] at w = 0 with its end labels."""

    kind: str
    axes: VGroup
    ax: Axes
    curve: VMobject
    segment: VGroup
    bar: Line | None
    name: VMobject
    title: VMobject
    group: VGroup


@dataclass
class _Balance:
    """Beat 7's picture: the objective and z on top, the two panels, under each its minimum's
    readout and its note about w = 0."""

    panels: list[_BalancePanel]  # L1, L2
    top: VGroup  # (formula, z_read)
    z_read: VGroup
    l1_min: _ExactReadout
    l2_min: VGroup
    mins: VGroup
    l1_note: VMobject
    l2_note: VMobject


class WhyL1MakesZeros(Chapter):
    """Chapter 2: one weight under an L1 and an L2 penalty, seen from up close."""

    SLUG = "sparsity"
    QUESTION = "Why does an L1 penalty push weights to exactly zero?"
    OPENING = ("Here L1 and L2 are penalties added to a model's loss, and sparse means exactly "
               "zero, not just small. Why does L1 set many weights to exactly zero, while L2 "
               "only makes them small?")

    # ------------------------------------------------------------------ numbers (mathutils)
    def setup(self) -> None:
        """Compute every number the chapter shows, before anything is animated."""
        # Beats 2, 3, 7: the penalties and their slopes on one weight.
        self.w_grid = np.linspace(*W_RANGE, 401)
        self.norm_values = {k: penalty(self.w_grid, k) for k in ("l1", "l2")}
        self.slope_values = {k: penalty_slope(self.w_grid, k) for k in ("l1", "l2")}
        self.worked = worked_number(WORKED_FROM, WORKED_TO)
        self.worked_values = {
            k: (float(penalty(WORKED_FROM, k)), float(penalty(WORKED_TO, k))) for k in ("l1", "l2")
        }
        # Beat 4: three descents from the same start on the same data term.
        self.runs = descent_runs(**DESCENT)
        self.l2_ratio = l2_step_ratio(DESCENT["lam"], DESCENT["lr"])
        # the proximal step soft-thresholds at step size x lambda (mathutils.descend's rule)
        self.prox_threshold = DESCENT["lr"] * DESCENT["lam"]
        self.descent_grid = np.linspace(*DESCENT_W, 581)
        t, lam = DESCENT["target"], DESCENT["lam"]
        self.descent_curves = {k: scalar_objective(self.descent_grid, t, lam, k)
                               for k in ("l1", "l2")}
        self.descent_minima = {k: float(penalised_minimum(t, lam, k)) for k in ("l1", "l2")}
        self.descent_points = {
            name: scalar_objective(self.runs.run(name), t, lam, "l2" if name == "l2" else "l1")
            for name in ("l2", "l1_subgradient", "l1_proximal")
        }
        # Beat 5: the objective redrawn as lam grows; its minima (exactly 0 for L1 from lam=|t|).
        self.kink_lams = np.arange(0, round(KINK_LAM_MAX * 100) + 1) / 100.0
        self.kink_grid = np.linspace(*KINK_W, 361)
        self.kink_curves = {
            k: objective_curves(self.kink_grid, KINK_TARGET, self.kink_lams, k)
            for k in ("l1", "l2")
        }
        self.kink_minima = {
            k: penalised_minimum(KINK_TARGET, self.kink_lams, k) for k in ("l1", "l2")
        }
        self.kink_minimum_values = {
            k: scalar_objective(self.kink_minima[k], KINK_TARGET, 0.0, k)
            + self.kink_lams * penalty(self.kink_minima[k], k)
            for k in ("l1", "l2")
        }
        # Beat 6: ESL Table 3.4's three maps of a coefficient z (orthonormal inputs).
        self.z_grid = np.linspace(*Z_RANGE, 601)
        # each map minimises 0.5 (w - z)^2 + lam R(w): one scaling of lam, as in beats 5 and 7
        kinds = {"soft": "l1", "ridge": "l2", "hard": "l0"}
        self.threshold_maps = {k: threshold_map(self.z_grid, THRESHOLD, r)
                               for k, r in kinds.items()}
        self.map_thresholds = {k: map_threshold(THRESHOLD, r) for k, r in kinds.items()}

        # Beat 7: the minimiser of 0.5 (w - z)^2 + lam R(w) as z weakens, and each penalty's
        # push lam R'(w) on the w grid (L1's value at w = 0 is drawn as its interval).
        # increasing (np.interp needs it), covering the sweep 0.9 -> 0.2 -> -0.2 -> 0.2, with
        # the dead zone's edges +-lam on it: interpolating the piecewise-linear minima is exact
        self.balance_z = np.union1d(np.linspace(-BALANCE_Z[1], BALANCE_Z[0], 221),
                                    [-BALANCE_LAM, BALANCE_LAM])
        self.balance_min = {
            k: np.array([float(penalised_minimum(z, BALANCE_LAM, k)) for z in self.balance_z])
            for k in ("l1", "l2")
        }
        self.balance_push = {k: BALANCE_LAM * self.slope_values[k] for k in ("l1", "l2")}

    # ------------------------------------------------------------------ table of contents
    def construct(self) -> None:
        """The chapter, beat by beat."""
        self.title_beat()
        self.norm_curves()
        self.slopes()
        self.gradient_steps()
        self.kink()
        self.threshold_maps_beat()
        self.takeaway()

    # ------------------------------------------------------------------ beat 1
    def title_beat(self) -> None:
        """The question the chapter answers."""
        super().title_beat()
        badge = tag(TAG_TEXT).to_corner(UR, buff=style.EDGE)
        self.play(FadeIn(badge), run_time=style.SHORT)

    # ------------------------------------------------------------------ beat 2
    def _make_norm_plot(self, x_length: float, y_length: float) -> _CurvePlot:
        """Axes for |w| and w² over W_RANGE, the two curves and their labels."""
        axes = house_axes((*W_RANGE, 0.5), (0, 1, 0.5), x_length, y_length, "w", None)
        ax, _axis_labels = axes
        l1 = polyline(ax, self.w_grid, self.norm_values["l1"], style.L1)
        l2 = polyline(ax, self.w_grid, self.norm_values["l2"], style.L2)
        l1_lab = tex("|w|", color=style.L1).next_to(l1.get_end(), UP, buff=style.GAP_S)
        l2_lab = tex("w^2", color=style.L2).next_to(l2.get_end(), RIGHT, buff=style.GAP_S)
        title = label("penalty", style.LABEL_SIZE, style.MUTED).next_to(ax.y_axis, UP,
                                                                        style.GAP_S)
        group = VGroup(axes, VGroup(l1, l2), VGroup(l1_lab, l2_lab, title))
        return _CurvePlot(axes, ax, l1, l2, l1_lab, l2_lab, title, group)

    def _make_norm_marker(self, ax: Axes) -> _NormMarker:
        """The marker at w = 0.8: a stem, a dot on each curve, the readouts of w and both."""
        stem = DashedLine(ax.c2p(0.8, 0), ax.c2p(0.8, 1), color=style.MUTED, stroke_width=2)
        on_axis = Dot(ax.c2p(0.8, 0), color=style.HIGHLIGHT, radius=0.08)
        d1 = Dot(color=style.L1, radius=0.08)
        d2 = Dot(color=style.L2, radius=0.08)
        r_w = readout("w", 0.8, color=style.HIGHLIGHT)
        r_1 = readout("|w|", 0.8, color=style.L1)
        r_2 = readout("w^2", 0.64, color=style.L2, decimals=4)
        reads = VGroup(r_w, r_1, r_2).arrange(DOWN, aligned_edge=LEFT, buff=style.GAP)
        return _NormMarker(ax, self.w_grid, self.norm_values, ValueTracker(0.8), stem, on_axis,
                           d1, d2, r_w, r_1, r_2, VGroup(stem, on_axis, d1, d2), reads)

    def norm_curves(self) -> None:
        """|w| and w² on shared axes; a marker along w; quadratic, not exponential; 0.25->0.1."""
        self.open_beat("norm-curves")
        head = header("Two penalties on one weight", TAG_TEXT)
        plot = self._make_norm_plot(7.2, 3.9)
        plot.group.to_edge(LEFT, buff=style.EDGE)
        marker = self._make_norm_marker(plot.ax)
        marker.reads.next_to(plot.group, RIGHT, buff=style.GAP_L).align_to(plot.group, UP)
        _fit_room(VGroup(plot.group, marker.reads), head, buff=style.GAP_L)
        marker.follow()
        self.add(head)
        self._say_two_penalties(plot, marker)
        note = self._say_quadratic(marker)
        self._say_worked_number(plot.ax, marker, note)

    def _say_two_penalties(self, plot: _CurvePlot, marker: _NormMarker) -> None:
        """Draw the two curves, then slide the marker along w."""
        say(
            self,
            "Two penalties on one weight w: the absolute value in orange, the square in blue.",
            Succession(
                _both(Create(plot.axes), FadeIn(plot.title)),
                _both(Create(plot.l1), FadeIn(plot.l1_label), run_time=1.5),
                _both(Create(plot.l2), FadeIn(plot.l2_label), run_time=1.5),
            ),
            span=True,
        )
        marker.group.add_updater(marker.follow)
        say(self, "Slide w and both follow.",
            Succession(_both(FadeIn(marker.group), FadeIn(marker.reads), run_time=0.4),
                       _glide(marker.w, 0.8, -0.9)),
            span=True)
        say(self, "Near zero, the square is much flatter than the absolute value.",
            _glide(marker.w, -0.9, -0.3, 0.3, NEAR_ZERO_W, weights=(1, 3, 1)), span=True)

    def _say_quadratic(self, marker: _NormMarker) -> VGroup:
        """Quadratic, not exponential: a common claim, shown and struck out, then corrected
        while w doubles. Returns the note (left on screen)."""
        quote = label("\u201cw\u00b2 grows exponentially\u201d", style.SMALL_SIZE, style.MUTED)
        strike = Line(quote.get_left(), quote.get_right(), color=style.HIGHLIGHT, stroke_width=3)
        claim_head = label("A common claim:", style.SMALL_SIZE, style.MUTED)
        claim = VGroup(claim_head, VGroup(quote, strike)).arrange(DOWN, aligned_edge=LEFT,
                                                                 buff=style.GAP_S)
        fix = VGroup(
            label("It grows quadratically:", style.SMALL_SIZE),
            tex(r"(2w)^2 = 4\,w^2", color=style.L2),
        ).arrange(DOWN, aligned_edge=LEFT, buff=style.GAP_S)
        note = VGroup(claim, fix).arrange(DOWN, aligned_edge=LEFT, buff=style.GAP)
        note.next_to(marker.reads, DOWN, buff=style.GAP_L).align_to(marker.reads, LEFT)
        say(self, "A common claim is that w squared grows exponentially.",
            Succession(_both(FadeIn(claim_head), FadeIn(quote)), Create(strike)), span=True)
        lo, hi = DOUBLING
        say(self, "It grows quadratically: double w, and w squared grows four times.",
            Succession(FadeIn(fix, shift=0.2 * UP, run_time=0.8),
                       _glide(marker.w, NEAR_ZERO_W, lo, run_time=0.8),
                       _glide(marker.w, lo, hi, run_time=1.6)),
            span=True)
        return note

    def _make_drops(self, ax: Axes, w: ValueTracker) -> tuple[VGroup, Callable]:
        """Each penalty's drop, measured live as w shrinks: a bar at w_from from the current
        value up to the value at w_from, and a dashed line across to the current dot. Returns
        the drops and their updater."""
        w_from = self.worked.w_from
        drops = VGroup(*(VGroup(DashedLine(LEFT, RIGHT, color=c, stroke_width=2),
                                Line(color=c, stroke_width=8)) for c in (style.L1, style.L2)))

        def measure(_m=None) -> None:
            x = w.get_value()
            for k, (across, bar) in zip(("l1", "l2"), drops, strict=True):
                now = float(np.interp(x, self.w_grid, self.norm_values[k]))
                at_from, _at_to = self.worked_values[k]
                across.put_start_and_end_on(ax.c2p(x, now), ax.c2p(w_from, now) + 1e-3 * RIGHT)
                bar.put_start_and_end_on(ax.c2p(w_from, now), ax.c2p(w_from, at_from) + 1e-3 * UP)

        return drops, measure

    def _make_drop_table(self, reads: VGroup) -> tuple[VGroup, VGroup]:
        """The worked number's table under the readouts: L1's rows, then L2's a gap lower."""
        wn = self.worked
        (a1, b1), (a2, b2) = self.worked_values["l1"], self.worked_values["l2"]
        l1_rows = VGroup(tex(rf"|w|:\ {a1:g} \to {b1:g}", color=style.L1),
                         tex(rf"\text{{drop}}\ \ {wn.drop_l1:.2f}", color=style.L1))
        l2_rows = VGroup(tex(rf"w^2:\ {a2:g} \to {b2:g}", color=style.L2),
                         tex(rf"\text{{drop only}}\ \ {wn.drop_l2:.4f}", color=style.L2))
        table = VGroup(*l1_rows, *l2_rows).arrange(DOWN, aligned_edge=LEFT, buff=style.GAP_S)
        l2_rows.shift(style.GAP * DOWN)
        table.next_to(reads, DOWN, buff=style.GAP_L).align_to(reads, LEFT)
        return l1_rows, l2_rows

    def _say_worked_number(self, ax: Axes, marker: _NormMarker, note: VGroup) -> None:
        """The worked number: shrink w from 0.25 to 0.1 and measure each penalty's drop."""
        wn, w = self.worked, marker.w
        _lo, hi = DOUBLING
        ghosts = VGroup(*(
            Circle(radius=0.09, stroke_color=c, stroke_width=3)
            .move_to(ax.c2p(wn.w_from, self.worked_values[k][0]))
            for k, c in (("l1", style.L1), ("l2", style.L2))
        ))
        say(
            self,
            f"Now shrink a small weight from {wn.w_from:g} to {wn.w_to:g}.",
            Succession(_both(FadeOut(note), _glide(w, hi, wn.w_from), run_time=2.5),
                       FadeIn(ghosts, scale=1.5, run_time=0.8)),
            span=True,
        )
        drops, measure = self._make_drops(ax, w)
        measure()
        l1_rows, l2_rows = self._make_drop_table(marker.reads)
        drops.add_updater(measure)
        say(
            self,
            f"The absolute value drops by {wn.drop_l1:.2f}, the square by only "
            f"{wn.drop_l2:.4f}: near zero, L2 barely rewards shrinking further.",
            Succession(
                FadeIn(drops, run_time=0.2),  # its own step: an animation pauses its updaters
                _glide(w, wn.w_from, wn.w_to, run_time=3.8),
                FadeIn(l1_rows, shift=0.2 * UP, run_time=1.5),
                FadeIn(l2_rows, shift=0.2 * UP, run_time=1.5),
            ),
            span=True,
        )
        drops.clear_updaters()
        marker.group.clear_updaters()
        w.set_value(wn.w_to)
        marker.follow()
        measure()  # the resting frame shows exactly w = w_to and its drops

    # ------------------------------------------------------------------ beat 3
    def _make_slope_plot(self, x_length: float, y_length: float) -> _CurvePlot:
        """Axes for the slopes sign(w) and 2w over W_RANGE, the slope curves and labels."""
        axes = house_axes((*W_RANGE, 0.5), (-2, 2, 1), x_length, y_length, "w", None,
                          numbers=False)
        ax, axis_labels = axes
        # Only the numbers that no curve, label or resting marker crosses.
        ax.x_axis.add_numbers([-0.5, 0.5], font_size=style.SMALL_SIZE)
        ax.y_axis.add_numbers([1, 2], font_size=style.SMALL_SIZE)
        l1 = _pieces(ax, self.w_grid, self.slope_values["l1"], style.L1, breaks=[0.0])
        left_piece, _right_piece = l1
        l1_lab = (tex(r"\operatorname{sign}(w)", color=style.L1)
                  .next_to(left_piece, UP, buff=style.GAP_S).align_to(left_piece, LEFT))
        l2 = polyline(ax, self.w_grid, self.slope_values["l2"], style.L2)
        l2_lab = tex("2w", color=style.L2).next_to(ax.c2p(0.75, 1.5), UL, buff=style.GAP_S)
        title = label("slope", style.LABEL_SIZE, style.MUTED).next_to(ax.y_axis, UP, style.GAP_S)
        axis_labels.shift(style.GAP_S * RIGHT)  # the w label clear of the bars standing at w = 1
        group = VGroup(axes, VGroup(l1, l2), VGroup(l1_lab, l2_lab, title))
        return _CurvePlot(axes, ax, l1, l2, l1_lab, l2_lab, title, group)

    def slopes(self) -> None:
        """The slopes sign(w) and 2w on a second pair of axes, driven by the same w."""
        self.open_beat("slopes")
        head = header("Slopes: the push toward zero", TAG_TEXT)
        left = self._make_norm_plot(5.4, 3.4)
        right = self._make_slope_plot(5.4, 3.4)
        panels = VGroup(left.group, right.group).arrange(RIGHT, buff=style.GAP_L,
                                                         aligned_edge=DOWN)
        r_w = readout("w", 1.0, color=style.HIGHLIGHT)
        r_1 = readout(r"\text{L1 slope}", 1.0, color=style.L1)
        r_2 = readout(r"\text{L2 slope}", 2.0, color=style.L2)
        reads = VGroup(r_w, r_1, r_2).arrange(RIGHT, buff=2 * style.GAP_L)
        reads.next_to(panels, DOWN, buff=style.GAP)
        _fit_room(VGroup(panels, reads), head, buff=style.GAP)
        self.add(head)
        say(
            self,
            "Gradient descent moves a weight against the penalty's slope. "
            "On the right, each penalty's slope at the same w.",
            Succession(
                FadeIn(left.group, run_time=1.2),
                _both(Create(right.axes), FadeIn(right.title), run_time=0.8),
                _both(Create(right.l1), FadeIn(right.l1_label)),
                _both(Create(right.l2), FadeIn(right.l2_label)),
            ),
            span=True,
        )
        marker = _SlopeMarker(left.ax, right.ax, self.w_grid, self.norm_values,
                              self.slope_values, r_w, r_1, r_2)
        marker.follow()
        marker.group.add_updater(marker.follow)
        self._say_pushes(marker, reads)
        marker.group.clear_updaters()
        marker.w.set_value(SMALL_W)
        marker.follow()  # the resting frame shows exactly w = SMALL_W, whatever the frame rate

    def _say_pushes(self, marker: _SlopeMarker, reads: VGroup) -> None:
        """Raise the slope bars, then let w shrink, cross zero and come back to SMALL_W."""
        w = marker.w
        say(
            self,
            "The bars show each slope. At w = 1, L2 pushes twice as hard as L1.",
            Succession(_both(FadeIn(marker.group), FadeIn(reads), run_time=0.6),
                       _glide(marker.grow, 0.0, 1.0, run_time=1.4),
                       Indicate(marker.l2_read, color=style.L2)),
            span=True,
        )
        tiny, big, past_zero = SHRINK_W
        say(
            self,
            "Let w shrink toward zero. The slope of w squared is 2w, so L2's push fades "
            "away as the weight gets small.",
            _glide(w, 1.0, tiny),
            span=True,
        )
        say(
            self,
            "The slope of the absolute value stays at one: "
            "L1 pushes a tiny weight as hard as a big one.",
            Succession(Indicate(marker.l1_read, color=style.L1),
                       _glide(w, tiny, big, run_time=2.0)),
            span=True,
        )
        say(self, "Past zero, both slopes flip sign: both still push toward zero.",
            _glide(w, big, past_zero), span=True)
        ws = SMALL_W
        s1, s2 = (float(penalty_slope(ws, k)) for k in ("l1", "l2"))
        say(
            self,
            f"Back at w = {ws:g}: L1 still pushes with {s1:g}, L2 with only {s2:g}.",
            Succession(_glide(w, past_zero, ws, run_time=2.0),
                       Indicate(marker.l1_read, color=style.L1),
                       Indicate(marker.l2_read, color=style.L2)),
            span=True,
        )

    # ------------------------------------------------------------------ beat 4
    def _make_descent_panel(self, name: str, kind: str, color, title: str, top: float,
                            trace_lo: float) -> _DescentPanel:
        """One run's panel: title, loss curve, trace axes with the w = 0 line, readout, and the
        parts the updater moves (dot, stem, trace, a dot per iterate)."""
        runs = self.runs
        loss_axes = house_axes((*DESCENT_W, 0.5), (0, top, 0.5), 3.6, 1.6, "w", None)
        ax, _axis_labels = loss_axes
        ax.y_axis.remove(ax.y_axis.numbers)  # the loss value itself does not matter here
        curve = polyline(ax, self.descent_grid, self.descent_curves[kind], color, width=4)
        trace_axes = house_axes((0, runs.steps, 1), (trace_lo, runs.w0, 0.5), 3.6, 1.1,
                                None, None, numbers=False)
        tx, _no_labels = trace_axes
        zero_line = Line(tx.c2p(0, 0), tx.c2p(runs.steps, 0), color=style.ZERO, stroke_width=3)
        tx.x_axis.set_opacity(0)  # the w = 0 line replaces the step axis
        trace_lab = tex("0", size=style.SMALL_SIZE, color=style.ZERO)
        trace_lab.next_to(zero_line, LEFT, buff=style.GAP_S)
        heading = label(title, style.LABEL_SIZE, color)
        r = _ExactReadout("w", runs.run(name)[0], color)
        trace_group = VGroup(trace_axes, zero_line, trace_lab)
        group = VGroup(heading, VGroup(loss_axes, curve), trace_group, r).arrange(
            DOWN, buff=style.GAP_S)
        zero_tick = Line(ax.c2p(0, 0) + 0.12 * DOWN, ax.c2p(0, 0) + 0.12 * UP,
                         color=style.ZERO, stroke_width=5)
        dot = Dot(ax.c2p(runs.w0, self.descent_points[name][0]), color=color, radius=0.08)
        trace = VMobject(stroke_color=color, stroke_width=3)
        trace_dots = VGroup()
        stem = DashedLine(LEFT, RIGHT, color=color, stroke_width=2)
        group.add(zero_tick, dot, trace, trace_dots, stem)
        return _DescentPanel(name, kind, color, heading, loss_axes, ax, curve, trace_group, tx,
                             r, zero_tick, dot, trace, trace_dots, stem, group)

    def _build_descent(self, head: VGroup) -> _Descent:
        """The goal and step counter over the three runs' panels, fitted under ``head``."""
        runs = self.runs
        goal = tex(
            rf"\text{{minimise}}\quad \tfrac12\,(w - {runs.target:g})^2 + {runs.lam:g}\,R(w)"
            rf"\qquad w_0 = {runs.w0:g},\ \ \text{{step size}}\ {runs.lr:g}",
        )
        step = readout(r"\text{step}", 0, color=style.HIGHLIGHT, decimals=0)
        top_row = VGroup(goal, step).arrange(RIGHT, buff=2 * style.GAP_L)
        specs = (
            ("l2", "l2", style.L2, "L2: gradient step"),
            ("l1_subgradient", "l1", style.L1, "L1: subgradient step"),
            ("l1_proximal", "l1", style.L1, "L1: proximal step"),
        )
        top = float(np.ceil(max(c.max() for c in self.descent_curves.values()) * 10) / 10)
        lo_w = float(min(r.min() for r in (runs.l2, runs.l1_subgradient, runs.l1_proximal)))
        trace_lo = float(np.floor(lo_w * 10) / 10)
        panels = [self._make_descent_panel(*spec, top, trace_lo) for spec in specs]
        l2, _subgradient, proximal = panels
        row = VGroup(*(p.group for p in panels)).arrange(RIGHT, buff=style.GAP_L,
                                                         aligned_edge=UP)
        # the proximal step's soft threshold, written under its panel when it is named
        prox = tex(rf"\text{{then}}\ \ w \leftarrow \operatorname{{sign}}(w)\,"
                   rf"(|w| - {self.prox_threshold:g})_+", color=style.L1, size=style.SMALL_SIZE)
        prox.next_to(proximal.readout, DOWN, buff=style.GAP_S)
        body = VGroup(top_row, VGroup(row, prox)).arrange(DOWN, buff=style.GAP)
        _fit_room(body, head)
        for p in panels:  # arrange moved the axes
            p.zero_tick.move_to(p.ax.c2p(0, 0))
        # L2's own minimum on its trace: where it settles, not zero
        l2_min = self.descent_minima["l2"]
        floor_line = DashedLine(l2.tx.c2p(0, l2_min), l2.tx.c2p(runs.steps, l2_min),
                                color=style.L2, stroke_width=2)
        floor_lab = tex(f"{l2_min:g}", size=style.SMALL_SIZE, color=style.L2)
        floor_lab.next_to(floor_line, RIGHT, buff=style.GAP_S)
        return _Descent(goal, step, panels, prox, floor_line, floor_lab)

    def _descent_updater(self, pic: _Descent, k_t: ValueTracker) -> Callable:
        """The updater of beat 4: every run's dot, stem, trace, iterate dots and readout, and
        the step counter, at the (fractional) step ``k_t``."""
        runs, grid = self.runs, self.descent_grid
        landed = {p.name: runs.first_exact_zero(p.name) for p in pic.panels}

        def advance(_m=None) -> None:
            tk = k_t.get_value()
            k = min(int(np.floor(tk + 1e-9)), runs.steps)
            frac = smooth(tk - k) if k < runs.steps else 0.0
            shown = min(int(np.floor(tk + 0.5)), runs.steps)  # the step the dot is nearest
            for p in pic.panels:
                ws = runs.run(p.name)
                x = ws[k] if k == runs.steps else (1 - frac) * ws[k] + frac * ws[k + 1]
                p.dot.move_to(p.ax.c2p(x, np.interp(x, grid, self.descent_curves[p.kind])))
                p.stem.put_start_and_end_on(p.ax.c2p(x, 0), p.dot.get_center() + 1e-3 * UP)
                stop = landed[p.name]  # once a run sits at exactly 0, its dots alone show it
                if stop is not None and k >= stop:
                    pts = scene_points(p.tx, np.arange(stop + 1, dtype=float), ws[: stop + 1])
                else:
                    pts = scene_points(p.tx, np.arange(k + 1, dtype=float), ws[: k + 1])
                    if k < runs.steps:
                        pts = np.vstack([pts, p.tx.c2p(k + frac, x)])
                p.trace.set_points_as_corners(pts)
                while len(p.trace_dots) <= k:  # a dot at every iterate reached
                    i = len(p.trace_dots)
                    c = style.ZERO if ws[i] == 0.0 else p.color
                    p.trace_dots.add(Dot(p.tx.c2p(i, ws[i]), color=c, radius=0.045))
                p.readout.show(float(x))  # where the dot is: an iterate when it rests on one
            set_readout(pic.step, shown)

        return advance

    def gradient_steps(self) -> None:
        """Three runs of mathutils.descend from the same start, stepping along the loss."""
        self.open_beat("gradient-steps")
        head = header("Step by step", TAG_TEXT)
        pic = self._build_descent(head)
        self.add(head)
        k_t = ValueTracker(0.0)
        advance = self._descent_updater(pic, k_t)
        moving = [pic.step, *(VGroup(p.trace, p.trace_dots, p.stem, p.dot, p.readout)
                              for p in pic.panels)]
        advance()
        self._say_descent_setup(pic, VGroup(*moving))
        driver = self.drive(moving, advance)
        self._say_descent_runs(pic, k_t)
        driver.clear_updaters()
        k_t.set_value(self.runs.steps)
        advance(driver)  # the resting frame shows exactly the last step
        self.wait(STILL)

    def _say_descent_setup(self, pic: _Descent, moving: VGroup) -> None:
        """The goal, then the three panels part by part, then the moving parts at step 0."""
        runs = self.runs
        say(
            self,
            f"Now descend step by step. The data want w = {runs.target:g}; at lambda = "
            f"{runs.lam:g} the best L1 answer is exactly zero.",
            Succession(
                FadeIn(pic.goal, run_time=0.8),
                _both(*(FadeIn(VGroup(p.title, p.loss_axes)) for p in pic.panels), run_time=0.6),
                _both(*(Create(p.curve) for p in pic.panels), run_time=1.4),
                _both(*(FadeIn(p.trace_group) for p in pic.panels), run_time=0.6),
                _both(*(FadeIn(p.zero_tick, scale=3) for p in pic.panels), run_time=0.8),
                FadeIn(moving, run_time=0.6),
            ),
            span=True,
        )

    def _say_descent_runs(self, pic: _Descent, k_t: ValueTracker) -> None:
        """Step the three runs while each one's fate is told, boxing its readout in turn."""
        runs = self.runs
        l2, subgradient, proximal = pic.panels
        first = runs.first_exact_zero("l1_proximal")
        say(self, f"All three start at w = {runs.w0:g} and step down the curve. Below, each "
            "run's w, step by step.",
            _steady(k_t, first), span=True)
        at_parting, at_floor, at_zigzag = DESCENT_PAUSES
        say(self, "Then they part: L2 creeps on, the subgradient run hops across zero, and the "
            "proximal run stops dead at zero.",
            _steady(k_t, at_parting), span=True)
        box, box_subgradient, box_proximal = (
            SurroundingRectangle(p.readout, color=c, buff=style.GAP_S, corner_radius=0.08)
            for p, c in ((l2, style.L2), (subgradient, style.L1), (proximal, style.ZERO))
        )
        say(
            self,
            f"L2 heads for its own minimum, {self.descent_minima['l2']:g}, not for zero: each "
            f"step multiplies the gap to it by {self.l2_ratio:g}.",
            _steady(k_t, at_floor),
            Succession(_both(Create(pic.floor_line), FadeIn(pic.floor_label), run_time=1.5),
                       Create(box)),
            span=True,
        )
        say(
            self,
            "Plain subgradient steps zig-zag around zero forever: close, but never exactly "
            "zero.",
            _steady(k_t, at_zigzag),
            Transform(box, box_subgradient, run_time=1.0),
            span=True,
        )
        say(
            self,
            "The proximal step ends in a soft threshold, which snaps small values to zero: "
            f"exactly zero from step {first} on.",
            _steady(k_t, runs.steps),
            Succession(_both(Transform(box, box_proximal), FadeIn(pic.prox, shift=0.2 * UP)),
                       Indicate(VGroup(*proximal.trace_dots[first:]), color=style.ZERO,
                                scale_factor=1.6, run_time=2.0)),
            span=True,
        )

    # ------------------------------------------------------------------ beat 5
    def _make_kink_panel(self, kind: str, color, formula: str, minimum: str) -> _KinkPanel:
        """One penalty's panel: its objective as a title, the axes, the readout of w* and its
        rule, and the parts the updater moves (curve, stem, minimum, foot)."""
        axes = house_axes((*KINK_W, 0.4), (0, KINK_YMAX, 0.5), 5.6, 2.3, "w", None)
        ax, _axis_labels = axes
        ax.y_axis.remove(ax.y_axis.numbers)  # only where the minimum is matters here
        title = tex(formula, color=color)
        curve = VMobject(stroke_color=color, stroke_width=5)
        stem = DashedLine(LEFT, RIGHT, color=color, stroke_width=2)
        dot = Dot(color=style.HIGHLIGHT, radius=0.09)
        foot = Dot(color=color, radius=0.07)
        r = _ExactReadout("w^*", float(self.kink_minima[kind][0]), color, decimals=3)
        rule = tex(minimum, color=style.MUTED, size=style.SMALL_SIZE)
        zero_tick = Line(ax.c2p(0, 0) + 0.12 * DOWN, ax.c2p(0, 0) + 0.12 * UP,
                         color=style.ZERO, stroke_width=5)
        below = VGroup(r, rule).arrange(RIGHT, buff=style.GAP_L)
        group = VGroup(title, axes, below).arrange(DOWN, buff=style.GAP)
        group.add(zero_tick, curve, stem, foot, dot)
        return _KinkPanel(kind, title, axes, ax, curve, stem, dot, foot, r, rule, zero_tick,
                          group)

    def _build_kink(self, head: VGroup) -> _Kink:
        """The two panels side by side over the lam slider, fitted under ``head``."""
        t = KINK_TARGET
        l1 = self._make_kink_panel("l1", style.L1, rf"\tfrac12\,(w - {t:g})^2 + \lambda\,|w|",
                                   rf"w^* = ({t:g} - \lambda)_+")
        l2 = self._make_kink_panel("l2", style.L2, rf"\tfrac12\,(w - {t:g})^2 + \lambda\,w^2",
                                   rf"w^* = \frac{{{t:g}}}{{1 + 2\lambda}}")
        panels = VGroup(l1.group, l2.group).arrange(RIGHT, buff=style.GAP_L, aligned_edge=UP)
        for p in (l1, l2):  # readouts level across panels, each rule centred on its readout
            p.readout.match_y(l2.rule)
            p.rule.match_y(p.readout)
        slider = NumberLine(x_range=[0, KINK_LAM_MAX, 0.2], length=4.8, color=style.MUTED,
                            include_numbers=True, font_size=style.SMALL_SIZE,
                            decimal_number_config={"num_decimal_places": 1})
        knob = Triangle(color=style.HIGHLIGHT, fill_opacity=1.0).scale(0.1).rotate(np.pi)
        r_lam = readout(r"\lambda", 0.0, color=style.HIGHLIGHT)
        stick_lab = label("L1 minimum exactly 0", style.SMALL_SIZE, style.ZERO)
        row = VGroup(r_lam, slider, stick_lab).arrange(RIGHT, buff=style.GAP_L)
        row.next_to(panels, DOWN, buff=style.GAP)
        r_lam.align_to(slider.get_center(), DOWN).shift(0.5 * r_lam.height * DOWN)
        stick_lab.match_y(r_lam)
        knob.next_to(slider.n2p(0), UP, buff=0.02)
        _fit_room(VGroup(panels, row, knob), head, buff=style.GAP)
        for p in (l1, l2):  # arrange and the fit moved the axes: zero ticks back on the origins
            p.zero_tick.move_to(p.ax.c2p(0, 0))
        stick = Line(slider.n2p(t), slider.n2p(KINK_LAM_MAX), color=style.ZERO, stroke_width=6)
        return _Kink([l1, l2], slider, knob, r_lam, stick_lab, stick)

    def _kink_updater(self, pic: _Kink, lam_t: ValueTracker) -> Callable:
        """The updater of beat 5: the knob, lam's readout and each panel's curve, minimum and
        readout at the tracker's lam."""
        lams = self.kink_lams

        def redraw(_m=None) -> None:
            lam = lam_t.get_value()
            pic.knob.next_to(pic.slider.n2p(lam), UP, buff=0.02)
            set_readout(pic.lam_read, lam)
            for p in pic.panels:
                ys = row_at(lams, self.kink_curves[p.kind], lam)
                keep = ys <= KINK_YMAX
                p.curve.set_points_as_corners(scene_points(p.ax, self.kink_grid[keep], ys[keep]))
                w_star = float(np.interp(lam, lams, self.kink_minima[p.kind]))
                f_star = float(np.interp(lam, lams, self.kink_minimum_values[p.kind]))
                p.dot.move_to(p.ax.c2p(w_star, f_star))
                p.foot.move_to(p.ax.c2p(w_star, 0))
                p.stem.put_start_and_end_on(p.ax.c2p(w_star, 0),
                                            p.ax.c2p(w_star, f_star) + 1e-3 * UP)
                p.readout.show(w_star)

        return redraw

    def kink(self) -> None:
        """The objective redrawn as lam grows: the L1 minimum sticks at 0, L2's keeps creeping."""
        self.open_beat("kink")
        head = header("The kink at zero", TAG_TEXT)
        # no descenders: the tag centred on this short heading pokes above the top margin
        head.shift(max(0.0, head.get_top()[1] - (config.frame_height / 2 - style.EDGE)) * DOWN)
        pic = self._build_kink(head)
        lam_t = ValueTracker(0.0)
        redraw = self._kink_updater(pic, lam_t)
        # Everything redraw() changes lives in this one group, which the first sentence's
        # FadeIn adds last (self.drive here, before that sentence, changes the frames).
        live = VGroup(pic.knob, pic.lam_read,
                      *(VGroup(p.curve, p.stem, p.foot, p.dot, p.readout) for p in pic.panels))
        redraw(live)
        self.add(head)
        live.add_updater(redraw)
        self._say_kink(pic, lam_t, live)
        live.clear_updaters()
        lam_t.set_value(KINK_LAM_MAX)
        redraw(live)  # the resting frame shows exactly lam = KINK_LAM_MAX
        self.wait(STILL)

    def _say_kink(self, pic: _Kink, lam_t: ValueTracker, live: VGroup) -> None:
        """Turn lam up sentence by sentence (KINK_STOPS), marking where L1 sticks at zero."""
        t = KINK_TARGET
        l0, l1, l2, l3 = KINK_STOPS  # lam when each sentence ends
        say(
            self,
            f"Now the data want w = {t:g}. Turn up the penalty strength lambda: absolute "
            "value on the left, square on the right.",
            Succession(
                _both(*(FadeIn(VGroup(p.title, p.axes, p.rule, p.zero_tick)) for p in pic.panels),
                      FadeIn(pic.slider), FadeIn(live), run_time=1.2),
                _glide(lam_t, 0.0, l0, run_time=2.0),
            ),
            span=True,
        )
        say(self, "As lambda grows, both minima slide toward zero.",
            _glide(lam_t, l0, l1), span=True)
        say(self, "The absolute value puts a kink at zero, sharper as lambda grows.",
            _glide(lam_t, l1, l2), span=True)
        say(
            self,
            f"At lambda = {t:g}, the target's size, the L1 minimum hits zero and sticks "
            "in the kink.",
            Succession(
                _glide(lam_t, l2, t, run_time=2.0),
                _both(Create(pic.stick), FadeIn(pic.stick_label), _glide(lam_t, t, l3),
                      run_time=1.5),
            ),
            span=True,
        )
        say(
            self,
            "Turn lambda up further: L1 stays at exactly zero, while the L2 minimum, "
            f"{t:g} over 1 + 2 lambda, keeps creeping and never arrives.",
            _glide(lam_t, l3, KINK_LAM_MAX),
            span=True,
        )

    # ------------------------------------------------------------------ beat 6
    def _make_map_panel(self, key: str, color, name: str, kind: str, formula: str,
                        dead: bool) -> _MapPanel:
        """One map of z: title, axes with the identity, the map (its dead zone if ``dead``),
        its formula and the readout of its output at Z_SWEEP's start."""
        lo, hi = Z_RANGE
        axes = house_axes((lo, hi, 1), (lo, hi, 1), 2.2, 1.5, "z", None, numbers=False)
        ax, axis_labels = axes
        # numbers only where no map passes: right of and above the origin
        ax.x_axis.add_numbers(MAP_TICKS, font_size=style.SMALL_SIZE)
        ax.y_axis.add_numbers(MAP_TICKS, font_size=style.SMALL_SIZE)
        axis_labels.add(label("out", style.SMALL_SIZE, style.MUTED)
                        .next_to(ax.c2p(0, hi), LEFT, buff=style.GAP))
        name_lab = label(name, style.LABEL_SIZE, color)
        kind_lab = label(kind, style.SMALL_SIZE, style.MUTED)
        title = VGroup(name_lab, kind_lab).arrange(DOWN, buff=style.GAP_S)
        identity = DashedLine(ax.c2p(lo, lo), ax.c2p(hi, hi), color=style.MUTED, stroke_width=2)
        ys = self.threshold_maps[key]
        t = self.map_thresholds[key]  # the dead zone's half-width
        breaks = [-t, t] if key == "hard" else []
        curve = _pieces(ax, self.z_grid, ys, color, breaks)
        zone, band_layer, flat_layer = VGroup(), VGroup(), VGroup()  # under, over the curve
        if dead:
            band = Rectangle(width=ax.c2p(t, 0)[0] - ax.c2p(-t, 0)[0],
                             height=ax.c2p(0, hi)[1] - ax.c2p(0, lo)[1],
                             stroke_width=0, fill_color=style.ZERO, fill_opacity=0.2)
            band.move_to(ax.c2p(0, 0))
            inside = np.abs(self.z_grid) <= t
            flat = polyline(ax, self.z_grid[inside], ys[inside], style.ZERO, width=7)
            zone.add(band, flat)
            band_layer.add(band)
            flat_layer.add(flat)
        note = tex(formula, color=color)
        z0, _z1 = Z_SWEEP
        r = _ExactReadout(r"\text{out}", float(np.interp(z0, self.z_grid, ys)), color,
                          decimals=2)
        plot = VGroup(axes, identity, band_layer, curve, flat_layer)
        group = VGroup(title, plot, note, r).arrange(DOWN, buff=style.GAP)
        return _MapPanel(key, color, ax, axes, name_lab, kind_lab, title, identity, curve,
                         breaks, zone, plot, note, r, group)

    def _make_map_legend(self) -> VGroup:
        """The maps' legend, in two rows (in one, fit_width shrank it below the small size)."""
        swatch_line = DashedLine(LEFT, RIGHT, color=style.MUTED, stroke_width=2)
        swatch_line.scale_to_fit_width(0.5)
        swatch_zone = Rectangle(width=0.35, height=0.25, stroke_width=0, fill_color=style.ZERO,
                                fill_opacity=0.5)
        legend = VGroup(
            VGroup(
                VGroup(swatch_line, label("no penalty", style.SMALL_SIZE, style.MUTED))
                .arrange(RIGHT, buff=style.GAP_S),
                VGroup(swatch_zone, label("dead zone: output exactly 0", style.SMALL_SIZE,
                                          style.ZERO)).arrange(RIGHT, buff=style.GAP_S),
            ).arrange(RIGHT, buff=style.GAP_L),
            label(f"each minimises \u00bd(w \u2212 z)\u00b2 + \u03bbR(w), \u03bb = {THRESHOLD:g}; "
                  "after ESL Table 3.4", style.SMALL_SIZE, style.MUTED),
        ).arrange(DOWN, buff=style.GAP_S)
        return fit_width(legend)

    def _build_maps(self, head: VGroup) -> _Maps:
        """The three maps in a row, lined up, over the legend, fitted under ``head``; the
        readout of z between the heading and its tag."""
        specs = (
            ("soft", style.L1, "Lasso", "soft threshold",
             r"\operatorname{sign}(z)\,(|z| - \lambda)_+", True),
            ("ridge", style.L2, "Ridge", "proportional shrink", r"z \,/\, (1 + 2\lambda)",
             False),
            ("hard", style.BEST_SUBSET, "Best subset", "hard threshold",
             r"z \cdot \mathbf{1}(|z| > \sqrt{2\lambda})", True),
        )
        panels = [self._make_map_panel(*spec) for spec in specs]
        first, middle, _last = panels
        row = VGroup(*(p.group for p in panels))
        row.arrange(RIGHT, buff=1.5 * style.GAP_L, aligned_edge=UP)
        row.next_to(head, DOWN, buff=style.GAP)
        for p in panels:  # titles differ in height: line the plots, formulas, readouts up
            p.name_label.align_to(first.name_label, UP)
            p.kind_label.align_to(first.kind_label, UP)
            VGroup(p.plot, p.note, p.readout).shift((middle.plot.get_y() - p.plot.get_y()) * UP)
            p.note.match_y(first.note)
            p.readout.match_y(middle.readout)
        legend = self._make_map_legend()
        legend.next_to(row, DOWN, buff=style.GAP)
        _fit_room(VGroup(row, legend), head)
        z0, _z1 = Z_SWEEP
        r_z = readout("z", z0, color=style.HIGHLIGHT)
        heading, badge = head
        r_z.move_to((heading.get_right() + badge.get_left()) / 2)
        return _Maps(panels, legend, r_z)

    def threshold_maps_beat(self) -> None:
        """ESL Table 3.4: soft threshold, ridge shrink, hard threshold; dead zone highlighted."""
        self.open_beat("threshold-maps")
        head = header("Each penalty as a map of z", TAG_TEXT)
        maps = self._build_maps(head)
        self.add(head)
        say(
            self,
            "For a whole model with orthonormal inputs, each penalty maps each "
            "least-squares coefficient z to a new value.",
            Succession(
                *(FadeIn(p.title, p.axes, p.identity, run_time=1.5) for p in maps.panels),
                FadeIn(maps.legend, run_time=1.0),
            ),
            span=True,
        )
        texts = (
            "The lasso subtracts lambda and stops at zero: every z up to lambda in size "
            "gives exactly zero. That flat stretch is the dead zone.",
            "Ridge divides by 1 + 2 lambda, as before: everything shrinks in proportion, and "
            "only z = 0 gives zero.",
            "Best subset keeps a coefficient or drops it: a hard threshold at the square root "
            "of 2 lambda, with its own dead zone.",
        )
        for panel, text in zip(maps.panels, texts, strict=True):
            self._draw_map(panel, text)
        self._say_same_z(maps)

    def _draw_map(self, panel: _MapPanel, text: str) -> None:
        """Draw one map from left to right with a pen while ``text`` is said, its output read
        off as it goes, then its dead zone."""
        lo, hi = Z_RANGE
        ys = self.threshold_maps[panel.key]
        masks = _run_masks(self.z_grid, panel.breaks)  # one per piece of the curve
        zc = ValueTracker(lo)
        pen_line = DashedLine(LEFT, RIGHT, color=panel.color, stroke_width=2)
        pen_dot = Dot(radius=0.07, color=panel.color)
        pen = VGroup(pen_line, pen_dot)

        def draw(_m=None) -> None:
            zv = zc.get_value()
            for piece, m in zip(panel.curve, masks, strict=True):
                keep = m & (self.z_grid <= zv)
                if keep.sum() >= 2:
                    piece.set_points_as_corners(scene_points(panel.ax, self.z_grid[keep],
                                                             ys[keep]))
                    piece.set_stroke(opacity=1.0)
                else:
                    piece.set_stroke(opacity=0.0)
            out = float(np.interp(zv, self.z_grid, ys))
            pen_line.put_start_and_end_on(panel.ax.c2p(zv, 0), panel.ax.c2p(zv, out) + 1e-3 * UP)
            pen_dot.move_to(panel.ax.c2p(zv, out))
            panel.readout.show(out)

        drawing = VGroup(panel.curve, pen, panel.readout)
        draw()
        drawing.add_updater(draw)
        steps = [_both(FadeIn(panel.note, shift=0.2 * UP), FadeIn(drawing), run_time=0.8),
                 _glide(zc, lo, hi, run_time=3.5)]
        if len(panel.zone):
            steps.append(FadeIn(panel.zone, run_time=1.0))
        say(self, text, Succession(*steps, FadeOut(pen, run_time=0.4)), span=True)
        drawing.clear_updaters()
        zc.set_value(hi)
        draw()
        self.remove(pen)

    def _say_same_z(self, maps: _Maps) -> None:
        """Feed all three maps the same z, into the dead zone and back."""
        z0, z1 = Z_SWEEP
        z_t = ValueTracker(z0)
        guides = VGroup(*(DashedLine(LEFT, RIGHT, color=style.HIGHLIGHT, stroke_width=2)
                          for _ in maps.panels))
        dots = VGroup(*(Dot(color=style.HIGHLIGHT, radius=0.08) for _ in maps.panels))

        def follow(_m=None) -> None:
            z = z_t.get_value()
            set_readout(maps.z_read, z)
            for p, g, d in zip(maps.panels, guides, dots, strict=True):
                out = float(np.interp(z, self.z_grid, self.threshold_maps[p.key]))
                g.put_start_and_end_on(p.ax.c2p(z, 0), p.ax.c2p(z, out) + 1e-3 * UP)
                d.move_to(p.ax.c2p(z, out))
                p.readout.show(out)

        live = VGroup(guides, dots)
        follow(live)
        # the readouts are on screen already: re-added with the updater, after everything else
        driver = self.drive([p.readout for p in maps.panels], follow)
        lasso, _ridge, _best_subset = maps.panels
        say(
            self,
            f"Feed all three the same z, from {z0:g} down into the dead zone: the lasso and "
            "best subset give exactly zero, ridge still a small number.",
            Succession(_both(FadeIn(live), FadeIn(maps.z_read), run_time=1.0),
                       _glide(z_t, z0, z1, run_time=3.0)),
            span=True,
        )
        say(
            self,
            "Back up: best subset jumps, the lasso rises smoothly. Only the lasso map is both "
            "continuous and has a dead zone.",
            Succession(_glide(z_t, z1, z0, run_time=3.0),
                       Circumscribe(lasso.plot, color=style.ZERO, run_time=1.0)),
            span=True,
        )
        driver.clear_updaters()
        z_t.set_value(z0)
        follow(live)  # the resting frame shows exactly z = Z_SWEEP[0]
        self.wait(STILL)

    # ------------------------------------------------------------------ beat 7
    def _make_balance_panel(self, kind: str) -> _BalancePanel:
        """Axes of force against w: the penalty's push lam R'(w), for L1 with its corner's
        interval [-lam, lam] at w = 0 as a separate vertical segment (empty for L2)."""
        axes = house_axes((*W_RANGE, 0.5), (*BALANCE_F, 0.5), 5.4, 2.9, "w", None,
                          numbers=False)
        ax, _axis_labels = axes
        ax.x_axis.add_numbers([-1, 1], font_size=style.SMALL_SIZE)
        color = style.L1 if kind == "l1" else style.L2
        push = self.balance_push[kind]
        bar = None
        if kind == "l1":
            curve = _pieces(ax, self.w_grid, push, color, breaks=[0.0])
            bar = Line(ax.c2p(0, -BALANCE_LAM), ax.c2p(0, BALANCE_LAM), color=color,
                       stroke_width=9)
            name = tex(r"\lambda\,\operatorname{sign}(w)", color=color)
            ends = VGroup(tex(r"\lambda", color=color, size=style.SMALL_SIZE)
                          .next_to(ax.c2p(0, BALANCE_LAM), UL, buff=style.GAP_S),
                          tex(r"-\lambda", color=color, size=style.SMALL_SIZE)
                          .next_to(ax.c2p(0, -BALANCE_LAM), DL, buff=style.GAP_S))
            segment = VGroup(bar, ends)
        else:
            curve = polyline(ax, self.w_grid, push, color)
            segment = VGroup()
            name = tex(r"2\lambda w", color=color)
        name.next_to(ax.c2p(W_RANGE[1], push[-1]), UL, buff=style.GAP_S)
        title = label("force", style.LABEL_SIZE, style.MUTED).next_to(ax.y_axis, UP, style.GAP_S)
        group = VGroup(axes, curve, segment, VGroup(name, title))
        return _BalancePanel(kind, axes, ax, curve, segment, bar, name, title, group)

    def _build_balance(self, head: VGroup) -> _Balance:
        """The objective and z over the two panels, each with its minimum and note under it,
        fitted under ``head``."""
        l1, l2 = self._make_balance_panel("l1"), self._make_balance_panel("l2")
        row = VGroup(l1.group, l2.group).arrange(RIGHT, buff=1.5 * style.GAP_L,
                                                 aligned_edge=DOWN)
        formula = tex(r"\min_w\ \tfrac12 (w - z)^2 + \lambda R(w),\qquad \lambda = "
                      + f"{BALANCE_LAM:g}", size=style.LABEL_SIZE)
        z_read = readout("z", BALANCE_Z[0], style.LOSS)
        top = VGroup(formula, z_read).arrange(RIGHT, buff=2 * style.GAP_L)
        l1_min = _ExactReadout(r"\text{L1 minimum}\ w", self.balance_min["l1"][-1], style.L1, 3)
        l2_min = readout(r"\text{L2 minimum}\ w", self.balance_min["l2"][-1], style.L2, 3)
        l1_note = tex(r"\text{at } w=0:\ \text{any push in } [-\lambda, \lambda]",
                      color=style.L1, size=style.SMALL_SIZE)
        l2_note = tex(r"\text{at } w=0:\ \text{push } 2\lambda\cdot 0 = 0", color=style.L2,
                      size=style.SMALL_SIZE)
        for m, n, p in ((l1_min, l1_note, l1), (l2_min, l2_note, l2)):
            VGroup(m, n).arrange(DOWN, buff=style.GAP_S).next_to(p.group, DOWN, buff=style.GAP)
        mins = VGroup(l1_min, l2_min)
        body = VGroup(top, VGroup(row, mins, VGroup(l1_note, l2_note))).arrange(
            DOWN, buff=style.GAP)
        _fit_room(body, head)
        return _Balance([l1, l2], top, z_read, l1_min, l2_min, mins, l1_note, l2_note)

    def _balance_updater(self, bal: _Balance, z: ValueTracker, pulls: VGroup,
                         points: VGroup) -> Callable:
        """The updater of beat 7: z's readout, and in each panel the pull z - w, the balance
        point and the minimum's readout, at the tracker's z."""

        def follow(_m=None) -> None:
            zv = z.get_value()
            set_readout(bal.z_read, zv)
            for p, pull, dot in zip(bal.panels, pulls, points, strict=True):
                move_line(pull, p.ax, zv, -1.0, W_RANGE, BALANCE_F)  # the pull z - w
                wmin = float(np.interp(zv, self.balance_z, self.balance_min[p.kind]))
                dot.move_to(p.ax.c2p(wmin, zv - wmin))
                if p.kind == "l1":
                    bal.l1_min.show(wmin)
                else:
                    set_readout(bal.l2_min, wmin)

        return follow

    def takeaway(self) -> None:
        """Why zero is the minimum under L1 and not under L2: the pull of the data against the
        penalty's push, with L1's whole interval [-lam, lam] of slopes at w = 0."""
        self.open_beat("takeaway")
        head = header("Why exactly zero", TAG_TEXT)
        bal = self._build_balance(head)
        self.add(head)
        z = ValueTracker(BALANCE_Z[0])
        pulls = VGroup(*(Line(color=style.LOSS, stroke_width=4) for _ in bal.panels))
        points = VGroup(*(Dot(radius=0.09, color=style.HIGHLIGHT) for _ in bal.panels))
        follow = self._balance_updater(bal, z, pulls, points)
        follow()
        self._say_balance(bal, pulls, points)
        self._say_l1_corner(bal)
        driver = self.drive([bal.z_read, pulls, points, bal.mins], follow)
        self._say_weaken(bal, z)
        driver.clear_updaters()
        z.set_value(BALANCE_Z[1])
        follow()  # the resting frame shows exactly z = BALANCE_Z[1]
        self.wait(STILL)

    def _say_balance(self, bal: _Balance, pulls: VGroup, points: VGroup) -> None:
        """The objective and both pushes, then the pulls and where they meet the pushes."""
        say(self, "Here is the real reason. At the best weight, the pull of the data toward z "
            "balances the penalty's push back toward zero.",
            Succession(
                FadeIn(bal.top, run_time=1.0),
                _both(*(Create(p.axes) for p in bal.panels), run_time=1.2),
                _both(*(Create(p.curve) for p in bal.panels),
                      *(FadeIn(VGroup(p.name, p.title)) for p in bal.panels), run_time=1.5),
            ),
            span=True)
        say(self, "The pull is the falling line, z minus w; where it meets the push is the "
            "minimum.",
            Succession(Create(pulls, run_time=2.0),
                       _both(FadeIn(points, scale=2), FadeIn(bal.mins))),
            span=True)

    def _say_l1_corner(self, bal: _Balance) -> None:
        """L1's push as a bar standing on the w axis: lambda away from zero; at the corner any
        value between -lambda and lambda."""
        l1, _l2 = bal.panels
        ax, lam = l1.ax, BALANCE_LAM
        probe_w, probe_f = ValueTracker(0.9), ValueTracker(lam)
        probe_bar = Line(color=style.L1, stroke_width=12, stroke_opacity=0.6)
        probe_dot = Dot(radius=0.1, color=style.L1)
        probe = VGroup(probe_bar, probe_dot)

        def place_probe(_m=None) -> None:
            wv, fv = probe_w.get_value(), probe_f.get_value()
            probe_bar.put_start_and_end_on(ax.c2p(wv, 0), ax.c2p(wv, fv) + 1e-3 * UP)
            probe_dot.move_to(ax.c2p(wv, fv))

        place_probe()
        probe.add_updater(place_probe)
        say(self, "Away from zero the L1 push is lambda. At zero, its corner, the push can be "
            "anything from minus lambda to lambda.",
            Succession(
                FadeIn(probe, run_time=0.4),
                _glide(probe_w, 0.9, 0.0, run_time=2.0),
                _both(Create(l1.segment), FadeIn(bal.l1_note), run_time=1.0),
                _glide(probe_f, lam, -lam, lam, run_time=2.5),
                FadeOut(probe, run_time=0.4),
            ),
            span=True)
        probe.clear_updaters()
        self.remove(probe)

    def _say_weaken(self, bal: _Balance, z: ValueTracker) -> None:
        """Weaken the pull into L1's dead zone and back, and L2's pull across zero."""
        z0, z1 = BALANCE_Z
        l1, _l2 = bal.panels
        say(self, f"Weaken the pull: the L1 balance point slides to zero, then climbs the "
            f"corner. Any pull weaker than lambda, {BALANCE_LAM:g}, is cancelled: exactly zero.",
            _steady(z, z1), span=True)
        say(self, "L2 pushes with two lambda w, nothing at zero: any pull moves the weight off "
            "zero, so it only shrinks.",
            Succession(FadeIn(bal.l2_note, run_time=0.6),
                       _glide(z, z1, -z1, z1, run_time=4.0)),
            span=True)
        say(self, "That corner is the dead zone of the soft threshold, and the reason an L1 "
            "penalty sets weights to exactly zero.",
            Succession(_glide(z, z1, z0, z1, run_time=4.0),
                       Circumscribe(l1.bar, color=style.ZERO, run_time=1.0)),
            span=True)
