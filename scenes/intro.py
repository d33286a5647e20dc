"""Chapter 1, the lecture's opening: a cold-open teaser, the title card and the roadmap.

Beats: cold-open-outlier (one point dragged upward swings the least-squares line while the
least-absolute-deviations line holds), cold-open-zero (one weight under the proximal L1 step
lands on exactly 0, under L2 it only shrinks), title, roadmap (the chapters, read from
``scenes/chapters.toml``).
"""

from __future__ import annotations

import numpy as np
from manim import (
    DOWN,
    LEFT,
    PI,
    RIGHT,
    UP,
    Create,
    Dot,
    FadeIn,
    Line,
    NumberLine,
    SurroundingRectangle,
    Triangle,
    UpdateFromAlphaFunc,
    ValueTracker,
    VGroup,
    VMobject,
    linear,
    there_and_back,
)

from mathutils import anscombe, descend
from mathutils.recap import first_exact_zero, moved_fits
from scenes import chapters, style
from scenes.chapter import Chapter
from scenes.components import (
    fit_width,
    house_axes,
    label,
    narrate_steps,
    readout,
    say,
    set_readout,
    tag,
    tex,
)

# The teaser data: Anscombe's first set; point 8 (x = 12) sits above the LAD line, so
# lifting it further only lengthens its residual.
OUTLIER_INDEX = 8
MAX_LIFT = 12.0
N_LIFTS = 49

# The roadmap's groups: (heading, chapter slugs, what the narration says of them).
ROADMAP = (
    ("L1 and L2 as penalties on the weights", ("sparsity", "geometry"),
     "use L1 and L2 as penalties on a model's weights: exact zeros, then two weights and real "
     "data."),
    ("L1 and L2 as losses on the misses", ("robustness", "stability"),
     "use them as losses on the misses: one bad point, then one small nudge."),
    ("How many answers, at what cost", ("numeracy", "computation", "recap"),
     "ask how many best answers there are and what each costs to compute, then add up the "
     "scorecard."),
)

# One weight: minimise 0.5 (w - TARGET)^2 + LAM R(w) by proximal steps from W0.
W0, TARGET, LAM, LR, STEPS = 1.4, 0.4, 0.6, 0.3, 12


