"""Caption text -> the words a person would say: numbers, symbols and maths read aloud.

The captions are written for reading ("w = 0.1", "L1", "|w|", "λ"); a speech engine fed them
raw guesses ("L1" as "el-one"? "0.1" as "nought point one"?) and each engine guesses
differently. So every engine gets the same spelled-out words, and the cache key uses them too.
American English, the accent of the default voice.
"""

from __future__ import annotations

import re
import unicodedata

_ONES = ("zero one two three four five six seven eight nine ten eleven twelve thirteen "
         "fourteen fifteen sixteen seventeen eighteen nineteen").split()
_TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()
_SCALES = ((10**12, "trillion"), (10**9, "billion"), (10**6, "million"), (1000, "thousand"))
_ORDINAL = {"one": "first", "two": "second", "three": "third", "five": "fifth", "eight": "eighth",
            "nine": "ninth", "twelve": "twelfth"}


def number_words(n: int) -> str:
    """Say a whole number in words, American style: 442 -> "four hundred forty-two".

    Parameters
    ----------
    n : int
        Any integer; negative numbers start with "minus".

    Returns
    -------
    str
        The number in words.
    """
    if n < 0:
        return "minus " + number_words(-n)
    if n < 20:
        return _ONES[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return _TENS[tens] + (f"-{_ONES[ones]}" if ones else "")
    if n < 1000:
        hundreds, rest = divmod(n, 100)
        return f"{_ONES[hundreds]} hundred" + (f" {number_words(rest)}" if rest else "")
    for size, name in _SCALES:
        if n >= size:
            big, rest = divmod(n, size)
            return f"{number_words(big)} {name}" + (f" {number_words(rest)}" if rest else "")
    raise AssertionError("unreachable")


def ordinal_words(n: int) -> str:
    """Say an ordinal: 1 -> "first", 22 -> "twenty-second", 100 -> "one hundredth"."""
    head, last = re.fullmatch(r"(.*?[ -]?)(\w+)", number_words(n)).groups()
    if last in _ORDINAL:
        last = _ORDINAL[last]
    elif last.endswith("y"):
        last = last[:-1] + "ieth"
    else:
        last += "th"
    return head + last


def decimal_words(token: str) -> str:
    """Say a written number: "0.0525" -> "zero point zero five two five", "1,000" -> "one thousand".

    Digits after the point are read one by one, each of them, as the caption shows them
    ("5.90" -> "five point nine zero"), so the voice says what the viewer reads.
    """
    sign = ""
    if token[0] in "-−":
        sign, token = "minus ", token[1:]
    whole, _, frac = token.replace(",", "").partition(".")
    words = number_words(int(whole)) if whole else "zero"
    if frac:
        words += " point " + " ".join(_ONES[int(d)] for d in frac)
    return sign + words


_GREEK = {"α": "alpha", "β": "beta", "γ": "gamma", "δ": "delta", "ε": "epsilon", "ζ": "zeta",
          "η": "eta", "θ": "theta", "κ": "kappa", "λ": "lambda", "μ": "mu", "ν": "nu", "ξ": "xi",
          "π": "pi", "ρ": "rho", "σ": "sigma", "τ": "tau", "φ": "phi", "χ": "chi", "ψ": "psi",
          "ω": "omega", "Γ": "gamma", "Δ": "delta", "Θ": "theta", "Λ": "lambda", "Σ": "sigma",
          "Φ": "phi", "Ψ": "psi", "Ω": "omega"}
# Symbols with spaces around them, since they stand between words ("a ≈ b").
_SYMBOLS = {"≈": "is about", "≠": "is not equal to", "≤": "is at most", "≥": "is at least",
            "<": "is less than", ">": "is greater than", "=": "equals", "±": "plus or minus",
            "×": "times", "·": "times", "÷": "divided by", "→": "goes to", "∞": "infinity",
            "∈": "in", "∑": "the sum of", "∂": "partial", "∇": "the gradient of",
            "√": "the square root of", "&": "and", "+": "plus", "−": "minus"}
_SUPERSCRIPT = {"²": " squared ", "³": " cubed ", "ᵀ": " transpose ", "⊤": " transpose ",
                "⁻¹": " inverse ", "ⁿ": " to the power n "}
_SUBSCRIPT_DIGITS = str.maketrans("₀₁₂₃₄₅₆₇₈₉", "0123456789")
# Combining marks over a letter, as in ŵ (w + U+0302 once decomposed).
_ACCENTS = {"\u0302": "hat", "\u0304": "bar", "\u0303": "tilde", "\u0307": "dot"}
_ABBREVIATIONS = ((r"\bvs\.?(?=\s)", "versus"), (r"\be\.g\.", "for example"),
                  (r"\bi\.e\.", "that is"), (r"\betc\.", "etcetera"), (r"\bapprox\.", "about"))
_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+"


def _accents(text: str) -> str:
    # Decompose so ŵ is w + hat, speak the hat, then recompose any other accented letter.
    text = unicodedata.normalize("NFD", text)
    marks = "".join(_ACCENTS)
    text = re.sub(rf"([A-Za-z])([{marks}])",
                  lambda m: f"{m.group(1)} {_ACCENTS[m.group(2)]}", text)
    return unicodedata.normalize("NFC", text)


def normalise(text: str) -> str:
    """The words to speak for a caption.

    Parameters
    ----------
    text : str
        A caption sentence as shown on screen.

    Returns
    -------
    str
        The same sentence with numbers, symbols and maths written out in words, on one line.

    Examples
    --------
    >>> normalise("At w = 0.1, L1 pushes with 1.")
    'At w equals zero point one, L one pushes with one.'
    >>> normalise("|w| and w² near ŵ")
    'absolute value of w and w squared near w hat'
    """
    s = _accents(" ".join(text.split()))
    for pattern, words in _ABBREVIATIONS:
        s = re.sub(pattern, words, s, flags=re.IGNORECASE)
    # Norms before absolute values: "‖w‖₁" is one thing, "|w|" another.
    s = re.sub(r"‖\s*([^‖]+?)\s*‖_?([₁₂1-9∞])",
               lambda m: f"the L {_index(m.group(2))} norm of {m.group(1)}", s)
    s = re.sub(r"‖\s*([^‖]+?)\s*‖", r"the norm of \1", s)
    s = re.sub(r"\|\s*([^|]+?)\s*\|", r"absolute value of \1", s)
    for sup, words in _SUPERSCRIPT.items():
        s = s.replace(sup, words)
    s = re.sub(r"\^\s*\{?\s*-1\s*\}?", " inverse", s)
    s = re.sub(r"\^\s*\{?T\}?\b", " transpose", s)
    s = re.sub(r"\^\s*\{?2\}?(?!\d)", " squared", s)
    s = re.sub(r"\^\s*\{?3\}?(?!\d)", " cubed", s)
    s = re.sub(r"\^\s*\{?(-?\w+)\}?", r" to the power \1", s)
    # Subscripts: digits read as the number ("w₁", "x_1" -> "w one"), letters with "sub".
    s = s.translate(_SUBSCRIPT_DIGITS)  # then "w1" is read like "w₁" below
    s = re.sub(r"\b([A-Za-z])_\{?(\d+)\}?", r"\1 \2", s)
    s = re.sub(r"\b([A-Za-z])_\{?([A-Za-z]+)\}?",
               lambda m: f"{m.group(1)} sub {' '.join(m.group(2))}", s)
    for letter, name in _GREEK.items():
        s = s.replace(letter, f" {name} ")
    s = re.sub(r"(\d)\s*%", r"\1 percent", s)
    # Minus: the minus sign always; a hyphen only between spaces or right before a number
    # that starts a term ("-0.5", "= -2"), never inside a word like "least-squares".
    s = re.sub(r"(^|[\s(=])-(?=\d|\.\d)", r"\1−", s)
    s = re.sub(r"(?<=\s)-(?=\s)", "−", s)
    s = re.sub(r"(?<=\d)\s*[–—]\s*(?=\d)", " to ", s)  # "1–3": a range
    s = re.sub(r"\s*[–—]\s*", ", ", s)  # otherwise a dash is a pause
    s = re.sub(r"(?<=\d)/(?=\d)|(?<=\w)\s/\s(?=\w)", " over ", s)
    for sym, words in _SYMBOLS.items():
        s = s.replace(sym, f" {words} ")
    s = re.sub(r"(?<=\w)\*(?=\w)| \* ", " times ", s)
    # Ordinals, then a letter glued to a number: "L1" -> "L 1", "2w" -> "2 w".
    s = re.sub(r"\b(\d+)(st|nd|rd|th)\b", lambda m: ordinal_words(int(m.group(1))), s)
    s = re.sub(r"\b([A-Za-z])(\d+)(?!\.\d)", r"\1 \2", s)
    s = re.sub(r"(\d)([A-Za-z])\b", r"\1 \2", s)
    s = re.sub(rf"(?<![\w.])({_NUMBER})(?![\d])", lambda m: decimal_words(m.group(1)), s)
    # A lone capital A inside a sentence is the letter ("corner A"), not the article.
    s = re.sub(r"(?<=[a-z,;] )A\b(?!['’])", '"A"', s)
    s = " ".join(s.split())
    return re.sub(r"\s+([,.;:!?)])", r"\1", s).strip()


def _index(mark: str) -> str:
    mark = mark.translate(_SUBSCRIPT_DIGITS)
    return "infinity" if mark == "∞" else number_words(int(mark))
