"""The offline pipeline's entity recogniser: gazetteer matches plus proper-noun heuristics.

A spaCy SpanRuler finds every gazetteer name (case-sensitive) and puts it in
`doc.spans[GAZETTEER_KEY]`. This component then reads the text the way a wire editor would:
it finds runs of capitalised words, drops the ordinary words that are capitalised only because
they start a sentence, a title-case headline or an all-capital line, peels titles off names
("Turkish President Tayyip Recep Erdogan"), types each run by its head word (Ministry of ...,
... Forces, ... Airport, ... River) or by its context ("X said", "spokesman X", "X, a member
of ..."), and falls back on the gazetteer spans inside it. Unknown single capitalised words it
cannot type are left out here and listed in `doc.user_data[UNRESOLVED_KEY]`, so that
`find_mentions` can type them from the rest of the corpus (a surname seen in a full name).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

import numpy
from spacy.attrs import ENT_IOB, ENT_TYPE, IDX, LENGTH, ORTH, SPACY
from spacy.language import Language
from spacy.tokens import Doc

from analysis.nlp.cues import Context, read_context
from analysis.nlp.data.common_words import COMMON_WORDS
from analysis.nlp.layout import headline_tokens, sentence_starts
from analysis.nlp.lexicon import (
    ARMED_GROUP_OPENERS,
    CONNECTORS,
    DEMONYM_PLURALS,
    DEMONYMS,
    EVENT_HEADS,
    EVENT_SUFFIXES,
    FAC_SUFFIXES,
    FUNCTION_WORDS,
    GPE_SUFFIXES,
    LOC_SUFFIXES,
    NAME_PARTICLES,
    NON_ENTITY_ACRONYMS,
    NON_ENTITY_WORDS,
    ORG_HEADS,
    ORG_SUFFIXES,
    PERSON_TITLES,
    PLACE_PREFIXES,
    SHIP_PREFIXES,
    TITLE_MODIFIERS,
)

COMPONENT = "parallax_proper_nouns"
GAZETTEER_KEY = "parallax_gazetteer"
# Outputs besides doc.ents, for `find_mentions`: the entities as (start_char, end_char, label)
# (reading doc.ents back would build a Span per entity and walk every token again), the ones
# whose label is a guess without any cue ("Nyaung Kone" -> PERSON), which a cued reading of the
# same name elsewhere in the corpus may override, and the single capitalised words left untyped.
ENTITIES_KEY = "parallax_entities"
GUESSED_KEY = "parallax_guessed"
UNRESOLVED_KEY = "parallax_unresolved"

_WIDE_CONNECTORS = frozenset({"and", "the", "for", "on"})
_INITIAL = re.compile(r"^[A-Z]\.$")
_ACRONYM = re.compile(r"^(?:[A-Z][A-Z0-9&]{1,7}s?|(?:[A-Z]\.){2,4}|[A-Z]+-[A-Z0-9]+|[A-Z][0-9]{1,3})$")
_APOSTROPHE_S = frozenset({"'s", "’s", "'", "’"})
_ARTICLES = frozenset({"al", "el", "ad", "as", "ash", "an", "ar", "az"})
# Labels an unknown name takes from the name it is coordinated with ("X and Y").
_COORDINATED = frozenset({"PRODUCT", "GPE", "LOC", "FAC"})
_NORP = DEMONYMS | DEMONYM_PLURALS
_SPLITS = re.compile(r"[\s\-'’.&/]")
# Words a date starts with: never the last word of a name ("in Kandahar Sunday").
_WEEKDAYS = frozenset("Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split())
_MONTHS = frozenset(
    "January February March April May June July August September October November December "
    "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec".split()
)
# Lower-case words a name spelled out before its acronym may hold: "United Nations Assistance
# Mission in Afghanistan (UNAMA)", "Disaster and Emergency Management Authority (AFAD)".
# Prepositions after which a name is a place even when a speech verb follows ("in X said").
_PLACE_PREPOSITIONS = frozenset("in near outside inside across".split())
_DEFINITION_CONNECTORS = frozenset("of the and for in on to at de des du la le al el wal".split())

# Lower-case kinds of place after a name: the capitalised words before one are one name.
_PART_KINDS = frozenset("neighbourhood neighborhood district quarter suburb area village town camp".split())

# Token classes: other, capitalised word, acronym, connector inside a name.
_OTHER, _CAP, _ACR, _CONN = 0, 1, 2, 3

Span = tuple[int, int, str]  # tokens [start, end) and a label
Unresolved = tuple[int, int, bool]  # an untyped word's tokens, and whether it opens a sentence


class _Page(NamedTuple):
    """One text as the run readers see it: token texts and classes, the tokens that open a
    sentence, and the gazetteer span over each token."""

    texts: list[str]
    classes: list[int]
    starts: set[int]
    gaz_at: dict[int, Span]


class RunReading(NamedTuple):
    """What one run of capitalised words was read as: its entities, in text order, the single
    words left for the rest of the corpus to type, and which of the entities are guesses (a
    label from the words alone, without any cue)."""

    entities: tuple[Span, ...] = ()
    unresolved: tuple[Unresolved, ...] = ()
    guessed: tuple[Span, ...] = ()


def _guess(span: Span) -> RunReading:
    """A reading of one entity whose label is a guess."""
    return RunReading((span,), (), (span,))


_NOTHING = RunReading()


def is_multi_token(name: str) -> bool:
    """True when spaCy's tokenizer may split `name` (so the phrase matcher must find it)."""
    return bool(_SPLITS.search(name))


def _found_covers(found: list[tuple[int, int, str]], i: int) -> bool:
    """True when the last entity found covers token i."""
    return bool(found) and found[-1][1] > i


@lru_cache(maxsize=65536)
def _token_class(text: str, space_before: bool, space_after: bool) -> int:
    first = text[0]
    if first.isupper():
        if _INITIAL.match(text):
            return _CAP
        if _ACRONYM.match(text) or (text.isupper() and len(text) > 1):
            return _ACR
        if len(text) > 1 and not text.isupper() and text.lower() != text:
            return _CAP
        return _OTHER
    if text in CONNECTORS:
        return _CONN
    if text == "-" and not space_before and not space_after:
        return _CONN
    return _OTHER


