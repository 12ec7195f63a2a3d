"""Canonical entities: one name per real-world referent across the corpus.

Mentions are grouped in steps, each one conservative:
1. same key (case, diacritics, apostrophes, "the", possessive, titles, dots, doubled letters,
   a plural nationality, a place's administrative word): Erdoğan = Erdogan, U.S. = US,
   al-Shabab = al-Shabaab, Afghans = Afghan, Sagaing Region = Sagaing;
2. a country's variants go to its short name (US, U.S., USA, United States -> United States),
   and the armed groups' known spellings to one name (lexicon.ORG_ALIASES: ISIL = Islamic State);
3. the same words in another order are one person (Tayyip Recep Erdogan = Recep Tayyip Erdogan);
4. an acronym joins the name it abbreviates: the name it follows in parentheses ("Rapid Support
   Forces (RSF)") or, failing that, the one corpus name whose initials it is (UN = United Nations);
5. a part of exactly one longer organisation name joins it (SITE = SITE Intelligence Group);
6. full names of people or places that differ by a transliteration join (Zabiullah =
   Zabihullah Mujahid, Khan Yunis = Khan Younis);
7. part of a person's name (Kirby, President Erdogan, Tayyip Erdogan) joins the one full name
   that contains it, preferring a full name from the same article; a single word read as a
   place or organisation joins a person only when that person is named in the same article.

The canonical name of a group is its most complete well-formed surface form: for people the
form with most words, then the most frequent, then the one with diacritics (the correct
spelling usually keeps them: "Recep Tayyip Erdoğan"); for countries the short country name; for
everything else the most frequent form, then the longest.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from difflib import SequenceMatcher
from functools import lru_cache
from typing import NamedTuple

from analysis.entities.normalise import (
    acronym_spellings,
    clean_surface,
    facility_key,
    has_diacritics,
    initials,
    key_of,
    looks_like_acronym,
    name_tokens,
    place_key,
    spelled_by_syllables,
    transliteration_key,
)
from analysis.nlp.gazetteers import build_gazetteer, canonical_country
from analysis.nlp.lexicon import DEMONYMS, ORG_ALIASES, ORG_SUFFIXES

# Known spellings of one organisation (lexicon.ORG_ALIASES), by form and by key.
_ORG_ALIASES_BY_KEY: dict[str, str] = {
    **{form: canonical for form, canonical in ORG_ALIASES.items()},
    **{key_of(form): canonical for form, canonical in ORG_ALIASES.items() if not looks_like_acronym(form)},
    **{key_of(canonical): canonical for canonical in set(ORG_ALIASES.values())},
}

_ORG_SUFFIX_WORDS = frozenset(word.lower() for word in ORG_SUFFIXES)

LABEL_PRIORITY = ("PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "LAW", "WORK_OF_ART", "LANGUAGE")


class MentionRef(NamedTuple):
    """What resolution needs to know about one mention (offsets are optional: they let an
    acronym in parentheses right after a name join it, "Rapid Support Forces (RSF)"). A
    NamedTuple: one is made per mention, and a frozen dataclass costs three times as much."""

    doc_id: str
    text: str
    label: str
    start: int = -1
    end: int = -1
    bracketed: bool = False  # written in parentheses: "(AFAD)"


def _group_key(clean: str, label: str) -> str:
    country = canonical_country(clean) or canonical_country(clean.replace(".", ""))
    if country and label in ("GPE", "LOC", "ORG", "NORP"):
        return "country:" + key_of(country)
    if clean in _ORG_ALIASES_BY_KEY or key_of(clean) in _ORG_ALIASES_BY_KEY:
        return "org:" + key_of(_ORG_ALIASES_BY_KEY.get(clean) or _ORG_ALIASES_BY_KEY[key_of(clean)])
    if label == "NORP" and clean.endswith("s") and clean[:-1] in DEMONYMS:
        clean = clean[:-1]  # "Afghans" and "Afghan" name one group
    key = key_of(clean)
    if label in ("GPE", "LOC"):
        key = place_key(key)
        country = _countries_by_key().get(key)
        return "country:" + key_of(country) if country else key  # "Benin Republic" = Benin
    if label == "FAC":
        return "fac:" + facility_key(key)  # "Eid Gah Mosque" = "Eid Gah"
    if label == "PERSON" or (" " in key and label not in ("ORG", "FAC", "LOC", "GPE", "NORP")):
        return "person:" + " ".join(sorted(name_tokens(key)))
    return key


@lru_cache(maxsize=1)
def _countries_by_key() -> dict[str, str]:
    return {key_of(name): canonical for name, canonical in build_gazetteer().countries.items()}


def majority_label(labels: Sequence[str]) -> str:
    """Most frequent label; ties go to the more specific reading (PERSON before ORG ...)."""
    counts = Counter(labels)
    order = {label: i for i, label in enumerate(LABEL_PRIORITY)}
    return min(counts, key=lambda label: (-counts[label], order.get(label, len(order)), label))


def resolve(mentions: Sequence[MentionRef]) -> list[str]:
    """The canonical entity name of every mention, in order (module docstring: the steps)."""
    # A corpus repeats its names: work once per distinct (text, label).
    surface: dict[tuple[str, str], tuple[str, str]] = {}
    for m in mentions:
        if (m.text, m.label) not in surface:
            clean = clean_surface(m.text, m.label) or m.text.strip()
            surface[(m.text, m.label)] = (clean, _group_key(clean, m.label))
    cleans = [surface[(m.text, m.label)][0] for m in mentions]
    keys = [surface[(m.text, m.label)][1] for m in mentions]

    # Facts about each key group.
    labels_of: dict[str, list[str]] = defaultdict(list)
    docs_of: dict[str, set[str]] = defaultdict(set)
    for key, m in zip(keys, mentions):
        labels_of[key].append(m.label)
        docs_of[key].add(m.doc_id)
    label_of = {key: majority_label(labels) for key, labels in labels_of.items()}

    target = {key: key for key in labels_of}
    forms_of: dict[str, set[str]] = defaultdict(set)
    for key, clean in zip(keys, cleans):
        forms_of[key].add(clean)
    _merge_defined_acronyms(target, mentions, cleans, keys)
    _merge_acronyms(target, label_of, cleans, keys, forms_of)
    _merge_org_parts(target, label_of)
    _merge_facility_parts(target, label_of, forms_of)
    _merge_spelling_variants(target, label_of, Counter(keys))
    _merge_transliterations(target, label_of, forms_of)
    _merge_shorter_full_names(target, label_of, forms_of)
    target = {key: _root(target, key) for key in target}
    root_docs: dict[str, set[str]] = defaultdict(set)
    for key, root in target.items():
        root_docs[root] |= docs_of[key]
    docs_of = root_docs
    people = {
        key for key, label in label_of.items()
        if label == "PERSON" and target[key] == key and " " in key.split(":", 1)[-1]
    }
    # A person's words are those of every full name of the group (Oleh Syniehubov and Oleg
    # Synegubov), so that either surname alone finds it.
    person_words = {key: set(key.split(":", 1)[-1].split()) for key in people}
    for key, root in target.items():
        if root in person_words and label_of.get(key) == "PERSON" and key.startswith("person:"):
            person_words[root] |= set(key.split(":", 1)[-1].split())

    final_keys: list[str] = []
    parts: dict[tuple[str, str, str], str] = {}
    candidates_of: dict[str, list[str]] = {}
    people_index = _PeopleIndex(person_words)
    for key, m in zip(keys, mentions):
        key = target[key]
        if (key, m.doc_id, m.label) not in parts:
            parts[(key, m.doc_id, m.label)] = _person_for_part(
                key, m, label_of, person_words, docs_of, candidates_of, people_index) or key
        final_keys.append(parts[(key, m.doc_id, m.label)])

    return _canonical_names(final_keys, cleans, mentions)


def _merge_acronyms(target: dict[str, str], label_of: dict[str, str], cleans, keys,
                    forms_of: dict[str, set[str]]) -> None:
    """An acronym group joins the group of the one name it abbreviates, when there is one: by
    initials (UN = United Nations, UKMTO = UK Maritime Trade Operations), failing that by the
    starts of its words (CENTCOM = Central Command)."""
    names = {
        key: forms for key, forms in forms_of.items()
        if not key.startswith(("person:", "country:")) and label_of.get(key) != "PERSON"
    }
    expansions: dict[str, set[str]] = defaultdict(set)
    for key, forms in names.items():
        abbreviation = initials(key.split(":", 1)[-1])
        if abbreviation:
            expansions[abbreviation].add(key)
        for form in forms:
            for spelled in acronym_spellings(form):
                expansions[spelled].add(key)
    acronym_keys = {k for k, c in zip(keys, cleans) if looks_like_acronym(c)}
    for key in sorted(acronym_keys):
        if target[key] != key:
            continue
        bare = key.replace(" ", "")
        options = expansions.get(bare, set()) - {key}
        if not options:
            options = {other for other, forms in names.items()
                       if other != key and any(" " in f and spelled_by_syllables(bare, f) for f in forms)}
        roots = {_root(target, option) for option in options}
        if len(roots) == 1 and key not in roots:
            target[key] = roots.pop()


def _root(target: dict[str, str], key: str) -> str:
    seen = {key}
    while target[key] != key and target[key] not in seen:
        key = target[key]
        seen.add(key)
    return key


def _merge_defined_acronyms(target, mentions: Sequence[MentionRef], cleans, keys) -> None:
    """ "Rapid Support Forces (RSF)", "RSF, the Rapid Support Forces": an acronym next to a
    longer name of the same article that it spells names the same thing, everywhere in the
    corpus; in parentheses after an organisation's name it needs not spell it (a translated
    name: "Disaster and Emergency Management Authority (AFAD)")."""
    by_doc: dict[str, list[int]] = defaultdict(list)
    for i, m in enumerate(mentions):
        if m.start >= 0:
            by_doc[m.doc_id].append(i)
    for indices in by_doc.values():
        indices.sort(key=lambda i: mentions[i].start)
        for previous, current in zip(indices, indices[1:]):
            gap = mentions[current].start - mentions[previous].end
            if (
                0 < gap <= 2 and looks_like_acronym(cleans[current]) and " " in cleans[previous]
                and (_letters_fit(cleans[current], cleans[previous])
                     or mentions[current].bracketed and mentions[previous].label == "ORG")
            ):
                _join_acronym(target, keys[current], keys[previous])
            elif (
                0 < gap <= 6 and looks_like_acronym(cleans[previous]) and " " in cleans[current]
                and _letters_fit(cleans[previous], cleans[current])
            ):
                _join_acronym(target, keys[previous], keys[current])  # "ACR, the X"


def _join_acronym(target: dict[str, str], acronym: str, name: str) -> None:
    if target[acronym] == acronym and not name.startswith(("person:", "country:")):
        target[acronym] = name


def _letters_fit(acronym: str, name: str) -> bool:
    """The acronym's letters are initials of the name's words (an acronym word gives all its
    letters: UKMTO for UK Maritime Trade Operations), in any order (PNH for Haitian National
    Police, in French order), so "Nasser Hospital, AFP footage" is no definition. A name
    translated from another language (AFAD) is a definition only in parentheses."""
    letters = {ch.lower() for ch in acronym if ch.isalpha()}
    available = {letter for spelled in acronym_spellings(name) for letter in spelled}
    return bool(letters) and letters <= available


def _merge_org_parts(target: dict[str, str], label_of: dict[str, str]) -> None:
    """ "SITE" and "SITE Intelligence Group"; "Intelligence Group" and "SITE Intelligence
    Group": a part of exactly one longer organisation name joins it."""
    orgs = {key: key.split(":", 1)[-1].split() for key, label in label_of.items() if label == "ORG"}
    for key, words in orgs.items():
        if target[key] != key:
            continue
        longer = []
        for other, other_words in orgs.items():
            if len(other_words) <= len(words):
                continue
            acronym = len(words) == 1 and looks_like_acronym(key.split(":", 1)[-1].upper())
            if other_words[: len(words)] == words and (acronym or all(w in _ORG_SUFFIX_WORDS for w in other_words[len(words):])) or len(words) >= 2 and other_words[-len(words):] == words:
                longer.append(other)
            elif len(words) >= 2 and _place_descriptor(words, other_words):
                longer.append(other)  # "Islamic Emirate" / "Islamic Emirate of Afghanistan"
        if len(longer) == 1:
            target[key] = longer[0]


