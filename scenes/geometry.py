"""Chapter: two weights and real data. Why the L1 diamond makes exact zeros and the L2 circle not.

Render: ``manim -pqh scenes/geometry.py`` from the repository root.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from manim import (
    DL,
    DOWN,
    DR,
    LEFT,
    RIGHT,
    UL,
    UP,
    UR,
    AnimationGroup,
    Create,
    DashedLine,
    Dot,
    FadeIn,
    FadeOut,
    Group,
    Indicate,
    LaggedStart,
    Line,
    Mobject,
    Rectangle,
    RegularPolygon,
    ReplacementTransform,
    UpdateFromAlphaFunc,
    ValueTracker,
    VGroup,
    VMobject,
    config,
    linear,
    there_and_back,
)

from mathutils import constrained_minimum, diabetes, quadratic_loss, random_losses
from mathutils.geometry import (
    clip_polyline,
    contact_level,
    contact_path,
    ellipse_outline,
    exact_zero_hits,
)
from mathutils.norms import unit_balls
from mathutils.selection import diabetes_paths
from scenes import style
from scenes.chapter import Chapter
from scenes.components import (
    fit_width,
    header,
    house_axes,
    label,
    number_word,
    readout,
    say,
    set_readout,
    tag,
    tex,
)
from scenes.examples import CONTACT_Q, CONTACT_T, CONTACT_W_HAT

PENALTY_TAG = "L1 / L2 as a penalty"

# The loss of the contact beat and the budget of its first contact (scenes/examples.py: the
# intro previews it)
Q, W_HAT, T_FIRST = CONTACT_Q, CONTACT_W_HAT, CONTACT_T
T_PENALTY = 0.5  # the budget a stronger penalty shrinks the balls to, and back
BUDGETS = np.arange(50, 441) / 200  # 0.25 .. 2.2 in steps of 0.005; contains 1.0 exactly
PLANE = 2.5  # the contact planes show [-PLANE, PLANE]^2
RAND_PLANE = 10.0  # the random-loss plane shows [-10, 10]^2 (the centres' range)
RAND_T = 2.0  # zero_coefficient_rate's default budget
SEED = 2024
TRIALS = 1000
FLASHES = 5
RAND_BUDGETS = np.arange(20, 4, -1) / 10  # 2.0 .. 0.5: the budget shrinks after the count
MARK_SLOW = 120  # losses counted while the colours are explained, before the fast run
MARK_RADIUS = 0.05  # the hexagon marking one loss centre, scene units
# the zoom at the end of beat 4: one axis-aligned loss, centre (s, ALIGN_C2), slides across
# the w2 axis at the smallest budget; the diamond keeps w1 = 0 for |s| <= 0.75, the circle
# only at s = 0 (checked in the tests)
ALIGN_Q = np.array([[1.0, 0.0], [0.0, 1.5]])
ALIGN_C2 = 1.0
ALIGN_S = np.arange(-110, 111) / 100  # -1.1 .. 1.1 in steps of 0.01; contains 0 exactly
ALIGN_SWEEP = (1.1, -1.1, 0.4)  # start, then across to the other side, then back past 0
ALIGN_PLANE = 1.25
ELLIPSE_POINTS = 360
GROW_STEPS = 121
Q_GRID = np.linspace(0.0, 2.0, 161)  # 1/p: 0 (p = inf) .. 2 (p = 0.5); contains 0.5 and 1
BALL_POINTS = 400


# ---- small layout helpers (no mathematics) ------------------------------------------------

_DIGITS = "0123456789"


def _number(value, int_slots, decimals=0, size=style.LABEL_SIZE, color=style.TEXT):
    """A non-negative number whose digit slots are refilled in place (no rebuild per frame).

    Each slot is one VMobject; :func:`_show` copies a pre-built glyph's outline into the slots
    whose digit changed. That costs a few array copies per frame instead of DecimalNumber's
    deep copy of every glyph, and keeps the mobject small for fades. Values are right-aligned
    in ``int_slots`` places with ``decimals`` places after a fixed decimal point. The group's
    ``frame`` is an invisible box (its left edge and baseline place the digits); ``ink`` lists
    what can be seen: the digit slots and the decimal point.
    """
    digits, point_tex = tex(_DIGITS, ".", size=size, color=color)
    zero = digits[0]
    base = zero.get_bottom()[1]  # the baseline, from the glyph "0"
    glyphs = {d: g.points - np.array([g.get_center()[0], base, 0.0])
              for d, g in zip(_DIGITS, digits, strict=True)}
    cell = max(g.width for g in digits) * 1.08
    point = point_tex[0].copy()
    centers, x = [], 0.0
    for _ in range(int_slots):
        centers.append(x + cell / 2)
        x += cell
    if decimals:
        point.move_to([x + point.width, base, 0], aligned_edge=DOWN)
        x += 2 * point.width
        for _ in range(decimals):
            centers.append(x + cell / 2)
            x += cell
    frame = Rectangle(width=x, height=zero.height, stroke_opacity=0, fill_opacity=0)
    frame.move_to([x / 2, base, 0], aligned_edge=DOWN)
    slots = [VMobject(fill_color=color, fill_opacity=1, stroke_width=0) for _ in centers]
    ink = [*slots, point] if decimals else slots
    group = VGroup(frame, *ink)
    group.frame, group.ink, group.slots = frame, ink, slots
    group.centers, group.glyphs = centers, glyphs
    group.int_slots, group.decimals = int_slots, decimals
    group.shown = [None] * len(slots)
    _show(group, value)
    return group


def _show(group, value):
    """Show ``value`` on a :func:`_number`, refilling only the slots whose digit changes."""
    text = f"{value:.{group.decimals}f}"
    whole, _, frac = text.partition(".")
    if value < 0 or len(whole) > group.int_slots:
        raise ValueError(f"value must be >= 0 and fit {group.int_slots} places, got {text}")
    chars = [None] * (group.int_slots - len(whole)) + list(whole) + list(frac)
    left, base = group.frame.get_left()[0], group.frame.get_bottom()[1]
    for i, (slot, ch) in enumerate(zip(group.slots, chars, strict=True)):
        if ch != group.shown[i]:
            group.shown[i] = ch
            if ch is None:
                slot.clear_points()
            else:
                slot.set_points(group.glyphs[ch] + np.array([left + group.centers[i], base, 0]))


def _readout(name_tex, value, int_slots, decimals, color, size=style.LABEL_SIZE):
    """``name = value`` with a :func:`_number`, kept as the group's ``num``: update it with
    ``_show(group.num, v)``."""
    name_part, equals, digit = tex(name_tex, "=", "0", size=size, color=color)  # a digit's place
    name = VGroup(name_part, equals)
    num = _number(value, int_slots, decimals, size, color)
    num.next_to(name, RIGHT, buff=style.GAP_S)
    num.align_to(digit, DOWN)
    group = VGroup(name, num)
    group.num = num
    return group


def _mapper(ax):
    """Vectorised coordinates -> scene points for linear axes."""
    o = np.asarray(ax.c2p(0, 0))
    ex = np.asarray(ax.c2p(1, 0)) - o
    ey = np.asarray(ax.c2p(0, 1)) - o

    def to_scene(pts):
        pts = np.asarray(pts, dtype=float)
        return o + pts[..., :1] * ex + pts[..., 1:2] * ey

    return to_scene


def _closed(points):
    return np.vstack([points, points[:1]])


def _outline(points, color, width=4.0):
    return VMobject(color=color, stroke_width=width).set_points_as_corners(_closed(points))


def _set_runs(vm, runs):
    """Make ``vm`` the polylines ``runs`` (scene points), in place."""
    vm.clear_points()
    for r in runs:
        vm.start_new_path(r[0])
        vm.add_points_as_corners(r[1:])
    return vm


def _spread(ys, gap):
    """Move 1-D label positions as little as possible (least squares) so they are ``gap`` apart."""
    ys = np.asarray(ys, dtype=float)
    order = np.argsort(ys)
    k = np.arange(len(ys))
    blocks: list[list[float]] = []  # pool-adjacent-violators on ys_sorted - k * gap
    for v in ys[order] - k * gap:
        blocks.append([v, 1.0])
        while len(blocks) > 1 and blocks[-2][0] / blocks[-2][1] > blocks[-1][0] / blocks[-1][1]:
            s, c = blocks.pop()
            blocks[-1][0] += s
            blocks[-1][1] += c
    fitted = np.concatenate([[s / c] * int(c) for s, c in blocks])
    out = np.empty_like(ys)
    out[order] = fitted + k * gap
    return out


def _plane(extent, size, step=1.0, numbers=()):
    """A square w1-w2 plane (axes and their labels); ``numbers`` lists the tick values to label
    on both axes. The group's ``axes`` are the ones to map coordinates with."""
    plane = house_axes([-extent, extent, step], [-extent, extent, step], size, size, "w_1",
                       "w_2", numbers=False)
    if len(numbers):
        for axis in plane.axes.get_axes():
            axis.add_numbers(list(numbers), font_size=style.SMALL_SIZE, num_decimal_places=0)
    return plane