class LectureOpening(Chapter):
    """Cold open, title card and the roadmap of the lecture."""

    SLUG = "intro"
    QUESTION = "What changes when a square becomes an absolute value?"
    OPENING = ("L1 versus L2: two ways to measure size, used as a loss on the misses or as a "
               "penalty on the weights.")

    def setup(self):
        """Compute every value shown, with mathutils, before any animation."""
        self.teaser_x, self.teaser_y = anscombe(1)
        self.outlier_index = OUTLIER_INDEX
        self.lifts = np.linspace(0.0, MAX_LIFT, N_LIFTS)
        fits = moved_fits(self.teaser_x, self.teaser_y, OUTLIER_INDEX, self.lifts, "y")
        self.ols_lines, self.lad_lines = fits.ols, fits.lad  # (intercept, slope) per lift
        common = {"target": TARGET, "lam": LAM, "lr": LR, "steps": STEPS, "method": "proximal"}
        self.l1_weights = descend(W0, penalty="l1", **common)
        self.l2_weights = descend(W0, penalty="l2", **common)
        self.zero_step = first_exact_zero(self.l1_weights)
        self.roadmap = list(enumerate((t for _, t in chapters.chapter_list()), 1))

    def construct(self):
        """The table of contents: one method per beat."""
        self.cold_open_outlier()
        self.cold_open_zero()
        self.title_beat()
        self.roadmap_beat()

    # ---- beats ---------------------------------------------------------------------------
    def cold_open_outlier(self):
        """One point dragged upward: the least-squares line swings, the LAD line holds."""
        self.open_beat("cold-open-outlier")
        x, y = self.teaser_x, self.teaser_y
        plot = house_axes([0, 15, 5], [0, 25, 5], x_length=5.6, y_length=5.2, x_label="x",
                          y_label="y")
        ax = plot[0]
        plot.to_edge(LEFT, buff=style.EDGE + style.GAP)
        plot.shift((style.FLOOR + style.GAP_S - plot.get_bottom()[1]) * UP)
        dots = VGroup(
            *(Dot(ax.c2p(a, b), radius=0.07, color=style.DATA) for a, b in zip(x, y, strict=True))
        )
        outlier = dots[OUTLIER_INDEX].set_color(style.HIGHLIGHT)
        ols = Line(color=style.L2, stroke_width=5)
        lad = Line(color=style.L1, stroke_width=5)
        # Each point's miss under each fit: a square on the least-squares miss (its area is
        # what least squares adds up) and a bar for the absolute-deviations miss.
        squares = VGroup(*(VMobject(stroke_color=style.L2, stroke_width=2, fill_color=style.L2,
                                    fill_opacity=0.25) for _ in x))
        bars = VGroup(*(VMobject(stroke_color=style.L1, stroke_width=3) for _ in x))
        lift = ValueTracker(0.0)
        ols_read = readout(r"\text{slope}", self.ols_lines[0][1], style.L2, size=style.BODY_SIZE)
        lad_read = readout(r"\text{slope}", self.lad_lines[0][1], style.L1, size=style.BODY_SIZE)

        def follow(_mob):
            d = lift.get_value()
            ym = y.copy()
            ym[OUTLIER_INDEX] += d
            outlier.move_to(ax.c2p(x[OUTLIER_INDEX], ym[OUTLIER_INDEX]))
            fit_ols = [np.interp(d, self.lifts, self.ols_lines[:, k]) for k in (0, 1)]
            fit_lad = [np.interp(d, self.lifts, self.lad_lines[:, k]) for k in (0, 1)]
            _place_line(ols, ax, fit_ols)
            _place_line(lad, ax, fit_lad)
            for sq, bar, a, b in zip(squares, bars, x, ym, strict=True):
                _place_square(sq, ax, a, b, fit_ols[0] + fit_ols[1] * a)
                # corners, not put_start_and_end_on: the LAD line passes through two points
                bar.set_points_as_corners([ax.c2p(a, b), ax.c2p(a, fit_lad[0] + fit_lad[1] * a)])
            set_readout(ols_read, fit_ols[1])
            set_readout(lad_read, fit_lad[1])

        follow(None)
        legend = VGroup(
            _legend_row("least squares", "adds up the squared misses", style.L2, ols_read),
            _legend_row("least absolute deviations", "adds up the plain distances", style.L1,
                        lad_read),
        ).arrange(DOWN, aligned_edge=LEFT, buff=style.GAP_L)
        legend.next_to(plot, RIGHT, buff=style.GAP_L).align_to(plot, UP)
        kind = tag("L1 vs L2 as a loss").to_corner(UP + RIGHT, buff=style.EDGE)
        legend.shift((kind.get_bottom()[1] - style.GAP - legend.get_top()[1]) * UP)

        say(self, "Eleven points, and two ways to fit a straight line through them.",
            Create(plot), FadeIn(dots), FadeIn(kind), run_time=style.NORMAL)
        say(self, "Least squares makes the total area of these squares, the squared misses, "
            "as small as it can.", Create(ols), FadeIn(squares), FadeIn(legend[0]),
            run_time=style.LONG)
        say(self, "Least absolute deviations adds up the plain distances instead.",
            Create(lad), Create(bars), FadeIn(legend[1]), run_time=style.LONG)
        driver = self.drive([squares, bars, ols, lad, outlier, ols_read, lad_read], follow)
        say(self, "Now drag one point upward, further and further. Its square grows much "
            "faster than its distance, and the least-squares line chases it.",
            lift.animate(rate_func=linear).set_value(MAX_LIFT), run_time=3 * style.LONG)
        say(self, f"The least-squares slope swings from {self.ols_lines[0][1]:.2f} to "
            f"{self.ols_lines[-1][1]:.2f}. The absolute-deviations line does not move at all.",
            lift.animate(rate_func=there_and_back).set_value(0.0),
            run_time=2 * style.LONG)
        driver.clear_updaters()

    def cold_open_zero(self):
        """One weight under proximal steps: L1 lands on exactly 0, L2 only shrinks."""
        self.open_beat("cold-open-zero")
        head = tex(r"\min_w\ \tfrac12\,(w - " + f"{TARGET:g}" + r")^2 + \lambda\,R(w),"
                   r"\qquad \lambda = " + f"{LAM:g}", size=style.BODY_SIZE)
        kind = tag("L1 vs L2 as a penalty")
        top = VGroup(head, kind).arrange(RIGHT, buff=style.GAP_L)
        fit_width(top).to_edge(UP, buff=style.EDGE)

        lanes = []
        for name, color, weights in (
            (r"R(w) = |w|", style.L1, self.l1_weights),
            (r"R(w) = w^2", style.L2, self.l2_weights),
        ):
            line = NumberLine(x_range=[0, 1.5, 0.5], length=7.0, color=style.MUTED,
                              include_numbers=True, font_size=style.SMALL_SIZE,
                              decimal_number_config={"num_decimal_places": 1})
            zero_mark = Line(line.n2p(0) + 0.25 * DOWN, line.n2p(0) + 0.25 * UP,
                             color=style.ZERO, stroke_width=5)
            # where the fit alone would put the weight
            goal = Triangle(color=style.LOSS, fill_opacity=1).scale(0.09).rotate(PI)
            goal.next_to(line.n2p(TARGET), UP, buff=style.GAP_S)
            name_mob = tex(name, size=style.BODY_SIZE, color=color)
            value = readout("w", weights[0], color, decimals=3, size=style.BODY_SIZE)
            dot = Dot(line.n2p(weights[0]), radius=0.11, color=color)
            lanes.append((VGroup(name_mob, line, zero_mark, goal, value, dot), line, dot, value,
                          weights))
        for group, line, *_ in lanes:
            name_mob, value = group[0], group[4]
            name_mob.next_to(line, LEFT, buff=style.GAP_L)
            value.next_to(line, RIGHT, buff=style.GAP_L)
        body = VGroup(*(lane[0] for lane in lanes)).arrange(DOWN, buff=2 * style.GAP_L * 1.5)
        fit_width(body).next_to(top, DOWN, buff=style.GAP_L * 1.5)
        for lane in lanes:
            lane[3].align_to(lanes[0][3], LEFT)
        goal_note = label(f"the fit pulls toward {TARGET:g}", style.SMALL_SIZE, style.LOSS)
        goal_note.next_to(lanes[0][0][3], UP, buff=style.GAP_S)

        step = ValueTracker(0.0)
        counter = readout(r"\text{step}", 0, style.MUTED, decimals=0)
        size_note = label(f"step size {LR:g}", style.SMALL_SIZE, style.MUTED)
        VGroup(counter, size_note).arrange(RIGHT, buff=style.GAP_L).next_to(
            body, DOWN, buff=style.GAP_L)

        def move(_mob):
            s = step.get_value()
            k = int(np.floor(s + 1e-9))
            for _g, line, dot, value, weights in lanes:
                dot.move_to(line.n2p(np.interp(s, np.arange(STEPS + 1), weights)))
                set_readout(value, weights[min(k, STEPS)])
            set_readout(counter, min(k, STEPS))

        say(self, f"Second teaser: one weight, pulled toward {TARGET:g} by the fit, and toward "
            f"zero by a penalty of strength {LAM:g}.", FadeIn(top), FadeIn(body),
            FadeIn(goal_note), FadeIn(counter), FadeIn(size_note), run_time=style.NORMAL)
        driver = self.drive([counter, *(m for lane in lanes for m in (lane[2], lane[3]))], move)

        def steps(first: int, last: int) -> list[tuple]:
            # not step.animate: manim reads an .animate target when the play starts, so a
            # list of them built up front would all go to the last value
            return [(UpdateFromAlphaFunc(step, lambda m, a, k=k: m.set_value(k - 1 + a)),)
                    for k in range(first, last + 1)]

        narrate_steps(self, "Each step moves the weight toward the fit, then lets the penalty "
                      "shrink it: that shrink is called a proximal step.",
                      steps(1, self.zero_step))
        l1_value, l2_value = lanes[0][3], lanes[1][3]
        exact = tag("exactly 0", style.ZERO).next_to(l1_value, UP, buff=style.GAP_S)
        narrate_steps(self, f"Under the L1 penalty the weight lands on exactly zero after "
                      f"{self.zero_step} steps, and stays there.",
                      [(FadeIn(exact, scale=1.2),), *steps(self.zero_step + 1, STEPS)])
        driver.clear_updaters()
        shrunk = tag("small, not 0", style.L2).next_to(l2_value, UP, buff=style.GAP_S)
        say(self, f"Under the L2 penalty it only shrinks, to {self.l2_weights[-1]:.3f}, and "
            "never reaches zero.", FadeIn(shrunk, scale=1.2), run_time=style.SHORT)

    def title_beat(self):
        """The lecture's title card (chapter 1)."""
        card = super().title_beat()
        norms = VGroup(
            tex(r"\|w\|_1 = |w_1| + |w_2| + \dots + |w_n|", size=style.BODY_SIZE,
                color=style.L1),
            tex(r"\|w\|_2^2 = w_1^2 + w_2^2 + \dots + w_n^2", size=style.BODY_SIZE,
                color=style.L2),
        ).arrange(DOWN, aligned_edge=LEFT, buff=style.GAP)
        VGroup(card, norms).arrange(DOWN, buff=style.GAP_L).to_edge(UP, buff=style.EDGE * 2)
        say(self, "The L1 norm adds up the absolute values of the entries; as a penalty, L2 "
            "means the squared L2 norm, the sum of the squares.", FadeIn(norms[0]),
            FadeIn(norms[1]), run_time=style.LONG)
        sub = label("norms as losses and as penalties", style.LABEL_SIZE, style.MUTED)
        sub.next_to(norms, DOWN, buff=style.GAP_L)
        say(self, "Swap one for the other and robustness, stability and sparsity all change.",
            FadeIn(sub), run_time=style.SHORT)

    def roadmap_beat(self):
        """The chapters ahead in three groups, by how L1 and L2 are used; the next one marked."""
        self.open_beat("roadmap")
        head = label("The road ahead", style.HEADING_SIZE).to_edge(UP, buff=style.EDGE)
        number = {slug: n for n, (slug, _) in enumerate(chapters.chapter_list(), 1)}
        titles = dict(chapters.chapter_list())
        groups = [[s for s in slugs if s in number] for _, slugs, _ in ROADMAP]
        # another chapter list may leave a group empty (shown: only the groups it fills) or
        # hold chapters no group names (shown in a plain group of their own)
        rest = [s for s in number if s != self.SLUG and not any(s in g for g in groups)]
        parts = [(part, g) for part, g in zip(ROADMAP, groups, strict=True) if g]
        if rest:
            parts.append((("Also in this lecture", (),
                           ("also belong to this lecture.", "also belongs to this lecture.")),
                          rest))
        groups = [g for _, g in parts]
        blocks = VGroup()
        for (name, _, _), slugs in parts:
            rows = VGroup(*(VGroup(label(f"{number[s]}", style.BODY_SIZE, style.HIGHLIGHT),
                                   label(titles[s], style.BODY_SIZE)).arrange(RIGHT,
                                                                              buff=style.GAP)
                            for s in slugs)).arrange(DOWN, aligned_edge=LEFT, buff=style.GAP_S)
            for row in rows:  # numbers right-aligned, titles on one left edge
                row[1].align_to(rows[0][1], LEFT)
                row[0].next_to(row[1], LEFT, buff=style.GAP)
            blocks.add(VGroup(label(name, style.LABEL_SIZE, style.MUTED), rows)
                       .arrange(DOWN, aligned_edge=LEFT, buff=style.GAP_S))
        # two columns: the first two groups stacked, the rest beside them
        columns = VGroup(VGroup(*blocks[:2]).arrange(DOWN, aligned_edge=LEFT, buff=style.GAP_L),
                         *blocks[2:]).arrange(RIGHT, aligned_edge=UP, buff=1.5 * style.GAP_L)
        # room for the box that marks the first chapter
        fit_width(columns, style.EDGE + style.GAP_S).next_to(head, DOWN, buff=style.GAP_L)
        room_mid = (head.get_bottom()[1] - style.GAP + style.FLOOR) / 2
        columns.shift(max(0.0, columns.get_center()[1] - room_mid) * DOWN)
        say(self, "The road ahead: the same two norms, used in two ways.", FadeIn(head),
            run_time=style.SHORT)
        for block, ((_, _, words), slugs) in zip(blocks, parts, strict=True):
            nums = [number[s] for s in slugs]
            which = ", ".join(map(str, nums[:-1])) + f" and {nums[-1]}" if len(nums) > 1 else (
                f"{nums[0]}")
            if not isinstance(words, str):  # (plural, singular)
                words = words[len(nums) == 1]
            noun = "Chapters" if len(nums) > 1 else "Chapter"
            say(self, f"{noun} {which} {words}", FadeIn(block, shift=0.2 * RIGHT),
                run_time=style.NORMAL)
        if not parts:  # a lecture of this chapter alone
            return
        first = groups[0][0]
        mark = SurroundingRectangle(blocks[0][1][0], color=style.HIGHLIGHT, buff=0.1)
        say(self, f"We start with chapter {number[first]}: {titles[first]}.", Create(mark),
            run_time=style.NORMAL)


