"""Chapter: robustness. One outlier tugs the least-squares line; the L1 line holds.

Render it from the repository root:  ``manim -pqh scenes/robustness.py``

Here L1 and L2 are *losses* (least absolute deviations against least squares), not
penalties. Beats (one method each, in order): title, two-losses, outlier-tug, anscombe,
leverage, takeaway. Every number on screen is computed in ``setup()`` by ``mathutils``;
updaters only look values up in (or interpolate between) those precomputed arrays.
"""

from __future__ import annotations

import numpy as np
from manim import (
    DOWN,
    LEFT,
    ORIGIN,
    RIGHT,
    UP,
    Arrow,
    Circle,
    Create,
    DashedLine,
    DecimalNumber,
    Dot,
    FadeIn,
    FadeOut,
    GrowArrow,
    Indicate,
    LaggedStart,
    Line,
    Polygon,
    Rectangle,
    Square,
    ValueTracker,
    VGroup,
    VMobject,
    linear,
)

from mathutils import absolute_loss, anscombe, lad_fit, ols_fit, penalty, squared_loss
from mathutils.lad import FitPath, drag_path, leverage_path, scatter_near_line
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
    number_word,
    polyline,
    readout,
    say,
    set_readout,
    tex,
)

TAG_TEXT = "L1 vs L2 as a loss"

# ---- the chapter's parameters (every value shown is computed from these by mathutils) ------
SMALL = dict(seed=5, n=6, intercept=1.0, slope=0.5, noise=0.8, x_low=0.5, x_high=9.5)
R_MAX = 3.0  # beat 2: the cost of one residual r over [-R_MAX, R_MAX]
R_MARKS = (1.0, 2.0, 3.0)  # beat 2: residuals whose two costs are marked
TUG = dict(seed=90, n=12, intercept=1.0, slope=0.5, noise=0.4, x_low=0.5, x_high=9.5)
TUG_POINT = 9  # beat 3: the point dragged upward ...
TUG_RISE = 6.0  # ... by this much ...
TUG_STEPS = 61  # ... in this many precomputed fits
PULL_UNIT = 1.3  # beat 3: the length (in y units) of every point's pull under L1
LEVER_POINT = 0  # beat 5: the point dragged sideways (same data as beat 3) ...
LEVER_TO = 27.0  # ... out to this x ...
LEVER_STEPS = 101  # ... in this many precomputed fits
ANSCOMBE_SET = 3


# ---- small drawing helpers (module-level, no maths) ---------------------------------------
def _dots(ax, xs, ys, color=style.DATA, radius: float = 0.07) -> VGroup:
    pts = (ax.c2p(a, b) for a, b in zip(xs, ys, strict=True))
    return VGroup(*(Dot(p, color=color, radius=radius) for p in pts))


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
    track, fill, pct = bar[1], bar[2], bar[3]
    dl, ul = track.get_corner(DOWN + LEFT), track.get_corner(UP + LEFT)
    dx = RIGHT * track.width * max(share, 1e-4)
    fill.set_points_as_corners([dl, dl + dx, ul + dx, ul, dl])
    set_readout(VGroup(VMobject(), pct), 100.0 * share)


def _equation(name: str, line, color) -> VGroup:
    """``name: y = a + b x`` with the numbers printed from a mathutils Line."""
    head = label(name, style.SMALL_SIZE, color)
    eq = tex(rf"y = {line.intercept:.2f} + {line.slope:.3f}\,x", size=style.BODY_SIZE, color=color)
    return VGroup(head, eq).arrange(DOWN, aligned_edge=LEFT, buff=style.GAP_S)


