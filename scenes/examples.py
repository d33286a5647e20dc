"""The worked examples more than one chapter draws, each defined once.

The recap replays every chapter's own picture with that chapter's own data, and the intro's
second teaser previews chapter 3's contact. Their parameters live here, below the chapters,
so no chapter imports another. Every value on screen is computed from them by ``mathutils``.
"""

from __future__ import annotations

import numpy as np

#: mathutils' name for the lecture's one notation, 1/2 ||y - Xw||^2 + lam R(w)
LECTURE = "lecture"

# ---- chapter 2, sparsity: one weight descending (the L1 optimum is exactly 0) -------------
DESCENT = dict(w0=1.0, target=0.1, lam=0.5, lr=0.25, steps=18)

# ---- chapter 3, geometry: the loss of the contact beat -------------------------------------
# Tilted ellipses around CONTACT_W_HAT. Chosen (and checked in the tests) so that at budget 1
# the diamond is touched at its corner (0, 1) and the circle is not, and as the budget shrinks
# the diamond's contact reaches the w2 axis once and stays on it.
CONTACT_Q = np.array([[1.5, 0.9], [0.9, 2.5]])
CONTACT_W_HAT = np.array([1.3, 1.9])
CONTACT_T = 1.0  # the budget of the first contact

# ---- chapter 4, robustness: the point dragged upward ---------------------------------------
TUG = dict(seed=90, n=12, intercept=1.0, slope=0.5, noise=0.4, x_low=0.5, x_high=9.5)
TUG_POINT = 9  # the point dragged upward ...
TUG_RISE = 6.0  # ... by this much ...
TUG_STEPS = 61  # ... in this many precomputed fits

# ---- chapter 5, stability: the nudge --------------------------------------------------------
NUDGE_POSITIONS = 121  # fits solved along the nudge (each one a lad_fit and an ols_fit)

# ---- chapter 6, numeracy: the grid whose routes are all shown -------------------------------
ROUTES_GRID = (3, 2)

# ---- chapter 7, computation: the two-feature problem ----------------------------------------
CD_N, CD_SEED = 40, 7  # rows and seed of mathutils.data.correlated_pair
RIDGE_LAM = 5.0  # ridge: 1/2 ||y - Xw||^2 + lam ||w||_2^2
LASSO_LAM = 18.0  # lasso: 1/2 ||y - Xw||^2 + lam ||w||_1
CD_START = (-0.5, 2.2)  # where coordinate descent starts
RIDGE_LEVELS = (1.0, 4.0, 10.0, 20.0, 35.0)  # contour levels above the ridge minimum
LASSO_LEVELS = (2.0, 8.0, 18.0, 32.0, 46.0)  # contour levels above the lasso minimum
CD_WINDOW = ((-1.0, 3.0), (-1.5, 2.5))  # the (w1, w2) window of the contour plots