def _place_descriptor(words: list[str], longer: list[str]) -> bool:
    """The longer name is the shorter one, then "of" or "in" and a known place."""
    if longer[: len(words)] != words or len(longer) < len(words) + 2 or longer[len(words)] not in ("of", "in"):
        return False
    return " ".join(longer[len(words) + 1 :]) in _place_keys()


@lru_cache(maxsize=1)
def _place_keys() -> frozenset[str]:
    """Keys of the gazetteer's places and countries."""
    gazetteer = build_gazetteer()
    places = {key_of(name) for name, label in gazetteer.labels.items() if label in ("GPE", "LOC")}
    return frozenset(places | {key_of(name) for name in gazetteer.countries})


def _merge_facility_parts(target: dict[str, str], label_of: dict[str, str], forms_of: dict[str, set[str]]) -> None:
    """ "the Mirwais hospital" and "Mirwais Regional Hospital": a facility named by the start
    of exactly one longer facility name is that facility, unless it was itself written with
    its kind ("Jinnah Hospital" is not "Jinnah International Airport")."""
    facilities = {key: key.split(":", 1)[-1].split() for key, label in label_of.items()
                  if label == "FAC" and key.startswith("fac:")}
    for key, words in facilities.items():
        if target[key] != key or not words or any(facility_key(key_of(form)) != key_of(form) for form in forms_of[key]):
            continue
        longer = {_root(target, other) for other, other_words in facilities.items()
                  if len(other_words) > len(words) and other_words[: len(words)] == words}
        if len(longer) == 1 and key not in longer:
            target[key] = longer.pop()


