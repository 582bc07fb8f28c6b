"""Judgements spoken about others' acts: conduct censured, quoted verdicts, claims judged false,
acts described as wrongful, accusations, tributes and merits noted."""

from __future__ import annotations

from spacy.tokens import Token

from kg.model import Entity, EntityKind, Polarity
from loaders.extract import roles as R
from loaders.extract.lexicon import (
    ACT_NOUNS,
    CHARACTERISING_VERBS,
    CLAIM_VERBS,
    CONDEMNING,
    CONDUCT_NOUNS,
    FALSEHOOD,
    GRATITUDE_NOUNS,
    HOSTILE_TYPES,
    MERIT_NOUNS,
    MERIT_VERBS,
    WRONGFUL,
)
from loaders.extract.mentions import ACTOR_KINDS
from loaders.extract.reading import NO_RULES, Found, ReaderState, uniq


class JudgementReading(ReaderState):
    """Condemnation, accusation, denial and praise read from judgements of conduct and claims."""

    def _called_wrong(self, tok: Token) -> Found | None:
        """'X called the move "an unacceptable provocation"', 'described the strike as reckless': X
        condemns whoever did the act so judged (the act's own party, else the last act told)."""
        if tok.lemma_ not in ("call", "describe", "brand", "label", "term") or R.is_passive(tok) or any(
                c.dep_ == "neg" for c in tok.children):
            return None
        objs = R.children(tok, ("dobj",))
        verdict = [c for c in tok.children if c.dep_ in ("oprd", "xcomp", "ccomp", "acomp")]
        verdict += [c for p in R.children(tok, ("prep",)) if p.lower_ == "as" for c in p.children]
        if not objs:  # the parser's 'called [the move]ccomp [a provocation]dobj'
            objs = [c for c in verdict if c.pos_ == "NOUN" and R.children(c, ("dobj",))]
            verdict = [d for c in objs for d in R.children(c, ("dobj",))]
        if not objs or not any(t.lemma_.lower() in CONDEMNING for v in verdict for t in v.subtree):
            return None
        if any(self._is_class(o, "claims") for o in objs):
            return None  # 'called the claims outrageous' denies them (_claim_characterised)
        actors = [e for s in R.subject(tok) for e in self.resolve(s)]
        if not actors:
            return None
        doers = self._act_doer(objs[0], {a.country for a in actors if a.country})
        if not doers:
            return None
        return self._implied("Condemnation", tok, actors[:1], doers[:1], self.attribution(tok), objs=objs)

    def _claimed_wrongs(self) -> None:
        """'X claimed that there are 30,000 Russian troops on the border', 'X alleged that Y shelled
        Z': a hostile act of another state told with a verb of contested assertion is X's accusation."""
        for f in list(self.found):
            blamed = f.attributes.pop("_blamed", False)  # 'X said Y was responsible for the attack'
            if f.refers_to is not None or f.type not in HOSTILE_TYPES or f.attribution is None or not f.actors:
                continue
            head = R.speech_head(self.doc[f.trigger], self.rules)
            if not blamed and (head is None or head.lemma_ not in CLAIM_VERBS):
                continue
            doer = f.actors[0]
            doer = self._state(doer.country) or doer if doer.kind is not EntityKind.STATE and doer.country else doer
            accuser = f.attribution
            if doer.id == accuser.id or (doer.country and doer.country == accuser.country):
                continue
            acc = self._accusation(self.doc[f.trigger], accuser, doer, accuser)
            if acc is not None:
                acc.attributes.pop("_consumed", None)
                self.found.append(acc)

    def _censured(self, tok: Token) -> Found | None:
        """'Such actions by the PRC are inconsistent with international law', 'Continued provocative
        actions by North Korea ...': conduct of X judged wrongful; whoever says so accuses X.
        'dangerous actions by X', 'the reprehensible violence of X': whoever says so condemns X."""
        lemma = tok.lemma_.lower()
        if lemma not in CONDUCT_NOUNS and lemma not in ACT_NOUNS and not self._quoted_verdict(tok):
            return None
        judged = {c.lemma_.lower() for c in tok.children if c.dep_ == "amod"}
        if tok.dep_ in ("nsubj", "nsubjpass") and tok.head.lemma_ == "be":
            judged |= {c.lemma_.lower() for c in tok.head.children if c.dep_ in ("acomp", "attr")}
        if judged & CONDEMNING:
            name = "Condemnation"
        elif judged & WRONGFUL and lemma in CONDUCT_NOUNS:
            name = "Accusation"
        else:
            return None
        targets = [e for w, p in R.preps(tok) if w == "by" for e in self.resolve(p)]
        targets += [e for c in R.children(tok, ("poss",)) for e in self.resolve(c)]
        responder: list[Entity] = []
        if name == "Condemnation" and (verb := self._responding_verb(tok)) is not None:
            # 'X sanctioned Y in response to the brutal crackdown': X condemns it, and it is Y's
            responder = [e for sb in R.subject(verb) for e in self.resolve(sb)]
            if not targets:
                targets = [e for o in R.objects(verb) for e in self.resolve(o)]
        attribution = self.attribution(tok)
        accuser = attribution or (responder[0] if responder else self._official_publisher())
        if accuser is None:
            return None
        targets = [t for t in targets if t.id != accuser.id and (not t.country or t.country != accuser.country)]
        if not targets:
            return None
        if name == "Accusation":
            return self._accusation(tok, accuser, targets[0], attribution)
        return self._implied("Condemnation", tok, [accuser], targets[:1], attribution)

    def _quoted_verdict(self, tok: Token) -> bool:
        """'"Iran's support to Russia's war is unacceptable," the minister said': in a quotation, what
        a party does (any noun with its owner) judged by the sentence's predicate."""
        if tok.dep_ != "nsubj" or tok.head.lemma_ != "be" or not self.m.is_quoted(tok) or tok.pos_ != "NOUN":
            return False
        if any(c.dep_ == "neg" for c in tok.head.children):
            return False
        return any(c.dep_ in ("acomp", "attr") and c.lemma_.lower() in CONDEMNING for c in tok.head.children)

    def _quoted_judgement(self, tok: Token) -> Found | None:
        """'"This is unacceptable," the minister said': a quoted verdict on what was just told
        condemns whoever did it (the last act told before, by another side than the speaker's)."""
        if tok.lemma_ != "be" or not self.m.is_quoted(tok) or any(c.dep_ == "neg" for c in tok.children):
            return None
        if not any(c.dep_ in ("acomp", "attr") and c.lemma_.lower() in CONDEMNING for c in tok.children):
            return None
        subj = R.children(tok, ("nsubj",))
        if len(subj) != 1 or subj[0].lower_ not in ("this", "that", "it", "such"):
            return None
        speaker = self.attribution(tok)
        if speaker is None or not speaker.country:
            return None  # a party speaks: a state, or an official or body of one
        floor = self._sent_before(self._sent_before(tok.sent.start))
        said = {"Condemnation", "Accusation", "Praise", "Denial", "Demand", "Threat", "Rejection", "Meeting"}
        for f in reversed(self.found):
            if f.refers_to is not None or f.trigger >= tok.i or f.trigger < floor or not f.actors or f.type in said:
                continue
            doer = f.actors[0]
            doer = (self._state(doer.country) or doer) if doer.kind is not EntityKind.STATE and doer.country else doer
            if doer.country == speaker.country or doer.id == speaker.id:
                return None
            return self._implied("Condemnation", tok, [speaker], [doer], speaker)
        return None

    def _claimed_falsehood(self, toks: list[Token]) -> bool:
        return any(t.lemma_.lower() in FALSEHOOD or t.lower_ in FALSEHOOD for x in toks for t in x.subtree)

    def _claim_characterised(self, tok: Token) -> Found | None:
        """'rejected the accusation', 'called the claims groundless', 'described the allegations as
        fabrications': a denial of what the other side claimed (whoever claimed it is the recipient)."""
        lemma = tok.lemma_
        if lemma not in CHARACTERISING_VERBS or R.is_passive(tok) or any(c.dep_ == "neg" for c in tok.children):
            return None
        comps = [c for c in tok.children if c.dep_ in ("dobj", "oprd", "xcomp", "ccomp")]
        claims = [t for c in comps for t in c.subtree if t.pos_ == "NOUN" and self._is_class(t, "claims")]
        if not claims:
            return None
        judged = self._claimed_falsehood(comps + [p for w, p in R.preps(tok) if w == "as"])
        if lemma in ("dismiss", "refute") or (lemma != "reject" and not judged):
            return None  # 'dismissed', 'refuted' are denials by their trigger
        actors = [e for s in R.subject(tok) for e in self.resolve(s)]
        if not actors:
            return None
        f = self._implied("Denial", tok, actors[:1], [], self.attribution(tok), objs=claims[:1])
        if f is not None:
            f.polarity = Polarity.ASSERTED
        return f

    def _claim_judged_false(self, tok: Token) -> Found | None:
        """'The claims were groundless, the ministry said', 'said the North's claims were baseless': the
        speaker denies them."""
        if not self._is_class(tok, "claims"):
            return None
        if tok.dep_ == "pobj" and tok.head.head.lemma_ in ("truth", "basis", "foundation", "substance") and any(
                c.dep_ == "det" and c.lower_ == "no" for c in tok.head.head.children):
            pass  # 'there is no truth to the reports', 'the claims have no basis'
        elif tok.dep_ != "nsubj" or tok.head.lemma_ != "be":
            return None
        else:
            be = tok.head
            if any(c.dep_ == "neg" for c in be.children):
                return None
            if not self._claimed_falsehood([c for c in be.children if c.dep_ in ("acomp", "attr")]):
                return None
        attribution = self.attribution(tok)
        actor = attribution or self._official_publisher()
        if actor is None:
            return None
        f = self._implied("Denial", tok, [actor], [], attribution, objs=[tok])
        if f is not None:
            f.polarity = Polarity.ASSERTED
        return f

    def _tribute(self, tok: Token) -> Found | None:
        """'X is a testament to the courage of Y' (whoever says so praises Y), 'X paid tribute to Y'."""
        lemma = tok.lemma_.lower()
        if lemma not in ("testament", "tribute"):
            return None
        attribution = self.attribution(tok)
        if lemma == "testament":
            actor = attribution or self._official_publisher()
            actors = [actor] if actor is not None else []
        elif lemma == "tribute" and tok.dep_ == "dobj" and tok.head.lemma_ == "pay":
            actors = [e for s in R.subject(tok.head) for e in self.resolve(s)]
        else:
            return None
        praised: list[Entity] = []
        for w, p in R.preps(tok) + (R.preps(tok.head) if lemma == "tribute" else []):
            if w != "to":
                continue
            for q in (p, *p.conjuncts):
                praised += self.resolve(q, conj=False)
                praised += [e for c in R.children(q, ("poss",)) for e in self.resolve(c)]
                praised += [e for w2, o in R.preps(q) if w2 == "of" for e in self.resolve(o)]
        if not actors or not praised:
            return None
        return self._implied("Praise", tok, actors, uniq(praised)[:1], attribution)

    def _merit_noted(self, tok: Token) -> Found | None:
        """'Austin noted Kenya's partnership in countering al-Shabaab', 'the minister recognised
        Poland's leadership': singling out another party's merit praises it."""
        if tok.lemma_ not in MERIT_VERBS or R.is_passive(tok):
            return None
        merits = [o for o in R.objects(tok) if o.lemma_.lower() in MERIT_NOUNS]
        if not merits:
            return None
        actors = [e for sb in R.subject(tok) for e in self.resolve(sb)]
        if not actors:
            return None
        own = {a.country for a in actors if a.country}
        owners = [c for m in merits for c in R.children(m, ("poss",))] + [
            p for m in merits for w, p in R.preps(m) if w == "of"]
        praised = [e for o in owners for c in (o, *o.conjuncts) for e in self._resolve_one(c, 1)
                   if e.kind in ACTOR_KINDS and e.id not in {a.id for a in actors} and e.country not in own]
        if not praised:
            return None
        return self._implied("Praise", tok, actors, uniq(praised)[:1], self.attribution(tok), objs=merits)

    def _gratitude(self, tok: Token) -> Found | None:
        """'X expressed (his) gratitude / appreciation to Y for ...', 'X conveyed its thanks for Y's
        support', 'X appreciates Y's firm support': thanks given are praise of whom they go to (the
        party named with 'to', else the owner of what is thanked for, else the host of a visit
        just told)."""
        lemma = tok.lemma_.lower()
        if R.is_passive(tok) or any(c.dep_ == "neg" for c in tok.children):
            return None
        if lemma in ("express", "extend", "convey", "voice", "offer", "reiterate"):
            nouns = [o for o in R.children(tok, ("dobj",)) if o.lemma_.lower() in GRATITUDE_NOUNS]
        elif lemma == "appreciate":
            nouns = [o for o in R.children(tok, ("dobj",)) if R.children(o, ("poss",))]
        else:
            return None
        if not nouns:
            return None
        actors = [e for sb in R.subject(tok) for e in self.resolve(sb)]
        if not actors:
            return None
        own = {a.country for a in actors if a.country} | {a.id for a in actors}
        pp = R.preps(tok) + [x for n in nouns for x in R.preps(n)]
        cands = [p for w, p in pp if w == "to"]
        cands += [c for n in nouns if lemma == "appreciate" for c in R.children(n, ("poss",))]
        cands += [c for w, p in pp if w == "for" for c in (p, *R.children(p, ("poss",)))]
        praised = [e for o in cands for c in (o, *o.conjuncts) for e in self._resolve_one(c, 1)
                   if e.kind in ACTOR_KINDS and e.id not in own and e.country not in own]
        if not praised and any(w == "for" and p.lemma_.lower() in ("welcome", "hospitality", "reception", "invitation")
                               for w, p in pp):
            host = next((f for f in reversed(self.found) if f.type == "Meeting" and f.refers_to is None
                         and f.trigger < tok.i and {a.id for a in actors} & {r.id for r in (*f.recipients, *f.actors)}), None)
            if host is not None:  # 'thanked for the warm welcome': the other side of the visit
                praised = [e for e in (*host.actors, *host.recipients) if e.id not in own and e.country not in own]
        if not praised:
            return None  # 'expressed gratitude for the weather': thanks to no one
        return self._implied("Praise", tok, actors, uniq(praised)[:1], self.attribution(tok), objs=nouns)

    def _accusation(self, tok: Token, accuser: Entity, target: Entity, attribution: Entity | None) -> Found | None:
        """An accusation the text implies rather than states with a trigger verb."""
        trig = next((t for t in self.rules.by_word.get("accusation", ()) if t.type.name == "Accusation"), None)
        if trig is None:
            return None
        return self._finish("Accusation", trig, self.rules.types.get("Accusation", NO_RULES), tok, True, [accuser],
                            [target], [], [], attribution, False)

    def _characterised(self, tok: Token, head: Token, attribution: Entity | None) -> Found | None:
        accuser = attribution or self._official_publisher()
        if accuser is None or any(c.dep_ == "det" and c.lower_ == "no" for c in tok.children):
            return None
        targets = []
        for s in R.subject(head):
            targets += self.resolve(s) or [e for w, p in R.preps(s) if w == "by" for e in self.resolve(p)]
        targets = [t for t in targets if t.country != accuser.country]
        if not targets:
            return None
        return self._accusation(tok, accuser, targets[0], attribution)

    def _described_as_wrong(self, tok: Token, verb: Token, attribution: Entity | None) -> Found | None:
        """'Iran transferred missiles, a step it described as a threat to European security', 'described
        the deployment as a provocation': whoever describes the act so accuses its doer."""
        subj = R.subject(verb)
        accusers = [e for s in subj if s.pos_ != "PRON" for e in self.resolve(s)]
        if not accusers and verb.dep_ == "pcomp" and R.is_verbal(verb.head.head):
            accusers = [e for s in R.subject(verb.head.head) for e in self.resolve(s)]  # 'criticised X for what it ...'
        accuser = accusers[0] if accusers else attribution or self._official_publisher()
        if accuser is None:
            return None
        own = {accuser.country} if accuser.country else set()
        described = R.objects(verb)
        targets: list[Entity] = []
        if verb.dep_ == "relcl" and verb.head.dep_ in ("npadvmod", "appos") and R.is_verbal(verb.head.head):
            targets = [e for s in R.subject(verb.head.head) for e in self.resolve(s)]  # the act the noun sums up
        elif verb.dep_ == "pcomp" and verb.head.lower_ in ("for", "over") and R.is_verbal(verb.head.head):
            # 'blamed X for what it described as a threat to shipping'
            targets = [e for o in R.objects(verb.head.head) for e in self.resolve(o)]
        elif verb.dep_ != "relcl":
            targets = [e for o in described for e in self._act_doer(o, own)]
        targets = [t for t in targets if t.id != accuser.id and not (t.country and t.country in own)]
        if not targets:
            return None
        return self._accusation(tok, accuser, targets[0], attribution)
