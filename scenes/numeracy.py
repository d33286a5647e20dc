"""Chapter: one straight line, many Manhattan paths -- and when an L1 problem has many answers.

Render it from the repository root:  ``manim -pqh scenes/numeracy.py``

Beats (one method each, in order): title, two-distances, many-paths, why-count,
many-minimisers, takeaway. Every number on screen is computed in ``setup()`` by ``mathutils``;
the animations only look values up in those precomputed arrays. A beat builds its picture
(builder methods return its named parts) and narrates over it (``_say_...`` methods, in the
order the sentences are spoken).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from manim import (
    DL,
    DOWN,
    LEFT,
    RIGHT,
    UP,
    AnimationGroup,
    Axes,
    Circle,
    Create,
    DashedLine,
    Dot,
    FadeIn,
    FadeOut,
    Indicate,
    LaggedStart,
    Line,
    MoveAlongPath,
    Polygon,
    Succession,
    SurroundingRectangle,
    UpdateFromAlphaFunc,
    VGroup,
    VMobject,
    Write,
    linear,
    smooth,
)

from mathutils import (
    count_shortest_paths,
    ols_fit,
    sample_shortest_paths,
    shortest_paths,
    squared_loss,
)
from mathutils.lad import best_intercepts, lad_tie, nudge_example, slope_profiles
from mathutils.norms import path_length
from mathutils.paths import grid_distances, route_word
from mathutils.selection import twin_features
from scenes import style
from scenes.chapter import Chapter
from scenes.components import (
    clear,
    clip_line,
    fill_tex,
    fit_width,
    header,
    house_axes,
    label,
    move_line,
    narrate_steps,
    polyline,
    readout,
    say,
    scene_points,
    set_readout,
    tex,
)
from scenes.examples import ROUTES_GRID

DIST_TAG = "L1 / L2 as distances"
LOSS_TAG = "L1 as a loss"
PENALTY_TAG = "L1 / L2 as penalties"
TAKE_TAG = "L1 / L2 as losses and penalties"

# ---- the chapter's parameters (every value shown is computed from these by mathutils) ------
GRID = (6, 6)  # beats 2, 3: blocks across and up
SMALL = ROUTES_GRID  # beats 3, 4: the grid whose routes are all shown (scenes/examples.py)
SAMPLES = 8  # beat 3: routes drawn one after another
SEED = 2024  # beat 3: the only randomness (which routes are drawn)
WORD_PICKS = (3, 8)  # beat 4: the small-grid routes spelled out (indices into all routes)
SLOPES = (-0.4, 1.4, 181)  # beat 5a: the slopes at which both losses are plotted
NUDGE, NUDGE_STEPS = 0.3, 61  # beat 5a: the point is nudged this far either side of the tie
LAD_X, LAD_Y = (0.2, 7.8), (-1.0, 7.0)  # beat 5a: the box the lines on the data are drawn in
TWIN_N, TWIN_SEED = 12, 5  # beat 5b: the data of the copied-feature example
TWIN_LAM = 5.0  # beat 5b: the lasso strength lambda (lecture scaling, 1/2 squared error)
TWIN_WINDOW = (-0.75, 1.25)  # beat 5b: the w1-w2 window of both panels
TWIN_CONTOURS = 5  # beat 5b: data-loss contour lines, from least squares down to near 0
SLIDE = 121  # beat 5b: samples of the lasso's optimal segment
BAR = 3.0  # beat 5b: scene units per unit of weight in the stacked bars of the split
HOLD = 0.2  # s: the still that ends a beat (its control frame shows the whole picture)


# ---- small drawing helpers (module-level, no maths) ---------------------------------------
def _city(m: int, n: int, cell: float, width: float = 2.0) -> VGroup:
    """The street grid of ``m`` x ``n`` blocks (cell = block size in scene units)."""
    lines = VGroup()
    for i in range(m + 1):
        lines.add(Line(i * cell * RIGHT, i * cell * RIGHT + n * cell * UP,
                       color=style.MUTED, stroke_width=width))
    for j in range(n + 1):
        lines.add(Line(j * cell * UP, j * cell * UP + m * cell * RIGHT,
                       color=style.MUTED, stroke_width=width))
    lines.cell = cell
    return lines


def _at(city: VGroup, corners) -> np.ndarray:
    """Scene points of grid corners (array of (i, j)), shape (k, 3)."""
    c = np.atleast_2d(np.asarray(corners, dtype=float))
    origin = city.get_corner(DL)
    return origin + city.cell * np.column_stack([c[:, 0], c[:, 1], np.zeros(len(c))])


def _corner(city: VGroup, i: int, j: int) -> np.ndarray:
    """The scene point of one grid corner (i blocks across, j up)."""
    (point,) = _at(city, [i, j])
    return point


def _route(city: VGroup, path, color=style.L1, width: float = 7.0):
    """A route along the streets through the corners ``path`` (drawn with ``Create`` it is
    traced block by block, so every intermediate frame stays on the streets)."""
    return VMobject(stroke_color=color, stroke_width=width).set_points_as_corners(_at(city, path))


def _walk(city: VGroup, path, walker: Dot):
    """A route and the animation of ``walker`` driving it, block by block."""
    route = _route(city, path)
    return route, AnimationGroup(Create(route, rate_func=linear),
                                 MoveAlongPath(walker, route.copy(), rate_func=linear))


def _settle(route: VMobject):
    """A drawn route fading into the L1 colour behind the next one."""
    return route.animate.set_stroke(color=style.L1, width=4, opacity=0.35)


def _box(**stroke) -> SurroundingRectangle:
    """A letter-sized box: a slot of a route word, or the frame of one of its tiles."""
    return SurroundingRectangle(label("R", style.HEADING_SIZE), buff=0.18, **stroke) \
        .stretch_to_fit_width(0.75).stretch_to_fit_height(0.8)


def _tile(ch: str) -> VGroup:
    """A letter tile of a route word (neutral colours: R and U are directions, not norms)."""
    box = _box(color=style.MUTED, stroke_width=2)
    letter = label(ch, style.HEADING_SIZE, style.DATA if ch == "R" else style.TEXT)
    letter.move_to(box)
    if ch == "U":
        box.set_fill(style.MUTED, opacity=0.35)
    return VGroup(box, letter)


def _distance_text(name: str, formula: str, color) -> tuple[VMobject, VMobject, VGroup]:
    """A distance's name over its formula: the name, the formula, and both as one group."""
    text = tex(formula, size=style.BODY_SIZE, color=color)
    title = label(name, style.LABEL_SIZE, color)
    return title, text, VGroup(title, text).arrange(DOWN, aligned_edge=LEFT, buff=style.GAP_S)


def _line_on(ax, intercept: float, slope: float, x_range, y_range) -> tuple:
    """Scene end points of the line y = intercept + slope x inside the axes' box."""
    x0, y0, x1, y1 = clip_line(intercept, slope, x_range, y_range)
    return ax.c2p(x0, y0), ax.c2p(x1, y1)


def _contour(ax, level: float) -> Line:
    """The squared error's contour w1 + w2 = ``level`` inside the twin panels' window."""
    lo, hi = TWIN_WINDOW
    return Line(*_line_on(ax, level, -1.0, (lo, hi), (lo, hi)), color=style.LOSS,
                stroke_width=3.5)


def _index(alpha: float, lo: int, hi: int) -> int:
    """The sample index ``alpha`` of the way from ``lo`` to ``hi``."""
    return int(round(lo + (hi - lo) * alpha))


