"""Text normalisation: the one place that knows about the source's typography.

The source document mixes full-width and half-width punctuation (``（一）`` and
``(一)``, ``：`` and ``:``) and carries page-break artefacts (sentences broken
across blank lines). Quotes in ``rules/`` are compared with clause text only
after :func:`normalise`, so an editor may copy either form.

Not checked here: whether the text is Chinese at all, or whether a quote is
meaningful; only that the characters match.
"""

from __future__ import annotations

import re
import unicodedata

# Half-width forms map to the full-width ones the document uses most; quotes are
# folded to one pair because the document uses both “” and "".
_PUNCT = str.maketrans(
    {
        "(": "（",
        ")": "）",
        ":": "：",
        ",": "，",
        ";": "；",
        "?": "？",
        "!": "！",
        '"': "“",
        "”": "“",
        "‘": "“",
        "’": "“",
    }
)
_SPACE = re.compile(r"\s+")


def normalise(text: str) -> str:
    """Return ``text`` in the canonical form used to compare quotes with clauses.

    Folds Unicode compatibility forms, maps half-width punctuation to its
    full-width twin and removes all white space (page breaks and the spaces the
    document puts after half-width commas carry no meaning in Chinese).

    >>> normalise("(3) 县(市、区)建设部门: 负责") == normalise("（3）县（市、区）建设部门：负责")
    True
    """
    folded = unicodedata.normalize("NFKC", text)
    # NFKC turns full-width punctuation into ASCII; map everything back to one form. Removing
    # white space can bring a base letter and a combining mark together: compose them again.
    return unicodedata.normalize("NFC", _SPACE.sub("", folded.translate(_PUNCT)))


def contains_quote(clause_text: str, quote: str) -> bool:
    """Whether ``quote`` occurs verbatim in ``clause_text`` after normalisation."""
    return normalise(quote) in normalise(clause_text)


def fold(text: str) -> str:
    """``text`` as a typed name is compared with the names of rules/: compatibility forms folded
    (full-width letters, digits and parentheses become ASCII), no quotation marks, no case, runs of
    white space as one space and none at either end.

    >>> fold(" 县（市、区）长热线 ") == fold("县(市、区)长热线"), fold("Grave  "), fold("“两不愁”")
    (True, 'grave', '两不愁')
    """
    return " ".join(unicodedata.normalize("NFKC", text).translate(_QUOTES).casefold().split())


#: Quotation marks, which a typed name may have or leave out (“两不愁” is 两不愁).
_QUOTES = str.maketrans("", "", "\"'“”‘’「」『』")


def short_name(name: str) -> str:
    """A name without the parenthesis that ends it, as a user may type it: 乡镇（街道） → 乡镇.

    >>> short_name("县（市、区）")
    '县'
    """
    return re.sub(r"\s*\([^()]*\)\s*$", "", unicodedata.normalize("NFKC", name))


def bare_name(name: str) -> str:
    """A body's name without any of its parentheses, as a record may name the body: 县（市、区）民政局 → 县民政局
    (engine/_problem.py reads a record's body names so, where the bare name is no body's own spelling).

    >>> bare_name("县（市、区）民政局")
    '县民政局'
    """
    return re.sub(r"\s*\([^()]*\)\s*", "", unicodedata.normalize("NFKC", name))