def _ordered_words(key: str, forms_of: dict[str, set[str]]) -> list[str]:
    """The words of a person's name in written order (keys hold them sorted)."""
    form = min(forms_of.get(key) or {key.split(":", 1)[-1]})
    return key_of(form).split()


def _full_people(target: dict[str, str], label_of: dict[str, str]) -> list[str]:
    return [k for k, label in label_of.items()
            if label == "PERSON" and k.startswith("person:") and " " in k and target[k] == k]


def _merge_transliterations(target: dict[str, str], label_of: dict[str, str], forms_of: dict[str, set[str]]) -> None:
    """Full names written alike once transliteration choices are folded and the spaces inside
    them dropped are one person: Oleh Syniehubov (Ukrainian) / Oleg Synegubov (Russian), Zia ul
    Haq / Ziaul Haq, Abdul Rahman / Abdulrahman."""
    by_folded: dict[str, list[str]] = defaultdict(list)
    for key in sorted(_full_people(target, label_of)):
        by_folded["".join(transliteration_key(w) for w in _ordered_words(key, forms_of))].append(key)
    for keys in by_folded.values():
        for other in keys[1:]:
            target[other] = keys[0]


def _merge_shorter_full_names(target: dict[str, str], label_of: dict[str, str], forms_of: dict[str, set[str]]) -> None:
    """A name without its middle or first names (Tayyip Erdogan, Abdelrahim Dagalo) is the one
    longer name of the corpus that holds all its words and ends with the same surname; two
    candidates (Mohamed and Abdelrahim Hamdan Dagalo for "Hamdan Dagalo") leave it alone."""
    people = _full_people(target, label_of)
    words_of = {key: set(key.split(":", 1)[-1].split()) for key in people}
    by_surname: dict[str, list[str]] = defaultdict(list)
    for key in people:
        by_surname[_ordered_words(key, forms_of)[-1]].append(key)
    surname_of = {key: surname for surname, keys in by_surname.items() for key in keys}
    for key in sorted(people, key=lambda k: (-len(words_of[k]), k)):
        if target[key] != key:
            continue
        roots = {_root(target, other) for other in by_surname[surname_of[key]] if words_of[key] < words_of[other]}
        if len(roots) == 1 and key not in roots:
            target[key] = roots.pop()


