"""Who was counted: the noun phrase after a number ("eight people", "Hundreds of families",
"members of the security forces"), and the words that end such a phrase or rule it out."""

from __future__ import annotations

from collections.abc import Sequence

from analysis.casualties.numbers import FEW, TENS, UNITS, VAGUE
from analysis.casualties.tokens import Token
from analysis.timeline.lexicon import MONTHS as CALENDAR_MONTHS

NUMBER_OPENERS = frozenset(UNITS) | frozenset(TENS) | frozenset(VAGUE) | frozenset(FEW) | {
    "a", "an", "dozen", "hundred", "thousand", "more", "over", "about", "around", "nearly", "some",
    "several", "at", "up", "between", "another"}

# A number followed by one of these is a measurement, a date or money, never a head count.
UNIT_WORDS = frozenset(
    """year years yr yrs month months week weeks day days hour hours hrs minute minutes min mins
    second seconds decade decades century centuries km kms kilometre kilometres kilometer
    kilometers mile miles metre metres meter meters m ft feet foot inch inches mm cm kg kilogram
    kilograms kilogrammes tonne tonnes ton tons pound pounds lb lbs percent per pct % dollars
    dollar usd euros euro eur pounds sterling yuan rupees naira shillings hryvnias roubles rubles
    times am pm a.m p.m gmt utc o'clock bc ad votes vote seats seat points point acres hectares
    square sq degrees mw gw litres liters barrels bpd calibre caliber mph knots storeys floors
    per-cent billion""".split()
)
MONTHS = frozenset(CALENDAR_MONTHS)  # month words: a number beside one is a date, not a count
# Words that end the counted noun phrase.
NP_STOP = frozenset(
    """in on at after before during since from to by with near across into onto over for as
    against amid among amongst between through throughout under along outside inside around
    and or but while when where whereas who whom whose which that than if because though
    although so yet this these those it its he she they we i you his her their our my your
    is are was were be been being have has had do does did will would can could may might
    must shall should not no never also all said says say told reported according added
    per via like including despite toward towards without within upon about some every
    each last next overnight yesterday today tonight earlier later""".split()
)
# Singular heads that make "a policeman was killed" a count of one.
PERSON_SINGULAR = frozenset(
    """person man woman child boy girl baby infant toddler teenager teen youth civilian soldier
    policeman policewoman officer trooper guard serviceman servicewoman sailor airman marine
    paratrooper commander general colonel major captain lieutenant sergeant private militant
    fighter insurgent rebel jihadist gunman attacker bomber assailant suspect journalist
    reporter photographer cameraman worker farmer villager resident worshipper pilgrim passenger
    driver migrant refugee protester demonstrator student teacher doctor nurse medic paramedic
    patient volunteer official employee contractor member leader chief elder cleric imam priest
    mother father son daughter brother sister wife husband grandmother grandfather shepherd
    herder fisherman trader shopkeeper vendor pedestrian bystander motorist tourist hostage
    prisoner captive detainee inmate victim casualty national citizen foreigner judge prosecutor lawyer
    magistrate governor mayor minister lawmaker politician activist bodyguard escort aide
    administrator councillor councilor chairman headman pastor bishop monk nun engineer
    pharmacist surgeon peacekeeper ranger commissioner deputy spokesman spokeswoman translator
    interpreter headmaster principal lecturer professor businessman businesswoman chef cook
    cleaner labourer laborer miner pupil schoolgirl schoolboy student militiaman policeofficer
    constable warden jailer sheikh chieftain gendarme clerk guide thief secretary cashier
    inspector porter cleaner courier mechanic electrician tailor barber butcher baker guard
    caretaker nanny maid servant housewife widow orphan grandson granddaughter nephew
    niece uncle aunt cousin relative neighbour neighbor friend colleague director manager
    headteacher superintendent ambassador diplomat envoy senator legislator mullah cadet conscript
    recruit commando sniper pilot vigilante informant herdsman midwife researcher campaigner
    candidate chaplain preacher missionary technician accountant"""
    .split()
)
PERSON_PLURAL = frozenset(
    """people persons men women children boys girls babies infants toddlers teenagers teens
    youths civilians soldiers policemen policewomen police officers troopers guards servicemen
    sailors airmen marines paratroopers troops commanders militants fighters insurgents rebels
    jihadists gunmen attackers bombers assailants suspects journalists reporters workers farmers
    villagers residents worshippers pilgrims passengers drivers migrants refugees protesters
    demonstrators students teachers doctors nurses medics paramedics patients volunteers
    officials employees contractors members leaders elders clerics families individuals
    others hostages prisoners detainees inmates personnel shepherds herders fishermen traders
    miners pupils schoolchildren schoolgirls schoolboys minors adults relatives victims
    bystanders pedestrians tourists activists opponents critics dissidents combatants recruits
    conscripts servicemembers staff crew crewmembers peacekeepers mourners guests shoppers
    commuters settlers residents locals judges prosecutors lawyers magistrates governors mayors
    ministers lawmakers politicians bodyguards escorts aides administrators councillors
    chairmen pastors bishops monks nuns engineers surgeons rangers interpreters translators
    lecturers professors businessmen labourers laborers militiamen constables chiefs"""
    .split()
)
# Attackers: one who dies is counted apart from the victims (deathcount).
PERPETRATORS = frozenset("bomber attacker assailant gunman perpetrator shooter".split())
# Armed people: moving troops are no refugees.
COMBATANTS = frozenset(
    """soldiers troops fighters militants insurgents rebels gunmen forces militiamen police
    policemen officers jihadists mercenaries paratroopers marines servicemen""".split()
)
# People who cross borders or take shelter without being displaced.
TRAVELLERS = frozenset(
    """tourists tourist commuters commuter pilgrims pilgrim delegates delegate passengers
    passenger visitors visitor fans fan athletes athlete workers worker traders trader shoppers
    migrants migrant truckers drivers driver lorries students journalists reporters
    diplomats officials lawmakers legislators members inspectors monitors volunteers""".split()
)
# Things verbs like "captured" or "killed" may also take: never victims.
NON_PERSON = frozenset(
    """towns town villages village cities city districts district checkpoints checkpoint
    positions position bases base posts post vehicles vehicle tanks tank trucks weapons rifles
    guns rockets missiles drones shells mortars bombs buildings homes houses schools hospitals
    roads bridges hectares acres kilometres miles km square aircraft planes jets helicopters
    boats ships vessels cattle cows goats sheep camels livestock animals dogs tonnes tons
    documents phones computers cars motorcycles bikes ammunition rounds explosives
    territories areas regions provinces attacks strikes airstrikes raids bombings clashes incidents
    ambushes explosions blasts operations hours days weeks months years""".split()
)
# Verbs that open a second clause after "and"/"or" ("killing 11 people and wounding 25",
# "killed three and left 20 injured"): the counted phrase ends before the conjunction.
CLAUSE_VERBS = frozenset(
    """left leaving leave sent sending forced forcing drove driving prompted prompting caused
    causing injured injuring wounded wounding killed killing hurt hurting maimed maiming
    abducted abducting kidnapped kidnapping arrested arresting detained detaining displaced
    displacing destroyed destroying burned burning torched torching set setting took taking
    seized seizing looted looting fled fleeing""".split())
