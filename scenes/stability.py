"""Chapter: stability. Nudge one point sideways: the L2 line glides, the L1 line jumps.

Render it from the repository root:  ``manim -pqh scenes/stability.py``

Here L1 and L2 are *losses* (least absolute deviations against least squares), not
penalties, and "stability" means resistance to a small horizontal move of one data point.
Beats (one method each, in order): title, nudge, why, takeaway. Every number on screen is
computed in ``setup()`` by ``mathutils`` (the data and the tie come from
``mathutils.lad.nudge_example``); updaters only look values up in precomputed arrays.
"""

from __future__ import annotations

import numpy as np
from manim import (
    DOWN,
    LEFT,
    ORIGIN,
    RIGHT,
    UL,
    UP,
    Circle,
    Create,
    DashedLine,
    DashedVMobject,
    Dot,
    FadeIn,
    Indicate,
    Line,
    ValueTracker,
    VGroup,
    linear,
)

from mathutils import absolute_loss, ols_fit
from mathutils.lad import nudge_example, vertex_losses
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
    number_word,
    polyline,
    readout,
    say,
    scene_points,
    set_readout,
    tex,
)

TAG_TEXT = "L1 vs L2 as a loss"

# ---- the chapter's parameters (every value shown is computed from these by mathutils) ------
N_POSITIONS = 121  # fits solved along the nudge (each one a lad_fit and an ols_fit)
FAN = 7  # beat 3: lines drawn between the two tied vertex lines (all equally optimal)
DATA_X, DATA_Y = (0, 8, 1), (0, 6, 1)  # the data axes
SLOPE_Y = (0, 1, 0.25)  # the slope axis
OFF_TIE = 1e-9  # a position this close to the tie is on it: both lines are optimal there


# ---- small drawing helpers (module-level, no maths) ---------------------------------------
def _ends(ax, intercept, slope):
    x0, y0, x1, y1 = clip_line(intercept, slope, DATA_X, DATA_Y)
    return ax.c2p(x0, y0), ax.c2p(x1, y1)