def _merge_spelling_variants(target: dict[str, str], label_of: dict[str, str], sizes: Counter) -> None:
    """Two full names of people that differ only by a transliteration (Zabihullah/Zabiullah
    Mujahid) are one person: same number of words, one word identical, the others alike.

    Only names in one block are compared (`_variant_blocks`), so the work grows with the
    number of names, not its square: a common given name no longer pairs every name holding it
    with every other."""
    names = [
        k for k, label in label_of.items()
        if " " in k.split(":", 1)[-1] and (
            (label == "PERSON" and k.startswith("person:")) or (label in ("GPE", "LOC") and ":" not in k)
        )
    ]
    order = {key: i for i, key in enumerate(names)}
    blocks = _variant_blocks(names, label_of)
    for key in sorted(names, key=lambda k: -sizes[k]):
        if target[key] != key:
            continue
        words = key.split(":", 1)[-1].split()
        place = label_of[key] in ("GPE", "LOC")
        for word in words:
            # The names sharing `word` whose other words may be alike, in the order a scan of
            # every name holding `word` would meet them.
            found = set()
            for block in _block_keys(words, word, place):
                found.update(blocks.get(block, ()))
            for other in sorted(found, key=order.__getitem__):
                if other == key or target[other] != other or (label_of[other] in ("GPE", "LOC")) != place:
                    continue
                other_words = other.split(":", 1)[-1].split()
                if len(other_words) == len(words) and _alike(words, other_words, loose=place):
                    target[other] = key


