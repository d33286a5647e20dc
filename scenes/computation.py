"""Chapter: a formula vs an algorithm -- ridge's one linear solve, the lasso's coordinate descent.

Render it from the repository root:  ``manim -pqh scenes/computation.py``

Beats (one method each, in order): title, closed-form, no-formula, coordinate-descent, cost,
takeaway. Every number on screen is computed in ``setup()`` by ``mathutils``; the animations
only move along precomputed iterates and draw precomputed curves.
"""

from __future__ import annotations

import numpy as np
from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UL,
    UP,
    Create,
    Cross,
    DashedLine,
    Dot,
    FadeIn,
    GrowFromCenter,
    Indicate,
    Line,
    MoveAlongPath,
    UpdateFromAlphaFunc,
    VGroup,
)

from mathutils import lasso, soft_threshold
from mathutils.coordinate import (
    coordinate_descent_lasso,
    cost_growth,
    lasso_objective,
    level_curve,
    ridge_closed_form,
    ridge_objective,
)
from scenes import style
from scenes.chapter import Chapter
from scenes.components import (
    centre_below,
    fill_tex,
    fit_width,
    header,
    house_axes,
    label,
    narrate_steps,
    polyline,
    readout,
    say,
    set_readout,
    tex,
)

L2_TAG = "L2 as a penalty"
L1_TAG = "L1 as a penalty"
BOTH_TAG = "L1 / L2 as penalties"

# ---- the chapter's parameters (every value shown is computed from these by mathutils) ------
N, SEED = 40, 7  # the two-feature problem: rows and seed
RIDGE_ALPHA = 10.0  # ridge penalty (scikit-learn's scaling: ||y - Xw||^2 + alpha ||w||^2)
LASSO_ALPHA = 0.45  # lasso penalty (scikit-learn's scaling: (1/2n)||y - Xw||^2 + alpha ||w||_1)
CD_START = (-0.5, 2.2)  # where coordinate descent starts
RIDGE_LEVELS = (2.0, 8.0, 20.0, 40.0, 70.0)  # contour levels above the ridge minimum
LASSO_LEVELS = (0.05, 0.2, 0.45, 0.8, 1.15)  # contour levels above the lasso minimum
WINDOW = ((-1.0, 3.0), (-1.5, 2.5))  # the (w1, w2) window of the contour plots
ST_LAMBDA = 1.0  # the soft threshold's lambda in the orthonormal case
COST_P = (10, 20, 40, 80, 160, 320)  # feature counts of the cost beat
COST_N, COST_SEED = 500, 11  # rows of every cost problem, and the seed that draws them


def _two_feature_problem() -> tuple[np.ndarray, np.ndarray]:
    """Correlated x1, x2 with y mostly from x1 (the seeded data of beats 2 to 4)."""
    rng = np.random.default_rng(SEED)
    x1 = rng.normal(size=N)
    x2 = 0.7 * x1 + 0.7 * rng.normal(size=N)
    y = 1.5 * x1 + 0.3 * x2 + 0.5 * rng.normal(size=N)
    return np.column_stack([x1, x2]), y


# ---- small drawing helpers (module-level, no maths) ---------------------------------------
def _weight_axes() -> VGroup:
    """The (w1, w2) plane of the contour plots."""
    (a, b), (c, d) = WINDOW
    return house_axes((a, b, 1), (c, d, 1), 5.6, 5.6, "w_1", "w_2")


def _vector(values, decimals: int = 2) -> str:
    return r"\begin{bmatrix}" + r"\\".join(f"{v:.{decimals}f}" for v in values) + r"\end{bmatrix}"


def _matrix(m, decimals: int = 1) -> str:
    rows = [" & ".join(f"{v:.{decimals}f}" for v in row) for row in m]
    return r"\begin{bmatrix}" + r"\\".join(rows) + r"\end{bmatrix}"


