"""Ridge and lasso regression with scikit-learn's objectives, written from scratch.

Both fit an unpenalised intercept by centring ``X`` and ``y`` first. ``X`` has at most
``MAX_FEATURES`` (2000) columns: the ``p x p`` Gram matrix and the lasso's coordinate
sweeps grow with ``p**2`` (the lecture uses at most 320).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ._checks import (
    MAX_FEATURES,
    count,
    finite_array,
    finite_result,
    nonnegative,
    positive,
    same_length,
)

#: Largest work of one lasso solve, in sweeps times ``p**2`` (one sweep updates a running
#: ``G @ w`` of length ``p`` per changed coefficient): about 20 s on a slow core. A solve
#: that has not converged when it is spent raises ValueError instead of running for hours
#: (e.g. 100 000 sweeps over 2000 features). The lecture's largest solve (320 features)
#: converges in a few sweeps.
MAX_LASSO_WORK = 1_000_000_000


@dataclass(frozen=True)
class LinearFit:
    """A fitted linear model ``y ~ X @ coef + intercept``.

    Attributes
    ----------
    coef : ndarray of shape (n_features,)
    intercept : float
    n_iter : int or None
        Coordinate-descent sweeps used (lasso); ``None`` for a closed form (ridge).
    """

    coef: np.ndarray
    intercept: float
    n_iter: int | None = None


@dataclass(frozen=True)
class CentredGram:
    """Centred data scaled by powers of two: ``Xc = 2**ex Xs``, ``yc = 2**ey ys``.

    The solvers work on the scaled Gram data (entries of order 1, so data near 1e-300 or
    1e300 neither underflow nor overflow); the scaling is exact, so for ordinary data the
    answers are bitwise those of the unscaled formulas.
    """

    x_mean: np.ndarray
    y_mean: float
    gram: np.ndarray  # Xs.T @ Xs
    xty: np.ndarray  # Xs.T @ ys
    n: int
    ex: int
    ey: int

    def coef(self, w: np.ndarray) -> np.ndarray:
        """Coefficients of the original problem from those of the scaled one."""
        with np.errstate(over="ignore"):
            return np.ldexp(w, self.ey - self.ex)

    def lasso_alpha(self, alpha: float) -> float:
        """The lasso penalty of the scaled problem (inf beyond floats: every coef is 0)."""
        with np.errstate(over="ignore"):
            return float(np.ldexp(alpha, -(self.ex + self.ey)))

    def ridge(self, alpha: float) -> np.ndarray:
        """Ridge coefficients of the original problem for penalty ``alpha``."""
        with np.errstate(over="ignore"):
            scaled = float(np.ldexp(alpha, -2 * self.ex))
        if np.isinf(scaled):  # alpha dwarfs X^T X: w = X^T y / alpha to float precision
            with np.errstate(over="ignore", under="ignore"):
                return np.ldexp(self.xty / alpha, self.ex + self.ey)
        a = self.gram + scaled * np.eye(len(self.gram))
        try:
            if scaled == 0:
                raise np.linalg.LinAlgError
            w = np.linalg.solve(a, self.xty)
        except np.linalg.LinAlgError:  # alpha = 0, or too small to lift a singular X^T X
            w = np.linalg.lstsq(a, self.xty, rcond=None)[0]
        return self.coef(w)


def _exp2(a: np.ndarray) -> int:
    m = float(np.max(np.abs(a), initial=0.0))
    return int(np.frexp(m)[1]) if m > 0 else 0


def centred_gram(X, y) -> CentredGram:
    """Centre ``X`` and ``y`` and form the Gram data every solver here starts from.

    Parameters
    ----------
    X : array_like of shape (n, p)
        At least one row and between 1 and ``MAX_FEATURES`` (2000) columns.
    y : array_like of shape (n,)

    Returns
    -------
    CentredGram
        Means, ``Xs^T Xs`` and ``Xs^T ys`` of the centred data scaled by exact powers of two.
    """
    X = finite_array("X", X, ndim=2)
    y = finite_array("y", y, ndim=1)
    same_length(X, y, "X", "y")
    if len(y) < 1:
        raise ValueError("X and y must have at least one row")
    if X.shape[1] < 1:
        raise ValueError("X must have at least one column (feature)")
    if X.shape[1] > MAX_FEATURES:
        raise ValueError(
            f"X must have at most {MAX_FEATURES} columns (features; a documented cap), "
            f"got {X.shape[1]}"
        )
    e0, f0 = _exp2(X), _exp2(y)
    Xs, ys = np.ldexp(X, -e0), np.ldexp(y, -f0)
    xm, ym = Xs.mean(axis=0), float(ys.mean())
    Xc, yc = Xs - xm, ys - ym
    e1, f1 = _exp2(Xc), _exp2(yc)
    Xc, yc = np.ldexp(Xc, -e1), np.ldexp(yc, -f1)
    return CentredGram(np.ldexp(xm, e0), float(np.ldexp(ym, f0)), Xc.T @ Xc, Xc.T @ yc, len(y),
                    e0 + e1, f0 + f1)


def _alphas(alphas) -> np.ndarray:
    a = finite_array("alphas", alphas, ndim=1)
    if np.any(a < 0):
        raise ValueError("alphas must all be >= 0")
    return a


def ridge(X, y, alpha: float) -> LinearFit:
    """Ridge regression: minimise ``||y - X w - b||^2 + alpha ||w||^2`` (scikit-learn's Ridge).

    Closed form on centred data: ``w = (Xc^T Xc + alpha I)^{-1} Xc^T yc``, ``b = ybar - xbar w``.
    No coefficient is ever exactly zero unless ``Xc^T yc`` makes it so: ridge shrinks, it
    does not select.
    """
    alpha = nonnegative("alpha", alpha)
    c = centred_gram(X, y)
    coef = c.ridge(alpha)
    return LinearFit(coef, _intercept(c, coef))


def _intercept(c: CentredGram, coef: np.ndarray) -> float:
    with np.errstate(over="ignore", invalid="ignore"):
        b = float(c.y_mean - c.x_mean @ coef)
    finite_result("the fit (coefficients or intercept; rescale X and y)", [coef, b])
    return b


def ridge_path(X, y, alphas) -> np.ndarray:
    """Ridge coefficients for each alpha: an array of shape (len(alphas), n_features)."""
    alphas = _alphas(alphas)
    c = centred_gram(X, y)
    out = np.zeros((len(alphas), len(c.xty)))
    for i, a in enumerate(alphas):
        out[i] = c.ridge(float(a))
    return finite_result("the ridge path (rescale X and y)", out)


#: KKT slack for accepting an exact active-set solution, relative to the size of the
#: correlations; far above rounding (~1e-15) and far below any meaningful change.
_KKT_RTOL = 1e-10


class LassoCD:
    """The lasso's one coordinate descent, for ``(1/2n)||yc - Xc w||^2 + alpha ||w||_1``.

    Covariance form: with ``G = Xc^T Xc`` and ``b = Xc^T yc`` each coordinate update is
    ``w_j <- S(z_j, n alpha) / G_jj``, the soft threshold of ``z_j = b_j - (G w)_j + G_jj w_j``
    (the correlation of feature ``j`` with the residual that leaves ``j`` out), so zeros are
    exact. That is the lecture's update for ``(1/2)||yc - Xc w||^2 + lam ||w||_1`` with
    ``lam = n alpha``. The Gram data are converted once, so a path reuses them for every
    alpha. :meth:`run` is the loop; it can record every move, which is how
    :func:`mathutils.coordinate.coordinate_descent_lasso` draws the textbook algorithm (no
    polishing) with the same code that :func:`lasso` solves with.

    Polishing: coordinate descent finds *which* coefficients are nonzero, with which signs,
    long before the values converge. Whenever a sweep ends on a support and sign pattern not
    tried yet, the exact solution on it is one small linear solve,
    ``G_AA w_A = b_A - n alpha s_A``, and it is accepted only if it satisfies the lasso's
    optimality (KKT) conditions: every active coefficient keeps its sign and has
    correlation ``b_j - (G w)_j = n alpha s_j``, every inactive one has
    ``|b_j - (G w)_j| <= n alpha`` (to a relative slack of ``_KKT_RTOL``). Those conditions
    are necessary and sufficient for the (convex) lasso, so an accepted polish is the
    minimiser up to rounding, with exact zeros off the support. A path tries the previous
    alpha's pattern first (warm start), so most alphas need no sweep at all. If no pattern
    passes, the sweeps run on until the largest coefficient change in a full sweep is below
    ``tol`` times the largest coefficient (scikit-learn's first criterion), as plain
    coordinate descent would.
    """

    def __init__(self, gram: np.ndarray, xty: np.ndarray, n: int):
        self.gram, self.xty, self.n = gram, xty, n
        self.p = len(xty)
        self.G = gram.tolist()
        self.diag = np.diag(gram).tolist()
        self.b = xty.tolist()
        self.scale = float(np.max(np.abs(xty), initial=0.0))
        self.abs_gram = np.abs(gram)

    def polish(self, thr: float, w: np.ndarray) -> np.ndarray | None:
        """The exact solution on the support and signs of ``w``, or None if it is not optimal."""
        active = np.flatnonzero(w)
        out = np.zeros(self.p)
        if active.size:
            signs = np.sign(w[active])
            try:
                wa = np.linalg.solve(
                    self.gram[np.ix_(active, active)], self.xty[active] - thr * signs
                )
            except np.linalg.LinAlgError:
                return None
            if thr > 0.0 and np.any(np.sign(wa) != signs):
                return None
            out[active] = wa + 0.0  # (alpha = 0 could give -0.0)
        corr = self.xty - self.gram @ out
        slack = _KKT_RTOL * (self.scale + thr + float(np.max(self.abs_gram @ np.abs(out))))
        target = np.zeros(self.p)
        if active.size:
            target[active] = thr * np.sign(out[active])
        inactive = np.ones(self.p, dtype=bool)
        inactive[active] = False
        if np.any(np.abs(corr[active] - target[active]) > slack):
            return None  # the linear solve was not accurate (near-singular G_AA)
        if np.any(np.abs(corr[inactive]) > thr + slack):
            return None  # an excluded coefficient wants to enter
        return out

    def run(
        self,
        thr: float,
        w: np.ndarray,
        tol: float,
        max_sweeps: int,
        polish: bool = True,
        record: list | None = None,
    ) -> tuple[np.ndarray, int, bool]:
        """Cyclic coordinate descent from ``w`` with threshold ``thr``: the one loop.

        In these units the objective is ``(1/2)||yc - Xc w||^2 + thr ||w||_1``, and the update
        of coordinate ``j`` is ``w_j <- S(z_j, thr) / G_jj`` with
        ``z_j = b_j - (G w)_j + G_jj w_j``, the correlation of feature ``j`` with the residual
        that leaves ``j`` out. With ``polish`` a sweep that ends on a new support and sign
        pattern tries the exact solution on it (see the class docstring). With ``record`` (a
        list) every move appends ``(j, z_j, new w_j)``, including moves that change nothing.

        Returns the coefficients, the sweeps run and whether it stopped by converging (or by
        an accepted polish) rather than by running out of ``max_sweeps``.
        """
        p, G, diag, b = self.p, self.G, self.diag, self.b
        wl = w.tolist()
        gw = (self.gram @ w).tolist()  # running G @ w
        tried = _pattern(wl)
        sweeps = 0
        while sweeps < max_sweeps:
            sweeps += 1
            max_dw = 0.0
            max_w = 0.0
            for j in range(p):
                gjj = diag[j]
                if gjj == 0.0:
                    continue
                wj = wl[j]
                rho = b[j] - gw[j] + gjj * wj
                if rho > thr:
                    new = (rho - thr) / gjj
                elif rho < -thr:
                    new = (rho + thr) / gjj
                else:
                    new = 0.0
                if record is not None:
                    record.append((j, rho, new))
                d = new - wj
                if d != 0.0:
                    wl[j] = new
                    row = G[j]
                    for k in range(p):
                        gw[k] += row[k] * d
                    ad = abs(d)
                    if ad > max_dw:
                        max_dw = ad
                an = abs(new)
                if an > max_w:
                    max_w = an
            if polish:
                pattern = _pattern(wl)
                if pattern != tried:
                    tried = pattern
                    polished = self.polish(thr, np.array(wl))
                    if polished is not None:
                        return polished, sweeps, True
            if max_dw <= tol * max_w or max_w == 0.0:
                return np.array(wl), sweeps, True
        return np.array(wl), sweeps, False

    def solve(
        self, alpha: float, w: np.ndarray, tol: float, max_iter: int
    ) -> tuple[np.ndarray, int]:
        """Minimise from the warm start ``w``; return the coefficients and the sweeps used."""
        thr = float(alpha) * self.n
        polished = self.polish(thr, w)
        if polished is not None:
            return polished, 0
        budget = max(1, MAX_LASSO_WORK // (self.p * self.p))
        limit = min(max_iter, budget)
        coef, sweeps, converged = self.run(thr, w, tol, limit)
        if not converged and limit < max_iter:
            raise ValueError(
                f"lasso did not converge within the documented work cap of {MAX_LASSO_WORK:_} "
                f"(sweeps * p**2; {limit} sweeps for p={self.p}) before max_iter={max_iter}; "
                "pass a larger alpha, a looser tol or fewer features"
            )
        return coef, sweeps


def _pattern(w: list[float]) -> tuple[int, ...]:
    """The support and sign pattern of ``w``: -1, 0 or 1 per coefficient."""
    return tuple(int(v > 0.0) - int(v < 0.0) for v in w)


def lasso(X, y, alpha: float, tol: float = 1e-10, max_iter: int = 100_000) -> LinearFit:
    """Lasso: minimise ``(1/2n)||y - X w - b||^2 + alpha ||w||_1`` (scikit-learn's Lasso).

    Solved by cyclic coordinate descent; each update is a soft threshold, so the
    coefficients that the penalty removes are exactly 0.0. As soon as a sweep lands on a
    support and sign pattern whose exact solution (one small linear solve) passes the
    lasso's optimality conditions, that exact solution is returned (see ``LassoCD``).

    Parameters
    ----------
    X : array_like of shape (n, p)
    y : array_like of shape (n,)
    alpha : float
        Penalty strength, >= 0.
    tol : float
        Relative change in a full sweep below which plain coordinate descent stops, if no
        exact solution was found before (polishing usually ends far earlier).
    max_iter : int
        Largest number of sweeps. Whatever ``max_iter``, a solve stops after
        ``MAX_LASSO_WORK / p**2`` sweeps (``MAX_LASSO_WORK`` = 10**9) and raises ValueError
        if it has not converged by then.

    Returns
    -------
    LinearFit
        With ``n_iter`` the number of coordinate-descent sweeps (0 when ``alpha`` is at
        least ``lasso_alpha_max``: the all-zero start is already optimal).
    """
    alpha = nonnegative("alpha", alpha)
    tol = positive("tol", tol)
    max_iter = count("max_iter", max_iter, minimum=1)
    c = centred_gram(X, y)
    coef, it = LassoCD(c.gram, c.xty, c.n).solve(
        c.lasso_alpha(alpha), np.zeros(len(c.xty)), tol, max_iter
    )
    coef = c.coef(coef)
    return LinearFit(coef, _intercept(c, coef), it)


def lasso_alpha_max(X, y) -> float:
    """The smallest alpha at which every lasso coefficient is 0: ``max |Xc^T yc| / n``."""
    c = centred_gram(X, y)
    with np.errstate(over="ignore"):
        amax = float(np.ldexp(np.max(np.abs(c.xty)) / c.n, c.ex + c.ey))
    return float(finite_result("lasso_alpha_max (X and y are too large)", amax))


def lasso_path(X, y, alphas, tol: float = 1e-10, max_iter: int = 100_000) -> np.ndarray:
    """Lasso coefficients for each alpha: an array of shape (len(alphas), n_features).

    Solved from the largest alpha down, each solve warm-started from the previous one
    (whose support and signs are tried first, so an alpha at which no coefficient enters
    or leaves costs one linear solve); rows are returned in the order of ``alphas``.
    ``tol`` and ``max_iter`` are as in :func:`lasso`, per alpha.
    """
    alphas = _alphas(alphas)
    tol = positive("tol", tol)
    max_iter = count("max_iter", max_iter, minimum=1)
    c = centred_gram(X, y)
    out = np.zeros((len(alphas), len(c.xty)))
    solver = LassoCD(c.gram, c.xty, c.n)
    w = np.zeros(len(c.xty))
    for i in np.argsort(-alphas, kind="stable"):
        w, _ = solver.solve(c.lasso_alpha(float(alphas[i])), w, tol, max_iter)
        out[i] = c.coef(w)
    return finite_result("the lasso path (rescale X and y)", out)