class OutlierTugsTheFit(Chapter):
    """Chapter 4: least squares against least absolute deviations when one point goes astray."""

    SLUG = "robustness"
    QUESTION = "What does one bad data point do to each fit?"
    OPENING = ("Robustness means resistance to outliers: "
               "how much can one bad data point move the fitted line?")

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
        # Each point's pull on each fit once the point is up: least squares pulls with the
        # residual, least absolute deviations with its sign only (0 for points on the line).
        last = len(self.tug.ys) - 1
        x_up, y_up = self.tug.data_at(last)
        ols, lad = self.tug.ols_line(last), self.tug.lad_line(last)
        r_ols = y_up - (ols.intercept + ols.slope * x_up)
        r_lad = y_up - (lad.intercept + lad.slope * x_up)
        self.tug_pull = {"l2": r_ols, "l1": np.where(np.abs(r_lad) < 1e-9, 0.0, np.sign(r_lad))}
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
        """The question, and what L1 and L2 mean in this chapter: losses."""
        card = super().title_beat()
        badge = label(
            "L1 vs L2 as a loss: least absolute deviations vs least squares",
            style.LABEL_SIZE, style.HIGHLIGHT,
        )
        fit_width(badge).next_to(card, DOWN, buff=style.GAP_L)
        say(
            self,
            "In this chapter L1 and L2 are losses, not penalties: we fit a line by "
            "least absolute deviations, or by least squares.",
            FadeIn(badge),
        )

    # ------------------------------------------------------------------ beat 2
    def two_losses(self) -> None:
        """Residuals costed as squares and as lengths; the cost r² vs |r| of one residual."""
        self.open_beat("two-losses")
        head = header("Two ways to cost a residual", TAG_TEXT)
        self.add(head)

        # Left: the small scatter with its least-squares line.
        x_range, y_range = (0, 10, 2), (0, 7, 1)
        left = house_axes(x_range, y_range, 6.0, 4.2, "x", "y")
        ax = left[0]
        # Right: the cost of one residual r.
        right = house_axes((-R_MAX, R_MAX, 1), (0, R_MAX**2, 3), 5.0, 4.2, "r", None)
        bx = right[0]
        panels = VGroup(left, right).arrange(RIGHT, buff=style.GAP_L, aligned_edge=DOWN)
        panels.next_to(head, DOWN, buff=style.GAP).set_x(0)
        line = fit_line(ax, *self.small_line, x_range, y_range, style.TEXT).set_stroke(width=3)
        dots = _dots(ax, self.small_x, self.small_y)

        say(
            self,
            f"{number_word(len(self.small_x)).capitalize()} points and a line through them. "
            "Each point misses the line by a residual r.",
            Create(left), Create(line), FadeIn(dots), run_time=style.NORMAL,
        )
        segs, squares = VGroup(), VGroup()
        for xi, yi, r in zip(self.small_x, self.small_y, self.small_residuals, strict=True):
            on_line = ax.c2p(xi, yi - r)
            segs.add(Line(on_line, ax.c2p(xi, yi), color=style.L1, stroke_width=5))
            side = abs(ax.c2p(0, abs(r))[1] - ax.c2p(0, 0)[1])
            sq = Square(side, color=style.L2, stroke_width=2, fill_opacity=0.3)
            sq.move_to(on_line, aligned_edge=(DOWN if r > 0 else UP) + LEFT)
            squares.add(sq)
        tot1 = readout(r"\sum |r_i|", self.small_l1, color=style.L1)
        tot2 = readout(r"\sum r_i^2", self.small_l2, color=style.L2)
        totals = VGroup(tot1, tot2).arrange(DOWN, aligned_edge=LEFT, buff=style.GAP_S)
        totals.align_to(ax, UP).align_to(ax, LEFT).shift(RIGHT * style.GAP_L)
        say(
            self,
            "The L1 loss costs each residual by its length, the absolute value. "
            "Add them up and you get the total absolute deviation.",
            Create(segs), FadeIn(tot1), run_time=style.NORMAL,
        )
        self.bring_to_front(dots)
        say(
            self,
            "The L2 loss costs each residual by the area of its square. "
            "A residual twice as long has a square four times as big.",
            FadeIn(squares), FadeIn(tot2), run_time=style.NORMAL,
        )
        self.bring_to_front(segs, dots)

        c1 = polyline(bx, self.r_grid, self.r_costs["l1"], style.L1)
        c2 = polyline(bx, self.r_grid, self.r_costs["l2"], style.L2)
        l1_lab = tex("|r|", color=style.L1).next_to(c1.get_end(), UP, buff=style.GAP_S)
        l2_lab = tex("r^2", color=style.L2).next_to(c2.get_end(), LEFT, buff=style.GAP_S)
        say(
            self,
            "On the right is the cost of one residual r: its length in orange, "
            "its square in blue.",
            Create(right), Create(c1), Create(c2), FadeIn(l1_lab, l2_lab), run_time=style.LONG,
        )
        marks = VGroup()
        for r, v1, v2 in zip(R_MARKS, self.r_marks["l1"], self.r_marks["l2"], strict=True):
            marks.add(Dot(bx.c2p(r, v1), color=style.L1, radius=0.07),
                      Dot(bx.c2p(r, v2), color=style.L2, radius=0.07))
        r_last, v1, v2 = R_MARKS[-1], self.r_marks["l1"][-1], self.r_marks["l2"][-1]
        sq, ab = self.r_marks["l2"], self.r_marks["l1"]
        n1 = tex(f"{v1:g}", color=style.L1).next_to(marks[-2], RIGHT, buff=style.GAP_S)
        n2 = tex(f"{v2:g}", color=style.L2).next_to(marks[-1], RIGHT, buff=style.GAP_S)
        say(
            self,
            f"At r equal to {R_MARKS[0]:g} the two costs agree. At {R_MARKS[1]:g} the square "
            f"costs {sq[1]:g} against {ab[1]:g}; at {r_last:g}, {v2:g} against {v1:g}. "
            "The further out, the bigger the ratio.",
            FadeIn(marks), FadeIn(n1, n2), run_time=style.NORMAL,
        )
        fix = VGroup(
            label("A common claim: outliers cost “exponentially” more under L2. "
                  "No: quadratically.", style.SMALL_SIZE, style.HIGHLIGHT),
            tex(r"r \to 2r:\qquad |r| \to 2|r|,\qquad r^2 \to 4r^2", color=style.HIGHLIGHT),
        ).arrange(DOWN, buff=style.GAP_S)
        fit_width(fix).next_to(panels, DOWN, buff=style.GAP)
        say(
            self,
            "A common claim is that under squares an outlier costs exponentially more. It "
            "costs more, but quadratically more: double the residual, four times the cost.",
            FadeIn(fix), run_time=style.NORMAL,
        )

    # ------------------------------------------------------------------ beat 3
    def outlier_tug(self) -> None:
        """Drag one point upward: the least-squares line swings, the LAD line stays."""
        self.open_beat("outlier-tug")
        head = header("One point dragged upward", TAG_TEXT)
        self.add(head)
        path = self.tug
        x_range, y_range = (0, 10, 2), (0, 12, 2)
        plot = house_axes(x_range, y_range, 7.0, 5.2, "x", "y")
        ax = plot[0]
        legend = fits_legend()
        bars = VGroup(
            label("the outlier's share of the total cost", style.SMALL_SIZE, style.TEXT),
            _share_bar("squared residuals (L2)", style.L2, 3.2),
            _share_bar("absolute residuals (L1)", style.L1, 3.2),
        ).arrange(DOWN, aligned_edge=LEFT, buff=style.GAP)
        side = VGroup(legend, bars).arrange(DOWN, aligned_edge=LEFT, buff=style.GAP_L)
        VGroup(plot, side).arrange(RIGHT, buff=style.GAP_L, aligned_edge=UP)
        VGroup(plot, side).next_to(head, DOWN, buff=style.GAP).set_x(0)
        fit_width(VGroup(plot, side))

        others = [i for i in range(len(self.tug_x)) if i != path.moving]
        dots = _dots(ax, self.tug_x[others], self.tug_y[others])
        mover = Dot(ax.c2p(path.xs[0], path.ys[0]), color=style.HIGHLIGHT, radius=0.09)
        ols = fit_line(ax, *path.ols_line(0), x_range, y_range, style.L2)
        lad = fit_line(ax, *path.lad_line(0), x_range, y_range, style.L1)
        ghosts = VGroup(
            *(DashedLine(m.get_start(), m.get_end(), color=c, stroke_width=2)
              for m, c in ((ols, style.L2), (lad, style.L1)))
        )
        for bar, share in ((bars[1], path.l2_share[0]), (bars[2], path.l1_share[0])):
            _set_share(bar, share)
        say(
            self,
            f"{number_word(len(self.tug_x)).capitalize()} points lie near a line. "
            "Least squares in blue and least absolute "
            "deviations in orange almost agree.",
            Create(plot), FadeIn(dots, mover), Create(ols), Create(lad), FadeIn(legend),
            run_time=style.NORMAL,
        )
        self.add(ghosts)
        say(self, "On the right: how much of each loss the highlighted point owns.",
            FadeIn(bars), run_time=style.SHORT)

        s = ValueTracker(0.0)
        steps = np.arange(len(path.ys))

        def follow(_m) -> None:
            k = s.get_value()
            step = int(min(np.floor(k + 1e-9), len(steps) - 1))
            mover.move_to(ax.c2p(path.xs[0], np.interp(k, steps, path.ys)))
            move_line(ols, ax, np.interp(k, steps, path.ols_intercepts),
                       np.interp(k, steps, path.ols_slopes), x_range, y_range)
            move_line(lad, ax, *path.lad_line(step), x_range, y_range)
            _set_share(bars[1], float(np.interp(k, steps, path.l2_share)))
            _set_share(bars[2], float(np.interp(k, steps, path.l1_share)))

        # The updater sits on the group it mutates, so manim redraws those every frame.
        driver = self.drive([mover, ols, lad, bars[1], bars[2]], follow)
        words = (
            "Now drag that point steadily upward. The least-squares line swings toward it; "
            "the least-absolute-deviations line does not move at all."
        )
        # The sweep lasts as long as its sentence: the motion is what the words describe.
        say(self, words, s.animate(rate_func=linear).set_value(len(steps) - 1),
            run_time=2 * style.LONG, span=True)
        follow(driver)
        driver.clear_updaters()
        l2p, l1p = 100 * path.l2_share[-1], 100 * path.l1_share[-1]
        pull2, pull1 = self._pulls(ax, path)
        say(
            self,
            "Each point pulls on the least-squares line in proportion to its miss. "
            f"Squared, the outlier owns {l2p:.0f} percent of the cost, so its pull tilts the "
            "whole line, at every other point's expense.",
            LaggedStart(*(GrowArrow(a) for a in pull2), lag_ratio=0.15),
            Indicate(bars[1], color=style.L2), run_time=style.LONG, span=True,
        )
        say(
            self,
            f"As a length it owns {l1p:.0f} percent, and under L1 every point pulls with the "
            "same force, however far away it is: only the direction counts, so the majority "
            "wins.",
            FadeOut(pull2), LaggedStart(*(GrowArrow(a) for a in pull1), lag_ratio=0.15),
            Indicate(bars[2], color=style.L1), run_time=style.LONG, span=True,
        )

    def _pulls(self, ax, path: FitPath) -> tuple[VGroup, VGroup]:
        """Arrows of each point's pull on the two fits at the end of the drag: from the
        least-squares line to the point (the residual), and from the LAD line a unit step
        toward the point (its sign), side by side at each point's x."""
        last = len(path.ys) - 1
        x, y = path.data_at(last)
        shift = 0.07 * RIGHT  # the two pulls of one point stand side by side
        groups = []
        for kind, line, color, side in (("l2", path.ols_line(last), style.L2, -1),
                                        ("l1", path.lad_line(last), style.L1, 1)):
            arrows = VGroup()
            for xi, yi, pull in zip(x, y, self.tug_pull[kind], strict=True):
                if pull == 0.0:  # on the L1 line: its pull can be anything up to one
                    continue
                on_line = line.intercept + line.slope * xi
                end = yi if kind == "l2" else on_line + PULL_UNIT * pull
                arrows.add(Arrow(ax.c2p(xi, on_line) + side * shift, ax.c2p(xi, end)
                                 + side * shift, buff=0, color=color, stroke_width=5,
                                 max_tip_length_to_length_ratio=0.3,
                                 max_stroke_width_to_length_ratio=8))
            groups.append(arrows)
        return groups[0], groups[1]

    # ------------------------------------------------------------------ beat 4
    def anscombe_beat(self) -> None:
        """Anscombe's set III: one outlier pulls least squares; LAD runs through the ten."""
        self.open_beat("anscombe")
        head = header("Real data: Anscombe's set III", TAG_TEXT)
        self.add(head)
        x_range, y_range = (2, 16, 2), (4, 14, 2)
        plot = house_axes(x_range, y_range, 7.0, 5.0, "x", "y")
        ax = plot[0]
        ols_eq = _equation("least squares (L2)", self.ans_ols, style.L2)
        lad_eq = _equation("least absolute deviations (L1)", self.ans_lad, style.L1)
        note = VGroup(
            label(f"the {number_word(len(self.ans_x) - 1)} other points miss the L1 line",
                  style.SMALL_SIZE, style.TEXT),
            label(f"by at most {self.ans_max_other_residual:.3f} (data rounding)",
                  style.SMALL_SIZE, style.TEXT),
        ).arrange(DOWN, aligned_edge=LEFT, buff=style.GAP_S)
        side = VGroup(ols_eq, lad_eq, note).arrange(DOWN, aligned_edge=LEFT, buff=style.GAP_L)
        VGroup(plot, side).arrange(RIGHT, buff=style.GAP_L).next_to(head, DOWN, buff=style.GAP)
        VGroup(plot, side).set_x(0)
        fit_width(VGroup(plot, side))

        dots = _dots(ax, self.ans_x, self.ans_y)
        ring = Circle(radius=0.18, color=style.HIGHLIGHT, stroke_width=3)
        ring.move_to(dots[self.ans_outlier])
        ols = fit_line(ax, *self.ans_ols, x_range, y_range, style.L2)
        lad = fit_line(ax, *self.ans_lad, x_range, y_range, style.L1)
        say(
            self,
            f"Anscombe's third data set: {number_word(len(self.ans_x) - 1)} points on a straight "
            "line, and one outlier.",
            Create(plot), FadeIn(dots), Create(ring), run_time=style.NORMAL,
        )
        say(
            self,
            f"Least squares gives y = {self.ans_ols.intercept:.2f} + "
            f"{self.ans_ols.slope:.3f} x, pulled up toward the outlier and off the ten.",
            Create(ols), FadeIn(ols_eq), run_time=style.NORMAL,
        )
        say(
            self,
            f"Least absolute deviations gives y = {self.ans_lad.intercept:.2f} + "
            f"{self.ans_lad.slope:.3f} x, running through the other "
            f"{number_word(len(self.ans_x) - 1)} points.",
            Create(lad), FadeIn(lad_eq), run_time=style.NORMAL,
        )
        say(
            self,
            f"The outlier is simply left {self.ans_outlier_residual:.2f} above the line.",
            FadeIn(note), run_time=style.SHORT,
        )

    # ------------------------------------------------------------------ beat 5
    def leverage(self) -> None:
        """The honest limit: drag a point far out in x and the L1 line follows it too."""
        self.open_beat("leverage")
        head = header("The limit: an outlier in x", TAG_TEXT)
        self.add(head)
        path = self.lever
        x_range, y_range = (0, 28, 4), (0, 6, 2)
        plot = house_axes(x_range, y_range, 11.0, 3.6, "x", "y")
        ax = plot[0]
        legend = fits_legend(across=True)
        VGroup(plot, legend).arrange(DOWN, buff=style.GAP).next_to(head, DOWN, buff=style.GAP)
        VGroup(plot, legend).set_x(0)

        others = [i for i in range(len(self.tug_x)) if i != path.moving]
        dots = _dots(ax, self.tug_x[others], self.tug_y[others])
        mover = Dot(ax.c2p(path.xs[0], path.ys[0]), color=style.HIGHLIGHT, radius=0.09)
        ols = fit_line(ax, *path.ols_line(0), x_range, y_range, style.L2)
        lad = fit_line(ax, *path.lad_line(0), x_range, y_range, style.L1)
        say(
            self,
            f"The same {number_word(len(self.tug_x))} points. This time drag the highlighted point "
            "sideways, "
            "far beyond the others, keeping its height.",
            Create(plot), FadeIn(dots, mover), Create(ols), Create(lad), FadeIn(legend),
            run_time=style.NORMAL,
        )
        s = ValueTracker(0.0)
        steps = np.arange(len(path.xs))

        def follow(_m) -> None:
            k = s.get_value()
            step = int(min(np.floor(k + 1e-9), len(steps) - 1))
            mover.move_to(ax.c2p(np.interp(k, steps, path.xs), path.ys[0]))
            move_line(ols, ax, np.interp(k, steps, path.ols_intercepts),
                       np.interp(k, steps, path.ols_slopes), x_range, y_range)
            move_line(lad, ax, *path.lad_line(step), x_range, y_range)

        # The updater sits on the group it mutates, so manim redraws those every frame.
        driver = self.drive([mover, ols, lad], follow)
        words = (
            "Least squares bends toward it at once. For a while the L1 line barely moves, "
            "then it snaps onto the far point as well."
        )
        # The sweep lasts as long as its sentence: the motion is what the words describe.
        say(self, words, s.animate(rate_func=linear).set_value(len(steps) - 1),
            run_time=2 * style.LONG, span=True)
        follow(driver)
        driver.clear_updaters()
        verdict = label("L1 resists outliers in y, not in x (high leverage).",
                        style.BODY_SIZE, style.HIGHLIGHT)
        fit_width(verdict).next_to(legend, DOWN, buff=style.GAP)
        say(
            self,
            "A point far out in x has high leverage: it can pull a fitted line through itself. "
            "L1 resists outliers in y, not in x.",
            FadeIn(verdict), run_time=style.SHORT,
        )

    # ------------------------------------------------------------------ beat 6
    def takeaway(self) -> None:
        """What to remember."""
        self.open_beat("takeaway")
        head = header("Takeaway", TAG_TEXT)
        def block(color, *lines) -> VGroup:
            rows = VGroup(*(label(t, style.BODY_SIZE, color) for t in lines))
            return rows.arrange(DOWN, aligned_edge=LEFT, buff=style.GAP_S)

        blocks = VGroup(
            block(style.L2, "Least squares (L2 loss): an outlier's cost grows like r²,",
                  "so one far point can swing the whole line."),
            block(style.L1, "Least absolute deviations (L1 loss): cost grows like |r|,",
                  "every point pulls equally: robust to outliers in y."),
            block(style.TEXT, "Neither resists a far outlier in x."),
            block(style.MUTED, "Next: the price of robustness. A small nudge can make",
                  "the L1 line jump."),
        ).arrange(DOWN, aligned_edge=LEFT, buff=style.GAP)
        fit_width(blocks).move_to(ORIGIN)  # centred in the frame, well below the heading
        self.add(head)
        say(
            self,
            "As losses: least squares prices an outlier by the square of its residual, "
            "so one far point can swing the whole line.",
            FadeIn(blocks[0]), run_time=style.SHORT,
        )
        say(
            self,
            "Least absolute deviations prices it by its length, every point pulls equally, "
            "and the line stays robust to outliers in y.",
            FadeIn(blocks[1]), run_time=style.SHORT,
        )
        say(
            self,
            "Neither loss resists a far outlier in x: a point with high leverage pulls both.",
            FadeIn(blocks[2]), run_time=style.SHORT,
        )
        say(
            self,
            "And robustness has a price: next, a small nudge that makes the L1 line jump.",
            FadeIn(blocks[3]), run_time=style.SHORT,
        )

