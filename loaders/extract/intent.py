"""Is an act only the actor's stated intention? ('Israel said it would free ...', 'X wants to attack Y')

CAMEO and PLOVER code an intention, an offer or a promise as such (CAMEO 03 'express intent to
cooperate' / PLOVER AGREE; CAMEO 13 'threaten' / PLOVER THREATEN), not as the act. The extractor
marks these acts planned; this module decides, from the parse, whether the actor itself voices the
intention, so that the event takes its type's when_intended coding. A future told by someone else
('the two leaders will meet on Monday', 'Obama is scheduled to attend') stays the act.

The word lists are the [intent] section of rules.toml.
"""

from __future__ import annotations

import tomllib
from functools import cache

from spacy.tokens import Token

from kg.model import Polarity
from loaders.extract import roles as R
from loaders.extract.rules import RULES_FILE, Rules

FUTURE = ("will", "would", "shall", "'ll", "wo")


@cache
def _lexicon() -> tuple[frozenset[str], frozenset[str]]:
    raw = tomllib.loads(RULES_FILE.read_text(encoding="utf-8")).get("intent", {})
    return frozenset(raw.get("verbs", ())), frozenset(raw.get("adjectives", ()))


def expresses_intent(tok: Token, polarity: Polarity, rules: Rules) -> bool:
    """True when the trigger `tok` (a verb or a noun) is an act its doer says it means to do: it sits,
    through open clauses, under an intent verb or adjective ('agreed to lift', 'is willing to
    withdraw', 'offered talks'), or under the doer's own verb of saying with a future auxiliary
    ('Israel announced it would free')."""
    if polarity not in (Polarity.PLANNED, Polarity.HYPOTHETICAL):
        return False
    verbs, adjectives = _lexicon()
    cur = tok
    for _ in range(4):
        if cur.head.i == cur.i or cur.dep_ not in ("xcomp", "ccomp", "dobj", "pobj", "prep", "acomp", "conj"):
            break
        if R.is_verbal(cur) and any(c.dep_ in ("nsubj", "nsubjpass") and c.pos_ != "PRON" for c in cur.children):
            break  # 'wants Putin to attack': another's act, an appeal, not an intention
        cur = cur.head
        lemma = cur.lemma_.lower()
        if lemma in verbs and R.is_verbal(cur) or lemma in adjectives:
            return not R.children(cur, ("dobj",)) or not R.is_verbal(tok)
        if lemma in rules.speech and R.is_verbal(cur):
            break
    head = R.speech_head(tok, rules)
    if head is None:
        return False
    # 'X said it will ...': the doer of the act is the speaker (a pronoun or the same name)
    clause = tok if R.is_verbal(tok) else tok.head
    said_by = {t.lower_ for s in R.subject(head) for t in s.subtree}
    doers = [t for s in R.subject(clause) for t in s.subtree]
    if not doers or not any(c.dep_ == "aux" and c.lower_ in FUTURE for c in clause.children):
        return False
    return all(t.lower_ in said_by or t.pos_ == "PRON" for t in doers if not t.is_punct and t.pos_ != "DET")
