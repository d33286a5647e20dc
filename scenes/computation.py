"""Chapter: a formula vs an algorithm -- ridge's one linear solve, the lasso's coordinate descent.

Render it from the repository root:  ``manim -pqh scenes/computation.py``

Beats (one method each, in order): title, closed-form, no-formula, coordinate-descent, cost,
takeaway. Every number on screen is computed in ``setup()`` by ``mathutils``; the animations
only move along precomputed iterates and draw precomputed curves.

One notation, the lecture's: the lasso minimises ``1/2 ||y - Xw||^2 + lam ||w||_1`` and ridge
``1/2 ||y - Xw||^2 + lam ||w||_2^2`` (so ridge is ``(X^T X + 2 lam I)^{-1} X^T y``); data are
centred, so the intercept is not penalised. One coordinate move is
``w_j <- S(z_j, lam) / G_jj`` with ``z_j = x_j^T (y - sum_{k != j} x_k w_k)`` and
``G_jj = x_j^T x_j``.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from manim import (
    DOWN,
    LEFT,
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
    GrowFromCenter,
    LaggedStart,
    Line,
    MathTex,
    MoveAlongPath,
    Polygon,
    Rectangle,
    Succession,
    SurroundingRectangle,
    Text,
    Transform,
    TransformFromCopy,
    UpdateFromAlphaFunc,
    VGroup,
    VMobject,
    Write,
    config,
    smooth,
    there_and_back,
)

from mathutils.coordinate import (
    axis_slice,
    coordinate_descent_lasso,
    lasso_objective,
    level_curve,
    ridge_closed_form,
    ridge_objective,
    sign_patterns,
)
from mathutils.cost import cost_growth
from mathutils.data import correlated_pair
from scenes import style
from scenes.chapter import Chapter
from scenes.components import (
    fill_tex,
    fit_width,
    header,
    house_axes,
    label,
    number_word,
    polyline,
    readout,
    say,
    set_readout,
    tex,
)
from scenes.examples import (
    CD_N,
    CD_SEED,
    CD_START,
    CD_WINDOW,
    LASSO_LAM,
    LASSO_LEVELS,
    LECTURE,
    RIDGE_LAM,
    RIDGE_LEVELS,
)

L2_TAG = "L2 as a penalty"
L1_TAG = "L1 as a penalty"
BOTH_TAG = "L1 / L2 as penalties"

# ---- the chapter's parameters (every value shown is computed from these by mathutils) ------
# the two-feature problem, its penalties, contours and start: scenes/examples.py (the recap
# replays them)
N, SEED, WINDOW = CD_N, CD_SEED, CD_WINDOW
SLICE_U = (-1.0, 2.5)  # the slice plot's range of the moving weight
SLICE_TOP = 36.0  # the slice plot's height (objective above the slice's minimum)
COST_P = (10, 20, 40, 80, 160, 320)  # feature counts of the cost beat
COST_N, COST_SEED = 500, 11  # rows of every cost problem, and the seed that draws them
MANY = 20  # "twenty weights give ... patterns"
PLANE = 4.6  # side of the (w1, w2) plot, scene units


# ---- small drawing helpers (module-level, no maths) ---------------------------------------
def _weight_axes() -> VGroup:
    """The (w1, w2) plane of the contour plots, at its fixed place on the left."""
    (a, b), (c, d) = WINDOW
    group = house_axes((a, b, 1), (c, d, 1), PLANE, PLANE, "w_1", "w_2")
    group.to_edge(LEFT, buff=style.EDGE + 0.2).set_y(0.35)
    return group


def _header(text: str, tag_text: str) -> VGroup:
    """The house header, nudged down when its tag box pokes above the top margin."""
    head = header(text, tag_text)
    over = head.get_top()[1] - (config.frame_height / 2 - style.EDGE)
    if over > 0:
        head.shift(over * DOWN)
    return head


def _vector(values, decimals: int = 2) -> str:
    return r"\begin{bmatrix}" + r"\\".join(f"{v:.{decimals}f}" for v in values) + r"\end{bmatrix}"


def _matrix(m, decimals: int = 1) -> str:
    rows = [" & ".join(f"{v:.{decimals}f}" for v in row) for row in m]
    return r"\begin{bmatrix}" + r"\\".join(rows) + r"\end{bmatrix}"


def _right_panel(group: VGroup, head) -> VGroup:
    """Place a beat's right-hand column beside the plane, between the header and the band."""
    top = head.get_bottom()[1] - style.GAP
    room = top - (style.FLOOR + 0.15)
    left = -config.frame_width / 2 + style.EDGE + 0.2 + PLANE + style.GAP_L + 0.3
    width = config.frame_width / 2 - style.EDGE - left
    if group.height > room:
        group.scale_to_fit_height(room)
    if group.width > width:
        group.scale_to_fit_width(width)
    group.move_to([left + group.width / 2, top - group.height / 2, 0])
    return group


def _above_band(group, top: float) -> None:
    """Fit ``group`` between ``top`` and the caption band, centred horizontally."""
    room = top - (style.FLOOR + 0.15)
    if group.height > room:
        group.scale_to_fit_height(room)
    fit_width(group)
    group.move_to([0, (top + style.FLOOR + 0.15) / 2, 0])


def _face(ax, pattern) -> VMobject:
    """Where weights with signs ``pattern`` live on the plane: a quadrant, a half-axis or 0."""
    (a, b), (c, d) = WINDOW
    s1, s2 = int(pattern[0]), int(pattern[1])
    x_end = {-1: a, 0: 0.0, 1: b}[s1]
    y_end = {-1: c, 0: 0.0, 1: d}[s2]
    if s1 and s2:
        return Polygon(ax.c2p(0, 0), ax.c2p(x_end, 0), ax.c2p(x_end, y_end), ax.c2p(0, y_end),
                       stroke_width=0, fill_color=style.HIGHLIGHT, fill_opacity=0.22)
    if s1 or s2:
        return Line(ax.c2p(0, 0), ax.c2p(x_end, y_end), color=style.HIGHLIGHT, stroke_width=9)
    return Dot(ax.c2p(0, 0), color=style.HIGHLIGHT, radius=0.14)


def _sign(v: int) -> str:
    return {-1: "-", 0: "0", 1: "+"}[int(v)]


def _key(pattern) -> tuple[int, int]:
    """A sign pattern as a dictionary key: (sign of w1, sign of w2)."""
    return tuple(int(v) for v in pattern)


