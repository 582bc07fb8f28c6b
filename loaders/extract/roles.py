"""Reading a clause from the dependency parse: subject, objects, obliques, voice, modality,
and who says so. Pure functions of spaCy tokens."""

from __future__ import annotations

from spacy.tokens import Token

from kg.model import Polarity
from loaders.extract.rules import Rules

SUBJ = ("nsubj", "csubj")
PASS_SUBJ = ("nsubjpass", "csubjpass")
OBJ = ("dobj", "obj", "dative")
# Verbs whose object is who does what the complement says ("helped Russia reclaim", "ordered troops to").
OBJECT_CONTROL = {"help", "order", "ask", "urge", "allow", "force", "enable", "push", "call", "tell", "assist", "lead",
                  "encourage", "persuade", "get", "let", "make"}
CLAUSE_DEPS = ("ccomp", "xcomp", "advcl", "conj", "relcl", "acl", "parataxis", "pcomp")


# Adjectives whose infinitive is an act offered or expected, not done ('is willing to withdraw').
READY_ADJECTIVES = {"willing", "ready", "prepared", "eager", "keen", "determined", "likely", "poised", "due", "set",
                    "able", "committed"}


def is_verbal(tok: Token) -> bool:
    return tok.pos_ in ("VERB", "AUX") or (tok.tag_ in ("VBG", "VBN", "VB", "VBD", "VBZ", "VBP"))


def is_passive(tok: Token) -> bool:
    return any(c.dep_ in PASS_SUBJ or c.dep_ == "auxpass" for c in tok.children)


def children(tok: Token, deps: tuple[str, ...]) -> list[Token]:
    return [c for c in tok.children if c.dep_ in deps]


def with_conjuncts(toks: list[Token]) -> list[Token]:
    out: list[Token] = []
    for t in toks:
        out.append(t)
        out.extend(c for c in t.conjuncts if c.i > t.i and c.pos_ in ("NOUN", "PROPN", "PRON"))
    return list(dict.fromkeys(out))


def agent(tok: Token) -> list[Token]:
    """'... by Russia': the agent of a passive verb."""
    return with_conjuncts([p for a in children(tok, ("agent",)) for p in children(a, ("pobj",))])


def subject(tok: Token, depth: int = 0) -> list[Token]:
    """The doer of a verb: its subject, the agent of a passive, or inherited from the clause it
    hangs on ('helped Russia reclaim' -> Russia; 'decided to send' -> the decider; 'Kim's
    decision to send' -> Kim)."""
    if depth > 4:
        return []
    if is_passive(tok):
        return agent(tok)
    own = children(tok, SUBJ)
    if own and tok.dep_ == "relcl" and all(o.tag_ in ("WP", "WDT") for o in own):
        return [tok.head]  # 'X, who held talks with Y': the noun the clause hangs on
    if own:
        return with_conjuncts(own)
    head = tok.head
    if head.i == tok.i:
        return []
    if tok.dep_ in ("xcomp", "ccomp") and head.lemma_ in OBJECT_CONTROL:
        objs = children(head, OBJ)
        if objs:
            return with_conjuncts(objs)
    if tok.dep_ == "xcomp" and is_verbal(head) and is_passive(head) and not agent(head):
        return with_conjuncts(children(head, PASS_SUBJ))  # 'Obama is scheduled to attend', 'troops were ordered to leave'
    if tok.dep_ == "xcomp" and head.dep_ == "acomp" and is_verbal(head.head):
        return subject(head.head, depth + 1)  # 'Syria is willing to withdraw', 'ready to host'
    if (tok.dep_ == "conj" and tok.tag_ == "VBD" and head.tag_ == "VBG" and head.dep_ == "pcomp"
            and is_verbal(head.head.head)):
        # 'denounced X for sending ... and accused Y': a finite verb the parser joins to the gerund
        # is a second act of the main clause's subject
        return subject(head.head.head, depth + 1)
    if tok.dep_ in ("xcomp", "advcl", "conj", "pcomp") and is_verbal(head):
        return subject(head, depth + 1)
    if tok.dep_ == "pcomp" and head.dep_ == "prep" and is_verbal(head.head):
        if head.lower_ in ("of", "for") and (done_by := children(head.head, ("dobj",))):
            # 'accused X of directing', 'thanked X for sending': the object did it
            return with_conjuncts(done_by)
        return subject(head.head, depth + 1)
    if tok.dep_ == "relcl":
        rel = [c for c in tok.children if c.dep_ in SUBJ and c.tag_ in ("WDT", "WP")]
        return [head] if rel or not children(tok, SUBJ) else []
    if tok.dep_ == "acl":
        # 'Kim's decision to send troops': the possessor of the noun decides.
        poss = children(head, ("poss",))
        if poss:
            return poss
        if tok.tag_ == "VBN":
            return agent(tok)
    return []