_OF_FOLLOWERS = frozenset({"the", "them", "whom", "which", "his", "her", "their", "its", "our"})
_VAGUE_VICTIMS = frozenset({"others", "more", "other", "of", "them", "whom", "people's"})


# Figures that count households, not people: they keep their unit and never add to a head count.
HOUSEHOLD_UNITS = {"family": "families", "families": "families", "household": "households",
                   "households": "households"}


def unit_of(victims: str | None) -> str | None:
    """"families" or "households" when the counted phrase names those as its head ("300
    displaced families", "households"), else None: the figure counts people."""
    if not victims:
        return None
    words = victims.lower().split()
    if "of" in words:  # "members of 12 families" counts members; "families of the victims" families
        words = words[:words.index("of")]
    return HOUSEHOLD_UNITS.get(words[-1]) if words else None


def noun_phrase_end(tokens: Sequence[Token], i: int, limit: int = 6, stops: frozenset[str] = frozenset()) -> int:
    """Index after the noun phrase that starts at token i (i itself if there is none).

    Allows "of the/of them" inside ("members of the security forces", "three of them") and
    hyphenated modifiers; stops at prepositions, conjunctions, verbs we know, punctuation.
    """
    j = i
    n = len(tokens)
    while j < n and j - i < limit:
        tok = tokens[j]
        low = tok.low
        if low == "of" and j + 1 < n and (tokens[j + 1].low in _OF_FOLLOWERS or tokens[j + 1].text[:1].isupper()):
            j += 2  # "members of the security forces", "three of them"
            continue
        if low == "and" and j > i and j + 1 < n and _plain_word(tokens[j + 1].text, stops):
            j += 1  # "students and pupils"
            continue
        if low in NP_STOP or low in stops or not tok.text[:1].isalpha():
            break
        j += 1
    return j


def _plain_word(word: str, stops: frozenset[str]) -> bool:
    """A word that can continue a coordinated noun phrase: not a stop, number or verb (a
    gerund or a clause verb after "and" opens a new clause, not a second noun)."""
    low = word.lower()
    return word[:1].isalpha() and low not in NP_STOP and low not in stops and low not in NUMBER_OPENERS \
        and low not in CLAUSE_VERBS and not (low.endswith("ing") and len(low) > 5)


def victims_text(tokens: Sequence[Token], i: int, j: int, text: str, offset: int) -> str | None:
    """The counted people as written ("people", "Palestinian civilians"), without fillers."""
    words = [t for t in tokens[i:j] if t.low not in ("the", "a", "an")]
    while words and words[0].low in ("of", "them", "whom", "his", "her", "their", "its", "our"):
        words = words[1:]
    if not words or all(w.low in _VAGUE_VICTIMS for w in words):
        return None
    return text[words[0].start - offset: words[-1].end - offset]


_POSTMODIFIER_OPENERS = frozenset("accused suspected believed alleged who whom whose that which".split())


def is_person_phrase(tokens: Sequence[Token], i: int, j: int) -> bool:
    """True when the phrase tokens[i:j] names people (or is empty: "arrested 12")."""
    if i == j:
        return True
    lows = [t.low for t in tokens[i:j]]
    # A clause after the head describes the people, not what they are: "two men accused of
    # stealing cattle" are people whatever they stole.
    cut = next((k for k, w in enumerate(lows) if k and w in _POSTMODIFIER_OPENERS), len(lows))
    lows = lows[:cut]
    j = i + cut
    if any(w in NON_PERSON for w in lows):
        return False
    return any(w in PERSON_PLURAL or w in PERSON_SINGULAR for w in lows) or tokens[j - 1].text[:1].isupper()