def _classify_tokens(texts: list[str], spaces: list[int]) -> tuple[list[int], list[int]]:
    """Each token's class, and the capitalised tokens (only they can start a name)."""
    classes = [_OTHER] * len(texts)
    capitalised = []
    for i, token in enumerate(texts):
        if token[:1].isupper():
            capitalised.append(i)
            classes[i] = _token_class(token, False, False)
        elif token in CONNECTORS:
            classes[i] = _CONN
        elif token == "-" and i > 0 and not spaces[i - 1] and not spaces[i]:
            classes[i] = _CONN  # a hyphen inside a word: "al-Burhan"
        elif i > 0 and texts[i - 1] == "-" and _linking_syllable(texts, spaces, i):
            # "Tehreek-e-Taliban", "Hizb-ut-Tahrir". The hyphen is tested first because most
            # tokens reach this branch and few follow one: the whole loop takes 40% less time.
            classes[i] = _CONN
    return classes, capitalised


# The Persian and Urdu linking vowel written with one hyphen, before a capitalised word:
# "Shahr-e Buzurg", "Mazar-i Sharif", "Pul-e Khumri".
_IZAFE = frozenset({"e", "i", "ye"})


def _linking_syllable(texts: list[str], spaces: list[int], i: int) -> bool:
    """A one- or two-letter lower-case word between hyphens inside a name: the "e" of
    "Lashkar-e-Taiba", the "ut" of "Hizb-ut-Tahrir"; or a linking vowel after one hyphen
    before the name's next word ("Shahr-e Buzurg")."""
    token = texts[i]
    if not (len(token) <= 2 and token.isalpha() and token.islower() and 0 < i < len(texts) - 1
            and texts[i - 1] == "-" and not spaces[i - 1]):
        return False
    if texts[i + 1] == "-" and not spaces[i]:
        return True
    return token in _IZAFE and i >= 2 and bool(spaces[i]) and texts[i + 1][:1].isupper() and texts[i - 2][:1].isupper()


def _is_date_word(texts: list[str], i: int) -> bool:
    """A weekday, or a month before a day number ("Kabul March 3")."""
    word = texts[i]
    if word in _WEEKDAYS:
        return True
    return word in _MONTHS and i + 1 < len(texts) and texts[i + 1][:1].isdigit()


def _before_date(texts: list[str], start: int, end: int) -> int:
    """The run's end without a trailing date glued to the name: "in Kandahar Sunday", "President
    Tayyip Erdogan Tuesday". A weekday after an ordinary word stays ("Good Friday")."""
    for i in range(start + 1, end):
        if _is_date_word(texts, i) and texts[i - 1].lower() not in COMMON_WORDS:
            return i
    return end


def acronym_letters(words: list[str], function_words: bool = False) -> str:
    """The letters an acronym of these words would have: the initial of each capitalised
    word, every letter of an acronym word (UK Maritime Trade Operations -> UKMTO); lower-case
    function words are skipped, or give their initial too with `function_words`
    (National Commission for Refugees -> NCFR)."""
    letters = []
    for word in words:
        if word[:1].isupper():
            letters.append(word if word.isupper() and len(word) <= 4 else word[0])
        elif function_words and word[:1].isalpha():
            letters.append(word[0])
    return "".join(letters).upper()


def _starts_spelling(acronym: str, words: list[str]) -> bool:
    """True when the acronym is the initials of the words' start, function words skipped or not."""
    return any(acronym_letters(words, kept).startswith(acronym) for kept in (False, True))


def _letters_within(acronym: str, words: list[str]) -> bool:
    """True when every letter of the acronym is an initial of the words (any order: PNH for
    Haitian National Police, in French order)."""
    return set(acronym) <= set(acronym_letters(words, function_words=True))


def _acronym_after(texts: list[str], end: int) -> str | None:
    """The acronym in parentheses right after token `end - 1` ("... Authority (AFAD)"), if any."""
    if end + 2 < len(texts) and texts[end] == "(" and texts[end + 2] == ")":
        inner = texts[end + 1]
        if _ACRONYM.match(inner) and inner not in NON_ENTITY_ACRONYMS:
            return inner
    return None


def _defined_name_end(texts: list[str], classes: list[int], start: int, end: int, gaz_at: dict) -> int:
    """End of a name spelled out before its acronym, when that reaches past the plain run over
    lower-case function words: "United Nations Assistance Mission in Afghanistan (UNAMA)". The
    longer reading is taken when the acronym is the initials of the whole (or of its start,
    "... Works Agency for Palestine Refugees (UNRWA)") but not of the plain run ("Rapid Support
    Forces in Darfur (RSF)"), or when it spells no later part either (a translated name, see
    `_translated_name`): "Kandahar and the Islamic State (IS)" and "Rebels of the Democratic
    Republic of the Congo (DRC)" stay apart."""
    if not _function_word_follows(texts, classes, end):
        return end
    defined = _spelled_out_end(texts, classes, start, end)
    if defined == end:
        return end
    acronym = _acronym_after(texts, defined).replace(".", "").upper()
    if _acronym_spells_longer_name(texts, classes, gaz_at, acronym, (start, end, defined)):
        return defined
    return end


def _function_word_follows(texts: list[str], classes: list[int], end: int) -> bool:
    """Whether the run is followed by a lower-case word a spelled-out name may hold ("in", "of")."""
    return end < len(texts) and classes[end] not in (_CAP, _ACR) and texts[end] in _DEFINITION_CONNECTORS


def _spelled_out_end(texts: list[str], classes: list[int], start: int, end: int) -> int:
    """Reading on from `end` over capitalised words and the function words between them (14
    tokens from `start` at most, never into a date), the end of the last word an acronym in
    parentheses follows; `end` when none does."""
    i, limit, defined = end, min(len(texts), start + 14), end
    while i < limit:
        if classes[i] in (_CAP, _ACR) and not _is_date_word(texts, i):
            i += 1
            if _acronym_after(texts, i):
                defined = i
        elif texts[i] in _DEFINITION_CONNECTORS or texts[i] == "-" or classes[i] == _CONN:
            i += 1
        else:
            break
    return defined


