"""Chapter: stability. Nudge one point sideways: the L2 line glides, the L1 line jumps.

Render it from the repository root:  ``manim -pqh scenes/stability.py``

Here L1 and L2 are *losses* (least absolute deviations against least squares), not
penalties, and "stability" means resistance to a small horizontal move of one data point.
Beats (one method each, in order): title, nudge, why, vertical, takeaway. In "why" the point slides
again beside each loss drawn against the line's slope (``mathutils.lad.slope_profiles``):
the L1 curve's minimum hops between corners, the least-squares parabola's glides. Every
number on screen is computed in ``setup()`` by ``mathutils`` (the data and the tie come from
``mathutils.lad.nudge_example``); updaters only look values up in precomputed arrays.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from manim import (
    DOWN,
    LEFT,
    ORIGIN,
    RIGHT,
    UL,
    UP,
    AnimationGroup,
    Axes,
    Circle,
    Create,
    DashedLine,
    Dot,
    FadeIn,
    FadeOut,
    Flash,
    Indicate,
    LaggedStart,
    Line,
    MathTex,
    ShowPassingFlash,
    Text,
    UpdateFromAlphaFunc,
    ValueTracker,
    VGroup,
    VMobject,
    Write,
    config,
    linear,
    smooth,
    there_and_back,
)

from mathutils import absolute_loss, ols_fit
from mathutils.lad import drag_path, nudge_example, slope_profiles
from scenes import style
from scenes.chapter import Chapter
from scenes.components import (
    clip_line,
    fit_line,
    fit_width,
    fits_legend,
    header,
    house_axes,
    label,
    narrate_steps,
    number_word,
    polyline,
    readout,
    say,
    scene_points,
    set_readout,
    tex,
)
from scenes.examples import NUDGE_POSITIONS

TAG_TEXT = "L1 vs L2 as a loss"

# ---- the chapter's parameters (every value shown is computed from these by mathutils) ------
N_POSITIONS = NUDGE_POSITIONS  # fits solved along the nudge (scenes/examples.py)
FAN = 7  # beat 3: lines drawn between the two tied vertex lines (all equally optimal)
DATA_X, DATA_Y = (0, 8, 1), (0, 6, 1)  # the data axes
SLOPE_Y = (0, 1, 0.25)  # the slope axis
OFF_TIE = 1e-9  # a position this close to the tie is on it: both lines are optimal there
PROFILE_SLOPES = (-0.2, 1.2, 0.2)  # beat 3: the slope axis of the two loss-against-slope plots
PROFILE_SAMPLES = 141  # slopes sampled per curve (every corner is added exactly)
VERTICAL = (0.8, 121)  # beat 4: the lowest height of the vertical nudge, heights solved
HOP_AT = 0.35  # beat 3: share of the "hops" sentence said before the point steps past the tie
JUMP_AT = 0.7  # beat 2: share of the "jumps" sentence said before the point steps past the tie
WHY_START = 0  # beat 3: the position the point slides from (the first)


# ---- small drawing helpers (module-level, no maths) ---------------------------------------
def _ends(ax, intercept, slope):
    """Scene end points of the line ``intercept + slope x``, clipped to the data box."""
    x0, y0, x1, y1 = clip_line(intercept, slope, DATA_X, DATA_Y)
    return ax.c2p(x0, y0), ax.c2p(x1, y1)


def _axis_range(values, step: float) -> tuple[float, float, float]:
    """An axis range on multiples of ``step`` that holds ``values``."""
    return (float(np.floor(np.min(values) / step) * step),
            float(np.ceil(np.max(values) / step) * step), step)


def _step_at(at: float):
    """A rate function that holds 0 until ``at`` of the sentence, then is 1: a step."""
    return lambda t: 0.0 if t < at else 1.0


def _after(at: float):
    """A rate function that holds 0 until ``at``, then runs linearly to 1."""
    return lambda t: 0.0 if t < at else (t - at) / (1.0 - at)


def _until(at: float):
    """A rate function that runs linearly to 1 by ``at``, then holds."""
    return lambda t: min(1.0, t / at)


def _mark(ok: bool) -> MathTex:
    """The takeaway's verdict: a bold tick in the text colour (thin green read poorly on the
    dark background), or a muted cross."""
    mark = tex(r"\checkmark" if ok else r"\times", size=style.TITLE_SIZE,
               color=style.TEXT if ok else style.MUTED)
    return mark.set_stroke(mark.get_color(), width=3 if ok else 1)


# ---- the pictures' named parts ------------------------------------------------------------
@dataclass
class _SlidePanels:
    """Beats 2 and 4: the data (left), each line's slope against the moved coordinate
    (right) under its title, the fits' legend below both."""

    data: VGroup  # the data axes with their labels
    ax: Axes
    slope_plot: VGroup  # the slope axes with their label
    bx: Axes
    slope_title: Text
    legend: VGroup


def _slide_panels(head: VGroup, x_range, x_label: str) -> _SlidePanels:
    """The two panels side by side under ``head``, the legend below, centred and fitted."""
    data = house_axes(DATA_X, DATA_Y, 5.3, 3.5, "x", "y")
    ax = data.axes
    slope_plot = house_axes(x_range, SLOPE_Y, 4.7, 3.5, x_label, None)
    bx = slope_plot.axes
    slope_title = label("slope of each line", style.SMALL_SIZE, style.TEXT)
    slope_title.next_to(bx, UP, buff=style.GAP_S)
    panels = VGroup(data, VGroup(slope_plot, slope_title)).arrange(
        RIGHT, buff=style.GAP_L, aligned_edge=DOWN)
    legend = fits_legend(across=True)
    body = VGroup(panels, legend)
    body.arrange(DOWN, buff=style.GAP).next_to(head, DOWN, buff=style.GAP)
    body.set_x(0)
    fit_width(body)
    return _SlidePanels(data, ax, slope_plot, bx, slope_title, legend)


