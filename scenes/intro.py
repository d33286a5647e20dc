"""Chapter 1, the lecture's opening: a cold-open teaser, the title card and the roadmap.

Beats: cold-open-outlier (one point dragged upward swings the least-squares line while the
least-absolute-deviations line holds), cold-open-corner (chapter 3's picture as a teaser: a
growing loss touches the L1 diamond at a corner, one weight exactly 0, and the L2 circle on its
side), title, roadmap (the chapters, read from ``scenes/chapters.toml``).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    UR,
    AnimationGroup,
    Axes,
    Create,
    DashedLine,
    Dot,
    FadeIn,
    LaggedStart,
    Line,
    MathTex,
    SurroundingRectangle,
    UpdateFromAlphaFunc,
    ValueTracker,
    VGroup,
    VMobject,
    Write,
    linear,
    there_and_back,
)

from mathutils import anscombe, constrained_minimum, unit_ball
from mathutils.geometry import clip_polyline, contact_level, ellipse_outline
from mathutils.lad import drag_path
from scenes import chapters, style
from scenes.chapter import Chapter
from scenes.components import (
    fit_width,
    header,
    house_axes,
    label,
    readout,
    say,
    scene_points,
    set_readout,
    tag,
    tex,
)
from scenes.examples import CONTACT_Q, CONTACT_T, CONTACT_W_HAT

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

# The second teaser previews chapter 3 with its own loss and budget (the same numbers, so
# the teaser is that chapter's picture, not another example).
CORNER_Q, CORNER_CENTER, CORNER_T = CONTACT_Q, CONTACT_W_HAT, CONTACT_T
CORNER_PLANE = 2.5  # each plane shows w1 in [-2.5, 2.5], as in chapter 3 ...
CORNER_LOW = 1.5  # ... and w2 in [-1.5, 2.5]: the loss lives above, room for readouts below
BALL_POINTS = 400
ELLIPSE_POINTS = 360
GROW_STEPS = 121


@dataclass
class _Teaser:
    """The first teaser's picture: the data, both fits, each point's two misses, readouts."""

    plot: VGroup  # the axes with their labels
    ax: Axes
    dots: VGroup
    outlier: Dot  # the point that is dragged (one of ``dots``)
    ols: Line
    lad: Line
    squares: VGroup  # each point's least-squares miss, as a square
    bars: VGroup  # each point's absolute-deviations miss, as a bar
    ols_read: VGroup
    lad_read: VGroup


@dataclass
class _Budget:
    """One panel of the second teaser: a budget's plane with its ball, w hat, the contact."""

    p: int  # 1: the L1 diamond, 2: the L2 circle
    plane: VGroup  # the axes with their labels
    ax: Axes
    title: MathTex
    ball: VMobject
    hat_dot: Dot
    hat_label: MathTex
    hat: VGroup  # the two
    contact: Dot
    w1_read: VGroup
    read: VGroup  # the w1 and w2 readouts in a row
    grown: VMobject  # the loss's level curve, grown so far


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
        heights = self.teaser_y[OUTLIER_INDEX] + self.lifts
        fits = drag_path(self.teaser_x, self.teaser_y, OUTLIER_INDEX, heights)
        # (intercept, slope) of each line per lift
        self.ols_lines = np.column_stack([fits.ols_intercepts, fits.ols_slopes])
        self.lad_lines = np.column_stack([fits.lad_intercepts, fits.lad_slopes])
        # the second teaser: chapter 3's loss and budget, first contact with each ball
        self.corner_balls = {p: unit_ball(p, BALL_POINTS) * CORNER_T for p in (1, 2)}
        self.corner_contacts = {p: constrained_minimum(CORNER_Q, CORNER_CENTER, p, CORNER_T)
                                for p in (1, 2)}
        self.corner_levels = {p: contact_level(CORNER_Q, CORNER_CENTER, p, CORNER_T)
                              for p in (1, 2)}
        unit = ellipse_outline(CORNER_Q, CORNER_CENTER, 1.0, ELLIPSE_POINTS) - CORNER_CENTER
        box = (np.array([-CORNER_PLANE, -CORNER_LOW]), np.full(2, CORNER_PLANE))
        self.corner_grow = {
            p: [clip_polyline(CORNER_CENTER + g * np.sqrt(lv) * unit, *box)
                for g in np.linspace(0.0, 1.0, GROW_STEPS)]
            for p, lv in self.corner_levels.items()
        }
        self.roadmap = list(enumerate((t for _, t in chapters.chapter_list()), 1))

    def construct(self):
        """The table of contents: one method per beat."""
        self.cold_open_outlier()
        self.cold_open_corner()
        self.title_beat()
        self.roadmap_beat()

    # ---- beats ---------------------------------------------------------------------------
    def cold_open_outlier(self):
        """One point dragged upward: the least-squares line swings, the LAD line holds."""
        self.open_beat("cold-open-outlier")
        teaser = self._teaser()
        lift = ValueTracker(0.0)
        follow = self._teaser_follow(teaser, lift)
        follow(None)
        ols_row, lad_row, kind = self._teaser_legend(teaser)
        self._teaser_fits(teaser, ols_row, lad_row, kind)
        self._teaser_drag(teaser, lift, follow)

    def _teaser(self) -> _Teaser:
        """The first teaser's plot, data, lines, misses and slope readouts (the lines and
        misses get their places from the updater)."""
        x, y = self.teaser_x, self.teaser_y
        plot = house_axes([0, 15, 5], [0, 25, 5], x_length=5.6, y_length=5.2, x_label="x",
                         y_label="y")
        ax = plot.axes
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
        (_, ols_slope), (_, lad_slope) = self.ols_lines[0], self.lad_lines[0]
        ols_read = readout(r"\text{slope}", ols_slope, style.L2, size=style.BODY_SIZE)
        lad_read = readout(r"\text{slope}", lad_slope, style.L1, size=style.BODY_SIZE)
        return _Teaser(plot, ax, dots, outlier, ols, lad, squares, bars, ols_read, lad_read)

    def _teaser_follow(self, t: _Teaser, lift: ValueTracker):
        """The first teaser's updater: the outlier lifted by ``lift``, both fits (looked up
        between the precomputed lifts), every miss and both readouts."""
        x, y, ax = self.teaser_x, self.teaser_y, t.ax

        def follow(_mob):
            d = lift.get_value()
            ym = y.copy()
            ym[OUTLIER_INDEX] += d
            t.outlier.move_to(ax.c2p(x[OUTLIER_INDEX], ym[OUTLIER_INDEX]))
            ols_a, ols_b = (np.interp(d, self.lifts, col) for col in self.ols_lines.T)
            lad_a, lad_b = (np.interp(d, self.lifts, col) for col in self.lad_lines.T)
            _place_line(t.ols, ax, (ols_a, ols_b))
            _place_line(t.lad, ax, (lad_a, lad_b))
            for sq, bar, a, b in zip(t.squares, t.bars, x, ym, strict=True):
                _place_square(sq, ax, a, b, ols_a + ols_b * a)
                # corners, not put_start_and_end_on: the LAD line passes through two points
                bar.set_points_as_corners([ax.c2p(a, b), ax.c2p(a, lad_a + lad_b * a)])
            set_readout(t.ols_read, ols_b)
            set_readout(t.lad_read, lad_b)

        return follow

    def _teaser_legend(self, t: _Teaser) -> tuple[VGroup, VGroup, VGroup]:
        """The two fits' legend rows beside the plot, below the "as a loss" tag."""
        ols_row = _legend_row("least squares", "adds up the squared misses", style.L2,
                              t.ols_read)
        lad_row = _legend_row("least absolute deviations", "adds up the plain distances",
                              style.L1, t.lad_read)
        legend = VGroup(ols_row, lad_row).arrange(DOWN, aligned_edge=LEFT, buff=style.GAP_L)
        legend.next_to(t.plot, RIGHT, buff=style.GAP_L).align_to(t.plot, UP)
        kind = tag("L1 / L2 as a loss").to_corner(UP + RIGHT, buff=style.EDGE)
        legend.shift((kind.get_bottom()[1] - style.GAP - legend.get_top()[1]) * UP)
        return ols_row, lad_row, kind

    def _teaser_fits(self, t: _Teaser, ols_row: VGroup, lad_row: VGroup, kind: VGroup):
        """The data, then each fit with its misses, as the narration names them."""
        say(self, "Eleven points, and two ways to fit a straight line through them.",
            AnimationGroup(AnimationGroup(Create(t.plot), FadeIn(kind)),
                           LaggedStart(*(FadeIn(d, scale=2.0) for d in t.dots), lag_ratio=0.3),
                           lag_ratio=0.6),
            span=True)
        say(self, "Least squares makes the total area of these squares, the squared misses, "
            "as small as it can.",
            AnimationGroup(AnimationGroup(Create(t.ols), FadeIn(ols_row)),
                           LaggedStart(*(FadeIn(q) for q in t.squares), lag_ratio=0.4),
                           lag_ratio=0.5),
            span=True)
        say(self, "Least absolute deviations adds up the plain distances instead.",
            AnimationGroup(AnimationGroup(Create(t.lad), FadeIn(lad_row)),
                           LaggedStart(*(Create(b) for b in t.bars), lag_ratio=0.4),
                           lag_ratio=0.5),
            span=True)

    def _teaser_drag(self, t: _Teaser, lift: ValueTracker, follow) -> None:
        """Drag the outlier up, down and up again; the beat ends on a still."""
        # the lagged fades added each point, square and bar on its own: hand the scene the
        # groups instead, so the driver below takes the moving ones out of the still background
        self.remove(*t.dots, *t.squares, *t.bars)
        self.add(t.dots, t.squares, t.bars)
        driver = self.drive([t.squares, t.bars, t.ols, t.lad, t.outlier, t.ols_read,
                             t.lad_read], follow)
        (_, swing_from), (_, swing_to) = self.ols_lines[0], self.ols_lines[-1]
        _, lad_slope = self.lad_lines[0]
        say(self, "Now drag one point upward, further and further. Its square grows much "
            "faster than its distance, and the least-squares line chases it.",
            lift.animate(rate_func=linear).set_value(MAX_LIFT), span=True)
        # down to where it started and up again: the slope readout runs 0.83 -> 0.50 -> 0.83
        say(self, f"The least-squares slope swings from {swing_from:.2f} to "
            f"{swing_to:.2f}.",
            UpdateFromAlphaFunc(lift, lambda m, a: m.set_value(MAX_LIFT * abs(1 - 2 * a))),
            span=True)
        say(self, "The absolute-deviations line does not move at all: its slope stays "
            f"{lad_slope:.2f}.",
            lift.animate(rate_func=there_and_back).set_value(MAX_LIFT / 3),
            run_time=1.6 * style.LONG)  # shorter than the sentence: the beat ends on a still
        driver.clear_updaters()

    def cold_open_corner(self):
        """Two weights under a budget: the growing loss touches the diamond at a corner (one
        weight exactly 0) and the circle on its smooth side (both nonzero)."""
        self.open_beat("cold-open-corner")
        head = header("Two weights, two budgets", "L1 / L2 as a penalty")
        l1 = self._budget(1, style.L1, r"|w_1| + |w_2| \le 1")
        l2 = self._budget(2, style.L2, r"w_1^2 + w_2^2 \le 1")
        self._lay_out_budgets(head, l1, l2)
        on_axis, exact, both, drops = self._contact_marks(l1, l2)
        grow = ValueTracker(0.0)
        spread = self._spread(grow, l1, l2)
        say(self, "Second teaser: a model with two weights. The loss is smallest at the point "
            "w hat, but the weights must stay inside a budget: the L1 diamond, or the L2 "
            "circle.",
            AnimationGroup(AnimationGroup(FadeIn(head), Create(l1.plane), Create(l2.plane)),
                           FadeIn(l1.hat, l2.hat, scale=2.0),
                           AnimationGroup(FadeIn(l1.title), Create(l1.ball)),
                           AnimationGroup(FadeIn(l2.title), Create(l2.ball)),
                           lag_ratio=1.0),
            span=True)
        driver = self.drive([l1.grown, l2.grown], spread)
        say(self, "Grow the loss's level curves out from w hat until they first touch each "
            "shape.", grow.animate(rate_func=linear).set_value(1.0), span=True)
        driver.clear_updaters()
        say(self, "The diamond is touched at a corner, on an axis: one weight is exactly zero.",
            AnimationGroup(FadeIn(l1.contact, scale=3.0), Create(on_axis), FadeIn(l1.read),
                           FadeIn(exact, scale=1.2), lag_ratio=1.0),
            span=True)
        say(self, "The circle is touched on its smooth side, and both weights stay nonzero.",
            AnimationGroup(FadeIn(l2.contact, scale=3.0), Create(drops, lag_ratio=0.0),
                           FadeIn(l2.read),
                           FadeIn(both, scale=1.2), lag_ratio=1.0),
            run_time=1.2 * style.LONG)  # shorter than the sentence: the beat ends on a still

    def _ball_points(self, ax: Axes, p: int):
        """The scene points of budget ``p``'s ball outline, closed."""
        ball = self.corner_balls[p]
        return scene_points(ax, *np.vstack([ball, ball[:1]]).T)

    def _budget(self, p: int, color, name: str) -> _Budget:
        """Budget ``p``'s panel, before layout: plane, title, ball, w hat, contact, readouts."""
        plane = house_axes([-CORNER_PLANE, CORNER_PLANE, 1], [-CORNER_LOW, CORNER_PLANE, 1],
                          3.9, 3.9 * (CORNER_PLANE + CORNER_LOW) / (2 * CORNER_PLANE),
                          "w_1", "w_2", numbers=False)
        ax = plane.axes
        title = tex(name, size=style.LABEL_SIZE, color=color)
        ball = VMobject(stroke_color=color, stroke_width=4).set_points_as_corners(
            self._ball_points(ax, p))
        hat_dot = Dot(ax.c2p(*CORNER_CENTER), radius=0.07, color=style.LOSS)
        hat_label = tex(r"\hat w", size=style.LABEL_SIZE, color=style.LOSS)
        hat = VGroup(hat_dot, hat_label)
        hat_label.next_to(hat_dot, UR, buff=style.GAP_S * 0.5)
        w1, w2 = self.corner_contacts[p]
        contact = Dot(ax.c2p(w1, w2), radius=0.1, color=style.HIGHLIGHT)
        w1_read = readout("w_1", w1, color)
        read = VGroup(w1_read, readout("w_2", w2, color)).arrange(RIGHT, buff=style.GAP_L)
        grown = VMobject(stroke_color=style.LOSS, stroke_width=3)
        return _Budget(p, plane, ax, title, ball, hat_dot, hat_label, hat, contact, w1_read,
                       read, grown)

    def _lay_out_budgets(self, head: VGroup, *budgets: _Budget) -> None:
        """The panels side by side under ``head``, titles above, readouts below."""
        for b in budgets:
            b.title.next_to(b.plane, UP, buff=style.GAP_S)
        body = VGroup(*(VGroup(b.title, b.plane) for b in budgets))
        body.arrange(RIGHT, buff=2 * style.GAP_L)
        body.next_to(head, DOWN, buff=style.GAP)
        for b in budgets:  # arrange moved the axes: put the drawings back on them
            b.ball.set_points_as_corners(self._ball_points(b.ax, b.p))
            b.hat_dot.move_to(b.ax.c2p(*CORNER_CENTER))
            b.hat_label.next_to(b.hat_dot, UR, buff=style.GAP_S * 0.5)
            b.contact.move_to(b.ax.c2p(*self.corner_contacts[b.p]))
        for b in budgets:
            b.read.next_to(b.plane, DOWN, buff=style.GAP_S)

    def _contact_marks(self, l1: _Budget, l2: _Budget):
        """What the contacts' sentences add: the diamond's contact on the w2 axis with its
        "exactly 0" tag, the circle's contact dropped onto both axes with "both nonzero"."""
        # the corner's weight that is exactly 0 lies on the w2 axis: mark that axis
        on_axis = Line(l1.ax.c2p(0, 0), l1.ax.c2p(*self.corner_contacts[1]), color=style.ZERO,
                       stroke_width=7)
        exact = tag("exactly 0", style.ZERO).next_to(l1.w1_read, DOWN, buff=style.GAP_S)
        both = tag("both nonzero", style.L2).next_to(l2.read, DOWN, buff=style.GAP_S)
        # the circle's contact dropped onto both axes: two nonzero coordinates
        ax2, (w1c, w2c) = l2.ax, self.corner_contacts[2]
        drops = VGroup(DashedLine(ax2.c2p(w1c, w2c), ax2.c2p(w1c, 0), color=style.L2,
                                  stroke_width=3),
                       DashedLine(ax2.c2p(w1c, w2c), ax2.c2p(0, w2c), color=style.L2,
                                  stroke_width=3))
        return on_axis, exact, both, drops

    def _spread(self, grow: ValueTracker, *budgets: _Budget):
        """The updater that grows each loss's level curve to ``grow`` (0: w hat, 1: contact)."""
        def spread(_mob):
            g = int(round(grow.get_value() * (GROW_STEPS - 1)))
            for b in budgets:
                b.grown.clear_points()
                for run in self.corner_grow[b.p][g]:
                    pts = scene_points(b.ax, run[:, 0], run[:, 1])
                    b.grown.start_new_path(pts[0])
                    b.grown.add_points_as_corners(pts[1:])

        return spread

    def title_beat(self):
        """The lecture's title card (chapter 1)."""
        card = super().title_beat()
        l1_norm = tex(r"\|w\|_1 = |w_1| + |w_2| + \dots + |w_n|", size=style.BODY_SIZE,
                      color=style.L1)
        l2_norm = tex(r"\|w\|_2^2 = w_1^2 + w_2^2 + \dots + w_n^2", size=style.BODY_SIZE,
                      color=style.L2)
        norms = VGroup(l1_norm, l2_norm).arrange(DOWN, aligned_edge=LEFT, buff=style.GAP)
        # the card moves up to make room, then each formula is written as it is read
        card_slot = card.copy()
        place = VGroup(card_slot, norms).arrange(DOWN, buff=style.GAP_L)
        place.to_edge(UP, buff=style.EDGE * 2)
        lift = card_slot.get_center() - card.get_center()
        say(self, "The L1 norm adds up the absolute values of the entries.",
            AnimationGroup(card.animate.shift(lift), Write(l1_norm), lag_ratio=0.5),
            span=True)
        say(self, "As a penalty, L2 means the squared L2 norm: the sum of the squares.",
            Write(l2_norm), span=True)
        words = ("robustness", "stability", "sparsity")
        row = label("   ".join(words), style.BODY_SIZE)  # one text: one baseline
        row.next_to(place, DOWN, buff=style.GAP_L)
        ends = np.cumsum([0, *(len(w) for w in words)])  # glyphs per word (no spaces)
        changes = [VGroup(*row[a:b]) for a, b in zip(ends[:-1], ends[1:], strict=True)]
        say(self, "Swap one for the other and robustness, stability and sparsity all change.",
            LaggedStart(*(FadeIn(w, shift=0.2 * DOWN) for w in changes), lag_ratio=0.6),
            span=True)

    def roadmap_beat(self):
        """The chapters ahead in three groups, by how L1 and L2 are used; the next one marked."""
        self.open_beat("roadmap")
        head = label("The road ahead", style.HEADING_SIZE).to_edge(UP, buff=style.EDGE)
        number = {slug: n for n, (slug, _) in enumerate(chapters.chapter_list(), 1)}
        titles = dict(chapters.chapter_list())
        parts = self._roadmap_parts(number)
        blocks = VGroup(*(_roadmap_block(name, [(number[s], titles[s]) for s in slugs])
                          for (name, _, _), slugs in parts))
        # two columns: the first two groups stacked, the rest beside them
        columns = VGroup(VGroup(*blocks[:2]).arrange(DOWN, aligned_edge=LEFT, buff=style.GAP_L),
                         *blocks[2:]).arrange(RIGHT, aligned_edge=UP, buff=1.5 * style.GAP_L)
        # room for the box that marks the first chapter
        fit_width(columns, style.EDGE + style.GAP_S).next_to(head, DOWN, buff=style.GAP_L)
        room_mid = (head.get_bottom()[1] - style.GAP + style.FLOOR) / 2
        columns.shift(max(0.0, columns.get_center()[1] - room_mid) * DOWN)
        say(self, "The road ahead: the same two norms, used in two ways.", Write(head),
            span=True)
        for (heading, rows), ((_, _, words), slugs) in zip(blocks, parts, strict=True):
            nums = [number[s] for s in slugs]
            which = ", ".join(map(str, nums[:-1])) + f" and {nums[-1]}" if len(nums) > 1 else (
                f"{nums[0]}")
            if not isinstance(words, str):  # (plural, singular)
                words = words[len(nums) == 1]
            noun = "Chapters" if len(nums) > 1 else "Chapter"
            # the group's heading, then its chapters one by one as they are named
            say(self, f"{noun} {which} {words}",
                LaggedStart(FadeIn(heading, shift=0.2 * RIGHT),
                            *(FadeIn(row, shift=0.2 * RIGHT) for row in rows),
                            lag_ratio=0.8),
                span=True)
        if not parts:  # a lecture of this chapter alone
            return
        (_, first_slugs), (_, first_rows) = parts[0], blocks[0]
        first = first_slugs[0]  # the next chapter: first of the first group shown
        mark = SurroundingRectangle(first_rows[0], color=style.HIGHLIGHT, buff=0.1)
        say(self, f"We start with chapter {number[first]}: {titles[first]}.", Create(mark),
            run_time=style.LONG)  # shorter than the sentence: the beat ends on a still

    def _roadmap_parts(self, number: dict) -> list:
        """The roadmap's groups as (ROADMAP entry, slugs shown) for this chapter list."""
        groups = [[s for s in slugs if s in number] for _, slugs, _ in ROADMAP]
        # another chapter list may leave a group empty (shown: only the groups it fills) or
        # hold chapters no group names (shown in a plain group of their own)
        rest = [s for s in number if s != self.SLUG and not any(s in g for g in groups)]
        parts = [(part, g) for part, g in zip(ROADMAP, groups, strict=True) if g]
        if rest:
            parts.append((("Also in this lecture", (),
                           ("also belong to this lecture.", "also belongs to this lecture.")),
                          rest))
        return parts


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
    name_text = label(name, style.LABEL_SIZE, color)
    head = VGroup(swatch, name_text).arrange(RIGHT, buff=style.GAP_S)
    sub = label(what, style.SMALL_SIZE, style.MUTED)
    group = VGroup(head, sub, value).arrange(DOWN, aligned_edge=LEFT, buff=style.GAP_S)
    sub.align_to(name_text, LEFT)
    value.align_to(name_text, LEFT)
    return group


def _roadmap_block(name: str, entries) -> VGroup:
    """A roadmap group: ``VGroup(heading, rows)``, a row per (number, title) in ``entries``,
    the numbers right-aligned and the titles on one left edge."""
    rows = VGroup(*(VGroup(label(f"{n}", style.BODY_SIZE, style.HIGHLIGHT),
                           label(title, style.BODY_SIZE)).arrange(RIGHT, buff=style.GAP)
                    for n, title in entries)).arrange(DOWN, aligned_edge=LEFT, buff=style.GAP_S)
    _, first_title = rows[0]
    for num, title in rows:  # numbers right-aligned, titles on one left edge
        title.align_to(first_title, LEFT)
        num.next_to(title, LEFT, buff=style.GAP)
    return VGroup(label(name, style.LABEL_SIZE, style.MUTED), rows).arrange(
        DOWN, aligned_edge=LEFT, buff=style.GAP_S)