def _sign_grid() -> tuple[dict, VGroup]:
    """The nine sign patterns laid out like the plane: w1's sign across, w2's sign up.
    Returns the cells by pattern and the grid they sit in."""
    cells = {}
    grid = VGroup()
    for s2 in (1, 0, -1):
        row = VGroup()
        for s1 in (-1, 0, 1):
            cell = tex(fill_tex(r"(#,\,#)", _sign(s1), _sign(s2)), size=style.SMALL_SIZE)
            cells[(s1, s2)] = cell
            row.add(cell)
        grid.add(row.arrange(RIGHT, buff=style.GAP_L))
    grid.arrange(DOWN, buff=style.GAP)
    return cells, grid


def _clipped(sax, xs, hs) -> VMobject:
    """A slice curve on the slice plot ``sax``, cut to the plot's range and height."""
    (u0, u1), top = SLICE_U, SLICE_TOP
    keep = (hs <= top) & (xs >= u0) & (xs <= u1)
    return polyline(sax, xs[keep], hs[keep], style.L1, width=6)


def _curve_with_dots(ax, xs, ys, color) -> tuple[VMobject, VGroup]:
    """A cost curve on the (log p, log operations) axes and a dot at each of its points."""
    curve = polyline(ax, xs, ys, color, width=5)
    dots = VGroup(*[Dot(ax.c2p(a, b), color=color, radius=0.06)
                    for a, b in zip(xs, ys, strict=True)])
    return curve, dots


def _cost_notes() -> tuple[VGroup, VGroup]:
    """What each curve counts: ridge's formula, and the lasso's sweeps then one solve."""
    ridge_text = VGroup(
        label("ridge, closed form", style.LABEL_SIZE, style.L2),
        tex(r"\approx n p^2 + p^3/3\ \ (\text{for large } p)", size=style.LABEL_SIZE,
            color=style.L2),
    ).arrange(DOWN, aligned_edge=LEFT, buff=style.GAP_S)
    cd_text = VGroup(
        label("lasso: coordinate descent", style.LABEL_SIZE, style.L1),
        label("until the zero pattern settles,", style.SMALL_SIZE, style.L1),
        label("then one solve on the k kept", style.SMALL_SIZE, style.L1),
        tex(r"\text{sweeps}\times 4np\ +\ \text{solve on } k", size=style.LABEL_SIZE,
            color=style.L1),
    ).arrange(DOWN, aligned_edge=LEFT, buff=style.GAP_S)
    return ridge_text, cd_text


# ---- a beat's named parts ------------------------------------------------------------------
@dataclass
class _RidgePanel:
    """Beat 2's right-hand column, top to bottom."""

    objective: MathTex
    formula: MathTex
    numbers: MathTex
    note: MathTex
    steps: VGroup  # a readout: how many steps the solve took
    column: VGroup  # all of the above, arranged and placed


@dataclass
class _LassoPanel:
    """Beat 3's right-hand column: objective, the solve for a known pattern, the nine patterns."""

    objective: MathTex
    lam_note: MathTex
    known: MathTex
    known_note: MathTex
    grid_title: MathTex
    cells: dict  # sign pattern -> its cell in the grid
    marks: dict  # sign pattern -> its check or cross
    column: VGroup


@dataclass
class _DescentPanel:
    """Beat 4's right-hand column: the rule, its definitions, the slice plot, the readouts."""

    rule: MathTex
    z_def: MathTex
    g_def: MathTex
    slice_axes: VGroup  # the slice plot's house axes (axes and labels)
    sax: Axes  # the slice plot's axes, for c2p
    u_ticks: VGroup
    slice_name: Text
    lam_note: MathTex
    move: VGroup  # readouts
    sweep: VGroup
    zread: VGroup
    w1: VGroup
    w2: VGroup
    weights: VGroup  # the row of w1 and w2
    column: VGroup


@dataclass
class _Slice:
    """One move's slice on the slice plot."""

    parab: VMobject  # the squared error along the line (no kink)
    total: VMobject  # the objective along the line (parabola plus kink)
    zone: Rectangle  # the dead zone |z_j| <= lambda
    centre: DashedLine  # the parabola's lowest point, z_j / G_jj
    name: MathTex  # the moving weight's name

    def pieces(self) -> tuple:
        return self.parab, self.total, self.zone, self.centre, self.name


@dataclass
class _Descent:
    """What beat 4's moves change, and the move whose slice and line are shown."""

    panel: _DescentPanel
    curves: _Slice  # the slice on screen (its pieces morph into each move's)
    centre_label: MathTex
    dot: Dot  # the iterate on the plane
    sdot: Dot  # the iterate on the slice
    guide: DashedLine  # the line of the move shown
    movers: VGroup | None = None  # everything the moves change, redrawn as one group
    shown: int = 0  # the move whose slice is on screen
    trail: VMobject | None = None  # the path on the slice of the last move


@dataclass
class _CostPlot:
    """Beat 5's chart: operations against features, both on log scales."""

    axes_group: VGroup
    ax: Axes
    x_ticks: VGroup
    y_ticks: VGroup
    x_name: MathTex
    y_name: Text
    group: VGroup  # all of the above