def _acronym_spells_longer_name(texts: list[str], classes: list[int], gaz_at: dict, acronym: str,
                                bounds: tuple[int, int, int]) -> bool:
    """Whether `acronym` names the whole [start, defined) rather than the plain run [start, end),
    for `bounds` (start, end, defined)."""
    start, end, defined = bounds
    if any(acronym_letters(texts[k:end]) == acronym for k in range(start, end)):
        return False  # "Rapid Support Forces in Darfur (RSF)": the plain run is the name
    # From any word of the plain run: "The United Nations Office for the Coordination of
    # Humanitarian Affairs (OCHA)" spells OCHA from "Office".
    if len(acronym) >= 3 and any(_starts_spelling(acronym, texts[k:defined]) for k in range(start, end)):
        return True
    if _spells_later_name(texts, classes, acronym, end, defined):
        return False
    return _translated_name(texts, classes, gaz_at, bounds)


def _spells_later_name(texts: list[str], classes: list[int], acronym: str, end: int, defined: int) -> bool:
    """Whether the acronym's letters all come from a name after one of the function words in
    [end, defined): "Kandahar and the Islamic State Khorasan Province (ISKP)" names the group only."""
    return any((texts[j] in _DEFINITION_CONNECTORS or classes[j] == _CONN)
               and _letters_within(acronym, texts[j + 1 : defined]) for j in range(end, defined))


def _translated_name(texts: list[str], classes: list[int], gaz_at: dict, bounds: tuple[int, int, int]) -> bool:
    """An acronym of the name in another language: "Disaster and Emergency Management Authority
    (AFAD)", "Armed Forces of the Democratic Republic of the Congo (FARDC)". The whole is one
    name after an organisation's word, or when only "and" bridges it and the plain run holds no
    known name ("Guerrillas of the National Liberation Army (ELN)" and "Turkey and Disaster ..."
    keep their first word out)."""
    start, end, defined = bounds
    if texts[end - 1] in ORG_HEADS or texts[end - 1] in ORG_SUFFIXES:
        return True
    bridges = {texts[j] for j in range(end, defined) if classes[j] not in (_CAP, _ACR)}
    return bridges <= {"and", "&"} and not any(i in gaz_at for i in range(start, end))