class NudgeMakesTheLineJump(Chapter):
    """Chapter 5: slide one point a little; least squares glides, LAD stays and then jumps."""

    SLUG = "stability"
    QUESTION = "Move one point a little: does the line move only a little?"
    OPENING = ("Stability here means resistance to a small horizontal move of one data point: "
               "a small nudge should give a small change in the fitted line.")

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
        self.tie_pairs = e.tie_pairs
        # Which LAD line holds on each side of the tie (the one each side's fits agree with).
        off = np.abs(self.positions - self.tie_position) > OFF_TIE
        self.before = off & (self.positions < self.tie_position)
        self.after = off & (self.positions > self.tie_position)
        self.slope_before = float(self.lad_slopes[self.before][0])
        self.slope_after = float(self.lad_slopes[self.after][0])
        # Beat 3: the L1 cost of the two tied vertex lines as the point slides, and the fan
        # of lines between them at the tie (each one's L1 loss, to show they all tie).
        v = vertex_losses(e.x, e.y, e.moving, self.positions)
        pairs = [tuple(p) for p in v.pairs.tolist()]
        self.pair_costs = {p: v.losses[:, pairs.index(p)] for p in self.tie_pairs}
        xs, ys = e.data_at(self.tie_position)
        self.tie_data = (xs, ys)
        self.tie_loss = absolute_loss(self.tie_lines[0], xs, ys)
        w = np.linspace(0.0, 1.0, FAN + 2)[1:-1]
        a0, b0 = self.tie_lines[0]
        a1, b1 = self.tie_lines[1]
        self.fan = [((1 - t) * a0 + t * a1, (1 - t) * b0 + t * b1) for t in w]
        self.fan_losses = np.array(
            [np.abs(ys - a - b * xs).sum() for a, b in self.fan]
        )
        self.tie_ols = ols_fit(xs, ys)

    # ------------------------------------------------------------------ table of contents
    def construct(self) -> None:
        """The chapter, beat by beat."""
        self.title_beat()
        self.nudge()
        self.why()
        self.takeaway()

    # ------------------------------------------------------------------ beat 1
    def title_beat(self) -> None:
        """What stability means here: a small horizontal move of one point."""
        card = super().title_beat()
        meaning = label(
            "stability = resistance to a small horizontal move of one point",
            style.LABEL_SIZE, style.TEXT,
        )
        badge = label(
            "L1 vs L2 as a loss: least absolute deviations vs least squares",
            style.LABEL_SIZE, style.HIGHLIGHT,
        )
        notes = VGroup(meaning, badge).arrange(DOWN, buff=style.GAP)
        fit_width(notes).next_to(card, DOWN, buff=style.GAP_L)
        say(
            self,
            "As in the last chapter, L1 and L2 are losses here, not penalties: "
            "least absolute deviations against least squares.",
            FadeIn(notes),
        )

    # ------------------------------------------------------------------ beat 2
    def nudge(self) -> None:
        """Slide one point through a short range; plot both slopes against its position."""
        self.open_beat("nudge")
        head = header("A small nudge", TAG_TEXT)
        self.add(head)
        e = self.example
        data = house_axes(DATA_X, DATA_Y, 6.0, 4.5, "x", "y")
        ax = data[0]
        lo, hi = float(self.positions[0]), float(self.positions[-1])
        slope_plot = house_axes((lo, hi, 0.2), SLOPE_Y, 5.0, 4.5, r"x_{\text{moved}}", None)
        bx = slope_plot[0]
        slope_title = label("slope of each line", style.SMALL_SIZE, style.TEXT)
        slope_title.next_to(bx, UP, buff=style.GAP_S)
        right = VGroup(slope_plot, slope_title)
        panels = VGroup(data, right).arrange(RIGHT, buff=style.GAP_L, aligned_edge=DOWN)
        legend = fits_legend(across=True)
        VGroup(panels, legend).arrange(DOWN, buff=style.GAP).next_to(head, DOWN, buff=style.GAP)
        VGroup(panels, legend).set_x(0)
        fit_width(VGroup(panels, legend))

        m = e.moving
        others = [i for i in range(len(e.x)) if i != m]
        dots = VGroup(*(Dot(ax.c2p(e.x[i], e.y[i]), color=style.DATA, radius=0.08)
                        for i in others))
        mover = Dot(ax.c2p(lo, e.y[m]), color=style.HIGHLIGHT, radius=0.1)
        rail = Line(ax.c2p(lo, e.y[m]), ax.c2p(hi, e.y[m]), color=style.MUTED, stroke_width=4)
        ols = fit_line(ax, e.ols_intercepts[0], e.ols_slopes[0], DATA_X, DATA_Y, style.L2)
        lad = fit_line(ax, e.lad_intercepts[0], e.lad_slopes[0], DATA_X, DATA_Y, style.L1)
        say(
            self,
            f"Here are {number_word(len(e.x))} points, fitted two ways. The highlighted point "
            f"will slide sideways, from x = {lo:.1f} to {hi:.1f}, at the same height.",
            Create(data), FadeIn(dots, mover), Create(rail), Create(ols), Create(lad),
            FadeIn(legend), run_time=style.NORMAL,
        )
        # Slope readouts and the traced slope curves.
        r2 = readout(r"\text{slope}_{L2}", e.ols_slopes[0], color=style.L2)
        r1 = readout(r"\text{slope}_{L1}", e.lad_slopes[0], color=style.L1)
        nums = VGroup(r2, r1).arrange(DOWN, aligned_edge=LEFT, buff=style.GAP_S)
        nums.next_to(bx.c2p(self.positions[-1], SLOPE_Y[0]), UL, buff=style.GAP)
        trace2 = polyline(bx, self.positions[:1], self.ols_slopes[:1], style.L2)
        trace1a = polyline(bx, self.positions[:1], self.lad_slopes[:1], style.L1)
        trace1b = polyline(bx, self.positions[:1], self.lad_slopes[:1], style.L1)
        trace1b.set_stroke(opacity=0.0)
        jump = DashedLine(bx.c2p(self.tie_position, self.slope_before),
                          bx.c2p(self.tie_position, self.slope_after),
                          color=style.L1, stroke_width=3)
        say(
            self,
            "On the right we will plot each line's slope against where the point is.",
            Create(slope_plot), FadeIn(slope_title, nums), run_time=style.NORMAL,
        )
        self.add(trace2, trace1a, trace1b)

        s = ValueTracker(0.0)
        idx = np.arange(len(self.positions))
        state = {"jumped": False}

        def follow(_m) -> None:
            k = int(round(s.get_value()))
            t = self.positions[k]
            mover.move_to(ax.c2p(t, e.y[m]))
            ols.put_start_and_end_on(*_ends(ax, e.ols_intercepts[k], e.ols_slopes[k]))
            lad.put_start_and_end_on(*_ends(ax, e.lad_intercepts[k], e.lad_slopes[k]))
            set_readout(r2, e.ols_slopes[k])
            set_readout(r1, e.lad_slopes[k])
            upto = idx <= k
            trace2.set_points_as_corners(scene_points(bx, self.positions[upto],
                                                 self.ols_slopes[upto]))
            a = upto & self.before
            trace1a.set_points_as_corners(scene_points(bx, self.positions[a], self.lad_slopes[a]))
            b = upto & self.after
            if b.sum() >= 2:
                trace1b.set_points_as_corners(scene_points(bx, self.positions[b],
                                                      self.lad_slopes[b]))
                trace1b.set_stroke(opacity=1.0)
                if not state["jumped"]:
                    state["jumped"] = True
                    self.add(jump)

        # The updater sits on the group it mutates, so manim redraws those every frame.
        driver = self.drive([mover, ols, lad, r2, r1, trace2, trace1a, trace1b], follow)
        words = (
            "Slide it. The least-squares slope glides smoothly. The L1 slope does not move "
            "at all, and then, suddenly, it jumps."
        )
        # The sweep lasts as long as its sentence: the motion is what the words describe.
        say(self, words, s.animate(rate_func=linear).set_value(len(idx) - 1),
            run_time=2 * style.LONG, span=True)
        follow(driver)
        driver.clear_updaters()
        self.add(jump)
        tie_mark = DashedLine(bx.c2p(self.tie_position, SLOPE_Y[0]),
                              bx.c2p(self.tie_position, SLOPE_Y[1]),
                              color=style.HIGHLIGHT, stroke_width=2)
        tie_text = tex(rf"x = {self.tie_position:.2f}", color=style.HIGHLIGHT)
        tie_text.next_to(tie_mark.get_top(), DOWN + LEFT, buff=style.GAP_S)
        say(
            self,
            f"Moving the point {hi - lo:.1f} units changed the least-squares slope from "
            f"{self.ols_slopes[0]:.2f} to {self.ols_slopes[-1]:.2f}. The L1 slope jumped "
            f"from {self.slope_before:.2f} to {self.slope_after:.2f}, all at once, "
            f"at x = {self.tie_position:.2f}.",
            Create(tie_mark), FadeIn(tie_text), Indicate(jump, color=style.HIGHLIGHT),
            run_time=style.NORMAL,
        )

    # ------------------------------------------------------------------ beat 3
    def why(self) -> None:
        """LAD lines pass through data points; at the tie two vertices (and all between) tie."""
        self.open_beat("why")
        head = header("Why it jumps", TAG_TEXT)
        self.add(head)
        e = self.example
        xs, ys = self.tie_data
        data = house_axes(DATA_X, DATA_Y, 6.0, 4.5, "x", "y")
        ax = data[0]
        lo, hi = float(self.positions[0]), float(self.positions[-1])
        costs = {p: c for p, c in self.pair_costs.items()}
        c_all = np.concatenate(list(costs.values()))
        c_lo, c_hi = np.floor(c_all.min() * 2) / 2, np.ceil(c_all.max() * 2) / 2
        cost_plot = house_axes((lo, hi, 0.2), (c_lo, c_hi, 0.5), 5.0, 4.5,
                               r"x_{\text{moved}}", None)
        cx = cost_plot[0]
        cost_title = label("L1 loss of each line", style.SMALL_SIZE, style.TEXT)
        cost_title.next_to(cx, UP, buff=style.GAP_S)
        panels = VGroup(data, VGroup(cost_plot, cost_title))
        panels.arrange(RIGHT, buff=style.GAP_L, aligned_edge=DOWN)
        panels.next_to(head, DOWN, buff=style.GAP).set_x(0)
        fit_width(panels)

        dots = VGroup(*(Dot(ax.c2p(a, b), color=style.DATA, radius=0.08)
                        for a, b in zip(xs, ys, strict=True)))
        dots[e.moving].set_color(style.HIGHLIGHT)
        line_a = fit_line(ax, *self.tie_lines[0], DATA_X, DATA_Y, style.L1)
        line_b = DashedLine(*_ends(ax, *self.tie_lines[1]), color=style.L1, stroke_width=5)
        rings = VGroup()
        for i, j in self.tie_pairs:
            for k in (i, j):
                rings.add(Circle(radius=0.17, color=style.HIGHLIGHT, stroke_width=3)
                          .move_to(dots[k]))
        say(
            self,
            "The best L1 line can always be taken through two of the data points: "
            "it is a vertex of a linear program, a corner of the problem.",
            Create(data), FadeIn(dots), Create(line_a), FadeIn(rings[0:2]),
            run_time=style.NORMAL,
        )
        # The two vertex lines' L1 loss against the position: whichever is lower wins.
        curves = VGroup(
            polyline(cx, self.positions, costs[self.tie_pairs[0]], style.L1),
            DashedVMobject(polyline(cx, self.positions, costs[self.tie_pairs[1]], style.L1),
                           num_dashes=24),
        )
        say(
            self,
            "As the point slides, the L1 cost of each candidate line changes: here the "
            "solid line's and the dashed line's. The fit is whichever costs least.",
            Create(cost_plot), FadeIn(cost_title), Create(curves),
            run_time=style.NORMAL,
        )
        cross = Dot(cx.c2p(self.tie_position, self.tie_loss), color=style.HIGHLIGHT, radius=0.09)
        loss_lab = tex(rf"{self.tie_loss:.2f}", color=style.HIGHLIGHT)
        loss_lab.next_to(cross, UP, buff=style.GAP_S)
        say(
            self,
            f"The two costs cross at x = {self.tie_position:.2f}, where both lines cost "
            f"{self.tie_loss:.2f}. Cross that point and the best vertex switches: "
            "the line jumps.",
            Create(line_b), FadeIn(rings[2:4]), FadeIn(cross, loss_lab),
            run_time=style.NORMAL,
        )
        fan = VGroup(*(Line(*_ends(ax, a, b), color=style.L1, stroke_width=2,
                            stroke_opacity=0.45) for a, b in self.fan))
        note = label("at the tie: every line in between is optimal too",
                     style.SMALL_SIZE, style.HIGHLIGHT)
        fit_width(note).next_to(panels, DOWN, buff=style.GAP)
        say(
            self,
            f"At the tie itself, every line between the two also costs {self.tie_loss:.2f}: "
            "the L1 fit is not unique. Many solutions is the subject of a later chapter.",
            Create(fan), FadeIn(note), run_time=style.NORMAL,
        )
        say(
            self,
            "Least squares has one smooth minimum instead, so its line can only glide.",
            Indicate(curves, color=style.HIGHLIGHT, scale_factor=1.0), run_time=style.SHORT,
        )

    # ------------------------------------------------------------------ beat 4
    def takeaway(self) -> None:
        """Robustness and stability pull in opposite directions."""
        self.open_beat("takeaway")
        head = header("Takeaway", TAG_TEXT)
        heads = [label("L1 loss (LAD)", style.BODY_SIZE, style.L1),
                 label("L2 loss (least squares)", style.BODY_SIZE, style.L2)]
        rows = [("robust to an outlier in y", (True, False)),
                ("stable under a small nudge", (False, True))]
        grid = VGroup(label(" ", style.BODY_SIZE), *heads)
        for text, marks in rows:
            grid.add(label(text, style.BODY_SIZE, style.TEXT))
            for ok in marks:
                grid.add(tex(r"\checkmark" if ok else r"\times", size=style.TITLE_SIZE,
                             color=style.ZERO if ok else style.TEXT))
        grid.arrange_in_grid(rows=3, cols=3, buff=(style.GAP_L, style.GAP),
                             col_alignments="lcc")
        verdict = label("Robustness and stability pull in opposite directions: "
                        "neither loss wins both.", style.BODY_SIZE, style.HIGHLIGHT)
        nxt = label("Next: one answer or many? How many solutions each loss has.",
                    style.BODY_SIZE, style.MUTED)
        body = VGroup(grid, verdict, nxt).arrange(DOWN, buff=style.GAP_L)
        fit_width(body).move_to(ORIGIN)  # centred in the frame, well below the heading
        self.add(head)
        say(
            self,
            "The L1 loss shrugs off an outlier in y, but a small nudge of one point "
            "can make its line jump.",
            FadeIn(grid[0:3]), FadeIn(grid[3:9]), run_time=style.NORMAL,
        )
        say(
            self,
            "The L2 loss bends toward outliers, but it always moves smoothly. "
            "Robustness and stability pull in opposite directions: neither loss wins both.",
            FadeIn(verdict), run_time=style.SHORT,
        )
        say(
            self,
            "And the tie we met hints at the next question: one solution, or many?",
            FadeIn(nxt), run_time=style.SHORT,
        )
