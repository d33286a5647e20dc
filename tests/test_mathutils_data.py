"""mathutils.data against the published quartet, its famous statistics, and scikit-learn."""

import numpy as np
import pytest
from scipy.stats import linregress
from sklearn.datasets import load_diabetes

from mathutils import DIABETES_FEATURES, anscombe, diabetes, ols_fit

# Anscombe (1973), Table 1, typed in independently of assets/data/anscombe.csv.
X123 = [10, 8, 13, 9, 11, 14, 6, 4, 12, 7, 5]
PUBLISHED = {
    1: (X123, [8.04, 6.95, 7.58, 8.81, 8.33, 9.96, 7.24, 4.26, 10.84, 4.82, 5.68]),
    2: (X123, [9.14, 8.14, 8.74, 8.77, 9.26, 8.10, 6.13, 3.10, 9.13, 7.26, 4.74]),
    3: (X123, [7.46, 6.77, 12.74, 7.11, 7.81, 8.84, 6.08, 5.39, 8.15, 6.42, 5.73]),
    4: ([8, 8, 8, 8, 8, 8, 8, 19, 8, 8, 8],
        [6.58, 5.76, 7.71, 8.84, 8.47, 7.04, 5.25, 12.50, 5.56, 7.91, 6.89]),
}


@pytest.mark.parametrize("k", [1, 2, 3, 4])
def test_anscombe_is_the_published_table(k):
    x, y = anscombe(k)
    np.testing.assert_array_equal(x, PUBLISHED[k][0])
    np.testing.assert_array_equal(y, PUBLISHED[k][1])


@pytest.mark.parametrize("k", [1, 2, 3, 4])
def test_anscombe_famous_summary_statistics(k):
    x, y = anscombe(k)
    assert len(x) == len(y) == 11
    assert x.mean() == 9.0
    assert x.var(ddof=1) == pytest.approx(11.0)
    assert round(y.mean(), 2) == 7.50
    assert round(y.var(ddof=1), 1) == 4.1  # 4.12 to 4.13 across the sets
    assert round(np.corrcoef(x, y)[0, 1], 2) == 0.82
    fit = linregress(x, y)
    assert round(fit.intercept, 2) == 3.00
    assert round(fit.slope, 3) == 0.500
    line = ols_fit(x, y)
    assert round(line.intercept, 2) == 3.00 and round(line.slope, 3) == 0.500


def test_anscombe_returns_fresh_arrays():
    x, _ = anscombe(1)
    x[0] = -1.0
    assert anscombe(1)[0][0] == 10.0


def test_diabetes_equals_sklearn():
    X, y = diabetes()
    sk = load_diabetes()
    assert X.shape == (442, 10) and y.shape == (442,)
    np.testing.assert_allclose(X, sk.data, rtol=1e-10, atol=1e-14)
    np.testing.assert_array_equal(y, sk.target)
    assert list(DIABETES_FEATURES) == list(sk.feature_names)
    # the documented scaling: every column has mean 0 and Euclidean norm 1
    np.testing.assert_allclose(X.mean(axis=0), 0.0, atol=1e-15)
    np.testing.assert_allclose(np.linalg.norm(X, axis=0), 1.0, rtol=1e-12)


def test_diabetes_raw_matches_sklearn_unscaled():
    raw = load_diabetes(scaled=False)
    X, _ = diabetes()
    Xr = raw.data
    rebuilt = (Xr - Xr.mean(axis=0)) / (Xr.std(axis=0) * np.sqrt(len(Xr)))
    np.testing.assert_allclose(X, rebuilt, rtol=1e-12, atol=1e-15)


@pytest.mark.parametrize("k", [0, 5, -1, 1.5, "1", None])
def test_anscombe_bad_k(k):
    with pytest.raises(ValueError, match=r"\bk\b"):
        anscombe(k)
