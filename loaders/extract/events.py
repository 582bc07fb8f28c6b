"""Events from one parsed article: the trigger and its arguments decide the type, clause by clause.

For each trigger word (from the taxonomy) the clause is read from the dependency parse: the
doer (subject or passive agent), what it acts on (object), the obliques ("to", "against", "with",
"from"), the side it fights for, places, date, polarity and who says so. A trigger whose
arguments do not fit its type makes no event, and neither does one whose doer is unknown.

The reader is composed of parts by concern: loaders/extract/parties.py (who a phrase names),
implied.py (events without a trigger of their type), judgements.py (censure, claims, praise) and
responses.py (threats of response, ultimatums); the word tables are in lexicon.py. This module reads
the triggers and builds the events.
"""

from __future__ import annotations

import datetime as dt

from spacy.tokens import Doc, Token

from kg.model import Entity, EntityKind, Polarity
from kg.ontology import taxonomy
from loaders.extract import roles as R
from loaders.extract.dates import normalise
from loaders.extract.implied import ImpliedEventReading
from loaders.extract.judgements import JudgementReading
from loaders.extract.lexicon import (
    CHARACTERISE_VERBS,
    CIVIL_MISSIONS,
    COUNTER_BASES,
    COUNTER_VERBS,
    DESCRIBING_VERBS,
    KEPT_WORD_NOUNS,
    LOCATIVE,
    NON_PARTY_CLASSES,
    QUANTITY_NOUNS,
    SIGNING_WITNESS_VERBS,
    STRIKE_NOUNS,
    SUPPORT_VERBS,
    TRANSFER_NOUNS,
)
from loaders.extract.mentions import ACTOR_KINDS, Mentions
from loaders.extract.parties import PartyResolution
from loaders.extract.quantities import count_of
from loaders.extract.reading import NO_RULES, Found, uniq
from loaders.extract.responses import ResponseReading
from loaders.extract.rules import Rules, Trigger, TypeRules
from loaders.extract.withholding import WithholdingReading

# what an armed group strikes of its own state's (not ships: 'attacked a commercial vessel' names no state)
LAND_FORCES = frozenset({"troop", "troops", "soldier", "force", "forces", "army", "military", "garrison", "checkpoint"})
# what is given or offered by the one named with 'from' ('welcomed an offer from X')
OFFER_NOUNS = frozenset({"offer", "pledge", "proposal", "invitation", "donation", "gift", "message", "letter",
                         "support", "aid", "assistance", "help", "package"})
# sayings are not the acts a general noun ('the measures', 'the decision') refers back to
SAYING_TYPES = frozenset({"Condemnation", "Praise", "Accusation", "Denial", "Demand", "Threat", "Rejection",
                          "Sympathy", "Protest"})
# Judgements of a deed, whose recipient is the doer; deeds done to someone, whose 'of' / 'on' is the victim.
JUDGING_TYPES = frozenset({"Condemnation", "Praise", "Protest"})
DEED_TYPES = frozenset({"Attack", "Seizure", "Deployment", "MilitaryAid", "Sanction", "ShowOfForce", "Arrest"})


