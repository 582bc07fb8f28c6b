"""Who an article's noun phrases name: parties resolved from mentions, pronouns, titles, pairs
('the two leaders'), groups, transcript labels, speakers and attribution of what is said."""

from __future__ import annotations

import dataclasses

from spacy.tokens import Token

from kg.model import Entity, EntityKind, entity_id
from loaders.extract import roles as R
from loaders.extract.lexicon import (
    ALLY_NOUNS,
    CAPABILITY_NOUNS,
    GOVERNMENT_NOUNS,
    GROUP_NOUNS,
    LINK_VERBS,
    MEMBER_LINK_VERBS,
    MEMBER_NOUNS,
    OWN_FORCES_SECTORS,
    PAIR_NOUNS,
    PERSON_PAIR_NOUNS,
    QUANTITY_NOUNS,
    TARGET_NOUNS,
    TITLE_HEADS,
)
from loaders.extract.mentions import ACTOR_KINDS, ARMY_NOUNS, ORGAN_HEADS, PRONOUNS_FIRST, PRONOUNS_PERSON, PRONOUNS_PLURAL
from loaders.extract.quantities import count_of
from loaders.extract.reading import ReaderState, uniq


class PartyResolution(ReaderState):
    """Resolving noun phrases to parties, and who says what."""

    # -- entities --------------------------------------------------------------------------
    @property
    def _troop_words(self) -> frozenset[str]:
        return frozenset({"soldier", "troop", "troops", "force", "forces", "serviceman", "servicemen"})

    def resolve(self, tok: Token, depth: int = 0, conj: bool = True) -> list[Entity]:
        """The known parties a noun phrase names (states, people, organisations)."""
        out = [e for e in self._resolve_one(tok, depth) if e.kind in ACTOR_KINDS]
        if conj:
            for c in tok.conjuncts:
                if c.i > tok.i:
                    out.extend(e for e in self._resolve_one(c, depth) if e.kind in ACTOR_KINDS)
        return uniq(out)

    def _resolve_one(self, tok: Token, depth: int) -> list[Entity]:
        es = self.m.at(tok.i)
        if es is not None:
            if es.entity.kind is EntityKind.PLACE:
                return []
            if es.person is not None:
                return [es.person, es.entity]  # 'UN Secretary-General X condemned': X, for the UN
            return [es.entity]
        if tok.pos_ == "PRON" or tok.tag_ in ("PRP", "PRP$"):
            if tok.lower_ in PRONOUNS_PLURAL:
                return (self._members_before(tok, 0) or self._group_before(tok) or self._pair_again(tok, 1)
                        or self._pair_earlier_in_sentence(tok) or self._pair_subject_before(tok))
            label = self.label_at(tok.i)
            if label is not None and tok.lower_ in PRONOUNS_FIRST:
                return [label[0]]
            if tok.lower_ in ("you", "your", "yours", "yourself"):
                ent = self._addressee(tok, label)
                return [ent] if ent else []
            ent = self.m.pronoun(tok, self.speaker(tok))
            if ent is not None and tok.lower_ in PRONOUNS_PERSON and ent.kind is EntityKind.ORGANISATION:
                person = self.m.official_of(ent, tok.i)  # 'He urged': the body's named official, for it
                if person is not None:
                    return [person, ent]
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
        counted = count_of(tok) if tok.tag_ == "NNS" and lemma in GROUP_NOUNS else None
        if counted is not None and counted >= 3 and not R.children(tok, ("prep", "appos", "amod", "compound")):
            # 'the three countries', 'all four nations': the states last named together, as many as counted
            return self._counted_group(tok, counted)
        heads_of_state = lemma == "head" and any(  # 'the heads of state / government': the leaders
            p.lower_ == "of" and any(o.lemma_.lower() in ("state", "government") for o in R.children(p, ("pobj",)))
            for p in R.children(tok, ("prep",)))
        if tok.tag_ == "NNS" and (lemma in PAIR_NOUNS or heads_of_state) and any(
                c.lower_ in ("the", "their", "our", "both", "two") for c in tok.children) and not any(
                p.lower_ == "of" and any(self.m.at(o.i) for o in R.children(p, ("pobj",))) for p in R.children(tok, ("prep",))):
            # (not 'the defence ministers of X and Y': those are named)
            body = self._members_before(tok, 2) if lemma in MEMBER_NOUNS and not any(
                c.dep_ in ("amod", "compound", "nummod") for c in tok.children) else []
            if body:
                return body  # 'EU foreign ministers ... The ministers called on'
            people = lemma in PERSON_PAIR_NOUNS or heads_of_state
            pair = (people and self._pair_before(tok, people_only=True)) or (
                [] if people and self._unplaced_person_before(tok) else self._pair_before(tok))
            if not pair and any(c.lower_ == "both" for c in tok.children):
                pair = self.m.sides(tok.i, self.exclude)  # 'urged both sides': the two parties the article is about
            if not pair and any(c.lower_ == "both" for c in tok.children):
                pair = self._last_parties()
            if not pair:
                pair = self._pair_again(tok, 2)  # '2. The two leaders signed ... 3. The two leaders condemned'
            if not pair and people:
                pair = self._last_meeting_pair(tok)  # 'X held talks with Y ... (later) the heads of state signed'
            if pair:
                self.last_pair = (tok.i, pair)
            return pair
        if lemma in ALLY_NOUNS and any(c.dep_ == "poss" for c in tok.children) and not any(w == "of" for w, _ in R.preps(tok)):
            return []  # 'Ukraine's allies', 'Kyiv's partners' are others than Ukraine, unnamed
        org_like = lemma in ORGAN_HEADS or tok.lower_ in ORGAN_HEADS or any(
            self.rules.in_class(lemma, c) for c in ("troops", "people", "territory", "weapons"))
        found: list[Entity] = []
        if org_like:
            # 'the president of Djibouti, Ismail Omar Guelleh': the person named beside the title
            # ('the EU's special representative for the dialogue, X': the parser hangs X on 'dialogue')
            named = R.children(tok, ("appos",)) + [a for p in R.children(tok, ("prep",)) if p.lower_ in ("of", "for", "to")
                                                   for o in R.children(p, ("pobj",)) for a in R.children(o, ("appos",))]
            for child in named:
                es = self.m.at(child.i)
                if es is not None and es.entity.kind is EntityKind.PERSON:
                    if es.entity.country is None and (body := self._international_owner(tok)) is not None:
                        self.m.beside[es.entity.id] = body.id  # 'the EU's special representative ..., X'
                        return [es.entity, body]
                    return [es.entity]
                if es is not None and es.person is not None:
                    return [es.person, es.entity]  # 'the EU's foreign policy chief, X'
        if lemma in ("alliance", "group", "movement", "coalition", "militia", "organisation", "organization"):
            # 'the rebel alliance CSP-DPA', 'the militant group Hamas': the body named beside the noun
            for child in R.children(tok, ("appos",)):
                es = self.m.at(child.i)
                if es is not None and es.entity.kind in (EntityKind.ORGANISATION, EntityKind.ARMED_GROUP):
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
        if member or lemma in ("group", "band", "column"):
            # 'a group of gunmen led by X', 'forces under the command of X', 'forces under U.S. Central Command'
            leaders = [x for acl in R.children(tok, ("acl",)) if acl.lemma_ in ("lead", "command", "head")
                       for a in R.children(acl, ("agent",)) for o in R.children(a, ("pobj",))
                       for x in (o, *R.children(o, ("appos",)))]
            for o in (o for p in R.children(tok, ("prep",)) if p.lower_ == "under" for o in R.children(p, ("pobj",))):
                leaders += [x for w, x in R.preps(o) if w == "of"] if o.lemma_ in ("command", "control", "leadership") else [o]
            for o in leaders:
                if found := [e for e in self._resolve_one(o, depth + 1) if e.kind in ACTOR_KINDS]:
                    return found[:1]
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
                elif es is None and lemma in ("administration", "government") and child.pos_ == "PROPN":
                    found += self._leader_state(child.text)  # 'the (first) Trump administration'
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
        if not found and lemma in ("ministry", "government") and any(c.lower_ == "the" for c in tok.children) and (
                opened := self.m.opening_place_state(tok)) is not None:
            found.append(opened)  # 'In Ankara, the defence ministry denied': not the last ministry's state
        if not found and (lemma in GOVERNMENT_NOUNS or lemma in ARMY_NOUNS):
            found += self._antecedent(tok, depth)
        if not found and not R.children(tok, ("poss",)) and (
                self.rules.in_class(lemma, "troops") or self.rules.in_class(lemma, "weapons")) and any(
                c.dep_ in ("amod", "compound") and c.lower_ in ARMY_NOUNS and not R.children(c, ("poss", "amod", "compound"))
                for c in tok.children):
            # 'army aircraft bombed ...', 'a military jet dropped ...': the forces of the article's state
            st = self.m.army_state(tok, self.exclude, self._troop_words)
            found += [st] if st is not None else []
        if not found and lemma in ARMY_NOUNS and not R.children(tok, ("poss", "amod", "compound")) and any(
                c.lower_ == "the" for c in tok.children):
            st = self.m.army_state(tok, self.exclude, self._troop_words)  # 'the army denied'
            found += [st] if st is not None else []
        if not found and (lemma in QUANTITY_NOUNS or lemma in ("group", "handful", "list")) and not R.children(tok, ("poss",)):
            # 'sanctions on a separate group of Venezuelan officials', 'dozens of Somali businessmen'
            for o in (o for p in R.children(tok, ("prep",)) if p.lower_ == "of" for o in R.children(p, ("pobj",))):
                found += [e for e in self._resolve_one(o, depth + 1) if e.kind in ACTOR_KINDS]
        if not found:
            desc = self.m.description(tok, self.exclude)
            if desc is not None and desc.kind is EntityKind.ORGANISATION and (
                    person := self.m.official_of(desc, tok.i)) is not None and self.m.one_party(person, desc):
                return [person, desc]  # 'The Secretary-General urged': the named official, for the body
            if desc is not None:
                found.append(desc)
        return found[:1] if found else []

    def _international_owner(self, tok: Token) -> Entity | None:
        """The international body a title noun names as its owner ('the EU's envoy', 'the UN special
        representative'), else None."""
        for c in tok.children:
            es = self.m.at(c.i) if c.dep_ in ("poss", "compound", "nmod") else None
            if es is not None and es.entity.kind is EntityKind.ORGANISATION and not es.entity.country:
                return es.entity
        return None

    def _leader_state(self, surname: str) -> list[Entity]:
        """The state whose head of state or government bore the family name, when one state's only:
        'the Biden administration', 'the Netanyahu government' are their states' governments."""
        gz = self.m.gz
        states = {o.state for eid in gz.surnames.get(surname, ()) for o in gz.entities[eid].offices
                  if o.state and o.role in ("head_of_state", "head_of_government")}
        st = gz.entities.get(f"state:{next(iter(states))}") if len(states) == 1 else None
        return [st] if st is not None else []

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
        return self._speakers_states(out)

    def _speakers_states(self, labels: list[tuple[int, int, Entity]]) -> list[tuple[int, int, Entity]]:
        """A transcript speaker the gazetteer does not know ('Guo Jiakun: China firmly opposes ...')
        speaks for the one state their turns open with as subject: a spokesperson's answers."""
        states: dict[str, set[str]] = {}
        for s, e, ent in labels:
            if ent.country or ent.id in self.m.gz.entities or s >= len(self.doc):
                continue
            first = self.doc[s].sent
            subj = next((t for t in self.doc[s : min(e, first.end)]
                         if t.dep_ == "nsubj" and t.head.pos_ in ("VERB", "AUX")), None)
            es = self.m.at(subj.i) if subj is not None else None
            if es is not None and es.entity.kind is EntityKind.STATE:
                states.setdefault(ent.id, set()).add(es.entity.country)
        out = []
        for s, e, ent in labels:
            found = states.get(ent.id, set())
            if len(found) == 1 and not ent.country:
                ent = dataclasses.replace(ent, country=next(iter(found)))
            out.append((s, e, ent))
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

    def _unplaced_person_before(self, tok: Token) -> bool:
        """A person of no known state named in this sentence or the one before: 'the two presidents'
        may be that person and another, and no pair of states can be told ('President X received
        Vietnamese President Y ... the two presidents', X unknown)."""
        floor = self._sent_before(tok.sent.start)
        return any(floor <= es.start < tok.i and es.entity.kind is EntityKind.PERSON and not es.entity.country
                   for es in self.m.spans)

    def _last_meeting_pair(self, tok: Token) -> list[Entity]:
        """'the heads of state', 'the presidents' with no pair named near: the two people of different
        states whose meeting was last told, in the ten sentences before."""
        floor = tok.sent.start
        for _ in range(10):
            floor = self._sent_before(floor)
        for ev in reversed(self.found):
            if ev.trigger < floor:
                break
            if ev.type != "Meeting" or ev.refers_to is not None or len(ev.actors) != 1 or len(ev.recipients) != 1:
                continue
            pair = [ev.actors[0], ev.recipients[0]]
            if all(e.kind is EntityKind.PERSON and e.country and e.country not in self.exclude for e in pair) and \
                    pair[0].country != pair[1].country:
                return pair
        return []

    def _pair_before(self, tok: Token, people_only: bool = False) -> list[Entity]:
        """'the defense counterparts', 'our two countries', 'both sides': the two parties of different
        states named last, in this sentence or the one before (with `people_only`, two people:
        'X held talks with Y, who arrived in Z. The heads of state met': X and Y, not Z)."""
        floor = self._sent_before(tok.sent.start)
        pair: list[Entity] = []
        kinds = (EntityKind.PERSON,) if people_only else (EntityKind.PERSON, EntityKind.STATE)
        for es in reversed(self.m.spans):
            if es.start >= tok.i or es.start < floor:
                continue
            if es.entity.kind not in kinds or es.entity.country in self.exclude:
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
        pair = uniq(actors)
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

    def _pair_earlier_in_sentence(self, tok: Token) -> list[Entity]:
        """'spoke with the leaders of both countries and urged them': 'them' is the pair named just before."""
        if tok.dep_ not in ("dobj", "dative", "pobj"):
            return []
        for t in reversed(tok.sent[: tok.i - tok.sent.start]):
            if t.tag_ == "NNS" and t.lemma_.lower() in PAIR_NOUNS and any(
                    c.lower_ in ("both", "two") for c in t.children) and (pair := self._resolve_one(t, 1)):
                return self.last_pair[1] if self.last_pair and self.last_pair[0] == t.i else pair
        return []

    def _pair_subject_before(self, tok: Token) -> list[Entity]:
        """'The presidents exchanged views on security. They called on ...': 'they' as the subject of a
        sentence is the pair the sentence before was about, even when nothing there was an event."""
        if tok.dep_ != "nsubj" or tok.i != tok.sent.start:
            return []
        floor = self._sent_before(tok.sent.start)
        for t in self.doc[floor : tok.sent.start]:
            if t.dep_ == "nsubj" and t.tag_ == "NNS" and t.lemma_.lower() in PAIR_NOUNS:
                return self._resolve_one(t, 1)
        return []

    def _members_before(self, tok: Token, within: int) -> list[Entity]:
        """'EU foreign ministers, meeting in Brussels, ... and they accused', 'ASEAN leaders ... The
        leaders urged': officials named by an international body they sit for, earlier in this sentence
        or the `within` before, are that body when told of again."""
        floor = tok.sent.start
        for _ in range(within):
            floor = self._sent_before(floor)
        for t in reversed(self.doc[floor : tok.i]):
            if t.tag_ != "NNS" or t.lemma_.lower() not in MEMBER_NOUNS or t.dep_ not in ("nsubj", "nsubjpass"):
                continue
            for c in t.children:
                es = self.m.at(c.i)
                if c.dep_ in ("compound", "amod", "poss", "nmod") and es is not None and \
                        es.entity.kind is EntityKind.ORGANISATION and not es.entity.country:
                    return [es.entity]
            return []  # the last such subject names no body: no guess
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
            group = uniq([e for e in group if e.kind in ACTOR_KINDS])
            if len(group) >= 2:
                return group
        return []

    def _counted_group(self, tok: Token, n: int) -> list[Entity]:
        """'Mali, Burkina Faso and Niger ... all three countries': the last `n` states named together
        (one coordinated phrase) in this sentence or the four before; [] when no list of that size is
        there, so that a count never picks states from different sentences."""
        floor = tok.sent.start
        for _ in range(4):
            floor = self._sent_before(floor)
        for es in reversed(self.m.spans):
            if es.start >= tok.i or es.start < floor or es.entity.kind is not EntityKind.STATE:
                continue
            group = uniq([e for c in _listed_with(self.doc[es.end - 1]) for e in self._resolve_one(c, 3)])
            if len(group) == n and all(e.kind is EntityKind.STATE for e in group):
                return [e for e in group if e.country not in self.exclude] if self.exclude else group
        return []

    def places(self, toks: list[Token]) -> list[Entity]:
        out = []
        for t in toks:
            for cand in (t, *[c for c in t.children if c.dep_ in ("compound", "amod", "nmod")]):
                es = self.m.at(cand.i)
                if es is not None and es.entity.kind is EntityKind.PLACE:
                    out.append(es.entity)
                    break
        return uniq(out)

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
        if who is None and self.m.is_quoted(sent[0]) and sent.start > 0:
            # '"...," the minister said. "We demand ..."': a quotation that goes on after its speaker
            prev = self.doc[sent.start - 1].sent
            if any(self.m.is_quoted(t) for t in prev) and any(
                    t.lemma_ in self.rules.speech and not self.m.is_quoted(t) for t in prev):
                who = self._sent_speaker.get(prev.start) or self.speaker(prev[0])
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

    def _official_publisher(self) -> Entity | None:
        """The publisher when its own voice is a party's: a state's or a government's or military's
        release judges; a news agency's report does not."""
        pub = self.m.publisher
        if pub is not None and (pub.kind is EntityKind.STATE or pub.sector in OWN_FORCES_SECTORS):
            return pub
        return None

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
        ents = uniq(ents)
        return ents if len(ents) == 2 and len({e.country for e in ents}) == 2 else []

    @staticmethod
    def _countries(ents: list[Entity]) -> set[str]:
        return {e.country for e in ents if e.country}

    def _state(self, iso3: str) -> Entity | None:
        return self.m.gz.entities.get(f"state:{iso3}")

    def _last_accuser(self) -> list[Entity]:
        """Whoever last accused the doers of the event being built ('X accused Y ... Y denied')."""
        denier = {a.country or a.id for a in self.actors_now}
        for ev in reversed(self.found):
            if ev.type == "Accusation" and ev.refers_to is None and ev.actors and any(
                    (r.country or r.id) in denier for r in ev.recipients) and not any(
                    (a.country or a.id) in denier for a in ev.actors):
                return ev.actors[:1]
        return []


def _listed_with(tok: Token) -> list[Token]:
    """The tokens of the list a token is in: its conjuncts and appositions, followed both ways (the
    parser often reads 'Mali, Burkina Faso and Niger' as an apposition with a conjunct)."""
    seen = {tok.i: tok}
    todo = [tok]
    while todo:
        t = todo.pop()
        near = [c for c in t.children if c.dep_ in ("conj", "appos")]
        if t.dep_ in ("conj", "appos"):
            near.append(t.head)
        for x in near:
            if x.i not in seen:
                seen[x.i] = x
                todo.append(x)
    return [seen[i] for i in sorted(seen)]
