"""Chapter 8, the recap: the L1-vs-L2 scorecard, common claims corrected, one row per beat.

Each row states the winner in corrected words (loss vs penalty; quadratic, not exponential;
ridge is not sparse; ties are the exception) and comes with a small live reminder of that
chapter's key picture, rebuilt from mathutils. The table grows on the left, the reminder plays
on the right; the last beat shows the whole scorecard and one closing sentence.
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
    Create,
    Dot,
    FadeIn,
    FadeOut,
    GrowArrow,
    Indicate,
    LaggedStart,
    Line,
    Polygon,
    Text,
    ValueTracker,
    VGroup,
    VMobject,
    config,
    linear,
)

from mathutils import (
    anscombe,
    count_shortest_paths,
    diabetes,
    lad_fit,
    lasso_alpha_max,
    lasso_path,
    lp_norm,
    ols_fit,
    ridge_path,
    sample_shortest_paths,
)
from mathutils.recap import lasso_cd_2d, moved_fits, noisy_line, ridge_2d
from mathutils.selection import ellipse_outline
from scenes import style
from scenes.chapter import Chapter
from scenes.components import house_axes, label, say, tag

# ---- the key pictures' inputs (every value on screen is computed from these in setup) --------
ROBUST_SET = 3  # Anscombe III: ten points on a line and one outlier
N_RISE = 31
STABLE_SEED, STABLE_N, STABLE_INDEX, STABLE_SHIFT, N_SHIFTS = 22, 7, 2, 1.0, 81
GRID = (4, 3)  # blocks right, blocks up
N_PATHS, PATHS_SEED = 4, 6
CD_Q = np.array([[1.0, 0.8], [0.8, 1.0]])  # a correlated quadratic loss in two weights
CD_CENTER = np.array([2.0, 1.0])
CD_LAM, CD_SWEEPS, CD_TOL = 0.5, 30, 1e-3
CONTOUR_LEVELS = (0.03, 0.12, 0.3)
LASSO_DECADES, RIDGE_ALPHAS, N_ALPHAS, MARK = 3.0, (2.0, -3.0), 60, 0.3

PANEL_W = 3.9  # width of a reminder's plot (manim units); the table takes the left side

# The scorecard: (beat slug, property, verdict, corrected note). "L1"/"L2" are coloured.
ROWS = (
    ("robustness", "Robustness", "L1 > L2 as a loss",
     "outliers cost quadratically, not exponentially"),
    ("stability", "Stability", "L2 > L1 as a loss", "a small nudge can make the L1 line jump"),
    ("solutions", "Solutions", "L2 one, L1 possibly many",
     "L1 ties are the exception, not the rule"),
    ("computation", "Computation", "L2 closed form, L1 iterative",
     "coordinate descent: each step a soft threshold"),
    ("sparsity", "Sparsity", "L1 > L2 as a penalty",
     "lasso: exact zeros; ridge shrinks, not sparse"),
)
CLOSING = ("L1 shrugs off outliers and picks features; L2 gives one stable answer from a "
           "formula.")
ADVICE = "Choose by the job, and always say whether the norm is a loss or a penalty."


class Scorecard(Chapter):
    """The L1-vs-L2 scorecard, common claims corrected, with a live reminder for every row."""

    SLUG = "recap"
    QUESTION = "Which norm wins where, and why?"
    OPENING = ("To close, the scorecard: five properties, each with its winner, and the "
               "reason it wins.")

    def setup(self):
        """Compute every value shown, with mathutils, before any animation."""
        # robustness: Anscombe III, its outlier rising from the LAD line to where it is
        x, y = anscombe(ROBUST_SET)
        self.robust_x, self.robust_y = x, y
        self.robust_index = int(np.argmax(y - lad_fit(x, y)(x)))
        self.robust_ols, self.robust_lad = ols_fit(x, y), lad_fit(x, y)
        gap = float(y[self.robust_index] - self.robust_lad(x[self.robust_index]))
        self.robust_rise = np.linspace(-gap, 0.0, N_RISE)
        rise = moved_fits(x, y, self.robust_index, self.robust_rise, "y")
        self.robust_rise_ols, self.robust_rise_lad = rise.ols, rise.lad
        # stability: one point of a small noisy line nudged sideways
        sx, sy = noisy_line(STABLE_N, np.random.default_rng(STABLE_SEED), intercept=1.0,
                            slope=0.5, noise=1.0)
        self.stable_x, self.stable_y = sx, sy
        self.stable_shifts = np.linspace(-STABLE_SHIFT, STABLE_SHIFT, N_SHIFTS)
        nudge = moved_fits(sx, sy, STABLE_INDEX, self.stable_shifts, "x")
        self.stable_ols_slopes, self.stable_lad_slopes = nudge.ols[:, 1], nudge.lad[:, 1]
        jumps = np.abs(np.diff(self.stable_lad_slopes))
        self.stable_jump = float(jumps.max())
        self.stable_ols_range = float(np.ptp(self.stable_ols_slopes))
        # solutions: shortest taxicab routes vs the one straight line
        m, n = GRID
        self.path_count = count_shortest_paths(m, n)
        self.paths = sample_shortest_paths(m, n, N_PATHS, np.random.default_rng(PATHS_SEED))
        self.l1_length = float(lp_norm([m, n], 1))
        self.l2_length = float(lp_norm([m, n], 2))
        # computation: coordinate descent zig-zag vs one closed-form solve
        self.cd_iterates = lasso_cd_2d(CD_Q, CD_CENTER, CD_LAM, [0.0, 0.0], CD_SWEEPS)
        moves = np.linalg.norm(np.diff(self.cd_iterates, axis=0), axis=1)
        self.cd_steps = int(np.argmax(moves < CD_TOL))  # updates until one moves < CD_TOL
        self.ridge_solution = ridge_2d(CD_Q, CD_CENTER, CD_LAM)
        self.contours = [ellipse_outline(CD_Q, CD_CENTER, lv, n=96) for lv in CONTOUR_LEVELS]
        # sparsity: lasso and ridge coefficient paths on the diabetes data
        X, yd = diabetes()
        amax = lasso_alpha_max(X, yd)
        self.lasso_alphas = amax * np.logspace(0.0, -LASSO_DECADES, N_ALPHAS)
        self.ridge_alphas = np.logspace(*RIDGE_ALPHAS, N_ALPHAS)
        self.lasso_coefs = lasso_path(X, yd, self.lasso_alphas)
        self.ridge_coefs = ridge_path(X, yd, self.ridge_alphas)
        self.mark_index = int(round(MARK * (N_ALPHAS - 1)))
        self.lasso_zeros = int(np.sum(self.lasso_coefs[self.mark_index] == 0.0))
        self.ridge_zeros_anywhere = int(np.sum(self.ridge_coefs == 0.0))
        self.n_features = X.shape[1]
        self._table = None

    def construct(self):
        """The table of contents: one method per beat."""
        self.title_beat()
        self.robustness()
        self.stability()
        self.solutions()
        self.computation()
        self.sparsity()
        self.scorecard()

    # ---- beats ---------------------------------------------------------------------------
    def robustness(self):
        """Row 1: L1 wins robustness as a loss; Anscombe III with its outlier rising."""
        row = self._start_row(0)
        x, y, k = self.robust_x, self.robust_y, self.robust_index
        plot = house_axes([0, 15, 5], [0, 14, 4], x_length=PANEL_W, y_length=3.2)
        ax = plot[0]
        dots = VGroup(*(Dot(ax.c2p(a, b), radius=0.06, color=style.DATA)
                        for a, b in zip(x, y, strict=True)))
        out = dots[k].set_color(style.HIGHLIGHT)

        def ends(fit):
            return ax.c2p(0, fit[0]), ax.c2p(15, fit[0] + 15 * fit[1])

        ols = Line(*ends(self.robust_rise_ols[0]), color=style.L2, stroke_width=4)
        lad = Line(*ends(self.robust_rise_lad[0]), color=style.L1, stroke_width=4)
        keys = _key(("least squares", style.L2), ("least abs. deviations", style.L1))
        panel = self._panel("one outlier, two lines", "as a loss", plot, keys,
                            VGroup(ols, lad, dots))
        rise = ValueTracker(self.robust_rise[0])

        def follow(_m):
            d = rise.get_value()
            out.move_to(ax.c2p(x[k], y[k] + d))
            fo = [np.interp(d, self.robust_rise, self.robust_rise_ols[:, j]) for j in (0, 1)]
            fl = [np.interp(d, self.robust_rise, self.robust_rise_lad[:, j]) for j in (0, 1)]
            ols.put_start_and_end_on(*ends(fo))
            lad.put_start_and_end_on(*ends(fl))

        follow(out)
        say(self, "Robustness goes to L1, as a loss.", FadeIn(row), FadeIn(panel),
            run_time=style.NORMAL)
        out.add_updater(follow)
        say(self, "Squared misses make a far outlier cost quadratically, not exponentially as "
            "is often said. Least squares leans toward it; least absolute deviations stays "
            "with the other ten points.", rise.animate(rate_func=linear).set_value(0.0),
            run_time=2 * style.LONG)
        out.remove_updater(follow)

    def stability(self):
        """Row 2: L2 wins stability as a loss; slope against the position of one point."""
        row = self._start_row(1)
        lo = float(min(self.stable_lad_slopes.min(), self.stable_ols_slopes.min()))
        hi = float(max(self.stable_lad_slopes.max(), self.stable_ols_slopes.max()))
        y_range = [np.floor(lo * 10) / 10, np.ceil(hi * 10) / 10, 0.1]
        plot = house_axes([-STABLE_SHIFT, STABLE_SHIFT, 0.5], y_range, x_length=PANEL_W,
                          y_length=3.0, numbers=False)
        ax = plot[0]
        axis_names = VGroup(
            label("slope", style.SMALL_SIZE, style.MUTED).next_to(ax.y_axis, UP, style.GAP_S),
            label("sideways nudge", style.SMALL_SIZE, style.MUTED)
            .next_to(ax.x_axis, DOWN, style.GAP_S),
        )
        curves = VGroup()
        for slopes, color in ((self.stable_ols_slopes, style.L2),
                              (self.stable_lad_slopes, style.L1)):
            c = VMobject(color=color, stroke_width=4)
            c.set_points_as_corners([ax.c2p(s, v) for s, v in zip(self.stable_shifts, slopes,
                                                                    strict=True)])
            curves.add(c)
        keys = _key(("least squares", style.L2), ("least abs. deviations", style.L1))
        panel = self._panel("nudge one point", "as a loss",
                            VGroup(plot, axis_names), keys, curves)
        say(self, "Stability goes to L2, as a loss.", FadeIn(row),
            FadeIn(VGroup(panel[:-1])), run_time=style.NORMAL)
        say(self, f"Nudge one point sideways: the least-squares slope drifts by "
            f"{self.stable_ols_range:.2f} at most, while the L1 slope jumps by "
            f"{self.stable_jump:.2f} at once.", Create(curves, rate_func=linear),
            run_time=2 * style.LONG)

    def solutions(self):
        """Row 3: one L2 answer, possibly many L1 ones; Manhattan routes vs one line."""
        row = self._start_row(2)
        m, n = GRID
        unit = PANEL_W / 1.3 / m
        grid = VGroup(*(Line(i * unit * RIGHT, i * unit * RIGHT + n * unit * UP,
                             color=style.MUTED, stroke_width=2) for i in range(m + 1)),
                      *(Line(j * unit * UP, j * unit * UP + m * unit * RIGHT,
                             color=style.MUTED, stroke_width=2) for j in range(n + 1)))
        routes = VGroup()
        for p in self.paths:
            r = VMobject(color=style.L1, stroke_width=5, stroke_opacity=0.85)
            r.set_points_as_corners([unit * (a * RIGHT + b * UP) for a, b in p])
            routes.add(r)
        straight = Line(grid.get_corner(DOWN + LEFT), grid.get_corner(UP + RIGHT),
                        color=style.L2, stroke_width=6)
        ends = VGroup(Dot(straight.get_start(), color=style.DATA),
                      Dot(straight.get_end(), color=style.DATA))
        counts = VGroup(
            label(f"{self.path_count} L1 routes, length {self.l1_length:g}", style.SMALL_SIZE,
                  style.L1),
            label(f"1 L2 line, length {self.l2_length:g}", style.SMALL_SIZE, style.L2),
        ).arrange(DOWN, aligned_edge=LEFT, buff=style.GAP_S)
        panel = self._panel("from corner to corner", "as a distance", grid, counts,
                            VGroup(routes, straight, ends))
        say(self, "Number of solutions: L2 has one, L1 possibly many.", FadeIn(row),
            FadeIn(VGroup(panel[0], panel[1], ends)), run_time=style.NORMAL)
        say(self, f"Across a city grid there are {self.path_count} shortest taxicab routes, "
            "and only one straight line.",
            LaggedStart(*(Create(r) for r in routes), lag_ratio=0.5), Create(straight),
            FadeIn(counts), run_time=style.LONG)
        say(self, "A least-absolute-deviations fit can likewise have several tied best "
            "lines, but that is the exception, not the rule.")

    def computation(self):
        """Row 4: ridge is one solve, the lasso a zig-zag of soft-threshold steps."""
        row = self._start_row(3)
        plot = house_axes([-0.2, 3.0, 1], [-0.2, 2.0, 1], x_length=PANEL_W - 0.6,
                          y_length=(PANEL_W - 0.6) * 2.2 / 3.2, x_label="w_1", y_label="w_2",
                          numbers=False)
        ax = plot[0]
        rings = VGroup()
        for pts in self.contours:
            ring = Polygon(*(ax.c2p(*p) for p in pts), color=style.LOSS, stroke_width=2)
            rings.add(ring)
        zig = VMobject(color=style.L1, stroke_width=4)
        zig.set_points_as_corners([ax.c2p(*p) for p in self.cd_iterates[: self.cd_steps + 1]])
        jump = Arrow(ax.c2p(0, 0), ax.c2p(*self.ridge_solution), buff=0, color=style.L2,
                     stroke_width=5, max_tip_length_to_length_ratio=0.15)
        keys = VGroup(
            label("L2: 1 linear solve", style.SMALL_SIZE, style.L2),
            label(f"L1: {self.cd_steps} coordinate steps", style.SMALL_SIZE, style.L1),
        ).arrange(DOWN, aligned_edge=LEFT, buff=style.GAP_S)
        panel = self._panel("solve vs iterate", "as a penalty", plot, keys,
                            VGroup(rings, zig, jump))
        say(self, "Computation: ridge has a closed form, one linear solve.", FadeIn(row),
            FadeIn(VGroup(panel[0], panel[1], rings)), GrowArrow(jump),
            FadeIn(keys[0]), run_time=style.NORMAL)
        say(self, f"The lasso has none. Coordinate descent gets there in steps, here "
            f"{self.cd_steps} of them, each one a simple soft threshold: simple, but "
            "iterative.", Create(zig, rate_func=linear), FadeIn(keys[1]),
            run_time=2 * style.LONG)

    def sparsity(self):
        """Row 5: L1 selects features as a penalty, ridge only shrinks (diabetes paths)."""
        row = self._start_row(4)
        top = max(np.abs(self.lasso_coefs).max(), np.abs(self.ridge_coefs).max())
        lim = float(np.ceil(top / 100) * 100)
        t = np.linspace(0.0, 1.0, N_ALPHAS)  # penalty strength, strong (0) to weak (1)
        panels = VGroup()
        for name, color in (("lasso", style.L1), ("ridge", style.L2)):
            plot = house_axes([0, 1, 1], [-lim, lim, lim], x_length=PANEL_W - 0.8,
                              y_length=1.5, numbers=False)
            head = label(name, style.SMALL_SIZE, color)
            panels.add(VGroup(head, plot).arrange(RIGHT, buff=style.GAP_S))
        panels.arrange(DOWN, buff=style.GAP, aligned_edge=RIGHT)
        paths = []
        for (_head, plot), coefs, color in zip(panels, (self.lasso_coefs, self.ridge_coefs),
                                              (style.L1, style.L2), strict=True):
            ax = plot[0]
            lines = VGroup()
            for j in range(coefs.shape[1]):
                c = VMobject(color=color, stroke_width=2.5)
                c.set_points_as_corners([ax.c2p(a, b) for a, b in zip(t, coefs[:, j],
                                                                        strict=True)])
                lines.add(c)
            paths.append((ax, lines))
        ax0 = paths[0][0]
        mark = Line(ax0.c2p(t[self.mark_index], -lim), ax0.c2p(t[self.mark_index], lim),
                    color=style.HIGHLIGHT, stroke_width=3)
        strength = label("weaker penalty \u2192", style.SMALL_SIZE, style.MUTED)
        strength.next_to(panels, DOWN, buff=style.GAP_S).align_to(panels, RIGHT)
        counts = VGroup(
            label(f"lasso: {self.lasso_zeros} of {self.n_features} exactly 0",
                  style.SMALL_SIZE, style.L1),
            label("ridge: never exactly 0" if self.ridge_zeros_anywhere == 0 else
                  f"ridge: {self.ridge_zeros_anywhere} exactly 0",
                  style.SMALL_SIZE, style.L2),
        ).arrange(DOWN, aligned_edge=LEFT, buff=style.GAP_S)
        panel = self._panel("lasso vs ridge paths", "as a penalty",
                            VGroup(panels, strength), counts,
                            VGroup(*(lines for _a, lines in paths), mark))
        say(self, "Sparsity goes to L1, as a penalty.", FadeIn(row),
            FadeIn(VGroup(panel[0], panel[1])), run_time=style.NORMAL)
        say(self, "On the diabetes data, the lasso path holds coefficients at exactly zero; "
            "the ridge path shrinks all ten, but never to zero.",
            *(Create(lines, rate_func=linear) for _a, lines in paths), run_time=2 * style.LONG)
        say(self, f"At the marked strength {self.lasso_zeros} of the {self.n_features} lasso "
            "coefficients are exactly zero: the lasso selects features, ridge is not sparse.",
            Create(mark), FadeIn(counts), run_time=style.NORMAL)

    def scorecard(self):
        """The whole scorecard, centred, and one closing sentence."""
        self.open_beat("scorecard", fresh=False)
        table = self._show_table(len(ROWS))
        right = config.frame_width / 2 - style.EDGE
        left = table.get_right()[0] + style.GAP_L
        advice = Text(_wrap(ADVICE, 19), font=style.FONT, font_size=style.LABEL_SIZE,
                      color=style.TEXT, line_spacing=1.0)
        rule = Line(UP, DOWN, color=style.HIGHLIGHT, stroke_width=4)
        rule.stretch_to_fit_height(advice.height).next_to(advice, LEFT, buff=style.GAP)
        box = VGroup(rule, advice).move_to(((left + right) / 2) * RIGHT)
        box.align_to(table[1], UP)
        verdicts = [row[1] for row in table[1:]]
        say(self, "Here is the whole scorecard: each winner, and whether the norm "
            "was a loss or a penalty.",
            LaggedStart(*(Indicate(v, color=style.HIGHLIGHT, scale_factor=1.1)
                          for v in verdicts), lag_ratio=0.4), run_time=2 * style.LONG)
        say(self, CLOSING, FadeIn(box, shift=0.2 * LEFT), run_time=style.NORMAL)
        say(self, ADVICE, Indicate(advice, color=style.HIGHLIGHT, scale_factor=1.05),
            run_time=style.NORMAL)

    # ---- helpers -------------------------------------------------------------------------
    def _table_group(self) -> VGroup:
        """The full scorecard (heading and five rows), laid out at its place on the left."""
        if self._table is None:
            self._table = _build_table()
        return self._table

    def _show_table(self, upto: int) -> VGroup:
        """Fade out everything but the table; make sure heading and rows < upto are shown."""
        table = self._table_group()
        shown = VGroup(table[0], *table[1:][:upto])
        others = [m for m in self.mobjects if m not in shown.submobjects]
        if others:
            self.play(FadeOut(*others), run_time=style.SHORT)
        for m in shown:
            if m not in self.mobjects:
                self.add(m)
        return shown

    def _start_row(self, i: int) -> VGroup:
        """Begin the beat of row ``i``: the section, the table so far; returns the new row."""
        self.open_beat(ROWS[i][0], fresh=False)
        self._show_table(i)
        return self._table_group()[1 + i]

    def _panel(self, heading: str, kind: str, body, keys, live) -> VGroup:
        """Lay out a reminder in the right-hand region: heading + tag, body, keys.

        Returns VGroup ``(heading row, body, keys, live)``; ``live`` is drawn on top of
        ``body`` and positioned with it (it must already be in ``body``'s coordinates).
        """
        table = self._table_group()
        right = config.frame_width / 2 - style.EDGE
        left = table.get_right()[0] + style.GAP_L
        head = VGroup(label(heading, style.LABEL_SIZE), tag(kind))
        head.arrange(RIGHT, buff=style.GAP)
        if head.width > right - left:  # no room beside it: the tag goes under the heading
            head.arrange(DOWN, aligned_edge=LEFT, buff=style.GAP_S)
        stack = VGroup(head, VGroup(body, live), keys).arrange(DOWN, buff=style.GAP)
        head.align_to(stack, LEFT)
        keys.align_to(stack, LEFT)
        # never scaled: text must stay at its size; tests check it fits the region
        stack.move_to(ORIGIN).shift((left - stack.get_left()[0]) * RIGHT)
        return VGroup(head, body, keys, live)


def _build_table() -> VGroup:
    """Heading and one row per property: name, coloured verdict, muted note beneath."""
    heading = label("Scorecard", style.HEADING_SIZE)
    names = [label(r[1], style.LABEL_SIZE) for r in ROWS]
    col = max(n.width for n in names) + style.GAP
    rows = VGroup()
    for (_slug, _name, verdict, note), name in zip(ROWS, names, strict=True):
        v = _label_l1l2(verdict, style.LABEL_SIZE, style.TEXT)
        v.move_to(name.get_left() + col * RIGHT, aligned_edge=LEFT).align_to(name, UP)
        nt = _label_l1l2(note, style.SMALL_SIZE, style.MUTED)
        nt.next_to(VGroup(name, v), DOWN, buff=style.GAP_S, aligned_edge=LEFT)
        rows.add(VGroup(name, v, nt))
    rows.arrange(DOWN, aligned_edge=LEFT, buff=style.GAP)
    table = VGroup(heading, *rows)
    heading.next_to(rows, UP, buff=style.GAP, aligned_edge=LEFT)
    table.to_corner(UP + LEFT, buff=style.EDGE)
    return table


def _label_l1l2(text: str, size: int, color) -> Text:
    """Plain text with every "L1" in the L1 colour and every "L2" in the L2 colour."""
    return Text(text, font=style.FONT, font_size=size, color=color, line_spacing=0.8,
                t2c={"L1": style.L1, "L2": style.L2})


def _key(*entries) -> VGroup:
    """A colour key: a short stroke and a name per entry, side by side."""
    items = VGroup()
    for name, color in entries:
        swatch = Line(0.2 * LEFT, 0.2 * RIGHT, color=color, stroke_width=5)
        items.add(VGroup(swatch, label(name, style.SMALL_SIZE, color)).arrange(
            RIGHT, buff=style.GAP_S))
    return items.arrange(DOWN, aligned_edge=LEFT, buff=style.GAP_S)


def _wrap(text: str, width: int) -> str:
    """Break ``text`` into lines of at most ``width`` characters, at spaces."""
    lines, cur = [], ""
    for word in text.split():
        if cur and len(cur) + 1 + len(word) > width:
            lines.append(cur)
            cur = word
        else:
            cur = f"{cur} {word}".strip()
    lines.append(cur)
    return "\n".join(lines)