class ArticleReader(PartyResolution, ImpliedEventReading, JudgementReading, ResponseReading, WithholdingReading):
    """Reads one parsed article into Found events: the triggers here, the rest in its parts."""

    def __init__(self, doc: Doc, mentions: Mentions, rules: Rules, published: dt.date | None) -> None:
        self.doc, self.m, self.rules, self.published = doc, mentions, rules, published
        self.found: list[Found] = []
        self.speakers: list[tuple[int, Entity]] = []
        self._sent_speaker: dict[int, Entity | None] = {}
        self.labels = self._transcript_labels()
        self.exclude: set[str] = set()  # states a description may not resolve to (the doer's own)
        self.last_pair: tuple[int, list[Entity]] | None = None  # the last 'the two leaders' resolved
        self.actors_now: list[Entity] = []  # the doers of the event being built (reactive recipients)

    # -- triggers ----------------------------------------------------------------------------
    def triggers(self, tok: Token) -> list[Trigger]:
        lemma, low = tok.lemma_.lower(), tok.lower_
        cands = self.rules.by_word.get(lemma, ()) or self.rules.by_word.get(low, ())
        if not cands and lemma.startswith("counter") and lemma[7:].lstrip("-") in COUNTER_BASES:
            # 'a counteroffensive', 'counterstrikes': the act itself, in answer to another
            lemma = low = lemma[7:].lstrip("-")
            cands = self.rules.by_word.get(lemma, ())
        if not cands:
            return []
        near = {lemma, low}
        for c in tok.children:
            near.update((c.lemma_.lower(), c.lower_))
        out = []
        for trig in cands:
            if len(trig.words) == 1:
                if trig.words[0] in (lemma, low):
                    out.append(trig)
            elif all(w in near for w in trig.words) and (trig.words[0] in (lemma, low) or trig.words[-1] in (lemma, low)):
                out.append(trig)
        return out

    def _object_ok(self, tr: TypeRules, trig: Trigger, tok: Token, objs: list[Token]) -> bool:
        if len(trig.words) > 1:
            return True
        need = tr.object_class.get(tok.lemma_.lower())
        if need is None:
            return True
        if need == "never":
            return False
        heads = objs + [p for w, p in R.preps(tok) if w == "with"]
        if tok.dep_ == "relcl" and any(o.tag_ == "WDT" for o in objs):
            heads.append(tok.head)  # 'the accord, which X and Y signed': what 'which' stands for
        if need == "troops_or_none":
            return not objs or any(self._is_class(o, "troops") for o in heads)
        if need == "troops" and not objs and not R.is_passive(tok):
            # '1,000 soldiers ... will reposition to Romania': the forces move themselves
            return any(self._is_class(s, "troops") for s in R.children(tok, ("nsubj",)))
        if need == "any":
            return bool(objs)
        if need == "entity":
            return any(self.resolve(o) for o in objs)
        if need == "visitor":  # 'received the Kenyan president', 'received a Russian delegation'; not 'received weapons'
            return any(e.kind is EntityKind.PERSON or o.lemma_ in ("delegation", "counterpart", "envoy", "president",
                                                                   "minister", "leader", "premier", "chancellor", "king")
                       for o in objs for e in self.resolve(o))
        if need == "attacks_or_weapons":  # 'fired missiles at', 'fired anti-aircraft batteries at'
            return any(self._is_class(o, "attacks") or self._is_class(o, "weapons") or o.lemma_ == "battery"
                       for o in heads)
        return any(self._is_class(o, c) for o in heads for c in need.split("_or_"))  # 'troops_or_territory'

    def _is_class(self, tok: Token, name: str) -> bool:
        if name == "troops" and any(c.dep_ in ("compound", "amod") and c.lower_ in CIVIL_MISSIONS for c in tok.children):
            return False  # 'rescue teams', 'medical personnel', 'a negotiating team': no forces
        if self.rules.in_class(tok.lemma_.lower(), name) or self.rules.in_class(tok.lower_, name):
            return True
        if name == "troops" and (es := self.m.at(tok.i)) is not None and es.how == "demonym" and tok.tag_ == "NNPS":
            return True  # 'send young North Koreans'
        if name == "territory" and (es := self.m.at(tok.i)) is not None and es.entity.kind is EntityKind.PLACE:
            return True
        if tok.lemma_.lower() in QUANTITY_NOUNS or tok.pos_ == "NUM":
            # 'millions of artillery shells', 'thousands of troops', 'a batch of drones'
            return any(self._is_class(p, name) for w, p in R.preps(tok) if w == "of")
        if tok.lemma_.lower() in ("measure", "step", "action", "mechanism", "system") and name != "weapons":
            return False  # 'control measures', 'border control mechanisms': what is done, not what is taken
        return any(c.dep_ == "compound" and self.rules.in_class(c.lemma_.lower(), name) for c in tok.children)

    # -- the article ----------------------------------------------------------------------------
    def run(self) -> list[Found]:
        for sent in self.doc.sents:
            consumed: set[int] = set()
            verbs = [t for t in sent if R.is_verbal(t)]
            nouns = [t for t in sent if not R.is_verbal(t) and t.pos_ in ("NOUN", "PROPN")]
            for t in verbs:
                if t.lemma_ in self.rules.speech and t.pos_ == "VERB":
                    subj = R.subject(t)
                    ents = [e for s in subj for e in self.resolve(s)]
                    if ents:
                        self.speakers.append((t.i, ents[0]))
            for tok in [*verbs, *nouns]:
                if tok.i in consumed:
                    continue
                if tok in nouns and (found := self._existential(tok)) is not None:
                    found.attributes.pop("_consumed", None)
                    self.found.append(found)
                    continue
                if tok in nouns and (found := self._implied_by_noun(tok)) is not None:
                    found.attributes.pop("_consumed", None)
                    self.found.append(found)
                    continue
                found = self.read(tok, nominal=tok in nouns and tok not in verbs)
                if found is not None:
                    consumed.update(found.attributes.pop("_consumed", ()))
                    self.found.append(found)
                if tok in verbs and (found := self._implied_by_verb(tok)) is not None:
                    found.attributes.pop("_consumed", None)
                    self.found.append(found)
        self._claimed_wrongs()
        return self.found

    def read(self, tok: Token, nominal: bool) -> Found | None:
        for trig in self.triggers(tok):
            tr = self.rules.types.get(trig.type.name, NO_RULES)
            if nominal and trig.phrase not in tr.nominal and tok.lemma_.lower() not in tr.nominal:
                continue
            if not nominal and tok.pos_ == "AUX":
                continue
            objs = R.objects(tok) if not nominal else []
            if not nominal and not self._object_ok(tr, trig, tok, objs):
                continue
            if not nominal and trig.type.name == "Praise" and self._greets_visitor(tok):
                continue
            if not nominal and tok.lemma_ == "speak" and not any(
                    p.lower_ not in ("you", "us") and self.resolve(p) for w, p in R.preps(tok) if w == "with"):
                continue  # 'spoke with X' (by phone) is a meeting with a party; 'speak with you tonight' is none
            if not nominal and trig.type.name == "Condemnation" and any(
                    w == "with" and not self.resolve(p) and not self._is_class(p, "claims") for w, p in R.preps(tok)):
                continue  # 'blasted the boat with water', 'hit the ship with a laser': a deed, not words
            if not nominal and trig.type.name == "Praise" and tok.lemma_ in ("honor", "honour") and any(
                    o.lemma_.lower() in KEPT_WORD_NOUNS or self._is_class(o, "agreements") for o in objs):
                continue  # 'will honor its commitments / the ceasefire': keeping one's word, not praise
            if not nominal and trig.type.name == "Seizure" and any(
                    o.lemma_ == "part" and not R.children(o, ("det", "amod", "poss")) and "of" not in {w for w, _ in R.preps(o)}
                    for o in objs):
                continue  # 'took part in the fighting' is taking part, not taking ground ('took part of the town')
            if not nominal and trig.type.name == "Seizure" and any(o.lemma_ in ("aim", "note", "issue") for o in objs):
                continue  # 'took aim at X' criticises X, 'took note of', 'took issue with': no ground taken
            if not nominal and trig.type.name == "Aid" and self._purpose_of_act(tok):
                continue  # 'sent troops to help Mali': the help is what the sending is for, no act of its own
            if not nominal and trig.type.name in ("Threat", "Demand") and self._advised_against(tok):
                continue  # 'warned its citizens against travel to X' is a travel warning (_travel_advice)
            if not nominal and trig.type.name == "Rejection" and any(self._is_class(o, "claims") for o in objs):
                continue  # 'rejected the accusation' denies it (_claim_characterised)
            if nominal and trig.words[0] in TRANSFER_NOUNS and not any(
                    self._is_class(p, "weapons") for w, p in R.preps(tok) if w == "of") and not any(
                    self._is_class(c, "weapons") for c in tok.children if c.dep_ == "compound"):
                continue  # 'the delivery of tanks', 'arms sales'; not 'the delivery of food'
            if nominal and trig.words[0] in TRANSFER_NOUNS and tok.dep_ == "compound":
                continue
            if nominal and trig.type.name == "Demand" and not self._demand_clause(tok):
                continue  # 'demand for oil from China', 'China's demand for soybeans': a market, not a call
            if nominal and tok.lemma_.lower() == "offensive" and (tok.pos_ != "NOUN" or any(c.lower_ in (
                    "charm", "diplomatic", "peace", "media", "propaganda", "legal", "public") for c in tok.children)):
                continue  # 'a charm offensive', 'a diplomatic offensive' attack no one
            if not nominal and tok.lemma_ == "insist" and any(
                    (c.tag_ not in ("VB", "VBP", "VBZ") or c.lemma_ in ("be", "have") or any(
                        a.dep_ == "aux" and a.tag_ in ("VBD", "VBZ") for a in c.children))
                    and not any(a.lower_ in ("should", "must") for a in c.children)
                    for c in R.children(tok, ("ccomp",))):
                continue  # 'insisted that its ships had done nothing wrong' asserts, it demands nothing
            found = self._build(trig, tr, tok, nominal, objs)
            if found is not None:
                return found
        return None

    def _sayer_of_conjunct(self, tok: Token) -> Token | None:
        """The verb of saying whose reported clause `tok` is conjoined to, when `tok` has no subject of
        its own and is in the same tense as the saying ('said X was ready and urged Y'), else None."""
        if tok.dep_ != "conj" or R.children(tok, R.SUBJ + R.PASS_SUBJ) or tok.head.dep_ != "ccomp":
            return None
        say = tok.head.head
        if say.lemma_ in self.rules.speech and R.is_verbal(say) and say.tag_ == tok.tag_ and say.i < tok.head.i:
            return say
        return None

    def _last_assailants(self, tok: Token, actors: list[Entity], own_states: set[str]) -> list[Entity]:
        """The doer of the last attack or seizure told, in the ten sentences before, against one of
        `actors` or their state."""
        ids = {a.id for a in actors}
        floor = tok.sent.start
        for _ in range(10):
            floor = self._sent_before(floor)
        for ev in reversed(self.found):
            if ev.trigger < floor:
                break
            if ev.type not in ("Attack", "Seizure") or ev.refers_to is not None or not ev.actors:
                continue
            if any(r.id in ids or (r.kind is EntityKind.STATE and r.country in own_states) for r in ev.recipients) \
                    and not any(a.id in ids for a in ev.actors):
                return ev.actors[:1]
        return []

    @staticmethod
    def _signing_witnessed(tok: Token, name: str) -> Token | None:
        """'the two presidents witnessed / attended / oversaw the signing of several agreements', 'presided
        over the signing of a treaty': those present sign it. The verb, or None."""
        if name != "Agreement" or tok.dep_ != "pobj":
            return None
        signing_nouns = ("signing", "signature", "conclusion")
        if tok.head.lower_ in ("including", "include"):
            # 'the signing of seven documents, including a memorandum on ...' (however 'including' is hung)
            up = tok.head.head
            signing = up if up.lemma_.lower() in signing_nouns else up.head.head if (
                up.dep_ == "pobj" and up.head.lower_ == "of") else up
        elif tok.head.lower_ == "of":
            signing = tok.head.head
        else:
            return None
        if signing.lemma_.lower() not in signing_nouns or signing.pos_ != "NOUN":
            return None
        verb = signing.head
        if signing.dep_ == "pobj" and verb.lower_ == "over":
            verb = verb.head  # 'presided over the signing of'
        elif signing.dep_ != "dobj":
            return None
        if R.is_verbal(verb) and verb.lemma_.lower() in SIGNING_WITNESS_VERBS and not R.is_passive(verb):
            return verb
        return None

    def _greets_visitor(self, tok: Token) -> bool:
        """'I welcome you to Belarusian land', 'welcomed the delegation to Minsk': hospitality to a
        visitor, not praise of what they did."""
        if tok.lemma_ != "welcome":
            return False
        for w, p in R.preps(tok):
            if w == "to" and (self._is_class(p, "territory") or ((es := self.m.at(p.i)) is not None and (
                    es.entity.kind is EntityKind.PLACE or es.how == "metonym"))):
                return True
        return False

    def _build(self, trig: Trigger, tr: TypeRules, tok: Token, nominal: bool, objs: list[Token]) -> Found | None:
        name = trig.type.name
        rules = self.rules
        head = tok.head
        light = nominal and tok.dep_ in ("dobj", "nsubjpass", "attr") and R.is_verbal(head) and (
            head.lemma_ in rules.acknowledge or head.lemma_ in rules.speech)
        if nominal and not light and (witness := self._signing_witnessed(tok, name)) is not None:
            head, light = witness, True  # 'the two presidents witnessed the signing of agreements'
        # -- who does it
        implicit = False
        attribution = self.attribution(tok if not light else head)
        if name == "Threat" and nominal and tok.dep_ in ("dobj", "attr") and head.lemma_ in CHARACTERISE_VERBS:
            # 'X's program constitutes a threat to peace': whoever says so accuses X, X threatens no one
            return self._characterised(tok, head, attribution)
        if name in ("Threat", "Accusation") and nominal and tok.dep_ == "pobj" and head.lower_ == "as" and (
                head.head.lemma_ in DESCRIBING_VERBS):
            # 'X shipped missiles, a step the Council described as a threat to security'
            return self._described_as_wrong(tok, head.head, attribution)
        if name in tr.speaker_actor or tok.lemma_.lower() in tr.speaker_actor:
            actors = [attribution] if attribution else []
            subj_ents = [e for s in (R.subject(tok) if not nominal else []) for e in self.resolve(s)]
            if not subj_ents and nominal:
                subj_ents = [e for c in R.children(tok, ("poss",)) for e in self.resolve(c)]
                subj_ents += [e for w, p in R.preps(tok) if w == "by" for e in self.resolve(p)]
            recipients = subj_ents
            if not recipients and actors and not nominal and not any(
                    c.dep_ == "det" and c.lower_ == "no" for o in objs for c in o.children):
                # 'saying the move breached the accord': whoever made the move the speaker points back to
                own = {actors[0].country} if actors[0].country else set()
                recipients = [e for s in R.subject(tok) for e in self._act_doer(s, own)]
            if not actors or not recipients:
                return None
            return self._finish(name, trig, tr, tok, nominal, actors, recipients, [], objs, attribution, light)
        blamed = False
        if nominal:
            actor_toks = [c for c in tok.children if c.dep_ in ("poss", "amod", "compound", "nmod")]
            if name == "Agreement" and tok.text[:1].isupper() and not tok.is_sent_start:
                # 'the Algiers Agreement', 'the Dayton Accords': the city of a named accord is where it was made
                actor_toks = [c for c in actor_toks if (es := self.m.at(c.i)) is None or not (
                    es.how == "metonym" or es.entity.kind is EntityKind.PLACE)]
            actors = [e for c in actor_toks for e in self.resolve(c, conj=True)]
            actors += [e for w, p in R.preps(tok) if w == "by" for e in self.resolve(p)]
            if not actors and name == "Demand":
                # 'repeated demands from X that ...'
                actors = [e for w, p in R.preps(tok) if w == "from" for e in self.resolve(p)]
            if not actors and name == "MilitaryAid" and tok.lemma_.lower() in TRANSFER_NOUNS:
                # 'the transfer of missiles from Iran (to Russia)': the source of weapons handed over is the giver
                carried = [p for w, p in R.preps(tok) if w == "of"]
                actors = [e for t in (tok, *carried) for w, p in R.preps(t) if w == "from" for e in self.resolve(p)
                          if e.kind in ACTOR_KINDS]
            if not actors and name == "Deployment":  # 'the deployment of Russian troops to Belarus'
                actors = self._force_owner([p for w, p in R.preps(tok) if w == "of"])
            if not actors and light:
                actors = [e for s in R.subject(head) for e in self.resolve(s)]
            if not actors:
                actors = [e for s in self._responsible(tok) for e in self.resolve(s)]
                blamed = bool(actors)
            if not actors and tr.symmetric:
                between = [e for w, p in R.preps(tok) if w == "between" for e in self.resolve(p)]
                if len(between) >= 2:
                    actors = between
                else:
                    actors, implicit = self._clause_parties(tok), True
        else:
            actors = [e for s in R.subject(tok) for e in self.resolve(s)]
            if not actors and name in SAYING_TYPES and (sayer := self._sayer_of_conjunct(tok)) is not None:
                # 'He said the bloc was ready and urged Tehran to stop': the parser hangs 'urged' on the
                # reported clause; the one who said it urges
                actors = [e for s in R.subject(sayer) for e in self.resolve(s)]
            if not actors and tr.symmetric and tok.dep_ == "acl":
                actors, implicit = self._implicit_actor(tok), True
            if (not actors and tr.reactive and tok.tag_ in ("VB", "VBP") and tok.dep_ == "ROOT"
                    and not R.children(tok, R.SUBJ + R.PASS_SUBJ) and attribution is not None
                    and (self.m.is_quoted(tok) or self.label_at(tok.i) is not None)):
                actors = [attribution]  # '"Thank you, Mr President," said X' / 'X: Thank you'
            if not actors and name == "Deployment":
                actors = self._force_owner(objs if R.is_passive(tok) else R.children(tok, ("nsubj",)))
            if not actors and tr.symmetric and not R.children(tok, R.SUBJ + R.PASS_SUBJ):
                # 'the counterparts underscored their countries' ties, signing a framework ...'
                actors, implicit = self._clause_parties(tok), True
        if not nominal and not tr.symmetric and (pair := self._reciprocal(tok, objs, actors)):
            # 'each side accusing the other', 'the two countries accused each other': both ways
            first = self._finish(name, trig, tr, tok, nominal, pair[:1], pair[1:], [], [], attribution, light)
            second = self._finish(name, trig, tr, tok, nominal, pair[1:], pair[:1], [], [], attribution, light)
            if first is not None and second is not None:
                second.attributes.pop("_consumed", None)
                self.found.append(second)
            return first or second
        recipients: list[Entity] = []
        if len(actors) > 1 and tr.symmetric:
            actors, recipients = self.symmetric_sides(actors)
        if len(actors) == 1 and tr.symmetric and not nominal and (label := self.label_at(tok.i)) is not None and any(
                s.lower_ == "we" for s in R.children(tok, ("nsubj",))):
            # 'We meet regularly' in one leader's turn of a conversation with another: the two of them
            other = self._addressee(tok, label)
            if other is not None and other.country != actors[0].country:
                recipients = [other]
        if not actors:
            self._mention_of_earlier(name, tok, objs, nominal)
            return None
        f = self._finish(name, trig, tr, tok, nominal, actors, recipients, objs, objs, attribution, light)
        if f is not None and blamed:
            f.attributes["_blamed"] = True
        if f is not None and implicit:
            f.confidence = min(f.confidence, 0.6)
        return f

    def _mention_of_earlier(self, name: str, tok: Token, objs: list[Token], nominal: bool) -> None:
        """A doer-less retelling ('the deployment', 'the decision to send troops') of an event
        already found in the article becomes one more mention of it."""
        if not nominal and not objs:
            return
        known = {r.country for ev in self.found if ev.type == name for r in ev.recipients}
        dest = [e for w, p in R.preps(tok) if w in ("to", "into") for e in self.resolve(p)]
        if dest and known and not {d.country for d in dest} & known:
            return
        for idx in range(len(self.found) - 1, -1, -1):
            ev = self.found[idx]
            if ev.type == name and ev.refers_to is None:
                self.found.append(Found(type=name, trigger=tok.i, sent=(tok.sent.start, tok.sent.end), actors=[],
                                        refers_to=idx))
                return

    def symmetric_sides(self, parties: list[Entity]) -> tuple[list[Entity], list[Entity]]:
        """Several parties of a symmetric act ('X and Y met'): the first is the doer, the others its
        counterparts; an official named beside their body or state is one party with it."""
        first = parties[0]
        return ([a for a in parties if self.m.one_party(a, first)],
                [a for a in parties if not self.m.one_party(a, first)])

    def _finish(self, name: str, trig: Trigger, tr: TypeRules, tok: Token, nominal: bool, actors: list[Entity],
                recipients: list[Entity], objs: list[Token], obj_heads: list[Token], attribution: Entity | None,
                light: bool) -> Found | None:
        rules = self.rules
        head = tok.head
        pp = R.preps(tok)
        # 'condemned Russia's strikes on Kyiv', 'the occupation of Georgia's territory': a judgement of a
        # deed is about whoever did it (found by _reactive_recipient), not whom it was done to
        deeds = [o for o in objs if name in JUDGING_TYPES and self._names_deed(o)]
        for o in objs:
            if any(self._is_class(o, c) for c in NON_PARTY_CLASSES) and o not in deeds:
                pp += R.preps(o)
        if light:
            pp += R.preps(head)
        if nominal:  # 'an attack by X against Y': the parser often hangs 'against Y' on X
            pp += [(w2, p2) for w, p in R.preps(tok) if w == "by" for w2, p2 in R.preps(p) if w2 in ("against", "on")]
        if name == "Seizure":  # 'took control of the reef from X': whom the ground is taken from
            pp += [(w2, p2) for w, p in list(pp) if w == "of" for w2, p2 in R.preps(p) if w2 == "from"]
        purpose = [c for c in tok.children if c.dep_ in ("advcl", "xcomp", "acl", "relcl") and R.is_verbal(c)]
        for o in objs:
            purpose += [c for c in o.children if c.dep_ in ("acl", "relcl") and R.is_verbal(c)]
        # -- recipients
        actor_ids = {a.id for a in actors}
        # a description ('the Balkan nation') names another state than the doer's own
        self.exclude = {a.country for a in actors if a.country and not (
            a.kind is EntityKind.ARMED_GROUP and name in ("Attack", "Seizure"))}
        for o in objs:
            # what is attacked belongs to the recipient ('shot down two Azerbaijani helicopters')
            if name != "Attack" and any(self._is_class(o, c) for c in NON_PARTY_CLASSES) and not self._is_class(o, "people"):
                continue
            if o in deeds:
                continue
            recipients += self.resolve(o)
        if not nominal:
            for d in R.children(tok, ("dative",)):
                if d.pos_ != "ADP":
                    recipients += self.resolve(d)
            if tr.reactive:  # 'We urge all concerned - Russia, the separatists and Ukraine - to ...'
                for d in R.children(tok, ("npadvmod",)):
                    recipients += self.resolve(d)
                    for a in R.children(d, ("appos",)):
                        recipients += self.resolve(a)
        et = taxonomy().types.get(name)
        allowed = et.recipient_preps if et is not None else ()
        for w, p in pp:
            if w in allowed or (w == "of" and nominal and "of" in allowed):
                recipients += self.resolve(p)
            if name == "Sanction" and tok.lemma_ == "close" and w == "to":
                # 'closed its airspace to Mali / to flights from Mali' (not 'its border with X', often for security)
                whose = [o for q in R.children(p, ("prep",)) if q.lower_ in ("from", "of", "to")
                         for q2 in (q, *q.conjuncts) for o in R.children(q2, ("pobj",))]  # 'from and to X'
                recipients += [e for x in (p, *whose) for e in self.resolve(x)]
        self.exclude = set()
        ref_target = None
        if tr.reactive and not recipients:
            self.actors_now = actors
            recipients, ref_target = self._reactive_recipient(tok, objs, nominal, actor_ids)
            if name == "Denial" and not recipients and not nominal:
                # 'X accused Y of ... Y denied that it had ...', '... denied targeting civilians', '... denied it'
                recipients = self._last_accuser()

        # -- the side an actor fights for
        supports = self._supports(tok, objs, purpose)
        if supports is not None and name in ("Deployment", "MilitaryAid") and not recipients:
            recipients = [supports]
        if name in ("Deployment", "MilitaryAid") and not [
                r for r in recipients if r is not None and r.id not in actor_ids and r.country not in self._countries(actors)]:
            # ('Chadian soldiers were deployed in X': the soldiers name only the doer)
            recipients = self._destination(tok, objs, pp, actors)
        # -- places
        place_toks = [p for w, p in pp if w in LOCATIVE]
        for c in purpose:
            place_toks += [p for w, p in R.preps(c) if w in LOCATIVE]
        territory = [o for o in objs if self._is_class(o, "territory")]
        if nominal:
            territory += [p for w, p in R.preps(tok) if w == "of"]
        places = self.places(place_toks + territory)
        attributes: dict = {}
        if name == "Seizure":
            holders = []
            for t in territory:
                for c in t.children:
                    if c.dep_ in ("acl", "relcl"):
                        holders += [e for a in R.agent(c) for e in self.resolve(a)]
                    if c.dep_ in ("amod", "poss") and (es := self.m.at(c.i)) is not None and es.entity.kind is EntityKind.STATE:
                        holders.append(es.entity)
            recipients += holders
            actor_states = {a.country for a in actors}
            recapture = tok.lemma_.lower() in tr.recapture_lemmas or trig.phrase in tr.recapture_lemmas or any(
                p.country in actor_states for p in places if p.country)
            attributes["recapture"] = bool(recapture)
            if not recapture:
                recipients += [self._state(p.country) for p in places if p.country and p.country not in actor_states]
                # 'occupy positions inside Lebanon': the state the ground taken is in
                recipients += [e for w, p in pp if w in ("in", "inside", "within") for e in self.resolve(p)
                               if e.kind is EntityKind.STATE and e.country not in actor_states]
        # an armed group that fights or takes ground fights its own state ('M23 rebels attacked Congolese troops')
        own_states = {a.country for a in actors if a.country and not (
            a.kind is EntityKind.ARMED_GROUP and name in ("Attack", "Seizure", "Threat"))}
        recipients = [r for r in uniq([r for r in recipients if r is not None]) if r.id not in actor_ids
                      and not (r.kind is EntityKind.STATE and r.country in own_states)]
        if name == "Attack" and not recipients:
            # 'attacked a hotel in Nairobi', 'damage to infrastructure in Kherson': what is struck
            # inside a state other than the attacker's is struck in that state
            where = [o for o in objs if self._is_class(o, "territory")]  # 'shelled Kharkiv'
            where += [p for w, p in pp if w in ("in", "at", "near", "inside", "across", "throughout", "within", "on",
                                                "against", "upon")]
            where += [p2 for w, p in pp if w in ("to", "on", "against", "at") for w2, p2 in R.preps(p)
                      if w2 in ("in", "at", "near", "inside")]
            where += [p for o in objs for w, p in R.preps(o) if w in ("in", "at", "near", "inside")]  # 'a refinery in X'
            recipients = self._place_states(where, own_states)
        if name == "Attack" and not recipients:
            # 'launched an operation to suppress Armenia's combat activity'
            # (the infinitive is looked for in the whole clause: the parser often hangs it too low)
            aims = [t for t in tok.subtree if t.lemma_ in COUNTER_VERBS and t.i > tok.i
                    and any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children)]
            recipients = [e for c in aims for o in R.objects(c) for e in self.resolve(o)
                          if e.id not in actor_ids and e.country not in own_states]
        if name in ("Attack", "Seizure") and not recipients and actors and all(
                a.kind is EntityKind.ARMED_GROUP and a.country for a in actors) and (any(
                self._is_class(o, "territory") or o.lemma_.lower() in LAND_FORCES for o in objs) or any(
                w in ("at", "on", "against", "near", "inside", "into", "upon") for w, _ in pp)):
            # 'al-Shabaab fighters attacked a military base', 'the rebels took control of the camp': an armed
            # group that strikes or takes ground where no one else is named fights its own state
            recipients = [st] if (st := self._state(actors[0].country)) else []
        if name in ("Threat", "Demand") and not recipients and not nominal:
            # 'threatened to cut supplies to Moldova' (whom the threatened act is done to); 'demanded
            # that the Philippines withdraw' (who is to act)
            for c in tok.children:
                if c.dep_ == "xcomp" and name == "Threat":
                    recipients += [e for o in R.objects(c) for e in self.resolve(o)]
                    recipients += [e for w, p in R.preps(c) if w in ("to", "against", "on") for e in self.resolve(p)]
                elif c.dep_ == "ccomp" and name == "Demand":
                    recipients += [e for sb in R.children(c, ("nsubj",)) for e in self.resolve(sb)]
            recipients = [r for r in uniq(recipients) if r.id not in actor_ids and r.country not in own_states]
        if name == "Attack" and not recipients and tok.lemma_.lower().startswith("counter"):
            # 'the counteroffensive was carried out by X': it answers whoever last struck X or took its ground
            recipients = self._last_assailants(tok, actors, own_states)
        if name == "MilitaryAid" and nominal and not recipients:
            recipients = self._pair_partner(tok, actor_ids, own_states)
        if name == "Demand" and nominal and not recipients:
            # 'X's demand that Y withdraw', 'demands from X that they be withdrawn': who is to act
            clause = self._demand_clause(tok)
            recipients = [e for c in clause for sb in R.children(c, ("nsubj", "nsubjpass"))
                          for e in (self.resolve(sb) or self._force_owner([sb]))]
            recipients = [r for r in uniq(recipients) if r.id not in actor_ids and r.country not in own_states]
        struck = name == "Attack" and not recipients and self._struck_named(objs, pp)
        if tr.needs_recipient and not recipients and not struck:
            return None
        if name == "Meeting" and nominal and not recipients and self._time_anchor(tok) and tok.lemma_ != "visit" and not any(
                w == "by" for w, _ in pp):
            # 'agreed to coordinate ahead of an African Union meeting later this month': the meeting
            # only dates what is told, and names no one who meets
            return None
        if nominal and name == "Threat" and not recipients:
            return None  # 'North Korean missile threats' characterise, they threaten no one named
        if not nominal and name == "Attack" and not recipients and not places and not struck:
            return None
        # -- quantities
        if supports is not None:
            attributes["supports"] = supports.country
        self._quantities(name, tok, objs, pp, attributes)
        # -- time and polarity
        date_roots = R.date_tokens(tok, nominal)
        if not date_roots and (light or tok.dep_ in ("xcomp", "pcomp") or nominal) and R.is_verbal(head):
            date_roots = R.date_tokens(head, False)
        date_text = date = precision = None
        for root in date_roots:
            ent = next(e for e in self.doc.ents if e.start <= root.i < e.end)
            date_text = ent.text
            prep = ent.root.head if ent.root.dep_ == "pobj" else None
            date, precision = normalise(f"{prep.lower_} {ent.text}" if prep is not None else ent.text, self.published)
            break
        pol = R.polarity(tok if not light else head, rules, nominal)
        if nominal and not light and pol is Polarity.ASSERTED:
            pol = R.polarity(tok, rules, True)
        if nominal and light:
            p2 = R.polarity(tok, rules, True)
            pol = p2 if p2 is not Polarity.ASSERTED else pol
        conf = 0.9 - (0.1 if pol is Polarity.HYPOTHETICAL else 0.0) - (0.1 if ref_target is not None else 0.0)
        consumed = [head.i] if light else []
        # A condemned strike told as a noun is an event of its own ('condemned Turkish air strikes on X'):
        # the condemnation does not consume it.
        keeps_strikes = name == "Condemnation" and not nominal
        attributes["_consumed"] = consumed + [o.i for o in objs
                                              if not (keeps_strikes and o.lemma_.lower() in STRIKE_NOUNS)]
        if tok.dep_ == "relcl" and any(o.tag_ == "WDT" for o in objs):
            attributes["_consumed"].append(head.i)  # 'the accord, which X and Y signed': one event, not two
        return Found(type=name, trigger=tok.i, sent=(tok.sent.start, tok.sent.end), actors=uniq(actors),
                     recipients=recipients, places=places, supports=supports, polarity=pol, attribution=attribution,
                     date=date, precision=precision, date_text=date_text, attributes=attributes,
                     confidence=round(conf, 2))

    @staticmethod
    def _demand_clause(tok: Token) -> list[Token]:
        """The clause a demand told as a noun asks for ('demand that Y withdraw', 'demands to cede')."""
        return [c for c in tok.children if c.dep_ in ("acl", "ccomp") and R.is_verbal(c) and any(
            (m.dep_ == "mark" and m.lower_ == "that") or (m.dep_ == "aux" and m.lower_ == "to")
            or m.dep_ in ("nsubj", "nsubjpass") for m in c.children)]

    def _pair_partner(self, tok: Token, actor_ids: set[str], own_states: set[str]) -> list[Entity]:
        """'cooperation between X and Y, including the transfer of missiles from X': a transfer told inside
        a phrase that pairs its giver with one other party goes to that party."""
        cur = tok
        for _ in range(6):
            if cur.head.i == cur.i:
                return []
            cur = cur.head
            # the pair's noun, or a noun it governs ('concern over cooperation between X and Y, including ...')
            pair = [e for n in (cur, *(p for _, p in R.preps(cur))) for w, p in R.preps(n) if w == "between"
                    for e in self.resolve(p, conj=True)]
            if pair:
                others = [e for e in uniq(pair) if e.id not in actor_ids and e.country not in own_states]
                if len(others) == 1 and len(uniq(pair)) == 2:
                    return others
                return []
        return []

    @staticmethod
    def _time_anchor(tok: Token) -> bool:
        """A noun that dates another act: 'before / after / during / ahead of / prior to the meeting'."""
        if tok.dep_ != "pobj":
            return False
        prep = tok.head
        if prep.lower_ in ("before", "after", "during", "until", "following", "ahead", "prior"):
            return True
        return prep.lower_ in ("of", "to") and prep.head.lower_ in ("ahead", "prior", "run-up", "eve")

    def _struck_named(self, objs: list[Token], pp: list[tuple[str, Token]]) -> bool:
        """An attack whose target is named though it is no party ('bombing the enclave', 'attacking a
        commercial vessel', 'an attack against his own people'): the attack happened all the same."""
        struck = list(objs) + [p for w, p in pp if w in ("against", "on", "upon", "at")]
        return any(self._is_class(o, c) for o in struck for c in ("territory", "troops", "people"))

    def _place_states(self, toks: list[Token], own: set[str]) -> list[Entity]:
        """The state a place is in ('in Nairobi' -> Kenya, 'in Kherson' -> Ukraine), not the doer's own."""
        for t in toks:
            named = [c for c in t.children if c.dep_ in ("compound", "amod")]
            named += [p for w, p in R.preps(t) if w == "of"]  # 'the town of Bakhmut'
            for cand in (t, *named):
                es = self.m.at(cand.i)
                if es is None or not es.entity.country or es.entity.country in own:
                    continue
                if es.entity.kind in (EntityKind.PLACE, EntityKind.STATE):
                    st = self._state(es.entity.country)
                    return [st] if st else []
        return []

    def _destination(self, tok: Token, objs: list[Token], pp: list[tuple[str, Token]],
                     actors: list[Entity]) -> list[Entity]:
        """Where forces or arms go when no party is named: the state of the place they go to
        ('to Constanta' -> Romania), also when the parse hangs 'to ...' lower in the object, or the
        neighbour whose border they mass on ('on the border with Ukraine', 'along Ukraine's border')."""
        own = {a.country for a in actors}
        dests = [p for w, p in pp if w in ("to", "into")]
        for w, p in pp:
            if p.lemma_ in ("border", "frontier") and w in ("on", "along", "near", "at", "to"):
                dests += [x for w2, x in R.preps(p) if w2 == "with"] + R.children(p, ("poss", "compound", "amod"))
        for o in objs:
            dests += [p for t in o.subtree if t.i != o.i for w, p in R.preps(t) if w in ("to", "into")]
        # else where they are ('soldiers were deployed in eastern Congo', 'stationed troops in X')
        dests += [p for w, p in pp if w in ("in", "inside", "within")]
        for p in dests:
            ents = self.resolve(p)
            if ents:
                return [e for e in ents if e.country not in own][:1]
            es = self.m.at(p.i)
            if es is not None and es.entity.kind is EntityKind.PLACE and es.entity.country not in own | {None}:
                st = self._state(es.entity.country)
                return [st] if st else []
        return []

    def _names_deed(self, o: Token) -> bool:
        """Whether a noun names a deed done to someone (an attack, an occupation, a deployment), whose
        'of' / 'on' name the one it is done to."""
        return o.pos_ == "NOUN" and (self._is_class(o, "attacks") or any(
            t.type.name in DEED_TYPES for t in self.triggers(o)))

    def _reactive_recipient(self, tok: Token, objs: list[Token], nominal: bool,
                            actor_ids: set[str]) -> tuple[list[Entity], int | None]:
        """'condemned the deployment' -> whoever deployed; 'denied this claim' -> whoever claimed it."""
        targets = list(objs)
        if nominal:
            targets += [p for w, p in R.preps(tok) if w in ("of", "for")]
        for o in targets:
            lemma = o.lemma_.lower()
            # each source of the doer, in order; the first that names someone gives them all, with the
            # parties coordinated in it ('the announcement by Armenia and Azerbaijan'): both
            sources = [c for c in o.children if c.dep_ == "poss" or (c.dep_ in ("amod", "compound") and self.m.at(c.i))]
            # 'the decision of X', 'an offer from X' (not 'the invasion of X')
            sources += [p for w, p in R.preps(o) if (w == "of" and not self._names_deed(o)) or w == "by"
                        or (w == "from" and lemma in OFFER_NOUNS)]
            # 'welcomed a pledge of aid from X' (the parser hangs 'from X' on what is given)
            sources += [p2 for w, p in R.preps(o) if w == "of" and any(
                            self._is_class(p, c) for c in ("aid_objects", "military_aid", "weapons"))
                        for w2, p2 in R.preps(p) if w2 in ("from", "by")]
            if not nominal and o.dep_ == "dobj" and o.head.i == tok.i and not R.is_passive(tok):
                # 'condemned the offensive by the rebels' with 'by' hung on the verb by the parser
                sources += [p for w, p in R.preps(tok) if w == "by"]
            for src in sources:
                own = [e for e in self.resolve(src) if e.id not in actor_ids]
                if own:
                    return (own if src.dep_ == "pobj" else own[:1]), None
            if self.rules.in_class(lemma, "claims"):
                # 'X accused Y of ..., an allegation Y denied': whoever last accused the denier
                if accuser := self._last_accuser():
                    return accuser, None
                for i, ent in reversed(self.speakers):
                    if i < o.i and ent.id not in actor_ids:
                        return [ent], None
            trigs = self.triggers(o)
            if not trigs and lemma.endswith("ing") and o.pos_ == "NOUN":
                # 'welcomed the signing of the framework': the act the gerund names
                trigs = [t for t in self.rules.by_word.get(lemma[:-3], ()) if len(t.words) == 1]
            # 'the attacks on Chinese workers' is an attack told before only if it was done to them
            victims = {e.country or e.id for w, p in R.preps(o) if w in ("on", "against", "of") and self._names_deed(o)
                       for e in self.resolve(p)}
            for trig in trigs:
                for idx in range(len(self.found) - 1, -1, -1):
                    ev = self.found[idx]
                    if victims and ev.recipients and not victims & {r.country or r.id for r in ev.recipients}:
                        continue
                    if ev.type == trig.type.name and ev.refers_to is None and ev.actors:
                        self.found.append(Found(type=ev.type, trigger=o.i, sent=(o.sent.start, o.sent.end), actors=[],
                                                refers_to=idx))
                        # the act of a leader or an organ is its state's act
                        doers = [self._state(a.country) or a if a.country else a for a in ev.actors]
                        return [a for a in doers if a and a.id not in actor_ids][:1], idx
            if self.rules.in_class(lemma, "acts") and o.pos_ == "NOUN" and any(
                    c.dep_ == "det" and c.lower_ in ("the", "this", "these", "that", "those") for c in o.children):
                # 'Iran denounced the measures', 'criticised the decision': the act last told of
                # ('the measures announced by X': X's)
                by = [e for c in o.children if c.dep_ == "acl" for a in R.agent(c) for e in self.resolve(a)]
                if by := [e for e in by if e.id not in actor_ids]:
                    return by[:1], None
                if doers := self._last_act_doers(o, actor_ids):
                    return doers, None
        return [], None

    def _last_act_doers(self, o: Token, actor_ids: set[str]) -> list[Entity]:
        """Who did the act that 'the measures / the decision / the move' refers back to, among the acts of
        other parties told in the ten sentences before: the last one done to the reacting party if there is
        one, else the last deed (not a saying)."""
        own = {a.country or a.id for a in self.actors_now} | actor_ids
        starts = [s.start for s in self.doc.sents if s.start <= o.sent.start]
        since = starts[-11] if len(starts) >= 11 else 0
        earlier = [ev for ev in self.found if ev.refers_to is None and ev.actors and ev.trigger < o.i
                   and ev.sent[0] >= since and not any((a.country or a.id) in own for a in ev.actors)]
        done_to = [ev for ev in earlier if any((r.country or r.id) in own for r in ev.recipients)]
        deeds = [ev for ev in earlier if ev.type not in SAYING_TYPES]
        for ev in (done_to or deeds)[-1:]:
            doers = [self._state(a.country) or a if a.country else a for a in ev.actors]
            return [a for a in doers if a and a.id not in actor_ids][:1]
        return []

    def _supports(self, tok: Token, objs: list[Token], purpose: list[Token]) -> Entity | None:
        """'to fight alongside Russian forces', 'to support Russia', 'in support of Kyiv'."""
        for c in [tok, *objs, *purpose]:
            for w, p in R.preps(c):
                if w in ("alongside", "in support of", "on behalf of", "on side of"):
                    ents = self.resolve(p)
                    if ents:
                        return ents[0]
            if c.lemma_ in SUPPORT_VERBS and c.i != tok.i:
                for o in R.children(c, R.OBJ):
                    ents = self.resolve(o)
                    if ents:
                        return ents[0]
            for sub in (x for x in c.children if x.dep_ in ("advcl", "xcomp", "acl", "relcl", "conj") and R.is_verbal(x)):
                if sub.lemma_ in SUPPORT_VERBS or sub.lemma_ in ("fight", "serve", "help"):
                    for w, p in R.preps(sub):
                        if w in ("alongside", "with", "for") and (ents := self.resolve(p)):
                            return ents[0]
                    if sub.lemma_ in SUPPORT_VERBS:
                        for o in R.children(sub, R.OBJ):
                            if ents := self.resolve(o):
                                return ents[0]
        return None

    def _quantities(self, name: str, tok: Token, objs: list[Token], pp: list[tuple[str, Token]], attrs: dict) -> None:
        heads = list(objs) + [p for w, p in pp if w in ("with", "including", "of")]
        if name == "Deployment":
            subj = R.children(tok, ("nsubj",)) if tok.lemma_ in ("reposition", "move", "arrive") else []
            for o in heads + subj:
                n = count_of(o)
                if n is not None and self._is_class(o, "troops"):
                    attrs.setdefault("troops", n)
                for c in o.subtree:
                    if c.lemma_ == "reinforcement" and (k := count_of(c)) is not None:
                        attrs["reinforcements"] = k
        if name == "Attack":
            for o in heads:
                n = count_of(o)
                if n is not None and (self._is_class(o, "people") or self.m.at(o.i)):
                    attrs.setdefault("killed" if tok.lemma_ == "kill" else "targets", n)
        if name in ("MilitaryAid", "Attack", "Deployment"):
            weapons = []
            for o in heads:
                if o.lemma_.lower() in QUANTITY_NOUNS or o.pos_ == "NUM":
                    o = next((p for w, p in R.preps(o) if w == "of"), o)
                for c in [o, *o.conjuncts]:
                    if self._is_class(c, "weapons") and not self._is_class(c, "troops") or c.lemma_ in ("shell", "missile"):
                        mods = [m.text for m in c.children if m.dep_ in ("compound", "amod") and m.i < c.i and not self.m.at(m.i)]
                        weapons.append(" ".join([*mods, c.text]))
            if weapons:
                attrs["weapons"] = list(dict.fromkeys(weapons))