def _unit_marks(ax):
    """Small "1" labels where the unit ball crosses the positive axes."""
    return VGroup(
        tex("1", size=style.SMALL_SIZE, color=style.MUTED).next_to(ax.c2p(1, 0), DR,
                                                                  buff=style.GAP_S * 0.5),
        tex("1", size=style.SMALL_SIZE, color=style.MUTED).next_to(ax.c2p(0, 1), UL,
                                                                  buff=style.GAP_S * 0.5),
    )


def _on_screen(scene, *left_out):
    """Every mobject on screen except ``left_out``, in drawing order, for :meth:`Chapter.drive`
    when what an updater changes lies under other mobjects: driven together, the whole picture
    is redrawn every frame and nothing changes places. The groups that animations leave in the
    scene are opened, and value trackers (never drawn) stay out."""
    out = []

    def visit(mobs):
        for m in mobs:
            if m in left_out:
                continue
            if isinstance(m, VMobject):
                out.append(m)
            elif type(m) is Group:
                visit(m.submobjects)

    visit(scene.mobjects)
    return out


def _heading(text_tex):
    return tex(text_tex, size=style.LABEL_SIZE).to_corner(UL, buff=style.EDGE)


def _inside_top(*mobs):
    """Move a header down as one, if its tag (taller than the heading it is centred on)
    reaches above the top margin."""
    over = max(m.get_top()[1] for m in mobs) - (config.frame_height / 2 - style.EDGE)
    if over > 0:
        for m in mobs:
            m.shift(over * DOWN)


def _penalty_tag():
    return tag(PENALTY_TAG).to_corner(UR, buff=style.EDGE)


def _grid_index(q):
    """The index of 1/p = ``q`` on Q_GRID (a float, to set the morph's tracker to)."""
    return float(np.flatnonzero(np.isclose(Q_GRID, q))[0])


def _p_notes():
    """One row per shape the morph stops at: square, circle, diamond, caved in."""
    def note(p_tex, text, color):
        return VGroup(tex(p_tex, color=color), label(text, style.SMALL_SIZE, color)).arrange(
            RIGHT, buff=style.GAP)

    return VGroup(
        note(r"p=\infty", "square", style.MUTED),
        note(r"p=2", "circle: L2", style.L2),
        note(r"p=1", "diamond: L1", style.L1),
        note(r"p=0.5", "caved in: not a norm", style.TEXT),
    ).arrange(DOWN, aligned_edge=LEFT, buff=style.GAP)


def _tallies():
    """The running tallies: a row of text and a number per count, and a swatch beside the two
    colours of marks. Returns the group and its numbers by name: drawn, corner, edge, l2."""
    rows = VGroup(*(label(text, style.SMALL_SIZE, color) for text, color in (
        ("random losses drawn", style.TEXT),
        ("L1 minimum on a corner: exact 0", style.ZERO),
        ("L1 minimum on an edge: no 0", style.L1),
        ("L2 minimum with an exact 0", style.L2),
    ))).arrange(DOWN, aligned_edge=LEFT, buff=style.GAP_S)
    _drawn_row, corner_row, edge_row, _l2_row = rows
    swatches = VGroup(_swatch(style.ZERO).next_to(corner_row, LEFT, buff=style.GAP_S),
                      _swatch(style.L1).next_to(edge_row, LEFT, buff=style.GAP_S))
    nums = VGroup(*(_number(0, len(str(TRIALS)), 0, style.BODY_SIZE, row.get_color())
                    for row in rows))
    column = rows.get_right()[0] + style.GAP
    for row, num in zip(rows, nums, strict=True):
        num.move_to([column, row.get_center()[1], 0], aligned_edge=LEFT)
    return VGroup(rows, swatches, nums), dict(zip(("drawn", "corner", "edge", "l2"), nums,
                                                 strict=True))


def _swatch(color):
    return Dot(radius=MARK_RADIUS * 1.6, color=color)


def _kept_row(color):
    """"features kept: 10 of 10", its number kept as the row's ``num``."""
    num = _number(10, 2, 0, style.BODY_SIZE, color)
    row = VGroup(label("features kept:", style.SMALL_SIZE, color), num,
                 label("of 10", style.SMALL_SIZE, color))
    row.arrange(RIGHT, buff=style.GAP_S)  # "10" is the widest
    row.num = num
    return row


def _decade_ticks(ax, lo, hi, ymax):
    """10^k under each decade of a log-alpha panel spanning [lo, hi], and the axis caption."""
    out = VGroup()
    for dec in range(int(np.ceil(lo)), int(np.floor(hi)) + 1):
        out.add(tex(rf"10^{{{dec}}}", size=style.SMALL_SIZE, color=style.MUTED)
                .next_to(ax.c2p(dec - lo, -ymax), DOWN, buff=style.GAP_S))
    cap = label("α (log scale)", style.SMALL_SIZE, style.MUTED)
    cap.next_to(out, DOWN, buff=style.GAP_S).set_x(ax.get_center()[0])
    return VGroup(out, cap)


# ---- the parts a beat builds and then narrates over ------------------------------------------

@dataclass
class _Morph:
    """The unit-ball beat's first picture: one ball morphing through p, and its readout."""

    head: Mobject
    plane: VGroup
    ones: VGroup  # the "1" marks on the axes
    ball: VMobject  # follows ``k``, a fractional index into Q_GRID
    k: ValueTracker
    p_group: VGroup  # "p = 2.00", or the infinity sign in its place
    notes: VGroup  # one row per shape the morph stops at, in the order said
    square: VMobject  # the outlines left behind at p = inf, 2 and 1
    circle: VMobject
    diamond: VMobject


@dataclass
class _Walk:
    """The two balls kept side by side, and a point walking once around the diamond with lines
    down to the axes showing its two weights; each corner it passes lights up."""

    left: VGroup  # the planes
    right: VGroup
    diamond: VMobject
    circle: VMobject
    captions: tuple  # (diamond's, circle's)
    to_scene: Callable  # the left plane's coordinates -> scene points
    outline: np.ndarray  # the unit diamond's points, from (1, 0), 4 | len: corner j at a = j / 4
    walker: Dot
    to_w1: VMobject
    to_w2: VMobject
    corners: VGroup

    def at(self, a):
        """Put the walker at the fraction ``a`` of the way round the diamond."""
        outline = self.outline
        n = len(outline)
        x = a * n
        i = int(np.floor(x)) % n
        f = x - np.floor(x)
        w = (1 - f) * outline[i] + f * outline[(i + 1) % n]
        here = self.to_scene(w)
        self.walker.move_to(here)
        self.to_w1.set_points_as_corners([here, self.to_scene(np.array([w[0], 0.0]))])
        self.to_w2.set_points_as_corners([here, self.to_scene(np.array([0.0, w[1]]))])
        for j, c in enumerate(self.corners):
            c.set_opacity(1.0 if a * 4 >= j - 1e-9 else 0.0)


@dataclass
class _Contact:
    """The contact beat's two panels; every dict is keyed by p: 1 (left, the diamond) and
    2 (right, the circle)."""

    head: Mobject
    ptag: VGroup
    penalty: Mobject  # the penalty form under the heading
    planes: dict
    to_scene: dict
    marks: VGroup  # the "1" marks on both planes
    balls: dict
    hats: dict  # w hat: dot and label
    contours: VGroup  # faint context contours
    ellipses: dict  # the loss's level ellipse touching the ball
    dots: dict  # the contact points
    contact: dict  # the contact point per budget, scene points
    reads: dict  # "w1 = .. w2 = .." under each plane
    w_nums: dict  # their two numbers
    exact: Mobject  # "exactly 0" beside the diamond's w1
    t_read: VGroup  # "t = 1.00"
    t_idx: ValueTracker  # the budget's index into BUDGETS
    i_first: int  # the index of T_FIRST

    def index(self):
        return int(round(self.t_idx.get_value()))


@dataclass
class _Flash:
    """One of the first random losses: its two ellipses, its centre and the two contacts."""

    ellipses: VGroup
    centre: VGroup
    contacts: VGroup
    group: VGroup  # the three, faded together


@dataclass
class _Losses:
    """The how-often beat's picture: the plane of random losses on the left, the running tallies
    and the share chart on the right."""

    head: Mobject
    ptag: VGroup
    plane: VGroup
    to_scene: Callable
    balls: VGroup  # diamond and circle at budget RAND_T
    diamond: VMobject
    circle: VMobject
    source: Mobject
    column: VGroup  # the right column: tallies, share chart and its labels
    ylab: Mobject
    tallies: VGroup
    counts: dict  # the tallies' numbers: "drawn", "corner", "edge", "l2"
    rate_map: Callable  # the share chart's coordinates -> scene points
    curves: dict  # p -> share curve
    centres: np.ndarray  # the loss centres, scene points
    hexagon: np.ndarray  # the points of one centre's mark, at the origin
    marks: dict  # corner (True) / edge (False) -> one VMobject of all such marks
    flashes: list  # the first losses, one _Flash each


@dataclass
class _Zoom:
    """The zoom at the end of the how-often beat: one axis-aligned loss slides across the w2
    axis; every dict is keyed by p."""

    plane: VGroup
    to_scene: Callable
    diamond: VMobject
    circle: VMobject
    group: VGroup  # everything below, faded in together
    ellipses: dict
    centre: Dot
    dots: dict
    reads: dict
    exact: Mobject  # "exactly 0" over the diamond's readout