def _variant_blocks(names: list[str], label_of: dict[str, str]) -> dict[tuple, list[str]]:
    """Names by block: (word count, place or not, a word of the name, a key of one of its other
    words). Two names `_alike` joins share a word, and their other words are spelling variants,
    which nearly always keeps their consonant skeletons equal or their letters one apart
    (`_skeleton_variants`), so they share a block. Variants further apart (Syniehubov /
    Synegubov) are left to `_merge_transliterations`; short words two letters apart that a
    comparison of every pair would join (Rala / Ralema) are more often two names than one."""
    blocks: dict[tuple, list[str]] = defaultdict(list)
    for key in names:
        words = key.split(":", 1)[-1].split()
        place = label_of[key] in ("GPE", "LOC")
        for word in set(words):
            for block in _block_keys(words, word, place):
                blocks[block].append(key)
    return blocks


def _block_keys(words: list[str], shared: str, place: bool) -> set[tuple]:
    """The blocks of a name whose word `shared` another name also holds."""
    return {(len(words), place, shared, variant)
            for other in words if other != shared for variant in _skeleton_variants(other)}


@lru_cache(maxsize=65536)
def _skeleton_variants(word: str) -> frozenset[tuple[str, str]]:
    """The keys of a word two alike words share: its consonant skeleton (lower case, vowels
    dropped, doubled letters single: Mohammed / Mohamad, Younis / Yunis, Berhan / Birhan) and,
    when that has four consonants or more, the skeleton less one (Abdulrahim / Abdulrahman);
    the word itself, and with one letter left out (Zabihullah / Zabiullah, Oleh / Oleg). Shorter
    skeletons less one consonant would put most short names in one block."""
    lower = word.lower()
    skeleton = ""
    for ch in lower:
        if ch not in "aeiouyw" and not skeleton.endswith(ch):
            skeleton += ch
    shorter = {skeleton[:i] + skeleton[i + 1:] for i in range(len(skeleton))} if len(skeleton) > 3 else set()
    return frozenset({("skeleton", skeleton), *(("skeleton", s) for s in shorter), ("spelling", lower),
                      *(("spelling", lower[:i] + lower[i + 1:]) for i in range(len(lower)))})


def _alike(a: list[str], b: list[str], loose: bool = False) -> bool:
    """Names sharing a word whose other words are spelling variants of each other. Places
    may differ more (Khan Younis/Khan Yunis, Debre Berhan/Debre Birhan) as long as their
    consonants agree; people need close spellings (Hassan and Hussein stay apart)."""
    rest_a = sorted(set(a) - set(b))
    rest_b = sorted(set(b) - set(a))
    if len(rest_a) != len(rest_b) or not rest_a or len(rest_a) == len(a):
        return False
    for x, y in zip(rest_a, rest_b):
        if len(x) < 4 or len(y) < 4:
            return False
        ratio = SequenceMatcher(None, x, y).ratio()
        if not (ratio >= 0.8 or (loose and ratio >= 0.7 and _consonants(x) == _consonants(y))):
            return False
    return True