class FormulaVersusAlgorithm(Chapter):
    """Chapter 7: ridge has a formula; the lasso needs a (simple) algorithm."""

    SLUG = "computation"
    QUESTION = "Why does ridge have a formula, and the lasso an algorithm?"
    OPENING = ("The last chapter asked whether the answer is unique. This one asks how it is "
               "computed: ridge has a formula, the lasso needs an algorithm. Is its answer any "
               "less exact?")

    # ------------------------------------------------------------------ numbers (mathutils)
    def setup(self) -> None:
        """Compute every number the chapter shows, before anything is animated."""
        X, y = self.X, self.y = correlated_pair(N, np.random.default_rng(SEED))
        # Beat 2: ridge in one linear solve, on its contours.
        self.ridge = ridge_closed_form(X, y, RIDGE_LAM)
        self.ridge_min = float(ridge_objective(X, y, self.ridge.coef, RIDGE_LAM,
                                               convention=LECTURE))
        self.ridge_contours = [
            level_curve(X, y, RIDGE_LAM, "ridge", self.ridge_min + d, convention=LECTURE)
            for d in RIDGE_LEVELS
        ]
        # Beat 3: the lasso's contours (kinks on the axes), and every sign pattern's solve.
        self.patterns = sign_patterns(X, y, LASSO_LAM)
        self.valid = int(np.flatnonzero(self.patterns.valid)[0])
        self.exact = self.patterns.coef[self.valid]
        self.lasso_min = float(lasso_objective(X, y, self.exact, LASSO_LAM, convention=LECTURE))
        self.lasso_contours = [
            level_curve(X, y, LASSO_LAM, "lasso", self.lasso_min + d, convention=LECTURE)
            for d in LASSO_LEVELS
        ]
        self.kinks = np.vstack([c[np.any(c == 0.0, axis=1)] for c in self.lasso_contours])
        self.many_patterns = 3**MANY
        # Beat 4: coordinate descent, every move with the slice it minimises.
        tr = self.trace = coordinate_descent_lasso(X, y, LASSO_LAM, w0=CD_START)
        self.final_gap = float(np.max(np.abs(tr.final - self.exact)))
        self.slices, self.heights, self.smooth_heights = [], [], []
        for k, j in enumerate(tr.axes):
            land = tr.iterates[k + 1, j]
            centre = tr.targets[k]  # the parabola's lowest point
            u = np.union1d(np.linspace(*SLICE_U, 241), [0.0, land, tr.iterates[k, j], centre])
            sl = axis_slice(X, y, LASSO_LAM, tr.iterates[k], int(j), u)
            low = float(sl.value[np.searchsorted(sl.u, land)])  # the slice's minimum value
            self.slices.append(sl)
            # drawn from each curve's own lowest point: the kinked objective (lowest where the
            # move lands) and its parabola without the kink (lowest at z_j / G_jj)
            self.heights.append(sl.value - low)
            self.smooth_heights.append(sl.smooth - float(sl.smooth[np.searchsorted(sl.u,
                                                                                   centre)]))
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

    # ------------------------------------------------------------------ shared plane
    @staticmethod
    def _contours(ax, contours) -> VGroup:
        """The precomputed level curves on axes ``ax`` (call after the axes are in place)."""
        return VGroup(*[polyline(ax, c[:, 0], c[:, 1], style.LOSS, width=2.5, closed=True)
                        for c in contours])

    def _plane_shown(self) -> bool:
        """Whether the shared plane is on screen (it is not when a beat plays alone)."""
        return getattr(self, "plane", None) is not None and self.plane in self.mobjects

    def _plane(self, contours) -> tuple[VGroup, VGroup]:
        """The (w1, w2) plane shared by beats 2-4 and its contours; a beat played alone builds
        them at once. ``self.plane_ax`` is the plane's axes."""
        if not self._plane_shown():
            self.plane = _weight_axes()
            self.plane_ax, _names = self.plane
            self.lines = self._contours(self.plane_ax, contours)
        return self.plane, self.lines

    def _others(self) -> list:
        """Everything on screen but the shared plane and its contours (to fade out)."""
        return [m for m in self.mobjects if m is not self.plane and m is not self.lines]

    def _settle(self, *shown) -> None:
        """End a beat with exactly the plane, its contours and ``shown`` as the scene's list.

        manim leaves animation wrappers (a Succession's group) in the scene's list; listing what
        is on screen keeps the next beat's fade-out from taking the contours with it. Nothing
        visible changes."""
        self.remove(*self.mobjects)
        self.add(self.plane, self.lines, *shown)

    # ------------------------------------------------------------------ 2. closed form
    def closed_form(self) -> None:
        """Ridge: one linear solve, and the answer appears on the contour plot in one step."""
        self.open_beat("closed-form")
        head = _header("Ridge: one formula", L2_TAG)
        plane, lines = self._plane(self.ridge_contours)
        panel = self._ridge_panel(head)
        self.add(head)
        say(
            self,
            "Two correlated features, and the ridge objective: half the squared error, plus "
            "lambda times the squared weights. Its contours are ellipses.",
            Succession(
                AnimationGroup(Create(plane), Write(panel.objective), run_time=2.5),
                LaggedStart(*[Create(c) for c in reversed(lines)], lag_ratio=0.4,
                            run_time=4.0),
            ),
            span=True,
        )
        squeeze = self._say_ridge_formula(panel, lines)
        answer, answer_label = self._say_ridge_answer(panel, squeeze)
        self._settle(head, panel.column, answer, answer_label)

    def _ridge_panel(self, head) -> _RidgePanel:
        """Beat 2's column: the objective, the formula, its numbers, lambda, a step counter."""
        r = self.ridge
        objective = tex(r"\tfrac12\|y - Xw\|_2^2", r"+", r"\lambda\|w\|_2^2",
                        size=style.BODY_SIZE)
        _error, _plus, penalty = objective
        penalty.set_color(style.L2)
        formula = tex(r"\hat w = (X^\top X + 2\lambda I)^{-1} X^\top y",
                      size=style.HEADING_SIZE, color=style.L2)
        numbers = tex(_matrix(r.matrix) + "^{-1}" + _vector(r.rhs, 1) + "=" + _vector(r.coef),
                      size=style.LABEL_SIZE)
        note = tex(fill_tex(r"\lambda = #,\ \text{data centred (no penalty on the intercept)}",
                            f"{RIDGE_LAM:g}"), size=style.SMALL_SIZE, color=style.MUTED)
        steps = readout(r"\text{steps}", 0, color=style.L2, decimals=0)
        column = VGroup(objective, formula, numbers, note, steps).arrange(
            DOWN, aligned_edge=LEFT, buff=style.GAP)
        _right_panel(column, head)
        return _RidgePanel(objective, formula, numbers, note, steps, column)

    def _say_ridge_formula(self, panel: _RidgePanel, lines: VGroup) -> VMobject:
        """The formula is written while the outer contour shrinks to the bowl's bottom.
        Returns the shrunk contour (a dot now)."""
        bottom = Dot(self.plane_ax.c2p(*self.ridge.coef), color=style.HIGHLIGHT, radius=0.06)
        outer = lines[-1]
        squeeze = outer.copy().set_stroke(style.HIGHLIGHT, width=5)
        say(
            self,
            "Setting its gradient to zero gives a formula: X transpose X plus two lambda I, "
            "inverted, times X transpose y.",
            Succession(
                Write(panel.formula, run_time=3.5),
                Transform(squeeze, bottom, run_time=2.5),
            ),
            span=True,
        )
        return squeeze

    def _say_ridge_answer(self, panel: _RidgePanel, squeeze: VMobject) -> tuple[Dot, MathTex]:
        """The numbers of the one solve, and its answer on the plane; returns dot and label."""
        answer = Dot(self.plane_ax.c2p(*self.ridge.coef), color=style.L2, radius=0.1)
        answer_label = tex(r"\hat w", size=style.LABEL_SIZE, color=style.L2)
        answer_label.next_to(answer, UP + RIGHT, buff=style.GAP_S)
        steps = panel.steps
        say(
            self,
            "Here that is one two-by-two linear solve, and the answer lands at the bottom of "
            "the bowl, in one step.",
            Succession(
                AnimationGroup(TransformFromCopy(panel.formula, panel.numbers),
                               FadeIn(panel.note), FadeIn(steps), run_time=3.0),
                AnimationGroup(
                    FadeOut(squeeze), GrowFromCenter(answer), FadeIn(answer_label),
                    UpdateFromAlphaFunc(steps, lambda m, a: set_readout(m, 1 if a > 0 else 0)),
                    run_time=1.5),
            ),
            span=True,
        )
        set_readout(steps, 1)
        return answer, answer_label

    # ------------------------------------------------------------------ 3. no formula
    def no_formula(self) -> None:
        """The lasso's kinks; the real reason it has no formula: the zero pattern is unknown."""
        self.open_beat("no-formula", fresh=False)
        fresh = not self._plane_shown()
        old = [] if fresh else self._others()
        if fresh:
            self.clear()
        plane, lines = self._plane(self.lasso_contours)
        head = _header("Lasso: kinks, and a pattern to find", L1_TAG)
        panel = self._lasso_panel(head)
        axis_marks = self._axis_marks()
        lasso_lines = self._contours(self.plane_ax, self.lasso_contours)
        if fresh:
            first = [FadeIn(plane), LaggedStart(*[Create(m) for m in lasso_lines],
                                                lag_ratio=0.3)]
            self.lines = lasso_lines
        else:
            first = [Transform(lines, lasso_lines), *[FadeOut(m) for m in old]]
        say(
            self,
            "Now the lasso on the same data: half the squared error, plus lambda times the "
            "absolute weights.",
            FadeIn(head), *first, Write(panel.objective), FadeIn(panel.lam_note), span=True,
        )
        kinks = self._say_kinks(axis_marks)
        self._say_known_pattern(panel, axis_marks, kinks)
        faces = self._say_pattern_scan(panel)
        key = _key(self.patterns.patterns[self.valid])
        box, answer = self._say_lasso_answer(panel, key)
        self._settle(head, panel.column, box, faces[key], answer)

    def _lasso_panel(self, head) -> _LassoPanel:
        """Beat 3's column: the objective, the solve for a known pattern, the nine patterns."""
        objective = tex(r"\tfrac12\|y - Xw\|_2^2", r"+", r"\lambda\,(|w_1| + |w_2|)",
                        size=style.BODY_SIZE)
        _error, _plus, penalty = objective
        penalty.set_color(style.L1)
        lam_note = tex(fill_tex(r"\lambda = #", f"{LASSO_LAM:g}"), size=style.SMALL_SIZE,
                       color=style.MUTED)
        known = tex(r"\hat w_A = (X_A^\top X_A)^{-1}\,(X_A^\top y - \lambda\, s_A)",
                    size=style.BODY_SIZE, color=style.L1)
        known_note = tex(r"A:\ \text{the nonzero weights},\quad s_A:\ \text{their signs}",
                         size=style.SMALL_SIZE, color=style.MUTED)
        cells, grid = _sign_grid()
        grid_title = tex(r"\text{signs of } (w_1, w_2):\ 3^2 = 9\ \text{patterns}",
                         size=style.SMALL_SIZE)
        marks = {}  # each pattern's solve: a check if it keeps its own signs, else a cross
        for s, ok in zip(self.patterns.patterns, self.patterns.valid, strict=True):
            mark = tex(r"\checkmark" if ok else r"\times", size=style.LABEL_SIZE,
                       color=style.ZERO if ok else style.MUTED)
            mark.next_to(cells[_key(s)], RIGHT, buff=style.GAP_S)
            marks[_key(s)] = mark
        table = VGroup(grid, *marks.values())
        column = VGroup(VGroup(objective, lam_note).arrange(RIGHT, buff=style.GAP), known,
                        known_note, grid_title, table).arrange(DOWN, aligned_edge=LEFT,
                                                               buff=style.GAP)
        _right_panel(column, head)
        return _LassoPanel(objective, lam_note, known, known_note, grid_title, cells, marks,
                           column)

    def _axis_marks(self) -> VGroup:
        """The two axes of the plane, dashed: where the absolute values have their kinks."""
        ax = self.plane_ax
        (a, b), (c, d) = WINDOW
        return VGroup(
            DashedLine(ax.c2p(a, 0), ax.c2p(b, 0), color=style.HIGHLIGHT, stroke_width=3),
            DashedLine(ax.c2p(0, c), ax.c2p(0, d), color=style.HIGHLIGHT, stroke_width=3),
        )

    def _say_kinks(self, axis_marks: VGroup) -> VGroup:
        """Each contour in turn, with the corners where it crosses an axis; returns them."""
        kinks = VGroup()
        walk = []
        for curve, pts in zip(self.lines, self.lasso_contours, strict=True):
            corners = [Dot(self.plane_ax.c2p(*k), color=style.HIGHLIGHT, radius=0.08)
                       for k in pts[np.any(pts == 0.0, axis=1)]]
            kinks.add(*corners)
            walk.append(AnimationGroup(
                curve.animate(rate_func=there_and_back).set_stroke(style.HIGHLIGHT, width=6),
                *[GrowFromCenter(c) for c in corners]))
        say(
            self,
            "Its contours have corners where they cross an axis: there the absolute value has "
            "a kink, and no gradient.",
            Succession(Create(axis_marks, run_time=1.0), *walk), span=True,
        )
        return kinks

    def _say_known_pattern(self, panel: _LassoPanel, axis_marks: VGroup, kinks: VGroup) -> None:
        """With the zero pattern known, the lasso is one linear solve too."""
        say(
            self,
            "But kinks alone do not stop a formula. If we knew which weights are zero, and the "
            "others' signs, the lasso would be one linear solve too.",
            Succession(
                AnimationGroup(FadeOut(axis_marks), FadeOut(kinks), run_time=1.5),
                Write(panel.known, run_time=4.0),
                FadeIn(panel.known_note, shift=0.2 * UP, run_time=1.5),
            ),
            span=True,
        )

    def _say_pattern_scan(self, panel: _LassoPanel) -> dict:
        """Every sign pattern's face of the plane, its cell and its mark, one after the other;
        the invalid ones' faces go again. Returns the faces by pattern."""
        sp = self.patterns
        faces = {_key(s): _face(self.plane_ax, s) for s in sp.patterns}
        scan = []
        for s, ok in zip(sp.patterns, sp.valid, strict=True):
            key = _key(s)
            scan.append(AnimationGroup(FadeIn(faces[key]), FadeIn(panel.cells[key]),
                                       FadeIn(panel.marks[key])))
            if not ok:
                scan.append(FadeOut(faces[key]))
        say(
            self,
            "Finding that pattern is the work: each weight is negative, zero or positive, so "
            f"two weights give nine patterns, {number_word(MANY)} give "
            f"{self.many_patterns / 1e9:.1f} billion.",
            FadeIn(panel.grid_title), Succession(*scan), span=True,
        )
        return faces

    def _say_lasso_answer(self, panel: _LassoPanel, key) -> tuple[SurroundingRectangle, VGroup]:
        """The one pattern that keeps its signs, and its solve sliding out to the minimum.
        Returns the box around that pattern and the answer (dot and label)."""
        ax = self.plane_ax
        minimum = Dot(ax.c2p(*self.exact), color=style.ZERO, radius=0.12)
        box = SurroundingRectangle(VGroup(panel.cells[key], panel.marks[key]), color=style.ZERO,
                                   buff=0.08)
        answer = tex(fill_tex(r"\hat w = (#,\ #)", f"{self.exact[0]:.2f}", f"{self.exact[1]:g}"),
                     size=style.BODY_SIZE, color=style.ZERO)
        answer.next_to(ax.c2p(*self.exact), UP, buff=0.45)
        losers = [VGroup(panel.cells[k], panel.marks[k]) for k in panel.cells if k != key]
        origin, end = ax.c2p(0, 0), ax.c2p(*self.exact)
        minimum.move_to(origin).set_opacity(0)

        def slide_in(m, alpha: float) -> None:
            """The solve's answer, sliding out along its face from 0 to where it lies."""
            m.move_to(origin + alpha * (end - origin)).set_opacity(1 if alpha > 0 else 0)

        say(
            self,
            "Only one pattern's solve keeps its own signs: w1 positive, w2 exactly zero. That "
            "is the lasso's answer.",
            Succession(
                AnimationGroup(Create(box), *[m.animate.set_opacity(0.35) for m in losers],
                               run_time=2.0),
                AnimationGroup(UpdateFromAlphaFunc(minimum, slide_in), Write(answer),
                               run_time=3.0),
            ),
            span=True,
        )
        return box, VGroup(minimum, answer)

    # ------------------------------------------------------------------ 4. coordinate descent
    def coordinate_descent(self) -> None:
        """Cyclic coordinate descent: each move minimises a parabola-plus-kink slice."""
        self.open_beat("coordinate-descent", fresh=False)
        tr = self.trace
        fresh = not self._plane_shown()
        if fresh:
            self.clear()
        plane, lines = self._plane(self.lasso_contours)
        ax = self.plane_ax
        head = _header("Coordinate descent", L1_TAG)
        panel = self._descent_panel(head)
        curves = self._slice(panel.sax, 0)
        zone_label = tex(r"|z_j| \le \lambda", size=style.SMALL_SIZE, color=style.TEXT)
        zone_label.move_to(curves.zone.get_top() + 0.25 * DOWN)
        centre_label = tex(r"z_j / G_{jj}", size=style.SMALL_SIZE, color=style.LOSS)
        centre_label.next_to(curves.centre, DOWN, buff=0.05)
        guide = self._line_through(0)
        dot = Dot(ax.c2p(*tr.iterates[0]), color=style.HIGHLIGHT, radius=0.13)
        sdot = Dot(self._slice_point(panel.sax, 0, tr.iterates[0, 0]), color=style.HIGHLIGHT,
                   radius=0.12)
        target = Circle(radius=0.16, color=style.ZERO, stroke_width=3).move_to(
            ax.c2p(*self.exact))
        d = _Descent(panel, curves, centre_label, dot, sdot, guide)
        # leave beat 3 behind, introduce the method
        leave = [] if fresh else [FadeOut(m) for m in self._others()]
        arrive = [FadeIn(plane), FadeIn(lines)] if fresh else []
        say(
            self,
            "Coordinate descent finds it with simple moves: start anywhere, and change one "
            "weight at a time.",
            Succession(
                AnimationGroup(*leave, *arrive, FadeIn(head), run_time=1.0),
                AnimationGroup(GrowFromCenter(dot), FadeIn(target), run_time=1.0),
                Create(guide, run_time=2.0),
            ),
            span=True,
        )
        self._say_slice(d)
        self._say_centre(d)
        self._say_dead_zone(d, zone_label)
        # from here on the moving parts are redrawn as one group
        d.movers = VGroup(dot, sdot, panel.move, panel.sweep, panel.zread, panel.w1, panel.w2)
        self.remove(*d.movers)
        self.add(d.movers)
        self._say_moves(d)
        self._say_stop(d)
        self.wait(0.5)  # end on a still (the control frame)

    def _descent_panel(self, head) -> _DescentPanel:
        """Beat 4's column: the rule, its definitions, the slice plot, the readouts."""
        tr = self.trace
        rule = tex(r"w_j \leftarrow S(z_j,\ \lambda)\,/\,G_{jj}", size=style.HEADING_SIZE,
                   color=style.L1)
        z_def = tex(r"z_j = x_j^\top\big(y - \textstyle\sum_{k\neq j} x_k w_k\big)",
                    size=style.LABEL_SIZE)
        g_def = tex(r"G_{jj} = x_j^\top x_j", size=style.LABEL_SIZE)
        defs = VGroup(z_def, g_def).arrange(RIGHT, buff=style.GAP_L)
        (u0, u1), top = SLICE_U, SLICE_TOP
        slice_axes = house_axes((u0, u1, 0.5), (0, top, 10), 5.4, 2.0, None, None,
                                numbers=False)
        sax, _labels = slice_axes
        u_ticks = VGroup(tex("0", size=style.SMALL_SIZE).next_to(sax.c2p(0, 0), DOWN,
                                                                 buff=style.GAP_S))
        slice_name = label("the objective along the line", style.LABEL_SIZE, style.MUTED)
        lam_note = tex(fill_tex(r"\lambda = #", f"{LASSO_LAM:g}"), size=style.LABEL_SIZE,
                       color=style.MUTED)
        move = readout(r"\text{move}", 0, color=style.TEXT, decimals=0)
        sweep = readout(r"\text{sweep}", 0, color=style.MUTED, decimals=0)
        zread = readout("z_j", 0.0, color=style.LOSS)
        w1 = readout("w_1", tr.iterates[0, 0], color=style.L1)
        w2 = readout("w_2", tr.iterates[0, 1], color=style.L1)
        counters = VGroup(move, sweep, zread, lam_note).arrange(RIGHT, buff=style.GAP_L)
        weights = VGroup(w1, w2).arrange(RIGHT, buff=style.GAP_L)
        slice_box = VGroup(slice_name, VGroup(slice_axes, u_ticks)).arrange(
            DOWN, aligned_edge=LEFT, buff=style.GAP_S)
        column = VGroup(rule, defs, slice_box, counters, weights).arrange(
            DOWN, aligned_edge=LEFT, buff=0.25)
        _right_panel(column, head)
        return _DescentPanel(rule, z_def, g_def, slice_axes, sax, u_ticks, slice_name, lam_note,
                             move, sweep, zread, w1, w2, weights, column)

    # ---- drawing one move's slice and line (all values precomputed in setup)
    def _slice(self, sax, k: int) -> _Slice:
        """Move k's slice on the slice plot ``sax``."""
        sl = self.slices[k]
        top = SLICE_TOP
        total = _clipped(sax, sl.u, self.heights[k])
        parab = _clipped(sax, sl.u, self.smooth_heights[k]).set_stroke(style.LOSS, width=3.5)
        half = sl.half_width
        width = abs(sax.c2p(half, 0)[0] - sax.c2p(-half, 0)[0])
        zone = Rectangle(width=width, height=abs(sax.c2p(0, top)[1] - sax.c2p(0, 0)[1]),
                         stroke_width=0, fill_color=style.ZERO, fill_opacity=0.25)
        zone.move_to(sax.c2p(0, top / 2))
        centre = DashedLine(sax.c2p(sl.centre, 0) + 0.15 * DOWN, sax.c2p(sl.centre, top),
                            color=style.LOSS, stroke_width=3)
        name = tex(f"w_{int(self.trace.axes[k]) + 1}", size=style.LABEL_SIZE)
        name.next_to(sax.x_axis, RIGHT, buff=style.GAP_S)
        return _Slice(parab, total, zone, centre, name)

    def _line_through(self, k: int) -> DashedLine:
        """The line of move k on the plane: through the iterate, along the moving axis."""
        ax = self.plane_ax
        (a, b), (c, d) = WINDOW
        w = self.trace.iterates[k]
        if self.trace.axes[k] == 0:
            return DashedLine(ax.c2p(a, w[1]), ax.c2p(b, w[1]), color=style.HIGHLIGHT,
                              stroke_width=4)
        return DashedLine(ax.c2p(w[0], c), ax.c2p(w[0], d), color=style.HIGHLIGHT,
                          stroke_width=4)

    def _slice_point(self, sax, k: int, u: float):
        """The point of move k's slice above the moving weight's value ``u``."""
        return sax.c2p(u, float(np.interp(u, self.slices[k].u, self.heights[k])))

    # ---- introducing the method on move 1's slice
    def _say_slice(self, d: _Descent) -> None:
        """The slice plot: the objective along the line, a parabola plus a kink."""
        p, curves = d.panel, d.curves
        say(
            self,
            "Along that line the objective is a parabola from the squared error, plus a kink "
            "at zero.",
            Succession(
                AnimationGroup(FadeIn(p.slice_axes), FadeIn(p.u_ticks), FadeIn(p.slice_name),
                               FadeIn(curves.name), run_time=1.0),
                Create(curves.parab, run_time=2.0),
                AnimationGroup(Create(curves.total), FadeIn(d.sdot), run_time=2.0),
            ),
            span=True,
        )

    def _say_centre(self, d: _Descent) -> None:
        """Where the parabola is lowest, z_j / G_jj, and what z_j and G_jj are."""
        p, curves = d.panel, d.curves
        say(
            self,
            "The parabola is lowest at z j over G j j: z j is feature j's correlation with the "
            "residual that leaves j out, G j j its squared length.",
            Succession(
                curves.parab.animate(rate_func=there_and_back, run_time=1.5).set_stroke(width=10),
                AnimationGroup(Create(curves.centre), FadeIn(d.centre_label), run_time=1.5),
                Write(p.z_def, run_time=2.5),
                Write(p.g_def, run_time=1.5),
                AnimationGroup(FadeIn(p.zread), FadeIn(p.lam_note), run_time=1.0),
            ),
            span=True,
        )
        set_readout(p.zread, float(self.trace.z[0]))

    def _say_dead_zone(self, d: _Descent, zone_label: MathTex) -> None:
        """The dead zone and the soft-threshold rule; the counters and weights appear."""
        p = d.panel
        say(
            self,
            "If z j is at most lambda in size, the minimum sits in the kink, at zero: the dead "
            "zone. Otherwise it is z j shrunk by lambda, over G j j.",
            Succession(
                AnimationGroup(GrowFromCenter(d.curves.zone), FadeIn(zone_label), run_time=2.0),
                Write(p.rule, run_time=2.5),
                AnimationGroup(FadeIn(p.move), FadeIn(p.sweep), FadeIn(p.w1), FadeIn(p.w2),
                               run_time=1.0),
            ),
            span=True,
        )

    # ---- the moves
    def _stub(self, d: _Descent, point, color, width: float, opacity: float = 1.0) -> VMobject:
        """A path of zero length at ``point``, drawn behind the moving dots."""
        path = VMobject(stroke_color=color, stroke_width=width, stroke_opacity=opacity)
        path.set_points_as_corners([point, point])
        d.movers.add_to_back(path)
        return path

    def _switch(self, d: _Descent, k: int) -> AnimationGroup:
        """Show move k's line and slice (the point has not moved yet)."""
        tr, p = self.trace, d.panel
        new = self._slice(p.sax, k)
        new_guide = self._line_through(k)
        anims = [FadeOut(d.guide), FadeIn(new_guide)]
        d.guide = new_guide
        anims += [Transform(old, nw) for old, nw in zip(d.curves.pieces(), new.pieces(),
                                                        strict=True)]
        anims.append(Transform(d.centre_label,
                               d.centre_label.copy().next_to(new.centre, DOWN, buff=0.05)))
        start = self._slice_point(p.sax, k, tr.iterates[k, tr.axes[k]])
        old_trail = d.trail
        sdot = d.sdot

        def place(_m, alpha: float) -> None:
            if alpha > 0:
                set_readout(p.zread, float(tr.z[k]))
                set_readout(p.move, k + 1)
                set_readout(p.sweep, k // 2 + 1)
            sdot.move_to(sdot.get_center() + alpha * (start - sdot.get_center()))
            if old_trail is not None:  # the last slice's path goes with its slice
                old_trail.set_stroke(opacity=0.6 * (1 - alpha))

        anims.append(UpdateFromAlphaFunc(d.movers, place))
        return AnimationGroup(*anims)

    def _slide(self, d: _Descent, k: int) -> UpdateFromAlphaFunc:
        """Move k: the point slides down its slice to the soft threshold."""
        tr, p, ax, sax = self.trace, d.panel, self.plane_ax, d.panel.sax
        a, b = tr.iterates[k], tr.iterates[k + 1]
        j = int(tr.axes[k])
        sl, h = self.slices[k], self.heights[k]
        trail = self._stub(d, ax.c2p(*a), style.L1, 6)
        strail = self._stub(d, self._slice_point(sax, k, float(a[j])), style.HIGHLIGHT, 10, 0.6)
        d.trail = strail

        def follow(_m, alpha: float) -> None:
            u = float(a[j] + alpha * (b[j] - a[j]))
            trail.set_points_as_corners([ax.c2p(*a), ax.c2p(*(a + alpha * (b - a)))])
            us = np.linspace(float(a[j]), u, 40)
            strail.set_points_as_corners(
                [sax.c2p(v, hv) for v, hv in zip(us, np.interp(us, sl.u, h), strict=True)])
            if alpha > 0:
                set_readout(p.zread, float(tr.z[k]))
                set_readout(p.move, k + 1)
                set_readout(p.sweep, k // 2 + 1)
            w = b if alpha >= 1 else a + alpha * (b - a)
            d.dot.move_to(ax.c2p(*w))
            d.sdot.move_to(self._slice_point(sax, k, float(w[j])))
            set_readout(p.w1, float(w[0]))
            set_readout(p.w2, float(w[1]))
            for i, (rd, v) in enumerate(((p.w1, w[0]), (p.w2, w[1]))):  # exact zeros in green
                landed = i != j or alpha >= 1
                rd.set_color(style.ZERO if landed and v == 0.0 else style.L1)

        return UpdateFromAlphaFunc(d.movers, follow, rate_func=smooth)

    def _moves(self, d: _Descent, *ks: int) -> Succession:
        """Moves ``ks`` in turn, each on its own slice (switched to when another is shown)."""
        steps = []
        for k in ks:
            if d.shown != k:  # the slice on screen is another move's
                steps.append(self._switch(d, k))
                d.shown = k
            steps.append(self._slide(d, k))
        return Succession(*steps)

    def _say_moves(self, d: _Descent) -> None:
        """The first two sweeps and a half, one sentence per move (two for the zig-zag)."""
        it = self.trace.iterates
        say(
            self,
            "First, w1: its lowest point is inside the dead zone, so w1 drops into the kink, "
            "exactly zero.",
            self._moves(d, 0), span=True,
        )
        say(
            self,
            f"Then w2, on a new line: outside the dead zone, it slides down to "
            f"{it[2, 1]:.2f}.",
            self._moves(d, 1), span=True,
        )
        say(
            self,
            "Back to w1: the residual changed, its lowest point left the dead zone, and w1 "
            f"leaves zero for {it[3, 0]:.2f}. Zeros can be temporary.",
            self._moves(d, 2), span=True,
        )
        say(
            self,
            f"The zig-zag goes on: w2 shrinks to {it[4, 1]:.2f}, w1 grows to {it[5, 0]:.2f}.",
            self._moves(d, 3, 4), span=True,
        )
        say(
            self,
            "Now w2's lowest point falls in the dead zone: it drops into the kink, exactly "
            "zero, for good.",
            self._moves(d, 5), span=True,
        )
        say(
            self,
            "With w2 at zero, one move on w1 is the linear solve for that pattern: "
            f"w1 is {it[7, 0]:.2f}.",
            self._moves(d, 6), span=True,
        )

    def _say_stop(self, d: _Descent) -> None:
        """The last sweep changes nothing: it stops, on the minimum."""
        tr = self.trace
        done = tex(fill_tex(r"\text{stopped after # sweeps: } w = \hat w", tr.sweeps),
                   size=style.SMALL_SIZE, color=style.ZERO)
        done.next_to(d.panel.weights, RIGHT, buff=style.GAP_L)
        say(
            self,
            f"The next sweep changes nothing, so it stops: after {tr.sweeps} sweeps it sits on "
            "the minimum, to machine precision.",
            Succession(self._moves(d, *range(7, len(tr.axes))), FadeIn(done, run_time=1.0)),
            span=True,
        )

    # ------------------------------------------------------------------ 5. cost
    def cost_beat(self) -> None:
        """How the work grows with the number of features, from operation counts."""
        self.open_beat("cost")
        cg = self.cost
        head = _header("How the work grows", BOTH_TAG)
        lp = np.log10(cg.p.astype(float))
        lc = np.log10(cg.closed_form.astype(float))
        lcd = np.log10(cg.coordinate_descent.astype(float))
        plot = self._cost_plot(lc, lcd)
        ridge_text, cd_text = _cost_notes()
        names, columns = self._cost_table()
        table = VGroup(names, *columns)
        info = VGroup(ridge_text, cd_text, table).arrange(DOWN, aligned_edge=LEFT,
                                                          buff=style.GAP)
        layout = VGroup(plot.group, info).arrange(RIGHT, buff=style.GAP_L)
        _above_band(layout, head.get_bottom()[1] - style.GAP)
        ridge_curve, ridge_dots = _curve_with_dots(plot.ax, lp, lc, style.L2)
        cd_curve, cd_dots = _curve_with_dots(plot.ax, lp, lcd, style.L1)
        self.add(head)
        say(
            self,
            "How does the work grow with the number of features p? We count operations on "
            f"problems with {cg.n} rows.",
            Succession(Create(plot.axes_group, run_time=2.0),
                       LaggedStart(*[FadeIn(t) for t in plot.x_ticks], lag_ratio=0.4,
                                   run_time=2.0),
                       AnimationGroup(FadeIn(plot.y_ticks), FadeIn(plot.x_name),
                                      FadeIn(plot.y_name), FadeIn(names), run_time=1.0)),
            span=True,
        )
        self._say_curve(
            "Ridge's formula forms X transpose X, about n p squared operations, then solves, "
            "about p cubed over three.",
            ridge_text, ridge_curve, style.L2, [GrowFromCenter(d) for d in ridge_dots],
            text_time=1.5, draw_time=5.0,
        )
        self._say_curve(
            "Our lasso sweeps, about 4 n p operations each, until the zero pattern and signs "
            "settle, then does one linear solve on the k features it keeps.",
            cd_text, cd_curve, style.L1,
            [AnimationGroup(GrowFromCenter(d), FadeIn(col))
             for d, col in zip(cd_dots, columns, strict=True)],
            text_time=2.0, draw_time=6.0,
        )
        self._say_sweeps(columns, cd_dots)
        self.wait(0.5)  # end on a still (the control frame)

    def _cost_plot(self, lc, lcd) -> _CostPlot:
        """The chart's axes, ticks and names (log10 of p across, of operations up)."""
        cg = self.cost
        y_lo = float(np.floor(min(lc.min(), lcd.min())))
        y_hi = float(np.ceil(max(lc.max(), lcd.max())))
        axes_group = house_axes((1.0, 2.6, 0.3), (y_lo, y_hi, 1.0), 5.0, 3.4, None, None,
                                numbers=False)
        ax, _labels = axes_group
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
        group = VGroup(axes_group, x_ticks, y_ticks, x_name, y_name)
        return _CostPlot(axes_group, ax, x_ticks, y_ticks, x_name, y_name, group)

    def _cost_table(self) -> tuple[VGroup, list[VGroup]]:
        """The counts behind the lasso's curve: the row names, and one column per p."""
        cg = self.cost
        rows = [("p", cg.p), (r"\text{sweeps}", cg.sweeps), ("k", cg.support)]
        names = VGroup(*[tex(name, size=style.SMALL_SIZE) for name, _ in rows]).arrange(
            DOWN, aligned_edge=RIGHT, buff=style.GAP_S)
        columns = []
        x = names.get_right()[0]
        for i in range(len(cg.p)):  # one column per p, right-aligned, rows level with names
            col = VGroup(*[tex(str(int(vals[i])), size=style.SMALL_SIZE) for _, vals in rows])
            x += style.GAP + max(c.width for c in col)
            for r_i, cell in enumerate(col):
                cell.move_to([x - cell.width / 2, names[r_i].get_y(), 0])
            columns.append(col)
        return names, columns

    def _say_curve(self, text: str, note: VGroup, curve: VMobject, color, pops: list, *,
                   text_time: float, draw_time: float) -> None:
        """One method's cost: its note, then its curve drawn with a tracer, dots popping up."""
        tracer = Dot(curve.get_start(), color=color, radius=0.12)
        say(
            self,
            text,
            Succession(
                FadeIn(note, shift=0.2 * UP, run_time=text_time),
                AnimationGroup(
                    Create(curve, run_time=draw_time, rate_func=lambda t: t),
                    MoveAlongPath(tracer, curve.copy(), run_time=draw_time,
                                  rate_func=lambda t: t),
                    LaggedStart(*pops, lag_ratio=1.0, run_time=draw_time)),
                FadeOut(tracer, run_time=0.5),
            ),
            span=True,
        )

    def _say_sweeps(self, columns: list[VGroup], cd_dots: VGroup) -> None:
        """A box and a ring walk the columns and the lasso's dots: few sweeps everywhere."""
        pointer = SurroundingRectangle(columns[0], color=style.HIGHLIGHT, buff=0.08)
        ring = Circle(radius=0.16, color=style.HIGHLIGHT, stroke_width=4).move_to(cd_dots[0])
        walk = [AnimationGroup(Transform(pointer, pointer.copy().move_to(col)),
                               Transform(ring, ring.copy().move_to(d)))
                for col, d in zip(columns[1:], cd_dots[1:], strict=True)]
        say(
            self,
            "On this easy data one or two sweeps were enough; correlated features, like our "
            "zig-zag, need more, but sweeps stay cheap.",
            Succession(AnimationGroup(Create(pointer), Create(ring), run_time=0.8), *walk),
            span=True,
        )

    # ------------------------------------------------------------------ 6. takeaway
    def takeaway(self) -> None:
        """L2: a formula. L1: a pattern to find, by simple iterations that converge."""
        self.open_beat("takeaway")
        head = label("Takeaway", style.HEADING_SIZE).to_corner(UL, buff=style.EDGE)
        l2 = VGroup(
            label("L2 penalty (ridge)", style.HEADING_SIZE, style.L2),
            label("smooth: gradient = 0 gives", style.LABEL_SIZE),
            label("one linear solve, cost known", style.LABEL_SIZE),
            tex(r"(X^\top X + 2\lambda I)^{-1} X^\top y", size=style.BODY_SIZE, color=style.L2),
        ).arrange(DOWN, aligned_edge=LEFT, buff=style.GAP)
        l1 = VGroup(
            label("L1 penalty (lasso)", style.HEADING_SIZE, style.L1),
            label("kinks: a zero pattern to find", style.LABEL_SIZE),
            label("known pattern: one linear solve", style.LABEL_SIZE),
            label("found by soft-threshold moves", style.LABEL_SIZE),
            label("converges, with exact zeros", style.LABEL_SIZE),
        ).arrange(DOWN, aligned_edge=LEFT, buff=style.GAP)
        cols = VGroup(l2, l1).arrange(RIGHT, buff=style.GAP_L, aligned_edge=UP)
        footer = label(
            f"Not an approximation: here, the minimum to machine precision in "
            f"{self.trace.sweeps} sweeps.", style.SMALL_SIZE, style.MUTED)
        body = VGroup(cols, footer).arrange(DOWN, buff=style.GAP_L)
        _above_band(body, head.get_bottom()[1] - style.GAP_L)
        self.add(head)
        say(
            self,
            "The takeaway: the L2 penalty is smooth, so setting the gradient to zero gives "
            "ridge one linear solve.",
            LaggedStart(*[FadeIn(m, shift=0.2 * UP) for m in l2], lag_ratio=0.7), span=True,
        )
        say(
            self,
            "The L1 penalty has kinks: with its zero pattern known, the lasso is one linear "
            "solve too, but finding the pattern takes iterations.",
            LaggedStart(*[FadeIn(m, shift=0.2 * UP) for m in l1], lag_ratio=0.7), span=True,
        )
        say(
            self,
            "Each is a soft threshold, and they converge to the minimum with exact zeros: no "
            "rough approximation.",
            Write(footer), span=True,
        )
