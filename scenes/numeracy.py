"""Chapter: one straight line, many Manhattan paths -- and when an L1 problem has many answers.

Render it from the repository root:  ``manim -pqh scenes/numeracy.py``

Beats (one method each, in order): title, two-distances, many-paths, why-count,
many-minimisers, takeaway. Every number on screen is computed in ``setup()`` by ``mathutils``;
updaters only look values up in those precomputed arrays.
"""

from __future__ import annotations

import numpy as np
from manim import (
    DL,
    DOWN,
    LEFT,
    RIGHT,
    UL,
    UP,
    UR,
    Animation,
    Create,
    DashedLine,
    Dot,
    FadeIn,
    FadeOut,
    Indicate,
    LaggedStart,
    Line,
    SurroundingRectangle,
    Transform,
    UpdateFromAlphaFunc,
    ValueTracker,
    VGroup,
    VMobject,
    linear,
)

from mathutils import Line as FitLine
from mathutils import (
    absolute_loss,
    count_shortest_paths,
    ols_fit,
    sample_shortest_paths,
    shortest_paths,
    squared_loss,
)
from mathutils.coordinate import lasso_objective, level_curve
from mathutils.lad import nudge_example
from mathutils.minimisers import (
    grid_distances,
    lad_family,
    lad_tie,
    path_length,
    route_word,
    twin_lasso,
)
from scenes import style
from scenes.chapter import Chapter
from scenes.components import (
    centre_below,
    clear,
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

DIST_TAG = "L1 / L2 as distances"
LOSS_TAG = "L1 as a loss"
PENALTY_TAG = "L1 / L2 as penalties"

# ---- the chapter's parameters (every value shown is computed from these by mathutils) ------
GRID = (6, 6)  # beats 2, 3: blocks across and up
SMALL = (3, 2)  # beats 3, 4: the grid whose routes are all shown
SAMPLES = 14  # beat 3: routes drawn one after another
SEED = 2024  # beat 3: the only randomness (which routes are drawn)
SWEEP = 121  # beat 5: samples of the LAD family and of the lasso segment
TWIN_N, TWIN_SEED = 30, 5  # beat 5b: the data of the two-identical-features lasso
TWIN_ALPHA, TWIN_RIDGE = 0.3, 8.0  # beat 5b: lasso and ridge penalties (scikit-learn scaling)
TWIN_LEVELS = (0.03, 0.1, 0.2)  # beat 5b: contour levels above the lasso minimum


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


def _route(city: VGroup, path, color=style.L1, width: float = 7.0, opacity: float = 1.0):
    """A route along the streets through the corners ``path``."""
    return VMobject(stroke_color=color, stroke_width=width, stroke_opacity=opacity) \
        .set_points_as_corners(_at(city, path))


def _line_on(ax, intercept: float, slope: float, x_range, color, width: float = 5.0) -> Line:
    """The line y = intercept + slope x drawn across ``x_range`` of axes ``ax``."""
    x0, x1 = x_range
    return Line(ax.c2p(x0, intercept + slope * x0), ax.c2p(x1, intercept + slope * x1),
                color=color, stroke_width=width)


class ManyManhattanPaths(Chapter):
    """Chapter 6: one straight line but many taxicab routes; when L1 has many minimisers."""

    SLUG = "numeracy"
    QUESTION = "Is the shortest route, or the best fit, unique?"
    OPENING = ("Between two points there is one straight line, but many ways to drive through "
               "a city grid. Does that mean an L1 problem has many answers? Sometimes, and "
               "only sometimes.")

    # ------------------------------------------------------------------ numbers (mathutils)
    def setup(self) -> None:
        """Compute every number the chapter shows, before anything is animated."""
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
        # Beat 5a: the LAD tie of the stability chapter (moving point at the tie position).
        ex = nudge_example()
        self.tie_x, self.tie_y = ex.data_at(ex.tie_position)
        self.moving = ex.moving
        self.tie = lad_tie(self.tie_x, self.tie_y)
        self.family_t = np.linspace(0.0, 1.0, SWEEP)
        self.family = lad_family(self.tie, self.family_t)
        self.family_losses = np.array([
            absolute_loss(FitLine(a, b), self.tie_x, self.tie_y) for a, b in zip(*self.family,
                                                                               strict=True)
        ])
        self.ols = ols_fit(self.tie_x, self.tie_y)
        self.ols_loss = squared_loss(self.ols, self.tie_x, self.tie_y)
        # Beat 5b: a lasso with the same feature twice; ridge on the same data.
        rng = np.random.default_rng(TWIN_SEED)
        x = rng.normal(size=TWIN_N)
        y = 1.2 * x + 0.5 * rng.normal(size=TWIN_N)
        self.twin = twin_lasso(x, y, TWIN_ALPHA, TWIN_RIDGE)
        self.segment_points = self.twin.split(self.family_t)
        self.segment_values = lasso_objective(self.twin.X, y, self.segment_points, TWIN_ALPHA)
        self.twin_levels = [self.twin.lasso_value + d for d in TWIN_LEVELS]
        self.twin_contours = [
            level_curve(self.twin.X, y, TWIN_ALPHA, "lasso", lev, num=240)
            for lev in self.twin_levels
        ]
        every = np.vstack(self.twin_contours)
        self.twin_window = (np.floor(2 * every.min()) / 2, np.ceil(2 * every.max()) / 2)

    # ------------------------------------------------------------------ table of contents
    def construct(self) -> None:
        """The chapter, beat by beat."""
        self.title_beat()
        self.two_distances()
        self.many_paths()
        self.why_count()
        self.many_minimisers()
        self.takeaway()

    # ------------------------------------------------------------------ 1. title
    # ------------------------------------------------------------------ 2. two distances
    def _big_city(self) -> VGroup:
        m, n = GRID
        city = _city(m, n, cell=0.8)
        city.to_edge(LEFT, buff=style.EDGE + style.GAP_L)
        city.to_edge(UP, buff=style.EDGE + style.HEADING_SIZE / 48 + style.GAP_L)
        return city

    def two_distances(self) -> None:
        """The straight segment (L2) vs the street distance (L1) across a 6 x 6 grid."""
        self.open_beat("two-distances")
        d = self.distances
        head = header("Two distances across a city", DIST_TAG)
        city = self._big_city()
        a = _at(city, [0, 0])[0]
        b = _at(city, [d.m, d.n])[0]
        dots = VGroup(Dot(a, color=style.DATA), Dot(b, color=style.DATA))
        names = VGroup(
            tex("A", color=style.DATA).next_to(dots[0], DL, buff=style.GAP_S),
            tex("B", color=style.DATA).next_to(dots[1], UR, buff=style.GAP_S),
        )
        self.add(head)
        say(
            self,
            f"Walk across a city grid from corner A to corner B: {d.m} blocks across and "
            f"{d.n} blocks up.",
            FadeIn(city), FadeIn(dots), FadeIn(names),
        )
        straight = Line(a, b, color=style.L2, stroke_width=7)
        exact = fill_tex(r"=#\sqrt{2}", d.m) if d.m == d.n else ""
        l2_text = tex(
            fill_tex(r"\|(#,#)\|_2=\sqrt{#^2+#^2}#\approx #",
                  d.m, d.n, d.m, d.n, exact, f"{d.euclidean:.2f}"),
            size=style.BODY_SIZE, color=style.L2,
        )
        l2_name = label("straight line (L2, Euclidean)", style.LABEL_SIZE, style.L2)
        l2 = VGroup(l2_name, l2_text).arrange(DOWN, aligned_edge=LEFT, buff=style.GAP_S)
        l2.next_to(city, RIGHT, buff=style.GAP_L).align_to(city, UP)
        say(
            self,
            f"As the crow flies, the distance is the straight segment: the Euclidean, or L2, "
            f"length, about {d.euclidean:.2f} blocks. No other route is that short.",
            Create(straight), FadeIn(l2),
            run_time=style.LONG,
        )
        r1 = _route(city, self.example_routes[0])
        l1_text = tex(
            fill_tex(r"\|(#,#)\|_1=#+#=#", d.m, d.n, d.m, d.n, round(d.taxicab)),
            size=style.BODY_SIZE, color=style.L1,
        )
        l1_name = label("along the streets (L1, taxicab)", style.LABEL_SIZE, style.L1)
        l1 = VGroup(l1_name, l1_text).arrange(DOWN, aligned_edge=LEFT, buff=style.GAP_S)
        l1.next_to(l2, DOWN, buff=style.GAP_L, aligned_edge=LEFT)
        say(
            self,
            f"A car must follow the streets. Its distance is the taxicab, or L1, length: "
            f"{d.m} plus {d.n}, {round(d.taxicab)} blocks.",
            Create(r1), FadeIn(l1),
            run_time=style.LONG,
        )
        r2 = _route(city, self.example_routes[1], color=style.HIGHLIGHT)
        note = label(
            f"another route: also {round(self.example_lengths[1])} blocks",
            style.LABEL_SIZE, style.HIGHLIGHT,
        ).next_to(l1, DOWN, buff=style.GAP_L, aligned_edge=LEFT)
        say(
            self,
            f"But here is a different street route, and it is also exactly "
            f"{round(self.example_lengths[1])} blocks long. The straight line is unique; "
            f"the shortest street route is not.",
            Create(r2), FadeIn(note),
            run_time=style.LONG,
        )

    # ------------------------------------------------------------------ 3. many paths
    def many_paths(self) -> None:
        """Sampled shortest routes with a counter, the exact count, all routes of a 3 x 2 grid."""
        self.open_beat("many-paths")
        m, n = GRID
        head = header("How many shortest routes?", DIST_TAG)
        city = self._big_city()
        # Each new route is drawn in the highlight colour; the one before it settles into L1.
        routes = VGroup(*[_route(city, p, color=style.HIGHLIGHT, width=7) for p in self.samples])
        counter = readout(r"\text{routes drawn}", 0, color=style.L1, decimals=0,
                          size=style.BODY_SIZE)
        length = tex(fill_tex(r"\text{length of each}=#", round(self.sample_lengths[0])),
                     size=style.BODY_SIZE, color=style.TEXT)
        info = VGroup(counter, length).arrange(DOWN, aligned_edge=LEFT, buff=style.GAP)
        info.next_to(city, RIGHT, buff=style.GAP_L).align_to(city, UP)
        self.add(head, city, info)
        k = len(self.samples)

        def settle(route) -> Animation:
            return route.animate.set_stroke(color=style.L1, width=5, opacity=0.45)

        steps = [
            (Create(r), UpdateFromAlphaFunc(counter, lambda m, a, i=i: set_readout(m, i + 1)),
             *([settle(routes[i - 1])] if i else []))
            for i, r in enumerate(routes)
        ]
        narrate_steps(
            self,
            f"Draw shortest street routes at random, one after another. Every one is "
            f"{round(self.sample_lengths[0])} blocks long, and they keep coming: "
            f"here are {k} different ones.",
            steps, 0.5,
        )
        self.play(settle(routes[-1]), run_time=style.SHORT)
        exact = tex(
            fill_tex(r"\text{all of them: }\binom{#+#}{#}=#", m, n, n, self.route_count),
            size=style.BODY_SIZE, color=style.HIGHLIGHT,
        ).next_to(info, DOWN, buff=style.GAP_L, aligned_edge=LEFT)
        say(
            self,
            f"How many are there in all? Exactly {self.route_count}: the binomial coefficient "
            f"{m + n} choose {n}.",
            FadeIn(exact),
        )
        # All routes of the small grid, as small multiples.
        sm, sn = SMALL
        tiles = VGroup()
        for p in self.small_routes:
            c = _city(sm, sn, cell=0.42, width=1.5)
            tiles.add(VGroup(c, _route(c, p, color=style.L1, width=5)))
        tiles.arrange_in_grid(rows=2, buff=style.GAP_L)
        fit_width(tiles)
        caption = tex(
            fill_tex(r"\text{a #}\times\text{# grid: all }\binom{#}{#}=#\text{ shortest routes}",
                  sm, sn, sm + sn, sn, self.small_count),
            size=style.BODY_SIZE,
        )
        VGroup(caption, tiles).arrange(DOWN, buff=style.GAP_L).next_to(head, DOWN, buff=style.GAP_L)
        self.play(FadeOut(city), FadeOut(routes), FadeOut(info), FadeOut(exact),
                  run_time=style.SHORT)
        say(
            self,
            f"On a small grid, {sm} blocks across and {sn} up, we can show every shortest "
            f"route: there are {self.small_count}, and all have length {sm + sn}.",
            FadeIn(caption), LaggedStart(*[FadeIn(t) for t in tiles], lag_ratio=0.2),
            run_time=style.LONG,
        )

    # ------------------------------------------------------------------ 4. why count
    def why_count(self) -> None:
        """A route is a word of R and U moves; choosing where the U's go counts them."""
        self.open_beat("why-count")
        sm, sn = SMALL
        head = header("Why that number?", DIST_TAG)
        city = _city(sm, sn, cell=1.1)
        city.next_to(head, DOWN, buff=style.GAP_L).to_edge(LEFT, buff=style.EDGE + style.GAP_L)
        pick = 3
        path = self.small_routes[pick]
        word = self.small_words[pick]
        route = _route(city, path)
        letters = VGroup(*[
            label(ch, style.HEADING_SIZE, style.L1 if ch == "R" else style.L2) for ch in word
        ])
        boxes = VGroup(*[
            SurroundingRectangle(t, color=style.MUTED, buff=0.18, stroke_width=2)
            .stretch_to_fit_width(0.75).stretch_to_fit_height(0.8) for t in letters
        ]).arrange(RIGHT, buff=style.GAP_S)
        for t, bx in zip(letters, boxes, strict=True):
            t.move_to(bx)
        word_group = VGroup(boxes, letters).next_to(city, RIGHT, buff=style.GAP_L * 1.5)
        legend = label("R = one block right,  U = one block up", style.LABEL_SIZE, style.MUTED)
        legend.next_to(word_group, DOWN, buff=style.GAP, aligned_edge=LEFT)
        self.add(head, city)
        steps = [
            _route(city, path[i: i + 2], color=style.L1 if ch == "R" else style.L2)
            for i, ch in enumerate(word)
        ]
        say(
            self,
            f"Write a route as a word: R for one block right, U for one block up. "
            f"This route is {' '.join(word)}.",
            FadeIn(boxes), FadeIn(legend),
            LaggedStart(*[
                LaggedStart(Create(s), FadeIn(t), lag_ratio=0.3)
                for s, t in zip(steps, letters, strict=True)
            ], lag_ratio=1.0),
            run_time=style.LONG + 1.0,
        )
        self.remove(*steps)
        self.add(route)
        others = [w for i, w in enumerate(self.small_words) if i != pick][:3]
        other_paths = [p for i, p in enumerate(self.small_routes) if i != pick][:3]
        steps = []
        for w, p in zip(others, other_paths, strict=True):
            new_letters = VGroup(*[
                label(ch, style.HEADING_SIZE, style.L1 if ch == "R" else style.L2).move_to(bx)
                for ch, bx in zip(w, boxes, strict=True)
            ])
            steps.append((Transform(letters, new_letters), Transform(route, _route(city, p))))
        narrate_steps(
            self,
            f"Every shortest route uses exactly {sm} R's and {sn} U's, in some order, and "
            f"every order is a route.",
            steps, style.NORMAL,
        )
        formula = tex(
            fill_tex(r"\binom{#}{#}=\frac{#!}{#!\,#!}=#", sm + sn, sn, sm + sn, sm, sn,
                  self.small_count),
            size=style.BODY_SIZE, color=style.HIGHLIGHT,
        ).next_to(legend, DOWN, buff=style.GAP_L, aligned_edge=LEFT)
        say(
            self,
            f"So a route is fixed by choosing which {sn} of the {sm + sn} slots hold a U: "
            f"{sm + sn} choose {sn}, which is {self.small_count}.",
            FadeIn(formula),
        )
        m, n = GRID
        general = tex(
            fill_tex(r"m\times n\text{ blocks: }\binom{m+n}{n};\quad #\times#:\ \binom{#}{#}=#",
                  m, n, m + n, n, self.route_count),
            size=style.BODY_SIZE,
        ).next_to(formula, DOWN, buff=style.GAP, aligned_edge=LEFT)
        fit_width(general)
        say(
            self,
            f"In general, m blocks across and n up give m plus n choose n routes; for the "
            f"{m} by {n} grid that is {self.route_count}.",
            FadeIn(general),
        )

    # ------------------------------------------------------------------ 5. many minimisers
    def many_minimisers(self) -> None:
        """(a) the LAD tie: a family of optimal lines; (b) twin features: a segment of lassos."""
        self.open_beat("many-minimisers")
        self._lad_family()
        clear(self)
        self._twin_segment()
        clear(self)
        self._honest()

    def _lad_family(self) -> None:
        head = header("An L1 loss can have a flat bottom", LOSS_TAG)
        x, y = self.tie_x, self.tie_y
        axes_group = house_axes((0, 8, 1), (-1, 7, 1), 6.6, 5.2, "x", "y")
        ax = axes_group[0]
        a_arr, b_arr = self.family
        info_l1 = readout(r"\textstyle\sum|r_i|", float(self.family_losses[0]), color=style.L1)
        slope = readout(r"\text{slope}", float(b_arr[0]), color=style.L1)
        l1_name = label("least absolute deviations", style.LABEL_SIZE, style.L1)
        l1_box = VGroup(l1_name, info_l1, slope).arrange(DOWN, aligned_edge=LEFT,
                                                         buff=style.GAP_S)
        l2_name = label("least squares: one line", style.LABEL_SIZE, style.L2)
        l2_val = readout(r"\textstyle\sum r_i^2", self.ols_loss, color=style.L2)
        l2_box = VGroup(l2_name, l2_val).arrange(DOWN, aligned_edge=LEFT, buff=style.GAP_S)
        column = VGroup(l1_box, l2_box).arrange(DOWN, aligned_edge=LEFT, buff=style.GAP_L)
        layout = VGroup(axes_group, column).arrange(RIGHT, buff=style.GAP_L)
        fit_width(layout)
        layout.next_to(head, DOWN, buff=style.GAP).set_x(0)
        pts = VGroup(*[
            Dot(ax.c2p(a, b), color=style.HIGHLIGHT if i == self.moving else style.DATA,
                radius=0.08)
            for i, (a, b) in enumerate(zip(x, y, strict=True))
        ])
        xr = (0.2, 7.8)
        v0, v1 = self.tie.vertices[0], self.tie.vertices[-1]
        ends = VGroup(
            DashedLine(*_line_on(ax, v0.intercept, v0.slope, xr, style.L1).get_start_and_end(),
                       color=style.L1, stroke_width=3),
            DashedLine(*_line_on(ax, v1.intercept, v1.slope, xr, style.L1).get_start_and_end(),
                       color=style.L1, stroke_width=3),
        )
        self.add(head)
        say(
            self,
            "Back to the five points of the stability chapter, with the nudged point at the "
            "spot where least absolute deviations ties.",
            FadeIn(axes_group), FadeIn(pts),
        )
        say(
            self,
            f"Two lines through pairs of points have the same smallest total absolute error, "
            f"{self.tie.loss:.2f}.",
            Create(ends), FadeIn(l1_box),
        )
        t = ValueTracker(0.0)
        sweep = _line_on(ax, a_arr[0], b_arr[0], xr, style.L1, width=6)

        def at() -> int:
            return int(round(t.get_value() * (SWEEP - 1)))

        def follow(mob) -> None:
            a, b = a_arr[at()], b_arr[at()]
            mob.put_start_and_end_on(ax.c2p(xr[0], a + b * xr[0]), ax.c2p(xr[1], a + b * xr[1]))

        # Readouts update themselves (an updater makes manim redraw them every frame).
        sweep.add_updater(follow)
        info_l1.add_updater(lambda m: set_readout(m, float(self.family_losses[at()])))
        slope.add_updater(lambda m: set_readout(m, float(b_arr[at()])))
        self.add(sweep)
        say(
            self,
            "And so does every line in between: mix their intercepts and slopes, and the "
            "slope changes while the total absolute error stays exactly the same. The minimum "
            "is a whole family of lines.",
            t.animate(rate_func=linear).set_value(1.0),
            run_time=2 * style.LONG,
        )
        say(self, "Sweep back: still the same error. There is no single best line.",
            t.animate(rate_func=linear).set_value(0.5), run_time=style.LONG)
        for mob in (sweep, info_l1, slope):
            mob.clear_updaters()
        ols = _line_on(ax, self.ols.intercept, self.ols.slope, xr, style.L2, width=5)
        say(
            self,
            "The squared loss curves up in every direction, so least squares has exactly one "
            "best line whenever the x values are not all equal.",
            Create(ols), FadeIn(l2_box),
        )

    def _twin_segment(self) -> None:
        tw = self.twin
        head = header("Two identical features", PENALTY_TAG)
        lo, hi = self.twin_window
        side = 4.8
        axes_group = house_axes((lo, hi, 0.5), (lo, hi, 0.5), side, side, "w_1", "w_2")
        ax = axes_group[0]
        axes_group.next_to(head, DOWN, buff=style.GAP).to_edge(LEFT, buff=style.EDGE + style.GAP_L)
        contours = VGroup(*[
            polyline(ax, c[:, 0], c[:, 1], style.LOSS, width=2, closed=True)
            for c in self.twin_contours
        ])
        seg = Line(ax.c2p(*tw.segment[0]), ax.c2p(*tw.segment[1]), color=style.L1,
                   stroke_width=9)
        model = tex(r"y \approx w_1 x + w_2 x", size=style.BODY_SIZE)
        why = tex(r"|w_1|+|w_2| = |w_1+w_2|\ \text{if same signs}", size=style.LABEL_SIZE)
        sline = tex(fill_tex(r"\text{lasso: every } w_1+w_2 = #,\ \text{same signs}",
                             f"{tw.s:.2f}"), size=style.LABEL_SIZE, color=style.L1)
        value = readout(r"\text{lasso objective}", float(self.segment_values[0]),
                        color=style.L1, decimals=4)
        info = VGroup(model, why, sline, value).arrange(DOWN, aligned_edge=LEFT, buff=style.GAP)
        info.next_to(axes_group, RIGHT, buff=style.GAP_L).align_to(axes_group, UP)
        fit_width(info, margin=0)
        self.add(head)
        say(
            self,
            "Now L1 as a penalty. Put the same feature into a lasso twice. The fit only sees "
            "the sum of the two weights.",
            FadeIn(axes_group), FadeIn(model),
        )
        say(
            self,
            f"When both weights have the same sign, the penalty only sees that sum too. So "
            f"every split with w1 plus w2 equal to {tw.s:.2f} is optimal: a whole segment.",
            FadeIn(why), FadeIn(sline), Create(contours), Create(seg),
            run_time=style.LONG,
        )
        t = ValueTracker(0.0)
        pts = self.segment_points
        dot = Dot(ax.c2p(*pts[0]), color=style.HIGHLIGHT, radius=0.09)

        def at() -> int:
            return int(round(t.get_value() * (SWEEP - 1)))

        dot.add_updater(lambda m: m.move_to(ax.c2p(*pts[at()])))
        value.add_updater(lambda m: set_readout(m, float(self.segment_values[at()])))
        self.add(dot)
        say(
            self,
            "Slide along the segment: the lasso objective does not change at all.",
            FadeIn(value), t.animate(rate_func=linear).set_value(1.0),
            run_time=style.LONG,
        )
        dot.clear_updaters()
        value.clear_updaters()
        rc = tw.ridge_coef
        rdot = Dot(ax.c2p(*rc), color=style.L2, radius=0.1)
        rlab = tex(fill_tex(r"\text{ridge: } w_1=w_2=#", f"{rc[0]:.2f}"), size=style.LABEL_SIZE,
                   color=style.L2).next_to(value, DOWN, buff=style.GAP, aligned_edge=LEFT)
        say(
            self,
            f"Ridge's squared penalty is smallest when the weight is shared equally, so ridge "
            f"has one answer: both weights {rc[0]:.2f}.",
            FadeIn(rdot), FadeIn(rlab),
        )

    def _honest(self) -> None:
        head = label("How common is “many”?", style.HEADING_SIZE).to_corner(UL, buff=style.EDGE)
        lines = VGroup(
            label("• Ties need special data: a copied feature, a point at exactly the tie.",
                  style.BODY_SIZE),
            label("• In general position the lasso and LAD answers are unique.",
                  style.BODY_SIZE),
            label("• Ridge (an L2 penalty) always has exactly one answer.",
                  style.BODY_SIZE, style.L2),
            label("• Taxicab routes are an analogy: many paths of one length,",
                  style.BODY_SIZE, style.MUTED),
            label("  not many minimisers of a fitting problem.", style.BODY_SIZE, style.MUTED),
        ).arrange(DOWN, aligned_edge=LEFT, buff=style.GAP)
        lines[4].align_to(lines[3][1], LEFT)
        fit_width(lines)
        lines.next_to(head, DOWN, buff=style.GAP_L).align_to(head, LEFT)
        self.add(head)
        say(
            self,
            "Be careful not to overstate this. Ties need special data, like a copied feature "
            "or a point placed exactly at the tie.",
            FadeIn(lines[0]),
        )
        say(
            self,
            "For data in general position, the lasso and the least absolute deviations line "
            "have one answer. Many answers are the exception, but an exception the L2 penalty "
            "never has: ridge is always unique.",
            FadeIn(lines[1]), FadeIn(lines[2]),
        )
        say(
            self,
            "And the taxicab routes are only an analogy: they are many paths of the same "
            "length, not many minimisers of a fitting problem.",
            FadeIn(lines[3]), FadeIn(lines[4]),
        )

    # ------------------------------------------------------------------ 6. takeaway
    def takeaway(self) -> None:
        """L2: one answer. L1: possibly many."""
        self.open_beat("takeaway")
        head = label("Takeaway", style.HEADING_SIZE).to_corner(UL, buff=style.EDGE)
        l2 = VGroup(
            label("L2: one answer", style.HEADING_SIZE, style.L2),
            label("one straight line between two points", style.LABEL_SIZE),
            label("ridge, least-squares line: one bottom", style.LABEL_SIZE),
        ).arrange(DOWN, aligned_edge=LEFT, buff=style.GAP)
        l1 = VGroup(
            label("L1: possibly many", style.HEADING_SIZE, style.L1),
            label(f"{self.route_count} shortest routes on a {GRID[0]} x {GRID[1]} grid",
                  style.LABEL_SIZE),
            label("LAD, lasso: a flat bottom, in special cases", style.LABEL_SIZE),
        ).arrange(DOWN, aligned_edge=LEFT, buff=style.GAP)
        m, n = GRID
        one = _city(m, n, cell=0.3, width=1.2)
        one.add(Line(_at(one, [0, 0])[0], _at(one, [m, n])[0], color=style.L2, stroke_width=6))
        many = VGroup()
        for p in self.samples[:3]:
            c = _city(m, n, cell=0.3, width=1.2)
            many.add(VGroup(c, _route(c, p, color=style.L1, width=5)))
        many.add(tex(r"\cdots", size=style.BODY_SIZE))
        many.arrange(RIGHT, buff=style.GAP)
        l2.add(one)
        l1.add(many)
        one.next_to(l2[-2], DOWN, buff=style.GAP_L, aligned_edge=LEFT)
        many.next_to(l1[-2], DOWN, buff=style.GAP_L, aligned_edge=LEFT)
        cols = VGroup(l2, l1).arrange(RIGHT, buff=style.GAP_L * 2, aligned_edge=UP)
        fit_width(cols)
        cols.next_to(head, DOWN, buff=style.GAP_L).set_x(0)
        centre_below(cols, head)
        self.add(head)
        say(
            self,
            "The takeaway: L2 gives one answer. One straight line between two points, and for "
            "ridge or a least-squares line, a bowl with one bottom.",
            FadeIn(l2),
        )
        say(
            self,
            "L1 can give many: many shortest routes, and, for special data, a flat bottom with "
            "a whole family of equally good fits.",
            FadeIn(l1),
        )
        self.play(Indicate(l1[0], color=style.HIGHLIGHT), run_time=style.NORMAL)
