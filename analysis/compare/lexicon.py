"""What a reader hears as the same thing in conflict news: words mapped to concepts, a light
stemmer, and number words.

Two outlets rarely share wording: one writes "blast", the other "explosion"; "no group has
claimed" and "nobody took responsibility"; "militants" and "terrorists"; "died" and "were
killed". The classes below group the verbs and nouns of violent-event reporting by what they
mean to a reader, so that sentences stating one fact share evidence even in other words. They
are general (any war, any outlet), never pairs taken from one article. Loaded words that name
the same actors ("militants", "terrorists", "jihadists") share a class on purpose: the label
differs, the fact does not; the labels themselves are compared elsewhere (labels.py).

`stem` is a suffix stripper for English news prose (no lemmatiser ships with the offline
pipeline): it conflates inflections ("bombs", "bombed", "bombing") and leaves the rest.
"""

from __future__ import annotations

import re

# concept -> words that mean it to a reader (their inflections follow through `stem`)
CONCEPTS: dict[str, tuple[str, ...]] = {
    "explosive": ("bomb", "bomber", "blast", "explosion", "explode", "explosive", "device", "ied", "detonate",
                  "detonation", "mine", "landmine"),
    "air": ("airstrike", "aircraft", "jet", "warplane", "plane", "helicopter", "air", "aerial", "drone", "uav"),
    "projectile": ("missile", "rocket", "shell", "shelling", "artillery", "mortar", "rounds", "projectile",
                   "munition", "barrage", "salvo"),
    "attack": ("attack", "assault", "raid", "strike", "struck", "hit", "target", "ambush", "offensive", "storm",
               "bombard", "pound"),
    "fire": ("fire", "launch", "shoot", "shot", "gunfire"),
    "death": ("kill", "killing", "dead", "death", "die", "toll", "fatal", "fatality", "slain", "neutralise",
              "neutralize", "perish", "body", "bodies", "lives", "massacre"),
    "injury": ("wound", "wounded", "injure", "injury", "injuries", "hurt", "critically", "trauma", "casualty"),
    "claim": ("responsibility",),  # "claimed the attack": see CLAIM_PHRASE; a bare "claimed" reports speech
    "blame": ("blame", "accuse", "attribute", "fault"),
    "condemn": ("condemn", "denounce", "deplore", "alarm", "alarmed", "outrage", "appalled", "decry",
                "shocked", "horrified"),
    "accountable": ("investigate", "investigation", "inquiry", "probe", "accountable", "punish", "justice",
                    "perpetrator", "prosecute"),
    "armed_group": ("militant", "terrorist", "insurgent", "jihadist", "jihadi", "=fighter", "=fighters", "rebel", "gunman",
                    "gunmen", "attacker", "attackers", "extremist", "guerrilla", "militia", "islamist",
                    "assailant"),
    "armed_forces": ("army", "military", "troop", "troops", "soldier", "soldiers", "=forces", "=force", "junta",
                     "regime", "defence", "defense", "servicemen"),
    "authority": ("government", "authorities", "authority", "administration", "official", "officials",
                  "ministry"),
    "children": ("child", "children", "kid", "pupil", "student", "boy", "girl", "minor", "schoolchildren"),
    "civilian": ("civilian", "civilians", "bystander"),
    "school": ("school", "classroom", "classes", "lesson", "lessons", "teacher"),
    "medical": ("hospital", "clinic", "ward", "medical", "doctor", "health", "nurse", "maternity", "surgeon",
                "paramedic", "ambulance"),
    "crossing": ("culvert", "bridge", "overpass", "underpass"),
    "conceal": ("hid", "hidden", "hide", "conceal", "bury", "buried", "rigged", "=planted"),
    "road": ("road", "highway", "route", "motorway", "roadside"),
    "reopen": ("reopen", "resume", "restore", "restored", "resumed"),
    "arrest": ("arrest", "detain", "capture", "custody", "apprehend", "suspect"),
    "vessel": ("ship", "vessel", "=carrier", "=carriers", "tanker", "boat", "freighter"),
    "ownership": ("owner", "own", "belong", "belonged", "company", "firm"),
    "aid": ("aid", "relief", "supplies", "humanitarian", "assistance", "donation", "food", "tent", "blanket"),
    "convoy": ("convoy", "truck", "trucks", "lorry", "lorries", "vehicle", "car", "van", "minibus", "bus",
               "pickup"),
    "prison": ("prison", "prisoner", "inmate", "detainee", "jail", "convict", "penitentiary"),
    "escape": ("escape", "breakout", "jailbreak", "=freed", "=freeing"),
    "arrive": ("arrive", "arrival", "=reached"),
    "entrance": ("gate", "gates", "entrance", "doorway", "=door", "=doors"),
    "shelter": ("home", "homes", "house", "houses", "homeless", "displaced", "shelter", "sheltering", "refugee",
                "camp", "fled", "flee"),
    "siege": ("besiege", "besieged", "siege", "encircle", "encircled", "surround", "surrounded", "blockade",
              "cordon"),
    "power": ("electricity", "heating", "blackout", "outage", "energy", "grid"),
    "quake": ("earthquake", "quake", "tremor", "magnitude", "aftershock"),
    "deny": ("deny", "denied", "reject", "dismiss", "refute"),
    "warn": ("warn", "threat", "threaten", "vow"),
    "escort": ("escort", "accompany", "accompanied", "guard", "guarding"),
    "foreign_force": ("instructor", "instructors", "paramilitaries", "mercenary", "mercenaries", "contractor",
                      "adviser", "advisor"),
    "spokesperson": ("spokesman", "spokeswoman", "spokesperson"),
    "solidarity": ("solidarity", "stand", "support", "brother", "brothers", "alone", "abandon", "help"),
    "trade": ("trade", "trader", "traders", "commerce", "market", "traffic", "cargo", "goods"),
    "border": ("border", "frontier", "crossing"),
    "wedding": ("wedding", "bride", "groom", "marriage"),
    "village": ("village", "hamlet"),
    "night": ("overnight", "night", "nightfall", "dawn"),
    "dozens": ("dozen", "dozens", "scores"),  # "a dozen" is a rough count, not the number 12
    "negation": ("=no", "=not", "=nobody", "=none", "=never", "=neither", "=nor", "=no-one", "=nothing"),
    "unverified": ("verify", "verified", "independently", "unconfirmed"),
}

