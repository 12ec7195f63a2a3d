"""Words that say what happened to the people counted: the category cues.

Two positions matter in wire copy. After the count ("eight people were killed", "18 dead",
"30 sustained injuries") the cue is a participle, adjective or noun; before it ("killing
eight people", "the death toll rose to 62", "the abduction of 12") it is a verb or a noun with
"of". Verbs that also take things as objects (captured, seized, held) only count when the
object is a person.
"""

from __future__ import annotations

import re

from analysis.wordscan import WholeWords

KILLED, INJURED, MISSING, DISPLACED, DETAINED = "killed", "injured", "missing", "displaced", "detained"
# A combined count ("killed or wounded", "casualties"): its own category, never killed or injured.
KILLED_OR_INJURED = "killed_or_injured"

# Cue words right after the counted people (and any auxiliaries).
AFTER: dict[str, str] = {
    **dict.fromkeys(
        "killed dead died die slain murdered executed massacred slaughtered perished beheaded "
        "assassinated lynched drowned martyred deaths fatalities bodies corpses killings "
        "neutralised neutralized eliminated".split(),
        KILLED),
    **dict.fromkeys("injured wounded hurt maimed injuries hospitalised hospitalized".split(), INJURED),
    **dict.fromkeys("missing disappeared".split(), MISSING),
    **dict.fromkeys("casualties".split(), KILLED_OR_INJURED),
    **dict.fromkeys(
        "displaced fled flee fleeing uprooted homeless refugees evacuated evacuees idps "
        "asylum-seekers".split(), DISPLACED),
    **dict.fromkeys(
        "arrested detained abducted kidnapped imprisoned jailed hostages detainees prisoners".split(),
        DETAINED),
}
# Cue words that need a following word to settle their meaning.
AFTER_NEEDS_NEXT: dict[str, dict[str, str]] = {
    "shot": {"dead": KILLED, "and": KILLED},  # "and" resolved by the word after it
    "gunned": {"down": KILLED},
    "burnt": {"alive": KILLED},
    "burned": {"alive": KILLED},
    "buried": {"alive": KILLED},
    "lost": {"their": KILLED, "his": KILLED, "her": KILLED},
    "left": {"dead": KILLED, "injured": INJURED, "wounded": INJURED, "homeless": DISPLACED},
    "sustained": {"injuries": INJURED, "wounds": INJURED, "serious": INJURED, "severe": INJURED,
                  "minor": INJURED, "gunshot": INJURED, "critical": INJURED, "burn": INJURED},
    "suffered": {"injuries": INJURED, "wounds": INJURED, "serious": INJURED, "severe": INJURED,
                 "minor": INJURED, "gunshot": INJURED, "critical": INJURED, "burns": INJURED},
    "treated": {"for": INJURED},
    "remain": {"missing": MISSING, "unaccounted": MISSING},
    # Military communiqués: "four soldiers fell with honour", "two officers who fell in the line of duty".
    "fell": {"with": KILLED, "as": KILLED, "in": KILLED},
    "succumbed": {"to": KILLED},
    "succumb": {"to": KILLED},
    "remained": {"missing": MISSING},
    "went": {"missing": MISSING},
    "gone": {"missing": MISSING},
    "unaccounted": {"for": MISSING},
    "forced": {"from": DISPLACED, "to": DISPLACED, "out": DISPLACED},
    "driven": {"from": DISPLACED, "out": DISPLACED},
    "sought": {"refuge": DISPLACED, "shelter": DISPLACED, "safety": DISPLACED},
    "taken": {"shelter": DISPLACED, "refuge": DISPLACED, "hostage": DETAINED, "captive": DETAINED, "prisoner": DETAINED, "into": DETAINED},
    "held": {"hostage": DETAINED, "captive": DETAINED, "prisoner": DETAINED, "in": DETAINED,
             "as": DETAINED},
    "rounded": {"up": DETAINED},
    "took": {"shelter": DISPLACED, "refuge": DISPLACED},
    "sheltering": {"in": DISPLACED, "at": DISPLACED, "inside": DISPLACED},
    "captured": {},  # person check in extract
    "seized": {},
    "escaped": {"the": DISPLACED, "to": DISPLACED, "into": DISPLACED, "across": DISPLACED,
                "from": DISPLACED},
}
# Verbs of movement that mean displacement only in a sentence about refugees or flight.
MOVEMENT = frozenset("crossing entering arriving crossed entered arrived streaming pouring".split())
# Crossing a border means flight even without refugee context ("Thousands of Rohingya have
# crossed into Bangladesh"), for people who are neither armed nor travelling.
CROSSING = frozenset({"crossed", "crossing", "cross"})
_REFUGEE_WORDS = ("refugee", "exodus", "fled", "flee", "asylum", "displac", "sought refuge")
REFUGEE_CONTEXT = re.compile("|".join(_REFUGEE_WORDS), re.IGNORECASE)
# The only characters beyond ASCII that a case-insensitive match or str.lower() maps onto an
# ASCII letter (İ, ı, ſ, the Kelvin sign). Without them, substring tests on the lower-cased
# text give exactly REFUGEE_CONTEXT's answer, several times faster.
_CASE_ODD = frozenset("\u0130\u0131\u017f\u212a")