@dataclass
class _Slider:
    """Beats 2 and 4 on the data: the points that stay, the moving one on its rail, both
    fitted lines."""

    dots: VGroup
    mover: Dot
    rail: Line
    ols: Line
    lad: Line


@dataclass
class _SlopeTraces:
    """Beat 2's slope plot: live readouts, each line's slope traced so far, the L1 jump."""

    r2: VGroup  # slope_L2 = ...
    r1: VGroup  # slope_L1 = ...
    readouts: VGroup  # the two, stacked
    l2: VMobject
    l1_before: VMobject  # the L1 trace before the tie ...
    l1_after: VMobject  # ... and after it (invisible until it has two points)
    jump: DashedLine  # the L1 slope's step at the tie


@dataclass
class _WhyPanels:
    """Beat 3: the data, then each loss against the slope under its two-line title."""

    data: VGroup
    ax: Axes
    l1_plot: VGroup
    a1: Axes
    l1_titles: VGroup
    l2_plot: VGroup
    a2: Axes
    l2_titles: VGroup


@dataclass
class _WhyParts:
    """Beat 3's drawings, all placed for one position by ``_why_place``."""

    dots: VGroup
    mover: Dot
    rail: Line
    lad: Line
    ols: Line
    c1: VMobject  # the L1 loss against the slope
    c2: VMobject  # the least-squares parabola
    min1: Dot
    min2: Dot
    corner_dots: VGroup  # one per two-point line, on the L1 curve when its slope is in view
    rings: VGroup  # around the two data points the L1 line passes through

    def moving(self) -> list:
        """What the slide changes, in the order the updater's group draws it."""
        return [self.mover, self.lad, self.ols, self.c1, self.c2, self.min1, self.min2,
                self.corner_dots, self.rings]