@dataclass
class _Paths:
    """The feature-selection beat's two panels; every dict is keyed by "lasso" and "ridge"."""

    head: Mobject
    ptag: VGroup
    panels: dict
    axes: dict
    spans: dict  # log10 of the first and last alpha
    titles: VGroup
    ticks: dict  # decade labels and the alpha caption under each panel
    to_scene: dict
    xs: dict  # per grid point, the x coordinate on its panel
    pts: dict  # per feature and grid point, scene points, shape (features, grid, 3)
    curves: dict
    ymax: float


@dataclass
class _Tags:
    """The feature names at the lasso curves' left ends, and each with its leader line."""

    names: VGroup
    tags: list  # VGroup(name, leader) per feature


@dataclass
class _Counts:
    """What the feature-selection beat counts and reads off under and in its panels."""

    kept: dict  # "features kept: 10 of 10" under each panel
    kept_nums: dict
    note: Mobject  # each panel has its own alpha range
    small: VGroup  # "closest to 0:" in the ridge panel
    small_num: VGroup


@dataclass
class _Cursors:
    """The alpha cursors of the feature-selection beat."""

    markers: dict  # the vertical line at the current alpha, per panel
    dots: dict  # a dot per curve, riding the cursor
    zero_marks: VGroup  # where each lasso curve reaches 0


