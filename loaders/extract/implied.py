"""Events the text states without a trigger of their type: forces present ('there are troops'),
talks hosted, measures against, harm done, territory ceded, fire exchanged, weapons turned on
someone, joint operations, wrongs of a regime."""

from __future__ import annotations

from spacy.tokens import Token

from kg.model import Entity, EntityKind
from loaders.extract import roles as R
from loaders.extract.lexicon import (
    AID_GIVING,
    CEDE_VERBS,
    GARRISON_NOUNS,
    HARM_NOUNS,
    INFLICT_VERBS,
    LECTURE_VERBS,
    REGIME_WRONGS,
    STATION_VERBS,
    SUPPORT_VERBS,
    WEAPON_USE_VERBS,
    WRONGFUL_ADVERBS,
)
from loaders.extract.mentions import ACTOR_KINDS
from loaders.extract.quantities import count_of
from loaders.extract.reading import NO_RULES, Found, ReaderState, uniq


class ImpliedEventReading(ReaderState):
    """Events implied by nouns and verbs that are not triggers of their type."""

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
        parties = [e for e in uniq(parties) if all(e.id != h.id and (not e.country or e.country != h.country)
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
        if tok.lemma_.lower() not in ("measure", "step", "countermeasure") or tok.tag_ != "NNS" or tok.dep_ != "dobj":
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

    def _criticism_idiom(self, tok: Token) -> Found | None:
        """Criticism told by idiom: 'X hit out / lashed out at Y', 'X took aim at Y' (a condemnation of Y);
        'Y is in no position to lecture others', 'Y has no right to lecture us' said by X (X accuses Y)."""
        lemma = tok.lemma_
        if lemma in ("hit", "lash") and any(c.dep_ == "prt" and c.lower_ == "out" for c in tok.children) or (
                lemma == "take" and any(o.lemma_ == "aim" for o in R.children(tok, ("dobj",)))):
            if R.is_passive(tok):
                return None
            at = [p for t in (tok, *R.children(tok, ("dobj", "prt"))) for w, p in R.preps(t) if w == "at"]
            recipients = [e for p in at for e in self.resolve(p)]
            actors = [e for s in R.subject(tok) for e in self.resolve(s)]
            if not actors or not recipients or any(c.dep_ == "neg" for c in tok.children):
                return None  # 'the storm hit out at sea', 'took aim at the target' (no party)
            return self._implied("Condemnation", tok, actors[:1], recipients, self.attribution(tok))
        if lemma in LECTURE_VERBS and tok.dep_ in ("acl", "relcl", "xcomp"):
            gov = tok.head
            if gov.lemma_ not in ("position", "right", "standing", "business") or not any(
                    c.dep_ == "det" and c.lower_ == "no" for c in gov.children):
                return None
            verb = gov.head if gov.dep_ in ("pobj", "dobj", "attr") else None
            if verb is not None and verb.dep_ == "prep":
                verb = verb.head
            if verb is None or verb.lemma_ not in ("be", "have"):
                return None
            speaker = self.attribution(verb)
            if speaker is None:
                return None
            own = {speaker.country} if speaker.country else set()
            subjects = [e for s in R.subject(verb) for e in self.resolve(s)]
            recipients = [e for e in subjects if e.id != speaker.id and not (e.country and e.country in own)]
            if subjects and not recipients:
                return None  # 'we are in no position to lecture anyone': the speaker's own side
            return self._implied("Accusation", tok, [speaker], recipients, speaker)
        return None

    def _implied_by_verb(self, tok: Token) -> Found | None:
        # First match wins, in this order: the narrower readings come before the broader ones.
        readers = (
            self._regime_wrong, self._criticism_idiom, self._ceded, self._weapon_use, self._military_support,
            self._exchanged_fire, self._merit_noted, self._gratitude, self._stationed, self._coming_response,
            self._response_awaits, self._harm_awaits, self._vowed_return, self._claim_characterised,
            self._quoted_judgement, self._ultimatum, self._held_responsible, self._refused, self._travel_advice,
            self._wished_of, self._under_control, self._pushed_into, self._called_wrong, self._done_wrongly,
        )
        for read in readers:
            found = read(tok)
            if found:
                return found
        return None

    def _implied(self, name: str, tok: Token, actors: list[Entity], recipients: list[Entity],
                 attribution: Entity | None, objs: list[Token] | None = None) -> Found | None:
        """An event the text states without a trigger of its type: built as a trigger's would be."""
        key = {"Deployment": "deploy", "Attack": "attack", "Praise": "praise", "Condemnation": "condemnation",
               "Seizure": "seizure", "MilitaryAid": "supply", "Threat": "threaten", "Denial": "deny",
               "Sanction": "sanction", "Meeting": "meeting", "Rejection": "reject", "Accusation": "accuse",
               "ReduceRelations": "sever", "Demand": "demand"}[name]
        trig = next((t for t in self.rules.by_word.get(key, ()) if t.type.name == name), None)
        if trig is None:
            return None
        nominal = objs is None
        return self._finish(name, trig, self.rules.types.get(name, NO_RULES), tok, nominal, actors, recipients,
                            objs or [], objs or [], attribution, False)

    def _stationed(self, tok: Token) -> Found | None:
        """'X keeps 1,500 troops in Y', 'X, which has troops deployed in Y', 'Y's territory, where X
        maintains military bases', 'X now has some 2,500 men in Y': forces a party has abroad are
        deployed there (the state of the place, never the party's own)."""
        if tok.lemma_ not in STATION_VERBS or R.is_passive(tok) or any(c.dep_ == "neg" for c in tok.children):
            return None
        objs = R.children(tok, ("dobj",))
        objs += [p for o in objs if o.lemma_.lower() in ("dozen", "hundred", "thousand", "number") or o.pos_ == "NUM"
                 for w, p in R.preps(o) if w == "of"]  # 'dozens of military bases'
        forces = [o for o in objs if self._is_class(o, "troops") or GARRISON_NOUNS & {o.lemma_.lower(), o.lower_} or (
            o.lemma_.lower() in ("man", "soldier") and any(c.dep_ == "nummod" or c.pos_ == "NUM" for c in o.subtree))]
        if not forces:
            return None
        where = [p for w, p in R.preps(tok) if w in ("in", "on", "inside")]
        for f in forces:
            where += [p for w, p in R.preps(f) if w in ("in", "on", "inside")]
            for acl in R.children(f, ("acl",)):  # 'troops deployed in Y', 'forces stationed in Y'
                where += [p for w, p in R.preps(acl) if w in ("in", "on", "inside")]
        if tok.dep_ == "relcl" and any(c.lower_ == "where" for c in tok.children):
            where.append(tok.head)  # 'Iraqi territory, where X maintains bases'
        if not where:
            return None
        actors = [e for sb in R.subject(tok) for e in self.resolve(sb)]
        if not actors:
            return None
        own = {a.country for a in actors if a.country}
        recipients = self._place_states(where, own)
        if not recipients:
            for w in where:  # 'in Mali', 'Iraqi territory': a state named, or its demonym
                for c in (w, *R.children(w, ("amod", "compound", "poss"))):
                    es = self.m.at(c.i)
                    if es is not None and es.entity.kind is EntityKind.STATE and es.entity.country not in own:
                        recipients = [es.entity]
                        break
        if not recipients:
            return None
        return self._implied("Deployment", tok, actors, recipients[:1], self.attribution(tok), objs=forces)

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
        partners = uniq(partners)
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

    def _done_wrongly(self, tok: Token) -> Found | None:
        """'The coast guard said the Philippine vessel had illegally intruded into its waters': a deed a
        speaker tells of another party as done unlawfully accuses that party (a plain 'said Y shelled'
        only tells)."""
        if not any(c.dep_ == "advmod" and c.lower_ in WRONGFUL_ADVERBS for c in tok.children) or any(
                c.dep_ == "neg" for c in tok.children) or R.is_passive(tok):
            return None
        attribution = self.attribution(tok)
        if attribution is None:
            return None
        targets = [e for s in R.subject(tok) for e in self.resolve(s)
                   if e.id != attribution.id and (not e.country or e.country != attribution.country)]
        return self._accusation(tok, attribution, targets[0], attribution) if targets else None

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

    def _under_control(self, tok: Token) -> Found | None:
        """'placed two villages under Russian control', 'the town came under rebel control': whoever
        the control is of seizes the land."""
        if tok.lemma_ not in ("place", "put", "bring", "come", "fall"):
            return None
        control = [p for w, p in R.preps(tok) if w == "under" and p.lemma_ == "control"]
        if not control:
            return None
        land = R.objects(tok) if tok.lemma_ in ("place", "put", "bring") and not R.is_passive(tok) else R.subject(tok)
        land = [o for o in land if self._is_class(o, "territory") or any(
            self._is_class(p, "territory") for w, p in R.preps(o) if w == "of")]
        holders = [e for c in control[0].children if c.dep_ in ("amod", "poss", "compound") for e in self.resolve(c)]
        holders += [e for w, p in R.preps(control[0]) if w == "of" for e in self.resolve(p)]
        if not land or not holders:
            return None
        return self._implied("Seizure", tok, holders[:1], [], self.attribution(tok), objs=land)

    def _pushed_into(self, tok: Token) -> Found | None:
        """'Russian troops pushed deep into Georgia', 'the army advanced into Kursk region': forces of one
        state that advance into another state's land invade it."""
        if tok.lemma_ not in ("push", "advance", "march", "roll", "pour", "cross", "thrust", "drive") or R.objects(tok):
            return None
        forces = [s for s in R.subject(tok) if self._is_class(s, "troops")]
        actors = self._force_owner(forces)
        if not actors:
            return None
        into = [p for w, p in R.preps(tok) if w == "into"]
        into += [p for a in R.children(tok, ("advmod",)) for w, p in R.preps(a) if w == "into"]  # 'deep into'
        own = {a.country for a in actors}
        land = [e for p in into for e in self.resolve(p) if e.kind is EntityKind.STATE] or self._place_states(into, own)
        land = [e for e in land if e.country not in own]
        if not land:
            return None
        return self._implied("Attack", tok, actors, land[:1], self.attribution(tok))

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

    def _exchanged_fire(self, tok: Token) -> Found | None:
        """'India and Pakistan exchanged fire', 'X traded strikes with Y': each attacks the other."""
        if tok.lemma_ not in ("exchange", "trade") or not any(
                o.lemma_.lower() in ("fire", "blow", "strike", "shot", "salvo", "attack", "shelling", "gunfire")
                for o in R.objects(tok)):
            return None
        sides = [e for sb in R.subject(tok) for e in self.resolve(sb)]
        sides += [e for w, p in R.preps(tok) if w == "with" for e in self.resolve(p)]
        sides = uniq(sides)
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
