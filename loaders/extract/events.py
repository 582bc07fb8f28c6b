"""Events from one parsed article: the trigger and its arguments decide the type, clause by clause.

For each trigger word (from the taxonomy) the clause is read from the dependency parse: the
doer (subject or passive agent), what it acts on (object), the obliques ("to", "against", "with",
"from"), the side it fights for, places, date, polarity and who says so. A trigger whose
arguments do not fit its type makes no event, and neither does one whose doer is unknown.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from kg.model import DatePrecision, Entity, EntityKind, Polarity, entity_id
from loaders.extract import roles as R
from loaders.extract.dates import normalise
from loaders.extract.mentions import ACTOR_KINDS, ORGAN_HEADS, PRONOUNS_FIRST, PRONOUNS_PLURAL, Mentions
from loaders.extract.quantities import count_of
from loaders.extract.rules import Rules, Trigger, TypeRules

NO_RULES = TypeRules()
LOCATIVE = ("in", "at", "near", "into", "across", "along", "around", "inside", "within", "off", "over", "throughout",
            "on", "onto", "toward", "towards", "to", "from", "outside")
# Which obliques carry the recipient, by type (any other type: none but the object). Withdrawn
# from / sanctions lifted on; relations cut with / aid halted to; an inquiry into / against.
RECIPIENT_PREPS = {
    "Deployment": ("to", "into", "toward", "towards"),
    "MilitaryAid": ("to", "for"),
    "Aid": ("to", "for"),
    "Attack": ("against", "on", "upon", "at", "of"),
    "Seizure": ("from",),
    "Condemnation": ("against", "of", "on"),
    "Accusation": ("against", "of"),
    "Praise": ("to",),
    "Agreement": ("with", "between"),
    "Meeting": ("with", "between", "to"),
    "Cooperation": ("with", "between"),
    "Sanction": ("on", "against", "upon", "of"),
    "Threat": ("against", "to", "on"),
    "Demand": ("on", "upon", "to", "from"),
    "Denial": (),
    "Rejection": ("of",),
    "Arrest": ("of",),
    "Retreat": ("from", "on", "against"),
    "Protest": ("against",),
    "Concession": ("on", "in", "for"),
    "ReduceRelations": ("with", "to", "for", "from"),
    "Investigation": ("into", "against", "of"),
    "ShowOfForce": ("against", "toward", "towards"),
    "Sympathy": ("to", "with"),
    "DiplomaticTies": ("with", "between"),
}
# Titles that introduce a person of a state ('Bulgarian Minister of Defense Krasimir Karakachanov').
TITLE_HEADS = {"minister", "secretary", "president", "ambassador", "envoy", "spokesman", "spokeswoman", "spokesperson",
               "general", "commander", "chief", "premier", "chancellor", "leader", "official", "prime", "admiral"}
# Verbs that characterise their subject by a noun ('constitutes a threat'): no act, a judgement.
CHARACTERISE_VERBS = {"constitute", "pose", "represent", "remain", "be", "become"}
# Plural nouns that name both parties of a bilateral story ('the two countries', 'the counterparts').
PAIR_NOUNS = {
    "neighbour", "neighbor", "counterpart", "side", "country", "nation", "leader", "minister", "government", "party", "president",
}
# Publishers whose releases speak of their own state's forces when they name no other.
OWN_FORCES_SECTORS = {"military", "defence", "defense", "government"}
# Conduct that, judged wrongful, makes an accusation against whoever acts ('actions by X are illegal').
CONDUCT_NOUNS = {"action", "activity", "behavior", "behaviour", "conduct", "provocation", "move", "aggression"}
WRONGFUL = {"provocative", "inconsistent", "illegal", "unlawful", "destabilizing", "destabilising", "aggressive",
            "unprovoked", "unjustified", "escalatory", "coercive", "illegitimate", "malign", "hostile"}
# Descriptions of a state's rulers that refer back to the same noun named with its owner.
GOVERNMENT_NOUNS = {"regime", "government", "administration", "junta", "leadership", "authorities", "ministry"}
# Whose targets are struck: 'targets associated with / belonging to X', 'the capabilities of X'.
TARGET_NOUNS = {"target", "facility", "site", "installation", "asset", "infrastructure", "position"}
LINK_VERBS = {"associate", "link", "belong", "tie", "connect", "use", "operate", "control", "run"}
CAPABILITY_NOUNS = {"capability", "capacity", "program", "programme", "arsenal", "stockpile"}
SUPPORT_VERBS = {"support", "help", "assist", "aid", "back", "bolster", "defend", "reinforce"}
# Judgements that condemn an act rather than allege that it broke a rule ('reprehensible violence',
# 'dangerous actions by X'): said of someone's conduct, they are a condemnation by whoever says so.
CONDEMNING = {"reprehensible", "unconscionable", "heinous", "barbaric", "barbarous", "despicable", "abhorrent",
              "outrageous", "deplorable", "appalling", "atrocious", "egregious", "shameful", "cowardly", "dangerous",
              "reckless", "irresponsible", "unacceptable", "horrific", "vile", "brutal", "inhumane", "senseless"}
# Nouns of conduct such a judgement may qualify, beyond CONDUCT_NOUNS.
ACT_NOUNS = {"violence", "repression", "crackdown", "killing", "abuse", "torching", "act", "crime", "atrocity",
             "brutality", "massacre", "persecution", "harassment", "behavior", "behaviour", "attack", "assault",
             "aggression", "bombing", "shelling", "strike", "maneuver", "manoeuvre", "tactic", "practice", "campaign"}
# Acts of a designated regime that a government's statement (or a quoted official) reports as wrongs.
REGIME_WRONGS = {"arrest", "detain", "imprison", "jail", "torture", "kill", "slaughter", "murder", "massacre",
                 "repress", "persecute", "attack", "bomb", "shell", "gas", "abduct", "kidnap", "execute", "crush",
                 "suppress", "harass", "intimidate", "starve", "perpetuate", "silence", "target", "terrorize",
                 "terrorise", "oppress", "brutalize", "brutalise"}
# Verbs of contested assertion: what another state is said to have done with them is alleged.
CLAIM_VERBS = {"claim", "allege", "charge", "contend"}
HOSTILE_TYPES = {"Attack", "Deployment", "Seizure", "Threat"}
# Verbs that characterise an act 'as' something ('described the step as a threat').
DESCRIBING_VERBS = {"describe", "characterise", "characterize", "portray", "see", "view", "regard", "brand", "label"}
# -- speech acts without their usual verb --------------------------------------------------------
# A coming response announced by its doer is a threat ('warned it would respond in kind', 'vowed
# retaliation', 'will not hesitate to use force'); said of another party it is a threat to that party
# ('warned that X would pay a price', 'will not go unanswered').
RESPONSE_VERBS = {"respond", "retaliate", "react", "reply", "answer", "act", "defend", "strike", "hit", "take", "use",
                  "punish", "avenge"}
RESPONSE_NOUNS = {"response", "retaliation", "reprisal", "revenge", "retribution", "consequence", "countermeasure",
                  "counter-measure", "punishment", "answer", "reaction", "counterattack", "counter-attack"}
# what is taken or used when responding ('take action against', 'use force')
RESPONSE_OBJECTS = {"action", "measure", "step", "countermeasure", "counter-measure", "force"}
# a response of this manner is a threat however it is reported ('respond proportionately', 'in kind')
FORCEFUL = {"proportionately", "firmly", "decisively", "forcefully", "resolutely", "harshly", "militarily",
            "accordingly", "adequately", "symmetrically", "mercilessly", "ruthlessly", "robustly", "severely",
            "kind", "force", "overwhelming", "decisive", "firm", "forceful", "harsh", "military", "resolute",
            "severe", "proportionate", "retaliatory", "appropriate", "necessary", "tough", "crushing", "strong"}
# verbs of saying or vowing whose complement, a response of the speaker's own, is a warning
WARNING_VERBS = {"warn", "threaten", "vow", "pledge", "promise", "swear", "caution"}
# what another party is to meet ('X will pay a heavy price', 'Y would face consequences')
SUFFER_VERBS = {"face", "receive", "pay", "suffer", "bear", "get", "incur"}
# A speaker's own state named by description ('the country', 'the Islamic Republic would respond').
OWN_STATE_NOUNS = {"country", "government", "republic", "nation", "state", "kingdom", "federation", "leadership"}
# Bodies whose warnings of a response are no threat of force (a firm, a court, a newspaper).
NON_COERCIVE_SECTORS = {"business", "civil", "media", "judiciary"}
# Acts a response to which is force ('we will respond to any aggression').
HOSTILE_ACT_NOUNS = {"aggression", "attack", "provocation", "incursion", "invasion", "intrusion", "encroachment",
                     "hostility", "strike", "escalation"}
# Acts whose announcement on a condition ('unless Y ...') coerces Y.
COERCIVE_VERBS = {"withdraw", "boycott", "cut", "suspend", "halt", "sever", "impose", "ban", "strike",
                  "attack", "expel", "block", "veto", "leave", "quit", "end", "stop", "terminate", "freeze",
                  "close", "break", "retaliate", "respond", "act", "sanction", "blockade", "pull", "recall",
                  "launch", "resume", "escalate", "shell", "bomb", "invade", "seize", "annex", "deploy",
                  "send", "punish", "abandon", "scrap", "tear"}
UNANSWERED = {"unanswered", "unpunished", "unchallenged"}
# Characterising what the other side said as untrue denies it ('called the claims groundless',
# 'described the allegations as fabrications', 'the claims were baseless, the ministry said').
FALSEHOOD = {"groundless", "baseless", "unfounded", "false", "untrue", "fabricated", "fabrication", "disinformation",
             "misinformation", "lie", "slander", "slanderous", "smear", "propaganda", "absurd", "ridiculous",
             "nonsense", "fiction", "fictitious", "fake", "unsubstantiated", "invention", "distortion", "hoax", "myth",
             "falsehood", "smokescreen", "libel", "libellous", "fantasy", "preposterous", "concocted", "spurious",
             "misleading", "fairy", "invented", "made-up", "bogus", "lying", "mendacious"}
CHARACTERISING_VERBS = {"call", "describe", "brand", "label", "term", "characterise", "characterize", "dismiss",
                        "reject", "refute", "portray", "denounce", "decry"}
# Act nouns that point back to an act already told ('the move', 'the decision', 'this build-up').
ACT_REFERENCES = {"move", "decision", "step", "measure", "action", "act", "sanction", "deployment", "build-up",
                  "buildup", "expulsion", "launch", "test", "drill", "exercise", "provocation", "attack", "strike",
                  "listing", "incursion", "escalation", "violation", "aggression", "plan", "policy", "transfer"}
# Purposes that make an operation an attack on whoever they act on ('to suppress X's activity').
COUNTER_VERBS = {"suppress", "repel", "destroy", "neutralize", "neutralise", "counter", "defeat", "dislodge",
                 "eliminate", "crush", "punish", "deter", "degrade", "halt"}
# Verbs that give or decide aid ('adopted an assistance measure', 'approved a package').
AID_GIVING = {"adopt", "approve", "announce", "authorize", "authorise", "unveil", "pledge", "allocate", "grant",
              "extend", "offer", "provide", "give", "commit"}
# Nouns that count or measure what their 'of' names ('millions of shells', 'a batch of drones').
QUANTITY_NOUNS = {"million", "thousand", "hundred", "dozen", "billion", "batch", "number", "amount", "lot", "set",
                  "tranche", "consignment", "shipment", "supply", "supplies", "stock", "quantity", "pair", "couple",
                  "fleet", "squadron", "contingent", "wave", "salvo", "barrage", "volley", "series", "round", "package"}
# Nouns of handing over that are military aid when what they hand over is arms ('the delivery of tanks').
TRANSFER_NOUNS = {"delivery", "supply", "transfer", "shipment", "provision", "sale", "donation"}
# Verbs that single out a party's merit ('noted Kenya's partnership', 'recognised Poland's leadership').
MERIT_VERBS = {"note", "recognize", "recognise", "acknowledge", "highlight", "underscore", "underline", "appreciate",
               "cite", "stress", "emphasize", "emphasise"}
MERIT_NOUNS = {"contribution", "commitment", "leadership", "effort", "partnership", "sacrifice", "generosity",
               "courage", "resilience", "hospitality", "dedication", "bravery", "professionalism", "solidarity",
               "friendship", "achievement", "progress"}
# Harm done to something: 'did damage to X', 'the destruction caused by X'.
HARM_NOUNS = {"damage", "destruction", "devastation", "harm"}
INFLICT_VERBS = {"do", "cause", "inflict", "wreak", "wreck"}
# Giving up ground to another: 'ceded territory to Y', 'lost the town to Y' (Y seizes it).
CEDE_VERBS = {"cede", "lose", "relinquish", "surrender", "yield"}
# Turning a weapon on someone: 'used water cannon against a boat', 'directed a laser at a ship'.
WEAPON_USE_VERBS = {"use", "employ", "direct", "aim", "turn", "point"}
# Who a group of people belongs to: 'gunmen associated with X', 'militants linked to X'.
MEMBER_LINK_VERBS = {"associate", "link", "affiliate", "tie", "connect", "belong"}
NON_PARTY_CLASSES = ("troops", "weapons", "agreements", "sanction_objects", "attacks", "territory", "claims",
                     "military_aid", "meetings")
# (PETR-2/PLOVER types) what is lifted or cut names no party; its 'on X' / 'with X' does
NON_PARTY_CLASSES += ("restrictions", "civil_restrictions", "relations_objects")


@dataclass
class Found:
    type: str
    trigger: int
    sent: tuple[int, int]
    actors: list[Entity]
    recipients: list[Entity] = field(default_factory=list)
    places: list[Entity] = field(default_factory=list)
    supports: Entity | None = None
    polarity: Polarity = Polarity.ASSERTED
    attribution: Entity | None = None
    date: dt.date | None = None
    precision: DatePrecision | None = None
    date_text: str | None = None
    attributes: dict = field(default_factory=dict)
    confidence: float = 0.9
    refers_to: int | None = None  # index into the article's events when this is only a new mention


def _uniq(ents: list[Entity]) -> list[Entity]:
    return list({e.id: e for e in ents}.values())


class ArticleReader:
    def __init__(self, doc: Doc, mentions: Mentions, rules: Rules, published: dt.date | None) -> None:
        self.doc, self.m, self.rules, self.published = doc, mentions, rules, published
        self.found: list[Found] = []
        self.speakers: list[tuple[int, Entity]] = []
        self._sent_speaker: dict[int, Entity | None] = {}
        self.labels = self._transcript_labels()
        self.exclude: set[str] = set()  # states a description may not resolve to (the doer's own)
        self.last_pair: tuple[int, list[Entity]] | None = None  # the last 'the two leaders' resolved
        self.actors_now: list[Entity] = []  # the doers of the event being built (reactive recipients)

    # -- entities --------------------------------------------------------------------------
    def resolve(self, tok: Token, depth: int = 0, conj: bool = True) -> list[Entity]:
        """The known parties a noun phrase names (states, people, organisations)."""
        out = [e for e in self._resolve_one(tok, depth) if e.kind in ACTOR_KINDS]
        if conj:
            for c in tok.conjuncts:
                if c.i > tok.i:
                    out.extend(e for e in self._resolve_one(c, depth) if e.kind in ACTOR_KINDS)
        return _uniq(out)

    def _resolve_one(self, tok: Token, depth: int) -> list[Entity]:
        es = self.m.at(tok.i)
        if es is not None:
            if es.entity.kind is EntityKind.PLACE:
                return []
            return [es.entity]
        if tok.pos_ == "PRON" or tok.tag_ in ("PRP", "PRP$"):
            if tok.lower_ in PRONOUNS_PLURAL:
                return self._group_before(tok) or self._pair_again(tok, 1)
            label = self.label_at(tok.i)
            if label is not None and tok.lower_ in PRONOUNS_FIRST:
                return [label[0]]
            if tok.lower_ in ("you", "your", "yours", "yourself"):
                ent = self._addressee(tok, label)
                return [ent] if ent else []
            ent = self.m.pronoun(tok, self.speaker(tok))
            return [ent] if ent else []
        if depth > 2:
            return []
        lemma = tok.lemma_.lower()
        if lemma == "counterpart" and tok.tag_ == "NN" and not R.children(tok, ("appos",)):
            # 'talks between X and his Thai counterpart': the state of the one unnamed
            for c in R.children(tok, ("amod", "compound")):
                es = self.m.at(c.i)
                if es is not None and es.entity.kind is EntityKind.STATE:
                    return [es.entity]
        if tok.tag_ == "NNS" and lemma in PAIR_NOUNS and any(
                c.lower_ in ("the", "their", "our", "both", "two") for c in tok.children):
            pair = self._pair_before(tok)
            if not pair and any(c.lower_ == "both" for c in tok.children):
                pair = self.m.sides(tok.i, self.exclude)  # 'urged both sides': the two parties the article is about
            if not pair and any(c.lower_ == "both" for c in tok.children):
                pair = self._last_parties()
            if not pair:
                pair = self._pair_again(tok, 2)  # '2. The two leaders signed ... 3. The two leaders condemned'
            if pair:
                self.last_pair = (tok.i, pair)
            return pair
        org_like = lemma in ORGAN_HEADS or tok.lower_ in ORGAN_HEADS or any(
            self.rules.in_class(lemma, c) for c in ("troops", "people", "territory", "weapons"))
        found: list[Entity] = []
        if org_like:
            # 'the president of Djibouti, Ismail Omar Guelleh': the person named beside the title
            named = R.children(tok, ("appos",)) + [a for p in R.children(tok, ("prep",)) if p.lower_ == "of"
                                                   for o in R.children(p, ("pobj",)) for a in R.children(o, ("appos",))]
            for child in named:
                es = self.m.at(child.i)
                if es is not None and es.entity.kind is EntityKind.PERSON:
                    return [es.entity]
        member = org_like and (self.rules.in_class(lemma, "people") or self.rules.in_class(lemma, "troops"))
        if lemma in TARGET_NOUNS or member:
            # 'strikes on targets associated with the chemical weapons capabilities of Assad',
            # 'gunmen associated with al-Shabaab'
            for acl in R.children(tok, ("acl",)):
                if acl.lemma_.lower() in (LINK_VERBS if lemma in TARGET_NOUNS else MEMBER_LINK_VERBS):
                    for p in R.children(acl, ("prep", "agent")):
                        for o in R.children(p, ("pobj",)):
                            found.extend(self._resolve_one(o, depth + 1))
            if found:
                return found
        if lemma in CAPABILITY_NOUNS:
            for child in tok.children:
                if child.dep_ == "poss" or (child.dep_ == "prep" and child.lower_ == "of"):
                    for o in [child] if child.dep_ == "poss" else R.children(child, ("pobj",)):
                        found.extend(self._resolve_one(o, depth + 1))
            if found:
                return found
        for child in tok.children:
            if child.dep_ == "poss":
                found.extend(self._resolve_one(child, depth + 1))
            elif child.dep_ in ("amod", "compound", "nmod", "npadvmod") and org_like:
                es = self.m.at(child.i)
                if es is None and child.dep_ == "compound":  # 'Nicaraguan National Assembly representatives'
                    es = next((self.m.at(g.i) for g in child.children if g.dep_ in ("amod", "compound")
                               and self.m.at(g.i) is not None), None)
                if es is not None and es.entity.kind in ACTOR_KINDS:
                    found.append(es.entity)
            elif child.dep_ == "prep" and child.lower_ == "of" and org_like:
                for p in R.children(child, ("pobj",)):
                    found.extend(self._resolve_one(p, depth + 1))
        if not found and tok.pos_ == "PROPN":
            # a multi-word name whose head is not itself the gazetteer match ("Ukraine's Special Operations Forces")
            for child in tok.children:
                if child.dep_ == "compound":
                    es = self.m.at(child.i)
                    if es is not None and es.entity.kind in ACTOR_KINDS:
                        found.append(es.entity)
            if not found:
                found += self._titled_name(tok)
        if not found and lemma in GOVERNMENT_NOUNS:
            found += self._antecedent(tok, depth)
        if not found:
            desc = self.m.description(tok, self.exclude)
            if desc is not None:
                found.append(desc)
        return found[:1] if found else []

    def _antecedent(self, tok: Token, depth: int) -> list[Entity]:
        """'the regime' after 'the Ortega-Murillo regime's attacks': the same noun named with its
        owner earlier (this sentence or the two before), whatever state was named since."""
        if not any(c.lower_ in ("the", "this", "that") for c in tok.children):
            return []
        floor = self._sent_before(self._sent_before(tok.sent.start))
        for j in range(tok.i - 1, floor - 1, -1):
            prev = self.doc[j]
            if prev.lemma_.lower() == tok.lemma_.lower() and any(
                    c.dep_ in ("compound", "amod", "poss", "nmod") for c in prev.children):
                ents = [e for e in self._resolve_one(prev, depth + 1) if e.kind in ACTOR_KINDS]
                if ents:
                    return ents
        return []

    def _titled_name(self, tok: Token) -> list[Entity]:
        """A name the tagger missed, introduced by a title of a state ('Bulgarian Minister of
        Defense Krasimir Karakachanov'): that state's person."""
        titles = [c for c in tok.children if c.dep_ in ("compound", "nmod") and c.lower_ in TITLE_HEADS]
        for t in titles:
            for c in t.subtree:
                es = self.m.at(c.i)
                if es is not None and es.entity.kind is EntityKind.STATE:
                    words = [c2.text for c2 in tok.children if c2.dep_ == "compound" and c2.pos_ == "PROPN"
                             and c2.i > t.i and self.m.at(c2.i) is None and c2.text[:1].isupper()]
                    name = " ".join([*words, tok.text])
                    return [Entity(id=entity_id(EntityKind.PERSON, name), name=name, kind=EntityKind.PERSON,
                                   country=es.entity.country)]
        return []

    # -- transcripts ------------------------------------------------------------------------------
    def _transcript_labels(self) -> list[tuple[int, int, Entity]]:
        """'President of Russia Vladimir Putin: The city is ...': each line opened by a speaker's name
        and a colon is that speaker's (token range, speaker), in order."""
        doc, out = self.doc, []
        starts = [0] + [t.i + 1 for t in doc[:-1] if "\n" in t.whitespace_ or "\n" in t.text]
        for k, s in enumerate(starts):
            end = starts[k + 1] if k + 1 < len(starts) else len(doc)
            colon = next((t.i for t in doc[s : min(end, s + 16)] if t.text == ":"), None)
            if colon is None or colon == s:
                continue
            es = self.m.at(colon - 1)
            if es is None or es.entity.kind is not EntityKind.PERSON:
                continue
            if any(t.pos_ not in ("PROPN", "ADP", "DET", "PUNCT", "CCONJ") and self.m.at(t.i) is None
                   for t in doc[s:colon]):
                continue
            out.append((colon + 1, end, es.entity))
        return out

    def label_at(self, i: int) -> tuple[Entity, int] | None:
        for k, (s, e, ent) in enumerate(self.labels):
            if s <= i < e:
                return ent, k
        return None

    def _addressee(self, tok: Token, label: tuple[Entity, int] | None) -> Entity | None:
        """'you': the person addressed by name in the sentence ('Mr Putin, I welcome you'), else in a
        transcript the other speaker of the exchange."""
        for t in tok.sent:
            es = self.m.at(t.i)
            if es is not None and es.entity.kind is EntityKind.PERSON and t.dep_ in ("npadvmod", "vocative", "intj") \
                    or (es is not None and es.entity.kind is EntityKind.PERSON and t.i + 1 < len(self.doc)
                        and self.doc[t.i + 1].text == "," and t.i <= tok.sent.start + 3):
                return es.entity
        if label is not None:
            me, k = label
            for _, _, other in [*reversed(self.labels[:k]), *self.labels[k + 1 :]]:
                if other.id != me.id:
                    return other
        return None

    def _sent_before(self, start: int) -> int:
        """The start of the sentence before the one starting at `start` (line breaks and list
        numbers such as '2.' skipped)."""
        j = start - 1
        while j > 0:
            if self.doc[j].is_space:
                j -= 1
                continue
            sent = self.doc[j].sent
            if sent.start > 0 and not any(t.is_alpha for t in sent):
                j = sent.start - 1
                continue
            break
        return self.doc[max(j, 0)].sent.start

    def _pair_before(self, tok: Token) -> list[Entity]:
        """'the defense counterparts', 'our two countries', 'both sides': the two parties of different
        states named last, in this sentence or the one before."""
        floor = self._sent_before(tok.sent.start)
        pair: list[Entity] = []
        for es in reversed(self.m.spans):
            if es.start >= tok.i or es.start < floor:
                continue
            if es.entity.kind not in (EntityKind.PERSON, EntityKind.STATE) or es.entity.country in self.exclude:
                continue  # the doer is not one of the pair it acts on ('X thanked both leaders')
            # a demonym counts only as a party's title ('Hun Manet and his Thai counterpart')
            if es.how == "demonym" and self.doc[es.end - 1].head.lemma_.lower() not in TITLE_HEADS | PAIR_NOUNS:
                continue
            if all(p.country != es.entity.country for p in pair) and es.entity.country:
                pair.append(es.entity)
            if len(pair) == 2:
                return pair[::-1]
        return []

    def _reciprocal(self, tok: Token, objs: list[Token], actors: list[Entity]) -> list[Entity]:
        """The two parties of a reciprocal act: 'each side accusing the other (of ...)', 'X and Y
        accused each other', 'both countries condemned one another'; [] for any other act."""
        if not any(o.lower_ in ("other", "another") and any(c.lower_ in ("each", "the", "one") for c in o.children)
                   for o in objs):
            return []
        pair = _uniq(actors)
        if not pair:
            subj = R.subject(tok)
            if len(subj) == 1 and subj[0].lemma_.lower() in PAIR_NOUNS and any(
                    c.lower_ == "each" for c in subj[0].children):
                s = subj[0]
                pair = self._pair_before(s) or self._last_parties() or self.m.sides(s.i)
        if len(pair) != 2 or pair[0].country == pair[1].country:
            return []
        return pair

    def _pair_again(self, tok: Token, within: int) -> list[Entity]:
        """The pair 'the two leaders' last stood for, if that was in this sentence or the `within`
        sentences before: the same two, told of again ('They urged ...')."""
        if self.last_pair is None or self.last_pair[0] >= tok.i:
            return []
        floor = tok.sent.start
        for _ in range(within):
            floor = self._sent_before(floor)
        if self.last_pair[0] < floor:
            return []
        return [e for e in self.last_pair[1] if e.country not in self.exclude] if self.exclude else self.last_pair[1]

    def _last_parties(self) -> list[Entity]:
        """'both governments' when the article names more than two parties alike: the two sides of
        the last event told between two states or armed groups (none of them the doer's own)."""
        kinds = (EntityKind.STATE, EntityKind.ARMED_GROUP)
        for ev in reversed(self.found):
            if ev.refers_to is not None or len(ev.actors) != 1 or len(ev.recipients) != 1:
                continue
            pair = [ev.actors[0], ev.recipients[0]]
            if all(e.kind in kinds for e in pair) and pair[0].country != pair[1].country and not any(
                    e.country in self.exclude for e in pair):
                return pair
        return []

    def _group_before(self, tok: Token) -> list[Entity]:
        """they/them/their: the parties last named together ('France and the United Kingdom ... We
        thank them both'), within the two sentences before."""
        floor = self._sent_before(self._sent_before(tok.sent.start))
        for es in reversed(self.m.spans):
            if es.start >= tok.i or es.start < floor:
                continue
            head = self.doc[es.end - 1]
            group = [e for c in (head, *head.conjuncts) for e in self._resolve_one(c, 3)]
            group = _uniq([e for e in group if e.kind in ACTOR_KINDS])
            if len(group) >= 2:
                return group
        return []

    def places(self, toks: list[Token]) -> list[Entity]:
        out = []
        for t in toks:
            for cand in (t, *[c for c in t.children if c.dep_ in ("compound", "amod", "nmod")]):
                es = self.m.at(cand.i)
                if es is not None and es.entity.kind is EntityKind.PLACE:
                    out.append(es.entity)
                    break
        return _uniq(out)

    def speaker(self, tok: Token) -> Entity | None:
        """Who speaks the quotation a token is in: the subject of the sentence's verb of saying."""
        label = self.label_at(tok.i)
        if label is not None:
            return label[0]
        sent = tok.sent
        if sent.start in self._sent_speaker:
            return self._sent_speaker[sent.start]
        self._sent_speaker[sent.start] = None
        who: Entity | None = None
        for t in sent:
            if t.lemma_ in self.rules.speech and R.is_verbal(t) and not self.m.is_quoted(t):
                subj = R.subject(t) or R.children(t, ("nsubjpass",))
                ents = [e for s in subj if s.lower_ not in ("we", "i", "us") for e in self.resolve(s)]
                if ents:
                    who = ents[0]
                    break
        if who is None and self.m.is_quoted(sent[0]) and sent.end < len(self.doc):
            nxt = self.doc[sent.end].sent
            if nxt.start not in self._sent_speaker:
                who = self.speaker(nxt[0])
        self._sent_speaker[sent.start] = who
        return who

    def attribution(self, tok: Token) -> Entity | None:
        head = R.speech_head(tok, self.rules)
        if head is not None:
            subj = R.subject(head) or R.children(head, ("nsubjpass",))
            ents = [e for s in subj for e in self.resolve(s)]
            if ents:
                return ents[0]
        for t in tok.sent:
            if t.lower_ == "according" and t.dep_ == "prep":
                for inner in R.children(t, ("prep",)):
                    for obj in R.children(inner, ("pobj",)):
                        ents = self.resolve(obj)
                        if ents:
                            return ents[0]
        if self.m.is_quoted(tok) or self.label_at(tok.i) is not None:
            return self.speaker(tok)
        return None

    # -- triggers ----------------------------------------------------------------------------
    def triggers(self, tok: Token) -> list[Trigger]:
        lemma, low = tok.lemma_.lower(), tok.lower_
        cands = self.rules.by_word.get(lemma, ()) or self.rules.by_word.get(low, ())
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
        if need == "troops_or_none":
            return not objs or any(self._is_class(o, "troops") for o in heads)
        if need == "troops" and not objs and not R.is_passive(tok):
            # '1,000 soldiers ... will reposition to Romania': the forces move themselves
            return any(self._is_class(s, "troops") for s in R.children(tok, ("nsubj",)))
        if need == "any":
            return bool(objs)
        if need == "entity":
            return any(self.resolve(o) for o in objs)
        if need == "attacks_or_weapons":  # 'fired missiles at', 'fired anti-aircraft batteries at'
            return any(self._is_class(o, "attacks") or self._is_class(o, "weapons") or o.lemma_ == "battery"
                       for o in heads)
        return any(self._is_class(o, c) for o in heads for c in need.split("_or_"))  # 'troops_or_territory'

    def _is_class(self, tok: Token, name: str) -> bool:
        if self.rules.in_class(tok.lemma_.lower(), name) or self.rules.in_class(tok.lower_, name):
            return True
        if name == "troops" and (es := self.m.at(tok.i)) is not None and es.how == "demonym" and tok.tag_ == "NNPS":
            return True  # 'send young North Koreans'
        if name == "territory" and (es := self.m.at(tok.i)) is not None and es.entity.kind is EntityKind.PLACE:
            return True
        if tok.lemma_.lower() in QUANTITY_NOUNS or tok.pos_ == "NUM":
            # 'millions of artillery shells', 'thousands of troops', 'a batch of drones'
            return any(self._is_class(p, name) for w, p in R.preps(tok) if w == "of")
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
            if not nominal and trig.type.name == "Rejection" and any(self._is_class(o, "claims") for o in objs):
                continue  # 'rejected the accusation' denies it (_claim_characterised)
            if nominal and trig.words[0] in TRANSFER_NOUNS and not any(
                    self._is_class(p, "weapons") for w, p in R.preps(tok) if w == "of") and not any(
                    self._is_class(c, "weapons") for c in tok.children if c.dep_ == "compound"):
                continue  # 'the delivery of tanks', 'arms sales'; not 'the delivery of food'
            if nominal and trig.words[0] in TRANSFER_NOUNS and tok.dep_ == "compound":
                continue
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
            actors = [e for c in actor_toks for e in self.resolve(c, conj=True)]
            actors += [e for w, p in R.preps(tok) if w == "by" for e in self.resolve(p)]
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
            actors, recipients = actors[:1], actors[1:]
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

    @staticmethod
    def _responsible(tok: Token) -> list[Token]:
        """'X is responsible for the attacks', 'X claimed responsibility for the attack': X did it."""
        if tok.dep_ != "pobj" or tok.head.lower_ != "for":
            return []
        gov = tok.head.head
        if gov.lemma_.lower() == "responsible" and gov.dep_ == "acomp" and gov.head.lemma_ == "be":
            return R.subject(gov.head)
        if gov.lemma_.lower() == "responsibility" and gov.dep_ == "dobj" and gov.head.lemma_ in (
                "claim", "take", "accept", "admit", "bear"):
            return R.subject(gov.head)
        return []

    def _existential(self, tok: Token) -> Found | None:
        """'There are 30,000 Russian troops on the border': forces of a state stationed somewhere."""
        head = tok.head
        if tok.dep_ not in ("attr", "nsubj") or head.lemma_ != "be" or not R.children(head, ("expl",)):
            return None
        if not self._is_class(tok, "troops") or self._is_class(tok, "weapons"):
            return None
        if any(c.dep_ in ("acl", "relcl") and c.lemma_ in ("kill", "wound", "injure", "capture", "die")
               for c in tok.children):
            return None  # 'There were 10 Russian soldiers killed in Ukraine': casualties, not a deployment
        actors = self._force_owner([tok])
        if not actors:
            return None
        trig = next((t for t in self.rules.by_word.get("deployment", ()) if t.type.name == "Deployment"), None)
        if trig is None:
            return None
        found = self._finish("Deployment", trig, self.rules.types.get("Deployment", NO_RULES), tok, True, actors,
                             [], [], [], self.attribution(tok), False)
        if found is not None:
            found.confidence = min(found.confidence, 0.7)
            if (n := count_of(tok)) is not None:
                found.attributes.setdefault("troops", n)
        return found

    def _implied_by_noun(self, tok: Token) -> Found | None:
        return self._censured(tok) or self._harm(tok) or self._tribute(tok) or self._joint_operation(tok) or (
            self._warned_response(tok) or self._vowed_response(tok) or self._claim_judged_false(tok)) or (
            self._measures_against(tok)) or self._hosted(tok)

    def _hosted(self, tok: Token) -> None:
        """'talks between X and Y, hosted by Z': Z meets both. Added beside the talks themselves
        (which are still read as X meeting Y), so it returns nothing."""
        nominal = self.rules.types.get("Meeting", NO_RULES).nominal
        if tok.lemma_.lower() not in nominal and tok.lower_ not in nominal:
            return None
        # (the parser often hangs 'hosted by' on the last party named: looked for under the noun)
        hosts = [e for c in tok.subtree if c.dep_ == "acl" and c.lemma_ == "host" and c.tag_ == "VBN"
                 for a in R.agent(c) for e in self.resolve(a)]
        if not hosts:
            return None
        parties = [e for w, p in R.preps(tok) if w in ("between", "with") for e in self.resolve(p)]
        parties = [e for e in _uniq(parties) if all(e.id != h.id and (not e.country or e.country != h.country)
                                                     for h in hosts)]
        if not parties:
            return None
        f = self._implied("Meeting", tok, hosts[:1], parties, self.attribution(tok))
        if f is not None:
            f.attributes.pop("_consumed", None)
            self.found.append(f)
        return None

    def _measures_against(self, tok: Token) -> Found | None:
        """'announced similar measures against X', 'adopted punitive steps against X': restrictive
        measures a party announces or adopts against a named party are sanctions."""
        if tok.lemma_.lower() not in ("measure", "step") or tok.tag_ != "NNS" or tok.dep_ != "dobj":
            return None
        verb = tok.head
        if verb.lemma_ not in ("announce", "adopt", "introduce", "approve", "unveil", "take", "slap"):
            return None
        targets = [p for w, p in R.preps(tok) + R.preps(verb) if w == "against"]
        recipients = [e for p in targets for e in self.resolve(p)]
        actors = [e for s in R.subject(verb) for e in self.resolve(s)]
        if not actors or not recipients:
            return None
        return self._implied("Sanction", tok, actors, recipients, self.attribution(verb))

    def _implied_by_verb(self, tok: Token) -> Found | None:
        return self._regime_wrong(tok) or self._ceded(tok) or self._weapon_use(tok) or self._military_support(tok) or (
            self._exchanged_fire(tok) or self._merit_noted(tok) or self._coming_response(tok) or (
                self._response_awaits(tok) or self._claim_characterised(tok) or self._quoted_judgement(tok) or (
                    self._ultimatum(tok) or self._held_responsible(tok))))

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

    def _implied(self, name: str, tok: Token, actors: list[Entity], recipients: list[Entity],
                 attribution: Entity | None, objs: list[Token] | None = None) -> Found | None:
        """An event the text states without a trigger of its type: built as a trigger's would be."""
        key = {"Attack": "attack", "Praise": "praise", "Condemnation": "condemnation", "Seizure": "seizure",
               "MilitaryAid": "supply", "Threat": "threaten", "Denial": "deny", "Sanction": "sanction",
               "Meeting": "meeting"}[name]
        trig = next((t for t in self.rules.by_word.get(key, ()) if t.type.name == name), None)
        if trig is None:
            return None
        nominal = objs is None
        return self._finish(name, trig, self.rules.types.get(name, NO_RULES), tok, nominal, actors, recipients,
                            objs or [], objs or [], attribution, False)

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
        keep = [e for e in _uniq(out) if not (e.country and e.country in own)]
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
            if not any(c.dep_ in ("oprd", "acomp", "xcomp") and c.lemma_.lower() in ("responsible", "accountable",
                                                                                   "liable", "culpable")
                       for c in tok.children):
                return None
            accusers = [e for sb in R.subject(tok) for e in self.resolve(sb)]
            accused = [e for o in R.children(tok, ("dobj",)) for e in self.resolve(o)]
            attribution = self.attribution(tok)
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
        targets = [e for e in _uniq(targets) if e.id != actors[0].id and not (e.country and e.country in own)]
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
        doers = [e for e in _uniq(doers) if e.id != speaker.id and not (e.country and e.country in own)]
        return self._threat(tok, speaker, doers, speaker)

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
        targets = [e for e in _uniq(targets + more) if not (e.country and e.country in own)]
        if not targets and verb.lemma_ != "warn" and tok.lemma_.lower() in ("response", "answer", "reaction") and not any(
                c.dep_ in ("amod", "compound") and (c.lemma_.lower() in FORCEFUL or c.lower_ in FORCEFUL)
                for c in tok.children):
            return None  # 'the government promised a response' (to its citizens, most likely)
        return self._threat(tok, actors[0], targets, self.attribution(verb) or actors[0])

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

    def _joint_operation(self, tok: Token) -> Found | None:
        """'We launched strikes on X. A combined operation with the armed forces of France and the
        United Kingdom is now underway': the partners strike X too (the target carried over from the
        attack just told)."""
        if not any(c.dep_ == "amod" and c.lower_ in ("combined", "joint", "coordinated", "allied")
                   for c in tok.children) or not self._is_class(tok, "attacks"):
            return None
        partners: list[Entity] = []
        for w, p in R.preps(tok):
            if w != "with":
                continue
            owners = [p] + [o for w2, o in R.preps(p) if w2 == "of"]
            partners += [e for o in owners for c in (o, *o.conjuncts) for e in self._resolve_one(c, 1)
                         if e.kind in ACTOR_KINDS]
        partners = _uniq(partners)
        if not partners:
            return None
        floor = self._sent_before(self._sent_before(tok.sent.start))
        told = next((f for f in reversed(self.found) if f.type == "Attack" and f.refers_to is None and f.recipients
                     and floor <= f.trigger < tok.i), None)
        if told is None:
            return None
        first: Found | None = None
        for partner in partners:
            f = self._implied("Attack", tok, [partner], list(told.recipients), self.attribution(tok))
            if f is None:
                continue
            f.attributes.pop("_consumed", None)
            if first is None:
                first = f
            else:
                self.found.append(f)
        return first

    def _harm(self, tok: Token) -> Found | None:
        """'The Russians did significant damage to infrastructure in Kherson', 'the destruction caused
        by X': harm done by a party is an attack on what it harms."""
        if tok.lemma_.lower() not in HARM_NOUNS:
            return None
        doers = R.subject(tok.head) if tok.dep_ == "dobj" and tok.head.lemma_ in INFLICT_VERBS else []
        for acl in R.children(tok, ("acl",)):
            if acl.lemma_ in INFLICT_VERBS:
                doers += R.agent(acl)
        actors = [e for d in doers for e in self.resolve(d)]
        if not actors:
            return None
        pp = R.preps(tok) + (R.preps(tok.head) if tok.dep_ == "dobj" else [])
        recipients = [e for w, p in pp if w in ("to", "on") for e in self.resolve(p)]
        return self._implied("Attack", tok, actors, recipients, self.attribution(tok))

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
        return self._implied("Praise", tok, actors, _uniq(praised)[:1], attribution)

    def _regime_wrong(self, tok: Token) -> Found | None:
        """'the regime has arrested 32 opponents', 'the Assad regime again gassed civilians': a
        government's statement (or a quoted official) that tells such acts of a 'regime' accuses it."""
        if tok.lemma_ not in REGIME_WRONGS:
            return None
        subj = [s for s in R.subject(tok) if s.lemma_.lower() == "regime"]
        targets = [e for s in subj for e in self.resolve(s)]
        if not targets:
            return None
        attribution = self.attribution(tok)
        accuser = attribution or self._official_publisher()
        if accuser is None:
            return None
        targets = [t for t in targets if t.id != accuser.id and (not t.country or t.country != accuser.country)]
        if not targets:
            return None
        return self._accusation(tok, accuser, targets[0], attribution)

    def _ceded(self, tok: Token) -> Found | None:
        """'Russian forces ceded territory to the Ukrainians', 'lost the town to X': X seizes it."""
        if tok.lemma_ not in CEDE_VERBS or R.is_passive(tok):
            return None
        land = [o for o in R.objects(tok) if self._is_class(o, "territory")
                or any(self._is_class(p, "territory") for w, p in R.preps(o) if w == "of")]
        if not land:
            return None
        gainers = [e for w, p in R.preps(tok) if w == "to" for e in self.resolve(p)]
        losers = [e for s in R.subject(tok) for e in self.resolve(s)]
        if not gainers or not losers:
            return None
        return self._implied("Seizure", tok, gainers[:1], losers[:1], self.attribution(tok), objs=land)

    def _military_support(self, tok: Token) -> Found | None:
        """'The Council adopted an assistance measure to support the Ghana Armed Forces', 'approved a
        package to strengthen Kenya's army': aid whose purpose is to support a military is military aid."""
        if tok.lemma_ not in AID_GIVING or R.is_passive(tok):
            return None
        aid = [o for o in R.objects(tok) if self._is_class(o, "military_aid")]
        if not aid:
            return None
        scope = [t for o in aid for t in o.subtree] + [t for c in tok.children if c.dep_ in ("xcomp", "advcl")
                                                        for t in c.subtree]
        recipients: list[Entity] = []
        for t in scope:
            if t.lemma_ in SUPPORT_VERBS | {"strengthen", "equip", "train"} and any(
                    c.dep_ == "aux" and c.lower_ == "to" for c in t.children):
                for o in R.objects(t):
                    es = self.m.at(o.i)
                    military = self._is_class(o, "troops") or (es is not None and es.entity.sector == "military")
                    if military:
                        recipients += self.resolve(o)
        actors = [e for sb in R.subject(tok) for e in self.resolve(sb)]
        recipients = [r for r in recipients if all(r.country != a.country or not r.country for a in actors)]
        if not actors or not recipients:
            return None
        return self._implied("MilitaryAid", tok, actors, recipients[:1], self.attribution(tok), objs=aid)

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
        return self._implied("Praise", tok, actors, _uniq(praised)[:1], self.attribution(tok), objs=merits)

    def _exchanged_fire(self, tok: Token) -> Found | None:
        """'India and Pakistan exchanged fire', 'X traded strikes with Y': each attacks the other."""
        if tok.lemma_ not in ("exchange", "trade") or not any(
                o.lemma_.lower() in ("fire", "blow", "strike", "shot", "salvo", "attack", "shelling", "gunfire")
                for o in R.objects(tok)):
            return None
        sides = [e for sb in R.subject(tok) for e in self.resolve(sb)]
        sides += [e for w, p in R.preps(tok) if w == "with" for e in self.resolve(p)]
        sides = _uniq(sides)
        if len(sides) != 2 or sides[0].country == sides[1].country:
            return None
        attribution = self.attribution(tok)
        first = self._implied("Attack", tok, sides[:1], sides[1:], attribution)
        second = self._implied("Attack", tok, sides[1:], sides[:1], attribution)
        if first is None or second is None:
            return None
        second.attributes.pop("_consumed", None)
        self.found.append(second)
        return first

    def _weapon_use(self, tok: Token) -> Found | None:
        """'used a water cannon against a Philippine boat', 'directed a laser at a ship': an attack."""
        if tok.lemma_ not in WEAPON_USE_VERBS or R.is_passive(tok):
            return None
        arms = [o for o in R.objects(tok) if self._is_class(o, "weapons") and not self._is_class(o, "troops")]
        struck = [p for t in (tok, *arms) for w, p in R.preps(t) if w in ("against", "at", "on", "upon")]
        if not arms or not struck:
            return None
        actors = [e for s in R.subject(tok) for e in self.resolve(s)]
        recipients = [e for p in struck for e in self.resolve(p)]
        if not actors or not recipients:
            return None
        return self._implied("Attack", tok, actors, recipients, self.attribution(tok), objs=arms)

    def _accusation(self, tok: Token, accuser: Entity, target: Entity, attribution: Entity | None) -> Found | None:
        """An accusation the text implies rather than states with a trigger verb."""
        trig = next((t for t in self.rules.by_word.get("accusation", ()) if t.type.name == "Accusation"), None)
        if trig is None:
            return None
        return self._finish("Accusation", trig, self.rules.types.get("Accusation", NO_RULES), tok, True, [accuser],
                            [target], [], [], attribution, False)

    def _official_publisher(self) -> Entity | None:
        """The publisher when its own voice is a party's: a state's or a government's or military's
        release judges; a news agency's report does not."""
        pub = self.m.publisher
        if pub is not None and (pub.kind is EntityKind.STATE or pub.sector in OWN_FORCES_SECTORS):
            return pub
        return None

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

    def _force_owner(self, toks: list[Token]) -> list[Entity]:
        """'Russian troops were deployed', 'U.S. troops will reposition': the state whose forces move.
        Forces of no named state ('1,000 soldiers', 'the 82nd Airborne Division') in a release of a
        state's military or government are that state's own."""
        out = []
        for t in toks:
            if self._is_class(t, "troops"):
                out += [e for e in self.resolve(t, conj=False) if e.kind is EntityKind.STATE or e.country]
                pub = self.m.publisher
                if not out and pub is not None and pub.country and (
                        pub.kind is EntityKind.STATE or pub.sector in OWN_FORCES_SECTORS) and not any(
                        self.m.at(c.i) for c in t.subtree):
                    out.append(pub)
        return [self._state(e.country) or e if e.kind is not EntityKind.STATE and e.country else e for e in out][:1]

    def _implicit_actor(self, tok: Token) -> list[Entity]:
        """An agentless participle ('a treaty signed with Putin'): the party of the clause it is in."""
        cur = tok
        for _ in range(6):
            cur = cur.head
            if R.is_verbal(cur):
                subj = R.children(cur, R.SUBJ + R.PASS_SUBJ)
                ents = [e for s in subj for e in self.resolve(s)]
                return ents[:1]
            if cur.head.i == cur.i:
                break
        return []

    def _clause_parties(self, tok: Token) -> list[Entity]:
        """The two parties of the clause a bare 'summit' or 'talks' sits in ("elevate Kim's
        relationship with Putin ahead of a likely summit"): only when exactly two states take part."""
        cur = tok
        for _ in range(4):
            if R.is_verbal(cur) or cur.head.i == cur.i:
                break
            cur = cur.head
        if not R.is_verbal(cur):
            return []
        skip = {t.i for c in cur.children if c.dep_ in ("ccomp", "advcl", "relcl", "nsubj", "csubj", "parataxis")
                for t in c.subtree}
        ents = []
        for t in cur.subtree:
            es = self.m.at(t.i)
            if t.i in skip or es is None or es.entity.kind not in (EntityKind.PERSON, EntityKind.STATE):
                continue
            if es.how == "demonym":
                continue
            ents.append(es.entity)
        ents = _uniq(ents)
        return ents if len(ents) == 2 and len({e.country for e in ents}) == 2 else []

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

    def _finish(self, name: str, trig: Trigger, tr: TypeRules, tok: Token, nominal: bool, actors: list[Entity],
                recipients: list[Entity], objs: list[Token], obj_heads: list[Token], attribution: Entity | None,
                light: bool) -> Found | None:
        rules = self.rules
        head = tok.head
        pp = R.preps(tok)
        for o in objs:
            if any(self._is_class(o, c) for c in NON_PARTY_CLASSES):
                pp += R.preps(o)
        if light:
            pp += R.preps(head)
        purpose = [c for c in tok.children if c.dep_ in ("advcl", "xcomp", "acl", "relcl") and R.is_verbal(c)]
        for o in objs:
            purpose += [c for c in o.children if c.dep_ in ("acl", "relcl") and R.is_verbal(c)]
        # -- recipients
        actor_ids = {a.id for a in actors}
        # a description ('the Balkan nation') names another state than the doer's own
        self.exclude = {a.country for a in actors if a.country}
        for o in objs:
            # what is attacked belongs to the recipient ('shot down two Azerbaijani helicopters')
            if name != "Attack" and any(self._is_class(o, c) for c in NON_PARTY_CLASSES) and not self._is_class(o, "people"):
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
        allowed = RECIPIENT_PREPS.get(name, ())
        for w, p in pp:
            if w in allowed or (w == "of" and nominal and "of" in allowed):
                recipients += self.resolve(p)
        self.exclude = set()
        ref_target = None
        if tr.reactive and not recipients:
            self.actors_now = actors
            recipients, ref_target = self._reactive_recipient(tok, objs, nominal, actor_ids)
            if name == "Denial" and not recipients and not nominal and R.children(tok, ("ccomp",)):
                recipients = self._last_accuser()  # 'X accused Y of ... Y denied that it had ...'

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
        own_states = {a.country for a in actors if a.country}
        recipients = [r for r in _uniq([r for r in recipients if r is not None]) if r.id not in actor_ids
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
        if name in ("Threat", "Demand") and not recipients and not nominal:
            # 'threatened to cut supplies to Moldova' (whom the threatened act is done to); 'demanded
            # that the Philippines withdraw' (who is to act)
            for c in tok.children:
                if c.dep_ == "xcomp" and name == "Threat":
                    recipients += [e for o in R.objects(c) for e in self.resolve(o)]
                    recipients += [e for w, p in R.preps(c) if w in ("to", "against", "on") for e in self.resolve(p)]
                elif c.dep_ == "ccomp" and name == "Demand":
                    recipients += [e for sb in R.children(c, ("nsubj",)) for e in self.resolve(sb)]
            recipients = [r for r in _uniq(recipients) if r.id not in actor_ids and r.country not in own_states]
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
        attributes["_consumed"] = consumed + [o.i for o in objs]
        return Found(type=name, trigger=tok.i, sent=(tok.sent.start, tok.sent.end), actors=_uniq(actors),
                     recipients=recipients, places=places, supports=supports, polarity=pol, attribution=attribution,
                     date=date, precision=precision, date_text=date_text, attributes=attributes,
                     confidence=round(conf, 2))

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

    @staticmethod
    def _countries(ents: list[Entity]) -> set[str]:
        return {e.country for e in ents if e.country}

    def _state(self, iso3: str) -> Entity | None:
        return self.m.gz.entities.get(f"state:{iso3}")

    def _reactive_recipient(self, tok: Token, objs: list[Token], nominal: bool,
                            actor_ids: set[str]) -> tuple[list[Entity], int | None]:
        """'condemned the deployment' -> whoever deployed; 'denied this claim' -> whoever claimed it."""
        targets = list(objs)
        if nominal:
            targets += [p for w, p in R.preps(tok) if w in ("of", "for")]
        for o in targets:
            lemma = o.lemma_.lower()
            own = [e for c in o.children if c.dep_ == "poss" or (c.dep_ in ("amod", "compound") and self.m.at(c.i))
                   for e in self.resolve(c)]
            own += [e for w, p in R.preps(o) if w in ("of", "by") for e in self.resolve(p)]  # 'the decision of X
            if not nominal and o.dep_ == "dobj" and o.head.i == tok.i and not R.is_passive(tok):
                # 'condemned the offensive by the rebels' with 'by' hung on the verb by the parser
                own += [e for w, p in R.preps(tok) if w == "by" for e in self.resolve(p)]
            own = [e for e in own if e.id not in actor_ids]
            if own:
                return own[:1], None
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
            for trig in trigs:
                for idx in range(len(self.found) - 1, -1, -1):
                    ev = self.found[idx]
                    if ev.type == trig.type.name and ev.refers_to is None and ev.actors:
                        self.found.append(Found(type=ev.type, trigger=o.i, sent=(o.sent.start, o.sent.end), actors=[],
                                                refers_to=idx))
                        # the act of a leader or an organ is its state's act
                        doers = [self._state(a.country) or a if a.country else a for a in ev.actors]
                        return [a for a in doers if a and a.id not in actor_ids][:1], idx
        return [], None

    def _last_accuser(self) -> list[Entity]:
        """Whoever last accused the doers of the event being built ('X accused Y ... Y denied')."""
        denier = {a.country or a.id for a in self.actors_now}
        for ev in reversed(self.found):
            if ev.type == "Accusation" and ev.refers_to is None and ev.actors and any(
                    (r.country or r.id) in denier for r in ev.recipients) and not any(
                    (a.country or a.id) in denier for a in ev.actors):
                return ev.actors[:1]
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