def _place_line(line: Line, ax, fit) -> None:
    """Put ``line`` on the fitted line ``(intercept, slope)`` across the plot's x range."""
    a, b = fit
    x0, x1 = ax.x_range[0], ax.x_range[1]
    line.put_start_and_end_on(ax.c2p(x0, a + b * x0), ax.c2p(x1, a + b * x1))


def _place_square(square: VMobject, ax, x: float, y: float, on_line: float) -> None:
    """Make ``square`` the square on the vertical miss from (x, y) to the line, drawn to the
    left of the point (the data sit right of the axis), with equal sides on screen."""
    p, q = ax.c2p(x, y), ax.c2p(x, on_line)
    side = abs(p[1] - q[1])
    square.set_points_as_corners([p, q, q + side * LEFT, p + side * LEFT, p])


def _legend_row(name: str, what: str, color, value) -> VGroup:
    """A legend entry: a colour swatch, the fit's name, what it minimises and a readout."""
    swatch = Line(0.25 * LEFT, 0.25 * RIGHT, color=color, stroke_width=6)
    head = VGroup(swatch, label(name, style.LABEL_SIZE, color)).arrange(RIGHT, buff=style.GAP_S)
    sub = label(what, style.SMALL_SIZE, style.MUTED)
    group = VGroup(head, sub, value).arrange(DOWN, aligned_edge=LEFT, buff=style.GAP_S)
    sub.align_to(head[1], LEFT)
    value.align_to(head[1], LEFT)
    return group