# ---- named parts of the larger pictures ---------------------------------------------------
@dataclass
class _Ends:
    """The corners A and B: their dots and names as one group, and the two scene points."""

    group: VGroup
    a: np.ndarray
    b: np.ndarray


@dataclass
class _LadPlots:
    """The flat-bottom picture: the data's axes and the two loss-against-slope plots."""

    head: VGroup
    scatter: VGroup  # house_axes group: the data's axes and their labels
    ax: Axes
    top: VGroup  # the total absolute error against the slope
    tax: Axes
    bottom: VGroup  # the squared error against the slope
    bax: Axes
    top_name: VMobject  # where the plots' readouts sit (the names are never shown)
    bottom_name: VMobject
    slope_name: VMobject


@dataclass
class _Sweep:
    """A loss against the slope, traced by a dot, with its line on the data and readouts."""

    curve: VMobject  # the whole curve (never shown: the trace is a part of it)
    trace: VMobject
    dot: Dot
    line: Line
    loss: VGroup  # readout of the loss
    slope: VGroup | None = None  # readout of the slope (the L1 plot only)


@dataclass
class _Panel:
    """One twin-feature panel: its axes (house_axes group and the Axes in it) under a title."""

    group: VGroup
    axes: VGroup
    ax: Axes
    title: VMobject


@dataclass
class _Twin:
    """The copied-feature picture: the objective, the two panels and the readouts."""

    head: VGroup
    objective: VMobject
    lasso: _Panel
    ridge: _Panel
    w1: VGroup  # readouts of the lasso point sliding along the edge
    w2: VGroup
    value: VGroup
    lasso_reads: VGroup
    ridge_reads: VGroup
    sum_read: VMobject
    contour_name: VMobject


@dataclass
class _Takeaway:
    """The takeaway page: an L1 column, an L2 column, the taxicab footnote."""

    l1_lines: list  # heading and claims, shown first
    special: VMobject  # "but only for special data", shown second
    l1_plot: VGroup
    l1_ax: Axes
    l1_caption: VGroup
    l2_lines: list
    l2_plot: VGroup
    l2_ax: Axes
    l2_caption: VMobject
    town: VGroup
    routes: VGroup
    note: VMobject


