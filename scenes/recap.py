"""Chapter 8, the recap: the L1-vs-L2 scorecard, one row per property, in the lecture's order.

Each row states the winner and whether the norm was a loss or a penalty, and comes with a
small replay of that chapter's own key picture: the same data, the same numbers, the same
motion (the proximal steps landing on zero, the diabetes paths swept, the outlier dragged, the
point nudged past the tie, the routes and the flat-bottomed LAD family, coordinate descent's
zig-zag to the minimum). The inputs are the chapters' own constants, imported from their
modules (constants only, never a scene); the tests check every shown number against the
chapter that first showed it. The table grows on the left, the replay plays on the right; the
last beat shows the whole scorecard and one closing sentence.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from manim import (
    DOWN,
    LEFT,
    ORIGIN,
    RIGHT,
    UP,
    Arrow,
    Axes,
    Create,
    Cross,
    DashedLine,
    Dot,
    FadeIn,
    FadeOut,
    GrowArrow,
    GrowFromCenter,
    LaggedStart,
    Line,
    Rectangle,
    SurroundingRectangle,
    Text,
    UpdateFromAlphaFunc,
    ValueTracker,
    VGroup,
    VMobject,
    Write,
    config,
    linear,
)

from mathutils import Line as FitLine
from mathutils import (
    absolute_loss,
    count_shortest_paths,
    ols_fit,
    shortest_paths,
)
from mathutils.coordinate import (
    coordinate_descent_lasso,
    lasso_objective,
    level_curve,
    ridge_closed_form,
    ridge_objective,
    sign_patterns,
)
from mathutils.data import correlated_pair, scatter_near_line
from mathutils.descent import descent_runs, penalised_minimum
from mathutils.lad import drag_path, lad_family, lad_tie, nudge_example
from mathutils.norms import path_length
from mathutils.selection import diabetes_paths
from scenes import style
from scenes.chapter import Chapter
from scenes.components import (
    fit_line,
    house_axes,
    label,
    move_line,
    narrate_steps,
    number_word,
    polyline,
    readout,
    say,
    scene_points,
    set_readout,
    tag,
    tex,
)
from scenes.examples import (
    CD_N,
    CD_SEED,
    CD_START,
    CD_WINDOW,
    DESCENT,
    LASSO_LAM,
    LASSO_LEVELS,
    LECTURE,
    NUDGE_POSITIONS,
    RIDGE_LAM,
    RIDGE_LEVELS,
    ROUTES_GRID,
    TUG,
    TUG_POINT,
    TUG_RISE,
    TUG_STEPS,
)

# ---- inputs the chapters pass as literals (the tests check they still match the chapters) ----
DIABETES_LASSO_DECADES = (-2.5, 0.2)  # geometry: diabetes_paths(lasso_decades=...)
DIABETES_RIDGE_LOG10 = (-2.0, 3.0)  # geometry: diabetes_paths(ridge_log10=...)
DIABETES_POINTS = 200  # geometry: diabetes_paths(n=...)
COEF_MAX = 800.0  # geometry: the coefficient axes run over [-COEF_MAX, COEF_MAX]
DATA_X, DATA_Y = (0, 8, 2), (0, 6, 2)  # stability and numeracy: the five points' window

# ---- the recap's own choices (drawing only, no numbers shown) ---------------------------------
FAMILY_SAMPLES = 121  # lines sampled along the LAD family while it is swept
FAN = 13  # of those, lines left behind (faintly) as the sweep passes them
OFF_TIE_STEP = 0.1  # solutions: how far the point moves off the tie to break it
JUMP_AT = 0.62  # stability: share of the sentence said before the point passes the tie
SETTLE = 0.1  # seconds of stillness after each beat's last motion
L1_PULL = 0.4  # robustness: the length of every L1 pull arrow in the small plot (scene units)

# The scorecard, in the lecture's order: (beat slug, property, verdict, note). "L1"/"L2" are
# coloured; every row says whether the norm was a loss or a penalty.
ROWS = (
    ("sparsity", "Sparsity", "L1 > L2 as a penalty",
     "lasso: exact zeros; ridge shrinks, not sparse"),
    ("robustness", "Robustness", "L1 > L2 as a loss",
     "outliers cost quadratically, not exponentially"),
    ("stability", "Stability", "L2 > L1 as a loss", "a small nudge can make the L1 line jump"),
    ("solutions", "Solutions", "L2 one, L1 possibly many",
     "as a loss or a penalty: ties are the exception"),
    ("computation", "Computation", "L2 formula, L1 algorithm",
     "as a penalty: one solve vs soft-threshold steps"),
)
L1_ROWS, L2_ROWS = (0, 1), (2, 3, 4)  # which rows each norm wins (the closing sentence)
CLOSING = ("L1 shrugs off outliers and picks features; L2 gives one stable answer from a "
           "formula.")
ADVICE = "Choose by the job, and always say whether the norm is a loss or a penalty."


def _through(at: float, share: float):
    """A rate function reaching ``share`` of the motion at ``at`` of the time, linear on
    both sides: the point passes the tie while the word describing it is said."""
    return lambda t: share * t / at if t < at else share + (1 - share) * (t - at) / (1 - at)


class _Parts(VGroup):
    """A VGroup whose parts are also kept under names, drawn in the order given: layout code
    says ``panel.head`` where it would otherwise say ``panel[0]``."""

    def __init__(self, **parts):
        super().__init__(*parts.values())
        for name, part in parts.items():
            setattr(self, name, part)


class _Table(VGroup):
    """The scorecard on screen: the heading, then one group (name, verdict, note) per row."""

    def __init__(self, heading, rows):
        super().__init__(heading, *rows)
        self.heading, self.rows = heading, list(rows)


@dataclass
class _Replay:
    """What a beat's narration needs of its replay, once built: the panel, the mobjects the
    updater moves, the tracker the updater reads, and the updater (not driven yet)."""

    panel: _Parts
    moving: list
    tracker: ValueTracker
    follow: Callable


@dataclass
class _Descent(_Replay):
    """Chapter 2's runs: the keys of the two runs, shown before the landing note."""

    legend: VGroup


@dataclass
class _Paths(_Replay):
    """Chapter 3's paths: the curves of each model, and the marker on each plot."""

    curves: dict
    markers: list


@dataclass
class _Tug(_Replay):
    """Chapter 4's drag: the plot's axes and the two share bars."""

    ax: Axes
    bars: dict


@dataclass
class _Routes:
    """Chapter 6's grid: every route, the straight line, and the keys shown along the way."""

    panel: _Parts
    routes: list
    straight: Line
    count: VGroup
    length: Text
    straight_key: Text


@dataclass
class _Family(_Replay):
    """Chapter 6's flat bottom: what the sweep and the tie-break animate."""

    ax: Axes
    ghosts: VGroup
    first_ghost: DashedLine
    fan: VGroup
    sweep: Line
    ols: Line
    info: VGroup
    total: VGroup
    slope: VGroup
    mover: Dot


@dataclass
class _SolveVersusIterate:
    """Chapter 7's picture: both bowls' contours, ridge's answer, coordinate descent's dot,
    trail and counters, the lasso's minimum."""

    panel: _Parts
    ax: Axes
    points: list
    ridge_lines: VGroup
    lasso_lines: VGroup
    answer: Dot
    dot: Dot
    along: Line
    minimum: Cross
    trails: VGroup
    solves: VGroup
    update: VGroup
    sweep: VGroup
    zero: Text


