"""Words of the calendar as news copy writes them, and the regex fragments built from them.

Month and weekday names are matched case-sensitively (capitalised) so that the modal "may" and
the verb "march" never count; everything else is case-insensitive where it is used.
"""

from __future__ import annotations

# The one table of month names: every other month list (casualties' cues and period regexes,
# the timeline's gates) is built from these.
MONTH_NAMES: tuple[str, ...] = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December",
)
# Abbreviations news copy writes ("Sept." as well as "Sep."); "May" has none.
MONTH_ABBREVIATIONS: dict[str, int] = {
    "Jan": 1, "Feb": 2, "Mar": 3, "Apr": 4, "Jun": 6, "Jul": 7, "Aug": 8, "Sept": 9, "Sep": 9, "Oct": 10,
    "Nov": 11, "Dec": 12,
}
# Lower-case month word -> month number: full names and abbreviations.
MONTHS: dict[str, int] = {
    **{name.lower(): number for number, name in enumerate(MONTH_NAMES, start=1)},
    **{abbreviation.lower(): number for abbreviation, number in MONTH_ABBREVIATIONS.items()},
}
# Month words that are also ordinary English words or names: need a date-like context when bare.
AMBIGUOUS_MONTHS = frozenset({"may", "march", "mar", "jan", "sep", "dec", "oct", "nov", "aug", "apr", "jun", "jul", "feb", "sept"})

WEEKDAYS: dict[str, int] = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
}

NUMBER_WORDS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50,
}

ORDINALS: dict[str, int] = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
    "final": 4,
}

# A full month name: "(?:January|...|December)".
MONTH_NAME_RE = "(?:" + "|".join(MONTH_NAMES) + ")"
# A month name or abbreviation, the abbreviation with or without its full stop, never the start
# of a longer word ("Marching").
MONTH_RE = (
    "(?:" + "|".join(MONTH_NAMES) + "|(?:" + "|".join(MONTH_ABBREVIATIONS) + r")\.?)(?![a-z])"
)
WEEKDAY_NAMES = tuple(name.capitalize() for name in WEEKDAYS)
WEEKDAY_RE = "(?:" + "|".join(WEEKDAY_NAMES) + ")"
DAY_RE = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\d])"
YEAR_RE = r"(?:1[6-9]\d\d|20\d\d)(?![\d])"
NUMBER_RE = r"(?:\d{1,2}|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + ")"

# Words that make a following bare month a date ("in May", "since March", "last May").
MONTH_CONTEXT = frozenset(
    """in since by until till from through throughout during before after between and or to of
    early late mid last next this until around
    """.split()
)
# Words after which a bare four-digit number is a year ("in 2020", "the 2014 invasion").
YEAR_CONTEXT = frozenset(
    """in since by until till from through throughout during before after between of and or to
    early late mid end start beginning middle year years the a an this that its their his her our
    fiscal summer winter spring autumn fall election elections census season
    """.split()
)
# Words after which a four-digit number is a quantity ("some 2000", "more than 2000").
QUANTITY_BEFORE = frozenset(
    """about some nearly almost over approximately around roughly least than only just exactly
    estimated additional another extra up under below above all total those these
    """.split()
)
# Plural nouns that do not end in -s, units and time zones: "2000 people", "2000 km", "1900 GMT".
QUANTITY_NOUNS = frozenset(
    """people men women children police personnel staff militia infantry cattle refugees troops
    km kilometres kilometers miles metres meters feet ft kg tonnes tons lb mph hp mw gw bpd
    gmt utc cet cest est edt pdt bst ist hrs local
    """.split()
)

# Capitalised words that turn a weekday into a name: "Bloody Sunday", "Good Friday Agreement",
# "Super Tuesday", "the Sunday Times".
NAMED_WEEKDAY_BEFORE = frozenset(
    "black good bloody super ash holy easter palm maundy cyber shrove great giving".split()
)
NAMED_WEEKDAY_AFTER = frozenset(
    "times telegraph express mirror post herald tribune observer mail sport agreement night".split()
)