def is_refugee_context(text: str) -> bool:
    """Whether `text` speaks of refugees or flight: REFUGEE_CONTEXT.search(text), faster."""
    if text.isascii() or _CASE_ODD.isdisjoint(text):
        low = text.lower()
        return any(word in low for word in _REFUGEE_WORDS)
    return REFUGEE_CONTEXT.search(text) is not None


# Cue words right before the count ("killing eight", "wounding 17").
BEFORE: dict[str, str] = {
    **dict.fromkeys(
        "killing killed kill kills executing executed massacring massacred slaughtering "
        "slaughtered beheading beheaded murdering murdered assassinating assassinated lynching lynched "
        "neutralised neutralized neutralising neutralizing eliminated eliminating martyred martyring".split(),
        KILLED),
    **dict.fromkeys(
        "wounding wounded injuring injured hurting hurt maiming maimed".split(), INJURED),
    **dict.fromkeys("displacing displaced uprooting uprooted evacuating evacuated".split(), DISPLACED),
    **dict.fromkeys(
        "arresting arrested detaining detained abducting abducted kidnapping kidnapped".split(),
        DETAINED),
}
# Verbs before the count that also take things as objects: only with a person noun.
BEFORE_PERSON_ONLY: dict[str, str] = {
    **dict.fromkeys("captured capturing seized seizing held holding took taking taken".split(), DETAINED),
    # "the army lost 12 soldiers in the ambush" (not "lost 3 vehicles")
    **dict.fromkeys("lost losing".split(), KILLED),
}
# Verbs before the count that displace when a flight phrase follows ("drove 12,000 from their
# homes", "forcing 3,000 people to flee").
DISPLACING_VERBS = frozenset("forcing forced driving drove prompting causing sending".split())
# Nouns with "of" before the count: "the deaths of 12", "the abduction of 30 girls".
NOUN_OF: dict[str, str] = {
    **dict.fromkeys("deaths death killing killings lives bodies massacre murder murders executions "
                    "remains assassination assassinations beheading martyrdom".split(), KILLED),
    **dict.fromkeys("wounding injuring".split(), INJURED),
    **dict.fromkeys("disappearance disappearances".split(), MISSING),
    **dict.fromkeys("displacement exodus evacuation flight".split(), DISPLACED),
    **dict.fromkeys("arrest arrests detention abduction abductions kidnapping kidnappings "
                    "capture".split(), DETAINED),
}
# Heads of a toll phrase: "the death toll rose to 62", "put the number of dead at 31".
TOLL_HEADS: dict[str, str] = {"toll": KILLED}
NUMBER_OF: dict[str, str] = {
    **dict.fromkeys("dead deaths killed fatalities victims bodies".split(), KILLED),
    **dict.fromkeys("injured wounded injuries".split(), INJURED),
    **dict.fromkeys("missing".split(), MISSING),
    **dict.fromkeys("casualties".split(), KILLED_OR_INJURED),
    **dict.fromkeys("displaced refugees evacuees".split(), DISPLACED),
    **dict.fromkeys("detainees arrested detained hostages abducted kidnapped arrests".split(), DETAINED),
}
# Words allowed between a toll head and its number.
TOLL_LINKS = frozenset(
    """rose risen rises rising climbed climbs climbing reached reaches reaching stood stands stand jumped
    increased hit topped passed surpassed exceeded soared mounted grew is was has had have now at
    to of further been revised raised lowered put the official latest overall total confirmed
    reported officially sharply then provisional initial had since stood currently stands more
    than least over nearly almost about around some up an estimated from""".split()
)

AUXILIARIES = frozenset(
    """were was have has had been being are is be reportedly also all later allegedly believed
    thought feared confirmed said reported to initially still now subsequently apparently
    either both may might could would will likely presumed officially each eventually
    who remain remained remains found""".split()
)
PASSIVE_AUX = frozenset("were was been being are is be".split())


def combined_category(first: str, conjunction: str, second: str) -> str | None:
    """"killed or wounded", "dead and injured": KILLED_OR_INJURED when two cue words of
    killing and of injury are joined; None for any other pair."""
    if conjunction not in ("or", "and"):
        return None
    pair = {AFTER.get(first) or BEFORE.get(first), AFTER.get(second) or BEFORE.get(second)}
    return KILLED_OR_INJURED if pair == {KILLED, INJURED} else None


def _cue_words() -> frozenset[str]:
    words = set(AFTER) | set(AFTER_NEEDS_NEXT) | set(BEFORE) | set(BEFORE_PERSON_ONLY) | set(NOUN_OF)
    words |= set(NUMBER_OF) | set(TOLL_HEADS) | MOVEMENT | DISPLACING_VERBS
    words |= {"custody", "detention", "captivity", "lives", "death", "refugee", "refugees", "exodus", "wounds",
              "asylum", "displacement", "fleeing", "among", "hands"}
    # "left" only settles a category with the cue word after it ("were left dead").
    return frozenset(words - {"left"})


CUE_WORDS = _cue_words()
_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyz")
# Whole runs of a-z in the lower-cased sentence ("killed", never the "killed" of "skilled").
_CUES = WholeWords((word for word in CUE_WORDS if re.fullmatch(r"[a-z]+", word)), _LETTERS.__contains__)


def has_cue(text: str) -> bool:
    """Cheap prefilter: a sentence without any cue word holds no casualty figure, so the
    extractor skips it after one pass over the lower-cased text."""
    return _CUES.any_in(text.lower())
