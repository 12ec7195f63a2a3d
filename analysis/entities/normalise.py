"""Surface forms to comparison keys: what two mentions of one referent have in common.

"the Pentagon", "Pentagon's" and "PENTAGON" share a key; so do "Erdoğan" and "Erdogan";
titles come off names ("Turkish President Tayyip Recep Erdogan" -> "Tayyip Recep Erdogan") and
dots off acronyms ("U.S." -> "us").
"""

from __future__ import annotations

import re
from functools import lru_cache

from analysis.nlp.gazetteers import strip_diacritics
from analysis.nlp.lexicon import (
    DEMONYM_PLURALS,
    DEMONYMS,
    FAC_SUFFIXES,
    PERSON_TITLES,
    TITLE_MODIFIERS,
)

_FACILITY_WORDS = frozenset(word.lower() for word in FAC_SUFFIXES) | {"jamia", "masjid"}
_APOSTROPHES = re.compile(r"['’‘ʼ`´]")
_ACRONYM_PLURAL = re.compile(r"^[A-Z]{2,7}s$")
_DOUBLED = re.compile(r"([a-z])\1+")
_ADMIN_TAIL = re.compile(
    r"\s+(?:region|province|state|district|division|governorate|oblast|county|prefecture|township|municipality|republic)$"
)
_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
_LEADING_THE = re.compile(r"^(?:the|The|THE)\s+")
_SPACES = re.compile(r"\s+")
_PUNCT = re.compile(r"[.,;:!?\"“”‘()\[\]]")
_DASHES = re.compile(r"[\-‐‑–—_/]+")
# Words skipped when an acronym is spelled out: United Nations Assistance Mission in Afghanistan.
_ACRONYM_SKIP = frozenset("of the and for in on de la al el du des to at".split())


def clean_surface(text: str, label: str | None = None) -> str:
    """The mention as a name: without a leading "the", a possessive, or (for people) the
    titles and nationality before the name."""
    text = _SPACES.sub(" ", text.strip().strip("\"“”‘’'()[],;:"))
    text = _LEADING_THE.sub("", text)
    text = _POSSESSIVE.sub("", text).strip()
    if label in (None, "PERSON"):
        words = text.split(" ")
        i = 0
        while i < len(words) - 1 and _is_title_word(words[i]):
            i += 1
        if i and label == "PERSON" or (i and any(w.lower().rstrip(".") in PERSON_TITLES for w in words[:i])):
            text = " ".join(words[i:])
    return text


def _is_title_word(word: str) -> bool:
    lower = word.lower()
    return (
        lower in PERSON_TITLES
        or lower.rstrip(".") in PERSON_TITLES
        or lower in TITLE_MODIFIERS
        or word in DEMONYMS
        or word in DEMONYM_PLURALS
        or lower in ("of", "the")
    )


def key_of(text: str) -> str:
    """Comparison key of a cleaned surface form: no diacritics, case, dots, dashes or
    doubled letters (al-Shabab/al-Shabaab, Zelensky/Zelenskyy, Mekele/Mekelle)."""
    if _ACRONYM_PLURAL.match(text):
        text = text[:-1]  # "PDFs" -> "PDF"
    acronym = looks_like_acronym(text)
    text = strip_diacritics(text)
    text = _APOSTROPHES.sub("", text)  # Sare'e = Saree, Jama'at = Jamaat
    text = _PUNCT.sub("", text)
    text = _DASHES.sub(" ", text)
    text = _SPACES.sub(" ", text).strip().lower()
    return text if acronym else _DOUBLED.sub(r"\1", text)


def facility_key(key: str) -> str:
    """A facility key without its trailing kind: "eid gah mosque" -> "eid gah"."""
    words = key.split()
    while len(words) > 1 and words[-1] in _FACILITY_WORDS:
        words.pop()
    return " ".join(words)