class NudgeMakesTheLineJump(Chapter):
    """Chapter 5: slide one point a little; least squares glides, LAD stays and then jumps."""

    SLUG = "stability"
    QUESTION = "Move one point a little: does the line move only a little?"
    OPENING = "Move one data point a little. Does the fitted line move only a little?"

    # ------------------------------------------------------------------ numbers (mathutils)
    def setup(self) -> None:
        """Compute every number the chapter shows, before anything is animated."""
        e = nudge_example(N_POSITIONS)
        self.example = e
        self.positions = np.asarray(e.positions)
        self.ols_slopes = np.asarray(e.ols_slopes)
        self.lad_slopes = np.asarray(e.lad_slopes)
        self.tie_position = e.tie_position
        self.tie_lines = e.tie_lines
        # Which LAD line holds on each side of the tie (the one each side's fits agree with).
        off = np.abs(self.positions - self.tie_position) > OFF_TIE
        self.before = off & (self.positions < self.tie_position)
        self.after = off & (self.positions > self.tie_position)
        self.slope_before = float(self.lad_slopes[self.before][0])
        self.slope_after = float(self.lad_slopes[self.after][0])
        # Beat 3: the fan of lines between the two tied lines at the tie (each one's L1
        # loss, to show they all tie).
        xs, ys = e.data_at(self.tie_position)
        self.tie_data = (xs, ys)
        first, second = self.tie_lines
        self.tie_loss = absolute_loss(first, xs, ys)
        w = np.linspace(0.0, 1.0, FAN + 2)[1:-1]
        a0, b0 = first
        a1, b1 = second
        self.fan = [((1 - t) * a0 + t * a1, (1 - t) * b0 + t * b1) for t in w]
        self.fan_losses = np.array(
            [np.abs(ys - a - b * xs).sum() for a, b in self.fan]
        )
        self._profiles()
        # Beat 4: the same point nudged vertically instead, at its first x, down to the
        # lowest height.
        lowest, n_heights = VERTICAL
        xv = np.array(e.x, dtype=float)
        xv[e.moving] = self.positions[0]
        self.vertical_x = xv
        self.heights = np.linspace(lowest, float(e.y[e.moving]), n_heights)
        self.vertical = drag_path(xv, e.y, e.moving, self.heights)

    def _profiles(self) -> None:
        """Beat 3: each loss against the slope (best intercept per slope) at every position.

        The positions are beat 2's, minus any within ``OFF_TIE`` of the tie, plus the tie
        itself (``why_tie``): there the L1 curve has a flat bottom between the two tied
        corners. Per position: the L1 curve sampled on a slope grid with every two-point
        line's slope (its corners) added, the L2 parabola, both minima, the two data points
        the L1 line passes through, and the corners' places.
        """
        e = self.example
        lo, hi, _ = PROFILE_SLOPES
        keep = np.abs(self.positions - self.tie_position) > OFF_TIE
        pos = np.sort(np.append(self.positions[keep], self.tie_position))
        self.why_positions = pos
        self.why_tie = int(np.nonzero(pos == self.tie_position)[0][0])
        base = np.linspace(lo, hi, PROFILE_SAMPLES)
        i, j = np.triu_indices(len(e.x), k=1)
        self.why_pairs = np.stack([i, j], axis=1)
        grids, l1s, l2s, corners, corner_l1, pair_lines = [], [], [], [], [], []
        l1_min = np.empty((len(pos), 2))  # (slope, loss) of the LAD minimum
        l2_min = np.empty((len(pos), 2))  # (slope, loss) of the least-squares minimum
        lad_lines = np.empty((len(pos), 2))  # (intercept, slope)
        ols_lines = np.empty((len(pos), 2))
        on_line = np.empty((len(pos), 2), dtype=int)
        for k, t in enumerate(pos):
            xs, ys = e.data_at(t)
            c = (ys[j] - ys[i]) / (xs[j] - xs[i])  # the corners: slopes of two-point lines
            grid = np.union1d(base, c[(c >= lo) & (c <= hi)])
            l1, l2 = slope_profiles(xs, ys, grid)
            grids.append(grid)
            l1s.append(l1)
            l2s.append(l2)
            corners.append(c)
            pair_lines.append(np.stack([ys[i] - c * xs[i], c], axis=1))
            l1_at_corners, _ = slope_profiles(xs, ys, c)
            corner_l1.append(l1_at_corners)
            if k == self.why_tie:  # the flat bottom: keep the line that held before the tie
                b = self.slope_before
            else:
                b = float(grid[np.argmin(l1)])
            a = float(np.median(ys - b * xs))
            lad_lines[k] = a, b
            l1_min[k] = b, float(np.abs(ys - a - b * xs).sum())
            o = ols_fit(xs, ys)
            ols_lines[k] = o.intercept, o.slope
            _, (l2_at_ols,) = slope_profiles(xs, ys, [o.slope])
            l2_min[k] = o.slope, float(l2_at_ols)
            on = np.argsort(np.abs(ys - a - b * xs))[:2]
            on_line[k] = np.sort(on)
        self.profile_grids, self.l1_profiles, self.l2_profiles = grids, l1s, l2s
        self.corner_slopes, self.corner_l1 = np.array(corners), np.array(corner_l1)
        self.pair_lines = np.array(pair_lines)  # (intercept, slope) of each two-point line
        self.l1_min, self.l2_min = l1_min, l2_min
        self.why_lad, self.why_ols, self.why_on_line = lad_lines, ols_lines, on_line
        self.l1_range = _axis_range(np.concatenate(l1s), 1.0)
        self.l2_range = _axis_range(np.concatenate(l2s), 5.0)

    # ------------------------------------------------------------------ table of contents
    def construct(self) -> None:
        """The chapter, beat by beat."""
        self.title_beat()
        self.nudge()
        self.why()
        self.vertical_nudge()
        self.takeaway()

    # ------------------------------------------------------------------ shared builders
    def _still_dots(self, ax: Axes, radius: float) -> VGroup:
        """The data points that stay put (every one but the moving point)."""
        e = self.example
        return VGroup(*(Dot(ax.c2p(e.x[i], e.y[i]), color=style.DATA, radius=radius)
                        for i in range(len(e.x)) if i != e.moving))

    def _slider(self, ax: Axes, at, rail_from, rail_to, ols, lad) -> _Slider:
        """The still points, the moving point ``at`` (x, y) on its rail, and the least-squares
        and LAD lines ``ols`` and ``lad`` (intercept, slope)."""
        dots = self._still_dots(ax, 0.08)
        mover = Dot(ax.c2p(*at), color=style.HIGHLIGHT, radius=0.1)
        rail = Line(ax.c2p(*rail_from), ax.c2p(*rail_to), color=style.MUTED, stroke_width=4)
        return _Slider(dots, mover, rail,
                       fit_line(ax, *ols, DATA_X, DATA_Y, style.L2),
                       fit_line(ax, *lad, DATA_X, DATA_Y, style.L1))

    # ------------------------------------------------------------------ beat 1
    def title_beat(self) -> None:
        """What stability means here (a small horizontal move of one point), shown on a small
        sketch of the chapter's own data: the nudge and the least-squares line it moves."""
        card = super().title_beat()
        e = self.example
        meaning = label(
            "stability = resistance to a small horizontal move of one point",
            style.LABEL_SIZE, style.TEXT,
        )
        badge = label(
            "L1 vs L2 as a loss: least absolute deviations vs least squares",
            style.LABEL_SIZE, style.HIGHLIGHT,
        )
        sketch = house_axes(DATA_X, DATA_Y, 3.2, 1.7, None, None, numbers=False)
        ax = sketch.axes
        m = e.moving
        dots = self._still_dots(ax, 0.05)
        mover = Dot(ax.c2p(self.positions[0], e.y[m]), color=style.HIGHLIGHT, radius=0.07)
        ols = fit_line(ax, e.ols_intercepts[0], e.ols_slopes[0], DATA_X, DATA_Y, style.L2,
                       width=3)
        lad = fit_line(ax, e.lad_intercepts[0], e.lad_slopes[0], DATA_X, DATA_Y, style.L1,
                       width=3)
        notes = VGroup(meaning, VGroup(sketch, dots, mover, ols), badge).arrange(
            DOWN, buff=style.GAP)
        fit_width(notes)
        # The card rises to the top so the notes and the sketch stay above the caption band.
        rise = config.frame_height / 2 - style.EDGE - card.get_top()[1]
        notes.next_to(card.copy().shift(rise * UP), DOWN, buff=style.GAP)
        narrate_steps(
            self,
            "Stability here means resistance to a small horizontal move of one data point.",
            [(card.animate.shift(rise * UP), Write(meaning)),
             (FadeIn(sketch, dots, ols), FadeIn(mover, scale=3.0))],
        )
        # A small nudge (before the tie: only the least-squares line moves, a little).
        k_small = int(np.nonzero(self.before)[0][-1]) // 2

        def slide(_m, a: float) -> None:
            k = int(round(a * k_small))
            mover.move_to(ax.c2p(self.positions[k], e.y[m]))
            ols.put_start_and_end_on(*_ends(ax, e.ols_intercepts[k], e.ols_slopes[k]))

        say(
            self,
            "A small nudge should give a small change in the fitted line.",
            UpdateFromAlphaFunc(VGroup(mover, ols), slide), span=True,
        )
        lad.put_start_and_end_on(*_ends(ax, e.lad_intercepts[k_small], e.lad_slopes[k_small]))
        narrate_steps(
            self,
            "As in the last chapter, L1 and L2 are losses here, not penalties: "
            "least absolute deviations against least squares.",
            [(Write(badge),), (Create(lad),), (Indicate(ols, color=style.HIGHLIGHT,
                                                      scale_factor=1.0),)],
        )

    # ------------------------------------------------------------------ beat 2
    def nudge(self) -> None:
        """Slide one point through a short range; plot both slopes against its position."""
        self.open_beat("nudge")
        head = header("A small nudge", TAG_TEXT)
        self.add(head)
        e = self.example
        lo, hi = float(self.positions[0]), float(self.positions[-1])
        panels = _slide_panels(head, (lo, hi, 0.2), r"x_{\text{moved}}")
        y = e.y[e.moving]
        slider = self._slider(panels.ax, (lo, y), (lo, y), (hi, y),
                              (e.ols_intercepts[0], e.ols_slopes[0]),
                              (e.lad_intercepts[0], e.lad_slopes[0]))
        narrate_steps(
            self,
            f"Here are {number_word(len(e.x))} points, fitted two ways. The highlighted point "
            f"will slide sideways, from x = {lo:.1f} to {hi:.1f}, at the same height.",
            [(Create(panels.data), FadeIn(slider.dots)),
             (Create(slider.ols), Create(slider.lad), FadeIn(panels.legend)),
             (FadeIn(slider.mover), Create(slider.rail))],
        )
        traces = self._slope_traces(panels.bx)
        say(
            self,
            "On the right we will plot each line's slope against where the point is.",
            Create(panels.slope_plot), FadeIn(panels.slope_title, traces.readouts),
            run_time=style.NORMAL,
        )
        self.add(traces.l2, traces.l1_before, traces.l1_after)
        self._slide_past_the_tie(panels, slider, traces)
        self._read_the_changes(panels.bx, traces, hi - lo)

    def _slope_traces(self, bx: Axes) -> _SlopeTraces:
        """Beat 2's slope plot at the first position: readouts, traces, the (unshown) jump."""
        e = self.example
        r2 = readout(r"\text{slope}_{L2}", e.ols_slopes[0], color=style.L2)
        r1 = readout(r"\text{slope}_{L1}", e.lad_slopes[0], color=style.L1)
        nums = VGroup(r2, r1).arrange(DOWN, aligned_edge=LEFT, buff=style.GAP_S)
        slope_lo, _, _ = SLOPE_Y
        nums.next_to(bx.c2p(self.positions[-1], slope_lo), UL, buff=style.GAP)
        trace2 = polyline(bx, self.positions[:1], self.ols_slopes[:1], style.L2)
        trace1a = polyline(bx, self.positions[:1], self.lad_slopes[:1], style.L1)
        trace1b = polyline(bx, self.positions[:1], self.lad_slopes[:1], style.L1)
        trace1b.set_stroke(opacity=0.0)
        jump = DashedLine(bx.c2p(self.tie_position, self.slope_before),
                          bx.c2p(self.tie_position, self.slope_after),
                          color=style.L1, stroke_width=3)
        return _SlopeTraces(r2, r1, nums, trace2, trace1a, trace1b, jump)

    def _nudge_follow(self, panels: _SlidePanels, slider: _Slider, traces: _SlopeTraces,
                      s: ValueTracker):
        """Beat 2's updater: the point, lines, readouts and traces at position ``s``; the
        jump is drawn once the L1 trace has two points past the tie."""
        e, ax, bx = self.example, panels.ax, panels.bx
        idx = np.arange(len(self.positions))
        state = {"jumped": False}

        def follow(_m) -> None:
            k = int(round(s.get_value()))
            t = self.positions[k]
            slider.mover.move_to(ax.c2p(t, e.y[e.moving]))
            slider.ols.put_start_and_end_on(*_ends(ax, e.ols_intercepts[k], e.ols_slopes[k]))
            slider.lad.put_start_and_end_on(*_ends(ax, e.lad_intercepts[k], e.lad_slopes[k]))
            set_readout(traces.r2, e.ols_slopes[k])
            set_readout(traces.r1, e.lad_slopes[k])
            upto = idx <= k
            traces.l2.set_points_as_corners(scene_points(bx, self.positions[upto],
                                                         self.ols_slopes[upto]))
            a = upto & self.before
            traces.l1_before.set_points_as_corners(scene_points(bx, self.positions[a],
                                                                self.lad_slopes[a]))
            b = upto & self.after
            if b.sum() >= 2:
                traces.l1_after.set_points_as_corners(scene_points(bx, self.positions[b],
                                                                   self.lad_slopes[b]))
                traces.l1_after.set_stroke(opacity=1.0)
                if not state["jumped"]:
                    state["jumped"] = True
                    self.add(traces.jump)

        return follow

    def _slide_past_the_tie(self, panels: _SlidePanels, slider: _Slider,
                            traces: _SlopeTraces) -> None:
        """Beat 2's slide, sentence by sentence: glide, jump (on the word), keep gliding."""
        s = ValueTracker(0.0)
        follow = self._nudge_follow(panels, slider, traces, s)
        # The updater sits on the group it mutates, so manim redraws those every frame.
        driver = self.drive([slider.mover, slider.ols, slider.lad, traces.r2, traces.r1,
                             traces.l2, traces.l1_before, traces.l1_after], follow)
        kb = int(np.nonzero(self.before)[0][-1])  # the last position before the tie
        ka = int(np.nonzero(self.after)[0][0])  # the first one after it
        # The sweep lasts as long as its sentences: the motion is what the words describe.
        say(
            self,
            "Slide it. The least-squares slope glides smoothly, and the L1 slope does not "
            "move at all.",
            s.animate(rate_func=linear).set_value(kb), run_time=style.LONG, span=True,
        )
        # The step past the tie lands on the word "jumps", with a flash where it happens.
        say(
            self,
            "Then, suddenly, it jumps.",
            s.animate(rate_func=_step_at(JUMP_AT)).set_value(ka + 1),
            Flash(panels.bx.c2p(self.tie_position, self.slope_after), color=style.HIGHLIGHT,
                  rate_func=_after(JUMP_AT)),
            run_time=style.NORMAL, span=True,
        )
        say(
            self,
            "It stays at its new slope, while least squares keeps gliding.",
            s.animate(rate_func=linear).set_value(len(self.positions) - 1),
            run_time=style.LONG, span=True,
        )
        follow(driver)
        driver.clear_updaters()
        self.add(traces.jump)

    def _read_the_changes(self, bx: Axes, traces: _SlopeTraces, moved: float) -> None:
        """Beat 2's end: each slope's start and end values read off its trace, the tie
        marked where the L1 slope jumped (``moved``: how far the point went)."""
        slope_lo, slope_hi, _ = SLOPE_Y
        tie_mark = DashedLine(bx.c2p(self.tie_position, slope_lo),
                              bx.c2p(self.tie_position, slope_hi),
                              color=style.HIGHLIGHT, stroke_width=2)
        tie_text = tex(rf"x = {self.tie_position:.2f}", color=style.HIGHLIGHT)
        tie_text.next_to(tie_mark.get_top(), DOWN + LEFT, buff=style.GAP_S)
        # The start and end values the sentence reads, written as it reads them.
        change2 = label(f"L2: {self.ols_slopes[0]:.2f} \u2192 {self.ols_slopes[-1]:.2f}",
                        style.SMALL_SIZE, style.L2)
        change1 = label(f"L1: {self.slope_before:.2f} \u2192 {self.slope_after:.2f}",
                        style.SMALL_SIZE, style.L1)
        changes = VGroup(change2, change1).arrange(DOWN, aligned_edge=LEFT, buff=style.GAP_S)
        # They take the place of the live readouts, which only ever show the current values.
        changes.align_to(traces.readouts, DOWN).align_to(
            bx.c2p(self.positions[-1], slope_lo), RIGHT)
        # A marker runs along each traced slope while its start and end values are read.
        pointer = Circle(radius=0.14, color=style.HIGHLIGHT, stroke_width=4)
        pointer.move_to(bx.c2p(self.positions[0], self.ols_slopes[0]))
        last = len(self.positions) - 1

        def along(slopes):
            def update(mob, a: float) -> None:
                k = int(round(a * last))
                mob.move_to(bx.c2p(self.positions[k], slopes[k]))
            return update

        say(
            self,
            f"Moving the point {moved:.1f} units changed the least-squares slope from "
            f"{self.ols_slopes[0]:.2f} to {self.ols_slopes[-1]:.2f}.",
            FadeIn(pointer, rate_func=_until(0.1)), FadeOut(traces.r2, rate_func=_until(0.2)),
            Write(change2, rate_func=_until(0.5)),
            UpdateFromAlphaFunc(pointer, along(self.ols_slopes), rate_func=_after(0.1)),
            span=True,
        )
        pointer.move_to(bx.c2p(self.positions[0], self.lad_slopes[0]))
        say(
            self,
            f"The L1 slope jumped from {self.slope_before:.2f} to {self.slope_after:.2f}, "
            f"all at once, at x = {self.tie_position:.2f}.",
            FadeOut(traces.r1, rate_func=_until(0.2)), Write(change1, rate_func=_until(0.4)),
            UpdateFromAlphaFunc(pointer, along(self.lad_slopes), rate_func=_until(0.7)),
            Create(tie_mark, rate_func=_after(0.5)), FadeIn(tie_text, rate_func=_after(0.6)),
            Indicate(traces.jump, color=style.HIGHLIGHT,
                     rate_func=lambda t: there_and_back(_after(0.6)(t))),
            span=True,
        )

    # ------------------------------------------------------------------ beat 3
    def why(self) -> None:
        """Each loss against the slope while the point slides: the L1 minimum hops between
        corners (lines through two data points), the least-squares minimum glides."""
        self.open_beat("why")
        head = header("Why it jumps", TAG_TEXT)
        self.add(head)
        pic = self._why_panels(head)
        parts = self._why_parts(pic)
        self._why_place(pic, parts, WHY_START)
        self._why_curves(pic, parts)
        self._why_corners(pic, parts)
        s = ValueTracker(float(WHY_START))

        def follow(_m) -> None:
            self._why_place(pic, parts, int(round(s.get_value())))

        driver = self.drive(parts.moving(), follow)
        say(
            self,
            "Now slide the point again. The bowl shifts, and its lowest point glides. "
            "The L1 curve tilts until its two lowest corners are level.",
            s.animate(rate_func=linear).set_value(float(self.why_tie)),
            run_time=style.LONG, span=True,
        )
        tie_marks = self._why_flat_bottom(pic)
        self._why_hop(pic, parts, s, driver, tie_marks)

    def _why_panels(self, head: VGroup) -> _WhyPanels:
        """The data and the two loss-against-slope plots in a row under ``head``."""
        data = house_axes(DATA_X, DATA_Y, 3.9, 3.8, "x", "y")
        ax = data.axes
        p1 = house_axes(PROFILE_SLOPES, self.l1_range, 3.4, 3.8, None, None)
        a1 = p1.axes
        p2 = house_axes(PROFILE_SLOPES, self.l2_range, 3.4, 3.8, None, None)
        a2 = p2.axes
        t1 = label("L1 loss of the best line", style.SMALL_SIZE, style.L1)
        t2 = label("L2 loss of the best line", style.SMALL_SIZE, style.L2)
        s1 = label("with each slope", style.SMALL_SIZE, style.MUTED)
        s2 = label("with each slope", style.SMALL_SIZE, style.MUTED)
        titles1 = VGroup(t1, s1).arrange(DOWN, buff=style.GAP_S)
        right1 = VGroup(titles1, p1).arrange(DOWN, buff=style.GAP_S)
        titles2 = VGroup(t2, s2).arrange(DOWN, buff=style.GAP_S)
        right2 = VGroup(titles2, p2).arrange(DOWN, buff=style.GAP_S)
        panels = VGroup(data, right1, right2).arrange(RIGHT, buff=style.GAP,
                                                      aligned_edge=DOWN)
        fit_width(panels)
        panels.next_to(head, DOWN, buff=style.GAP).set_x(0)
        return _WhyPanels(data, ax, p1, a1, titles1, p2, a2, titles2)

    def _why_parts(self, pic: _WhyPanels) -> _WhyParts:
        """Beat 3's drawings at the first position (``_why_place`` puts them in place)."""
        e, pos, ax, a1, a2 = self.example, self.why_positions, pic.ax, pic.a1, pic.a2
        k0, y = WHY_START, e.y[e.moving]
        l1_lo, _, _ = self.l1_range
        return _WhyParts(
            dots=self._still_dots(ax, 0.07),
            mover=Dot(ax.c2p(pos[k0], y), color=style.HIGHLIGHT, radius=0.09),
            rail=Line(ax.c2p(pos[0], y), ax.c2p(pos[-1], y), color=style.MUTED,
                      stroke_width=4),
            lad=fit_line(ax, *self.why_lad[k0], DATA_X, DATA_Y, style.L1),
            ols=fit_line(ax, *self.why_ols[k0], DATA_X, DATA_Y, style.L2),
            c1=polyline(a1, self.profile_grids[k0], self.l1_profiles[k0], style.L1),
            c2=polyline(a2, self.profile_grids[k0], self.l2_profiles[k0], style.L2),
            min1=Dot(a1.c2p(*self.l1_min[k0]), color=style.HIGHLIGHT, radius=0.09),
            min2=Dot(a2.c2p(*self.l2_min[k0]), color=style.HIGHLIGHT, radius=0.09),
            corner_dots=VGroup(*(Dot(a1.c2p(0, l1_lo), color=style.L1, radius=0.06)
                                 for _ in self.why_pairs)),
            rings=VGroup(*(Circle(radius=0.15, color=style.L1, stroke_width=3)
                           for _ in range(2))),
        )

    def _why_place(self, pic: _WhyPanels, parts: _WhyParts, k: int) -> None:
        """Put beat 3's drawings at position ``k`` (the updater: only looks values up)."""
        e, ax, a1, a2 = self.example, pic.ax, pic.a1, pic.a2
        lo_b, hi_b, _ = PROFILE_SLOPES
        l1_lo, l1_hi, _ = self.l1_range
        t = self.why_positions[k]
        parts.mover.move_to(ax.c2p(t, e.y[e.moving]))
        parts.lad.put_start_and_end_on(*_ends(ax, *self.why_lad[k]))
        parts.ols.put_start_and_end_on(*_ends(ax, *self.why_ols[k]))
        parts.c1.set_points_as_corners(
            scene_points(a1, self.profile_grids[k], self.l1_profiles[k]))
        parts.c2.set_points_as_corners(
            scene_points(a2, self.profile_grids[k], self.l2_profiles[k]))
        parts.min1.move_to(a1.c2p(*self.l1_min[k]))
        parts.min2.move_to(a2.c2p(*self.l2_min[k]))
        for d, b, v in zip(parts.corner_dots, self.corner_slopes[k], self.corner_l1[k],
                           strict=True):
            inside = lo_b <= b <= hi_b and v <= l1_hi
            d.move_to(a1.c2p(b if inside else 0.0, v if inside else l1_lo))
            d.set_opacity(1.0 if inside else 0.0)
        for ring, i in zip(parts.rings, self.why_on_line[k], strict=True):
            i = int(i)  # a data point the L1 line passes through (the moving one at t)
            ring.move_to(ax.c2p(t if i == e.moving else e.x[i], e.y[i]))

    def _why_curves(self, pic: _WhyPanels, parts: _WhyParts) -> None:
        """Draw the picture, then the least-squares bowl and its lowest point."""
        narrate_steps(
            self,
            "Why? For each slope, give the line its best intercept and add up the misses: "
            "each loss becomes a curve over the slope.",
            [(Create(pic.data), FadeIn(parts.dots, parts.mover), Create(parts.rail),
              Create(parts.lad), Create(parts.ols)),
             (FadeIn(pic.l1_titles, pic.l2_titles), Create(pic.l1_plot), Create(pic.l2_plot)),
             (Create(parts.c1), Create(parts.c2))],
        )
        narrate_steps(
            self,
            "Least squares gives a smooth bowl, a parabola. Its lowest point is the "
            "least-squares line.",
            [(ShowPassingFlash(parts.c2.copy().set_stroke(style.HIGHLIGHT, width=9),
                               time_width=0.6),),
             (FadeIn(parts.min2, scale=2.0),
              Indicate(parts.ols, color=style.HIGHLIGHT, scale_factor=1.0))],
        )

    def _why_corners(self, pic: _WhyPanels, parts: _WhyParts) -> None:
        """Every line through two data points, drawn as its corner appears on the L1 curve;
        the lowest corner is the L1 line."""
        candidates = VGroup(*(Line(*_ends(pic.ax, *line), color=style.L1, stroke_width=3,
                                   stroke_opacity=0.8)
                              for line in self.pair_lines[WHY_START]))
        narrate_steps(
            self,
            "The L1 curve is made of straight pieces. Each corner is a line through two "
            "data points, so the lowest corner is the L1 line: through two points.",
            [(ShowPassingFlash(parts.c1.copy().set_stroke(style.HIGHLIGHT, width=9),
                               time_width=0.6),),
             (LaggedStart(*(AnimationGroup(Create(line), FadeIn(dot, scale=2.0))
                            for line, dot in zip(candidates, parts.corner_dots, strict=True)),
                          lag_ratio=0.5),),
             (FadeOut(candidates), FadeIn(parts.min1, scale=2.0), Create(parts.rings),
              Indicate(parts.lad, color=style.HIGHLIGHT, scale_factor=1.0))],
        )

    def _why_flat_bottom(self, pic: _WhyPanels) -> list:
        """At the tie: the flat bottom between the two tied corners, a probe turning its line
        between the two tied lines, the fan of lines between. Returns what the hop fades."""
        a1, ax = pic.a1, pic.ax
        b0, b1 = sorted((self.slope_before, self.slope_after))
        flat = Line(a1.c2p(b0, self.tie_loss), a1.c2p(b1, self.tie_loss),
                    color=style.HIGHLIGHT, stroke_width=9)
        fan = VGroup(*(Line(*_ends(ax, a, b), color=style.L1, stroke_width=2,
                            stroke_opacity=0.5) for a, b in self.fan))
        # A probe slides along the flat bottom while its line turns between the two tied
        # lines on the data (the lines in between are the tied lines' convex mixes).
        (ia, sa), (ib, sb) = sorted(
            ((line.intercept, line.slope) for line in self.tie_lines),
            key=lambda ab: abs(ab[1] - self.slope_before))
        probe = Dot(a1.c2p(sa, self.tie_loss), color=style.HIGHLIGHT, radius=0.09)
        probe_line = Line(*_ends(ax, ia, sa), color=style.HIGHLIGHT, stroke_width=4)
        cost = tex(f"{self.tie_loss:.2f}", color=style.HIGHLIGHT, size=style.SMALL_SIZE)
        cost.next_to(flat, UP, buff=style.GAP_S)

        def turn(_m, a: float) -> None:
            probe.move_to(a1.c2p((1 - a) * sa + a * sb, self.tie_loss))
            probe_line.put_start_and_end_on(*_ends(ax, (1 - a) * ia + a * ib,
                                                   (1 - a) * sa + a * sb))

        say(
            self,
            f"At x = {self.tie_position:.2f} the bottom is flat: every slope from "
            f"{b0:.2f} to {b1:.2f} costs {self.tie_loss:.2f}.",
            Create(flat, rate_func=_until(0.25)), FadeIn(probe, probe_line, rate_func=_until(0.25)),
            FadeIn(cost, rate_func=_after(0.6)),
            UpdateFromAlphaFunc(VGroup(probe, probe_line), turn,
                                rate_func=lambda t: smooth(_after(0.25)(t))),
            span=True,
        )
        say(
            self,
            "So every line in between fits equally well.",
            Create(fan, lag_ratio=0.3), UpdateFromAlphaFunc(
                VGroup(probe, probe_line), turn, rate_func=lambda t: 1 - smooth(t)),
            span=True,
        )
        return [flat, fan, probe, probe_line, cost]

    def _why_hop(self, pic: _WhyPanels, parts: _WhyParts, s: ValueTracker, driver: VGroup,
                 tie_marks: list) -> None:
        """One step past the tie the L1 minimum hops to the other corner (on the word
        "hops"), leaving a dashed trail; the bowl's minimum keeps gliding."""
        a1, tie = pic.a1, self.why_tie
        hop = DashedLine(a1.c2p(*self.l1_min[tie]), a1.c2p(*self.l1_min[tie + 1]),
                         color=style.HIGHLIGHT, stroke_width=3)
        state = {"hopped": False}

        def follow_hop(_m) -> None:
            k = int(round(s.get_value()))
            self._why_place(pic, parts, k)
            if k > tie and not state["hopped"]:
                state["hopped"] = True
                self.add(hop)

        driver.clear_updaters()
        driver.add_updater(follow_hop)
        say(
            self,
            "One step further, and the lowest point hops to the other corner: "
            "the L1 line jumps, while the least-squares minimum keeps gliding.",
            s.animate(rate_func=_after(HOP_AT)).set_value(float(len(self.why_positions) - 1)),
            FadeOut(*tie_marks, rate_func=_until(HOP_AT)),
            Flash(a1.c2p(*self.l1_min[tie + 1]), color=style.HIGHLIGHT,
                  rate_func=_after(HOP_AT)),
            run_time=style.LONG, span=True,
        )
        follow_hop(driver)
        driver.clear_updaters()
        self.add(hop)
        say(
            self,
            "A bowl has no corners to hop between, so the least-squares line can only glide.",
            Indicate(parts.c2, color=style.HIGHLIGHT, scale_factor=1.0),
            Indicate(parts.min2, color=style.HIGHLIGHT), run_time=style.LONG,
        )

    # ------------------------------------------------------------------ beat 4
    def vertical_nudge(self) -> None:
        """The same point nudged vertically: the L1 slope turns smoothly, no jump."""
        self.open_beat("vertical")
        head = header("A vertical nudge", TAG_TEXT)
        self.add(head)
        v, hs = self.vertical, self.heights
        xm = float(self.vertical_x[self.example.moving])
        panels = _slide_panels(head, (hs[0], hs[-1], 1.0), r"y_{\text{moved}}")
        ax, bx = panels.ax, panels.bx
        top = len(hs) - 1  # the walk starts at the point's own height and goes down
        slider = self._slider(ax, (xm, hs[top]), (xm, hs[0]), (xm, hs[-1]),
                              (v.ols_intercepts[top], v.ols_slopes[top]),
                              (v.lad_intercepts[top], v.lad_slopes[top]))
        trace2 = polyline(bx, hs[top:], v.ols_slopes[top:], style.L2)
        trace1 = polyline(bx, hs[top:], v.lad_slopes[top:], style.L1)
        narrate_steps(
            self,
            f"One more test: nudge the same point down instead of sideways, at "
            f"x = {xm:.1f}, from y = {hs[-1]:.1f} to {hs[0]:.1f}.",
            [(Create(panels.data), FadeIn(slider.dots, panels.legend), Create(slider.ols),
              Create(slider.lad)),
             (FadeIn(slider.mover), Create(slider.rail), Create(panels.slope_plot),
              FadeIn(panels.slope_title))],
        )
        self.add(trace2, trace1)
        s = ValueTracker(float(top))

        def follow(_m) -> None:
            k = int(round(s.get_value()))
            slider.mover.move_to(ax.c2p(xm, hs[k]))
            slider.ols.put_start_and_end_on(*_ends(ax, v.ols_intercepts[k], v.ols_slopes[k]))
            slider.lad.put_start_and_end_on(*_ends(ax, v.lad_intercepts[k], v.lad_slopes[k]))
            trace2.set_points_as_corners(scene_points(bx, hs[k:], v.ols_slopes[k:]))
            trace1.set_points_as_corners(scene_points(bx, hs[k:], v.lad_slopes[k:]))

        driver = self.drive([slider.mover, slider.ols, slider.lad, trace2, trace1], follow)
        say(
            self,
            f"The L1 slope holds, then turns smoothly from {v.lad_slopes[top]:.2f} to "
            f"{v.lad_slopes[0]:.2f}, with no jump: once its line passes through the moving "
            "point, it turns with it.",
            s.animate(rate_func=linear).set_value(0.0), run_time=2 * style.LONG, span=True,
        )
        follow(driver)
        driver.clear_updaters()
        self._no_jump(bx, trace1)

    def _no_jump(self, bx: Axes, trace1: VMobject) -> None:
        """Beat 4's end: the L1 trace flashed and labelled "no jump"."""
        v, hs = self.vertical, self.heights
        no_jump = label("no jump", style.SMALL_SIZE, style.L1)
        # Above the L1 trace's flat part, below the L2 trace: where the slope held.
        held = np.nonzero(v.lad_slopes == v.lad_slopes[-1])[0]
        no_jump.next_to(bx.c2p(0.5 * (hs[held[0]] + hs[-1]), v.lad_slopes[-1]), UP,
                        buff=style.GAP_S)
        narrate_steps(
            self,
            "For these points, moving a point sideways is what swaps the lowest corner and "
            "makes the line jump.",
            [(Indicate(trace1, color=style.HIGHLIGHT, scale_factor=1.0),), (Write(no_jump),)],
        )

    # ------------------------------------------------------------------ beat 5
    def takeaway(self) -> None:
        """Robustness and stability pull in opposite directions."""
        self.open_beat("takeaway")
        head = header("Takeaway", TAG_TEXT)
        l1_head = label("L1 loss (LAD)", style.BODY_SIZE, style.L1)
        l2_head = label("L2 loss (least squares)", style.BODY_SIZE, style.L2)
        top = [label(" ", style.BODY_SIZE), l1_head, l2_head]
        # Each row: its text, the L1 mark, the L2 mark.
        robust = [label("robust to an outlier in y", style.BODY_SIZE, style.TEXT),
                  _mark(True), _mark(False)]
        stable = [label("stable under a small nudge", style.BODY_SIZE, style.TEXT),
                  _mark(False), _mark(True)]
        grid = VGroup(*top, *robust, *stable)
        grid.arrange_in_grid(rows=3, cols=3, buff=(style.GAP_L, style.GAP),
                             col_alignments="lcc")
        verdict = label("Robustness and stability pull in opposite directions: "
                        "neither loss wins both.", style.BODY_SIZE, style.HIGHLIGHT)
        nxt = label("Next: one answer or many? How many solutions each loss has.",
                    style.BODY_SIZE, style.MUTED)
        body = VGroup(grid, verdict, nxt).arrange(DOWN, buff=style.GAP_L)
        fit_width(body).move_to(ORIGIN)  # centred in the frame, well below the heading
        self.add(head)
        narrate_steps(
            self,
            "The L1 loss shrugs off an outlier in y, but a small nudge of one point "
            "can make its line jump.",
            [(FadeIn(VGroup(*top)), FadeIn(VGroup(*robust))), (FadeIn(VGroup(*stable)),)],
        )
        l2_column = VGroup(l2_head, robust[-1], stable[-1])
        narrate_steps(
            self,
            "The L2 loss bends toward outliers, but it always moves smoothly. "
            "Robustness and stability pull in opposite directions: neither loss wins both.",
            [(Indicate(l2_column, color=style.HIGHLIGHT),), (FadeIn(verdict),)],
        )
        say(
            self,
            "And the tie we met hints at the next question: one solution, or many?",
            FadeIn(nxt), run_time=style.SHORT,
        )