# A responsibility claim, not a reporting verb: "claimed the attack", "took responsibility",
# "claimed responsibility for"; "the army claimed its troops killed..." only reports speech.
CLAIM_PHRASE = re.compile(
    r"\b(?:claim(?:s|ed|ing)?|took|take[sn]?|taking|accept(?:s|ed)?|assume[sd]?)\s+(?:\w+\s+){0,2}?"
    r"(?:responsibility|credit)\b|\bclaim(?:s|ed|ing)?\s+(?:the|this|that|an?|its)\s+"
    r"(?:\w+\s+)?(?:attacks?|bombings?|blasts?|strikes?|ambush(?:es)?|assaults?|raids?|killings?|explosions?|"
    r"abductions?|kidnappings?|shootings?)\b",
    re.IGNORECASE,
)

# A capitalised word shaped like the name of a people or its adjective ("Rwandan", "Israeli",
# "Lebanese", "Afghan"): meaning.py matches it to the place by its first letters.
DEMONYM = re.compile(r"[A-Z][a-z]+(?:an|ian|ese|i|ish)")

# Unnamed armed men are an armed group whatever the outlet calls them ("armed men", "gunmen").
ARMED_PHRASE = re.compile(r"\b(?:armed|masked|unidentified|unknown)\s+(?:men|man|assailants?|groups?)\b",
                          re.IGNORECASE)

# Irregular forms the suffix stripper cannot reach, mapped to the stem it gives the regular form
IRREGULAR = {
    "took": "take", "taken": "take", "fell": "fall", "fallen": "fall", "struck": "strike", "hit": "hit",
    "died": "die", "dying": "die", "dead": "dead", "bodies": "bodi", "lives": "live", "fled": "fled",
    "hid": "hid", "hidden": "hidden", "fought": "fight", "shot": "shot", "spoke": "speak", "sent": "send",
    "gunmen": "gunman", "children": "child", "women": "woman", "men": "man", "people": "peopl",
    "seized": "seiz", "left": "leav", "began": "begin", "begun": "begin",
    "caught": "catch", "brought": "bring", "blew": "blow", "blown": "blow",
}