class Scorecard(Chapter):
    """The L1-vs-L2 scorecard, with a replay of each chapter's key picture for every row."""

    SLUG = "recap"
    QUESTION = "Which norm wins where, and why?"
    OPENING = ("To close, the scorecard: five properties in the order we met them, each with "
               "its winner, and the picture that showed why.")

    def setup(self):
        """Compute every value shown, with mathutils and the chapters' own inputs."""
        self._setup_descent()
        self._setup_diabetes()
        self._setup_tug()
        self._setup_nudge()
        self._setup_solutions()
        self._setup_computation()
        self._table = None

    def _setup_descent(self):
        """Sparsity (chapter 2): three runs from w0; the recap replays L2 and the proximal run."""
        self.runs = descent_runs(**DESCENT)
        self.prox_zero_step = self.runs.first_exact_zero("l1_proximal")
        self.l2_limit = float(penalised_minimum(DESCENT["target"], DESCENT["lam"], "l2"))

    def _setup_diabetes(self):
        """Sparsity (chapter 3): the diabetes paths, lasso and ridge."""
        self.paths = diabetes_paths(lasso_decades=DIABETES_LASSO_DECADES,
                                    ridge_log10=DIABETES_RIDGE_LOG10, n=DIABETES_POINTS)
        self.ridge_smallest = np.min(np.abs(self.paths.ridge_coefs), axis=1)
        self.n_features = len(self.paths.features)

    def _setup_tug(self):
        """Robustness (chapter 4): a dozen points, one dragged upward; each point's pull."""
        p = dict(TUG)
        self.tug_x, self.tug_y = scatter_near_line(np.random.default_rng(p.pop("seed")), **p)
        y0 = self.tug_y[TUG_POINT]
        self.tug = drag_path(self.tug_x, self.tug_y, TUG_POINT,
                             np.linspace(y0, y0 + TUG_RISE, TUG_STEPS))
        self.tug_l2_share = float(self.tug.l2_share[-1])
        self.tug_l1_share = float(self.tug.l1_share[-1])
        last = len(self.tug.ys) - 1
        x_up, y_up = self.tug.data_at(last)
        r_ols = y_up - self.tug.ols_line(last)(x_up)
        r_lad = y_up - self.tug.lad_line(last)(x_up)
        self.tug_pull = {"l2": r_ols, "l1": np.where(np.abs(r_lad) < 1e-9, 0.0,
                                                     np.sign(r_lad))}

    def _setup_nudge(self):
        """Stability (chapter 5): five points, one slid sideways; the tie and both slopes."""
        self.nudge = nudge_example(NUDGE_POSITIONS)
        e = self.nudge
        self.tie_position = float(e.tie_position)
        self.ols_slope_ends = (float(e.ols_slopes[0]), float(e.ols_slopes[-1]))
        self.lad_slope_ends = (float(e.lad_slopes[0]), float(e.lad_slopes[-1]))

    def _setup_solutions(self):
        """Solutions (chapter 6): every route of the small grid; the LAD tie's family, and
        breaking the tie (the point moves right of it; LAD and its loss along the way)."""
        sm, sn = ROUTES_GRID
        self.small_routes = list(shortest_paths(sm, sn))
        self.small_count = count_shortest_paths(sm, sn)
        self.route_lengths = [path_length(r, 1) for r in self.small_routes]
        ex = nudge_example()  # as the numeracy chapter calls it
        self.tie_x, self.tie_y = ex.data_at(ex.tie_position)
        self.tie_moving = ex.moving
        self.tie = lad_tie(self.tie_x, self.tie_y)
        self.family = lad_family(self.tie, np.linspace(0.0, 1.0, FAMILY_SAMPLES))
        self.family_losses = np.array([absolute_loss(FitLine(a, b), self.tie_x, self.tie_y)
                                       for a, b in zip(*self.family, strict=True)])
        self.tie_ols = ols_fit(self.tie_x, self.tie_y)
        after = (ex.positions > ex.tie_position) & (ex.positions <= ex.tie_position
                                                    + OFF_TIE_STEP + 1e-9)
        self.off_positions = np.concatenate([[ex.tie_position], ex.positions[after]])
        self.off_losses = np.concatenate([[self.tie.loss], ex.lad_loss[after]])
        self.off_slopes = np.concatenate([[self.tie.vertices[-1].slope], ex.lad_slopes[after]])

    def _setup_computation(self):
        """Computation (chapter 7): ridge in one solve; coordinate descent for the lasso."""
        X, y = correlated_pair(CD_N, np.random.default_rng(CD_SEED))
        self.cd_X, self.cd_y = X, y
        self.ridge = ridge_closed_form(X, y, RIDGE_LAM)
        ridge_min = float(ridge_objective(X, y, self.ridge.coef, RIDGE_LAM,
                                          convention=LECTURE))
        self.ridge_contours = [level_curve(X, y, RIDGE_LAM, "ridge", ridge_min + d,
                                           convention=LECTURE) for d in RIDGE_LEVELS]
        patterns = sign_patterns(X, y, LASSO_LAM)  # the exact minimum: one solve per pattern
        self.lasso_exact = patterns.coef[int(np.flatnonzero(patterns.valid)[0])]
        lasso_min = float(lasso_objective(X, y, self.lasso_exact, LASSO_LAM,
                                          convention=LECTURE))
        self.lasso_contours = [level_curve(X, y, LASSO_LAM, "lasso", lasso_min + d,
                                           convention=LECTURE) for d in LASSO_LEVELS]
        self.trace = coordinate_descent_lasso(X, y, LASSO_LAM, w0=CD_START)
        nonzero = np.flatnonzero(self.trace.iterates[:, 1] != 0.0)
        self.zero_move = int(nonzero[-1]) + 1 if len(nonzero) else 0

    def construct(self):
        """The table of contents: one method per beat."""
        self.title_beat()
        for beat in (self.sparsity, self.robustness, self.stability, self.solutions,
                     self.computation, self.scorecard):
            beat()
            self.wait(SETTLE)  # each beat ends on a still: the frame its control test takes

    # ---- beats ---------------------------------------------------------------------------
    def sparsity(self):
        """Row 1: L1 makes exact zeros as a penalty; chapter 2's runs, chapter 3's paths."""
        row = self._start_row(0)
        descent = self._build_descent()
        say(self, "Sparsity goes to L1, as a penalty.", FadeIn(row),
            FadeIn(descent.panel.head), FadeIn(descent.panel.body), FadeIn(descent.legend),
            run_time=style.NORMAL)
        driver = self.drive(descent.moving, descent.follow)
        say(self, f"With one weight, the proximal L1 steps land on exactly zero at step "
            f"{self.prox_zero_step} and stay there; the L2 steps only creep toward "
            f"{self.l2_limit:g}.",
            descent.tracker.animate(rate_func=linear).set_value(self.runs.steps), span=True)
        driver.clear_updaters()
        self.play(FadeOut(descent.panel, driver), run_time=style.SHORT)
        self._diabetes()

    def _build_descent(self) -> _Descent:
        """Chapter 2's runs on one weight, each drawn up to the (fractional) step being taken,
        with the step marker and the landing on zero (hidden, with its note, until then)."""
        runs, first = self.runs, self.prox_zero_step
        plot = self._axes((0, runs.steps, 6), (0, runs.w0, 0.5), self._region_width() - 0.9,
                          1.75, "step", "w")
        ax = plot.axes
        zero_line = Line(ax.c2p(0, 0), ax.c2p(runs.steps, 0), color=style.ZERO,
                         stroke_width=4)
        l2_key = label(f"L2 steps: toward {self.l2_limit:g}", style.SMALL_SIZE, style.L2)
        l1_key = label("L1 proximal steps", style.SMALL_SIZE, style.L1)
        zero_note = label(f"L1: 0 exactly from step {first}", style.SMALL_SIZE, style.ZERO)
        keys = VGroup(l2_key, l1_key, zero_note).arrange(DOWN, aligned_edge=LEFT,
                                                         buff=style.GAP_S)
        steps = np.arange(runs.steps + 1, dtype=float)
        traces = {k: VMobject(stroke_color=c, stroke_width=5)
                  for k, c in (("l2", style.L2), ("l1_proximal", style.L1))}
        marker = Line(ax.c2p(0, 0), ax.c2p(0, runs.w0), color=style.HIGHLIGHT,
                      stroke_width=3)  # the step being taken
        landed = VGroup(Dot(ax.c2p(first, 0), color=style.ZERO, radius=0.1))
        panel = self._panel("descent on one weight", "as a penalty",
                            VGroup(plot, zero_line), keys,
                            VGroup(*traces.values(), landed, marker))
        landed.add(zero_note)  # the note appears with the landing
        landed.set_opacity(0.0)
        k_t = ValueTracker(0.0)

        def follow(_m):
            k = k_t.get_value()
            for name, trace in traces.items():
                ws = runs.run(name)
                i = int(np.floor(k))
                pts = scene_points(ax, steps[: i + 1], ws[: i + 1])
                if i < runs.steps:
                    pts = np.vstack([pts, ax.c2p(k, np.interp(k, steps, ws))])
                trace.set_points_as_corners(_pair(pts))
            landed.set_opacity(1.0 if k >= first else 0.0)
            marker.put_start_and_end_on(ax.c2p(k, 0), ax.c2p(k, runs.w0))

        follow(None)
        return _Descent(panel, [*traces.values(), landed, marker], k_t, follow,
                        legend=VGroup(l2_key, l1_key))

    def _diabetes(self):
        """Chapter 3's diabetes paths, alpha growing to the right, swept once."""
        paths = self._build_paths()
        say(self, "On the diabetes data: the lasso and ridge paths, with the penalty alpha "
            "growing to the right.", FadeIn(paths.panel.head, rate_func=_fast),
            FadeIn(paths.panel.body, rate_func=_fast),
            Create(paths.curves["lasso"]), Create(paths.curves["ridge"]), span=True)
        for m in paths.markers:
            m.set_opacity(1.0)
        driver = self.drive(paths.moving, paths.follow)
        smallest = float(self.ridge_smallest[-1])
        say(self, "Sweep alpha up: the lasso coefficients hit exactly zero one by one, while "
            f"ridge only shrinks all ten; the smallest is still {smallest:.2f}.",
            paths.tracker.animate(rate_func=linear).set_value(len(self.paths.lasso_alphas) - 1),
            span=True)
        driver.clear_updaters()

    def _build_paths(self) -> _Paths:
        """Both coefficient plots under their readouts, the paths drawn on them, and a marker
        per plot at the current alpha (hidden until the sweep)."""
        d = self.paths
        width = self._region_width()
        lasso_plot, lasso_ax, lasso_xs = self._coef_plot(d.lasso_alphas, width)
        ridge_plot, ridge_ax, ridge_xs = self._coef_plot(d.ridge_alphas, width)
        maps = {"lasso": (lasso_ax, lasso_xs), "ridge": (ridge_ax, ridge_xs)}
        readouts = {
            "lasso": _count_row("lasso (L1), features kept:", self.n_features, 0, style.L1),
            "ridge": _count_row("ridge (L2), closest to 0:", float(self.ridge_smallest[0]), 2,
                                style.L2),
        }
        stack = VGroup(*(VGroup(readouts[name], plot).arrange(DOWN, aligned_edge=LEFT,
                                                              buff=style.GAP_S)
                         for name, plot in (("lasso", lasso_plot), ("ridge", ridge_plot))))
        stack.arrange(DOWN, aligned_edge=LEFT, buff=style.GAP)
        caption = label("α (log scale) →", style.SMALL_SIZE, style.MUTED)
        body = VGroup(stack, caption).arrange(DOWN, aligned_edge=RIGHT, buff=style.GAP_S)
        curves = {}
        for name, coefs, color in (("lasso", d.lasso_coefs, style.L1),
                                   ("ridge", d.ridge_coefs, style.L2)):
            ax, xs = maps[name]
            curves[name] = VGroup(*(polyline(ax, xs, coefs[:, j], color, width=2.5)
                                    for j in range(coefs.shape[1])))
        markers = {name: Line(color=style.HIGHLIGHT, stroke_width=3) for name in maps}
        panel = self._panel("diabetes data", "as a penalty",
                            body, VGroup(), VGroup(*curves.values(), *markers.values()))
        # _panel moved everything: the curves were built on the axes before the move
        k_last = len(d.lasso_alphas) - 1
        s = ValueTracker(0.0)

        def follow(_m):
            x = float(np.clip(s.get_value(), 0, k_last))
            near = int(round(x))
            for name, (ax, xs) in maps.items():
                u = float(np.interp(x, np.arange(len(xs)), xs))
                markers[name].put_start_and_end_on(ax.c2p(u, -COEF_MAX), ax.c2p(u, COEF_MAX))
            _set_count(readouts["lasso"], int(d.lasso_kept[near]))
            _set_count(readouts["ridge"], float(self.ridge_smallest[near]))

        follow(None)
        for m in markers.values():
            m.set_opacity(0.0)
        return _Paths(panel, [*markers.values(), *readouts.values()], s, follow,
                      curves=curves, markers=list(markers.values()))

    def _coef_plot(self, alphas, width: float) -> tuple[VGroup, Axes, np.ndarray]:
        """Coefficients over log10(alpha), shifted to start at 0, the decades written under
        the axis. Returns ``(plot, axes, x of every alpha)``."""
        lo, hi = np.log10(alphas[0]), np.log10(alphas[-1])
        plot = house_axes((0, hi - lo, 1), (-COEF_MAX, COEF_MAX, COEF_MAX), width - 1.4,
                          1.0, numbers=False)
        ax, _no_labels = plot
        ax.get_x_axis().ticks.set_opacity(0)
        ax.get_y_axis().add_numbers([-COEF_MAX, 0, COEF_MAX], font_size=style.SMALL_SIZE,
                                    num_decimal_places=0)
        decades = VGroup(*(
            tex(rf"10^{{{dec}}}", size=style.SMALL_SIZE, color=style.MUTED)
            .next_to(ax.c2p(dec - lo, -COEF_MAX), DOWN, buff=style.GAP_S)
            for dec in range(int(np.ceil(lo)), int(np.floor(hi)) + 1)))
        plot.add(decades)
        return plot, ax, np.log10(alphas) - lo

    def robustness(self):
        """Row 2: L1 wins robustness as a loss; chapter 4's point dragged upward."""
        row = self._start_row(1)
        tug = self._build_tug()
        say(self, "Robustness goes to L1, as a loss.", FadeIn(row), FadeIn(tug.panel),
            run_time=style.NORMAL)
        driver = self.drive(tug.moving, tug.follow)
        say(self, "Drag one point upward: the least-squares line swings toward it, while the "
            "least-absolute-deviations line does not move at all.",
            tug.tracker.animate(rate_func=linear).set_value(len(self.tug.ys) - 1), span=True)
        driver.clear_updaters()
        tug.follow(None)
        pulls = self._build_pulls(tug.ax)
        frame_l2 = SurroundingRectangle(tug.bars["l2"], color=style.L2, buff=0.06)
        say(self, "A common claim is that an outlier costs exponentially more; it costs "
            f"quadratically, and here it owns {100 * self.tug_l2_share:.0f} percent of the "
            "squared cost, so its pull tilts the whole line.",
            LaggedStart(*(GrowArrow(a) for a in pulls["l2"]), lag_ratio=0.3),
            Create(frame_l2), span=True)
        say(self, f"Under L1 it owns {100 * self.tug_l1_share:.0f} percent, yet pulls no "
            "harder than any other point: only the direction counts, so the majority wins.",
            FadeOut(pulls["l2"], frame_l2, rate_func=lambda t: min(1.0, 6 * t)),
            LaggedStart(*(GrowArrow(a) for a in pulls["l1"]), lag_ratio=0.3),
            Create(SurroundingRectangle(tug.bars["l1"], color=style.L1, buff=0.06)),
            span=True)

    def _build_tug(self) -> _Tug:
        """Chapter 4's dozen points, the dragged one highlighted, both fits and the share
        bars, following the drag (the LAD line by whole steps)."""
        path = self.tug
        x_range, y_range = (0, 10, 2), (0, 12, 4)
        plot = self._axes(x_range, y_range, self._region_width() - 0.9, 2.35, "x", "y")
        ax = plot.axes
        others = [i for i in range(len(self.tug_x)) if i != path.moving]
        dots = VGroup(*(Dot(ax.c2p(self.tug_x[i], self.tug_y[i]), radius=0.06,
                            color=style.DATA) for i in others))
        mover = Dot(ax.c2p(path.xs[0], path.ys[0]), color=style.HIGHLIGHT, radius=0.09)
        ols = fit_line(ax, *path.ols_line(0), x_range, y_range, style.L2, width=5)
        lad = fit_line(ax, *path.lad_line(0), x_range, y_range, style.L1, width=5)
        bars = {k: _share_bar(name, color) for k, name, color in
                (("l2", "least squares", style.L2), ("l1", "least abs. dev.", style.L1))}
        keys = VGroup(label("outlier's share of the cost", style.SMALL_SIZE, style.TEXT),
                      bars["l2"], bars["l1"]).arrange(DOWN, aligned_edge=LEFT,
                                                      buff=style.GAP_S)
        panel = self._panel("one point dragged up", "as a loss", VGroup(plot, dots), keys,
                            VGroup(ols, lad, mover))
        s = ValueTracker(0.0)
        steps = np.arange(len(path.ys))

        def follow(_m):
            k = s.get_value()
            step = int(min(np.floor(k + 1e-9), len(steps) - 1))
            mover.move_to(ax.c2p(path.xs[0], np.interp(k, steps, path.ys)))
            move_line(ols, ax, np.interp(k, steps, path.ols_intercepts),
                      np.interp(k, steps, path.ols_slopes), x_range, y_range)
            move_line(lad, ax, *path.lad_line(step), x_range, y_range)
            _set_share(bars["l2"], float(np.interp(k, steps, path.l2_share)))
            _set_share(bars["l1"], float(np.interp(k, steps, path.l1_share)))

        follow(None)
        return _Tug(panel, [mover, ols, lad, bars["l2"], bars["l1"]], s, follow, ax=ax,
                    bars=bars)

    def _build_pulls(self, ax: Axes) -> dict[str, VGroup]:
        """Each point's pull once the point is up (as in chapter 4), the moved point's first:
        least squares pulls with the residual (to the point), least absolute deviations with
        its sign only (every arrow L1_PULL long); a zero pull gets no arrow."""
        path = self.tug
        last = len(path.ys) - 1
        x_up, _y_up = path.data_at(last)
        order = [path.moving] + [i for i in range(len(x_up)) if i != path.moving]
        pulls = {}
        for kind, line, color in (("l2", path.ols_line(last), style.L2),
                                  ("l1", path.lad_line(last), style.L1)):
            group = VGroup()
            for xi, pull in zip(x_up[order], self.tug_pull[kind][order], strict=True):
                if pull == 0.0:
                    continue
                start = ax.c2p(xi, line.intercept + line.slope * xi)
                end = ax.c2p(xi, line.intercept + line.slope * xi + pull) if kind == "l2" \
                    else start + L1_PULL * np.sign(pull) * UP
                group.add(Arrow(start, end, buff=0, color=color, stroke_width=5,
                                tip_length=0.14, max_tip_length_to_length_ratio=0.5))
            pulls[kind] = group
        return pulls

    def stability(self):
        """Row 3: L2 wins stability as a loss; chapter 5's nudge past the tie."""
        row = self._start_row(2)
        nudge = self._build_nudge()
        say(self, "Stability goes to L2, as a loss.", FadeIn(row), FadeIn(nudge.panel),
            run_time=style.NORMAL)
        driver = self.drive(nudge.moving, nudge.follow)
        pos = np.asarray(self.nudge.positions)
        last = len(pos) - 1
        share = float(np.interp(self.tie_position, pos, np.arange(len(pos)))) / last
        (o0, o1), (l0, l1) = self.ols_slope_ends, self.lad_slope_ends
        say(self, f"Slide one of {number_word(len(self.nudge.x))} points sideways: the "
            f"least-squares slope glides from {o0:.2f} to {o1:.2f}, but the L1 slope jumps "
            f"from {l0:.2f} to {l1:.2f} at x = {self.tie_position:.2f}.",
            nudge.tracker.animate(rate_func=_through(JUMP_AT, share)).set_value(last),
            span=True)
        driver.clear_updaters()

    def _build_nudge(self) -> _Replay:
        """Chapter 5's five points with both fits over a plot of both slopes against the moved
        point's x, traced as it slides (the L1 trace leaves a gap at the tie: no vertical)."""
        e = self.nudge
        width = self._region_width()
        data = self._axes(DATA_X, DATA_Y, width - 0.9, 1.15, "x", "y", y_inside=True)
        ax = data.axes
        lo, hi = float(e.positions[0]), float(e.positions[-1])
        slope_plot = self._axes((lo, hi, 0.4), (0, 1, 0.5), width - 0.9, 1.15,
                                "x of the moved point", "slope", y_inside=True)
        bx = slope_plot.axes
        others = [i for i in range(len(e.x)) if i != e.moving]
        dots = VGroup(*(Dot(ax.c2p(e.x[i], e.y[i]), radius=0.06, color=style.DATA)
                        for i in others))
        r2 = readout(r"\text{slope}_{L2}", self.ols_slope_ends[0], color=style.L2,
                     size=style.SMALL_SIZE)
        r1 = readout(r"\text{slope}_{L1}", self.lad_slope_ends[0], color=style.L1,
                     size=style.SMALL_SIZE)
        slopes = VGroup(r2, r1).arrange(RIGHT, buff=style.GAP_L)
        body = VGroup(VGroup(data, dots), slope_plot).arrange(DOWN, aligned_edge=LEFT,
                                                              buff=style.GAP)
        # the live parts are built from ax/bx only now, after the arrange has moved them
        mover = Dot(ax.c2p(lo, e.y[e.moving]), color=style.HIGHLIGHT, radius=0.08)
        ols = fit_line(ax, e.ols_intercepts[0], e.ols_slopes[0], DATA_X, DATA_Y, style.L2, 4)
        lad = fit_line(ax, e.lad_intercepts[0], e.lad_slopes[0], DATA_X, DATA_Y, style.L1, 4)
        traces = {"l2": polyline(bx, [lo], [self.ols_slope_ends[0]], style.L2, 5),
                  "l1": polyline(bx, [lo], [self.lad_slope_ends[0]], style.L1, 5)}
        marker = Line(bx.c2p(lo, 0), bx.c2p(lo, 1), color=style.HIGHLIGHT, stroke_width=6)
        panel = self._panel("nudge one point", "as a loss", body, slopes,
                            VGroup(ols, lad, mover, *traces.values(), marker))
        pos = np.asarray(e.positions)
        index = np.arange(len(pos))
        s = ValueTracker(0.0)
        last = len(pos) - 1
        before = pos < self.tie_position

        def follow(_m):
            k = s.get_value()
            i = int(min(np.floor(k + 1e-9), last))
            x = float(np.interp(k, index, pos))
            mover.move_to(ax.c2p(x, e.y[e.moving]))
            move_line(ols, ax, np.interp(k, index, e.ols_intercepts),
                      np.interp(k, index, e.ols_slopes), DATA_X, DATA_Y)
            move_line(lad, ax, e.lad_intercepts[i], e.lad_slopes[i], DATA_X, DATA_Y)
            set_readout(r2, float(e.ols_slopes[i]))
            set_readout(r1, float(e.lad_slopes[i]))
            upto = slice(0, i + 1)
            traces["l2"].set_points_as_corners(_pair(scene_points(bx, pos[upto],
                                                                  e.ols_slopes[upto])))
            keep = before[upto] | (pos[upto] > self.tie_position)  # no vertical at the tie
            seg = scene_points(bx, pos[upto][keep], e.lad_slopes[upto][keep])
            traces["l1"].set_points_as_corners(_pair(seg))
            marker.put_start_and_end_on(bx.c2p(x, 0), bx.c2p(x, 1))

        return _Replay(panel, [mover, ols, lad, r2, r1, *traces.values(), marker], s, follow)

    def solutions(self):
        """Row 4: one L2 answer, possibly many L1 ones: chapter 6's routes and LAD family."""
        row = self._start_row(3)
        grid = self._build_routes()
        routes, count = grid.routes, grid.count
        say(self, "Number of solutions: L2 has one, L1 possibly many.", FadeIn(row),
            FadeIn(grid.panel.head), FadeIn(grid.panel.body), FadeIn(grid.straight_key),
            Create(grid.straight), run_time=style.NORMAL)
        self.add(count)

        def step(i):
            anims = [Create(routes[i]),
                     UpdateFromAlphaFunc(count, lambda m, a, i=i: _set_count(
                         m, i + 1 if a > 0 else i))]
            if i:
                anims.append(routes[i - 1].animate.set_stroke(opacity=0.25))
            if i == 0:
                anims.append(FadeIn(grid.length))
            return tuple(anims)

        sm, sn = ROUTES_GRID
        narrate_steps(self, f"On a grid {sm} blocks across and {sn} up there are "
                      f"{self.small_count} shortest taxicab routes, all "
                      f"{self.route_lengths[0]:g} blocks long, and one straight line.",
                      [step(i) for i in range(len(routes))])
        self.play(FadeOut(grid.panel), run_time=style.SHORT)
        self._lad_family()

    def _build_routes(self) -> _Routes:
        """Chapter 6's small grid: its streets, both corners, every shortest route (drawn one
        by one later), the straight line, the route count and the keys."""
        sm, sn = ROUTES_GRID
        cell = min((self._region_width() - 0.6) / sm, 2.6 / sn)
        city = VGroup(*(Line(i * cell * RIGHT, i * cell * RIGHT + sn * cell * UP,
                             color=style.MUTED, stroke_width=2) for i in range(sm + 1)),
                      *(Line(j * cell * UP, j * cell * UP + sm * cell * RIGHT,
                             color=style.MUTED, stroke_width=2) for j in range(sn + 1)))
        start = Dot(ORIGIN, color=style.DATA)
        goal = Dot(cell * (sm * RIGHT + sn * UP), color=style.DATA)
        routes = [VMobject(stroke_color=style.L1, stroke_width=6).set_points_as_corners(
            [cell * (a * RIGHT + b * UP) for a, b in r]) for r in self.small_routes]
        straight = Line(start.get_center(), goal.get_center(), color=style.L2,
                        stroke_width=6)
        count = _count_row("shortest routes:", 0, 0, style.L1)
        length = label(f"each {self.route_lengths[0]:g} blocks long", style.SMALL_SIZE,
                       style.L1)
        straight_key = label("one straight line", style.SMALL_SIZE, style.L2)
        keys = VGroup(count, length, straight_key).arrange(DOWN, aligned_edge=LEFT,
                                                           buff=style.GAP_S)
        panel = self._panel(f"a {sm} by {sn} grid", "as a distance",
                            VGroup(city, VGroup(start, goal)), keys, VGroup(*routes, straight))
        return _Routes(panel=panel, routes=routes, straight=straight, count=count,
                       length=length, straight_key=straight_key)

    def _lad_family(self):
        """Chapter 6's flat bottom: the five points at the tie, a family of best lines."""
        family = self._build_family()
        say(self, "As a loss: the five points of the stability chapter, at the tie.",
            FadeIn(family.panel.head), FadeIn(family.panel.body), Create(family.ghosts),
            run_time=style.NORMAL)
        # before drive: adding a group later would split the driver
        self.add(family.sweep, family.info)
        driver = self.drive(family.moving, family.follow)
        say(self, "Every line between the two best lines has the same total absolute error, "
            f"{self.tie.loss:.2f}, while its slope changes: a whole family of best lines.",
            family.tracker.animate(rate_func=_there_and_half_back).set_value(1.0), span=True)
        driver.clear_updaters()
        self._break_tie(family)

    def _build_family(self) -> _Family:
        """The five points at the tie, the two extreme best lines (dashed), the sweeping best
        line leaving a faint fan behind, least squares (hidden) and the loss and slope."""
        plot = self._axes(DATA_X, DATA_Y, self._region_width() - 0.9, 2.5, "x", "y")
        ax = plot.axes
        dots = VGroup(*(Dot(ax.c2p(a, b), radius=0.07,
                            color=style.HIGHLIGHT if i == self.tie_moving else style.DATA)
                        for i, (a, b) in enumerate(zip(self.tie_x, self.tie_y, strict=True))))
        first_ghost, last_ghost = (
            DashedLine(*fit_line(ax, v.intercept, v.slope, DATA_X, DATA_Y,
                                 style.L1).get_start_and_end(), color=style.L1, stroke_width=2)
            for v in (self.tie.vertices[0], self.tie.vertices[-1]))
        ghosts = VGroup(first_ghost, last_ghost)
        a_arr, b_arr = self.family
        sweep = fit_line(ax, a_arr[0], b_arr[0], DATA_X, DATA_Y, style.L1, 6)
        fan_at = np.linspace(0, FAMILY_SAMPLES - 1, FAN).round().astype(int)
        fan = VGroup(*(fit_line(ax, a_arr[j], b_arr[j], DATA_X, DATA_Y, style.L1, 3)
                       .set_opacity(0.0) for j in fan_at))  # the family, left behind
        ols = fit_line(ax, self.tie_ols.intercept, self.tie_ols.slope, DATA_X, DATA_Y,
                       style.L2, 4)
        total = readout(r"\textstyle\sum|r_i|", float(self.family_losses[0]), color=style.L1,
                        size=style.SMALL_SIZE)
        slope = readout(r"\text{slope}", float(b_arr[0]), color=style.L1,
                        size=style.SMALL_SIZE)
        info = VGroup(total, slope).arrange(RIGHT, buff=style.GAP_L)
        panel = self._panel("a flat bottom", "as a loss", VGroup(plot, dots), info,
                            VGroup(ghosts, fan, sweep, ols))
        t = ValueTracker(0.0)

        def follow(_m):
            j = int(round(t.get_value() * (FAMILY_SAMPLES - 1)))
            move_line(sweep, ax, a_arr[j], b_arr[j], DATA_X, DATA_Y)
            set_readout(total, float(self.family_losses[j]))
            set_readout(slope, float(b_arr[j]))
            for line_, at in zip(fan, fan_at, strict=True):
                if at <= j and line_.get_stroke_opacity() == 0.0:
                    line_.set_stroke(opacity=0.35)

        ols.set_opacity(0.0)
        return _Family(panel, [fan, sweep, total, slope], t, follow, ax=ax, ghosts=ghosts,
                       first_ghost=first_ghost, fan=fan, sweep=sweep, ols=ols, info=info,
                       total=total, slope=slope, mover=dots[self.tie_moving])

    def _break_tie(self, family: _Family):
        """The point moves right off the tie and the family collapses onto one line, the
        sweep going on from where it stopped; least squares appears."""
        a_arr, b_arr = self.family
        n_off = len(self.off_positions)
        o = ValueTracker(0.0)
        start = family.tracker.get_value()
        y_moving = self.tie_y[self.tie_moving]

        def off(_m):
            u = o.get_value()
            j = int(round((start + (1 - start) * u) * (FAMILY_SAMPLES - 1)))
            move_line(family.sweep, family.ax, a_arr[j], b_arr[j], DATA_X, DATA_Y)
            x = float(np.interp(u, np.linspace(0, 1, n_off), self.off_positions))
            family.mover.move_to(family.ax.c2p(x, y_moving))
            set_readout(family.total, float(np.interp(x, self.off_positions,
                                                      self.off_losses)))
            set_readout(family.slope, float(b_arr[j]) if u < 1 else float(self.off_slopes[-1]))

        driver = self.drive([family.sweep, family.mover, family.total, family.slope], off)
        family.ols.set_opacity(1.0)
        say(self, "Nudge the point off the tie and one best line wins again; least squares "
            "always has exactly one. Ties are the exception, not the rule.",
            o.animate(rate_func=linear).set_value(1.0),
            family.first_ghost.animate.set_opacity(0.0),
            family.fan.animate.set_opacity(0.0), Create(family.ols), span=True)
        driver.clear_updaters()

    def computation(self):
        """Row 5: ridge is one solve, the lasso coordinate descent (chapter 7's picture)."""
        row = self._start_row(4)
        cd = self._build_solve_versus_iterate()
        self.add(cd.solves)
        say(self, "Computation: ridge has a formula; one linear solve lands at the bottom of "
            "its bowl.", FadeIn(row, rate_func=_fast), FadeIn(cd.panel.head, rate_func=_fast),
            FadeIn(cd.panel.body, rate_func=_fast),
            Create(cd.ridge_lines), GrowFromCenter(cd.answer.set_opacity(1.0)),
            UpdateFromAlphaFunc(cd.solves, lambda m, al: (_set_count(m, 1 if al > 0.6 else 0),
                                                          m.set_opacity(min(1.0, 4 * al)))),
            span=True)
        say(self, "The lasso has no formula.", FadeOut(cd.ridge_lines), FadeOut(cd.answer),
            cd.lasso_lines.animate.set_stroke(opacity=1.0), cd.dot.animate.set_opacity(1.0),
            cd.update.animate.set_opacity(1.0), cd.sweep.animate.set_opacity(1.0),
            run_time=style.NORMAL)
        z, last = self.zero_move, len(self.trace.axes)
        narrate_steps(self, "Coordinate descent changes one weight at a time, each move a soft "
                      "threshold, until w2 drops into the kink: exactly zero.",
                      [self._cd_move(cd, k) for k in range(1, z + 1)])
        narrate_steps(self, f"A whole sweep then changes nothing: after {self.trace.sweeps} "
                      "sweeps it sits on the lasso's minimum.",
                      [self._cd_move(cd, k) for k in range(z + 1, last + 1)])

    def _build_solve_versus_iterate(self) -> _SolveVersusIterate:
        """Chapter 7's window over (w1, w2): ridge's contours and answer, the lasso's contours,
        coordinate descent's dot, the axis it slides along, its trail, the lasso's minimum and
        the counters, all but the ridge contours hidden until their sentence."""
        (w1_lo, w1_hi), (w2_lo, w2_hi) = CD_WINDOW
        size = min(self._region_width() - 0.9, 2.9)
        plot = self._axes((w1_lo, w1_hi, 1), (w2_lo, w2_hi, 1), size, size, "w_1", "w_2",
                          tex_names=True)
        ax = plot.axes
        ridge_lines = VGroup(*(polyline(ax, r[:, 0], r[:, 1], style.LOSS, 2, closed=True)
                               for r in self.ridge_contours))
        lasso_lines = VGroup(*(polyline(ax, r[:, 0], r[:, 1], style.LOSS, 2, closed=True)
                               for r in self.lasso_contours))
        answer = Dot(ax.c2p(*self.ridge.coef), color=style.L2, radius=0.09)
        dot = Dot(ax.c2p(*self.trace.iterates[0]), color=style.HIGHLIGHT, radius=0.11)
        along = Line(ax.c2p(w1_lo, 0), ax.c2p(w1_hi, 0), color=style.HIGHLIGHT,
                     stroke_width=5, stroke_opacity=0.5)  # the axis the current move slides along
        minimum = Cross(scale_factor=0.1, stroke_color=style.ZERO).move_to(
            ax.c2p(*self.lasso_exact))
        solves = _count_row("ridge: linear solves", 0, 0, style.L2)
        update = _count_row("lasso: update", 0, 0, style.L1)
        sweep = _count_row("sweep", 0, 0, style.MUTED)
        zero = label("minimum: w2 = 0 exactly", style.SMALL_SIZE, style.ZERO)
        counters = VGroup(solves, VGroup(update, sweep).arrange(RIGHT, buff=style.GAP),
                          zero).arrange(DOWN, aligned_edge=LEFT, buff=style.GAP_S)
        trails = VGroup()
        panel = self._panel("solve vs iterate", "as a penalty", plot, counters,
                            VGroup(ridge_lines, lasso_lines, answer, along, dot, minimum,
                                   trails))
        along.set_stroke(opacity=0.0)
        points = [ax.c2p(*w) for w in self.trace.iterates]  # after _panel moved the axes
        lasso_lines.set_stroke(opacity=0.0)
        for m in (answer, dot, minimum, update, sweep, solves):
            m.set_opacity(0.0)
        return _SolveVersusIterate(panel=panel, ax=ax, points=points, ridge_lines=ridge_lines,
                                   lasso_lines=lasso_lines, answer=answer, dot=dot,
                                   along=along, minimum=minimum, trails=trails, solves=solves,
                                   update=update, sweep=sweep, zero=zero)

    def _cd_move(self, cd: _SolveVersusIterate, k: int) -> tuple:
        """The animations of coordinate descent's move ``k``: the counters step and the axis
        the move slides along lights up at once, the dot moves (leaving a trail) in the first
        half; the last move also shows the minimum and its note."""
        (w1_lo, w1_hi), (w2_lo, w2_hi) = CD_WINDOW
        p0, p1 = cd.points[k - 1], cd.points[k]
        (w1, w2), j = self.trace.iterates[k - 1], int(self.trace.axes[k - 1])
        ends = ((cd.ax.c2p(w1_lo, w2), cd.ax.c2p(w1_hi, w2)) if j == 0 else
                (cd.ax.c2p(w1, w2_lo), cd.ax.c2p(w1, w2_hi)))

        def count(_m, al):
            if al > 0:
                _set_count(cd.update, k)
                _set_count(cd.sweep, (k + 1) // 2)
                cd.along.put_start_and_end_on(*ends)
                cd.along.set_stroke(opacity=0.5)
            cd.dot.move_to(p0 + min(1.0, 2 * al) * (p1 - p0))

        anims = [UpdateFromAlphaFunc(VGroup(cd.update, cd.sweep, cd.along, cd.dot), count)]
        if np.any(p1 != p0):
            trail = Line(p0, p1, color=style.L1, stroke_width=6)
            cd.trails.add(trail)
            anims.append(Create(trail, rate_func=lambda u: min(1.0, 2 * u)))
        if k == len(self.trace.axes):
            anims += [FadeIn(cd.zero), cd.minimum.animate.set_opacity(1.0),
                      cd.along.animate.set_stroke(opacity=0.0)]
        return tuple(anims)

    def scorecard(self):
        """The whole scorecard, each row pointed at in turn, and one closing sentence."""
        self.open_beat("scorecard", fresh=False)
        self._show_table(len(ROWS))
        rows = self._table_group().rows
        left, right = self._region()
        advice = Text(_balanced(ADVICE, right - left - 0.5), font=style.FONT,
                      font_size=style.LABEL_SIZE, color=style.TEXT, line_spacing=1.0)
        rule = Line(UP, DOWN, color=style.HIGHLIGHT, stroke_width=4)
        rule.stretch_to_fit_height(advice.height).next_to(advice, LEFT, buff=style.GAP)
        box = VGroup(rule, advice).move_to(((left + right) / 2) * RIGHT)
        box.align_to(rows[0], UP)
        frames = [_frame(r, style.HIGHLIGHT) for r in rows]
        pointer, walk = _pointer(frames, np.arange(len(frames)) / len(frames))
        self.add(pointer)
        say(self, "Here is the whole scorecard: each winner, and whether the norm was a loss "
            "or a penalty.", walk, span=True)
        l1_box = _frame(VGroup(*(rows[i] for i in L1_ROWS)), style.L1)
        l2_box = _frame(VGroup(*(rows[i] for i in L2_ROWS)), style.L2)
        _same_pointer, split = _pointer([l1_box, l2_box], (0.0, 0.5), start=pointer)
        say(self, CLOSING, split, span=True)
        say(self, ADVICE, FadeOut(pointer, rate_func=_fast), Create(rule), Write(advice),
            span=True)

    # ---- helpers -------------------------------------------------------------------------
    def _region(self) -> tuple[float, float]:
        """Left and right x of the replay region, beside the table."""
        table = self._table_group()
        return (table.get_right()[0] + style.GAP_L, config.frame_width / 2 - style.EDGE)

    def _region_width(self) -> float:
        """The width of the replay region."""
        left, right = self._region()
        return right - left

    def _axes(self, x_range, y_range, x_length, y_length, x_name, y_name,
              tex_names: bool = False, y_inside: bool = False) -> _Parts:
        """House axes with numbers and named axes. A short x name sits at the x axis's
        right end, a long one under the axis (right aligned); the y name sits above the y
        axis, or with ``y_inside`` just right of its top (where the plot is empty).
        Returns the group of ``axes`` and ``names``."""
        ax, _no_labels = house_axes(x_range, y_range, x_length, y_length)
        make = (lambda s: tex(s, size=style.SMALL_SIZE, color=style.MUTED)) if tex_names \
            else (lambda s: label(s, style.SMALL_SIZE, style.MUTED))
        xn = make(x_name)
        if len(x_name) <= 3:
            xn.next_to(ax.x_axis.get_end(), RIGHT, buff=style.GAP_S)
        else:
            xn.next_to(ax, DOWN, buff=style.GAP_S).align_to(ax, RIGHT)
        yn = make(y_name)
        if y_inside:
            yn.next_to(ax.y_axis.get_top(), RIGHT, buff=style.GAP).align_to(ax.y_axis, UP)
        else:
            yn.next_to(ax.y_axis, UP, buff=style.GAP_S).align_to(ax, LEFT)
        return _Parts(axes=ax, names=VGroup(xn, yn))

    def _table_group(self) -> _Table:
        """The full scorecard (heading and five rows), laid out at its place on the left."""
        if self._table is None:
            self._table = _build_table()
        return self._table

    def _show_table(self, upto: int) -> None:
        """Fade out everything but the table; make sure heading and rows < upto are shown."""
        table = self._table_group()
        shown = [table.heading, *table.rows[:upto]]
        others = [m for m in self.mobjects if m not in shown]
        if others:
            self.play(FadeOut(*others), run_time=style.SHORT)
        for m in shown:
            if m not in self.mobjects:
                self.add(m)

    def _start_row(self, i: int) -> VGroup:
        """Begin the beat of row ``i``: the section, the table so far; returns the new row."""
        slug, _name, _verdict, _note = ROWS[i]
        self.open_beat(slug, fresh=False)
        self._show_table(i)
        return self._table_group().rows[i]

    def _panel(self, heading: str, kind: str, body, keys, live) -> _Parts:
        """Lay out a replay in the right-hand region: heading + tag, body, keys.

        Returns the group of ``head`` (heading row), ``body``, ``keys`` and ``live``; ``live``
        is drawn on top of ``body`` and moved with it (it must already be in ``body``'s
        coordinates). The heading's top is always at the table's top, so headings never jump
        between beats.
        """
        left, right = self._region()
        head = VGroup(label(heading, style.LABEL_SIZE), tag(kind))
        head.arrange(RIGHT, buff=style.GAP)
        if head.width > right - left:  # no room beside it: the tag goes under the heading
            head.arrange(DOWN, aligned_edge=LEFT, buff=style.GAP_S)
        parts = [head, VGroup(body, live)] + ([keys] if len(keys) else [])
        stack = VGroup(*parts).arrange(DOWN, buff=style.GAP, aligned_edge=LEFT)
        # never scaled: text must stay at its size; tests check it fits the region
        stack.shift((left + 0.1 - stack.get_left()[0]) * RIGHT
                    + (self._table_group().get_top()[1] - stack.get_top()[1]) * UP)
        return _Parts(head=head, body=body, keys=keys, live=live)


def _pointer(frames, starts, start=None):
    """A frame that jumps from one item to the next at the given shares of a sentence.

    Returns ``(frame, animation)``: add the frame, play the animation over the sentence.
    ``start`` reuses a frame already on screen.
    """
    frame = start if start is not None else frames[0].copy()

    def point(m, a):
        i = int(np.searchsorted(starts, a, side="right")) - 1
        m.become(frames[max(i, 0)])

    return frame, UpdateFromAlphaFunc(frame, point)


def _retext(old: Text, text: str) -> None:
    """Show ``text`` in the Text ``old`` in place (left edge kept): the same mobject, so a
    play that is running keeps drawing it (a play fixes the list of what it draws)."""
    new = label(text, style.SMALL_SIZE, old.get_color())
    new.move_to(old.get_left(), aligned_edge=LEFT).set_opacity(old.get_fill_opacity())
    old.become(new)
    old.initial_height = new.height  # the size it is set at: SMALL_SIZE, unscaled


def _fast(t: float) -> float:
    """A rate function that completes in the first quarter: a fade that precedes the motion
    it shares a sentence with."""
    return min(1.0, 4.0 * t)


def _there_and_half_back(t: float) -> float:
    """A rate function that sweeps all the way by mid-sentence, then comes half way back."""
    return 2 * t if t < 0.5 else 1.5 - t


def _share_bar(name: str, color, width: float = 1.0) -> _Parts:
    """A share bar: ``track``, ``level`` (stretched by :func:`_set_share`), a % ``number``
    and a ``legend``."""
    track = Rectangle(width=width, height=0.2, stroke_color=style.MUTED, stroke_width=1.5)
    level = Rectangle(width=width, height=0.2, stroke_width=0, fill_color=color,
                      fill_opacity=1.0)
    legend = label(name, style.SMALL_SIZE, color)
    pct = label("88 %", style.SMALL_SIZE, color)  # the widest number, for the layout
    VGroup(pct, legend).arrange(RIGHT, buff=style.GAP).next_to(track, RIGHT, buff=style.GAP_S)
    number = label("0 %", style.SMALL_SIZE, color).move_to(pct, aligned_edge=LEFT)
    bar = _Parts(track=track, level=level, number=number, legend=legend)
    bar.shown = "0 %"
    return bar


def _set_share(bar: _Parts, share: float) -> None:
    """Fill a :func:`_share_bar` to ``share`` (0..1) and show it in percent."""
    bar.level.stretch_to_fit_width(max(bar.track.width * share, 1e-3)).align_to(bar.track, LEFT)
    text = f"{100 * share:.0f} %"
    if text != bar.shown:
        bar.shown = text
        _retext(bar.number, text)


def _frame(mob, color) -> Rectangle:
    """A frame around table rows: clear of the text on the right, inside the margin on the
    left (the table starts at the margin)."""
    box = Rectangle(width=mob.width + 0.16, height=mob.height + 0.2, color=color,
                    stroke_width=4)
    return box.move_to(mob).shift(0.06 * RIGHT)


def _pair(points: np.ndarray) -> np.ndarray:
    """At least two points (a polyline of one point is a zero-length segment)."""
    return np.vstack([points, points]) if len(points) < 2 else points


def _count_row(text: str, value: float, decimals: int, color) -> _Parts:
    """A ``caption`` and a ``number`` in the words' face, updated with :func:`_set_count`
    (the number is rebuilt only when its shown digits change)."""
    row = _Parts(caption=label(text, style.SMALL_SIZE, color),
                 number=label(f"{value:.{decimals}f}", style.SMALL_SIZE, color))
    row.arrange(RIGHT, buff=style.GAP_S)
    row.decimals, row.shown = decimals, f"{value:.{decimals}f}"
    return row


def _set_count(row: _Parts, value: float) -> None:
    """Show ``value`` in a :func:`_count_row`."""
    text = f"{value:.{row.decimals}f}"
    if text != row.shown:
        row.shown = text
        _retext(row.number, text)


def _build_table() -> _Table:
    """Heading and one row per property: name, coloured verdict, muted note beneath."""
    heading = label("Scorecard", style.HEADING_SIZE)
    names = [label(name, style.LABEL_SIZE) for _slug, name, _verdict, _note in ROWS]
    col = max(n.width for n in names) + style.GAP
    strut = label("Ayg", style.LABEL_SIZE)  # one line's full height: same spacing every row
    rows = VGroup()
    for (_slug, _name, verdict, note), name in zip(ROWS, names, strict=True):
        v = _label_l1l2(verdict, style.LABEL_SIZE, style.TEXT)
        v.move_to(name.get_left() + col * RIGHT, aligned_edge=LEFT).align_to(name, UP)
        line = strut.copy().align_to(name, UP).align_to(name, LEFT).set_opacity(0)
        nt = _label_l1l2(note, style.SMALL_SIZE, style.MUTED)
        nt.next_to(line, DOWN, buff=style.GAP_S, aligned_edge=LEFT)
        rows.add(VGroup(name, v, nt))
    rows.arrange(DOWN, aligned_edge=LEFT, buff=0.7 * style.GAP)
    table = _Table(heading, rows)
    heading.next_to(rows, UP, buff=style.GAP, aligned_edge=LEFT)
    table.to_corner(UP + LEFT, buff=style.EDGE)
    return table


def _label_l1l2(text: str, size: int, color) -> Text:
    """Plain text with every "L1" in the L1 colour and every "L2" in the L2 colour."""
    return Text(text, font=style.FONT, font_size=size, color=color, line_spacing=0.8,
                t2c={"L1": style.L1, "L2": style.L2})


def _balanced(text: str, width: float) -> str:
    """Break ``text`` into as few lines as fit ``width`` (scene units, at LABEL_SIZE), with
    the line lengths as even as possible, so the last line is never one lonely word."""
    words = text.split()
    for n_lines in range(1, len(words) + 1):
        target = len(text) / n_lines
        lines, cur = [], ""
        for w in words:
            if cur and len(cur) + 1 + len(w) > target + 4 and len(lines) < n_lines - 1:
                lines.append(cur)
                cur = w
            else:
                cur = f"{cur} {w}".strip()
        lines.append(cur)
        wide = max(label(ln, style.LABEL_SIZE).width for ln in lines)
        if wide <= width and len(lines[-1].split()) > 1:
            return "\n".join(lines)
    return text