class DiamondMeetsEllipse(Chapter):
    """Chapter 3: the diamond, the circle, a thousand random losses and the diabetes paths."""

    SLUG = "geometry"
    QUESTION = "Where do exact zeros come from with two weights, and in real data?"
    OPENING = ("With two weights the question becomes geometric: where does a loss first touch "
               "the L1 diamond or the L2 circle? Then we count, and look at real data.")

    # ---- everything the chapter shows, computed up front ------------------------------------
    def setup(self):
        self._compute_unit_balls()
        self._compute_contact()
        self._compute_random_losses()
        self._compute_aligned_slide()
        self._compute_flashes()
        self._compute_diabetes()

    def _compute_unit_balls(self):
        """Unit balls for the morph p = inf -> 2 -> 1 -> 0.5 (grid in 1/p)."""
        with np.errstate(divide="ignore"):
            self.ball_ps = np.where(Q_GRID == 0, np.inf, 1.0 / np.where(Q_GRID == 0, 1, Q_GRID))
        self.ball_outlines = unit_balls(self.ball_ps, BALL_POINTS)
        self.diamond = self.ball_outlines[int(np.flatnonzero(Q_GRID == 1.0)[0])]
        self.circle = self.ball_outlines[int(np.flatnonzero(Q_GRID == 0.5)[0])]

    def _compute_contact(self):
        """First contact at budget 1, and the contact paths as the budget changes."""
        self.l1_contact = constrained_minimum(Q, W_HAT, 1, T_FIRST)
        self.l2_contact = constrained_minimum(Q, W_HAT, 2, T_FIRST)
        self.l1_level = contact_level(Q, W_HAT, 1, T_FIRST)
        self.l2_level = contact_level(Q, W_HAT, 2, T_FIRST)
        self.l1_path = contact_path(Q, W_HAT, 1, BUDGETS)
        self.l2_path = contact_path(Q, W_HAT, 2, BUDGETS)
        self.l1_path_levels = quadratic_loss(Q, W_HAT, self.l1_path)
        self.l2_path_levels = quadratic_loss(Q, W_HAT, self.l2_path)
        self.l1_on_axis = self.l1_path[:, 0] == 0.0
        self.t_star = float(BUDGETS[self.l1_on_axis].max())  # the diamond's path reaches w1 = 0
        box = (np.full(2, -PLANE), np.full(2, PLANE))
        unit = ellipse_outline(Q, W_HAT, 1.0, ELLIPSE_POINTS) - W_HAT
        grow = np.linspace(0.0, 1.0, GROW_STEPS)
        self.grow_runs = {
            p: [clip_polyline(W_HAT + g * np.sqrt(lv) * unit, *box) for g in grow]
            for p, lv in ((1, self.l1_level), (2, self.l2_level))
        }
        contour_levels = np.array([0.25, 1.0, 2.25, 4.0])  # faint context contours
        self.contour_runs = [clip_polyline(W_HAT + np.sqrt(lv) * unit, *box)
                             for lv in contour_levels]
        self.path_runs = {
            p: [clip_polyline(W_HAT + np.sqrt(lv) * unit, *box) for lv in levels]
            for p, levels in ((1, self.l1_path_levels), (2, self.l2_path_levels))
        }

    def _compute_random_losses(self):
        """A seeded run of random losses, the same losses under each budget (the first is
        RAND_T): which minima have an exact 0, each solved once; the count at RAND_T and its
        running tallies are read off them."""
        self.losses = random_losses(TRIALS, np.random.default_rng(SEED))
        self.rand_budgets = RAND_BUDGETS
        self.corner_by_budget = np.array([exact_zero_hits(self.losses, 1, t) for t in RAND_BUDGETS])
        self.l2_zero_by_budget = np.array([exact_zero_hits(self.losses, 2, t)
                                           for t in RAND_BUDGETS])
        first = int(np.flatnonzero(RAND_BUDGETS == RAND_T)[0])
        self.l1_corner = self.corner_by_budget[first]  # per loss: on a corner
        self.l1_tally = np.cumsum(self.l1_corner)  # = zero_tallies(losses, 1, RAND_T)
        self.l2_tally = np.cumsum(self.l2_zero_by_budget[first])
        self.l1_rate = self.l1_tally / np.arange(1, TRIALS + 1)
        self.l2_rate = self.l2_tally / np.arange(1, TRIALS + 1)

    def _compute_aligned_slide(self):
        """One axis-aligned loss sliding across the w2 axis at the smallest budget."""
        t_small = float(RAND_BUDGETS[-1])
        self.align_s = ALIGN_S
        centres = np.column_stack([ALIGN_S, np.full(len(ALIGN_S), ALIGN_C2)])
        self.align_l1 = np.array([constrained_minimum(ALIGN_Q, c, 1, t_small) for c in centres])
        self.align_l2 = np.array([constrained_minimum(ALIGN_Q, c, 2, t_small) for c in centres])
        zbox = (np.full(2, -ALIGN_PLANE), np.full(2, ALIGN_PLANE))
        self.align_runs = {
            p: [clip_polyline(ellipse_outline(ALIGN_Q, c, float(quadratic_loss(ALIGN_Q, c, w)),
                                              ELLIPSE_POINTS), *zbox)
                for c, w in zip(centres, ws, strict=True)]
            for p, ws in ((1, self.align_l1), (2, self.align_l2))
        }

    def _compute_flashes(self):
        """The first random losses shown one by one: centre, contacts, contact ellipses."""
        rbox = (np.full(2, -RAND_PLANE), np.full(2, RAND_PLANE))
        self.flashes = []
        for Qi, ci in zip(self.losses.Q[:FLASHES], self.losses.center[:FLASHES], strict=True):
            w1, w2 = (constrained_minimum(Qi, ci, p, RAND_T) for p in (1, 2))
            runs = [
                clip_polyline(ellipse_outline(Qi, ci, contact_level(Qi, ci, p, RAND_T),
                                              ELLIPSE_POINTS), *rbox)
                for p in (1, 2)
            ]
            self.flashes.append({"center": ci, "l1": w1, "l2": w2, "runs": runs})

    def _compute_diabetes(self):
        """The diabetes paths (each penalty on its own alpha grid, see DiabetesPaths)."""
        self.diabetes_shape = diabetes()[0].shape  # (patients, features), shown in beat 5
        self.paths = diabetes_paths(lasso_decades=(-2.5, 0.2), ridge_log10=(-2.0, 3.0), n=200)
        # per grid point, the ridge coefficient closest to 0 (its size): shown live, never 0
        self.ridge_smallest = np.min(np.abs(self.paths.ridge_coefs), axis=1)

    # ---- table of contents --------------------------------------------------------------------
    def construct(self):
        self.title_beat()
        self.unit_balls()
        self.constraint_contact()
        self.how_often()
        self.feature_selection()
        self.takeaway()

    # ---- the unit balls -------------------------------------------------------------------------
    def unit_balls(self):
        self.open_beat("unit-balls")
        head = _heading(r"\text{The unit ball: } "
                        r"\|w\|_p = \left(|w_1|^p + |w_2|^p\right)^{1/p} = 1")
        morph = self._build_morph(head)
        self._say_morph(morph)
        walk = self._build_walk(head)
        self._say_walk(morph, walk)

    def _build_morph(self, head):
        plane = _plane(1.5, 5.2, 0.5)
        plane.next_to(head, DOWN, buff=style.GAP).to_edge(LEFT, buff=style.GAP_L * 2)
        outlines = _mapper(plane.axes)(self.ball_outlines)
        k = ValueTracker(0.0)  # fractional index into Q_GRID

        def shape_at(x):
            i = int(np.clip(np.floor(x), 0, len(Q_GRID) - 2))
            f = float(np.clip(x - i, 0.0, 1.0))
            return (1 - f) * outlines[i] + f * outlines[i + 1]

        ball = _outline(outlines[0], style.HIGHLIGHT)
        ball.add_updater(lambda m: m.set_points_as_corners(_closed(shape_at(k.get_value()))))
        p_group = self._p_readout(k)
        p_group.next_to(plane, RIGHT, buff=style.GAP_L).align_to(plane, UP)
        notes = _p_notes()
        notes.next_to(p_group, DOWN, buff=style.GAP_L).align_to(p_group, LEFT)

        def ghost(q, color):
            return _outline(outlines[int(_grid_index(q))], color, width=3)

        return _Morph(head, plane, _unit_marks(plane.axes), ball, k, p_group, notes,
                      square=ghost(0.0, style.MUTED), circle=ghost(0.5, style.L2),
                      diamond=ghost(1.0, style.L1))

    def _p_readout(self, k):
        """"p = 2.00" following the morph's tracker ``k``, with an infinity sign at p = inf."""
        p_read = _readout("p", 0.0, 2, 2, style.HIGHLIGHT, size=style.BODY_SIZE)
        inf = tex(r"\infty", size=style.BODY_SIZE, color=style.HIGHLIGHT)
        inf.move_to(p_read.num, aligned_edge=LEFT)
        VGroup(*p_read.num.ink).set_opacity(0)
        shown_inf = [True]

        def update_p(_m):
            i = int(round(k.get_value()))
            at_inf = Q_GRID[i] == 0
            if at_inf != shown_inf[0]:
                shown_inf[0] = at_inf
                inf.set_opacity(1 if at_inf else 0)
                VGroup(*p_read.num.ink).set_opacity(0 if at_inf else 1)
            if not at_inf:
                _show(p_read.num, float(self.ball_ps[i]))

        p_group = VGroup(p_read, inf)
        p_group.add_updater(update_p)
        return p_group

    def _say_morph(self, m):
        square_note, circle_note, diamond_note, caved_note = m.notes
        # the outline is drawn point by point while "every point whose p-norm equals one" is said
        say(self, "The unit ball collects every point whose p-norm equals one. "
            "Watch its shape as p changes.",
            AnimationGroup(AnimationGroup(FadeIn(m.head), Create(m.plane),
                                          FadeIn(m.p_group, m.ones)),
                           Create(m.ball, rate_func=linear), lag_ratio=0.6),
            span=True)
        self.add(m.square)
        say(self, "At p equal to infinity it is a square.", FadeIn(square_note, shift=0.3 * RIGHT),
            span=True)
        self.add(m.ball)
        say(self, "As p falls to two, the square rounds into the circle of L2.",
            m.k.animate.set_value(_grid_index(0.5)), run_time=style.LONG)
        self.add(m.circle, m.ball)
        self.play(FadeIn(circle_note), run_time=style.SHORT)
        say(self, "At p equal to one it becomes the L1 diamond, with sharp corners on the axes.",
            m.k.animate.set_value(_grid_index(1.0)), run_time=style.LONG)
        self.add(m.diamond, m.ball)
        self.play(FadeIn(diamond_note), run_time=style.SHORT)
        say(self, "Below one the shape caves in. It is no longer convex, so it is not a true norm.",
            m.k.animate.set_value(len(Q_GRID) - 1), FadeIn(caved_note), run_time=style.LONG)
        m.ball.clear_updaters()
        m.p_group.clear_updaters()

    def _build_walk(self, head):
        """The diamond and the circle side by side, and the walker on the diamond."""
        left = _plane(1.5, 4.2, 0.5)
        right = _plane(1.5, 4.2, 0.5)
        pair = VGroup(left, right).arrange(RIGHT, buff=style.GAP_L * 2)
        pair.next_to(head, DOWN, buff=style.GAP_L).set_x(0)
        l_to, r_to = _mapper(left.axes), _mapper(right.axes)
        diamond = _outline(l_to(self.diamond), style.L1)
        circle = _outline(r_to(self.circle), style.L2)
        d_cap = tex(r"\text{L1: } |w_1| + |w_2| = 1", color=style.L1)
        c_cap = tex(r"\text{L2: } w_1^2 + w_2^2 = 1", color=style.L2)
        d_cap.next_to(left, DOWN, buff=style.GAP)
        c_cap.next_to(right, DOWN, buff=style.GAP)
        corner_pts = l_to(np.array([[1.0, 0], [0, 1.0], [-1.0, 0], [0, -1.0]]))
        corners = VGroup(*(Dot(pt, radius=0.08, color=style.ZERO) for pt in corner_pts))
        walker = Dot(l_to(self.diamond)[0], radius=0.09, color=style.HIGHLIGHT)
        corners.set_opacity(0)
        to_w1 = VMobject(stroke_color=style.HIGHLIGHT, stroke_width=4)
        to_w2 = VMobject(stroke_color=style.HIGHLIGHT, stroke_width=4)
        return _Walk(left, right, diamond, circle, (d_cap, c_cap), l_to, self.diamond, walker,
                     to_w1, to_w2, corners)

    def _say_walk(self, m, w):
        say(self, "Keep two of them: the L1 diamond and the L2 circle.",
            AnimationGroup(
                AnimationGroup(FadeOut(m.ball, m.square, m.notes, m.p_group, m.plane, m.ones),
                               ReplacementTransform(m.diamond, w.diamond),
                               ReplacementTransform(m.circle, w.circle), FadeIn(w.left, w.right)),
                FadeIn(*w.captions, shift=0.2 * DOWN), lag_ratio=0.7),
            span=True)
        self.add(_unit_marks(w.left.axes), _unit_marks(w.right.axes))
        w.at(0.0)
        walking = VGroup(w.corners, w.to_w1, w.to_w2, w.walker)  # one animated group, all redrawn
        say(self, "Walk around the diamond, with lines down to the axes showing its two "
            "weights: at each corner one of them is exactly zero.",
            AnimationGroup(FadeIn(w.walker, scale=2.0, run_time=style.SHORT),
                           UpdateFromAlphaFunc(walking, lambda _m, a: w.at(a),
                                               rate_func=linear, run_time=4 * style.LONG),
                           lag_ratio=1.0),
            span=True)
        self.play(FadeOut(w.walker, w.to_w1, w.to_w2), run_time=style.SHORT)

    # ---- where a loss first touches the ball ---------------------------------------------------
    def constraint_contact(self):
        self.open_beat("constraint-contact")
        c = self._build_contact()
        self._say_budget_and_penalty(c)
        on_axis, drops = self._say_first_contact(c)
        self._say_budget_sweep(c, on_axis, drops)

    def _build_contact(self):
        head = _heading(r"\min_w\ (w-\hat w)^\top Q\,(w-\hat w)\ \ \text{subject to}\ \ "
                        r"\|w\|_p \le t")
        ptag = _penalty_tag()
        # the penalty form, shown under the heading while the equivalence is said
        penalty = tex(r"\Longleftrightarrow\ \ \min_w\ (w-\hat w)^\top Q\,(w-\hat w)"
                      r" + \lambda\,\|w\|_p", color=style.HIGHLIGHT)
        penalty.next_to(head, DOWN, buff=style.GAP_S).align_to(head, LEFT)
        planes = {1: _plane(PLANE, 4.1, numbers=(-2, 2)), 2: _plane(PLANE, 4.1, numbers=(-2, 2))}
        pair = VGroup(planes[1], planes[2]).arrange(RIGHT, buff=style.GAP_L * 1.5)
        pair.next_to(penalty, DOWN, buff=style.GAP_S).set_x(0)
        maps = {p: _mapper(planes[p].axes) for p in (1, 2)}
        i_first = int(np.flatnonzero(BUDGETS == T_FIRST)[0])
        contact = {1: maps[1](self.l1_path), 2: maps[2](self.l2_path)}
        balls, hats, ellipses, dots = {}, {}, {}, {}
        for p, color, unit in ((1, style.L1, self.diamond), (2, style.L2, self.circle)):
            balls[p] = _outline(maps[p](T_FIRST * unit), color)
            hat_dot = Dot(maps[p](W_HAT), radius=0.07, color=style.LOSS)
            hat_label = tex(r"\hat w", color=style.LOSS)
            hat_label.next_to(hat_dot, UR, buff=style.GAP_S * 0.5)
            hats[p] = VGroup(hat_dot, hat_label)
            ellipses[p] = VMobject(color=style.LOSS, stroke_width=3)
            dots[p] = Dot(contact[p][i_first], radius=0.09, color=style.HIGHLIGHT)
        contours = VGroup(*(
            _set_runs(VMobject(color=style.LOSS, stroke_width=2, stroke_opacity=0.35),
                      [maps[p](r) for r in runs])
            for p in (1, 2) for runs in self.contour_runs
        ))
        marks = VGroup(_unit_marks(planes[1].axes), _unit_marks(planes[2].axes))
        reads, w_nums = self._contact_readouts(planes)
        exact = label("exactly 0", style.SMALL_SIZE, style.ZERO)
        exact.next_to(reads[1], LEFT, buff=style.GAP)  # beside w1, above the caption band
        t_read = _readout("t", T_FIRST, 1, 2, style.HIGHLIGHT)
        t_read.next_to(ptag, DOWN, buff=style.GAP).align_to(ptag, RIGHT)
        return _Contact(head, ptag, penalty, planes, maps, marks, balls, hats, contours,
                        ellipses, dots, contact, reads, w_nums, exact, t_read,
                        t_idx=ValueTracker(i_first), i_first=i_first)

    def _contact_readouts(self, planes):
        """"w1 = .. w2 = .." at first contact under each plane, and their numbers."""
        reads, w_nums = {}, {}
        for p, w, color in ((1, self.l1_contact, style.L1), (2, self.l2_contact, style.L2)):
            r1 = _readout("w_1", w[0], 1, 2, color)
            r2 = _readout("w_2", w[1], 1, 2, color)
            reads[p] = VGroup(r1, r2).arrange(RIGHT, buff=style.GAP_L)
            w_nums[p] = (r1.num, r2.num)
        reads[1].next_to(planes[1], DOWN, buff=style.GAP)
        reads[2].next_to(planes[2], DOWN, buff=style.GAP)
        return reads, w_nums

    def _set_balls(self, c, i):
        """Both balls at the budget BUDGETS[i]."""
        for p, unit in ((1, self.diamond), (2, self.circle)):
            c.balls[p].set_points_as_corners(_closed(c.to_scene[p](BUDGETS[i] * unit)))

    def _say_budget_and_penalty(self, c):
        say(self, "Now two weights. Both panels have the same squared-error loss, smallest at the "
            "point w hat, and a budget t: the weights must stay inside the ball.",
            AnimationGroup(
                AnimationGroup(FadeIn(c.head, c.ptag, c.marks), Create(c.planes[1]),
                               Create(c.planes[2]), FadeIn(c.hats[1], c.hats[2], c.contours),
                               run_time=style.NORMAL),
                AnimationGroup(Create(c.balls[1]), Create(c.balls[2]), FadeIn(c.t_read),
                               run_time=style.NORMAL),
                lag_ratio=1.0),
            span=True)

        # a stronger penalty lambda plays the part of a smaller budget t
        stronger = tex(r"\lambda\uparrow\ \Leftrightarrow\ t\downarrow", color=style.HIGHLIGHT)
        stronger.next_to(c.t_read, DOWN, buff=style.GAP_S).align_to(c.t_read, RIGHT)
        i_small = int(np.flatnonzero(BUDGETS == T_PENALTY)[0])

        def follow(_m):
            self._set_balls(c, c.index())
            _show(c.t_read.num, float(BUDGETS[c.index()]))

        driver = self.drive([c.balls[1], c.balls[2], c.t_read], follow)
        say(self, "Adding a penalty, lambda times the norm, works the same way as such a "
            "budget: a stronger penalty means a smaller t.",
            AnimationGroup(FadeIn(c.penalty, stronger, run_time=style.NORMAL),
                           c.t_idx.animate(rate_func=there_and_back, run_time=style.LONG * 2)
                           .set_value(i_small),
                           lag_ratio=0.5),
            span=True)
        driver.clear_updaters()

    def _say_first_contact(self, c):
        grow = ValueTracker(0.0)
        runs = {p: [[c.to_scene[p](r) for r in rs] for rs in self.grow_runs[p]] for p in (1, 2)}
        for p in (1, 2):
            c.ellipses[p].add_updater(lambda m, p=p: _set_runs(
                m, runs[p][int(round(grow.get_value() * (GROW_STEPS - 1)))]))
        self.add(c.ellipses[1], c.ellipses[2])
        say(self, "Grow the level ellipses of the loss from w hat until they first touch each "
            "ball. The touching point is the constrained minimum.",
            grow.animate.set_value(1.0), run_time=style.LONG, span=True)
        for p in (1, 2):
            c.ellipses[p].clear_updaters()
        # pointing at what is said: the corner's segment along the w2 axis (w1 = 0), and the
        # circle's contact dropped onto both axes (both coordinates nonzero)
        on_axis, drops = self._contact_pointers(c)
        say(self, "On the diamond the ellipse touches a corner, so w one is exactly zero.",
            AnimationGroup(FadeIn(c.dots[1], scale=3.0), Create(on_axis),
                           FadeIn(c.reads[1], c.exact), lag_ratio=1.0),
            span=True)
        say(self, "On the circle it touches a smooth side, and both weights stay nonzero.",
            AnimationGroup(FadeIn(c.dots[2], scale=3.0), Create(drops, lag_ratio=0.0),
                           FadeIn(c.reads[2]), lag_ratio=1.0),
            span=True)
        return on_axis, drops

    def _contact_pointers(self, c):
        """The diamond's contact joined to the origin along the w2 axis, and the circle's
        contact dropped onto both axes."""
        w1c, w2c = self.l2_contact
        at_first = {p: c.contact[p][c.i_first] for p in (1, 2)}
        on_axis = Line(c.to_scene[1]([0.0, 0.0]), at_first[1], color=style.ZERO, stroke_width=7)
        drops = VGroup(DashedLine(at_first[2], c.to_scene[2]([w1c, 0.0]), color=style.L2,
                                  stroke_width=3),
                       DashedLine(at_first[2], c.to_scene[2]([0.0, w2c]), color=style.L2,
                                  stroke_width=3))
        return on_axis, drops

    def _say_budget_sweep(self, c, on_axis, drops):
        """Loosen the budget, then tighten it: every drawing looks its state up at the budget's
        grid index, and a trace follows each contact point."""
        path_runs = {p: [[c.to_scene[p](r) for r in runs] for runs in self.path_runs[p]]
                     for p in (1, 2)}
        exact_shown = [True]

        def follow(_m):
            i = c.index()
            self._set_balls(c, i)
            for p, path in ((1, self.l1_path), (2, self.l2_path)):
                _set_runs(c.ellipses[p], path_runs[p][i])
                c.dots[p].move_to(c.contact[p][i])
                for num, w in zip(c.w_nums[p], path[i], strict=True):
                    _show(num, float(w))
            _show(c.t_read.num, float(BUDGETS[i]))
            on = bool(self.l1_on_axis[i])
            if on != exact_shown[0]:
                exact_shown[0] = on
                c.exact.set_opacity(1.0 if on else 0.0)

        traces = self._contact_traces(c)
        self.add(traces[1], traces[2], c.dots[1], c.dots[2])
        # the whole picture is driven (the balls lie under the penalty form, the ellipses under
        # the traces), except the two pointers the next sentence fades out: a fade lifts what it
        # fades out of any group, which would take the updater off the screen with it
        driver = self.drive(_on_screen(self, on_axis, drops), follow)
        say(self, "Now loosen the budget. The diamond's contact point leaves the corner and "
            "slides along an edge.",
            AnimationGroup(FadeOut(on_axis, drops, run_time=style.SHORT),
                           c.t_idx.animate(run_time=2 * style.LONG).set_value(len(BUDGETS) - 1)),
            span=True)
        for p in (1, 2):
            traces[p].clear_updaters()
        for p in (1, 2):  # from here on each trace runs from the contact point to the end
            traces[p].set_points_as_corners(c.contact[p][-2:])
            traces[p].add_updater(
                lambda m, p=p: m.set_points_as_corners(c.contact[p][c.index():])
                if c.index() < len(BUDGETS) - 1 else None
            )
        say(self, "Then tighten it. The contact point reaches the axis and stays there: "
            "from then on w one is exactly zero. On the circle the contact point slides "
            "smoothly toward the origin, and neither weight becomes zero.",
            c.t_idx.animate(rate_func=linear).set_value(0), run_time=3 * style.LONG, span=True)
        driver.clear_updaters()
        for p in (1, 2):
            traces[p].clear_updaters()

    def _contact_traces(self, c):
        """Per p, a trace of the contact point's path from first contact to where it is now."""
        traces = {}
        for p in (1, 2):
            def follow(m, p=p):
                i, lo = c.index(), c.i_first
                seg = c.contact[p][min(i, lo): max(i, lo) + 1]
                if len(seg) >= 2:
                    m.set_points_as_corners(seg)

            traces[p] = VMobject(color=style.HIGHLIGHT, stroke_width=3, stroke_opacity=0.7)
            traces[p].set_points_as_corners(c.contact[p][c.i_first: c.i_first + 2])
            traces[p].add_updater(follow)
        return traces

    # ---- how often a random loss gives an exact zero --------------------------------------------
    def how_often(self):
        self.open_beat("how-often")
        r = self._build_losses()
        self._say_counting(r)
        curve_pts, ends = self._shares_by_budget(r)
        t_read = self._say_share(r, ends[0])
        self._say_shrinking_budget(r, curve_pts, ends, t_read)
        zoom = self._build_zoom(r)
        self._say_zoom(r, zoom)

    def _build_losses(self):
        head, ptag = header("How often is a weight exactly 0?", PENALTY_TAG)
        _inside_top(head, ptag)
        plane = _plane(RAND_PLANE, 4.3, 5, numbers=(-10, -5, 5, 10))
        plane.next_to(head, DOWN, buff=style.GAP).to_edge(LEFT, buff=style.GAP_L)
        to_scene = _mapper(plane.axes)
        diamond = _outline(to_scene(RAND_T * self.diamond), style.L1, 3)
        circle = _outline(to_scene(RAND_T * self.circle), style.L2, 3)
        source = label("experiment after T. Parr, explained.ai", style.SMALL_SIZE, style.MUTED)
        fit_width(source, style.EDGE + (7.1 - style.EDGE) / 2)  # no wider than the left half
        rate_axes = house_axes([0, TRIALS, 250], [0, 1, 0.25], 4.6, 1.9)
        ylab = label("share with an exact 0", style.SMALL_SIZE, style.MUTED)
        xlab = label("random losses", style.SMALL_SIZE, style.MUTED)
        ylab.next_to(rate_axes, UP, buff=style.GAP_S).align_to(rate_axes, LEFT)
        xlab.next_to(rate_axes, DOWN, buff=style.GAP_S).align_to(rate_axes, RIGHT)
        tallies, counts = _tallies()
        tallies.next_to(ylab, UP, buff=style.GAP).align_to(rate_axes, LEFT)
        source.next_to(plane, DOWN, buff=style.GAP_S).align_to(plane, LEFT)
        column = VGroup(tallies, ylab, rate_axes, xlab)
        column.next_to(ptag, DOWN, buff=style.GAP).to_edge(RIGHT, buff=style.EDGE)
        curves = {p: VMobject(color=c, stroke_width=4) for p, c in ((1, style.ZERO), (2, style.L2))}
        # every loss centre as a small filled hexagon, green (corner) or orange (edge)
        marks = {h: VMobject(fill_color=style.ZERO if h else style.L1, fill_opacity=0.9,
                             stroke_width=0) for h in (True, False)}
        return _Losses(head, ptag, plane, to_scene, VGroup(diamond, circle), diamond, circle,
                       source, column, ylab, tallies, counts, _mapper(rate_axes.axes), curves,
                       centres=to_scene(self.losses.center),
                       hexagon=RegularPolygon(6).scale(MARK_RADIUS).points, marks=marks,
                       flashes=self._build_flashes(to_scene))

    def _build_flashes(self, to_scene):
        """The first losses one by one: ellipse and centre, then the two contact points."""
        flashes = []
        for fl in self.flashes:
            ellipses = VGroup(*(
                _set_runs(VMobject(color=style.LOSS, stroke_width=3), [to_scene(r) for r in runs])
                for runs in fl["runs"]
            ))
            centre = VGroup(Dot(to_scene(fl["center"]), radius=0.06, color=style.LOSS))
            contacts = VGroup(Dot(to_scene(fl["l1"]), radius=0.08, color=style.L1),
                              Dot(to_scene(fl["l2"]), radius=0.08, color=style.L2))
            group = VGroup(ellipses, centre, contacts).set_opacity(0)
            flashes.append(_Flash(ellipses, centre, contacts, group))
        return flashes

    def _marks_points(self, r, hits):
        """The points of the corner (True) and edge (False) marks, for per-loss ``hits``."""
        return {h: np.concatenate([r.hexagon + c for c, x in zip(r.centres, hits, strict=True)
                                   if bool(x) == h] or [np.zeros((0, 3))])
                for h in (True, False)}

    def _say_counting(self, r):
        """The first losses flash one by one, then the centres are marked and counted."""
        flash = ValueTracker(0.0)  # 0 .. FLASHES: loss i shows while flash is in [i, i + 1]
        trial = ValueTracker(0.0)  # losses counted after the flashes
        follow = self._counting(r, flash, trial)
        # the counts, changed too, come above these in the fade below, and so are redrawn
        driver = self.drive([r.marks[True], r.marks[False], *(fl.group for fl in r.flashes),
                             r.curves[1], r.curves[2]], follow)
        say(self, "How often does this happen? Draw random losses: tilted ellipses around "
            "random centres w hat, anywhere in the square from minus ten to ten, with the "
            "budget t equal to two.",
            AnimationGroup(
                AnimationGroup(FadeIn(r.head, r.ptag, r.column, r.source), Create(r.plane),
                               Create(r.balls), run_time=style.NORMAL),
                flash.animate(rate_func=linear, run_time=style.LONG).set_value(1),
                lag_ratio=1.0),
            span=True)
        say(self, "Each loss touches the diamond and the circle at its smallest value inside "
            "them. Count the minima with a weight exactly zero.",
            flash.animate(rate_func=linear).set_value(FLASHES), span=True)
        say(self, "Mark each centre w hat: green when the diamond's minimum sits on a corner, "
            "where one weight is exactly zero, and orange when it sits on an edge.",
            trial.animate(rate_func=linear).set_value(MARK_SLOW), span=True)
        say(self, "Keep drawing. Near the axes almost every centre is green. Orange gathers "
            "along the diagonals and close to the ball, where a growing ellipse can reach an "
            "edge first.",
            trial.animate(rate_func=linear).set_value(TRIALS), span=True)
        driver.clear_updaters()

    def _counting(self, r, flash, trial):
        """The counting beat's updater: the flash of the loss ``flash`` points at, and the
        marks, tallies and share curves of the first k losses counted. The first k marks of
        each colour are one VMobject's first points, so a frame only slices arrays."""
        n = np.arange(1, TRIALS + 1)
        rate_pts = {1: r.rate_map(np.column_stack([n, self.l1_rate])),
                    2: r.rate_map(np.column_stack([n, self.l2_rate]))}
        marks_pts = self._marks_points(r, self.l1_corner)
        size = len(r.hexagon)
        marks_before = np.zeros((TRIALS + 1, 2), dtype=int)  # (corner, edge) among the first k
        for i, hit in enumerate(self.l1_corner):
            marks_before[i + 1] = marks_before[i] + (1, 0) if hit else marks_before[i] + (0, 1)
        shown = {"k": -1, "flash": (-1, -1.0)}

        def show_flash(f):
            i = min(int(np.floor(f)), FLASHES - 1)
            frac = float(np.clip(f - i, 0.0, 1.0)) if f < FLASHES else 1.0
            if shown["flash"] == (i, frac):
                return
            shown["flash"] = (i, frac)
            for j, fl in enumerate(r.flashes):
                if j != i:
                    fl.group.set_opacity(0)
            fl = r.flashes[i]
            on = float(np.clip(min(frac / 0.15, (1 - frac) / 0.15), 0, 1))
            fl.ellipses.set_stroke(opacity=on)
            fl.centre.set_opacity(on)
            fl.contacts.set_opacity(on * float(np.clip((frac - 0.3) / 0.1, 0, 1)))

        def follow(_m):
            f = flash.get_value()
            show_flash(f)
            k = max(int(np.floor(f + 0.4)), int(round(trial.get_value())))
            if k == shown["k"]:
                return
            shown["k"] = k
            corner, edge = (int(v) for v in marks_before[k])
            for key, value in (("drawn", k), ("corner", corner), ("edge", edge),
                               ("l2", int(self.l2_tally[k - 1]) if k else 0)):
                _show(r.counts[key], value)
            for h, m in ((True, corner), (False, edge)):
                r.marks[h].set_points(marks_pts[h][: m * size]) if m else r.marks[h].clear_points()
            for p in (1, 2):
                if k >= 2:
                    r.curves[p].set_points_as_corners(rate_pts[p][:k])

        return follow

    def _shares_by_budget(self, r):
        """The share curves and their end labels under every budget, from the per-budget hits;
        the first budget is RAND_T, the curves the counting draws."""
        n = np.arange(1, TRIALS + 1)
        curve_pts, ends = [], []
        for l1_hits, l2_hits in zip(self.corner_by_budget, self.l2_zero_by_budget, strict=True):
            at_b = {p: r.rate_map(np.column_stack([n, np.cumsum(h) / n]))
                    for p, h in ((1, l1_hits), (2, l2_hits))}
            curve_pts.append(at_b)
            ends.append(VGroup(*(
                label(f"{100 * np.mean(h):.0f} %", style.SMALL_SIZE, c)
                .next_to(at_b[p][-1], UP, buff=style.GAP_S).align_to(at_b[p][-1], RIGHT)
                for p, h, c in ((1, l1_hits, style.ZERO), (2, l2_hits, style.L2)))))
        return curve_pts, ends

    def _say_share(self, r, ends):
        """The count after all the losses; returns the budget readout it fades in."""
        l1_final, l2_final = int(self.l1_tally[-1]), int(self.l2_tally[-1])
        pct = round(100 * l1_final / TRIALS)
        t_read = _readout("t", RAND_T, 1, 2, style.HIGHLIGHT)  # faded in here, changed later
        t_read.next_to(r.ylab, RIGHT, buff=style.GAP_L).align_to(r.tallies, RIGHT)
        say(self, f"After {TRIALS} random losses, {l1_final} of the L1 minima have a weight of "
            f"exactly zero: about {pct} percent. "
            + ("None of the L2 minima do." if l2_final == 0 else
               f"Only {l2_final} of the L2 minima do."),
            AnimationGroup(FadeIn(ends, t_read),
                           Indicate(r.counts["corner"], color=style.ZERO, scale_factor=1.2),
                           r.marks[False].animate(rate_func=there_and_back,
                                                  run_time=2 * style.LONG)
                           .set_fill(opacity=0.15),  # the green 718 alone, then all again
                           Indicate(r.counts["l2"], scale_factor=1.3), lag_ratio=1.0),
            span=True)
        return t_read

    def _say_shrinking_budget(self, r, curve_pts, ends_at, t_read):
        """The same losses, the budget shrinking: marks recoloured from precomputed tables."""
        b = ValueTracker(0.0)  # index into RAND_BUDGETS
        marks_at = [self._marks_points(r, hits) for hits in self.corner_by_budget]
        ends = ends_at[0]  # on screen; it becomes the labels of the budget shown
        shown_b = [-1]

        def follow(_m):
            j = int(round(b.get_value()))
            if j == shown_b[0]:
                return
            shown_b[0] = j
            t = float(RAND_BUDGETS[j])
            r.diamond.set_points_as_corners(_closed(r.to_scene(t * self.diamond)))
            r.circle.set_points_as_corners(_closed(r.to_scene(t * self.circle)))
            for h in (True, False):
                pts = marks_at[j][h]
                r.marks[h].set_points(pts) if len(pts) else r.marks[h].clear_points()
            corner = int(self.corner_by_budget[j].sum())
            _show(r.counts["corner"], corner)
            _show(r.counts["edge"], TRIALS - corner)
            _show(r.counts["l2"], int(self.l2_zero_by_budget[j].sum()))
            _show(t_read.num, t)
            for p in (1, 2):
                r.curves[p].set_points_as_corners(curve_pts[j][p])
            ends.become(ends_at[j])

        t_small = float(RAND_BUDGETS[-1])
        small_corner = int(self.corner_by_budget[-1].sum())
        # the marks lie under everything else: the whole picture is driven, in drawing order
        driver = self.drive(_on_screen(self), follow)
        say(self, f"The share depends on the budget. Shrink t to {t_small:g}: the wedges widen, "
            f"and {small_corner} of the same {TRIALS} minima sit on a corner.",
            b.animate(rate_func=linear).set_value(len(RAND_BUDGETS) - 1), span=True)
        driver.clear_updaters()

    def _build_zoom(self, r):
        """Zoom in on the balls at the smallest budget (the same origin on screen) and the
        parts of one axis-aligned loss sliding across the w2 axis."""
        t_small = float(RAND_BUDGETS[-1])
        plane = _plane(ALIGN_PLANE, r.plane.axes.x_length, 0.5, numbers=(-1, 1))
        plane.shift(r.plane.axes.c2p(0, 0) - plane.axes.c2p(0, 0))
        to_scene = _mapper(plane.axes)
        ellipses = {p: VMobject(color=style.LOSS, stroke_width=3) for p in (1, 2)}
        centre = Dot(radius=0.07, color=style.LOSS)
        dots = {1: Dot(radius=0.09, color=style.L1), 2: Dot(radius=0.09, color=style.L2)}
        reads = {p: readout("w_1", 0.0, color, decimals=3, size=style.LABEL_SIZE)
                 for p, color in ((1, style.L1), (2, style.L2))}
        both = VGroup(reads[1], reads[2]).arrange(RIGHT, buff=style.GAP_L)
        both.move_to(r.source).align_to(r.plane, LEFT)
        exact = label("exactly 0", style.SMALL_SIZE, style.ZERO)
        exact.next_to(reads[1], UP, buff=style.GAP_S).align_to(reads[1], LEFT)
        group = VGroup(ellipses[1], ellipses[2], centre, dots[1], dots[2], both, exact)
        return _Zoom(plane, to_scene, _outline(to_scene(t_small * self.diamond), style.L1, 4),
                     _outline(to_scene(t_small * self.circle), style.L2, 4), group, ellipses,
                     centre, dots, reads, exact)

    def _say_zoom(self, r, z):
        """Slide the loss across the axis: on the diamond w1 stays exactly 0 over a whole range
        of centres, on the circle only at one."""
        def at(s_value):  # the grid index of a centre position
            return float(np.flatnonzero(self.align_s == s_value)[0])

        s = ValueTracker(at(ALIGN_SWEEP[0]))
        shown = [None]

        def follow(_m):
            i = int(round(s.get_value()))
            if i == shown[0]:
                return
            shown[0] = i
            for p, w in ((1, self.align_l1[i]), (2, self.align_l2[i])):
                _set_runs(z.ellipses[p], [z.to_scene(run) for run in self.align_runs[p][i]])
                z.dots[p].move_to(z.to_scene(w))
                set_readout(z.reads[p], float(w[0]))
            z.centre.move_to(z.to_scene(np.array([self.align_s[i], ALIGN_C2])))
            z.exact.set_opacity(1.0 if self.align_l1[i][0] == 0.0 else 0.0)

        follow(None)
        self.play(FadeOut(r.marks[True], r.marks[False], r.source,
                          *(fl.group for fl in r.flashes)),
                  ReplacementTransform(r.plane, z.plane),
                  ReplacementTransform(r.diamond, z.diamond),
                  ReplacementTransform(r.circle, z.circle), run_time=style.NORMAL)
        self.play(FadeIn(z.group), run_time=style.SHORT)
        # the whole picture is driven, not just the zoom group: a control frame redraws only
        # what moves in the last sentence (the driver and everything drawn above it)
        driver = self.drive(_on_screen(self), follow)
        say(self, "Why? Zoom in and slide one loss across the axis. On the diamond, w one stays "
            "exactly zero over a whole range of positions.",
            s.animate(rate_func=linear).set_value(at(ALIGN_SWEEP[1])), span=True)
        say(self, "On the circle, w one passes through zero only when the centre sits exactly "
            "on the axis, and random draws essentially never do that.",
            s.animate(rate_func=linear).set_value(at(ALIGN_SWEEP[2])), span=True)
        driver.clear_updaters()

    # ---- real data -------------------------------------------------------------------------------
    def feature_selection(self):
        self.open_beat("feature-selection")
        n_rows, n_features = self.diabetes_shape
        pp = self._build_path_panels(n_features)
        tags = self._build_feature_tags(pp)
        counts = self._build_path_counts(pp)
        cursors = self._build_path_cursors(pp)
        say(self, f"Real data: the diabetes study, {n_rows} patients and "
            f"{number_word(n_features)} features predicting disease progression. "
            "Here are the lasso and ridge coefficients as the penalty strength alpha grows.",
            FadeIn(pp.head, pp.ptag, pp.titles, pp.ticks["lasso"], pp.ticks["ridge"],
                   counts.note),
            Create(pp.panels["lasso"]), Create(pp.panels["ridge"]), Create(pp.curves["lasso"]),
            Create(pp.curves["ridge"]), run_time=style.LONG, span=True)
        say(self, "Each curve is one feature's coefficient, named at its left end. Alpha grows "
            "to the right: the penalty gets stronger.",
            LaggedStart(*(FadeIn(tag) for tag in tags.tags), lag_ratio=0.3), span=True)
        self._say_alpha_sweep(pp, tags, counts, cursors)
        smallest = float(self.ridge_smallest[-1])
        # the cursors stay at the strongest penalty while the sentence reads it off
        say(self, f"Even at the strongest ridge penalty shown, none of the ten is zero; the "
            f"smallest is still {smallest:.2f}.",
            AnimationGroup(Indicate(cursors.dots["ridge"], color=style.L2, scale_factor=1.3),
                           Indicate(counts.small, color=style.L2, scale_factor=1.2),
                           lag_ratio=0.5),
            run_time=style.LONG)
        say(self, "The lasso selects features; ridge only shrinks them.",
            AnimationGroup(Indicate(counts.kept["lasso"], color=style.L1, scale_factor=1.15),
                           Indicate(counts.kept["ridge"], color=style.L2, scale_factor=1.15),
                           lag_ratio=0.5),
            run_time=style.LONG)  # shorter than the sentence: the beat ends on a still

    def _build_path_panels(self, n_features):
        """The lasso and ridge panels, side by side, with their coefficient paths."""
        d = self.paths
        head, ptag = header(f"Diabetes data, {n_features} features", PENALTY_TAG)
        _inside_top(head, ptag)
        ymax = 800.0
        alphas = {"lasso": d.lasso_alphas, "ridge": d.ridge_alphas}
        coefs = {"lasso": d.lasso_coefs, "ridge": d.ridge_coefs}
        spans = {name: (np.log10(a[0]), np.log10(a[-1])) for name, a in alphas.items()}
        panels = {name: house_axes([0, hi - lo, 1], [-ymax, ymax, 400], 4.8, 2.8, numbers=False)
                  for name, (lo, hi) in spans.items()}
        pair = VGroup(panels["lasso"], panels["ridge"]).arrange(RIGHT, buff=style.GAP_L * 2.2)
        pair.next_to(head, DOWN, buff=style.GAP_L).set_x(style.GAP_L * 0.6)
        axes = {name: panel.axes for name, panel in panels.items()}
        for ax in axes.values():
            ax.get_x_axis().ticks.set_opacity(0)  # decades are labelled below instead
        axes["ridge"].get_y_axis().add_numbers([-ymax / 2, 0, ymax / 2],
                                               font_size=style.SMALL_SIZE)
        maps = {name: _mapper(ax) for name, ax in axes.items()}
        titles = VGroup(*(label(text, style.LABEL_SIZE, color).next_to(axes[name], UP,
                                                                       buff=style.GAP_S)
                          for name, text, color in (("lasso", "Lasso: L1 penalty", style.L1),
                                                    ("ridge", "Ridge: L2 penalty", style.L2))))
        ticks = {name: _decade_ticks(axes[name], *spans[name], ymax) for name in panels}
        colors = {"lasso": style.L1, "ridge": style.L2}
        xs = {name: np.log10(a) - spans[name][0] for name, a in alphas.items()}
        pts = {name: np.stack([maps[name](np.column_stack([xs[name], coefs[name][:, j]]))
                               for j in range(len(d.features))])
               for name in panels}  # shape (features, grid, 3)
        curves = {name: VGroup(*(VMobject(color=colors[name], stroke_width=3)
                                 .set_points_as_corners(pts[name][j])
                                 for j in range(len(d.features))))
                  for name in panels}
        return _Paths(head, ptag, panels, axes, spans, titles, ticks, maps, xs, pts, curves, ymax)

    def _build_feature_tags(self, pp):
        """Feature names at the lasso curves' left ends, spread so they never overlap, each
        with a leader line to its curve."""
        names = VGroup(*(label(f, style.SMALL_SIZE, style.L1) for f in self.paths.features))
        gap = max(m.height for m in names) + 0.06
        ys = _spread(pp.pts["lasso"][:, 0, 1], gap)
        for m, y in zip(names, ys, strict=True):
            m.move_to([pp.axes["lasso"].get_left()[0] - style.GAP, y, 0], aligned_edge=RIGHT)
        leaders = VGroup(*(Line(m.get_right() + style.GAP_S * 0.3 * RIGHT, pp.pts["lasso"][j, 0],
                                color=style.MUTED, stroke_width=1.5)
                           for j, m in enumerate(names)))
        return _Tags(names, [VGroup(m, ld) for m, ld in zip(names, leaders, strict=True)])

    def _build_path_counts(self, pp):
        """Under each panel "features kept: 10 of 10"; the note on the alpha ranges; in the
        ridge panel the smallest coefficient in size, read at the sweep's alpha (never 0)."""
        kept = {"lasso": _kept_row(style.L1), "ridge": _kept_row(style.L2)}
        for name in ("lasso", "ridge"):
            kept[name].next_to(pp.ticks[name], DOWN, buff=style.GAP)
            kept[name].set_x(pp.axes[name].get_center()[0])
        note = label("Each panel has its own α range: scikit-learn weighs the penalties "
                     "differently.", style.SMALL_SIZE, style.MUTED)
        fit_width(note).next_to(kept["lasso"], DOWN, buff=style.GAP_S).set_x(0)
        small_num = _number(self.ridge_smallest[0], 3, 2, style.LABEL_SIZE, style.L2)
        small = VGroup(label("closest to 0:", style.SMALL_SIZE, style.L2), small_num)
        small.arrange(RIGHT, buff=style.GAP_S)
        lo, hi = pp.spans["ridge"]
        small.next_to(pp.axes["ridge"].c2p(hi - lo, pp.ymax), DL, buff=style.GAP_S)
        return _Counts(kept, {name: row.num for name, row in kept.items()}, note, small,
                       small_num)

    def _build_path_cursors(self, pp):
        """The alpha cursor of each panel, a dot per curve riding it, and a zero mark where each
        lasso curve reaches 0 (shown once the cursor has passed it)."""
        d, ymax = self.paths, pp.ymax
        markers = {name: Line(ax.c2p(0, -ymax), ax.c2p(0, ymax), color=style.HIGHLIGHT,
                              stroke_width=2)
                   for name, ax in pp.axes.items()}
        dots = {name: VGroup(*(Dot(pp.pts[name][j, 0], radius=0.05, color=style.HIGHLIGHT)
                               for j in range(len(d.features))))
                for name in pp.axes}
        zero_marks = VGroup(*(Dot(pp.pts["lasso"][j, max(d.lasso_zero_index[j], 0)],
                                  radius=0.07, color=style.ZERO)
                              for j in range(len(d.features))))
        zero_marks.set_opacity(0.0)
        return _Cursors(markers, dots, zero_marks)

    def _say_alpha_sweep(self, pp, tags, counts, cursors):
        """Sweep alpha upward: cursors, dots, counts and dropped features follow it."""
        d = self.paths
        k_last = len(d.lasso_alphas) - 1
        s = ValueTracker(0.0)  # fractional grid index, the same in both panels
        dropped = [False] * len(d.features)

        def follow(_m):
            x = float(np.clip(s.get_value(), 0, k_last))
            i = min(int(np.floor(x)), k_last - 1)
            f = x - i
            near = int(round(x))
            for name in ("lasso", "ridge"):
                now = (1 - f) * pp.pts[name][:, i] + f * pp.pts[name][:, i + 1]
                u = (1 - f) * pp.xs[name][i] + f * pp.xs[name][i + 1]
                cursors.markers[name].put_start_and_end_on(pp.to_scene[name]([u, -pp.ymax]),
                                                           pp.to_scene[name]([u, pp.ymax]))
                for dot, q in zip(cursors.dots[name], now, strict=True):
                    dot.move_to(q)
            _show(counts.kept_nums["lasso"], int(d.lasso_kept[near]))
            _show(counts.kept_nums["ridge"], int(d.ridge_kept[near]))
            _show(counts.small_num, float(self.ridge_smallest[near]))
            for j in range(len(d.features)):
                z = 0 <= d.lasso_zero_index[j] <= near
                if z != dropped[j]:
                    dropped[j] = z
                    tags.names[j].set_color(style.MUTED if z else style.L1)
                    cursors.zero_marks[j].set_opacity(1.0 if z else 0.0)

        # the names (and the zero marks) are changed and drawn last; the cursors come above
        driver = self.drive([*tags.tags, cursors.zero_marks], follow)
        self.play(FadeIn(cursors.markers["lasso"], cursors.markers["ridge"], cursors.dots["lasso"],
                         cursors.dots["ridge"], counts.kept["lasso"], counts.kept["ridge"],
                         counts.small), run_time=style.SHORT)
        say(self, "Sweep alpha upward. One by one the lasso coefficients hit exactly zero and "
            "drop out of the model, while every ridge coefficient only shrinks.",
            s.animate(rate_func=linear).set_value(k_last), run_time=4 * style.LONG)
        driver.clear_updaters()

    # ---- the takeaway ---------------------------------------------------------------------------
    def takeaway(self):
        self.open_beat("takeaway")
        head, ptag = header("Takeaway", PENALTY_TAG)
        _inside_top(head, ptag)
        l1_pic, l1_text = self._takeaway_column(
            self.diamond, self.l1_contact, self.l1_level, style.L1,
            ("L1 penalty: corners on the axes.", "Minima often sit on a corner:",
             "exact zeros, the lasso selects."))
        l2_pic, l2_text = self._takeaway_column(
            self.circle, self.l2_contact, self.l2_level, style.L2,
            ("L2 penalty: round, no corners.", "Weights shrink but stay nonzero:",
             "ridge keeps every feature."))
        columns = VGroup(VGroup(l1_pic, l1_text).arrange(DOWN, buff=style.GAP),
                         VGroup(l2_pic, l2_text).arrange(DOWN, buff=style.GAP))
        columns.arrange(RIGHT, buff=style.GAP_L, aligned_edge=UP)
        fit_width(columns)
        columns.next_to(ptag, DOWN, buff=style.GAP).set_x(0)
        say(self, "The takeaway. An L1 penalty has corners on the axes, so the best point often "
            "sits on one and weights become exactly zero: the lasso selects features.",
            AnimationGroup(FadeIn(head, ptag, l1_pic), FadeIn(l1_text), lag_ratio=1.0), span=True)
        say(self, "An L2 penalty is round, so it shrinks every weight but almost never makes one "
            "exactly zero: ridge keeps every feature.",
            AnimationGroup(FadeIn(l2_pic), FadeIn(l2_text), lag_ratio=1.0), span=True)

    def _takeaway_column(self, shape, w, level, color, text):
        """A small contact picture (plane, ball, touching ellipse, contact point) and its three
        lines of text."""
        unit = ellipse_outline(Q, W_HAT, 1.0, ELLIPSE_POINTS) - W_HAT
        box = (np.full(2, -PLANE), np.full(2, PLANE))
        plane = _plane(PLANE, 3.2)
        to_scene = _mapper(plane.axes)
        ellipse = _set_runs(VMobject(color=style.LOSS, stroke_width=3),
                            [to_scene(r) for r in clip_polyline(W_HAT + np.sqrt(level) * unit,
                                                                *box)])
        pic = VGroup(plane, _outline(to_scene(T_FIRST * shape), color), ellipse,
                     Dot(to_scene(w), radius=0.09, color=style.HIGHLIGHT))
        lines = VGroup(*(label(t, style.LABEL_SIZE, color) for t in text))
        lines.arrange(DOWN, aligned_edge=LEFT, buff=style.GAP_S)
        return pic, lines