class ProperNounRecognizer:
    """Sets `doc.ents` from the gazetteer spans and the capitalised runs of the text."""

    def __init__(self, gazetteer_labels: dict[str, str], countries: frozenset[str]):
        self.gazetteer_labels = gazetteer_labels
        self.countries = countries
        # Places by lower-case name, for words in capitals (datelines: KABUL, PORT-AU-PRINCE).
        self.places_lower = {
            name.lower().replace("-", " "): label for name, label in gazetteer_labels.items() if label in ("GPE", "LOC")
        }

    # ----------------------------------------------------------------- the component
    def __call__(self, doc: Doc) -> Doc:
        # Token texts and offsets from one array call, column by column: creating Token
        # objects, or a list per token, would cost more than the rest.
        orths, offsets, lengths, spaces = doc.to_array([ORTH, IDX, LENGTH, SPACY]).T.tolist() if len(doc) \
            else ([], [], [], [])
        texts = list(map(doc.vocab.strings.__getitem__, orths))
        page, gaz, muted, capitalised = self._read_page(doc, texts, spaces)
        classes, gaz_at = page.classes, page.gaz_at
        found: list[Span] = []
        unresolved: list[Unresolved] = []
        guessed: set[Span] = set()
        # Only capitalised words and gazetteer names can start an entity.
        candidates = sorted(set(capitalised).union(span[0] for span in gaz))
        end = 0
        for i in candidates:
            if i < end:
                continue
            if classes[i] not in (_CAP, _ACR) or i in muted:
                span = gaz_at.get(i)
                if span is not None and span[0] == i:
                    found.append(span)
                    end = span[1]
                continue
            end = self._run_end(texts, classes, i, gaz_at)
            if i >= 2 and texts[i - 1] == "-" and classes[i - 1] == _CONN and texts[i - 2] in _ARTICLES and not _found_covers(found, i - 2):
                i -= 2  # "al-Fara": the article belongs to the name
            reading = self._classify_run(page, i, end, found[-1] if found else None)
            found.extend(reading.entities)
            unresolved.extend(reading.unresolved)
            guessed.update(reading.guessed)
        chosen = self._choose(found)
        self._set_entities(doc, chosen)
        doc.user_data[ENTITIES_KEY] = [
            (offsets[start], offsets[end - 1] + lengths[end - 1], label)
            for start, end, label in chosen
        ]
        doc.user_data[GUESSED_KEY] = [
            (offsets[start], offsets[end - 1] + lengths[end - 1])
            for start, end, label in chosen
            if (start, end, label) in guessed
        ]
        doc.user_data[UNRESOLVED_KEY] = [
            (offsets[s], offsets[s] + lengths[s], initial) for s, _, initial in unresolved
        ]
        return doc

    def _read_page(self, doc: Doc, texts: list[str],
                   spaces: list[int]) -> tuple[_Page, list[Span], set[int], list[int]]:
        """The text as the run readers see it, with the gazetteer names, the headline tokens
        (muted: capitalised by style) and the capitalised tokens."""
        classes, capitalised = _classify_tokens(texts, spaces)
        starts = sentence_starts(texts, capitalised)
        muted = headline_tokens(texts, classes)
        gaz = self._gazetteer(doc, texts, capitalised, muted)
        gaz_at = {}
        for span in gaz:
            for i in range(span[0], span[1]):
                gaz_at[i] = span
        return _Page(texts, classes, starts, gaz_at), gaz, muted, capitalised

    # ----------------------------------------------------------------- gazetteer
    def _gazetteer(self, doc: Doc, texts: list[str], capitalised: list[int], muted: set[int]) -> list[tuple[int, int, str]]:
        """Non-overlapping gazetteer matches, longest first; capital-letter place names (a
        dateline's KABUL) are looked up in title case."""
        spans = [(s.start, s.end, s.label_) for s in doc.spans.get(GAZETTEER_KEY, [])]
        labels = self.gazetteer_labels
        for i in capitalised:
            text = texts[i]
            label = labels.get(text)
            if label is None and len(text) >= 4 and not text.isupper() and text.lower() not in COMMON_WORDS \
                    and labels.get(text.upper()) == "ORG":
                label = "ORG"  # an acronym written as a word: "Nato", "Unicef"
            if label is not None:
                spans.append((i, i + 1, label))
            elif len(text) > 3 and text.isupper() and text.isalpha() and i not in muted:
                label = self.places_lower.get(text.lower().replace("-", " "))
                if label is not None:
                    spans.append((i, i + 1, label))
        spans.extend(self._datelines(doc, texts, capitalised))
        spans.sort(key=lambda s: (-(s[1] - s[0]), s[0]))
        taken: set[int] = set()
        kept = []
        for span in spans:
            start, end = span[0], span[1]
            if end - start == 1:  # most matches: one token, one set lookup
                if start in taken:
                    continue
                taken.add(start)
            elif any(i in taken for i in range(start, end)):
                continue
            else:
                taken.update(range(start, end))
            kept.append(span)
        return kept

    def _datelines(self, doc: Doc, texts: list[str], capitalised: list[int]) -> list[tuple[int, int, str]]:
        """A place in capitals of several words opening a line: "ADDIS ABABA, Ethiopia"."""
        spans = []
        n = len(texts)
        for i in capitalised:
            if not (i == 0 or "\n" in texts[i - 1]) or not texts[i].isupper():
                continue
            j = i
            while j < n and (texts[j].isupper() and texts[j].replace("-", "").replace("'", "").isalpha() or texts[j] == "-"):
                j += 1
            if j - i >= 2:
                label = self.places_lower.get(doc[i:j].text.lower().replace("-", " ").replace("  ", " "))
                if label is not None:
                    spans.append((i, j, label))
        return spans

    @staticmethod
    def _run_end(texts: list[str], classes: list[int], start: int, gaz_at: dict) -> int:
        """End (exclusive) of the run of capitalised words starting at `start`."""
        n = len(texts)
        end = start + 1
        wide = texts[start] in ORG_HEADS
        i = start + 1
        while i < n:
            cls = classes[i]
            if cls in (_CAP, _ACR):
                end = i + 1
                i += 1
                continue
            if (
                texts[i] in _APOSTROPHE_S and i + 1 < n and classes[i + 1] == _CAP
                and texts[i - 1].lower() in COMMON_WORDS and classes[i - 1] == _CAP
                and texts[i - 1] not in GPE_SUFFIXES and texts[i - 1] not in ORG_SUFFIXES
            ):
                i += 1  # "People's Defence Force", "Kurdistan Workers' Party"
                continue
            if cls == _CONN or (texts[i] in _WIDE_CONNECTORS and wide):
                # A connector only joins when a capitalised word follows (or "al-" + word).
                j = i + 1
                while j < n and (classes[j] == _CONN or (wide and texts[j] in _WIDE_CONNECTORS)):
                    j += 1
                if j < n and classes[j] in (_CAP, _ACR) and j - i <= 3:
                    i = j
                    continue
            break
        # A gazetteer span that starts inside the run may end after it ("Gulf of Aden").
        last = gaz_at.get(end - 1)
        if last and last[1] > end:
            end = last[1]
        end = _before_date(texts, start, end)
        return max(end, _defined_name_end(texts, classes, start, end, gaz_at))

    # ----------------------------------------------------------------- typing
    # Each reader below returns the entities it reads in the run, or None when the run is not
    # its kind; `_classify_run` asks them in turn, from the surest reading (a known name) to the
    # weakest (a guess from the words alone).
    def _classify_run(self, page: _Page, a: int, b: int, previous: Span | None) -> RunReading:
        """Type the capitalised run [a, b): trim what is not part of the name, then ask each
        reader in turn. `previous` is the last entity found before it (for "X and Y")."""
        a, b, opened = self._trim_run(page, a, b)
        if a >= b:
            return _NOTHING
        if opened:
            page = page._replace(starts=page.starts | {a})  # what follows a dropped opener still opens the sentence
        texts, classes, gaz_at = page.texts, page.classes, page.gaz_at
        known = self._known_name(page, a, b)
        if known is not None:
            return RunReading(known)
        if self._defined_organisation(texts, classes, gaz_at, a, b):
            return RunReading(((a, b, "ORG"),))  # "... Works Agency for Palestine Refugees (UNRWA)"
        context = read_context(texts, a, b)
        hyphenated = self._hyphenated_places(texts, classes, gaz_at, a, b)
        if hyphenated is not None:
            return RunReading(hyphenated)
        of = self._titled_name_of(texts, classes, gaz_at, a, b)
        if of is not None:
            # "Prof. Layla Haddad of Birzeit University": the person, then the institution.
            return self._read_in_turn(page, ((a, of), (of + 1, b)), previous)
        named = self._named_by_its_words(page, a, b, context)
        if named is None:
            named = self._titled_person(page, a, b)
        if named is not None:
            return RunReading(named)
        inside = self._gaz_inside(gaz_at, a, b)
        if inside:
            return self._classify_around_known(page, a, b, context, inside, previous)
        return self._classify_unknown(page, a, b, context, previous)

    def _read_in_turn(self, page: _Page, runs: tuple[tuple[int, int], ...], previous: Span | None) -> RunReading:
        """Two runs read one after the other: the second sees the first's last entity as the one
        before it, as in the text."""
        entities: list[Span] = []
        unresolved: list[Unresolved] = []
        guessed: list[Span] = []
        for a, b in runs:
            reading = self._classify_run(page, a, b, entities[-1] if entities else previous)
            entities.extend(reading.entities)
            unresolved.extend(reading.unresolved)
            guessed.extend(reading.guessed)
        return RunReading(tuple(entities), tuple(unresolved), tuple(guessed))

    def _trim_run(self, page: _Page, a: int, b: int) -> tuple[int, int, bool]:
        """The run without the words that only look like part of a name: ordinary words opening
        a sentence, the "of the" after them, words that are never an entity, trailing
        connectors. Also says whether a sentence opener was dropped."""
        texts, classes, gaz_at = page.texts, page.classes, page.gaz_at
        a, opened = self._after_sentence_opener(page, a, b)
        while a < b and opened and texts[a] in _DEFINITION_CONNECTORS and classes[a] != _CONN:
            a += 1  # "Officials of the Disaster and ... Authority (AFAD)": the name starts after
        while a < b and (texts[a] in NON_ENTITY_WORDS or (classes[a] == _ACR and texts[a] in NON_ENTITY_ACRONYMS and a not in gaz_at)):
            a = self._skip_connectors(classes, gaz_at, a + 1, b)
        while b > a and classes[b - 1] == _CONN:
            b -= 1
        return a, b, opened

    def _after_sentence_opener(self, page: _Page, a: int, b: int) -> tuple[int, bool]:
        """Where the run starts without the ordinary words capitalised only because they open a
        sentence ("In Kabul", "The Taliban", "Fighting continued"), and whether any was dropped.
        "Emergency Room, a volunteer group": a capitalised word follows, so it may be a name."""
        texts, classes, starts, gaz_at = page
        opened = False
        while a < b and a in starts and classes[a] == _CAP and texts[a].lower() in COMMON_WORDS and a not in gaz_at:
            following = a + 2 if a + 1 < b and texts[a + 1] in _APOSTROPHE_S else a + 1
            if texts[a].lower() not in FUNCTION_WORDS and following < b and classes[following] == _CAP and following not in gaz_at:
                break
            a = self._skip_connectors(classes, gaz_at, following if following > a + 1 else a + 1, b)
            opened = True
        return a, opened

    def _known_name(self, page: _Page, a: int, b: int) -> tuple[Span, ...] | None:
        """The gazetteer's reading when it knows the whole run; a town name right after a title is
        a person ("Gen. Hamid"), a group noun opening a sentence ("Jihadists ambushed") nothing."""
        texts = page.texts
        whole = page.gaz_at.get(a)
        if not (whole and whole[0] == a and whole[1] == b):
            return None
        if self._common_plural_opener(texts, page.starts, a, b, whole):
            return ()
        if (
            whole[2] == "GPE" and b - a <= 2 and texts[a] not in self.countries
            and self._after_title(texts, a) and read_context(texts, a, b).person_cue
        ):
            return ((a, b, "PERSON"),)
        return (whole,)

    def _named_by_its_words(self, page: _Page, a: int, b: int, context: Context) -> tuple[Span, ...] | None:
        """A name its own first or last word types: "The Irrawaddy" mid-sentence, "... Forces",
        "Ministry of ...", then the kind words (`_named_by_kind_word`)."""
        texts, _, starts, gaz_at = page
        head, tail = texts[a], texts[b - 1]
        words = b - a
        if head == "The" and a not in starts and words >= 2 and not (a + 1 in gaz_at and gaz_at[a + 1][1] == b):
            return ((a, b, "ORG"),)  # "told The Irrawaddy": a title, mid-sentence
        if words >= 2 and tail in GPE_SUFFIXES and a in gaz_at and gaz_at[a][2] == "GPE":
            return ((a, b, "GPE"),)
        if words >= 2 and tail in ORG_SUFFIXES:
            return self._organisation_by_suffix(page, a, b)
        if words >= 3 and head in ORG_HEADS and "of" in texts[a:b]:
            return ((a, b, "ORG"),)
        if words >= 2 and head in ARMED_GROUP_OPENERS:
            return ((a, b, "ORG"),)  # "the Katiba Macina": a group, though Macina is a town
        return self._named_by_kind_word(head, tail, a, b, context)

    @staticmethod
    def _named_by_kind_word(head: str, tail: str, a: int, b: int, context: Context) -> tuple[Span, ...] | None:
        """A name whose first or last word says what kind of thing it is: "Battle of ...",
        "... Offensive", "... Airport", "... River", "... Province", "USS ..."."""
        words = b - a
        if words >= 2 and (head in EVENT_HEADS or tail in EVENT_SUFFIXES) and not context.person_cue:
            return ((a, b, "EVENT"),)
        if words >= 2 and tail in FAC_SUFFIXES:
            return ((a, b, "FAC"),)
        if words >= 2 and tail in LOC_SUFFIXES:
            return ((a, b, "LOC"),)
        if words >= 2 and tail in GPE_SUFFIXES and head[0].isupper():
            return ((a, b, "GPE"),)
        if context.ship_cue or (head in SHIP_PREFIXES and words >= 2):
            return ((a, b, "PRODUCT"),)  # "the Captain Paris vessel", "USS Mason"
        return None

    def _organisation_by_suffix(self, page: _Page, a: int, b: int) -> tuple[Span, ...]:
        """A run ending in an organisation's word ("Turkish Defence Ministry", "Rapid Support
        Forces"); an abbreviated country before it is a name of its own ("U.S. Central Command")."""
        texts = page.texts
        lead = page.gaz_at.get(a)
        if lead and lead[0] == a and b - lead[1] >= 2 and lead[1] - a == 1 and texts[a] in self.countries \
                and texts[a].replace(".", "").isupper():
            return (lead, (lead[1], b, "ORG"))
        return ((a, b, "ORG"),)

    def _titled_person(self, page: _Page, a: int, b: int) -> tuple[Span, ...] | None:
        """Titles before a name ("Turkish President Tayyip Recep Erdogan", "Gen. Burhan"): the
        countries and acronyms among the titles, then the person."""
        texts, classes, _, gaz_at = page
        split = self._title_split(texts, classes, gaz_at, a, b)
        if split is None:
            return None
        entities = [span for span in self._gaz_inside(gaz_at, a, split)
                    if span[2] != "GPE" or texts[span[0]] in self.countries or span[1] - span[0] > 1]
        entities.extend((i, i + 1, "ORG") for i in range(a, split)
                        if classes[i] == _ACR and i not in gaz_at and texts[i] not in NON_ENTITY_ACRONYMS)
        if split < b:
            entities.append(self._classify_person(texts, gaz_at, split, b))
        return tuple(entities)

    def _classify_around_known(self, page: _Page, a: int, b: int, context: Context,
                               inside: list[Span], previous: Span | None) -> RunReading:
        """A run holding known names (`inside`, from the gazetteer) but not known whole: a person
        or the known names themselves, a name built on a known one, else each stretch between
        the known names typed on its own."""
        named = self._only_known_names(page, a, b, context, inside)
        if named is None:
            named = self._named_after_known(page, a, b, context, inside)
        if named is not None:
            return RunReading(named)
        after_city = self._named_after_city(page, a, b, context, inside)
        if after_city is not None:
            return after_city
        return self._known_and_stretches_between(page, a, b, inside, previous)

    def _only_known_names(self, page: _Page, a: int, b: int, context: Context,
                          inside: list[Span]) -> tuple[Span, ...] | None:
        """"Abdul Malik al-Houthi" (a person, not the Houthis); a run whose every word is in a
        known name is those names, or a family named like a town ("the al-Fara family")."""
        texts, classes, _, gaz_at = page
        if self._family_name_person(texts, classes, gaz_at, a, b, inside, context):
            return ((a, b, "PERSON"),)
        covered = sum(s[1] - s[0] for s in inside)
        if covered != sum(1 for i in range(a, b) if classes[i] != _CONN):
            return None
        if context.person_cue and texts[a] in _ARTICLES and all(s[2] == "GPE" and texts[s[0]] not in self.countries for s in inside):
            return ((a, b, "PERSON"),)
        if len(inside) > 1 and b < len(texts) and texts[b] in _PART_KINDS and all(s[2] == "GPE" for s in inside):
            return ((a, b, "GPE"),)  # "Khair Khana neighbourhood": one part's name, whatever its words mean alone
        return tuple(inside)

    def _named_after_known(self, page: _Page, a: int, b: int, context: Context,
                           inside: list[Span]) -> tuple[Span, ...] | None:
        """A place, facility or organisation named after a known name: "the Abu Shouk
        displacement camp", "Kamal Adwan hospital", "Radio Free Asia", "Myanmar Now"."""
        if context.place_cue and all(s[2] in ("GPE", "LOC") for s in inside):
            return ((a, b, "GPE"),)
        if (context.fac_cue or context.org_cue) and all(s[2] in ("GPE", "LOC", "PERSON") for s in inside):
            return ((a, b, "FAC" if context.fac_cue else "ORG"),)
        return self._organisation_named_after_place(page, a, b, context, inside)

    @staticmethod
    def _organisation_named_after_place(page: _Page, a: int, b: int, context: Context,
                                        inside: list[Span]) -> tuple[Span, ...] | None:
        """Ordinary capitalised words before or after one known place name an organisation:
        "Radio Free Asia", "Bank of England", "Myanmar Now", "Kabul Times"."""
        texts, classes, starts, gaz_at = page
        uncovered_caps = [i for i in range(a, b) if classes[i] == _CAP and i not in gaz_at]
        if (
            inside[-1][1] == b and inside[-1][2] in ("GPE", "LOC") and uncovered_caps
            and uncovered_caps[-1] < inside[-1][0]
            and all(texts[i].lower() in COMMON_WORDS and texts[i] not in PLACE_PREFIXES for i in uncovered_caps)
            and not (a in starts and len(uncovered_caps) == 1 and uncovered_caps[0] == a)
        ):
            return ((a, b, "ORG"),)  # "Radio Free Asia", "Bank of England"
        if (
            inside[0][0] == a and inside[0][2] in ("GPE", "LOC") and uncovered_caps and uncovered_caps[0] > inside[0][1] - 1
            and all(texts[i].lower() in COMMON_WORDS and texts[i] not in GPE_SUFFIXES for i in uncovered_caps)
            and len(inside) == 1 and not context.place_cue
        ):
            return ((a, b, "ORG"),)  # "Myanmar Now", "Kabul Times"
        return None

    def _named_after_city(self, page: _Page, a: int, b: int, context: Context,
                          inside: list[Span]) -> RunReading | None:
        """Known names that are all towns, with other capitalised words: a place after a place
        cue ("in Tel Al-Sultan"), else a person ("Lloyd Austin": Austin is also a town)."""
        texts, classes, _, gaz_at = page
        if not all(s[2] == "GPE" and texts[s[0]] not in self.countries for s in inside):
            return None
        uncovered_caps = [i for i in range(a, b) if classes[i] == _CAP and i not in gaz_at]
        if not uncovered_caps:
            return None
        if context.location_cue and not context.person_cue:
            return RunReading(((a, b, "GPE"),))
        name_words = sum(1 for i in range(a, b) if classes[i] != _CONN)
        particle = any(texts[i].lower() in NAME_PARTICLES for i in range(a, b))
        if (
            2 <= name_words <= 5
            and (context.person_cue or particle or not any(texts[i].lower() in COMMON_WORDS for i in uncovered_caps))
            and not context.place_cue
        ):
            return RunReading(((a, b, "PERSON"),)) if context.person_cue else _guess((a, b, "PERSON"))
        return None

    def _known_and_stretches_between(self, page: _Page, a: int, b: int, inside: list[Span],
                                     previous: Span | None) -> RunReading:
        """The known names, and the stretches between them typed on their own."""
        entities: list[Span] = []
        unresolved: list[Unresolved] = []
        guessed: list[Span] = []
        cursor = a
        for stretch_end, span in [*((s[0], s) for s in inside), (b, None)]:
            if stretch_end > cursor:
                reading = self._classify_rest(page, cursor, stretch_end, entities[-1] if entities else previous)
                entities.extend(reading.entities)
                unresolved.extend(reading.unresolved)
                guessed.extend(reading.guessed)
            if span is not None:
                entities.append(span)
                cursor = span[1]
        return RunReading(tuple(entities), tuple(unresolved), tuple(guessed))

    @staticmethod
    def _common_plural_opener(texts, starts, a, b, span) -> bool:
        """A group noun English writes in lower case ("jihadists"), capitalised only because it
        opens a sentence or follows a dateline dash."""
        return (
            b - a == 1 and span[2] == "NORP" and texts[a] in DEMONYM_PLURALS
            and texts[a].lower() in COMMON_WORDS and (a in starts or (a > 0 and texts[a - 1] in ("-", "—", "–")))
        )

    def _family_name_person(self, texts, classes, gaz_at, a, b, inside, context) -> bool:
        """ "Abdul Malik al-Houthi", "Hassan Ali al-Houthi": given names, then "al-" and a
        family name that is also a group's name, are a person. Two given names (which may be
        town names too), or one with a particle or a person cue; never a country."""
        last = inside[-1]
        if last[1] != b or last[1] - last[0] != 1 or last[2] not in ("ORG", "NORP"):
            return False
        s = last[0]
        if s - a < 3 or texts[s - 1] != "-" or texts[s - 2].lower() not in _ARTICLES:
            return False
        given = [i for i in range(a, s - 2) if classes[i] != _CONN]
        for i in given:
            span = gaz_at.get(i)
            if classes[i] != _CAP or texts[i] in ORG_HEADS or texts[i] in ORG_SUFFIXES or texts[i] in self.countries:
                return False
            if span is None and texts[i].lower() in COMMON_WORDS:
                return False
            if span is not None and (span[2] != "GPE" or span[1] - span[0] != 1):
                return False
        particle = any(texts[i].lower() in NAME_PARTICLES for i in given)
        return len(given) >= 2 or (len(given) == 1 and (particle or context.person_cue))

    @staticmethod
    def _defined_organisation(texts, classes, gaz_at, a, b) -> bool:
        """A name of several words spelled out before its acronym, "(UNRWA)", whose letters it
        gives (in any order), is one organisation, whatever known names it holds; a place, a
        facility or a person keeps its own reading ("Gaza Strip", "... Power Plant (ZNPP)")."""
        acronym = _acronym_after(texts, b)
        words = [texts[i] for i in range(a, b) if classes[i] in (_CAP, _ACR)]
        if acronym is None or len(words) < 2:
            return False
        # The words before an "of" say what it is: "Armed Forces of the Central African Republic".
        bridge = next((i for i in range(a, b) if texts[i] in ("of", "in", "for")), b)
        organisation_first = any(texts[i] in ORG_HEADS or texts[i] in ORG_SUFFIXES for i in range(a, bridge))
        if not organisation_first and (texts[b - 1] in GPE_SUFFIXES or texts[b - 1] in LOC_SUFFIXES
                                       or texts[b - 1] in FAC_SUFFIXES):
            return False
        span = gaz_at.get(a)
        if span and span[0] == a and span[1] == b:
            return False
        if not _letters_within(acronym.replace(".", "").upper(), texts[a:b]):
            return False
        # An organisation's word or known organisation inside, or no known name at all.
        return any(texts[i] in ORG_HEADS or texts[i] in ORG_SUFFIXES or gaz_at.get(i, (0, 0, ""))[2] == "ORG"
                   for i in range(a, b)) or not any(i in gaz_at for i in range(a, b))

    @staticmethod
    def _hyphenated_places(texts: list[str], classes: list[int], gaz_at: dict[int, Span], a: int,
                           b: int) -> tuple[Span, ...] | None:
        """ "the Nabatieh-Kfarjouz road", "Tyre-Naqura", "Pakistan-Afghanistan border": names
        joined by bare hyphens, one of them a known place or nationality, are a pair of such
        names, each typed like the known one. None when the run is not such a pair."""
        parts = texts[a:b:2]
        if b - a < 3 or (b - a) % 2 == 0 or any(t != "-" for t in texts[a + 1 : b : 2]):
            return None
        if any(classes[i] != _CAP for i in range(a, b, 2)):
            return None
        labels = [gaz_at[i][2] if i in gaz_at and gaz_at[i][1] - gaz_at[i][0] == 1 else None for i in range(a, b, 2)]
        known = [label for label in labels if label in ("GPE", "LOC", "NORP")]
        if not known or len(parts) > 3:
            return None
        return tuple((offset, offset + 1, label or known[0]) for offset, label in zip(range(a, b, 2), labels))

    def _classify_rest(self, page: _Page, a: int, b: int, previous: Span | None) -> RunReading:
        """A stretch between known names, without its edge connectors, typed as an unknown name."""
        texts, classes = page.texts, page.classes
        while a < b and (classes[a] == _CONN or texts[a] in ("-",)):
            a += 1
        while b > a and classes[b - 1] == _CONN:
            b -= 1
        if a < b:
            return self._classify_unknown(page, a, b, read_context(texts, a, b), previous)
        return _NOTHING

    def _classify_unknown(self, page: _Page, a: int, b: int, context: Context, previous: Span | None) -> RunReading:
        """A name the gazetteer does not know: typed by its context, by the name it is coordinated
        with, or by its words; a single word that none of these types is left unresolved."""
        if context.person_cue and a > 0 and page.texts[a - 1] in _PLACE_PREPOSITIONS:
            # "a councillor in Hombori said": the speaker is the councillor, the name a place.
            context = context._replace(person_cue=False)
        caps = [i for i in range(a, b) if page.classes[i] != _CONN]
        label = self._unknown_label_from_context(page, a, b, context, caps, previous)
        if label is None and len(caps) == 1:
            return self._unknown_word(page, a, b, context)
        if label is not None:
            return RunReading(((a, b, label),))
        return self._unknown_reading_from_words(page, a, b, context, caps)

    @staticmethod
    def _unknown_label_from_context(page: _Page, a: int, b: int, context: Context, caps: list[int],
                                    previous: Span | None) -> str | None:
        """The label the surrounding words give: a ship ("the tanker Torm Thor"), the label of a
        place or ship it is coordinated with ("in Djibo and Sollé"), a facility, place or
        organisation cue."""
        texts = page.texts
        words = len(caps)
        if context.ship_cue or texts[a] in SHIP_PREFIXES and words >= 2:
            return "PRODUCT"
        if a >= 2 and texts[a - 1] in ("and", "or") and previous is not None and previous[1] == a - 1 \
                and previous[2] in _COORDINATED and not (words == 1 and texts[a].lower() in COMMON_WORDS):
            return previous[2]
        if context.fac_cue:
            return "FAC"
        if context.place_cue and not any(page.classes[i] == _ACR for i in caps):
            return "GPE"
        if context.org_cue:
            return "ORG"
        return None

    @staticmethod
    def _unknown_word(page: _Page, a: int, b: int, context: Context) -> RunReading:
        """One unknown capitalised word: an acronym is an organisation, a cue types a name, an
        ordinary word opening a sentence is nothing; anything else is left for the corpus."""
        text = page.texts[a]
        if page.classes[a] == _ACR:
            if text not in NON_ENTITY_ACRONYMS and not (a in page.starts and text in ("I", "A")):
                # "the KM4 junction", "the K5 roundabout": a code that names a place
                return RunReading(((a, b, "GPE" if context.place_cue and any(c.isdigit() for c in text) else "ORG"),))
            return _NOTHING
        common = text.lower() in COMMON_WORDS
        if common and (a in page.starts or text.lower() in TITLE_MODIFIERS):
            return _NOTHING
        if context.person_cue and not common:
            return RunReading(((a, b, "PERSON"),))
        if context.location_cue and not common:
            return RunReading(((a, b, "GPE"),))
        return RunReading((), ((a, b, a in page.starts),))

    @staticmethod
    def _unknown_reading_from_words(page: _Page, a: int, b: int, context: Context, caps: list[int]) -> RunReading:
        """Several unknown words: acronyms are an organisation; initials, particles ("bin",
        "al-") or a person cue make a person; words English does not use make a guessed person;
        ordinary words mid-sentence a guessed organisation ("the Emergency Lawyers")."""
        texts, classes, starts, _ = page
        words = len(caps)
        has_particle = any(texts[i].lower() in NAME_PARTICLES for i in range(a, b))
        has_initial = any(_INITIAL.match(texts[i]) for i in range(a, b))
        common = sum(1 for i in caps if texts[i].lower() in COMMON_WORDS)
        if all(classes[i] == _ACR for i in caps):
            return RunReading(((a, b, "ORG"),))
        if context.location_cue and not context.person_cue and not has_initial:
            return RunReading(((a, b, "GPE"),))  # "in Tel Al-Sultan"
        if context.person_cue or has_initial or (has_particle and words <= 5 and common < words):
            return RunReading(((a, b, "PERSON"),))
        if common == 0 and words <= 4:
            return _guess((a, b, "PERSON"))
        if common < len(caps) or a not in starts:
            return _guess((a, b, "ORG"))
        return _NOTHING

    def _classify_person(self, texts: list[str], gaz_at: dict[int, Span], a: int, b: int) -> Span:
        """The name after a title: a person, unless the gazetteer knows it as a country,
        an organisation or a group."""
        span = gaz_at.get(a)
        if span and span[0] == a and span[1] == b and (span[2] in ("ORG", "NORP") or texts[a] in self.countries):
            return span
        return (a, b, "PERSON")

    # ----------------------------------------------------------------- helpers
    @staticmethod
    def _skip_connectors(classes, gaz_at, a, b) -> int:
        """First index from `a` that is not a connector, or where a gazetteer name starts
        ("the al-Shabab group")."""
        while a < b and classes[a] == _CONN and not (a in gaz_at and gaz_at[a][0] == a):
            a += 1
        return a

    def _title_split(self, texts, classes, gaz_at, a, b) -> int | None:
        """Index where the name starts after leading titles, or None when the run has none."""
        i = a
        titled = False
        while i < b:
            lower = texts[i].lower()
            if lower in PERSON_TITLES and not (i + 1 < b and texts[i + 1] in ORG_SUFFIXES):
                titled = True
            elif lower in TITLE_MODIFIERS or classes[i] == _CONN or (classes[i] == _ACR and not titled):
                pass  # "Defense", "of", "RNDDH" in "RNDDH Executive Director Pierre Esperance"
            elif texts[i] in _NORP or (i in gaz_at and gaz_at[i][2] in ("GPE", "ORG") and not titled):
                span = gaz_at.get(i)
                if span and span[1] > i + 1:
                    i = span[1]
                    continue
            else:
                break
            i += 1
        if not titled:
            return None
        while i < b and classes[i] == _CONN:
            i += 1
        return i

    def _titled_name_of(self, texts, classes, gaz_at, a, b) -> int | None:
        """Index of the "of" after a titled person's name ("Dr. Amal Nasser of the Red
        Crescent"), or None: the run opens with a title, and a name of capitalised words
        unknown to the gazetteer stands between the titles and the "of"."""
        if texts[a].lower().rstrip(".") not in PERSON_TITLES and texts[a].lower() not in PERSON_TITLES:
            return None
        split = self._title_split(texts, classes, gaz_at, a, b)
        if split is None or split >= b:
            return None
        of = next((i for i in range(split + 1, b) if texts[i] == "of"), None)
        if of is None or of + 1 >= b:
            return None
        name = range(split, of)
        if any(classes[i] != _CAP or i in gaz_at and gaz_at[i][2] != "GPE" for i in name):
            return None
        return of

    @staticmethod
    def _after_title(texts, a) -> bool:
        return a > 0 and texts[a - 1].lower() in PERSON_TITLES

    @staticmethod
    def _gaz_inside(gaz_at, a, b) -> list[tuple[int, int, str]]:
        spans = []
        i = a
        while i < b:
            span = gaz_at.get(i)
            if span and span[0] == i and span[1] <= b:
                spans.append(span)
                i = span[1]
            else:
                i += 1
        return spans

    @staticmethod
    def _choose(found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
        """Non-overlapping entities, earliest first, the longest where two start together."""
        chosen = []
        last_end = 0
        for start, end, label in sorted(set(found), key=lambda s: (s[0], -(s[1] - s[0]))):
            if start >= last_end and end > start:
                chosen.append((start, end, label))
                last_end = end
        return chosen

    @staticmethod
    def _set_entities(doc: Doc, chosen: list[tuple[int, int, str]]) -> None:
        """Write the entities through one array (much faster than assigning `doc.ents`)."""
        n = len(doc)
        if not n:
            return
        # Plain lists first, one conversion after: a numpy write per entity costs more.
        iob = [2] * n  # O
        types = [0] * n
        strings = doc.vocab.strings
        hashes: dict[str, int] = {}
        for start, end, label in chosen:
            if label not in hashes:
                hashes[label] = strings.add(label)
            iob[start] = 3  # B
            iob[start + 1 : end] = [1] * (end - start - 1)  # I
            types[start:end] = [hashes[label]] * (end - start)
        values = numpy.empty((n, 2), dtype="uint64")
        values[:, 0] = numpy.array(iob, dtype="uint64")
        values[:, 1] = numpy.array(types, dtype="uint64")
        doc.from_array([ENT_IOB, ENT_TYPE], values)


@Language.factory(COMPONENT)
def make_proper_noun_recognizer(nlp: Language, name: str) -> ProperNounRecognizer:
    """spaCy factory: the component reads the gazetteer built for this process."""
    from analysis.nlp.gazetteers import build_gazetteer

    gazetteer = build_gazetteer()
    countries = frozenset(n for n, label in gazetteer.labels.items() if label == "GPE" and n in gazetteer.countries)
    return ProperNounRecognizer(gazetteer.labels, countries)
