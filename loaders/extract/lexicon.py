"""The extractor's word tables: lemmas and words that mark a role, a judgement or an act.

Closed lists the event reader (loaders/extract/events.py and its parts) tests lemmas against. What
makes an event of a type (triggers, recipient prepositions) is in ontology/event-types.toml and
loaders/extract/rules.toml; these are the words around it.
"""

LOCATIVE = ("in", "at", "near", "into", "across", "along", "around", "inside", "within", "off", "over", "throughout",
            "on", "onto", "toward", "towards", "to", "from", "outside")
# Titles that introduce a person of a state ('Bulgarian Minister of Defense Krasimir Karakachanov').
TITLE_HEADS = {"minister", "secretary", "president", "ambassador", "envoy", "spokesman", "spokeswoman", "spokesperson",
               "general", "commander", "chief", "premier", "chancellor", "leader", "official", "prime", "admiral"}
# Verbs that characterise their subject by a noun ('constitutes a threat'): no act, a judgement.
CHARACTERISE_VERBS = {"constitute", "pose", "represent", "remain", "be", "become"}
# Plural nouns that name both parties of a bilateral story ('the two countries', 'the counterparts').
PAIR_NOUNS = {
    "neighbour", "neighbor", "counterpart", "side", "country", "nation", "leader", "minister", "government", "party", "president",
}
# Plural nouns that, counted ('the three countries'), name the states last listed together.
GROUP_NOUNS = {"country", "nation", "state", "government", "neighbour", "neighbor"}
# The friends of a state ('Ukraine's allies'): others than the state, unnamed.
ALLY_NOUNS = {"ally", "partner", "backer", "supporter"}
# Pair nouns that name people ('the two leaders', 'the presidents'): their pair is two people when two are named.
PERSON_PAIR_NOUNS = {"counterpart", "leader", "minister", "president"}
# Publishers whose releases speak of their own state's forces when they name no other.
OWN_FORCES_SECTORS = {"military", "defence", "defense", "government"}
# How a deed is told as wrongful ('had illegally intruded'): said by another party, an allegation.
WRONGFUL_ADVERBS = {"illegally", "unlawfully", "illegitimately", "provocatively", "deliberately", "indiscriminately",
                    "recklessly", "wantonly", "brazenly"}
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
# Harm awaiting a party in the future passive ('those who back them will be crushed', 'any country that
# arms them will be treated as an enemy'): announced by a speaker, a threat.
HARM_PASSIVE_VERBS = {"crush", "punish", "destroy", "annihilate", "eliminate", "smash", "obliterate", "wipe",
                      "hunt", "target", "treat"}
ENEMY_NOUNS = {"enemy", "target", "aggressor", "combatant", "belligerent", "terrorist"}
# a class of people told by a pronoun ('those who ...', 'anyone who ...')
CLASS_PRONOUNS = {"those", "anyone", "anybody", "whoever", "everyone", "everybody"}
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
# Verbs of keeping forces somewhere ('keeps troops in', 'maintains bases in'), and what is kept.
STATION_VERBS = {"have", "keep", "maintain", "retain", "station", "base"}
GARRISON_NOUNS = {"base", "bases", "outpost", "outposts", "garrison", "garrisons", "contingent", "troop", "troops"}
# Teams and personnel that are no forces ('rescue teams', 'medical personnel').
CIVIL_MISSIONS = {"rescue", "medical", "relief", "aid", "humanitarian", "search", "investigation", "investigative",
                  "inspection", "negotiating", "technical", "monitoring", "election", "legal", "forensic", "firefighting",
                  "diplomatic", "trade", "business", "consular", "health", "civilian", "emergency"}
# Officials who sit for a body ('EU foreign ministers', 'ASEAN leaders').
MEMBER_NOUNS = {"minister", "leader", "official", "diplomat", "envoy", "delegate", "representative", "ambassador"}
# What a body's adjective ('Southeast Asian' for ASEAN) names the body by: its members and envoys.
BODY_MEMBER_HEADS = MEMBER_NOUNS | {"nation", "country", "state", "bloc", "grouping", "neighbour", "neighbor"}
# What one honours by keeping it ('honor its commitments'), not by praising it.
KEPT_WORD_NOUNS = {"commitment", "pledge", "obligation", "promise", "word", "debt", "undertaking", "guarantee",
                   "responsibility", "duty", "bargain", "contract", "deal", "agreement", "ceasefire", "truce"}
# What is expressed, extended or conveyed to a party as thanks ('expressed gratitude to X').
GRATITUDE_NOUNS = {"gratitude", "appreciation", "thanks", "thankfulness"}
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
# (withholding.py) Giving and helping a party can refuse another ('will not give Y permission', 'won't
# help Y'); of these, the verbs whose object is the party helped.
BENEFIT_VERBS = {"give", "provide", "grant", "supply", "offer", "extend", "lend", "sell", "send", "deliver", "help",
                 "assist", "aid", "support", "back"}
PARTY_HELP_VERBS = {"help", "assist", "aid", "support", "back"}
# Advice against travel to a state ('advised against travel to X', 'urged citizens to avoid trips to X').
ADVICE_VERBS = {"advise", "warn", "caution", "urge", "tell", "recommend"}
TRAVEL_NOUNS = {"travel", "trip", "visit", "journey", "travelling", "traveling"}
# Wanting another party to act asks it to ('the EU wants Russia to withdraw').
WISH_VERBS = {"want", "wish"}
# Verbs whose subject, present at 'the signing of' an agreement, is a party to it ('witnessed the signing of').
SIGNING_WITNESS_VERBS = {"witness", "attend", "oversee", "preside"}
# What 'counter-' makes an answer to, the act itself still: 'a counteroffensive', 'counterstrikes'.
COUNTER_BASES = {"offensive", "attack", "strike", "assault", "raid", "invasion"}
# Armed strikes told as nouns: a condemnation of one does not swallow it ('condemned air strikes on X').
STRIKE_NOUNS = COUNTER_BASES | {"airstrike", "air-strike", "bombing", "shelling", "bombardment", "incursion"}
# 'is in no position to lecture others', 'has no right to preach to us': the speaker accuses the subject
LECTURE_VERBS = {"lecture", "preach", "moralise", "moralize", "sermonise", "sermonize", "criticise", "criticize"}