def _consonants(word: str) -> str:
    return word[0] + "".join(ch for ch in word[1:] if ch not in "aeiouyw")


def _candidates(words: set[str], person_words: dict[str, set[str]]) -> list[str]:
    """The full names whose words strictly include `words` (in `person_words` order)."""
    return [p for p, full in person_words.items() if words < full]


class _PeopleIndex:
    """The full names holding each word, so a partial name looks only at the full names that
    hold its rarest word instead of at every full name of the corpus."""

    def __init__(self, person_words: dict[str, set[str]]) -> None:
        self.person_words = person_words
        self.order = {person: i for i, person in enumerate(person_words)}
        self.holding: dict[str, set[str]] = defaultdict(set)
        for person, words in person_words.items():
            for word in words:
                self.holding[word].add(person)

    def candidates(self, words: set[str]) -> list[str]:
        """`_candidates(words, person_words)`, by the index."""
        sets = sorted((self.holding.get(word, set()) for word in words), key=len)
        if not sets or not sets[0]:
            return []
        found = set(sets[0]).intersection(*sets[1:])
        return sorted((p for p in found if words < self.person_words[p]), key=self.order.__getitem__)


def _person_for_part(key, mention, label_of, person_words, docs_of,
                     candidates_of: dict[str, list[str]] | None = None,
                     index: _PeopleIndex | None = None) -> str | None:
    """The full-name group a partial name belongs to, or None. `candidates_of` memoises the
    full names of each key across the mentions of one `resolve` call."""
    if key.startswith("country:") or key in person_words:
        return None
    words = set(key.split(":", 1)[-1].split())
    if not words:
        return None
    if candidates_of is None:
        candidates = _candidates(words, person_words)
    elif key in candidates_of:
        candidates = candidates_of[key]
    else:
        found = index.candidates(words) if index is not None else _candidates(words, person_words)
        candidates = candidates_of[key] = found
    if not candidates:
        return None
    same_doc = [p for p in candidates if mention.doc_id in docs_of[p]]
    if mention.label != "PERSON":
        # A place or organisation reading yields only to a one-word part of a person's name
        # given in full in the same article (Austin after Lloyd Austin).
        if len(words) != 1:
            return None
        return same_doc[0] if len(same_doc) == 1 else None
    if len(same_doc) == 1:
        return same_doc[0]
    if not same_doc and len(candidates) == 1:
        return candidates[0]
    return None


def _canonical_names(final_keys: list[str], cleans: list[str], mentions: Sequence[MentionRef]) -> list[str]:
    forms: dict[str, Counter] = defaultdict(Counter)
    for key, clean in zip(final_keys, cleans):
        forms[key][clean] += 1
    names: dict[str, str] = {}
    for key, counter in forms.items():
        if key.startswith("country:"):
            names[key] = _countries_by_key().get(key[len("country:"):]) or _best(counter, person=False)
            continue
        if key.startswith("org:"):
            # The press's most used form, unless the group holds the reference spelling.
            reference = _ORG_ALIASES_BY_KEY.get(next(iter(counter)))
            names[key] = reference if reference in counter else _best(counter, person=False)
            continue
        names[key] = _best(counter, person=key.startswith("person:"))
    return [names[key] for key in final_keys]


def _well_formed(form: str) -> bool:
    """Capitalised, and not a shouted dateline word (KABUL) unless it is an acronym."""
    if not form or not form[0].isupper():
        return False
    return not (form.isupper() and len(form) > 5 and " " not in form) or looks_like_acronym(form) and len(form) <= 6


def _best(counter: Counter, person: bool) -> str:
    """The canonical form among a group's cleaned surface forms (see the module docstring)."""

    def score(form: str):
        words = len(form.split())
        common = (_well_formed(form), counter[form])
        if person:
            return (_well_formed(form), words, counter[form], has_diacritics(form), form)
        return (*common, len(form), has_diacritics(form), form)

    return max(counter, key=score)
