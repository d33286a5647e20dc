"""Chapter "sparsity": runs, sections in order, shown values = mathutils, control frames."""

from __future__ import annotations

import numpy as np
import pytest
from manim import VMobject
from manim.utils.testing.frames_comparison import frames_comparison

import scenes.sparsity as chapter
from mathutils import descend, hard_threshold, penalty, penalty_slope, soft_threshold
from mathutils.descent import penalised_minimum, scalar_objective, worked_number
from scenes import style
from scenes.sparsity import WhyL1MakesZeros
from tests.chapter_tools import PACE, render_small, run_dry, subcaptions

__module_test__ = "sparsity"

BEATS = ["title", "norm-curves", "slopes", "gradient-steps", "kink", "threshold-maps", "takeaway"]


def _lowest_visible(scene) -> float:
    """The lowest bottom edge of anything visible on screen (invisible parts do not count)."""
    bottoms = [f.get_bottom()[1] for m in scene.mobjects for f in m.family_members_with_points()
               if isinstance(f, VMobject)
               and (f.get_stroke_opacity() > 0 or f.get_fill_opacity() > 0)]
    return min(bottoms, default=np.inf)


class _Probe(WhyL1MakesZeros):
    """The chapter as it is, recording after every play how low visible content reaches."""

    def play(self, *args, **kwargs):
        super().play(*args, **kwargs)
        self.lowest = min(getattr(self, "lowest", np.inf), _lowest_visible(self))


@pytest.fixture(scope="module")
def dry():
    """One dry run of the whole chapter (2 fps still runs every play and every updater)."""
    return run_dry(_Probe, frame_rate=2)


@pytest.fixture(scope="module")
def ready():
    """A scene after setup() only: the values it is about to show."""
    scene = WhyL1MakesZeros()
    scene.setup()
    return scene


# ---- 1. smoke -----------------------------------------------------------------------------


def test_runs_and_narrates(dry):
    lines = subcaptions(dry)
    assert lines and all(line.strip() for line in lines)
    assert PACE[0] <= dry.renderer.time <= PACE[1]
    text = " ".join(lines)
    assert "quadratically" in text and "exponentially" in text  # the seed's error, corrected
    wn = worked_number(0.25, 0.1)
    assert f"{wn.drop_l1:.2f}" in text and f"{wn.drop_l2:.4f}" in text


def test_caption_band_stays_clear(dry):
    """Nothing visible ever reaches the caption-safe band (rule 11), at the end of any play."""
    assert dry.lowest >= style.FLOOR


# ---- 2. sections --------------------------------------------------------------------------
def test_sections_are_the_beats_in_order(tmp_path):
    sections = render_small(WhyL1MakesZeros, tmp_path)
    assert [s["name"] for s in sections] == BEATS


# ---- 3. values ----------------------------------------------------------------------------
def test_norm_and_slope_values(ready):
    w = ready.w_grid
    assert np.array_equal(ready.norm_values["l1"], np.abs(w))
    assert np.array_equal(ready.norm_values["l2"], w * w)
    assert np.array_equal(ready.slope_values["l1"], penalty_slope(w, "l1"))
    assert np.array_equal(ready.slope_values["l2"], 2 * w)


def test_worked_number(ready):
    assert ready.worked == worked_number(0.25, 0.1)
    assert ready.worked.drop_l1 == pytest.approx(0.15)
    assert ready.worked.drop_l2 == pytest.approx(0.0525)
    assert ready.worked_values == {"l1": (0.25, 0.1), "l2": (0.0625, pytest.approx(0.01))}


def test_descent_runs_shown_are_descend(ready):
    runs = ready.runs
    kw = dict(target=runs.target, lam=runs.lam, lr=runs.lr, steps=runs.steps)
    assert np.array_equal(runs.l2, descend(runs.w0, penalty="l2", method="subgradient", **kw))
    assert np.array_equal(runs.l1_subgradient,
                          descend(runs.w0, penalty="l1", method="subgradient", **kw))
    assert np.array_equal(runs.l1_proximal,
                          descend(runs.w0, penalty="l1", method="proximal", **kw))
    # What the readouts end on: exact zero only for the proximal run.
    assert runs.l1_proximal[-1] == 0.0
    assert runs.l1_subgradient[-1] != 0.0 and abs(runs.l1_subgradient[-1]) < 0.01
    assert runs.l2[-1] == pytest.approx(runs.target / (1 + 2 * runs.lam), abs=1e-4)
    assert ready.descent_minima["l1"] == 0.0  # the parameters make the L1 optimum exactly 0
    assert ready.l2_ratio == pytest.approx(1 - runs.lr * (1 + 2 * runs.lam))
    for name in ("l2", "l1_subgradient", "l1_proximal"):
        kind = "l2" if name == "l2" else "l1"
        ws = runs.run(name)
        assert np.allclose(ready.descent_points[name],
                           0.5 * (ws - runs.target) ** 2 + runs.lam * penalty(ws, kind))