# Words that carry no fact of their own in news prose: reporting verbs, function words, the
# generic nouns of any story ("people", "city"), and days and months (dates are compared as
# dates, in conflicts.py, not as words)
STOP = frozenset("""
claim claims claimed claiming
a an the and or but of in on at to for from by with without into onto over under about after before
during since until while as than then so that this these those there here which who whom whose what when
where why how it its it's he she they them their his her him we our us you your i me my be is are was were
been being am has have had having do does did done will would shall should can could may might must
also just only even still yet very more most much many some any each every all both either one's
said says say saying told tells tell according added adding stated statement statements announced reported
reports report reporting quoted cited noted explained described news agency agencies later earlier
new other another same such own further per against between among around across through up down out off
again back away there's it's that's who's if whether because although though however meanwhile
people person city town country area region province district part parts time times year years day days
week weeks month months hour hours first last next since ago central local several including include
monday tuesday wednesday thursday friday saturday sunday today yesterday tonight
january february march april may june july august september october november december
""".split())

WORD_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
}

_SUFFIXES = ("ations", "ation", "ments", "ment", "ings", "ing", "ness", "ities", "ity", "ised", "ized", "ises",
             "izes", "ise", "ize", "ies", "ied", "ers", "er", "ed", "es", "ly", "s", "e")
_LONG_STEM_SUFFIXES = frozenset({"ments", "ment", "ers", "er", "ly"})  # "power", "comment" keep their ends
_VOWEL_SUFFIXES = frozenset({"ings", "ing", "ers", "er", "ed"})  # may double a consonant: "shipped"


def stem(word: str) -> str:
    """A crude English stem: irregular forms first, then the longest suffix that leaves at least
    three letters (four before "-er" and "-ment", five before "-ly"), a final "y" as "i" ("bombing" -> "bomb",
    "killed" -> "kill", "casualties"/"casualty" -> "casualti")."""
    word = word.lower().strip("'’")
    if word in IRREGULAR:
        return IRREGULAR[word]
    if len(word) <= 4:
        return word[:-1] if word[-1] in "se" and len(word) > 3 and not word.endswith("ss") else word
    for suffix in _SUFFIXES:
        rest = len(word) - len(suffix)
        if word.endswith(suffix) and rest >= (5 if suffix == "ly" else 4 if suffix in _LONG_STEM_SUFFIXES else 3):
            word = word[:-len(suffix)] + ("i" if suffix in ("ies", "ied") else "")
            if suffix in _VOWEL_SUFFIXES and len(word) > 3 and word[-1] == word[-2] and word[-1] not in "lsz":
                word = word[:-1]
            break
    return word[:-1] + "i" if word.endswith("y") and len(word) > 3 else word


def _concept_index() -> tuple[dict[str, str], dict[str, str]]:
    """(word -> concept, stem -> concept). A listed word keeps its own concept even when its stem
    meets another class's ("attackers" is an armed group, "attack" an attack)."""
    by_word: dict[str, str] = {}
    by_stem: dict[str, str] = {}
    for concept, words in CONCEPTS.items():
        for word in words:
            whole_word_only = word.startswith("=")  # its stem means other things ("planted" / "plant")
            word = word.lstrip("=")
            by_word.setdefault(word, concept)
            if not whole_word_only:
                by_stem.setdefault(stem(word), concept)
    return by_word, by_stem


CONCEPT_OF_WORD, CONCEPT_OF_STEM = _concept_index()


def concept_of(word: str) -> str | None:
    """The concept a word stands for, or None: the word as listed first, then its stem."""
    lowered = word.lower()
    return CONCEPT_OF_WORD.get(lowered) or CONCEPT_OF_STEM.get(stem(lowered))


_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")


def number_value(token: str) -> int | None:
    """The integer a token writes ("1,200", "nine", "twenty-two"), else None."""
    lowered = token.lower()
    if _NUMBER.fullmatch(token):
        try:
            return int(float(token.replace(",", "")))
        except ValueError:
            return None
    if lowered in WORD_NUMBERS:
        return WORD_NUMBERS[lowered]
    parts = lowered.split("-")
    if len(parts) == 2 and parts[0] in WORD_NUMBERS and parts[1] in WORD_NUMBERS:
        return WORD_NUMBERS[parts[0]] + WORD_NUMBERS[parts[1]]
    return None
