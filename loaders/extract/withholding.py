"""Help withheld from another party: a stated refusal to give, grant or lend help ('X said it would
not give Y permission', 'we will not provide support to Y'), read as a rejection of Y (CAMEO 12), and
a state's warning to its citizens against travel to another state ('advised against travel to Y'),
read as reduced relations with Y (CAMEO 160)."""

from __future__ import annotations

from spacy.tokens import Token

from kg.model import Polarity
from loaders.extract import roles as R
from loaders.extract.lexicon import ADVICE_VERBS, BENEFIT_VERBS, PARTY_HELP_VERBS, TRAVEL_NOUNS, WISH_VERBS
from loaders.extract.mentions import ACTOR_KINDS
from loaders.extract.reading import Found, ReaderState, uniq

FUTURE_AUX = ("will", "would", "wo", "shall", "'ll")
CONDITION_MARKS = ("if", "unless", "whether")
AVOID_VERBS = ("avoid", "defer", "postpone", "reconsider", "cancel")


class WithholdingReading(ReaderState):
    """Refusals of help and travel warnings."""

    def _refused(self, tok: Token) -> Found | None:
        """'Obama said he would not give permission to Russia', 'Germany will not help Ukraine': a party
        stating that it will not give, grant or lend help to another party rejects that party (CAMEO
        121, 'reject material cooperation'). A past 'did not give' is no refusal, a condition ('would
        not send troops if ...') neither, nor a third party's forecast ('X said Y would not help Z')."""
        if tok.lemma_ not in BENEFIT_VERBS or R.is_passive(tok) or not any(c.dep_ == "neg" for c in tok.children):
            return None
        if not any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX for c in tok.children):
            return None
        if any(c.dep_ == "mark" and c.lower_ in CONDITION_MARKS for c in tok.children) or any(
                m.dep_ == "mark" and m.lower_ in CONDITION_MARKS for c in R.children(tok, ("advcl",)) for m in c.children):
            return None
        subj = R.children(tok, ("nsubj",))
        actors = [e for s in subj for e in self.resolve(s)]
        if not actors:
            return None
        head = R.speech_head(tok, self.rules)
        if head is not None:
            # the doer's own statement, or its official's ('X will not help Y, X's foreign minister said')
            said = [e for s in R.subject(head) for e in self.resolve(s)]
            own_voice = {e.id for e in said} & {a.id for a in actors} or all(s.pos_ == "PRON" for s in subj) or any(
                e.country and e.country in {a.country for a in actors} for e in said)
            if not said or not own_voice:
                return None
        cands = [d for d in R.children(tok, ("dative",)) if d.pos_ != "ADP"]
        cands += [p for w, p in R.preps(tok) if w == "to"]
        if tok.lemma_ in PARTY_HELP_VERBS:
            cands += R.objects(tok)
        own = {a.country for a in actors if a.country}
        ids = {a.id for a in actors}
        refused = [e for c in cands for e in self.resolve(c)
                   if e.kind in ACTOR_KINDS and e.id not in ids and (not e.country or e.country not in own)]
        if not refused:
            return None
        f = self._implied("Rejection", tok, actors, uniq(refused)[:1], self.attribution(tok))
        if f is not None:
            f.polarity = Polarity.ASSERTED  # the help is to come no more: the refusal is made now
        return f

    def _wished_of(self, tok: Token) -> Found | None:
        """'The EU wants Russia to withdraw its troops', 'Obama wants Putin to attack Y': a party that
        wants another party to act asks it to (a demand of that party; the act itself stays unasserted).
        'wants to attack' (its own act) and 'does not want Y to ...' are no demand."""
        if tok.lemma_ not in WISH_VERBS or not R.is_verbal(tok) or any(c.dep_ == "neg" for c in tok.children):
            return None
        acts = [c for c in R.children(tok, ("ccomp", "xcomp")) if R.is_verbal(c)
                and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)]
        asked = [e for c in acts for s in R.children(c, ("nsubj",)) for e in self.resolve(s) if e.kind in ACTOR_KINDS]
        actors = [e for s in R.subject(tok) for e in self.resolve(s)]
        if not actors or not asked:
            return None
        own = {a.country for a in actors if a.country}
        asked = [e for e in asked if e.id not in {a.id for a in actors} and (not e.country or e.country not in own)]
        if not asked:
            return None
        return self._implied("Demand", tok, actors, uniq(asked)[:1], self.attribution(tok))

    def _purpose_of_act(self, tok: Token) -> bool:
        """'sent troops to help Mali', 'came to assist Y': a verb of helping in an infinitive that says
        what another act is for, not under a verb of intending ('wants to help Y', 'agreed to help Y',
        'is ready to help Y': the help itself, as an intention)."""
        if tok.lemma_ not in PARTY_HELP_VERBS or tok.dep_ not in ("advcl", "xcomp", "acl") or not any(
                c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
            return False
        return tok.head.lemma_.lower() not in set(self.rules.modality["planning"]) | R.READY_ADJECTIVES

    def _advised_against(self, tok: Token) -> list[Token]:
        """Where a verb of advice warns against travelling to ('advised against travel to X', 'warned
        its citizens against all travel to X', 'urged Americans to avoid trips to X')."""
        if tok.lemma_ not in ADVICE_VERBS:
            return []
        trips = [p for w, p in R.preps(tok) if w == "against" and p.lemma_.lower() in TRAVEL_NOUNS]
        for c in R.children(tok, ("xcomp",)):
            if c.lemma_ in AVOID_VERBS:
                trips += [o for o in R.objects(c) if o.lemma_.lower() in TRAVEL_NOUNS]
        return [p for t in trips for w, p in R.preps(t) if w in ("to", "in")]

    def _travel_advice(self, tok: Token) -> Found | None:
        """'The foreign ministry advised against travel to X': a state telling its citizens not to go
        to another state reduces relations with it (CAMEO 160; a travel warning)."""
        places = self._advised_against(tok)
        if not places or any(c.dep_ == "neg" for c in tok.children):
            return None
        actors = [e for s in R.subject(tok) for e in self.resolve(s)]
        if not actors or not all(a.country for a in actors):
            return None  # a state, or a body or official of one, not an airline or a travel agency
        own = {a.country for a in actors}
        targets = [self._state(e.country) or e for p in places for e in self.resolve(p) + self.places([p])
                   if e.country and e.country not in own]
        if not targets:
            return None
        return self._implied("ReduceRelations", tok, actors[:1], uniq(targets)[:1], self.attribution(tok))