def objects(tok: Token) -> list[Token]:
    """What the verb acts on: the direct object, or the subject of a passive."""
    if is_passive(tok):
        return with_conjuncts(children(tok, PASS_SUBJ))
    objs = children(tok, OBJ)
    if tok.dep_ == "acl" and tok.tag_ == "VBN":
        objs = objs or [tok.head]  # 'a treaty signed with Putin': the noun is the object
    if tok.dep_ == "relcl" and not children(tok, OBJ):
        rel = [c for c in tok.children if c.dep_ in OBJ and c.tag_ in ("WDT", "WP")]
        if rel:
            objs = [tok.head]
        elif tok.head.pos_ == "NOUN" and any(c.dep_ == "nsubj" and c.tag_ not in ("WP", "WDT") for c in tok.children) and not any(
                c.dep_ in ("prep", "ccomp", "xcomp") or c.tag_ in ("WRB", "WP", "WDT") for c in tok.children):
            objs = [tok.head]  # 'an allegation the Gulf state has denied': the noun is the object
    if not objs:
        objs = called(tok)
    return with_conjuncts(objs)


def called(tok: Token) -> list[Token]:
    """'condemned what it called Peru's provocation': the free relative's naming is the object."""
    for c in children(tok, ("ccomp",)):
        if c.lemma_.lower() in ("call", "describe", "term", "label", "brand") and any(
                w.dep_ in OBJ and w.lower_ == "what" for w in c.children):
            named = children(c, ("oprd",)) + [o for p in c.children if p.dep_ == "prep" and p.lower_ == "as"
                                             for o in children(p, ("pobj",))]
            if named:
                return named[:1]
    return []


def preps(tok: Token) -> list[tuple[str, Token]]:
    """('to', Russia), ('against', Ukraine) ... for the prepositions hanging on a word."""
    out = []
    for p in tok.children:
        if p.dep_ == "prep" or (p.dep_ == "agent" and p.lower_ == "by") or (p.dep_ == "dative" and p.pos_ == "ADP"):
            for obj in with_conjuncts(children(p, ("pobj",))):
                out.append((p.lower_, obj))
            for inner in children(p, ("prep",)):  # 'according to', 'ahead of', 'on behalf of'
                for obj in children(inner, ("pobj",)):
                    out.append((f"{p.lower_} {inner.lower_}", obj))
    return out


def governors(tok: Token, rules: Rules) -> list[Token]:
    """The verbs above a trigger up to the nearest verb of saying (not included)."""
    chain, cur = [], tok
    while cur.head.i != cur.i and len(chain) < 6:
        dep, cur = cur.dep_, cur.head
        if dep not in CLAUSE_DEPS + ("dobj", "pobj", "prep", "nsubj", "nsubjpass", "advmod", "attr", "appos"):
            break
        if cur.lemma_ in rules.speech and is_verbal(cur) and dep in ("ccomp", "xcomp", "parataxis", "advcl", "dobj"):
            break
        if dep in ("conj",):
            continue
        if is_verbal(cur):
            chain.append(cur)
    return chain


