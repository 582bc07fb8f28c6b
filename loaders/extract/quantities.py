"""Numbers in event arguments: troops sent, people killed, weapons supplied."""

from __future__ import annotations

import re

from spacy.tokens import Token

WORD_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100,
    "dozen": 12, "a dozen": 12,
}
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}


def number(tok: Token) -> int | None:
    """The value of a cardinal token and its compound parts ("14,000", "3 million", "two")."""
    parts = [c for c in tok.children if c.dep_ in ("compound", "quantmod", "nummod") and c.like_num and c.i < tok.i]
    value = _one(tok.lower_)
    if value is None:
        return None
    for p in parts:
        v = _one(p.lower_)
        if v is not None and tok.lower_ in SCALES:
            value = int(v * SCALES[tok.lower_])
    return value


def _one(text: str) -> float | int | None:
    t = text.replace(",", "")
    if re.fullmatch(r"\d+", t):
        return int(t)
    if re.fullmatch(r"\d+\.\d+", t):
        return float(t)
    return WORD_NUMBERS.get(t, SCALES.get(t))


def count_of(noun: Token) -> int | None:
    """The number that counts a noun: '25 North Korean soldiers' -> 25."""
    for child in noun.children:
        if child.dep_ == "nummod" and child.like_num:
            scale = [c for c in child.children if c.lower_ in SCALES]
            n = number(child)
            if n is not None and scale:
                n = int(n * SCALES[scale[0].lower_])
            if n is not None and child.lower_ in SCALES:
                lead = [c for c in child.children if c.like_num and c.lower_ not in SCALES]
                n = int(_one(lead[0].lower_) * SCALES[child.lower_]) if lead and _one(lead[0].lower_) else n
            if n is not None:
                return int(n)
    return None