def test_proximal_threshold_is_the_step_of_descend(ready):
    """The soft threshold written under the proximal run is the one descend applies."""
    runs, thr = ready.runs, ready.prox_threshold
    assert thr == pytest.approx(runs.lr * runs.lam)
    ws = runs.l1_proximal
    for k in range(runs.steps):
        v = ws[k] - runs.lr * (ws[k] - runs.target)
        assert ws[k + 1] == pytest.approx(float(soft_threshold(v, thr)), abs=1e-12)
    assert np.count_nonzero(ws == 0.0) == runs.steps + 1 - runs.first_exact_zero("l1_proximal")


def test_kink_minima(ready):
    lams, t = ready.kink_lams, chapter.KINK_TARGET
    l1, l2 = ready.kink_minima["l1"], ready.kink_minima["l2"]
    assert np.array_equal(l1, [soft_threshold(t, lam) for lam in lams])
    assert np.all(l1[lams >= abs(t)] == 0.0) and np.all(l1[lams < abs(t)] > 0)
    assert np.allclose(l2, t / (1 + 2 * lams)) and np.all(l2 > 0)
    for kind in ("l1", "l2"):
        assert np.allclose(ready.kink_minimum_values[kind],
                           [scalar_objective(m, t, lam, kind)
                            for m, lam in zip(ready.kink_minima[kind], lams, strict=True)])
        for row, lam in zip(ready.kink_curves[kind], lams, strict=True):
            assert np.allclose(row, scalar_objective(ready.kink_grid, t, lam, kind))
        assert np.array_equal(ready.kink_minima[kind], penalised_minimum(t, lams, kind))


def test_threshold_maps(ready):
    """The three maps minimise 0.5 (w - z)^2 + lam R(w), the objective of the kink and takeaway
    beats (one scaling of lam): soft threshold at lam, z / (1 + 2 lam), hard at sqrt(2 lam)."""
    z, lam = ready.z_grid, chapter.THRESHOLD
    maps = ready.threshold_maps
    assert np.array_equal(maps["soft"], soft_threshold(z, lam))
    assert np.allclose(maps["ridge"], z / (1 + 2 * lam))
    assert np.array_equal(maps["hard"], hard_threshold(z, np.sqrt(2 * lam)))
    # the ridge map is the kink beat's L2 minimum for every target
    assert np.allclose(maps["ridge"][::60], [penalised_minimum(t, lam, "l2") for t in z[::60]])
    for key, t in ready.map_thresholds.items():
        assert np.all(maps[key][np.abs(z) <= t] == 0.0)
    assert np.all(maps["ridge"][z != 0] != 0.0)


def test_balance_of_forces(ready):
    """The takeaway's minima against brute force on a fine grid (an oracle independent of the
    closed forms), and the push curves; the dead zone |z| <= lam gives exactly 0 under L1."""
    z, lam = ready.balance_z, chapter.BALANCE_LAM
    assert z[0] <= -chapter.BALANCE_Z[1] and z[-1] >= chapter.BALANCE_Z[0]  # covers the sweep
    assert np.all(np.diff(z) > 0)  # the updater interpolates over it
    w = np.linspace(-2, 2, 400_001)  # spacing 1e-5: the brute-force minimiser is that close
    for kind in ("l1", "l2"):
        brute = [w[np.argmin(0.5 * (w - zk) ** 2 + lam * penalty(w, kind))] for zk in z[::20]]
        assert ready.balance_min[kind][::20] == pytest.approx(brute, abs=1e-5)
        assert np.array_equal(ready.balance_push[kind], lam * penalty_slope(ready.w_grid, kind))
    l1, l2 = ready.balance_min["l1"], ready.balance_min["l2"]
    assert np.all(l1[np.abs(z) <= lam] == 0.0) and np.all(l1[np.abs(z) > lam] != 0.0)
    assert np.all(l2[z != 0] != 0.0)


# ---- 4. control frames --------------------------------------------------------------------
@frames_comparison(base_scene=WhyL1MakesZeros)
def test_gradient_steps_frame(scene):
    scene.gradient_steps()


@frames_comparison(base_scene=WhyL1MakesZeros)
def test_kink_frame(scene):
    scene.kink()


@frames_comparison(base_scene=WhyL1MakesZeros)
def test_threshold_maps_frame(scene):
    scene.threshold_maps_beat()


@frames_comparison(base_scene=WhyL1MakesZeros)
def test_takeaway_frame(scene):
    scene.takeaway()