class ManyManhattanPaths(Chapter):
    """Chapter 6: one straight line but many taxicab routes; when L1 has many minimisers."""

    SLUG = "numeracy"
    QUESTION = "Is the shortest route, or the best fit, unique?"
    OPENING = ("A common claim: L2 gives one answer, like the one straight line between two "
               "points, and L1 gives many, like the routes through a city. The last chapter's "
               "tie hints at something real. How much holds?")

    # ------------------------------------------------------------------ numbers (mathutils)
    def setup(self) -> None:
        """Compute every number the chapter shows, before anything is animated."""
        self._route_numbers()
        example = nudge_example()
        self._tie_numbers(example)
        self._nudge_numbers(example)
        self._twin_numbers()

    def _route_numbers(self) -> None:
        """Beats 2-4: the two distances, sampled and counted routes, the small grid's words."""
        m, n = GRID
        # Beat 2: the two distances across the grid.
        self.distances = grid_distances(m, n)
        self.example_routes = sample_shortest_paths(m, n, 2, np.random.default_rng(SEED + 1))
        self.example_lengths = [path_length(p, 1) for p in self.example_routes]
        # Beat 3: routes drawn one after another, then the exact count; all routes of SMALL.
        self.samples = sample_shortest_paths(m, n, SAMPLES, np.random.default_rng(SEED))
        self.sample_lengths = [path_length(p, 1) for p in self.samples]
        self.route_count = count_shortest_paths(m, n)
        self.small_routes = list(shortest_paths(*SMALL))
        self.small_count = count_shortest_paths(*SMALL)
        # Beat 4: each small route as a word of R (right) and U (up) moves.
        self.small_words = [route_word(p) for p in self.small_routes]

    def _tie_numbers(self, ex) -> None:
        """Beat 5a: the LAD tie of the stability chapter, and both losses against the slope."""
        self.base_x = float(ex.x[ex.moving])
        self.tie_position = float(ex.tie_position)
        self.tie_x, self.tie_y = ex.data_at(ex.tie_position)
        self.moving = ex.moving
        self.tie = lad_tie(self.tie_x, self.tie_y)
        # the two tied lines, at the ends of the flat bottom
        self.flat_lines = (self.tie.vertices[0], self.tie.vertices[-1])
        self.flat = tuple(v.slope for v in self.flat_lines)
        # the slopes sampled, with the flat bottom's two corners among them (drawn exactly)
        grid = np.linspace(*SLOPES)
        grid = grid[np.abs(grid[:, None] - np.array(self.flat)[None, :]).min(axis=1) > 1e-6]
        self.slopes = np.union1d(grid, self.flat)
        self.flat_idx = tuple(int(np.searchsorted(self.slopes, b)) for b in self.flat)
        self.l1_profile, self.l2_profile = slope_profiles(self.tie_x, self.tie_y, self.slopes)
        self.l1_icpt, self.l2_icpt = best_intercepts(self.tie_x, self.tie_y, self.slopes)
        self.ls_idx = int(np.argmin(self.l2_profile))  # where the parabola's dot settles
        self.ols = ols_fit(self.tie_x, self.tie_y)  # its exact lowest point, as labelled

    def _nudge_numbers(self, ex) -> None:
        """Beat 5a: the point slides NUDGE either side of the tie; both fits at each spot."""
        self.nudge_positions = self.tie_position + NUDGE * np.linspace(-1.0, 1.0, NUDGE_STEPS)
        nudge_data = [ex.data_at(p) for p in self.nudge_positions]
        profiles = [slope_profiles(nx, ny, self.slopes) for nx, ny in nudge_data]
        self.nudge_profiles = np.array([l1 for l1, _ in profiles])
        self.nudge_best = self.slopes[np.argmin(self.nudge_profiles, axis=1)]
        # the winning L1 line at each spot (its best intercept at the winning slope)
        l1_icpts = []
        for (nx, ny), s in zip(nudge_data, self.nudge_best, strict=True):
            l1_icpt, _ = best_intercepts(nx, ny, [s])
            l1_icpts.append(l1_icpt[0])  # at the one slope asked for
        self.nudge_l1_icpt = np.array(l1_icpts)
        # least squares follows the point: its parabola, its one line and that line's loss
        self.nudge_l2_profiles = np.array([l2 for _, l2 in profiles])
        self.nudge_ols = [ols_fit(nx, ny) for nx, ny in nudge_data]
        self.nudge_ls_loss = np.array([
            squared_loss(o, nx, ny) for o, (nx, ny) in zip(self.nudge_ols, nudge_data, strict=True)
        ])
        # the LAD lines at the two ends of the nudge (unique: one vertex each)
        self.nudge_ends = [lad_tie(*ex.data_at(p)) for p in self.nudge_positions[[0, -1]]]

    def _twin_numbers(self) -> None:
        """Beat 5b: the same feature twice, lasso and ridge (lecture scaling)."""
        rng = np.random.default_rng(TWIN_SEED)
        x = rng.normal(size=TWIN_N)
        y = 1.2 * x + 0.5 * rng.normal(size=TWIN_N)
        self.twin = twin_features(x, y, TWIN_LAM)
        tw = self.twin
        self.contour_sums = tw.s_ls + (tw.s - tw.s_ls) * np.arange(TWIN_CONTOURS) / 2
        self.slide = tw.split(np.linspace(0.0, 1.0, SLIDE))
        self.slide_values = tw.lasso_value(self.slide)
        self.ridge_value = float(tw.ridge_value(tw.ridge_coef))

    # ------------------------------------------------------------------ table of contents
    def construct(self) -> None:
        """The chapter, beat by beat (the title beat comes from the base class)."""
        self.title_beat()
        self.two_distances()
        self.many_paths()
        self.why_count()
        self.many_minimisers()
        self.takeaway()

    # ------------------------------------------------------------------ 2. two distances
    def _big_city(self) -> VGroup:
        m, n = GRID
        city = _city(m, n, cell=0.75)
        city.to_edge(LEFT, buff=style.EDGE + style.GAP_L)
        city.to_edge(UP, buff=style.EDGE + style.HEADING_SIZE / 48 + style.GAP_L)
        return city

    def _ends(self, city: VGroup) -> _Ends:
        """The corners A and B with their dots and names."""
        d = self.distances
        dot_a = Dot(_corner(city, 0, 0), color=style.DATA)
        dot_b = Dot(_corner(city, d.m, d.n), color=style.DATA)
        group = VGroup(
            VGroup(dot_a, dot_b),
            tex("A", color=style.DATA).next_to(dot_a, LEFT, buff=style.GAP_S),
            tex("B", color=style.DATA).next_to(dot_b, RIGHT, buff=style.GAP_S),
        )
        return _Ends(group, dot_a.get_center(), dot_b.get_center())

    def two_distances(self) -> None:
        """The straight segment (L2) vs the street distance (L1) across a 6 x 6 grid."""
        self.open_beat("two-distances")
        d = self.distances
        head = header("Two distances across a city", DIST_TAG)
        city = self._big_city()
        ends = self._ends(city)
        self.add(head)
        say(
            self,
            f"Walk across a city grid from corner A to corner B: {d.m} blocks across and "
            f"{d.n} blocks up.",
            Succession(Create(city, lag_ratio=0.1), FadeIn(ends.group)),
            span=True,
        )
        l2 = self._say_straight(city, ends)
        walker, first, l1 = self._say_streets(city, ends, l2)
        self._say_another_route(city, ends, walker, first, l1)
        self.wait(HOLD)  # end on a still: the beat's last frame shows the whole picture

    def _say_straight(self, city: VGroup, ends: _Ends) -> VGroup:
        """The straight segment and its L2 length; returns the L2 text."""
        d = self.distances
        straight = Line(ends.a, ends.b, color=style.L2, stroke_width=7)
        exact = fill_tex(r"=#\sqrt{2}", d.m) if d.m == d.n else ""
        l2_name, l2_text, l2 = _distance_text(
            "straight line (L2, Euclidean)",
            fill_tex(r"\|(#,#)\|_2=\sqrt{#^2+#^2}#\approx #",
                     d.m, d.n, d.m, d.n, exact, f"{d.euclidean:.2f}"),
            style.L2,
        )
        l2.next_to(city, RIGHT, buff=style.GAP_L).align_to(city, UP)
        say(
            self,
            f"As the crow flies, it is the straight segment: the Euclidean, or L2, length, "
            f"about {d.euclidean:.2f} blocks. No other route is that short.",
            Succession(Create(straight), FadeIn(l2_name), Write(l2_text)),
            span=True,
        )
        return l2

    def _say_streets(self, city: VGroup, ends: _Ends, l2: VGroup) -> tuple[Dot, VMobject,
                                                                             VGroup]:
        """A car drives one shortest street route: the L1 length. Returns the car, its route
        and the L1 text."""
        d = self.distances
        walker = Dot(ends.a, color=style.HIGHLIGHT, radius=0.1)
        route, drive = _walk(city, self.example_routes[0], walker)
        l1_name, l1_text, l1 = _distance_text(
            "along the streets (L1, taxicab)",
            fill_tex(r"\|(#,#)\|_1=#+#=#", d.m, d.n, d.m, d.n, round(d.taxicab)),
            style.L1,
        )
        l1.next_to(l2, DOWN, buff=style.GAP_L, aligned_edge=LEFT)
        self.add(walker)
        say(
            self,
            f"A car must follow the streets. Its distance is the taxicab, or L1, length: "
            f"{d.m} plus {d.n}, {round(d.taxicab)} blocks.",
            AnimationGroup(drive, Succession(FadeIn(l1_name), Write(l1_text)), lag_ratio=0.3),
            span=True,
        )
        return walker, route, l1

    def _say_another_route(self, city: VGroup, ends: _Ends, walker: Dot, first: VMobject,
                           l1: VGroup) -> None:
        """A second car drives another route of the same length."""
        blocks = round(self.example_lengths[1])
        walker2 = Dot(ends.a, color=style.HIGHLIGHT, radius=0.1)
        _, drive2 = _walk(city, self.example_routes[1], walker2)
        note = label(f"another route: also {blocks} blocks", style.LABEL_SIZE, style.L1) \
            .next_to(l1, DOWN, buff=style.GAP_L, aligned_edge=LEFT)
        say(
            self,
            f"Here is a different street route, also exactly {blocks} blocks. The straight "
            f"line is unique; the shortest street route is not.",
            FadeOut(walker), first.animate.set_stroke(opacity=0.45, width=5), FadeIn(walker2),
            drive2, FadeIn(note),
            span=True,
        )
        self.play(FadeOut(walker2), run_time=style.SHORT)

    # ------------------------------------------------------------------ 3. many paths
    def many_paths(self) -> None:
        """Sampled shortest routes with a counter, the exact count, all routes of a 3 x 2 grid."""
        self.open_beat("many-paths")
        head = header("How many shortest routes?", DIST_TAG)
        city = self._big_city()
        ends = self._ends(city)
        routes, info = self._say_samples(head, city, ends)
        exact = self._say_count(routes, info)
        tiles, caption = self._build_small_grid(head)
        self.play(FadeOut(city), FadeOut(ends.group), FadeOut(routes), FadeOut(info),
                  FadeOut(exact), run_time=style.SHORT)
        sm, sn = SMALL
        say(
            self,
            f"On a {sm} by {sn} grid we can show every shortest route: all "
            f"{self.small_count} of them, each {sm + sn} blocks long.",
            FadeIn(caption),
            LaggedStart(*[Succession(FadeIn(town), Create(route)) for town, route in tiles],
                        lag_ratio=0.5),
            span=True,
        )

    def _say_samples(self, head: VGroup, city: VGroup, ends: _Ends) -> tuple[VGroup, VGroup]:
        """Random shortest routes drawn one by one, counted; returns the routes and the text."""
        routes = VGroup(*[_route(city, p, color=style.HIGHLIGHT, width=7) for p in self.samples])
        counter = readout(r"\text{routes drawn}", 0, color=style.L1, decimals=0,
                          size=style.BODY_SIZE)
        length = tex(fill_tex(r"\text{length of each}=#", round(self.sample_lengths[0])),
                     size=style.BODY_SIZE, color=style.TEXT)
        info = VGroup(counter, length).arrange(DOWN, aligned_edge=LEFT, buff=style.GAP)
        info.next_to(city, RIGHT, buff=style.GAP_L).align_to(city, UP)
        self.add(head, city, ends.group, info)
        # Each new route is drawn in the highlight colour; the one before it settles into L1.
        steps = [
            (Create(r), UpdateFromAlphaFunc(counter, lambda mob, a, i=i: set_readout(mob, i + 1)),
             *([_settle(routes[i - 1])] if i else []))
            for i, r in enumerate(routes)
        ]
        narrate_steps(
            self,
            f"Draw shortest street routes at random, one after another. Every one is "
            f"{round(self.sample_lengths[0])} blocks long, and they keep coming: "
            f"here are {len(self.samples)} different ones.",
            steps,
        )
        return routes, info

    def _say_count(self, routes: VGroup, info: VGroup) -> VMobject:
        """The exact number of shortest routes; returns its formula."""
        m, n = GRID
        exact = tex(
            fill_tex(r"\text{all of them: }\binom{#+#}{#}=#", m, n, n, self.route_count),
            size=style.BODY_SIZE, color=style.HIGHLIGHT,
        ).next_to(info, DOWN, buff=style.GAP_L, aligned_edge=LEFT)
        say(
            self,
            f"How many are there in all? Exactly {self.route_count}: the binomial coefficient "
            f"{m + n} choose {n}.",
            _settle(routes[-1]), Write(exact),
            span=True,
        )
        return exact

    def _build_small_grid(self, head: VGroup) -> tuple[list, VMobject]:
        """All routes of the small grid as small multiples: (grid, route) pairs and a caption."""
        sm, sn = SMALL
        tiles, pairs = VGroup(), []
        for p in self.small_routes:
            town = _city(sm, sn, cell=0.42, width=1.5)
            route = _route(town, p, color=style.L1, width=5)
            tiles.add(VGroup(town, route))
            pairs.append((town, route))
        tiles.arrange_in_grid(rows=2, buff=style.GAP_L)
        fit_width(tiles)
        caption = tex(
            fill_tex(r"\text{a #}\times\text{# grid: all }\binom{#}{#}=#\text{ shortest routes}",
                     sm, sn, sm + sn, sn, self.small_count),
            size=style.BODY_SIZE,
        )
        VGroup(caption, tiles).arrange(DOWN, buff=style.GAP_L).next_to(head, DOWN,
                                                                       buff=style.GAP_L)
        return pairs, caption

    # ------------------------------------------------------------------ 4. why count
    def why_count(self) -> None:
        """A route is a word of R and U moves; choosing where the U's go counts them."""
        self.open_beat("why-count")
        head = header("Why that number?", DIST_TAG)
        city = _city(*SMALL, cell=1.1)
        city.next_to(head, DOWN, buff=style.GAP_L).to_edge(LEFT, buff=style.EDGE + style.GAP_L)
        first = self.small_routes[WORD_PICKS[0]]
        word = self.small_words[WORD_PICKS[0]]
        slots = VGroup(*[_box(stroke_width=0) for _ in word]).arrange(RIGHT, buff=style.GAP_S)
        slots.next_to(city, RIGHT, buff=style.GAP_L * 1.5).align_to(city, UP)
        tiles = VGroup(*[_tile(ch).move_to(s) for ch, s in zip(word, slots, strict=True)])
        legend = label("R = one block right,  U = one block up", style.LABEL_SIZE, style.MUTED)
        legend.next_to(slots, DOWN, buff=style.GAP, aligned_edge=LEFT)
        walker = Dot(_corner(city, 0, 0), color=style.HIGHLIGHT, radius=0.1)
        self.add(head, city, walker)
        blocks = [_route(city, first[i: i + 2]) for i in range(len(word))]
        say(
            self,
            f"Why {self.route_count}? Write a route as a word: R for one block right, U for one "
            f"block up. This one reads {' '.join(word)}.",
            FadeIn(legend),
            Succession(*[
                AnimationGroup(Create(s, rate_func=linear),
                               MoveAlongPath(walker, s.copy(), rate_func=linear), FadeIn(t))
                for s, t in zip(blocks, tiles, strict=True)
            ]),
            span=True,
        )
        self._say_rearranged(city, slots, tiles, VGroup(*blocks), walker)
        self._say_choice(tiles, legend)
        self.wait(HOLD)

    def _say_rearranged(self, city: VGroup, slots: VGroup, tiles: VGroup, old: VGroup,
                        walker: Dot) -> None:
        """The same tiles move to the slots of another word, and a car drives that route."""
        sm, sn = SMALL
        w1, w2 = (self.small_words[i] for i in WORD_PICKS)
        # R's keep their order, U's keep theirs
        targets = {ch: [i for i, c in enumerate(w2) if c == ch] for ch in "RU"}
        seen = {"R": 0, "U": 0}
        moves = []
        for tile, ch in zip(tiles, w1, strict=True):
            moves.append(tile.animate(path_arc=-1.2).move_to(slots[targets[ch][seen[ch]]]))
            seen[ch] += 1
        # a new walker starts at A (the old one does not cut diagonally across the blocks)
        walker2 = Dot(_corner(city, 0, 0), color=style.HIGHLIGHT, radius=0.1)
        _, drive2 = _walk(city, self.small_routes[WORD_PICKS[1]], walker2)
        say(
            self,
            f"Every shortest route has {sm} R's and {sn} U's. Move the U's to other slots, "
            f"and the word spells another route.",
            Succession(
                AnimationGroup(*moves, old.animate.set_stroke(opacity=0.3, width=4),
                               FadeOut(walker), FadeIn(walker2)),
                drive2,
            ),
            span=True,
        )

    def _say_choice(self, tiles: VGroup, legend: VMobject) -> None:
        """A route is a choice of the U slots: the binomial coefficient, small and big grid."""
        sm, sn = SMALL
        m, n = GRID
        small = tex(fill_tex(r"\binom{#}{#}=\frac{#!}{#!\,#!}=#", sm + sn, sn, sm + sn, sm, sn,
                             self.small_count), size=style.BODY_SIZE, color=style.HIGHLIGHT)
        big = tex(fill_tex(r"#\times#\text{ grid: }\binom{#}{#}=#", m, n, m + n, n,
                           self.route_count), size=style.BODY_SIZE)
        formula = VGroup(small, big).arrange(DOWN, aligned_edge=LEFT, buff=style.GAP)
        formula.next_to(legend, DOWN, buff=style.GAP_L, aligned_edge=LEFT)
        word = self.small_words[WORD_PICKS[0]]
        u_tiles = VGroup(*[t for t, ch in zip(tiles, word, strict=True) if ch == "U"])
        say(
            self,
            f"So a route is a choice of which {sn} of the {sm + sn} slots hold a U: {sm + sn} "
            f"choose {sn} is {self.small_count}, and on the {m} by {n} grid, {m + n} choose "
            f"{n} is {self.route_count}.",
            Succession(Indicate(u_tiles, color=style.HIGHLIGHT), Write(small), Write(big)),
            span=True,
        )

    # ------------------------------------------------------------------ 5. many minimisers
    def many_minimisers(self) -> None:
        """(a) the LAD tie: a flat bottom; (b) a copied feature: the diamond's edge."""
        self.open_beat("many-minimisers")
        self._lad_flat()
        clear(self)
        self._twin_segment()

    def _lad_layout(self) -> _LadPlots:
        head = header("An L1 loss can have a flat bottom", LOSS_TAG)
        scatter = house_axes((0, 8, 1), (-1, 7, 1), 5.4, 4.3, "x", "y")
        lo, hi = SLOPES[:2]
        top = house_axes((lo, hi, 0.4), (5, 10, 2.5), 5.2, 1.6, None, None)
        bottom = house_axes((lo, hi, 0.4), (0, 40, 10), 5.2, 1.6, None, None)
        (ax, _), (tax, _), (bax, _) = scatter, top, bottom
        top_name = tex(r"\textstyle\sum|r_i|", size=style.LABEL_SIZE, color=style.L1)
        bottom_name = tex(r"\textstyle\sum r_i^2", size=style.LABEL_SIZE, color=style.L2)
        slope_name = label("slope", style.SMALL_SIZE, style.MUTED)
        plots = VGroup(top, bottom).arrange(DOWN, buff=style.GAP_L)
        top_name.next_to(tax.y_axis, UP, buff=style.GAP_S)
        bottom_name.next_to(bax.y_axis, UP, buff=style.GAP_S)
        slope_name.next_to(bax.x_axis, RIGHT, buff=style.GAP_S)
        right = VGroup(plots, top_name, bottom_name, slope_name)
        layout = VGroup(scatter, right).arrange(RIGHT, buff=style.GAP_L)
        fit_width(layout)
        layout.next_to(head, DOWN, buff=style.GAP).set_x(0)
        return _LadPlots(head, scatter, ax, top, tax, bottom, bax, top_name, bottom_name,
                         slope_name)

    def _lad_flat(self) -> None:
        """The LAD tie's flat bottom beside least squares' parabola; a nudge tilts the bottom."""
        p = self._lad_layout()
        mover, ties = self._say_tie(p)
        l1 = self._say_l1_sweep(p, ties)
        flat, flat_name = self._say_flat_bottom(p, l1)
        l2, ls_name = self._say_parabola(p)
        self._say_nudge(p, mover, l1, l2, ls_name, flat, flat_name)
        self.wait(HOLD)

    def _say_tie(self, p: _LadPlots) -> tuple[Dot, VGroup]:
        """The five points, the yellow one slid to the tie, the two tied LAD lines. Returns the
        yellow point and the tied lines."""
        ax, y = p.ax, self.tie_y
        pts = VGroup(*[
            Dot(ax.c2p(px, py), color=style.HIGHLIGHT if i == self.moving else style.DATA,
                radius=0.1)
            for i, (px, py) in enumerate(zip(self.tie_x, y, strict=True))
        ])
        mover = pts[self.moving]
        mover.move_to(ax.c2p(self.base_x, y[self.moving]))
        mark = DashedLine(ax.c2p(self.tie_position, -1), ax.c2p(self.tie_position, 7),
                          color=style.HIGHLIGHT, stroke_width=2, stroke_opacity=0.6)
        mark_name = tex(fill_tex(r"x=#", f"{self.tie_position:.1f}"), size=style.SMALL_SIZE,
                        color=style.HIGHLIGHT).next_to(mark, UP, buff=style.GAP_S)
        ties = VGroup(*[
            DashedLine(*_line_on(ax, v.intercept, v.slope, LAD_X, LAD_Y), color=style.L1,
                       stroke_width=4)
            for v in self.flat_lines
        ])
        self.add(p.head)
        say(
            self,
            "Back to the five points of the stability chapter, the yellow one slid to "
            f"x = {self.tie_position:.1f}, where two least absolute deviations lines tie.",
            Succession(AnimationGroup(FadeIn(p.scatter), FadeIn(pts)),
                       AnimationGroup(Create(mark), FadeIn(mark_name),
                                      mover.animate.move_to(
                                          ax.c2p(self.tie_position, y[self.moving]))),
                       LaggedStart(*[Create(t) for t in ties], lag_ratio=0.5)),
            span=True,
        )
        return mover, ties

    def _show_l1(self, p: _LadPlots, s: _Sweep, i: int, trace: bool = False) -> None:
        """Put the L1 sweep at slope sample ``i`` (tracing the curve up to it if ``trace``)."""
        b = self.slopes
        if trace:
            s.trace.pointwise_become_partial(s.curve, 0, max(i, 1) / (len(b) - 1))
        s.dot.move_to(p.tax.c2p(b[i], self.l1_profile[i]))
        move_line(s.line, p.ax, self.l1_icpt[i], b[i], LAD_X, LAD_Y)
        set_readout(s.slope, float(b[i]))
        set_readout(s.loss, float(self.l1_profile[i]))

    def _say_l1_sweep(self, p: _LadPlots, ties: VGroup) -> _Sweep:
        """The total absolute error traced against the slope while a line sweeps the data."""
        b, last = self.slopes, len(self.slopes) - 1
        # each plot's name is its readout; the slope beside the upper one
        r_slope = readout(r"\text{slope}", float(b[0]), color=style.L1)
        r_l1 = readout(r"\textstyle\sum|r_i|", float(self.l1_profile[0]), color=style.L1)
        r_l1.move_to(p.top_name, aligned_edge=LEFT)
        r_slope.next_to(r_l1, RIGHT, buff=style.GAP_L)
        curve = polyline(p.tax, b, self.l1_profile, style.L1, width=5)
        s = _Sweep(curve, curve.copy(),
                   Dot(p.tax.c2p(b[0], self.l1_profile[0]), color=style.L1, radius=0.12),
                   Line(p.ax.c2p(0, 0), p.ax.c2p(1, 1), color=style.L1, stroke_width=6),
                   loss=r_l1, slope=r_slope)
        self._show_l1(p, s, 0, trace=True)
        moving = VGroup(s.trace, s.dot, s.line, s.slope, s.loss)
        self.add(moving)
        say(
            self,
            "For each slope, give the line its best intercept, and plot the total absolute "
            "error against the slope.",
            FadeIn(p.top), FadeOut(ties),
            UpdateFromAlphaFunc(moving, lambda m, a: self._show_l1(p, s, _index(a, 0, last), True),
                                rate_func=linear),
            span=True,
        )
        return s

    def _say_flat_bottom(self, p: _LadPlots, s: _Sweep) -> tuple[Line, VMobject]:
        """Down to the flat bottom and along it; returns the flat segment and its name."""
        b, last = self.slopes, len(self.slopes) - 1
        i0, i1 = self.flat_idx
        flat = Line(p.tax.c2p(b[i0], self.l1_profile[i0]),
                    p.tax.c2p(b[i1], self.l1_profile[i1]), color=style.HIGHLIGHT, stroke_width=9)
        flat_name = tex(fill_tex(r"\text{flat: slopes #\text{ to }#}", f"{self.flat[0]:.2f}",
                                 f"{self.flat[1]:.2f}"), size=style.SMALL_SIZE,
                        color=style.HIGHLIGHT)
        # above the flat bottom, between the flanks (which only reach this height outside it)
        flat_name.move_to(p.tax.c2p(float(np.mean(self.flat)), 8.0))
        moving = VGroup(s.dot, s.line, s.slope, s.loss)

        def down_and_along(a: float) -> None:
            # down the right flank to the flat bottom, then along all of it
            if a < 0.3:
                self._show_l1(p, s, _index(a / 0.3, last, i1))
            else:
                self._show_l1(p, s, _index((a - 0.3) / 0.7, i1, i0))

        say(
            self,
            f"At the tie the bottom is flat: every slope from {self.flat[0]:.2f} to "
            f"{self.flat[1]:.2f} gives the same smallest error, {self.tie.loss:.2f}.",
            Create(flat), FadeIn(flat_name),
            UpdateFromAlphaFunc(moving, lambda m, a: down_and_along(a), rate_func=linear),
            span=True,
        )
        mid = (i0 + i1) // 2
        say(
            self,
            "Each of those lines is a minimiser. There is no single best line.",
            UpdateFromAlphaFunc(moving, lambda m, a: self._show_l1(p, s, _index(a, i0, mid)),
                                rate_func=smooth),
            span=True,
        )
        return flat, flat_name

    def _show_l2(self, p: _LadPlots, s: _Sweep, i: int, trace: int) -> None:
        """Put the least-squares sweep at slope sample ``i``, the curve traced up to ``trace``."""
        b = self.slopes
        s.trace.pointwise_become_partial(s.curve, 0, max(trace, 1) / (len(b) - 1))
        s.dot.move_to(p.bax.c2p(b[i], self.l2_profile[i]))
        move_line(s.line, p.ax, self.l2_icpt[i], b[i], LAD_X, LAD_Y)
        set_readout(s.loss, float(self.l2_profile[i]))

    def _say_parabola(self, p: _LadPlots) -> tuple[_Sweep, VMobject]:
        """Least squares: the parabola, traced, and its one lowest point (returned with its
        label)."""
        b, last, k = self.slopes, len(self.slopes) - 1, self.ls_idx
        r_l2 = readout(r"\textstyle\sum r_i^2", float(self.l2_profile[0]), color=style.L2)
        r_l2.move_to(p.bottom_name, aligned_edge=LEFT)
        curve = polyline(p.bax, b, self.l2_profile, style.L2, width=5)
        s = _Sweep(curve, curve.copy(),
                   Dot(p.bax.c2p(b[0], self.l2_profile[0]), color=style.L2, radius=0.12),
                   Line(p.ax.c2p(0, 0), p.ax.c2p(1, 1), color=style.L2, stroke_width=6),
                   loss=r_l2)

        def sweep(a: float) -> None:
            # trace the whole parabola, then come back down to its lowest point
            if a < 0.7:
                i = _index(a / 0.7, 0, last)
                self._show_l2(p, s, i, i)
            else:
                self._show_l2(p, s, _index(smooth((a - 0.7) / 0.3), last, k), last)

        self._show_l2(p, s, 0, 0)
        self.add(s.trace, s.dot, s.line, s.loss)
        ls_name = tex(fill_tex(r"\text{one lowest point: slope }#", f"{self.ols.slope:.2f}"),
                      size=style.SMALL_SIZE, color=style.L2)
        ls_name.move_to(p.bax.c2p(0.75, 34))
        say(
            self,
            "For the squared error the curve is a parabola, with one lowest point: least "
            f"squares has exactly one best line, slope {self.ols.slope:.2f}.",
            FadeIn(p.bottom), FadeIn(p.slope_name),
            Succession(
                UpdateFromAlphaFunc(VGroup(s.trace, s.dot, s.line, s.loss),
                                    lambda m, a: sweep(a), rate_func=linear, run_time=5),
                FadeIn(ls_name),
            ),
            span=True,
        )
        return s, ls_name

    def _lowest_point_names(self, ls_name: VMobject) -> dict:
        """The label of the parabola's lowest point, one per slope it shows during the nudge."""
        names = {f"{self.ols.slope:.2f}": ls_name.copy()}
        for o in self.nudge_ols:
            key = f"{o.slope:.2f}"
            if key not in names:
                names[key] = tex(fill_tex(r"\text{one lowest point: slope }#", key),
                                 size=style.SMALL_SIZE, color=style.L2) \
                    .move_to(ls_name, aligned_edge=LEFT)
        return names

    def _nudge_l1(self, p: _LadPlots, s: _Sweep, mover: Dot, j: int) -> None:
        """The point at nudge spot ``j``: the tilted L1 curve, its one winning slope and line."""
        b, prof = self.slopes, self.nudge_profiles[j]
        s.trace.set_points_as_corners(scene_points(p.tax, b, prof))
        mover.move_to(p.ax.c2p(self.nudge_positions[j], self.tie_y[self.moving]))
        i = int(np.searchsorted(b, self.nudge_best[j]))
        s.dot.move_to(p.tax.c2p(b[i], prof[i]))
        move_line(s.line, p.ax, self.nudge_l1_icpt[j], b[i], LAD_X, LAD_Y)
        set_readout(s.slope, float(b[i]))
        set_readout(s.loss, float(prof[i]))

    def _nudge_l2(self, p: _LadPlots, s: _Sweep, j: int) -> None:
        """Least squares at nudge spot ``j``: it glides with the point, one lowest point."""
        ols = self.nudge_ols[j]
        s.trace.set_points_as_corners(scene_points(p.bax, self.slopes,
                                                   self.nudge_l2_profiles[j]))
        s.dot.move_to(p.bax.c2p(ols.slope, self.nudge_ls_loss[j]))
        move_line(s.line, p.ax, ols.intercept, ols.slope, LAD_X, LAD_Y)
        set_readout(s.loss, float(self.nudge_ls_loss[j]))

    def _say_nudge(self, p: _LadPlots, mover: Dot, l1: _Sweep, l2: _Sweep, ls_name: VMobject,
                   flat: Line, flat_name: VMobject) -> None:
        """Off the tie the flat bottom tilts and one slope wins again; least squares glides."""
        steps = len(self.nudge_positions)
        centre, end = (steps - 1) // 2, steps - 1
        names = self._lowest_point_names(ls_name)
        shown = f"{self.ols.slope:.2f}"

        def nudge(j: int) -> None:
            nonlocal shown
            self._nudge_l1(p, l1, mover, j)
            self._nudge_l2(p, l2, j)
            key = f"{self.nudge_ols[j].slope:.2f}"
            if key != shown:
                ls_name.become(names[key])
                shown = key

        def there_and_back(a: float) -> None:
            # right of the tie, then left of it (through the tie again)
            if a < 0.4:
                nudge(_index(a / 0.4, centre, end))
            else:
                nudge(_index((a - 0.4) / 0.6, end, 0))

        nudged = VGroup(l1.trace, mover, l1.dot, l1.line, l1.slope, l1.loss,
                        l2.trace, l2.dot, l2.line, l2.loss, ls_name)
        say(
            self,
            "Ties need special data. Nudge the point either way and the bottom tilts: one "
            "slope wins, as it does for data in general position.",
            FadeOut(flat), FadeOut(flat_name),
            UpdateFromAlphaFunc(nudged, lambda m, a: there_and_back(a), rate_func=linear),
            span=True,
        )

    def _twin_panel(self, title: str, color) -> _Panel:
        lo, hi = TWIN_WINDOW
        axes = house_axes((lo, hi, 0.25), (lo, hi, 0.25), 3.3, 3.3, "w_1", "w_2", numbers=False)
        (ax, _) = axes
        name = tex(title, size=style.LABEL_SIZE, color=color)
        name.next_to(axes, UP, buff=style.GAP_S)
        return _Panel(VGroup(axes, name), axes, ax, name)

    def _twin_layout(self) -> _Twin:
        """The objective over the lasso and ridge panels, the readouts to their right."""
        tw = self.twin
        head = header("A copied feature", PENALTY_TAG)
        objective = tex(r"\tfrac12\,\|y - w_1x - w_2x\|^2 + \lambda\,R(w)",
                        size=style.BODY_SIZE)
        lasso = self._twin_panel(
            fill_tex(r"\text{lasso: }R=|w_1|+|w_2|,\ \lambda=#", f"{tw.lam:g}"), style.L1)
        ridge = self._twin_panel(
            fill_tex(r"\text{ridge: }R=w_1^2+w_2^2,\ \lambda=#", f"{tw.ridge_lam:.2f}"),
            style.L2)
        r_w1 = readout("w_1", float(self.slide[0, 0]), color=style.L1)
        r_w2 = readout("w_2", float(self.slide[0, 1]), color=style.L1)
        r_obj = readout(r"\text{objective}", float(self.slide_values[0]), color=style.L1)
        lasso_reads = VGroup(r_w1, r_w2, r_obj).arrange(DOWN, aligned_edge=LEFT,
                                                        buff=style.GAP_S)
        ridge_read = tex(fill_tex(r"w_1=w_2=#", f"{tw.ridge_coef[0]:.2f}"),
                         size=style.LABEL_SIZE, color=style.L2)
        ridge_obj = tex(fill_tex(r"\text{objective}=#", f"{self.ridge_value:.2f}"),
                        size=style.LABEL_SIZE, color=style.L2)
        ridge_reads = VGroup(ridge_read, ridge_obj).arrange(DOWN, aligned_edge=LEFT,
                                                            buff=style.GAP_S)
        sum_read = tex(fill_tex(r"w_1+w_2=#", f"{tw.s:.2f}"), size=style.LABEL_SIZE,
                       color=style.LOSS)
        contour_name = tex(r"\text{contours of the squared error}", size=style.SMALL_SIZE,
                           color=style.LOSS)
        reads = VGroup(contour_name, sum_read, lasso_reads, ridge_reads).arrange(
            DOWN, aligned_edge=LEFT, buff=style.GAP + style.GAP_S)
        body = VGroup(lasso.group, ridge.group, reads).arrange(RIGHT, buff=style.GAP_L,
                                                               aligned_edge=UP)
        block = VGroup(objective, body).arrange(DOWN, buff=style.GAP)
        fit_width(block)
        block.next_to(head, DOWN, buff=style.GAP).set_x(0)
        return _Twin(head, objective, lasso, ridge, r_w1, r_w2, r_obj, lasso_reads,
                     ridge_reads, sum_read, contour_name)

    def _twin_segment(self) -> None:
        """A copied feature: the lasso's diamond meets a contour along a whole edge, ridge's
        circle touches it at one point."""
        t = self._twin_layout()
        self._say_contours(t)
        self._say_diamond(t)
        self._say_slide(t)
        self._say_circle(t)
        self.wait(HOLD)

    def _contours(self, ax) -> tuple[Line, list[Line]]:
        """The data-loss contours on one panel: the least-squares line w1 + w2 = s_ls (drawn
        wider) and the lower ones."""
        least_squares, *lower = [_contour(ax, c) for c in self.contour_sums]
        least_squares.set_stroke(width=5)
        return least_squares, lower

    def _say_contours(self, t: _Twin) -> None:
        """The objective, both panels, and the squared error's parallel contour lines."""
        contours = [self._contours(panel.ax) for panel in (t.lasso, t.ridge)]
        ls_name = tex(fill_tex(r"\text{least squares: any }w_1+w_2=#", f"{self.twin.s_ls:.2f}"),
                      size=style.SMALL_SIZE, color=style.LOSS)
        ls_name.next_to(t.lasso.ax, DOWN, buff=style.GAP_S).align_to(t.lasso.ax, LEFT)
        self.add(t.head)
        say(
            self,
            "Now L1 as a penalty, with one feature put into the model twice. The fit only "
            "sees the sum, w1 plus w2: least squares is best anywhere on one line.",
            Succession(Write(t.objective, run_time=1.5),
                       AnimationGroup(Create(t.lasso.axes), Create(t.ridge.axes),
                                      FadeIn(t.lasso.title), FadeIn(t.ridge.title),
                                      run_time=2.0),
                       AnimationGroup(*[Create(ls) for ls, _ in contours], FadeIn(ls_name),
                                      run_time=1.5)),
            span=True,
        )
        say(
            self,
            "So the squared error's contours are straight lines, w1 plus w2 constant, all "
            "parallel to that one.",
            AnimationGroup(*[LaggedStart(*[Create(c) for c in lower], lag_ratio=0.5)
                             for _, lower in contours], FadeIn(t.contour_name)),
            span=True,
        )

    def _say_diamond(self, t: _Twin) -> None:
        """The diamond grows until its edge meets the contour w1 + w2 = s."""
        ax, s = t.lasso.ax, self.twin.s
        diamond = Polygon(*[ax.c2p(*p) for p in ((s, 0), (0, s), (-s, 0), (0, -s))],
                          color=style.L1, stroke_width=4, fill_opacity=0.15)
        origin = ax.c2p(0, 0)
        diamond.scale(0.02, about_point=origin)
        edge = Line(ax.c2p(s, 0), ax.c2p(0, s), color=style.L1, stroke_width=10)
        say(
            self,
            "The lasso's diamond has edges parallel to those lines, so it meets its contour, "
            f"w1 plus w2 = {s:.2f}, along a whole edge.",
            Succession(diamond.animate(run_time=4).scale(50, about_point=origin),
                       AnimationGroup(Create(edge), FadeIn(t.sum_read), run_time=1.5)),
            span=True,
        )

    def _say_slide(self, t: _Twin) -> None:
        """A point slides along the edge: the split (a stacked bar) changes, the objective
        does not."""
        ax, s, last = t.lasso.ax, self.twin.s, SLIDE - 1
        dot = Dot(ax.c2p(*self.slide[0]), color=style.HIGHLIGHT, radius=0.13)
        # the split as a stacked bar: w1 solid, w2 faded, the total fixed
        x0 = t.lasso_reads.get_left() + (t.lasso_reads.height / 2 + 0.3) * DOWN
        bar1 = VMobject(stroke_color=style.L1, stroke_width=22)
        bar2 = VMobject(stroke_color=style.L1, stroke_width=22, stroke_opacity=0.4)
        self.add(dot, t.lasso_reads, bar1, bar2)

        def slide(a: float) -> None:
            i = _index(a, 0, last)
            dot.move_to(ax.c2p(*self.slide[i]))
            split = x0 + BAR * self.slide[i, 0] * RIGHT
            bar1.set_points_as_corners([x0, split])
            bar2.set_points_as_corners([split, x0 + BAR * s * RIGHT])
            set_readout(t.w1, float(self.slide[i, 0]))
            set_readout(t.w2, float(self.slide[i, 1]))
            set_readout(t.value, float(self.slide_values[i]))

        slide(0.0)
        say(
            self,
            "Slide along that edge: the split changes, the objective does not. Every point of "
            "it is a lasso answer.",
            UpdateFromAlphaFunc(VGroup(dot, t.w1, t.w2, t.value, bar1, bar2),
                                lambda m, a: slide(a), rate_func=smooth),
            span=True,
        )

    def _say_circle(self, t: _Twin) -> None:
        """Ridge: the circle touches the same line at one point, the equal split."""
        tw, bx = self.twin, t.ridge.ax
        r = float(np.hypot(*tw.ridge_coef))
        radius = bx.c2p(r, 0)[0] - bx.c2p(0, 0)[0]
        circle = Circle(radius=radius, color=style.L2, stroke_width=4, fill_opacity=0.15)
        circle.move_to(bx.c2p(0, 0)).scale(0.02)
        rdot = Dot(bx.c2p(*tw.ridge_coef), color=style.L2, radius=0.13)
        y0 = t.ridge_reads.get_left() + (t.ridge_reads.height / 2 + 0.3) * DOWN
        half = tw.ridge_coef[0]
        halves = VGroup(
            Line(y0, y0 + BAR * half * RIGHT, color=style.L2, stroke_width=22),
            Line(y0 + BAR * half * RIGHT, y0 + BAR * tw.s * RIGHT,
                 color=style.L2, stroke_width=22, stroke_opacity=0.4),
        )
        say(
            self,
            "Ridge's circle, with its lambda set to reach the same line, touches it at one "
            f"point only: the equal split, {half:.2f} each. L2 breaks the tie.",
            Succession(circle.animate(run_time=4).scale(50),
                       AnimationGroup(FadeIn(rdot, scale=3), FadeIn(t.ridge_reads),
                                      Create(halves), run_time=1.5)),
            span=True,
        )

    # ------------------------------------------------------------------ 6. takeaway
    def takeaway(self) -> None:
        """L1: a flat bottom is possible, for special data. L2 penalty: one answer."""
        self.open_beat("takeaway")
        head = header("Takeaway", TAKE_TAG)
        page = self._takeaway_page(head)
        self.add(head)
        curve, flat, dot = self._say_flat_possible(page)
        self._say_special_data(page, curve, flat, dot)
        self._say_one_answer(page)
        say(
            self,
            "And the many taxicab routes are only an analogy: many paths of the same length, "
            "not many minimisers of a fit.",
            FadeIn(page.town), FadeIn(page.note),
            Succession(*[Create(r, rate_func=linear) for r in page.routes]),
            span=True,
        )
        self.wait(HOLD)

    def _takeaway_page(self, head: VGroup) -> _Takeaway:
        """Two columns (L1, L2), each with its claims and a mini plot; the taxicab footnote."""
        lo, hi = SLOPES[:2]
        mini_l1 = house_axes((lo, hi, 0.4), (5, 10, 1), 4.2, 0.9, None, None, numbers=False)
        mini_l2 = house_axes((lo, hi, 0.4), (0, 40, 10), 4.2, 0.9, None, None, numbers=False)
        l1_lines = [label("L1 loss or penalty", style.BODY_SIZE, style.L1),
                    label("can have a flat bottom: many", style.LABEL_SIZE),
                    label("equally good fits,", style.LABEL_SIZE)]
        special = label("but only for special data", style.LABEL_SIZE)
        l1_caption = VGroup(label("LAD loss against slope:", style.SMALL_SIZE, style.MUTED),
                            label("at the tie, nudged", style.SMALL_SIZE, style.MUTED),
                            ).arrange(DOWN, aligned_edge=LEFT, buff=style.GAP_S)
        l1 = VGroup(*l1_lines, special, mini_l1, l1_caption).arrange(
            DOWN, aligned_edge=LEFT, buff=style.GAP_S)
        l2_lines = [label("L2 penalty (ridge)", style.BODY_SIZE, style.L2),
                    label("curved in every direction:", style.LABEL_SIZE),
                    label("always exactly one answer", style.LABEL_SIZE),
                    label("(least squares too, unless features repeat)", style.SMALL_SIZE,
                          style.MUTED)]
        l2_caption = label("squared loss against slope", style.SMALL_SIZE, style.MUTED)
        l2 = VGroup(*l2_lines, mini_l2, l2_caption).arrange(DOWN, aligned_edge=LEFT,
                                                             buff=style.GAP_S)
        # no wider than the frame: fit_width would shrink the small text below the house size
        cols = VGroup(l1, l2).arrange(RIGHT, buff=style.GAP, aligned_edge=UP)
        mini_l2.match_y(mini_l1)  # the plots and their captions side by side
        l2_caption.match_y(l1_caption)
        m, n = GRID
        town = _city(m, n, cell=0.13, width=1.0)
        routes = VGroup(*[_route(town, p, color=style.L1, width=5) for p in self.samples[:3]])
        note = label("Taxicab routes: many paths of one length, an analogy only",
                     style.SMALL_SIZE, style.MUTED)
        foot = VGroup(VGroup(town, routes), note).arrange(RIGHT, buff=style.GAP)
        page = VGroup(cols, foot).arrange(DOWN, buff=style.GAP)
        fit_width(page)
        page.next_to(head, DOWN, buff=style.GAP).set_x(0)
        (ax1, _), (ax2, _) = mini_l1, mini_l2
        return _Takeaway(l1_lines, special, mini_l1, ax1, l1_caption, l2_lines, mini_l2, ax2,
                         l2_caption, town, routes, note)

    def _say_flat_possible(self, t: _Takeaway) -> tuple[VMobject, Line, Dot]:
        """The L1 claim: the tie's curve with its flat bottom; returns curve, flat and dot."""
        b, prof = self.slopes, self.l1_profile
        i0, i1 = self.flat_idx
        curve = polyline(t.l1_ax, b, prof, style.L1, width=5)
        flat = Line(t.l1_ax.c2p(b[i0], prof[i0]), t.l1_ax.c2p(b[i1], prof[i1]),
                    color=style.HIGHLIGHT, stroke_width=7)
        dot = Dot(t.l1_ax.c2p(b[i0], prof[i0]), color=style.HIGHLIGHT, radius=0.12)
        say(
            self,
            "The takeaway. An L1 loss or penalty can have a flat bottom: a whole set of "
            "equally good fits.",
            Succession(AnimationGroup(*[FadeIn(x) for x in t.l1_lines], FadeIn(t.l1_plot)),
                       Create(curve, run_time=2), AnimationGroup(Create(flat), FadeIn(dot)),
                       dot.animate(run_time=2).move_to(t.l1_ax.c2p(b[i1], prof[i1]))),
            span=True,
        )
        return curve, flat, dot

    def _say_special_data(self, t: _Takeaway, curve: VMobject, flat: Line, dot: Dot) -> None:
        """Only for special data: the curve of the nudged point tilts to one winner."""
        b = self.slopes
        tilted = self.nudge_profiles[-1]  # the point nudged furthest right
        j = int(np.searchsorted(b, self.nudge_best[-1]))
        ghost = curve.copy().set_stroke(color=style.MUTED, width=4)
        bent = polyline(t.l1_ax, b, tilted, style.MUTED, width=4)
        dot_bent = Dot(t.l1_ax.c2p(b[j], tilted[j]), color=style.DATA, radius=0.12)
        self.add(ghost)
        self.bring_to_front(curve, flat, dot)
        say(
            self,
            "But only for special data, like a point exactly at a tie or a copied feature. "
            "Move the data a little and one answer wins again.",
            FadeIn(t.special), FadeIn(t.l1_caption),
            Succession(ghost.animate(run_time=3).become(bent), FadeIn(dot_bent, scale=3)),
            span=True,
        )

    def _say_one_answer(self, t: _Takeaway) -> None:
        """The L2 claim: the parabola traced, and a dot rolling down to its one bottom."""
        b, prof, k = self.slopes, self.l2_profile, self.ls_idx
        curve = polyline(t.l2_ax, b, prof, style.L2, width=5)
        trace = curve.copy()
        dot = Dot(t.l2_ax.c2p(b[0], prof[0]), color=style.L2, radius=0.15)
        last = len(b) - 1

        def roll(_mob, a: float) -> None:
            # trace the parabola with the dot at its tip, then roll down to its one bottom
            i = _index(a / 0.6, 0, last) if a < 0.6 else _index((a - 0.6) / 0.4, last, k)
            trace.pointwise_become_partial(curve, 0, max(_index(a / 0.6, 0, last), 1) / last)
            dot.move_to(t.l2_ax.c2p(b[i], prof[i]))

        roll(None, 0.0)
        say(
            self,
            "An L2 penalty curves up in every direction: ridge always has exactly one "
            "answer, and least squares too, unless features repeat.",
            AnimationGroup(*[FadeIn(x) for x in t.l2_lines], FadeIn(t.l2_plot),
                           FadeIn(t.l2_caption), run_time=style.NORMAL),
            UpdateFromAlphaFunc(VGroup(trace, dot), roll, rate_func=linear),
            span=True,
        )
