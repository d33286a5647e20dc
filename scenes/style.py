"""The house look: colours by meaning, one type scale, spacing and pacing constants.

Chapters import from here instead of typing colours, sizes or offsets. Colours are the
Okabe-Ito palette (safe for colour-blind viewers), checked readable on ``BACKGROUND``.
"""

from __future__ import annotations

from manim import ManimColor

# ---- colour by meaning -------------------------------------------------------------------
BACKGROUND = ManimColor("#14161B")  # also set in manim.cfg; kept here for components
L1 = ManimColor("#E69F00")  # orange: everything L1 (|w|, lasso, LAD, diamond)
L2 = ManimColor("#56B4E9")  # sky blue: everything L2 (w², ridge, least squares, circle)
LOSS = ManimColor("#CC79A7")  # reddish purple: the data-fit loss, its contours
DATA = ManimColor("#ECECEC")  # near white: data points
HIGHLIGHT = ManimColor("#F0E442")  # yellow: the thing to look at now
ZERO = ManimColor("#009E73")  # bluish green: an exact zero, a selected/kept feature
BEST_SUBSET = ManimColor("#D55E00")  # vermilion: hard threshold (best subset)
TEXT = ManimColor("#F2F2F2")  # body text
MUTED = ManimColor("#8A8F98")  # axes, grids, secondary text

# ---- type scale (font_size for Text / MathTex / Tex) ---------------------------------------
TITLE_SIZE = 54
HEADING_SIZE = 40
BODY_SIZE = 32
LABEL_SIZE = 28
SMALL_SIZE = 24  # the smallest text on screen: still readable at 480p

FONT = "DejaVu Sans"  # installed with Debian's fonts; same glyphs on every machine

# ---- spacing (manim units; the frame is 14.2 x 8) -----------------------------------------
EDGE = 0.5  # margin kept free at every frame edge
GAP_S = 0.15  # between a thing and its own label
GAP = 0.35  # between neighbouring items in a group
GAP_L = 0.7  # between panels
# Players draw subtitles over the bottom 15 % of the picture: keep that band free of content
# (chapter standard, rule 11). Its top edge is FLOOR, in frame coordinates.
CAPTION_BAND = 1.2
FLOOR = -4.0 + CAPTION_BAND

# ---- pacing -------------------------------------------------------------------------------
WORDS_PER_SECOND = 2.6  # narration reading speed (the standard asks 2.5 to 3)
SHORT = 0.6  # a quick transform
NORMAL = 1.2  # a standard play
LONG = 2.5  # a sweep the viewer should follow
PAUSE = 0.8  # a beat of rest between ideas (never more than about 2 s idle)
