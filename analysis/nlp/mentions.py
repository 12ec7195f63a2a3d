"""Entity mentions from any pipeline, with the corpus-level pass of the offline pipeline."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from typing import NamedTuple

from spacy.language import Language
from spacy.tokens import Doc

from analysis.nlp.pieces import batches, piece_limit, pieces_of
from analysis.nlp.proper_nouns import ENTITIES_KEY, GUESSED_KEY, UNRESOLVED_KEY

# Labels the analysis extracts with its own tools (casualty figures, dates).
DROPPED_LABELS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "PERCENT", "MONEY"})
BATCH_SIZE = 64
# Characters the pipeline holds at once: 64 typical articles, or ten pieces of a long one.
BATCH_CHARS = 1_000_000


class RawMention(NamedTuple):
    """One entity mention: character offsets into its text, the surface text, a spaCy label."""

    start: int
    end: int
    text: str
    label: str


def find_mentions(nlp: Language, texts: Sequence[str]) -> list[list[RawMention]]:
    """Entity mentions of every text, in order, with numeric and date labels dropped.

    A text longer than the pipeline takes at once is read in pieces (see analysis.nlp.pieces);
    the offsets always index the whole text. With the offline pipeline, a second pass types
    the capitalised words a single text left open from what the whole corpus says: a word that
    is the surname of a person named in full (Kirby after John F. Kirby) is that person; in the
    same article a surname also overrides a place reading (Austin after Lloyd Austin).
    """
    readings = read_texts(nlp, texts)
    if not readings.offline:
        return readings.found
    return settle_in_corpus(readings.found, readings.guessed, texts, readings.unresolved)


class TextReadings(NamedTuple):
    """What the pipeline finds in each text on its own, before any corpus pass: the mentions,
    the capitalised words it left open (start, end, sentence-initial), the spans it typed by
    default, and whether the offline pipeline read them (only its readings take a corpus pass)."""

    found: list[list[RawMention]]
    unresolved: list[list[tuple[int, int, bool]]]
    guessed: list[set[tuple[int, int]]]
    offline: bool


def read_texts(nlp: Language, texts: Sequence[str]) -> TextReadings:
    """Each text read by the pipeline alone, in batches and (when long) in pieces whose offsets
    index the whole text: the per-article half of `find_mentions`."""
    found: list[list[RawMention]] = [[] for _ in texts]
    unresolved: list[list[tuple[int, int, bool]]] = [[] for _ in texts]
    guessed: list[set[tuple[int, int]]] = [set() for _ in texts]
    offline = False
    pieces = pieces_of(texts, piece_limit(nlp.max_length))
    for group in batches(pieces, BATCH_SIZE, BATCH_CHARS):
        docs = nlp.pipe([piece.text for piece in group], batch_size=len(group), n_process=1)
        for piece, doc in zip(group, docs):
            offline = _read_piece(doc, texts[piece.index], piece.start,
                                  found[piece.index], unresolved[piece.index], guessed[piece.index])
    return TextReadings(found, unresolved, guessed, offline)


def settle_in_corpus(found: list[list[RawMention]], guessed: list[set[tuple[int, int]]], texts: Sequence,
                     unresolved: list[list[tuple[int, int, bool]]]) -> list[list[RawMention]]:
    """The offline pipeline's corpus pass, the corpus-level half of `find_mentions`: a name typed
    by default takes the label the corpus gives it where a cue spoke, and an open word another
    article names as a person or place becomes that mention. `texts` need only give the words
    at the open spans (`texts[i][start:end]`)."""
    return _resolve_from_corpus(texts, _settle_guesses(found, guessed), unresolved)


def _read_piece(
    doc: Doc,
    text: str,
    shift: int,
    found: list[RawMention],
    unresolved: list[tuple[int, int, bool]],
    guessed: set[tuple[int, int]],
) -> bool:
    """Add the entities of `doc`, a piece of `text` starting at `shift`, to its text's lists,
    with offsets into `text`. Returns True when the offline pipeline made `doc`."""
    entities = doc.user_data.get(ENTITIES_KEY)
    offline = entities is not None
    if entities is None:  # a trained pipeline
        entities = [(ent.start_char, ent.end_char, ent.label_) for ent in doc.ents]
    found.extend(
        RawMention(start + shift, end + shift, text[start + shift : end + shift], label)
        for start, end, label in entities
        if label not in DROPPED_LABELS
    )
    unresolved.extend((start + shift, end + shift, initial)
                      for start, end, initial in doc.user_data.get(UNRESOLVED_KEY, ()))
    guessed.update((start + shift, end + shift) for start, end in doc.user_data.get(GUESSED_KEY, ()))
    return offline


def _settle_guesses(results: list[list[RawMention]], guessed: list[set[tuple[int, int]]]) -> list[list[RawMention]]:
    """A name typed by default (no cue) takes the label the corpus gives it where a cue
    spoke ("the Nyaung Kone village" ... "a resident of Nyaung Kone")."""
    cued: defaultdict[str, Counter] = defaultdict(Counter)  # setdefault would build a Counter per mention
    for found, guesses in zip(results, guessed):
        for m in found:
            if (m.start, m.end) not in guesses:
                cued[m.text][m.label] += 1
    settled = []
    for found, guesses in zip(results, guessed):
        settled.append([
            m._replace(label=cued[m.text].most_common(1)[0][0])
            if (m.start, m.end) in guesses and m.text in cued
            else m
            for m in found
        ])
    return settled


_PARTICLE = re.compile(r"^(?:al|el|al|ad|as|ash|ar|an|az)-", re.IGNORECASE)


def _surname(name: str) -> str:
    """Last word of a name without its article: "Abdel Fattah al-Burhan" -> "Burhan"."""
    last = name.split()[-1]
    return _PARTICLE.sub("", last)


def _surnames(mentions: Sequence[RawMention]) -> set[str]:
    names = {m.text for m in mentions if m.label == "PERSON" and " " in m.text}
    return {_surname(n) for n in names} | {n.split()[-1] for n in names}


def _name_words(mentions: Sequence[RawMention]) -> set[str]:
    return {w for m in mentions if m.label == "PERSON" and " " in m.text for w in m.text.split()}


def _resolve_from_corpus(
    texts: Sequence[str],
    results: list[list[RawMention]],
    unresolved: list[list[tuple[int, int, bool]]],
) -> list[list[RawMention]]:
    corpus_surnames: set[str] = set()
    corpus_people: set[str] = set()
    single_labels: defaultdict[str, Counter] = defaultdict(Counter)
    for found in results:
        corpus_surnames |= _surnames(found)
        corpus_people |= {m.text for m in found if m.label == "PERSON"}
        for m in found:
            if " " not in m.text:
                single_labels[m.text][m.label] += 1
    resolved: list[list[RawMention]] = []
    for text, found, open_words in zip(texts, results, unresolved):
        # A one-word place reading of a word of a person named in full in the same article
        # is that person ("Abiy's office" after "Abiy Ahmed").
        own_words = _name_words(found) | _surnames(found)
        fixed = [
            m._replace(label="PERSON")
            if m.label == "GPE" and " " not in m.text and m.text in own_words
            else m
            for m in found
        ]
        for start, end, _initial in open_words:
            word = text[start:end]
            if word in corpus_surnames or word in corpus_people:
                fixed.append(RawMention(start, end, word, "PERSON"))
            elif word in single_labels:
                # The word was typed with confidence elsewhere ("the town of Sake" ... "near Sake").
                label = single_labels[word].most_common(1)[0][0]
                fixed.append(RawMention(start, end, word, label))
        fixed.sort(key=lambda m: m.start)
        resolved.append(fixed)
    return resolved
