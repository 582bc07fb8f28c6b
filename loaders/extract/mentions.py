"""Entity mentions in a Doc and their within-article coreference.

Names come from the gazetteer (PhraseMatcher over surface forms) and from spaCy's PERSON
entities; short forms and pronouns resolve to what they refer to: a surname to the person
named in full earlier ("Kim"), a definite description to the last organisation or state it fits
("the agency", "the government"), a title to the office holder on the article's date
("the president"), he/she/it/its to the last person or state, "we" inside a quotation to the
speaker and outside to the publisher.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from kg.model import Entity, EntityKind, entity_id
from loaders.extract.gazetteer import DEMONYM, METONYM, NAME, Gazetteer, Surface
from loaders.extract.lexicon import BODY_MEMBER_HEADS

ACTOR_KINDS = (EntityKind.STATE, EntityKind.PERSON, EntityKind.ORGANISATION, EntityKind.ARMED_GROUP)

# Titles that name an office; the holder is found by the article's date.
OFFICE_TITLES = {
    "president": ("head_of_state",),
    "leader": ("leader", "head_of_state"),
    "premier": ("head_of_government",),
    "chancellor": ("head_of_government",),
    "prime minister": ("head_of_government",),
    "foreign minister": ("foreign_minister",),
    "secretary of state": ("foreign_minister",),
    "defence minister": ("defence_minister",),
    "defense minister": ("defence_minister",),
    "defense secretary": ("defence_minister",),
    "secretary of defense": ("defence_minister",),
    "secretary-general": ("secretary_general",),
    "secretary general": ("secretary_general",),
}
# Titles of the heads of international bodies that, used alone ('the Secretary-General'), point back
# to the body's official named before.
BODY_TITLES = {"secretary general", "high representative", "director general", "chairperson", "high commissioner",
               "prosecutor", "special envoy", "special representative"}
# Descriptions that point back to the last state named.
# The armed forces of a state, named without it ('the army', 'the military').
ARMY_NOUNS = {"army", "military", "junta"}
STATE_NOUNS = {"country", "nation", "state", "regime", "government", "administration", "kingdom", "republic", "federation"}
# Descriptions that point back to the last organisation whose name or category has the word.
ORG_NOUNS = {"agency", "ministry", "council", "department", "commission", "organisation", "organization", "alliance",
             "bloc", "group", "union", "command", "committee", "party", "office", "militia", "militants", "rebels",
             "insurgents", "movement", "court", "parliament", "assembly", "service"}
# Heads of noun phrases that stand for the state that modifies them ("Russian forces", "the
# government of France", "Ukraine's Special Operations Forces").
ORGAN_HEADS = {"force", "forces", "troop", "troops", "army", "military", "navy", "government", "ministry", "president",
               "leader", "official", "officials", "spokesperson", "spokesman", "spokeswoman", "minister", "department",
               "authorities", "authority", "administration", "regime", "media", "soldier", "soldiers", "unit",
               "command", "guard", "militia", "police", "service", "services", "embassy", "diplomat", "envoy", "ambassador",
               "parliament", "party", "leadership", "commission", "council", "people", "delegation", "side",
               "counterpart", "agency", "coast", "fighter", "fighters", "jet", "warship", "ship", "vessel",
               "warplane", "aircraft", "plane", "helicopter", "drone", "gunboat", "tank",
               "separatist", "separatists", "rebels", "division", "brigade", "battalion", "operation", "operations",
               "cabinet", "chief", "commander", "general", "staff", "kremlin", "defence", "defense", "state",
               "security", "intelligence", "legislature", "court", "foreign", "secretary", "premier", "chancellor",
               "head", "chairperson", "chairman", "chairwoman", "representative", "mission", "team", "personnel", "corps",
               "marines", "airforce", "nation",
               "deputy", "deputies", "lawmaker", "lawmakers", "legislator", "member", "members", "family", "citizen",
               "citizens", "national", "nationals", "coastguard", "occupier", "occupiers",
               # businesses of a state, as event data code them ('three Chinese firms')
               "firm", "firms", "company", "companies", "bank", "banks", "entity", "entities", "individual",
               "individuals", "businessman", "businessmen", "executive", "executives", "oligarch", "oligarchs",
               # the fire of a side's weapons stands for the side ('Cambodian rocket fire hit ...')
               "fire", "gunfire", "shelling", "artillery", "barrage", "bombardment"}
# An official who speaks for a state or a body, linked to it ('a spokesperson for the EU').
OFFICIAL = "official"
OFFICIAL_NOUNS = {"spokesperson", "spokesman", "spokeswoman", "official", "officials", "envoy", "ambassador",
                  "minister", "diplomat", "diplomats", "representative", "negotiator", "chief", "secretary",
                  "head", "delegation", "delegate", "mission"}
# Titles of a state's offices ('President X', 'Prime Minister X', 'Foreign Minister X').
STATE_OFFICE_WORDS = {"president", "prime", "premier", "chancellor", "minister", "king", "queen", "prince", "sheikh"}
# Words that make a description ('the paramilitary group') one of an armed group.
ARMED_GROUP_WORDS = {"paramilitary", "rebel", "rebels", "militant", "armed", "insurgent", "jihadist", "separatist",
                     "extremist", "terrorist", "islamist", "guerrilla", "militia"}
# Titles written before a person's name ('President Bush', 'Senator X', 'Mr X').
PERSON_TITLES = {"president", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "senator", "sen.", "chancellor",
                 "premier", "minister", "secretary", "general", "gen.", "king", "queen", "prince", "governor", "mayor",
                 "ambassador", "envoy", "admiral", "colonel", "sheikh", "emir", "pope"}
SPOKES_NOUNS = {"spokesperson", "spokesman", "spokeswoman", "spokespeople", "spokesmen", "spokeswomen"}
# Bodies of a state whose unnamed official is the state's ('the foreign ministry spokesman').
STATE_BODY_WORDS = {"ministry", "foreign", "defence", "defense", "government", "presidential", "military", "army",
                    "interior", "state"}
# Prepositions that name where an official is posted or what they deal with, not whom they serve.
NOT_OWNER_PREPS = {"to", "toward", "towards", "with", "against"}
PRONOUNS_PERSON = {"he", "him", "his", "she", "her", "hers", "himself", "herself"}
PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "himself": "m", "she": "f", "her": "f", "hers": "f",
                  "herself": "f"}
PRONOUNS_THING = {"it", "its", "itself"}
REPORTING_VERBS = {"say", "state", "announce", "add", "insist", "claim", "declare", "confirm", "warn", "tell"}
PRONOUNS_PLURAL = {"they", "them", "their", "theirs", "themselves"}
PRONOUNS_FIRST = {"we", "us", "our", "ours", "i", "me", "my", "ourselves"}
QUOTE_OPEN, QUOTE_CLOSE = "\u201c", "\u201d"


@dataclass(frozen=True)
class EntitySpan:
    start: int
    end: int
    entity: Entity
    how: str
    # a named official of an international body ('UN Secretary-General X'), or of a state for someone
    # with no fixed country (see load_gazetteer): the person, kept beside the body or state as a
    # second party
    person: Entity | None = None


def build_matcher(nlp, gz: Gazetteer) -> PhraseMatcher:
    matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
    forms = sorted(gz.forms)
    for i in range(0, len(forms), 1000):
        matcher.add("GAZ", list(nlp.tokenizer.pipe(forms[i : i + 1000])))
    return matcher


def quoted_chars(text: str) -> list[bool]:
    """For each character: is it inside a quotation? Curly quotes open and close; straight
    double quotes toggle; a paragraph break closes any quotation left open."""
    inside, out = False, []
    for ch in text:
        if ch == QUOTE_OPEN:
            inside = True
        elif ch == QUOTE_CLOSE:
            out.append(inside)
            inside = False
            continue
        elif ch == '"':
            out.append(True)
            inside = not inside
            continue
        elif ch == "\n":
            inside = False
        out.append(inside)
    return out


class Mentions:
    """The entity mentions of one Doc, in order, with coreference for what is not a name."""

    def __init__(self, doc: Doc, gz: Gazetteer, matcher: PhraseMatcher, published: dt.date | None,
                 publisher: Entity | None = None) -> None:
        self.doc, self.gz, self.published, self.publisher = doc, gz, published, publisher
        self.by_token: dict[int, EntitySpan] = {}
        self.spans: list[EntitySpan] = []
        # person id -> the body or state they are named beside (one party, told by two entities)
        self.beside: dict[str, str] = {}
        self.quoted = quoted_chars(doc.text)
        self._find(matcher)

    # -- finding names -------------------------------------------------------------------
    def _find(self, matcher: PhraseMatcher) -> None:
        doc, gz = self.doc, self.gz
        spans: list[Span] = []
        for _, start, end in matcher(doc):
            spans.append(Span(doc, start, end, label="GAZ"))
        people = [Span(doc, ent.start, ent.end, label="PERSON") for ent in doc.ents if ent.label_ == "PERSON"]
        titled = {(p.start, p.end) for p in people if self._titled(p.start)}
        # 'President Bush': a name after a person's title is the person's, not a town's of that name
        spans = [s for s in spans if (s.start, s.end) not in titled or not self._place_name(s.text.strip())]
        spans += people
        # 'israel', 'iSrael' in informal text: a place the parser tags that only its casing keeps from
        # the gazetteer is looked up as a name is written, for states only
        for e in doc.ents:
            start = e.start + (doc[e.start].lower_ == "the")
            if e.label_ == "GPE" and start < e.end and _miscased(doc[start : e.end]) and self._state_cased(
                    doc[start : e.end].text) is not None:
                spans.append(Span(doc, start, e.end, label="CASED"))
        # Known names first, so that a new name can be linked to a state or body named after it
        # ('Defence Minister X of Kenya').
        named: list[tuple[Span, Entity | None, str]] = []
        for span in sorted(filter_spans(spans), key=lambda s: s.start):
            text = span.text.strip()
            surface = gz.lookup(text) if span.label_ == "GAZ" else gz.lookup(text) or gz.lookup(_trim_person(span).text)
            if span.label_ == "CASED":
                surface = self._state_cased(text)
            if surface is not None and (span.start, span.end) in titled and self._place_name(text):
                surface = None
            if surface is not None and surface.how == DEMONYM and gz.entities[surface.entity].kind is EntityKind.ORGANISATION \
                    and doc[span.end - 1].head.lemma_.lower() not in BODY_MEMBER_HEADS:
                surface = None  # 'Southeast Asian ministers' are ASEAN's; 'Southeast Asian waters' name no one
            if surface is not None:
                ent = gz.entities[surface.entity]
                named.append((span, ent, surface.how))
                self._add(self._acting(span.start, span.end, ent, surface.how))
            elif span.label_ == "PERSON":
                named.append((span, None, NAME))
        self._shared_demonyms()
        self._compass_short_forms()
        self._capitals_as_places()
        full_names: dict[str, Entity] = {}
        self._given: dict[str, set[str]] = {}
        self._new: dict[str, Entity] = {}
        for span, known, _how in named:
            ent = known
            if ent is None:
                ent = self._person(span, full_names)
                if ent is None:
                    continue
                self._add(self._new_person(span, ent))
            if ent.kind is EntityKind.PERSON and len(ent.name.split()) > 1:
                # the family name as the gazetteer knows it ('Kim' for Kim Jong Un), else the last word
                for short in dict.fromkeys((gz.surname_of.get(ent.id), ent.name.split()[-1])):
                    if short:
                        full_names.setdefault(short, ent)
                        # 'Assad' for al-Assad, 'Sisi' for el-Sisi: the family name without its article
                        if short[:3].lower() in ("al-", "el-", "ad-", "as-", "an-", "ar-", "at-", "az-") and len(short) > 5:
                            full_names.setdefault(short[3:], ent)
                if ent.id not in gz.entities:
                    # a new name's first word, for names whose bearer goes by it ('Anwar' for Anwar
                    # Ibrahim); used only when no one else named so far has it
                    self._given.setdefault(ent.name.split()[0], set()).add(ent.id)
                    self._new[ent.id] = ent
        # Surnames that spaCy did not tag as a person ("Kim", "Lukin" as subjects).
        for tok in doc:
            if tok.i in self.by_token or tok.pos_ != "PROPN":
                continue
            known = full_names.get(tok.text)
            if known is not None:
                self._add(self._acting(tok.i, tok.i + 1, known, "surname"))
        self._unnamed_officials()
        self.spans.sort(key=lambda s: s.start)

    def _acting(self, start: int, end: int, ent: Entity, how: str) -> EntitySpan:
        """A known person acts for the international body whose office they hold (the UN
        Secretary-General for the UN); anyone else as themselves."""
        if ent.kind is EntityKind.PERSON and ent.offices:
            body = self.gz.acts_for(ent, self.published)
            if body is not None:
                return EntitySpan(start, end, body, OFFICIAL, ent if ent.country is None else None)
            # someone with a state career and an international one (Rutte, Tusk, von der Leyen) has
            # no fixed country: in their state years the state is named beside them, so that their
            # acts count for it then and not in their years at NATO or the EU
            state = self.gz.state_served(ent, self.published)
            if state is not None:
                return EntitySpan(start, end, state, OFFICIAL, ent)
        return EntitySpan(start, end, ent, how)

    def _new_person(self, span: Span, person: Entity) -> EntitySpan:
        """A name the gazetteer does not know: the person, or the international body their title
        says they speak for ('UN envoy X', 'a spokesperson of the EU, X')."""
        if person.country is None and person.id not in self.gz.entities:
            owner = self._affiliation(span)
            if owner is not None and owner.kind is EntityKind.ORGANISATION and not owner.country:
                return EntitySpan(span.start, span.end, owner, OFFICIAL, person)
        return EntitySpan(span.start, span.end, person, NAME)

    def _capitals_as_places(self) -> None:
        """'In Brussels, a spokesperson ...', 'told reporters in Addis Ababa': a capital after 'in'
        or 'at' is where something happens, the city, not the state it otherwise stands for."""
        for k, es in enumerate(self.spans):
            if es.how != METONYM or es.entity.kind is not EntityKind.STATE:
                continue
            capital = self.gz.capitals.get(es.entity.id)
            span = self.doc[es.start : es.end]
            if capital is None or _strip_article(span.text) not in (capital.name, capital.name.replace("-", " ")):
                continue
            root = span.root
            if root.dep_ == "pobj" and root.head.lower_ in ("in", "at") and root.head.dep_ == "prep":
                place = EntitySpan(es.start, es.end, capital, NAME)
                self.spans[k] = place
                for i in range(es.start, es.end):
                    self.by_token[i] = place

    def _compass_short_forms(self) -> None:
        """'the North', 'the South's claims': the state named 'North ...' / 'South ...' in the
        article, when only one is (North Korea in an article on the Koreas)."""
        named = {es.entity.id: es.entity for es in self.spans if es.entity.kind is EntityKind.STATE}
        for tok in self.doc:
            if tok.text not in ("North", "South", "East", "West") or tok.i in self.by_token:
                continue
            if tok.i == 0 or self.doc[tok.i - 1].lower_ != "the" or tok.dep_ in ("compound", "amod"):
                continue
            nxt = self.doc[tok.i + 1] if tok.i + 1 < len(self.doc) else None
            if nxt is not None and nxt.text[:1].isupper() and nxt.pos_ == "PROPN":
                continue  # 'the North Atlantic', 'the South China Sea'
            meant = [e for e in named.values() if e.name.startswith(tok.text + " ")]
            if len(meant) == 1:
                self._add(EntitySpan(tok.i, tok.i + 1, meant[0], METONYM))

    def _shared_demonyms(self) -> None:
        """A demonym several states share ('Congolese') is the one of them the article names."""
        shared = self.gz.shared_demonyms
        if not shared:
            return
        named = {es.entity.id for es in self.spans if es.entity.kind is EntityKind.STATE and es.how != DEMONYM}
        for tok in self.doc:
            states = shared.get(tok.text)
            if states is None or tok.i in self.by_token:
                continue
            meant = [s for s in states if s in named]
            if len(meant) == 1:
                self._add(EntitySpan(tok.i, tok.i + 1, self.gz.entities[meant[0]], DEMONYM))

    def _unnamed_officials(self) -> None:
        """'a spokesperson for the EU's foreign service': a spokesperson who speaks for a state or
        body named after 'for' is that state or body ('the UN envoy for Syria' deals with Syria,
        and is left to its own modifiers)."""
        for tok in self.doc:
            if tok.i in self.by_token or tok.lemma_.lower() not in SPOKES_NOUNS or tok.pos_ not in ("NOUN", "PROPN"):
                continue
            if any(c.dep_ in ("poss", "compound", "amod", "nmod") and c.i in self.by_token for c in tok.children):
                continue
            for prep in tok.children:
                if prep.dep_ != "prep" or prep.lower_ != "for":
                    continue
                for obj in prep.children:
                    if obj.dep_ != "pobj":
                        continue
                    owner = self._owner_of(obj)
                    if owner is not None:
                        self._add(EntitySpan(tok.i, tok.i + 1, owner, OFFICIAL))
                        break

    def _owner_of(self, tok: Token) -> Entity | None:
        """The state or body a noun names, itself or as its owner ('the EU's foreign service')."""
        for cand in (tok, *[c for c in tok.children if c.dep_ in ("poss", "compound", "amod", "nmod")]):
            es = self.by_token.get(cand.i)
            if es is not None and es.entity.kind in (EntityKind.STATE, EntityKind.ORGANISATION, EntityKind.ARMED_GROUP):
                return es.entity
            if cand.dep_ == "poss" and cand.lower_ in ("its", "their"):
                # 'a spokesman for its foreign ministry': the state or body 'its' stands for
                return self.pronoun(cand, None) if cand.lower_ == "its" else None
        return None

    def _add(self, es: EntitySpan) -> None:
        self.spans.append(es)
        if es.person is not None:
            self.beside[es.person.id] = es.entity.id
        for i in range(es.start, es.end):
            self.by_token[i] = es

    def _person(self, span: Span, full_names: dict[str, Entity]) -> Entity | None:
        span = _trim_person(span)
        text = span.text.strip()
        if text and text.islower() and len(text.split()) == 1 and self._titled(span.start):
            text = text.capitalize()  # 'President obama' in informal text: the title vouches for the name
        if not text or not text[0].isupper():
            return None
        words = text.split()
        if len(words) == 1:
            if words[0] in full_names:
                return full_names[words[0]]
            ids = self.gz.surnames.get(words[0], [])
            alive = [i for i in ids if self._active(self.gz.entities[i])]
            if len(alive) == 1:
                return self.gz.entities[alive[0]]
            given = self._given.get(words[0], set())
            if not alive and len(given) == 1:
                return self._new[next(iter(given))]
            if ids or not self._titled(span.start) or not self._state_titled(span):
                return None
            # 'President Bush' with no Bush known: a new person, of the state named with the title
            # ('King Hassan of Morocco'); else of none (not the article's main state: a surname and a
            # title are too little to tell which state's president)
            owner = self._affiliation(span)
            return Entity(id=entity_id(EntityKind.PERSON, text), name=text, kind=EntityKind.PERSON,
                          country=owner.country if owner is not None else None)
        if words[-1] in self.gz.surnames and words[0] in {"Mr", "Mr.", "Mrs", "Ms", "Ms.", "Dr", "Dr."}:
            return full_names.get(words[-1])
        owner = self._affiliation(span)
        if owner is None and self._state_titled(span):
            owner = self._said_in(span) or self.main_state(span.start)  # 'President X said' in an article about one state
        if owner is None:
            owner = self._unnamed_body_official(span)
        country = owner.country if owner is not None else None
        return Entity(id=entity_id(EntityKind.PERSON, text), name=text, kind=EntityKind.PERSON, country=country)

    def _unnamed_body_official(self, span: Span) -> Entity | None:
        """'A spokesman for the ruling military, Major General X', 'an official of the government, X':
        a state's organ named without its state is the state whose forces or government the article
        speaks of (see army_state)."""
        root = span.root
        if root.dep_ != "appos" or root.head.lemma_.lower() not in OFFICIAL_NOUNS:
            return None
        for prep in root.head.children:
            if prep.dep_ != "prep" or prep.lower_ not in ("for", "of"):
                continue
            for body in prep.children:
                if body.dep_ != "pobj" or body.i in self.by_token or any(
                        self.by_token.get(c.i) for c in body.children if c.dep_ in ("poss", "amod", "compound")):
                    continue
                lemma = body.lemma_.lower()
                if lemma in ARMY_NOUNS:
                    return self.army_state(body)
                if lemma in ("government", "authorities", "ministry", "administration"):
                    return self.main_state(span.start)
        return None

    def _said_in(self, span: Span) -> Entity | None:
        """'In Kampala, government spokesman X said': the state of the city the clause opens in."""
        for tok in span.sent[: span.start - span.sent.start]:
            if tok.dep_ == "prep" and tok.lower_ == "in" and tok.head.i == span.root.head.i:
                for obj in tok.children:
                    es = self.by_token.get(obj.i)
                    if obj.dep_ == "pobj" and es is not None and es.entity.kind is EntityKind.PLACE and es.entity.country:
                        return self.gz.entities.get(f"state:{es.entity.country}")
        return None

    def _titled(self, start: int) -> bool:
        """Is the word at `start` right after a person's title written as one ('President', 'Mr')?"""
        return start > 0 and self.doc[start - 1].lower_ in PERSON_TITLES and self.doc[start - 1].text[0].isupper()

    def _state_cased(self, text: str) -> Surface | None:
        """The state a wrongly cased name names ('iSrael', 'united states'), if any."""
        for form in (text.capitalize(), text.title()):
            surface = self.gz.lookup(form)
            if surface is not None and form != text and self.gz.entities[surface.entity].kind is EntityKind.STATE:
                return surface
        return None

    def _place_name(self, text: str) -> bool:
        surface = self.gz.lookup(text)
        return surface is not None and self.gz.entities[surface.entity].kind is EntityKind.PLACE

    def _state_titled(self, span: Span) -> bool:
        """Is the name introduced by the title of a state's office ('President X', 'Foreign
        Minister X')? Titles of a body ('UN envoy X') have their body beside them instead."""
        doc = self.doc
        j = span.start - 1
        title_words = _TITLE_WORDS | OFFICIAL_NOUNS | STATE_BODY_WORDS
        while j >= 0 and doc[j].lower_ in title_words and doc[j].lower_ != "the":
            j -= 1
        words = {t.lower_ for t in doc[j + 1 : span.end]}
        # 'President X', or an official of a state's body: 'Foreign ministry spokesman X'
        return bool(words & STATE_OFFICE_WORDS) or bool(words & OFFICIAL_NOUNS and words & STATE_BODY_WORDS)

    def _active(self, person: Entity) -> bool:
        return not person.offices or any(o.covers(self.published) for o in person.offices) or self.published is None

    def _affiliation(self, span: Span) -> Entity | None:
        """The state or body a new name belongs to, from its title or apposition ("Russian President
        X", "X, president of Ukraine", "X, a professor at Russia's ... University", "Defence Minister
        X of Kenya", "Rwanda's ambassador to the UN, X", "UN envoy X"): a state, an organisation of a
        state, or an international body when no state is named."""
        frontier = [span.root]
        inside = set(range(span.start, span.end))
        head = span.root.head
        if span.root.dep_ == "appos" and head.i not in inside and (
                head.lemma_.lower() in ORGAN_HEADS or head.lower_ in _TITLE_WORDS):
            frontier.append(head)  # the title the name stands beside
            inside.add(head.i)
        # A modifier of the name or its title ('Russian', 'UN', "Rwanda's") outranks a state after
        # 'of' ('Minister X of Kenya'), which outranks one further off ('the UN envoy for Syria, X'
        # is the UN's, 'a professor at Russia's ... University' Russia's when nothing else is).
        seen = 0
        found: list[tuple[int, int, Entity]] = []
        queue: list[tuple[Token, int]] = [(t, 0) for t in frontier]
        while queue and seen < 12:
            tok, rank = queue.pop(0)
            for child in tok.children:
                if child.i in inside:
                    if child.i != tok.i and child.i in range(span.start, span.end):
                        queue.append((child, rank))
                    continue
                if child.dep_ not in ("compound", "amod", "appos", "prep", "pobj", "poss", "nmod", "npadvmod"):
                    continue
                if child.dep_ == "prep" and child.lower_ in NOT_OWNER_PREPS and tok.i not in range(span.start, span.end):
                    continue  # 'ambassador to the UN': where the official is posted
                seen += 1
                r = rank
                if child.dep_ == "prep":
                    r = max(rank, 1 if child.lower_ == "of" else 2)
                es = self.by_token.get(child.i)
                if es is not None and es.entity.kind is not EntityKind.PERSON and (
                        es.entity.country or es.entity.kind is EntityKind.ORGANISATION):
                    found.append((r, 0 if es.entity.country else 1, es.entity))
                queue.append((child, r))
        if not found:
            return None
        return min(found, key=lambda f: (f[0], f[1]))[2]

    # -- resolving what a token refers to --------------------------------------------------
    def at(self, i: int) -> EntitySpan | None:
        return self.by_token.get(i)

    def is_quoted(self, tok: Token) -> bool:
        return tok.idx < len(self.quoted) and self.quoted[tok.idx]

    def recent(self, before: int, kinds: tuple[EntityKind, ...], within_sents: int = 3,
               exclude: set[str] | frozenset[str] = frozenset(), gender: str | None = None) -> Entity | None:
        doc = self.doc
        sent_floor = _sent_index(doc, before) - within_sents
        for es in reversed(self.spans):
            if es.start >= before:
                continue
            if _sent_index(doc, es.start) < sent_floor:
                return None
            if es.how == OFFICIAL:
                # an official speaking for a state or body: he/she is that state or body
                if EntityKind.PERSON in kinds and es.entity.country not in exclude:
                    return es.entity
                continue
            if es.entity.kind in kinds and es.entity.country not in exclude:
                if es.how == DEMONYM and es.entity.kind is EntityKind.STATE and kinds == (EntityKind.PERSON,):
                    continue
                if gender and self.gz.gender.get(es.entity.id, gender) != gender:
                    continue  # 'she' is not the brother named in her apposition
                return es.entity
        return None

    def main_state(self, before: int, exclude: set[str] | frozenset[str] = frozenset()) -> Entity | None:
        """The state the article is about so far; 'the foreign ministry spokesman' is its official."""
        counts: dict[str, int] = {}
        subject: dict[str, int] = {}
        first: dict[str, int] = {}
        for es in self.spans:
            if es.start >= before:
                break
            if es.entity.kind is EntityKind.STATE and es.entity.country not in exclude:
                counts[es.entity.id] = counts.get(es.entity.id, 0) + 1
                root = self.doc[es.start : es.end].root
                acts = root.dep_ == "nsubj" or (root.dep_ == "poss" and root.head.dep_ == "nsubj")
                if acts and not self.is_quoted(root):
                    subject[es.entity.id] = subject.get(es.entity.id, 0) + 1
                    first.setdefault(es.entity.id, es.start)
        if not counts:
            return None
        # the state that acts most often (the active subject of a clause outside quotations), the
        # first to act when as often, then the one named most often
        best = max(counts, key=lambda k: (subject.get(k, 0), -first.get(k, before), counts[k]))
        return self.gz.entities.get(best)

    def sides(self, before: int, exclude: set[str] | frozenset[str] = frozenset()) -> list[Entity]:
        """'both sides', 'both parties', 'both governments', 'the two neighbours': the two parties
        the article is about so far, by how often each is named before the token. A state, its
        organs and people are one side; an armed group is a side of its own (a rebel force and
        the army of its state); international bodies and the states in `exclude` (the speaker's
        own) are none. Each side is given by its state, or by the armed group; [] unless two
        sides are each named at least twice and a third, if any, less often than the second."""
        counts: dict[str, int] = {}
        first: dict[str, int] = {}
        for es in self.spans:
            if es.start >= before:
                break
            ent = es.entity
            if ent.kind is EntityKind.ARMED_GROUP:
                key = ent.id
            elif ent.kind in (EntityKind.STATE, EntityKind.PERSON, EntityKind.ORGANISATION) and ent.country:
                key = f"state:{ent.country}"
            else:
                continue
            if ent.country in exclude and ent.kind is not EntityKind.ARMED_GROUP:
                continue
            counts[key] = counts.get(key, 0) + 1
            first.setdefault(key, es.start)
        ranked = sorted(counts, key=lambda k: (-counts[k], first[k]))
        if len(ranked) < 2 or counts[ranked[1]] < 2 or (len(ranked) > 2 and counts[ranked[2]] == counts[ranked[1]]):
            return []
        out = [self.gz.entities.get(k) for k in ranked[:2]]
        return [e for e in out if e is not None] if all(out) else []

    def office_holder(self, title: str, state: str | None) -> Entity | None:
        roles = OFFICE_TITLES.get(title)
        if roles is None or state is None:
            return None
        holders = self.gz.holders(state, roles, self.published)
        if len(holders) != 1:
            return None
        # one with no fixed country ('the prime minister' for Tusk in 2024) stands for the state here
        return holders[0] if holders[0].country else self.gz.entities.get(f"state:{state}")

    def one_party(self, a: Entity, b: Entity) -> bool:
        """Whether two entities are one party: the same, or a person and the body or state they were
        named beside ('UN Secretary-General X': X and the UN)."""
        return a.id == b.id or self.beside.get(a.id) == b.id or self.beside.get(b.id) == a.id

    def _body_of_titled_official(self, tok: Token) -> Entity | None:
        """'UN Secretary-General X said ... The Secretary-General urged': the body of the named official
        of an international body told of before (five sentences at most) whose office on the day bears
        the title; the person is found beside it by `official_of`."""
        mods = [c.lower_ for c in tok.children if c.dep_ in ("compound", "amod") and c.i < tok.i]
        title = _plain_title(" ".join([*mods[-1:], tok.lower_]))
        if title not in BODY_TITLES and _plain_title(tok.lower_) not in BODY_TITLES:
            return None
        floor = _sent_index(self.doc, tok.i) - 5
        for es in reversed(self.spans):
            if es.start >= tok.i or es.person is None or es.entity.kind is not EntityKind.ORGANISATION:
                continue
            if _sent_index(self.doc, es.start) < floor:
                return None
            if any(_plain_title(o.title) in (title, _plain_title(tok.lower_)) and o.covers(self.published)
                   for o in es.person.offices if o.organisation):
                return es.entity
        return None

    def _holder_named_before(self, tok: Token, roles: tuple[str, ...]) -> Entity | None:
        """'President Biden arrived ... The President met': the person named within four sentences
        before who holds one of the roles of a state on the day."""
        return self._office_named_before(tok, 4, lambda o: o.role in roles and bool(o.state))

    def _secretary_named_before(self, tok: Token) -> Entity | None:
        """'Secretary Blinken met ... The Secretary condemned': a bare 'the Secretary' (a US readout's
        way) is the person named within five sentences before whose office on the day is a secretary's."""
        if tok.lower_ != "secretary" or any(c.dep_ in ("compound", "amod", "prep", "poss") for c in tok.children):
            return None
        return self._office_named_before(tok, 5, lambda o: "secretary" in o.title.lower())

    def _office_named_before(self, tok: Token, within: int, fits) -> Entity | None:
        """The party of the person named last, within `within` sentences before `tok`, with an office
        that `fits` on the day; the publisher's own first, since a government's or department's
        release speaks of its own ('Secretary Austin hosted Philippine Secretary of National Defense X
        ... The Secretary reaffirmed': Austin in a DoD readout)."""
        floor = _sent_index(self.doc, tok.i) - within
        found: list[Entity] = []
        for es in reversed(self.spans):
            if es.start >= tok.i:
                continue
            if _sent_index(self.doc, es.start) < floor:
                break
            person = es.person or (es.entity if es.entity.kind is EntityKind.PERSON else None)
            if person is not None and any(fits(o) and o.covers(self.published) for o in person.offices):
                found.append(es.entity)
        own = [e for e in found if self.publisher is not None and e.country == self.publisher.country]
        return (own or found or [None])[0]

    def official_of(self, body: Entity, before: int) -> Entity | None:
        """The named official last told to speak for an international body before token `before`
        ('UN Secretary-General X said ... He urged'): the person kept beside the body."""
        for es in reversed(self.spans):
            if es.start < before and es.person is not None and es.entity.id == body.id:
                return es.person
        return None

    def pronoun(self, tok: Token, speaker: Entity | None) -> Entity | None:
        low = tok.lower_
        if low in PRONOUNS_PERSON:
            gender = PRONOUN_GENDER.get(low)
            kept = self._subject_continued(tok, 0, gender)
            if kept is not None:
                return kept
            return self.recent(tok.i, (EntityKind.PERSON,), gender=gender, exclude=self._clause_subject_states(tok))
        if low in PRONOUNS_THING:
            kept = self._subject_continued(tok, 0) or self._reporter(tok)
            if kept is not None:
                return kept
            return self.recent(tok.i, (EntityKind.STATE, EntityKind.ORGANISATION, EntityKind.ARMED_GROUP), 2)
        if low in PRONOUNS_FIRST:
            if self.is_quoted(tok):
                return speaker
            return self.publisher
        return None

    def _clause_subject_states(self, tok: Token) -> frozenset[str]:
        """'Erdogan hosted X ... Erdogan thanked him': 'him' / 'her' as an object is not the subject of its
        clause ('himself' would be), so not of the subject's state: the state of the clause's subject."""
        if tok.lower_ not in ("him", "her") or tok.dep_ not in ("dobj", "pobj", "dative"):
            return frozenset()
        verb = tok.head
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
            verb = verb.head
        while verb.dep_ == "conj" and not any(c.dep_ == "nsubj" for c in verb.children):
            verb = verb.head  # 'X welcomed the guest and thanked him': X is the subject of both
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        es = self.by_token.get(subj.i) if subj is not None else None
        if es is None or not es.entity.country or es.entity.kind is not EntityKind.PERSON:
            return frozenset()
        return frozenset({es.entity.country})

    def _reporter(self, tok: Token) -> Entity | None:
        """'X said it was monitoring ...': 'it' subject of what X says is X (a state or a body)."""
        if tok.lower_ != "it" or tok.dep_ != "nsubj" or tok.head.dep_ != "ccomp" or self.is_quoted(tok):
            return None
        verb = tok.head.head
        if verb.lemma_ not in REPORTING_VERBS:
            return None
        for subj in verb.children:
            if subj.dep_ == "nsubj" and (es := self.by_token.get(subj.i)) is not None and es.entity.kind in (
                    EntityKind.STATE, EntityKind.ORGANISATION, EntityKind.ARMED_GROUP):
                return es.entity
        return None

    def _subject_continued(self, tok: Token, depth: int, gender: str | None = None) -> Entity | None:
        """'it'/'its' in a sentence whose first subject is 'it' is what that subject is; a sentence's
        first subject 'it' continues the subject of the sentence before ('Egypt's ministry said ...
        It condemned ...'), when that is a state or a body; else None (the last one named)."""
        if depth > 3 or self.is_quoted(tok):
            return None
        sent = tok.sent
        person = gender is not None
        same = PRONOUNS_PERSON if person else ("it", "its")
        first = next((t for t in sent if t.dep_ in ("nsubj", "nsubjpass") and not self.is_quoted(t)), None)
        if first is None or first.i > tok.i:
            return None
        if first.i != tok.i:
            if first.lower_ in same and PRONOUN_GENDER.get(first.lower_) == gender and first.i < tok.i:
                return self._subject_continued(first, depth + 1, gender)
            return None
        if tok.dep_ not in ("nsubj", "nsubjpass"):
            return None
        j = sent.start - 1
        while j >= 0 and self.doc[j].is_space:
            j -= 1
        if j < 0:
            return None
        prev = self.doc[j].sent
        subj = next((c for c in prev.root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None:
            return None
        if subj.lower_ in same and PRONOUN_GENDER.get(subj.lower_) == gender:
            return self._subject_continued(subj, depth + 1, gender)
        if person:
            # 'Putin met Kim ... He thanked': the person the sentence before is about
            es = self.by_token.get(subj.i)
            if es is None and subj.lower_ in ("spokesman", "spokeswoman", "spokesperson", "official", "envoy", "minister"):
                # 'A Chinese navy spokesman said ... He accused': the body or state the unnamed official speaks for
                body = next((e for c in subj.children if c.dep_ in ("compound", "amod", "poss")
                             and (e := self.by_token.get(c.i)) is not None and e.entity.kind is not EntityKind.PLACE), None)
                noun_gender = {"spokesman": "m", "spokeswoman": "f"}.get(subj.lower_)
                return body.entity if body is not None and noun_gender in (None, gender) else None
            if es is None or (es.entity.kind is not EntityKind.PERSON and es.how != OFFICIAL):
                return None
            return es.entity if self.gz.gender.get(es.entity.id, gender) == gender else None
        ent = self._subject_entity(subj)
        if ent is not None and ent.kind in (EntityKind.STATE, EntityKind.ORGANISATION, EntityKind.ARMED_GROUP):
            return ent
        return None

    def _subject_entity(self, subj: Token) -> Entity | None:
        """The state or body a subject names: itself, its owner ('Azerbaijan's defence ministry'),
        the same noun named with its owner before ('the ministry'), or what its description fits."""
        es = self.by_token.get(subj.i)
        if es is not None:
            return es.entity
        owner = self._owner_of(subj)
        if owner is not None:
            return owner
        if not any(c.lower_ in ("the", "this", "that") for c in subj.children):
            return None
        lemma = subj.lemma_.lower()
        for j in range(subj.i - 1, -1, -1):
            prev = self.doc[j]
            if prev.lemma_.lower() == lemma and prev.pos_ in ("NOUN", "PROPN"):
                owner = self.by_token.get(prev.i)
                owner = owner.entity if owner is not None else self._owner_of(prev)
                if owner is not None:
                    return owner
        return self.description(subj)

    @staticmethod
    def _body_words(tok: Token) -> bool:
        """'the foreign ministry', 'the Ministry of Defence', 'the Department of Foreign Affairs'."""
        words = [c for c in tok.children if c.dep_ in ("compound", "amod")]
        words += [o for p in tok.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]
        words += [c for o in words if o.lower_ == "affairs" for c in o.children if c.dep_ in ("compound", "amod")]
        return any(c.lower_ in STATE_BODY_WORDS for c in words)

    def speaker_state(self, tok: Token, skip: set[str] | frozenset[str] = frozenset()) -> Entity | None:
        """The state of whoever says the clause `tok` is in ('Prime Minister X said the army would ...',
        'He said the government would ...'), when the speaker is a named person or state of one."""
        head = tok.head
        while head.dep_ != "ROOT" and head.lemma_ not in REPORTING_VERBS:
            head = head.head
        if head.lemma_ not in REPORTING_VERBS or head.i == tok.i:
            return None
        for subj in head.children:
            es = self.by_token.get(subj.i)
            if subj.dep_ == "nsubj" and es is not None and es.entity.kind in (EntityKind.PERSON, EntityKind.STATE) \
                    and es.entity.country and es.entity.country not in skip:
                return self.gz.entities.get(f"state:{es.entity.country}")
        return None

    def army_state(self, tok: Token, exclude: set[str] | frozenset[str] = frozenset(),
                   troops: frozenset[str] = frozenset()) -> Entity | None:
        """'the army', 'the military', 'army aircraft' with no state named: the armed forces of the
        state whose forces were last named ('Malian soldiers ... The army denied'), else of the state
        the article is about; never a state the clause acts on ('the army shelled Ruritania')."""
        acted_on = {self.by_token[t.i].entity.country for t in tok.head.subtree
                    if t.i in self.by_token and not (tok.left_edge.i <= t.i <= tok.right_edge.i)
                    and self.by_token[t.i].entity.kind is EntityKind.STATE}
        skip = set(exclude) | {c for c in acted_on if c}
        spoken = self.speaker_state(tok, skip)  # 'Prime Minister X said the army would send ...'
        if spoken is not None:
            return spoken
        for t in reversed(self.doc[: tok.left_edge.i]):
            if t.lemma_.lower() in ARMY_NOUNS or t.lemma_.lower() in troops:
                if t.dep_ == "conj" and (t.head.lemma_.lower() in ARMY_NOUNS or t.head.lemma_.lower() in troops):
                    continue  # 'Malian soldiers and Russian fighters': the first named
                own = self.by_token.get(t.i)  # 'Sudan's army' known as the state's armed forces
                if own is not None and own.entity.kind is EntityKind.ORGANISATION and own.entity.country \
                        and own.entity.country not in skip:
                    return own.entity
                for c in t.children:
                    es = self.by_token.get(c.i)
                    if c.dep_ in ("amod", "poss", "compound") and es is not None and \
                            es.entity.kind is EntityKind.STATE and es.entity.country not in skip:
                        return es.entity
        return self.main_state(tok.i, skip)

    def opening_place_state(self, tok: Token) -> Entity | None:
        """'In Ankara, the Defence Ministry said ...': the state of the place the sentence opens with
        ('In <place>,'), for a body of no named state in that sentence; None when it opens otherwise."""
        lead = tok.sent[0]
        if lead.lower_ != "in" or lead.dep_ != "prep" or lead.i >= tok.i or lead.i + 2 >= len(self.doc) or \
                not any(t.text == "," for t in self.doc[lead.i + 2 : min(lead.i + 5, tok.i)]):
            return None
        for obj in lead.children:
            es = self.by_token.get(obj.i)
            if obj.dep_ == "pobj" and es is not None and es.entity.kind is EntityKind.PLACE and es.entity.country:
                return self.gz.entities.get(f"state:{es.entity.country}")
        return None

    def description(self, tok: Token, exclude: set[str] | frozenset[str] = frozenset()) -> Entity | None:
        """'the agency', 'the government', 'the president': the last entity the description fits."""
        if not any(c.lower_ in ("the", "this", "that") for c in tok.children):
            return None
        lemma = tok.lemma_.lower()
        body = self._body_of_titled_official(tok)
        if body is not None:
            return body
        if (secretary := self._secretary_named_before(tok)) is not None:
            return secretary
        title = _title(tok)
        if title in OFFICE_TITLES:
            if not any(c.dep_ in ("amod", "compound", "poss", "prep") for c in tok.children) and (
                    holder := self._holder_named_before(tok, OFFICE_TITLES[title])) is not None:
                return holder  # 'President Biden spoke with X ... The President said': Biden
            state = self.recent(tok.i, (EntityKind.STATE,), 4) or self.publisher
            return self.office_holder(title, state.country if state else None)
        if lemma in STATE_NOUNS:
            return self.recent(tok.i, (EntityKind.STATE,), 3, exclude)
        if lemma in ("ministry", "department") and not self._body_words(tok):
            # 'the department' after 'the Department of Foreign Affairs': what that one stands for
            prev = next((t for t in reversed(self.doc[: tok.i]) if t.lemma_.lower() == lemma and self._body_words(t)), None)
            if prev is not None:
                return self.by_token[prev.i].entity if prev.i in self.by_token else self.description(prev, exclude)
        if (lemma in ("ministry", "department") and self._body_words(tok)) or (lemma in OFFICIAL_NOUNS and any(
                c.dep_ in ("compound", "amod") and c.lower_ in STATE_BODY_WORDS for c in tok.children)):
            # 'the foreign ministry spokeswoman in Moscow': the state where the body sits
            for prep in tok.children:
                if prep.dep_ == "prep" and prep.lower_ == "in":
                    for obj in prep.children:
                        es = self.by_token.get(obj.i)
                        if es is not None and es.entity.kind is EntityKind.STATE:
                            return es.entity
                        if es is not None and es.entity.kind is EntityKind.PLACE and es.entity.country:
                            return self.gz.entities.get(f"state:{es.entity.country}")
            if (opened := self.opening_place_state(tok)) is not None:
                return opened  # 'In Ankara, the Defence Ministry said'
            # else the state the article is about, unless it is whom the official's clause acts on
            acted_on = {self.by_token[t.i].entity.country for t in tok.head.subtree
                        if t.i in self.by_token and not (tok.left_edge.i <= t.i <= tok.right_edge.i)}
            return self.main_state(tok.i, set(exclude) | {c for c in acted_on if c})
        if lemma in ORG_NOUNS or tok.lower_ in ORG_NOUNS:
            # 'the paramilitary group', 'the rebel movement': an armed group, not any organisation
            armed = any(c.dep_ in ("amod", "compound") and c.lower_ in ARMED_GROUP_WORDS for c in tok.children)
            # 'the rebels', 'the militants': the word itself says armed group, whatever its category
            own_word = tok.lower_ in ARMED_GROUP_WORDS or lemma in ARMED_GROUP_WORDS
            armed = armed or own_word
            for es in reversed(self.spans):
                fits = lemma in self.gz.categories.get(es.entity.id, es.entity.name.lower()) or lemma in (
                    "group", "organisation", "organization") or (own_word and es.entity.kind is EntityKind.ARMED_GROUP)
                if armed and es.entity.kind is not EntityKind.ARMED_GROUP:
                    continue
                if es.start < tok.i and es.entity.kind in (EntityKind.ORGANISATION, EntityKind.ARMED_GROUP) and fits:
                    return es.entity
            # 'the Council' in a release of the Council of the EU: the publisher speaks of itself
            pub = self.publisher
            if pub is not None and lemma in {w.lower() for w in pub.name.split()}:
                return pub
        return None


def _strip_article(text: str) -> str:
    return text[4:] if text.lower().startswith("the ") else text


def _plain_title(text: str) -> str:
    return text.lower().replace("-", " ").strip()


def _title(tok: Token) -> str:
    mods = [c.lower_ for c in tok.children if c.dep_ in ("compound", "amod") and c.i < tok.i]
    two = " ".join([*mods[-1:], tok.lower_])
    return two if two in OFFICE_TITLES else tok.lemma_.lower()


def _sent_index(doc: Doc, i: int) -> int:
    # sentence starts are cached on the doc by the caller through user_data
    starts = doc.user_data.get("_sent_starts")
    if starts is None:
        starts = [s.start for s in doc.sents]
        doc.user_data["_sent_starts"] = starts
    lo, hi = 0, len(starts)
    while lo + 1 < hi:
        mid = (lo + hi) // 2
        if starts[mid] <= i:
            lo = mid
        else:
            hi = mid
    return lo


def _miscased(span: Span) -> bool:
    """'israel', 'iSrael', 'united states': a word in lowercase or with a capital inside (not a
    dateline's or an acronym's capitals)."""
    return any(t.text[:1].islower() or (not t.text.isupper() and any(c.isupper() for c in t.text[1:])) for t in span)


def _trim_person(span: Span) -> Span:
    """'President Vladimir Putin' -> 'Vladimir Putin'; drops titles and possessive endings."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (doc[start].lower_ in _TITLE_WORDS or doc[start].is_punct):
        start += 1
    while end > start and (doc[end - 1].lower_ in ("'s", "\u2019s", "'") or doc[end - 1].is_punct):
        end -= 1
    return doc[start:end] if end > start else span


_TITLE_WORDS = {"president", "prime", "minister", "mr", "mr.", "mrs", "ms", "dr", "dr.", "general", "gen.", "col.",
                "colonel", "secretary", "leader", "chancellor", "premier", "king", "queen", "prince", "sheikh",
                "foreign", "defense", "defence", "ambassador", "spokesman", "spokeswoman", "deputy", "first",
                "the", "army", "admiral", "lt.", "maj.", "senator", "sen.", "rep.", "governor", "mayor"}