def speech_head(tok: Token, rules: Rules) -> Token | None:
    """The verb of saying whose complement holds the trigger ('X said Y deployed ...': said)."""
    cur, steps = tok, 0
    while cur.head.i != cur.i and steps < 8:
        dep, cur = cur.dep_, cur.head
        steps += 1
        if cur.lemma_ in rules.speech and is_verbal(cur) and dep in ("ccomp", "xcomp", "parataxis", "advcl", "dobj", "conj"):
            return cur
    return None


def polarity(tok: Token, rules: Rules, nominal: bool) -> Polarity:
    m = rules.modality
    chain = [tok, *governors(tok, rules)]
    if nominal and tok.head.i != tok.i and is_verbal(tok.head) and tok.head not in chain:
        chain.insert(1, tok.head)
    for i, t in enumerate(chain):
        kids = list(t.children)
        if any(c.dep_ == "neg" or c.lower_ in m["negations"] and c.dep_ in ("neg", "advmod", "det") for c in kids):
            return Polarity.DENIED
        if i > 0 and t.lemma_ in m["denial"]:
            return Polarity.DENIED
    for i, t in enumerate(chain):
        kids = list(t.children)
        if any(c.lower_ in m["hedges"] for c in kids):
            return Polarity.HYPOTHETICAL
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether") for c in kids):
            return Polarity.HYPOTHETICAL
        if any(c.dep_ == "aux" and c.lower_ in m["future_aux"] for c in kids):
            return Polarity.PLANNED
        if any(c.dep_ == "aux" and c.lower_ in m["hedge_aux"] for c in kids):
            return Polarity.HYPOTHETICAL
        if i > 0 and t.lemma_ in m["planning"]:
            return Polarity.PLANNED
        if i > 0 and t.lemma_ in m["hypothetical"]:
            return Polarity.HYPOTHETICAL
        if t.lower_ == "going" and any(c.dep_ == "xcomp" for c in kids):
            return Polarity.PLANNED
    if nominal and any(c.dep_ == "amod" and c.lower_ in m["planned_adjectives"] for c in tok.children):
        return Polarity.PLANNED
    # 'its demand that Israel ease restrictions', 'a call to withdraw', 'the plan to annex': the act
    # hangs on a noun of demanding or planning
    cur = tok
    for _ in range(3):
        if cur.dep_ not in ("acl", "ccomp", "xcomp", "relcl", "pcomp", "pobj", "prep") or cur.head.i == cur.i:
            break
        cur = cur.head
        if cur.pos_ == "NOUN" and cur.lemma_ in m["hypothetical"]:
            return Polarity.HYPOTHETICAL
        if cur.pos_ == "NOUN" and cur.lemma_ in m["planning"]:
            return Polarity.PLANNED
    # 'Syria is willing to withdraw', 'ready to provide': an act offered, not done
    verb = tok.head if nominal and tok.dep_ in ("dobj", "attr") else tok
    if verb.dep_ == "xcomp" and verb.head.dep_ == "acomp" and verb.head.lemma_.lower() in READY_ADJECTIVES:
        return Polarity.PLANNED
    return Polarity.ASSERTED


def date_tokens(tok: Token, nominal: bool) -> list[Token]:
    """Roots of DATE entities that belong to this clause (not to a clause nested in it)."""
    doc = tok.doc
    out = []
    for ent in doc.ents:
        if ent.label_ != "DATE" or not (tok.sent.start <= ent.start < tok.sent.end):
            continue
        cur, ok = ent.root, False
        for _ in range(6):
            if cur.i == tok.i:
                ok = True
                break
            if cur.head.i == cur.i or (is_verbal(cur.head) and cur.head.i != tok.i):
                ok = cur.head.i == tok.i
                break
            cur = cur.head
        if ok:
            out.append(ent.root)
    return out