def place_key(key: str) -> str:
    """A place key without its administrative word: "sagaing region" -> "sagaing"."""
    stripped = _ADMIN_TAIL.sub("", key)
    return stripped or key


def name_tokens(key: str) -> tuple[str, ...]:
    """Words of a key, for person names compared regardless of order."""
    return tuple(key.split())


def initials(key: str) -> str:
    """"united nations" -> "un"; "north atlantic treaty organization" -> "nato"."""
    words = [w for w in key.split() if w not in _ACRONYM_SKIP]
    return "".join(w[0] for w in words) if len(words) >= 2 else ""


@lru_cache(maxsize=65536)
def looks_like_acronym(text: str) -> bool:
    """ "NATO", "U.N.", "ISIS-K": upper-case letters, maybe dots and a suffix."""
    letters = [ch for ch in text if ch.isalpha()]
    return 2 <= len(letters) <= 8 and all(ch.isupper() for ch in letters) and " " not in text


def has_diacritics(text: str) -> bool:
    return strip_diacritics(text) != text


def acronym_spellings(surface: str) -> set[str]:
    """Lower-case acronyms a name may be written as, from its surface form: initials of its
    words with function words skipped or kept, an acronym word giving all its letters ("UK
    Maritime Trade Operations" -> ukmto, umto; "National Commission for Refugees" -> ncr, ncfr)."""
    words = _DASHES.sub(" ", strip_diacritics(_PUNCT.sub("", surface))).split()
    if len(words) < 2:
        return set()
    spelled = set()
    for keep_function_words in (False, True):
        for whole_acronym_words in (False, True):
            letters = []
            for word in words:
                if (word.lower() in _ACRONYM_SKIP or word.islower() and len(word) <= 2) and not keep_function_words:
                    continue  # "of", "the"; the "e" of Tehreek-e-Taliban
                acronym_word = whole_acronym_words and word.isupper() and len(word) <= 4
                letters.append(word.lower() if acronym_word else word[0].lower())
            if len(letters) >= 2:
                spelled.add("".join(letters))
    return spelled


def spelled_by_syllables(acronym: str, surface: str) -> bool:
    """A syllabic acronym: the start of every content word, in order ("CENTCOM" = CENTral
    COMmand, "AFRICOM" = AFRICa COMmand; a leading country acronym may be left out: "US Central
    Command"). Each start has two letters or more, so plain initials are left to
    `acronym_spellings`."""
    words = [w for w in _DASHES.sub(" ", strip_diacritics(_PUNCT.sub("", surface))).split()
             if w.lower() not in _ACRONYM_SKIP]
    while len(words) > 2 and words[0].isupper():
        words = words[1:]
    words = [w.lower() for w in words]
    acronym = acronym.lower().replace(".", "")
    if len(words) < 2 or len(acronym) < 5:
        return False

    def fits(letters: str, rest: list[str]) -> bool:
        if not rest:
            return not letters
        word = rest[0]
        return any(
            letters.startswith(word[:size]) and fits(letters[size:], rest[1:])
            for size in range(min(len(word), len(letters)), 1, -1)
        )

    return fits(acronym, words)


# Spelling pairs of one sound across transliterations (Ukrainian h / Russian g, y / i, ie / e;
# Arabic ou / u, kh / h, ee / i): folded, in this order, before two names are compared.
_TRANSLIT = (("kh", "h"), ("ie", "e"), ("iy", "y"), ("yy", "y"), ("ii", "i"), ("ou", "u"), ("oo", "u"),
             ("ee", "i"), ("ph", "f"), ("j", "y"), ("y", "i"), ("h", "g"), ("w", "v"))


def transliteration_key(word: str) -> str:
    """A word with the spelling choices of transliteration folded (Oleh/Oleg, Syniehubov/
    Synegubov, Youssef/Yusef): for comparing two spellings, never for display."""
    text = _DOUBLED.sub(r"\1", strip_diacritics(word).lower())
    for written, folded in _TRANSLIT:
        text = text.replace(written, folded)
    return text
