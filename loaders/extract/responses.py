"""Threats told without a threat verb: responses announced or vowed, coming retaliation, parties
held responsible, ultimatums ('X will bear the consequences')."""

from __future__ import annotations

from spacy.tokens import Token

from kg.model import Entity, EntityKind, Polarity
from loaders.extract import roles as R
from loaders.extract.lexicon import (
    ACT_REFERENCES,
    CLASS_PRONOUNS,
    COERCIVE_VERBS,
    ENEMY_NOUNS,
    FORCEFUL,
    HARM_PASSIVE_VERBS,
    HOSTILE_ACT_NOUNS,
    NON_COERCIVE_SECTORS,
    OWN_STATE_NOUNS,
    RESPONSE_NOUNS,
    RESPONSE_OBJECTS,
    RESPONSE_VERBS,
    SUFFER_VERBS,
    UNANSWERED,
    WARNING_VERBS,
)
from loaders.extract.mentions import ACTOR_KINDS
from loaders.extract.reading import Found, ReaderState, uniq


class ResponseReading(ReaderState):
    """Threats read from announced, vowed or awaited responses and ultimatums."""

    @staticmethod
    def _responding_verb(tok: Token) -> Token | None:
        """'We sanction X in response to / over / for the violence': the act that answers it."""
        cur = tok
        for _ in range(5):
            if cur.head.i == cur.i:
                return None
            if cur.dep_ == "pobj" and cur.head.lower_ in ("to", "for", "over") and (
                    cur.head.lower_ != "to" or cur.head.head.lemma_ in ("response", "reaction", "retaliation")):
                verb = cur.head.head if cur.head.lower_ != "to" else cur.head.head.head.head
                return verb if R.is_verbal(verb) else None
            cur = cur.head
        return None

    def _warned_response(self, tok: Token) -> Found | None:
        """'Our response will be proportionate, and the leadership of Azerbaijan bears full
        responsibility': a speaker announcing their own side's response warns the other party."""
        if tok.lemma_.lower() not in ("response", "retaliation", "reply", "answer") or tok.dep_ != "nsubj":
            return None
        if not any(c.dep_ == "poss" and c.lower_ in ("our", "my") for c in tok.children):
            return None
        if not any(c.dep_ == "aux" and c.lower_ in self.rules.modality["future_aux"] for c in tok.head.children):
            return None
        speaker = self.attribution(tok)
        if speaker is None:
            return None
        others = [es.entity for es in self.m.spans if tok.sent.start <= es.start < tok.sent.end
                  and es.entity.kind in ACTOR_KINDS and es.entity.country and es.entity.country != speaker.country]
        if not others:
            return None
        f = self._implied("Threat", tok, [speaker], others[:1], speaker)
        if f is not None:
            f.polarity = Polarity.ASSERTED  # the response is to come, the warning is made now
        return f

    # -- speech acts without their usual verb -------------------------------------------------------
    def _future(self, tok: Token) -> bool:
        fut = self.rules.modality["future_aux"] | {"would"}
        return any(c.dep_ == "aux" and c.lower_ in fut for c in tok.children)

    @staticmethod
    def _undertaken(tok: Token) -> Token | None:
        """The verb that undertakes a response ('vowed to retaliate', 'will not hesitate to use force',
        'reserves the right to respond', 'is ready to act'), else None."""
        cur = tok
        for _ in range(3):
            if cur.dep_ not in ("xcomp", "acl") or cur.head.i == cur.i:
                return None
            head = cur.head
            if head.lemma_ in WARNING_VERBS:
                return head
            if head.lemma_ == "hesitate" and any(c.dep_ == "neg" for c in head.children):
                return head
            if head.lemma_ == "right" and head.dep_ == "dobj" and head.head.lemma_ == "reserve":
                return head.head
            if head.lemma_ in ("ready", "prepared", "determined") and head.dep_ == "acomp":
                return head.head
            cur = head
        return None

    @staticmethod
    def _forceful(tok: Token) -> bool:
        """'respond proportionately', 'in kind', 'with force', 'take overwhelming military action'."""
        words = [c for c in tok.children if c.dep_ in ("advmod", "acomp", "oprd")]
        words += [p for w, p in R.preps(tok) if w in ("in", "with")]
        words += [m for o in R.objects(tok) for m in o.children if m.dep_ in ("amod", "compound")]
        if any(c.dep_ == "prt" and c.lower_ == "back" for c in tok.children):  # 'hit back'
            return True
        return any(w.lemma_.lower() in FORCEFUL or w.lower_ in FORCEFUL for w in words)

    def _act_doer(self, n: Token, own: set[str], back: bool = True) -> list[Entity]:
        """Who did the act a noun names: the party it names or its owner ('Poland's deployment', 'the
        deployment by Poland'); for 'the move', 'this decision', the party of the last act told before
        it that is not the speaker's side."""
        ents = self.resolve(n)
        if not ents:
            ents = [e for c in n.children if c.dep_ == "poss" or (c.dep_ in ("amod", "compound") and self.m.at(c.i))
                    for e in self.resolve(c)]
            ents += [e for w, p in R.preps(n) if w in ("by", "of", "from") for e in self.resolve(p)]
        ents = [e for e in ents if not (e.country and e.country in own)]
        if ents or not back:
            return ents[:1]
        if n.lemma_.lower() in ACT_REFERENCES and any(
                c.dep_ == "det" and c.lower_ in ("the", "this", "that", "such", "these", "those") for c in n.children):
            said = {"Condemnation", "Accusation", "Praise", "Denial", "Demand", "Threat", "Rejection"}
            for f in reversed(self.found):
                if f.refers_to is not None or f.trigger >= n.i or not f.actors or f.type in said:
                    continue
                doer = f.actors[0]
                doer = (self._state(doer.country) or doer) if doer.kind is not EntityKind.STATE and doer.country else doer
                if not (doer.country and doer.country in own):
                    return [doer]
        return []

    def _response_targets(self, tok: Token, heads: list[Token], own: set[str]) -> tuple[list[Entity], bool]:
        """Whom a response is aimed at: 'against X', 'to X's move', the doer of the condition ('if X
        goes ahead'), the one warned ('warned X that'). The flag says whether one was named by
        'against' or a condition (which alone make a response a threat)."""
        named: list[Entity] = []
        for t in (tok, *R.objects(tok)):
            named += [e for w, p in R.preps(t) if w in ("against", "on", "upon", "at") for e in self.resolve(p)]
        for h in (tok, *heads):
            for c in h.children:
                if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless", "should", "once")
                                             for m in c.children):
                    named += [e for sb in R.children(c, ("nsubj",)) for e in self._act_doer(sb, own, back=False)]
        out = list(named)
        for w, p in R.preps(tok):
            if w in ("to", "for"):
                out += self._act_doer(p, own)
        for h in heads:
            if h.lemma_ in WARNING_VERBS:
                out += [e for c in h.children if c.dep_ in ("dobj", "dative") for e in self.resolve(c)]
        keep = [e for e in uniq(out) if not (e.country and e.country in own)]
        return keep, any(e.id in {k.id for k in keep} for e in named)

    def _threat(self, tok: Token, actor: Entity, targets: list[Entity], speaker: Entity | None) -> Found | None:
        if actor.kind is EntityKind.ORGANISATION and actor.sector in NON_COERCIVE_SECTORS:
            return None  # 'the central bank warned it would act if inflation rose'
        f = self._implied("Threat", tok, [actor], targets, speaker, objs=[])
        if f is not None:
            f.polarity = Polarity.ASSERTED  # the response is to come, the warning is made now
        return f

    def _coming_response(self, tok: Token) -> Found | None:
        """'X warned it would respond in kind', 'said it would act if Y went ahead', 'vowed to
        retaliate against Y', 'will not hesitate to use force': X threatens whom the response is for."""
        lemma = tok.lemma_
        if lemma not in RESPONSE_VERBS or R.is_passive(tok) or any(c.dep_ == "neg" for c in tok.children):
            return None
        objs = R.objects(tok)
        if lemma in ("take", "use") and not any(o.lemma_.lower() in RESPONSE_OBJECTS for o in objs):
            return None
        if lemma in ("strike", "hit") and not any(c.dep_ == "prt" and c.lower_ == "back" for c in tok.children):
            return None
        if lemma in ("answer", "reply", "act", "react", "respond") and (
                objs or any(w in ("as", "on behalf of") for w, _ in R.preps(tok))):
            return None  # 'answer questions', 'act as mediator'
        if lemma == "defend" and not any(o.lower_ in ("itself", "themselves", "himself", "ourselves") or (any(
                c.dep_ == "poss" for c in o.children) and (self._is_class(o, "territory") or o.lemma_.lower() in (
                "sovereignty", "border", "interest", "people", "citizen", "security", "integrity", "homeland", "ally",
                "independence", "force", "troop"))) for o in objs):
            return None  # 'defend its territory / itself', not 'defend the decision' or 'its record'
        vowed = self._undertaken(tok)
        if vowed is not None and vowed.lemma_ == "threaten":
            return None  # 'threatened to retaliate': the trigger itself
        if vowed is None and not self._future(tok):
            return None
        head = R.speech_head(tok, self.rules)
        speaker = self.attribution(tok)
        subj = R.subject(tok) or (R.subject(vowed) if vowed is not None else [])  # 'reserved the right to respond'
        actors = [e for s in subj for e in self.resolve(s)]
        if speaker is not None and head is not None and any(s.lower_ in ("it", "we", "he", "she") for s in subj):
            actors = [speaker]  # 'X warned that it would ...': the speaker's own response
        if speaker is not None and head is not None and any(
                s.lemma_.lower() in OWN_STATE_NOUNS and self.m.at(s.i) is None and any(c.lower_ == "the" for c in s.children)
                for s in subj):
            # 'the spokesman said the country would respond': the speaker's state, whatever state was named last
            actors = [(self._state(speaker.country) if speaker.country else None) or speaker]
        if not actors or (vowed is None and speaker is None):
            return None
        actor = actors[0]
        if vowed is None and actor.id != speaker.id and not (actor.country and actor.country == speaker.country):
            return None  # 'Seoul said Pyongyang would retaliate' tells of a threat, it makes none
        warned = vowed is not None or (head is not None and head.lemma_ in WARNING_VERBS)
        own = {actor.country} if actor.country else set()
        targets, named = self._response_targets(tok, [h for h in (vowed, head) if h is not None], own)
        strong = lemma in ("retaliate", "punish", "avenge", "strike", "hit") or (
            lemma == "use" and any(o.lemma_ == "force" for o in objs)) or self._forceful(tok) or any(
            w in ("to", "against") and p.lemma_.lower() in HOSTILE_ACT_NOUNS for w, p in R.preps(tok))
        if not (warned or strong or named):
            return None
        if not targets and not strong:
            # with no one named, only a response that is plainly force: 'warned it would act if ...',
            # 'would defend itself', not 'warned it would take measures to protect its economy'
            if lemma == "take" and not any(o.lemma_.lower() in ("countermeasure", "counter-measure") for o in objs):
                return None
            if lemma == "act" and not any(c.dep_ == "advcl" and any(m.lower_ in ("if", "unless", "should")
                                                                    for m in c.children) for c in tok.children):
                return None
        return self._threat(tok, actor, targets, speaker or actor)

    def _held_responsible(self, tok: Token) -> Found | None:
        """'X held Y responsible for the sabotage', 'Y was behind the explosion, X said', 'X said Y was
        responsible for the blasts': X accuses Y (an act of a type is Y's too: see _responsible)."""
        if any(c.dep_ == "neg" for c in tok.children) or R.is_passive(tok):
            return None
        if tok.lemma_ == "hold":
            verdicts = [c for c in tok.children if c.dep_ in ("oprd", "acomp", "xcomp", "ccomp")
                        and c.lemma_.lower() in ("responsible", "accountable", "liable", "culpable")]
            if not verdicts:
                return None
            accusers = [e for sb in R.subject(tok) for e in self.resolve(sb)]
            # 'holds Y fully responsible': the parser may make Y the subject of 'responsible'
            accused = [e for o in R.children(tok, ("dobj",)) + [s for v in verdicts for s in R.children(v, ("nsubj",))]
                       for e in self.resolve(o)]
            attribution = self.attribution(tok)
        elif tok.lemma_ == "bear" and any(o.lemma_.lower() in ("responsibility", "blame") and not any(
                d.lower_ == "no" for d in o.children) for o in R.children(tok, ("dobj",))):
            # 'X said Y bore full responsibility for the tensions': X blames Y (not Y's own admission)
            attribution = self.attribution(tok)
            accusers = [attribution] if attribution is not None else []
            accused = [e for sb in R.children(tok, ("nsubj",)) for e in self.resolve(sb)]
        elif tok.lemma_ == "be":
            behind = [p for w, p in R.preps(tok) if w == "behind"]
            acts = [p for c in tok.children if c.dep_ == "acomp" and c.lemma_.lower() in ("responsible", "culpable")
                    for w, p in R.preps(c) if w == "for"]
            if not (behind or acts):
                return None
            attribution = self.attribution(tok)
            accusers = [attribution] if attribution is not None else []
            accused = [e for sb in R.children(tok, ("nsubj",)) for e in self.resolve(sb)]
        else:
            return None
        if not accusers or not accused:
            return None
        accuser = accusers[0]
        accused = [e for e in accused if e.id != accuser.id and not (e.country and e.country == accuser.country)]
        if not accused:
            return None
        return self._accusation(tok, accuser, accused[0], attribution)

    def _ultimatum(self, tok: Token) -> Found | None:
        """'X said it would withdraw its peacekeepers unless Y agreed to a ceasefire', 'X will boycott
        the talks unless Y ...': an act announced on a condition another party must meet threatens it."""
        cond = [c for c in tok.children if c.dep_ == "advcl" and any(
            m.dep_ == "mark" and m.lower_ == "unless" for m in c.children)]
        if not cond or not R.is_verbal(tok) or not self._future(tok) or self._undertaken(tok) is not None:
            return None  # ('threatened to ... unless': the trigger itself)
        if R.is_passive(tok) or not (tok.lemma_ in COERCIVE_VERBS or any(c.dep_ == "neg" for c in tok.children)):
            return None  # 'will reopen the embassy unless X objects' coerces no one; 'will not sign unless' does
        speaker = self.attribution(tok)
        subj = R.subject(tok)
        actors = [e for sb in subj for e in self.resolve(sb)]
        if speaker is not None and R.speech_head(tok, self.rules) is not None and any(
                sb.lower_ in ("it", "we", "he", "she", "they") for sb in subj):
            actors = [speaker]
        if not actors:
            return None
        own = {actors[0].country} if actors[0].country else set()
        targets = [e for c in cond for sb in R.children(c, ("nsubj",)) for e in self.resolve(sb)]
        targets = [e for e in uniq(targets) if e.id != actors[0].id and not (e.country and e.country in own)]
        if not targets:
            return None
        return self._threat(tok, actors[0], targets, speaker or actors[0])

    def _response_awaits(self, tok: Token) -> Found | None:
        """'warned that X would pay a heavy price / face consequences / receive a response', 'any
        provocation would be met with force', 'X's attacks will not go unanswered': the speaker
        threatens X."""
        lemma = tok.lemma_
        if lemma not in SUFFER_VERBS | {"meet", "go"} or not self._future(tok):
            return None
        head = R.speech_head(tok, self.rules)
        speaker = self.attribution(tok)
        if speaker is None:
            return None
        own = {speaker.country} if speaker.country else set()
        warned = head is not None and head.lemma_ in WARNING_VERBS
        doers: list[Entity] = []
        if lemma in SUFFER_VERBS and not R.is_passive(tok):
            objs = [o for o in R.objects(tok) if o.lemma_.lower() in RESPONSE_NOUNS | {"price", "cost", "wrath"}]
            if not objs or any(c.dep_ == "neg" for c in tok.children):
                return None
            if all(o.lemma_.lower() in ("response", "answer", "reaction") for o in objs) and not warned and not any(
                    m.lemma_.lower() in FORCEFUL for o in objs for m in o.children):
                return None  # 'X will receive a response to its letter'
            doers = [e for s in R.subject(tok) for e in self.resolve(s)]
            if not doers:
                return None
        elif lemma == "meet" and R.is_passive(tok):
            if not any(w == "with" and p.lemma_.lower() in RESPONSE_NOUNS | {"force"} for w, p in R.preps(tok)):
                return None
            doers = [e for s in R.children(tok, ("nsubjpass",)) for e in self._act_doer(s, own, back=False)]
        elif lemma == "go" and any(c.dep_ == "neg" for c in tok.children):
            if not any(c.lower_ in UNANSWERED for c in tok.children):
                return None
            doers = [e for s in R.subject(tok) for e in self._act_doer(s, own)]
        else:
            return None
        doers = [e for e in uniq(doers) if e.id != speaker.id and not (e.country and e.country in own)]
        return self._threat(tok, speaker, doers, speaker)

    def _vowed_return(self, tok: Token) -> Found | None:
        """'the militants withdrew and vowed to return', 'the rebels swore to come back': an armed group
        that vows to return threatens the state it fights (not 'vowed to return to the talks')."""
        if tok.lemma_ not in ("return", "come") or tok.dep_ != "xcomp" or tok.head.lemma_ not in WARNING_VERBS:
            return None
        if tok.lemma_ == "come" and not any(c.dep_ in ("prt", "advmod") and c.lower_ == "back" for c in tok.children):
            return None
        if R.preps(tok) or R.objects(tok) or any(c.dep_ == "neg" for c in tok.head.children):
            return None  # 'vowed to return to the negotiating table', 'to return the favour'
        vow = tok.head
        subj = R.subject(vow)
        if not subj and vow.dep_ == "conj":
            subj = R.subject(vow.head)
        actors = [e for s in subj for e in self.resolve(s)]
        if not actors:
            speaker = self.attribution(vow)
            actors = [speaker] if speaker is not None else []
        actors = [e for e in actors if e.kind is EntityKind.ARMED_GROUP]
        if not actors:
            return None  # 'the president vowed to return'
        state = self._state(actors[0].country) if actors[0].country else None
        return self._threat(tok, actors[0], [state] if state is not None else [], actors[0])

    def _harm_awaits(self, tok: Token) -> Found | None:
        """'said those who back the separatists "will be crushed"', 'warned that any country that arms
        the rebels will be treated as an enemy': harm in the future passive awaiting a party or a class
        of people, announced by a speaker, is the speaker's threat (to the party, if one is named)."""
        if tok.lemma_ not in HARM_PASSIVE_VERBS or not R.is_passive(tok) or not self._future(tok):
            return None
        if any(c.dep_ == "neg" for c in tok.children):
            return None
        if tok.lemma_ == "treat" and not any(w == "as" and p.lemma_.lower() in ENEMY_NOUNS for w, p in R.preps(tok)):
            return None  # 'will be treated fairly', 'treated as a partner'
        if any(w == "by" for w, _ in R.preps(tok)):
            return None  # 'would be crushed by the weight of debt', 'will be punished by the courts'
        if R.speech_head(tok, self.rules) is None:
            return None
        speaker = self.attribution(tok)
        if speaker is None:
            return None
        own = {speaker.country} if speaker.country else set()
        subj = R.children(tok, ("nsubjpass",))
        if not subj:
            return None
        s = subj[0]
        resolved = self.resolve(s)
        named = [e for e in resolved if e.id != speaker.id and not (e.country and e.country in own)]
        if resolved and not named:
            return None  # the speaker's own side
        is_class = s.lower_ in CLASS_PRONOUNS or any(c.dep_ in ("relcl", "acl") for c in s.children) or any(
            c.dep_ == "det" and c.lower_ in ("any", "every", "all") for c in s.children)
        if not named and not is_class:
            return None  # 'the talks will be held', 'the old bridge will be demolished'
        return self._threat(tok, speaker, named, speaker)

    def _vowed_response(self, tok: Token) -> Found | None:
        """'X vowed retaliation against Y', 'warned of consequences if Y ...', 'warned Y of a firm
        response': X threatens Y."""
        if tok.lemma_.lower() not in RESPONSE_NOUNS:
            return None
        if tok.dep_ == "dobj" and tok.head.lemma_ in WARNING_VERBS - {"warn", "threaten"}:
            verb = tok.head
        elif tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lemma_ == "warn":
            verb = tok.head.head
        else:
            return None
        pp = R.preps(tok)
        if any(w in ("of", "by", "from") for w, _ in pp) or any(c.dep_ == "poss" for c in tok.children):
            return None  # 'the consequences of the war', 'warned of retaliation by Y'
        actors = [e for s in R.subject(verb) for e in self.resolve(s)]
        if not actors:
            return None
        own = {actors[0].country} if actors[0].country else set()
        targets: list[Entity] = []
        for w, p in pp:
            if w in ("against", "on", "for", "to"):
                found = self.resolve(p) or self._act_doer(p, own, back=False)
                if not found:
                    return None  # 'consequences for the economy'
                targets += found
        more, _ = self._response_targets(verb, [verb], own)
        targets = [e for e in uniq(targets + more) if not (e.country and e.country in own)]
        if not targets and verb.lemma_ != "warn" and tok.lemma_.lower() in ("response", "answer", "reaction") and not any(
                c.dep_ in ("amod", "compound") and (c.lemma_.lower() in FORCEFUL or c.lower_ in FORCEFUL)
                for c in tok.children):
            return None  # 'the government promised a response' (to its citizens, most likely)
        return self._threat(tok, actors[0], targets, self.attribution(verb) or actors[0])