class FormulaVersusAlgorithm(Chapter):
    """Chapter 7: ridge has a formula; the lasso needs a (simple) algorithm."""

    SLUG = "computation"
    QUESTION = "Why does ridge have a formula, and the lasso an algorithm?"
    OPENING = ("Ridge regression is solved by a formula. The lasso is not: it needs an "
               "algorithm. What does that cost, and is the answer any less exact?")

    # ------------------------------------------------------------------ numbers (mathutils)
    def setup(self) -> None:
        """Compute every number the chapter shows, before anything is animated."""
        self.X, self.y = _two_feature_problem()
        # Beat 2: ridge in one linear solve, on its contours.
        self.ridge = ridge_closed_form(self.X, self.y, RIDGE_ALPHA)
        self.ridge_min = float(ridge_objective(self.X, self.y, self.ridge.coef, RIDGE_ALPHA))
        self.ridge_contours = [
            level_curve(self.X, self.y, RIDGE_ALPHA, "ridge", self.ridge_min + d)
            for d in RIDGE_LEVELS
        ]
        # Beats 3, 4: the lasso's contours (kinks on the axes) and coordinate descent on them.
        self.lasso_fit = lasso(self.X, self.y, LASSO_ALPHA)
        self.lasso_min = float(lasso_objective(self.X, self.y, self.lasso_fit.coef, LASSO_ALPHA))
        self.lasso_contours = [
            level_curve(self.X, self.y, LASSO_ALPHA, "lasso", self.lasso_min + d)
            for d in LASSO_LEVELS
        ]
        self.kinks = np.vstack([c[np.any(c == 0.0, axis=1)] for c in self.lasso_contours])
        self.trace = coordinate_descent_lasso(self.X, self.y, LASSO_ALPHA, w0=CD_START)
        self.moved = np.any(np.diff(self.trace.iterates, axis=0) != 0, axis=1)  # per move
        # The move after which w2 is exactly 0 for good.
        nonzero = np.flatnonzero(self.trace.iterates[:, 1] != 0.0)
        self.zero_move = int(nonzero[-1]) + 1 if len(nonzero) else 0
        # Beat 3: the orthonormal case's soft threshold.
        self.z_grid = np.linspace(-3.0, 3.0, 241)
        self.soft = soft_threshold(self.z_grid, ST_LAMBDA)
        # Beat 5: how the work grows with the number of features.
        self.cost = cost_growth(COST_P, COST_N, np.random.default_rng(COST_SEED))

    # ------------------------------------------------------------------ table of contents
    def construct(self) -> None:
        """The chapter, beat by beat."""
        self.title_beat()
        self.closed_form()
        self.no_formula()
        self.coordinate_descent()
        self.cost_beat()
        self.takeaway()

    # ------------------------------------------------------------------ 1. title
    # ------------------------------------------------------------------ 2. closed form
    @staticmethod
    def _contours(ax, contours) -> VGroup:
        """The precomputed level curves on axes ``ax`` (call after the axes are in place)."""
        return VGroup(*[polyline(ax, c[:, 0], c[:, 1], style.LOSS, width=2.5, closed=True)
                        for c in contours])

    def closed_form(self) -> None:
        """Ridge: one linear solve, and the answer appears on the contour plot in one step."""
        self.open_beat("closed-form")
        r = self.ridge
        head = header("Ridge: one formula", L2_TAG)
        axes_group = _weight_axes()
        ax = axes_group[0]
        formula = tex(r"\hat w = (X^\top X + \lambda I)^{-1} X^\top y", size=style.HEADING_SIZE,
                      color=style.L2)
        numbers = tex(
            _matrix(r.matrix) + "^{-1}" + _vector(r.rhs, 1) + "=" + _vector(r.coef),
            size=style.BODY_SIZE,
        )
        note = label(f"λ = {RIDGE_ALPHA:g}, data centred (intercept not penalised)",
                     style.SMALL_SIZE, style.MUTED)
        steps = readout(r"\text{steps}", 0, color=style.L2, decimals=0)
        info = VGroup(formula, numbers, note, steps).arrange(DOWN, aligned_edge=LEFT,
                                                             buff=style.GAP)
        layout = VGroup(axes_group, info).arrange(RIGHT, buff=style.GAP_L)
        fit_width(layout)
        layout.next_to(head, DOWN, buff=style.GAP).set_x(0)
        lines = self._contours(ax, self.ridge_contours)
        self.add(head)
        say(
            self,
            "Two correlated features and the ridge objective: squared error plus lambda "
            "times the squared length of the weights. Its contours are ellipses.",
            FadeIn(axes_group), Create(lines),
            run_time=style.LONG,
        )
        say(
            self,
            "Set the gradient to zero and out comes a formula: X transpose X plus lambda "
            "times the identity, inverted, times X transpose y.",
            FadeIn(formula), FadeIn(steps),
        )
        answer = Dot(ax.c2p(*r.coef), color=style.L2, radius=0.1)
        answer_label = tex(r"\hat w", size=style.LABEL_SIZE, color=style.L2)
        answer_label.next_to(answer, RIGHT, buff=style.GAP_S)
        say(
            self,
            "With these data it is one two-by-two linear solve, and the answer lands exactly "
            "at the bottom of the bowl, in one step.",
            FadeIn(numbers), FadeIn(note),
            GrowFromCenter(answer), FadeIn(answer_label),
            UpdateFromAlphaFunc(steps, lambda m, a: set_readout(m, 1 if a > 0 else 0)),
        )
        set_readout(steps, 1)

    # ------------------------------------------------------------------ 3. no formula
    def no_formula(self) -> None:
        """The lasso objective's kinks on the axes; the orthonormal exception."""
        self.open_beat("no-formula")
        head = header("Lasso: a kink at every axis", L1_TAG)
        axes_group = _weight_axes()
        ax = axes_group[0]
        objective = tex(r"\tfrac{1}{2n}\|y - Xw\|_2^2 + \lambda\,(|w_1| + |w_2|)",
                        size=style.BODY_SIZE, color=style.L1)
        why = VGroup(
            label("|w| has no slope at w = 0:", style.LABEL_SIZE),
            label("setting the gradient to zero", style.LABEL_SIZE),
            label("gives no general formula.", style.LABEL_SIZE),
        ).arrange(DOWN, aligned_edge=LEFT, buff=style.GAP_S)
        ortho = label("Exception: orthonormal features", style.LABEL_SIZE, style.HIGHLIGHT)
        st = tex(r"\hat w_j = \operatorname{sign}(z_j)\,(|z_j| - \lambda)_+,\quad z = X^\top y",
                 size=style.LABEL_SIZE, color=style.L1)
        st_axes = house_axes((-3, 3, 1), (-2, 2, 1), 3.4, 1.5, "z", r"\hat w", numbers=False)
        st_curve = polyline(st_axes[0], self.z_grid, self.soft, style.L1, width=4)
        st_plot = VGroup(st_axes, st_curve)
        info = VGroup(objective, why, ortho, st, st_plot).arrange(DOWN, aligned_edge=LEFT,
                                                                  buff=style.GAP)
        layout = VGroup(axes_group, info).arrange(RIGHT, buff=style.GAP_L, aligned_edge=UP)
        fit_width(layout)
        layout.next_to(head, DOWN, buff=style.GAP).set_x(0)
        lines = self._contours(ax, self.lasso_contours)
        (a, b), (c, d) = WINDOW
        axis_marks = VGroup(
            DashedLine(ax.c2p(a, 0), ax.c2p(b, 0), color=style.HIGHLIGHT, stroke_width=3),
            DashedLine(ax.c2p(0, c), ax.c2p(0, d), color=style.HIGHLIGHT, stroke_width=3),
        )
        kinks = VGroup(*[Dot(ax.c2p(*k), color=style.HIGHLIGHT, radius=0.06) for k in self.kinks])
        self.add(head)
        say(
            self,
            "Now the lasso objective on the same data: squared error plus lambda times the "
            "sum of absolute weights.",
            FadeIn(axes_group), Create(lines), FadeIn(objective),
            run_time=style.LONG,
        )
        say(
            self,
            "Every contour has a corner where it crosses an axis, because the absolute value "
            "has a kink at zero.",
            Create(axis_marks), FadeIn(kinks),
        )
        say(
            self,
            "There the slope is not defined, so setting the gradient to zero does not give a "
            "formula for the answer in general.",
            FadeIn(why),
        )
        say(
            self,
            "One exception: when the features are orthonormal, each weight is the soft "
            "threshold of its own least-squares value, as in the sparsity chapter.",
            FadeIn(ortho), FadeIn(st), FadeIn(st_axes), Create(st_curve),
            run_time=style.LONG,
        )

    # ------------------------------------------------------------------ 4. coordinate descent
    def coordinate_descent(self) -> None:
        """Cyclic coordinate descent on the lasso contours: one axis at a time, to an exact 0."""
        self.open_beat("coordinate-descent")
        tr = self.trace
        head = header("Coordinate descent", L1_TAG)
        axes_group = _weight_axes()
        ax = axes_group[0]
        counter = readout(r"\text{update}", 0, color=style.TEXT, decimals=0)
        sweeps = readout(r"\text{sweep}", 0, color=style.MUTED, decimals=0)
        w1 = readout("w_1", tr.iterates[0, 0], color=style.L1)
        w2 = readout("w_2", tr.iterates[0, 1], color=style.L1)
        rule = tex(r"w_j \leftarrow S\!\left(z_j,\ \lambda / G_{jj}\right)", size=style.BODY_SIZE,
                   color=style.L1)
        rule_note = label("soft threshold along one axis", style.SMALL_SIZE, style.MUTED)
        zero = tex(r"w_2 = 0\ \text{exactly}", size=style.BODY_SIZE, color=style.ZERO)
        info = VGroup(rule, rule_note, counter, sweeps, w1, w2, zero).arrange(
            DOWN, aligned_edge=LEFT, buff=style.GAP)
        layout = VGroup(axes_group, info).arrange(RIGHT, buff=style.GAP_L * 1.5)
        fit_width(layout)
        layout.next_to(head, DOWN, buff=style.GAP).set_x(0)
        lines = self._contours(ax, self.lasso_contours)
        pts = [ax.c2p(*w) for w in tr.iterates]
        dot = Dot(pts[0], color=style.HIGHLIGHT, radius=0.09)
        panel = VGroup(counter, sweeps, w1, w2)  # one mobject, so the updates are redrawn
        self.add(head)
        say(
            self,
            "Coordinate descent solves the lasso with simple moves. Start anywhere, and "
            "change one weight at a time, keeping the other fixed.",
            FadeIn(axes_group), Create(lines), FadeIn(dot), FadeIn(panel),
            run_time=style.LONG,
        )
        say(
            self,
            "Along one axis the lasso is a one-weight problem, and its exact answer is a "
            "soft threshold. So every move is one soft threshold.",
            FadeIn(rule), FadeIn(rule_note),
        )

        def move(k: int) -> tuple:
            """Move k (1-based): slide along one axis, leave a trail, update the readouts."""
            a, b = tr.iterates[k - 1], tr.iterates[k]

            def readouts(_m, alpha: float) -> None:
                if alpha <= 0:
                    return
                set_readout(counter, k)
                set_readout(sweeps, (k + 1) // 2)
                w = b if alpha >= 1 else a + alpha * (b - a)
                set_readout(w1, float(w[0]))
                set_readout(w2, float(w[1]))

            update = UpdateFromAlphaFunc(panel, readouts)
            if not self.moved[k - 1]:
                return (update,)
            trail = Line(pts[k - 1], pts[k], color=style.L1, stroke_width=4)
            return (MoveAlongPath(dot, Line(pts[k - 1], pts[k])), Create(trail), update)

        z = self.zero_move
        narrate_steps(
            self,
            f"Watch the zig-zag toward the bottom: right, down, right, down. At update {z} "
            f"the threshold sets w2 to exactly zero, not just close to it.",
            [move(k) for k in range(1, z + 1)], 0.9,
        )
        set_readout(w2, 0.0)
        w2[1].set_color(style.ZERO)
        last = len(tr.axes)
        minimum = Cross(scale_factor=0.12, stroke_color=style.ZERO).move_to(
            ax.c2p(*self.lasso_fit.coef))
        narrate_steps(
            self,
            f"One more move fixes w1, and then a full sweep changes nothing: after "
            f"{tr.sweeps} sweeps it has converged, at the lasso's minimum, with w2 exactly 0.",
            [move(k) for k in range(z + 1, last + 1)] + [(FadeIn(zero), FadeIn(minimum))], 0.7,
        )

    # ------------------------------------------------------------------ 5. cost
    def cost_beat(self) -> None:
        """How the work grows with the number of features, from operation counts."""
        self.open_beat("cost")
        cg = self.cost
        head = header("How the work grows", BOTH_TAG)
        lp = np.log10(cg.p.astype(float))
        lc = np.log10(cg.closed_form.astype(float))
        lcd = np.log10(cg.coordinate_descent.astype(float))
        y_lo = float(np.floor(min(lc.min(), lcd.min())))
        y_hi = float(np.ceil(max(lc.max(), lcd.max())))
        axes_group = house_axes((1.0, 2.6, 0.3), (y_lo, y_hi, 1.0), 5.4, 4.4, None, None,
                                numbers=False)
        ax = axes_group[0]
        x_ticks = VGroup(*[
            tex(str(p), size=style.SMALL_SIZE).next_to(ax.c2p(np.log10(p), y_lo), DOWN,
                                                      buff=style.GAP_S)
            for p in cg.p
        ])
        y_ticks = VGroup(*[
            tex(fill_tex("10^{#}", int(e)), size=style.SMALL_SIZE).next_to(ax.c2p(1.0, e), LEFT,
                                                                        buff=style.GAP_S)
            for e in np.arange(y_lo, y_hi + 1)
        ])
        x_name = tex(fill_tex(r"p\ \text{features}\ (n=#\ \text{rows})", cg.n),
                     size=style.LABEL_SIZE).next_to(x_ticks, DOWN, buff=style.GAP_S)
        y_name = label("operations", style.LABEL_SIZE).next_to(ax.y_axis, UP, buff=style.GAP_S)
        plot = VGroup(axes_group, x_ticks, y_ticks, x_name, y_name)
        ridge_text = VGroup(
            label("ridge, closed form", style.LABEL_SIZE, style.L2),
            tex(r"\approx n p^2 + p^3/3", size=style.BODY_SIZE, color=style.L2),
        ).arrange(DOWN, aligned_edge=LEFT, buff=style.GAP_S)
        cd_text = VGroup(
            label("lasso, coordinate descent", style.LABEL_SIZE, style.L1),
            tex(r"\text{sweeps}\times p\times 4n\ +\ \text{solve on kept }k",
                size=style.LABEL_SIZE, color=style.L1),
        ).arrange(DOWN, aligned_edge=LEFT, buff=style.GAP_S)
        table = tex(
            r"\begin{array}{r" + "r" * len(cg.p) + r"}"
            + r"p & " + " & ".join(str(v) for v in cg.p) + r"\\"
            + r"\text{sweeps} & " + " & ".join(str(v) for v in cg.sweeps) + r"\\"
            + r"k & " + " & ".join(str(v) for v in cg.support) + r"\end{array}",
            size=style.SMALL_SIZE,
        )
        table_note = VGroup(
            label("sweeps measured by running our lasso;", style.SMALL_SIZE, style.MUTED),
            label("k = features it keeps", style.SMALL_SIZE, style.MUTED),
        ).arrange(DOWN, aligned_edge=LEFT, buff=style.GAP_S)
        info = VGroup(ridge_text, cd_text, table, table_note).arrange(DOWN, aligned_edge=LEFT,
                                                                      buff=style.GAP)
        layout = VGroup(plot, info).arrange(RIGHT, buff=style.GAP_L)
        fit_width(layout)
        layout.next_to(head, DOWN, buff=style.GAP_L).set_x(0)
        ridge_curve = polyline(ax, lp, lc, style.L2, width=5)
        ridge_dots = VGroup(*[Dot(ax.c2p(a, b), color=style.L2, radius=0.06)
                              for a, b in zip(lp, lc, strict=True)])
        cd_curve = polyline(ax, lp, lcd, style.L1, width=5)
        cd_dots = VGroup(*[Dot(ax.c2p(a, b), color=style.L1, radius=0.06)
                           for a, b in zip(lp, lcd, strict=True)])
        self.add(head)
        say(
            self,
            "How does the work grow with the number of features p? We count arithmetic "
            f"operations, on synthetic problems with {cg.n} rows, not seconds.",
            FadeIn(plot),
            run_time=style.NORMAL,
        )
        say(
            self,
            "Ridge's formula must form X transpose X, about n times p squared operations, "
            "then solve, about p cubed over three. Doubling p quadruples the work.",
            FadeIn(ridge_text), Create(ridge_curve), FadeIn(ridge_dots),
            run_time=style.LONG,
        )
        say(
            self,
            "One sweep of coordinate descent costs about 4 n p. The number of sweeps is "
            "measured by running our lasso: here only one or two before it knows which "
            "features to keep, then a small exact solve on those.",
            FadeIn(cd_text), Create(cd_curve), FadeIn(cd_dots), FadeIn(table),
            FadeIn(table_note),
            run_time=style.LONG,
        )
        say(
            self,
            "Sweeps depend on the data: strongly correlated features, like the zig-zag we "
            "saw, need more. But each sweep stays cheap, so large sparse problems favour the "
            "algorithm.",
            Indicate(table, color=style.HIGHLIGHT),
        )

    # ------------------------------------------------------------------ 6. takeaway
    def takeaway(self) -> None:
        """L2 is cheap and exact; L1 needs iterations, but they are simple."""
        self.open_beat("takeaway")
        head = label("Takeaway", style.HEADING_SIZE).to_corner(UL, buff=style.EDGE)
        l2 = VGroup(
            label("L2 penalty (ridge)", style.HEADING_SIZE, style.L2),
            label("a formula: one linear solve", style.LABEL_SIZE),
            label("exact, cost known in advance", style.LABEL_SIZE),
            tex(r"(X^\top X + \lambda I)^{-1} X^\top y", size=style.BODY_SIZE, color=style.L2),
        ).arrange(DOWN, aligned_edge=LEFT, buff=style.GAP)
        l1 = VGroup(
            label("L1 penalty (lasso)", style.HEADING_SIZE, style.L1),
            label("no general formula: iterations", style.LABEL_SIZE),
            label("each one a simple soft threshold", style.LABEL_SIZE),
            label("reaches the exact minimum, exact zeros", style.LABEL_SIZE),
        ).arrange(DOWN, aligned_edge=LEFT, buff=style.GAP)
        cols = VGroup(l2, l1).arrange(RIGHT, buff=style.GAP_L * 2, aligned_edge=UP)
        fit_width(cols)
        cols.next_to(head, DOWN, buff=style.GAP_L).set_x(0)
        correction = label(
            "Not “approximate”: coordinate descent converges to the exact lasso answer.",
            style.SMALL_SIZE, style.MUTED,
        )
        fit_width(correction)
        correction.next_to(cols, DOWN, buff=style.GAP_L * 1.5).set_x(0)
        centre_below(VGroup(cols, correction), head)
        self.add(head)
        say(
            self,
            "The takeaway: the L2 penalty is cheap and exact. Ridge is one linear solve, "
            "with a cost you know in advance.",
            FadeIn(l2),
        )
        say(
            self,
            "The L1 penalty has no general formula, so the lasso needs iterations. But each "
            "one is a simple soft threshold, and together they reach the exact minimum, with "
            "exact zeros.",
            FadeIn(l1),
        )
        say(
            self,
            "So the lasso's answer is no rough approximation, and L1 is not always the more "
            "expensive one.",
            FadeIn(correction),
        )
