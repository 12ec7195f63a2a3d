"""VADER's sentence scores, computed the same way in a fraction of the time.

vaderSentiment (MIRRORED_VERSION, pinned in pyproject.toml) lower-cases the whole sentence again for every sentiment word it meets
(once per negation check and once per idiom check), and copies the sentence one character at a
time to translate emoji. On news text that is most of the analysis's sentiment cost. `VaderScorer`
keeps the model -- the same lexicon, rules, constants and rounding, taken from the library -- and
only lower-cases each sentence once and skips the emoji pass when a sentence has no emoji.
tests/analysis/test_vader.py holds it to exactly the library's scores, and to that release: a
new vaderSentiment may change a rule this module restates, so a bump starts by re-checking it.
"""

from __future__ import annotations

import string

from vaderSentiment.vaderSentiment import (
    BOOSTER_DICT,
    C_INCR,
    N_SCALAR,
    NEGATE,
    SPECIAL_CASES,
    SentimentIntensityAnalyzer,
    scalar_inc_dec,
)

# The vaderSentiment release whose polarity_scores this module restates.
MIRRORED_VERSION = "3.3.2"

_NEGATIONS = frozenset(NEGATE)
# score_valence's results when every sentiment is 0, and when there are no words at all.
_NEUTRAL = {"neg": 0.0, "neu": 1.0, "pos": 0.0, "compound": 0.0}
_EMPTY = {"neg": 0.0, "neu": 0.0, "pos": 0.0, "compound": 0.0}


def _words_and_emoticons(text: str) -> list[str]:
    """The library's SentiText words: punctuation stripped unless that leaves two characters or
    fewer (an emoticon such as ":)" is kept whole)."""
    words = []
    for token in text.split():
        stripped = token.strip(string.punctuation)
        words.append(token if len(stripped) <= 2 else stripped)
    return words


def _weigh_around_but(sentiments: list[float], but_index: int) -> None:
    """The library's `_but_check`, kept literally: it finds each value by `list.index`, so with
    repeated values it reweighs the first occurrence again, and the scores depend on that."""
    for sentiment in sentiments:
        si = sentiments.index(sentiment)
        if si < but_index:
            sentiments.pop(si)
            sentiments.insert(si, sentiment * 0.5)
        elif si > but_index:
            sentiments.pop(si)
            sentiments.insert(si, sentiment * 1.5)


def _negates(word_lower: str) -> bool:
    """vaderSentiment's `negated([word])` for one already lower-cased word."""
    return word_lower in _NEGATIONS or "n't" in word_lower


class VaderScorer(SentimentIntensityAnalyzer):
    """`polarity_scores` with the library's results; the rest of the analyzer is inherited."""

    def __init__(self) -> None:
        super().__init__()
        # Emoji are looked up one character at a time, so only one-character keys can match.
        self._emoji_characters = frozenset(key for key in self.emojis if len(key) == 1)

    def polarity_scores(self, text: str) -> dict[str, float]:
        if self._emoji_characters.isdisjoint(text):
            text = text.strip()  # what the library's emoji pass returns for emoji-free text
        else:
            text = self._describe_emoji(text)
        words = _words_and_emoticons(text)
        lower = [word.lower() for word in words]
        lexicon = self.lexicon
        # Only lexicon words score; most words of a sentence are not, and a fifth of news
        # sentences hold none (every sentiment 0: the library's neutral scores, worked out).
        scored = [i for i, word in enumerate(lower) if word in lexicon]
        if not scored:
            return dict(_NEUTRAL) if lower else dict(_EMPTY)
        capitals = sum(1 for word in words if word.isupper())
        is_cap_diff = 0 < len(words) - capitals < len(words)  # the library's allcap_differential
        sentiments: list[float] = [0] * len(lower)
        for i in scored:
            word = lower[i]
            if word not in BOOSTER_DICT and not (word == "kind" and i < len(lower) - 1 and lower[i + 1] == "of"):
                sentiments[i] = self._valence(words, lower, i, is_cap_diff)
        if "but" in lower:
            _weigh_around_but(sentiments, lower.index("but"))
        return self.score_valence(sentiments, text)

    def _describe_emoji(self, text: str) -> str:
        """The library's emoji pass: each emoji replaced by its description, spaced off."""
        pieces: list[str] = []
        previous_space = True
        for character in text:
            description = self.emojis.get(character)
            if description is None:
                pieces.append(character)
                previous_space = character == " "
            else:
                if not previous_space:
                    pieces.append(" ")
                pieces.append(description)
                previous_space = False
        return "".join(pieces).strip()

    def _valence(self, words: list[str], lower: list[str], i: int, is_cap_diff: bool) -> float:
        """The library's `sentiment_valence` for word i (a lexicon word), the sentence lower-cased once."""
        lexicon = self.lexicon
        item = lower[i]
        valence = lexicon[item]
        if item == "no" and i != len(lower) - 1 and lower[i + 1] in lexicon:
            valence = 0.0  # "no" negates the next sentiment word instead of scoring itself
        if ((i > 0 and lower[i - 1] == "no") or (i > 1 and lower[i - 2] == "no")
                or (i > 2 and lower[i - 3] == "no" and lower[i - 1] in ("or", "nor"))):
            valence = lexicon[item] * N_SCALAR
        if words[i].isupper() and is_cap_diff:
            valence = valence + C_INCR if valence > 0 else valence - C_INCR
        for start_i in range(3):
            before = i - (start_i + 1)
            if i > start_i and lower[before] not in lexicon:
                scalar = scalar_inc_dec(words[before], valence, is_cap_diff)
                if start_i == 1 and scalar != 0:
                    scalar = scalar * 0.95
                if start_i == 2 and scalar != 0:
                    scalar = scalar * 0.9
                valence = self._negation(valence + scalar, lower, start_i, i)
                if start_i == 2:
                    valence = self._idioms(valence, lower, i)
        return self._least(valence, lower, i)

    @staticmethod
    def _negation(valence: float, lower: list[str], start_i: int, i: int) -> float:
        """The library's `_negation_check`, operator precedence included."""
        if start_i == 0 and _negates(lower[i - 1]):
            valence = valence * N_SCALAR
        if start_i == 1:
            if lower[i - 2] == "never" and (lower[i - 1] == "so" or lower[i - 1] == "this"):
                valence = valence * 1.25
            elif lower[i - 2] == "without" and lower[i - 1] == "doubt":
                pass
            elif _negates(lower[i - 2]):
                valence = valence * N_SCALAR
        if start_i == 2:
            if (lower[i - 3] == "never" and (lower[i - 2] == "so" or lower[i - 2] == "this")
                    or (lower[i - 1] == "so" or lower[i - 1] == "this")):
                valence = valence * 1.25
            elif lower[i - 3] == "without" and (lower[i - 2] == "doubt" or lower[i - 1] == "doubt"):
                pass
            elif _negates(lower[i - 3]):
                valence = valence * N_SCALAR
        return valence

    @staticmethod
    def _idioms(valence: float, lower: list[str], i: int) -> float:
        """The library's `_special_idioms_check` (called only with i >= 3)."""
        one_zero = f"{lower[i - 1]} {lower[i]}"
        two_one_zero = f"{lower[i - 2]} {lower[i - 1]} {lower[i]}"
        two_one = f"{lower[i - 2]} {lower[i - 1]}"
        three_two_one = f"{lower[i - 3]} {lower[i - 2]} {lower[i - 1]}"
        three_two = f"{lower[i - 3]} {lower[i - 2]}"
        for sequence in (one_zero, two_one_zero, two_one, three_two_one, three_two):
            if sequence in SPECIAL_CASES:
                valence = SPECIAL_CASES[sequence]
                break
        if len(lower) - 1 > i:
            zero_one = f"{lower[i]} {lower[i + 1]}"
            if zero_one in SPECIAL_CASES:
                valence = SPECIAL_CASES[zero_one]
        if len(lower) - 1 > i + 1:
            zero_one_two = f"{lower[i]} {lower[i + 1]} {lower[i + 2]}"
            if zero_one_two in SPECIAL_CASES:
                valence = SPECIAL_CASES[zero_one_two]
        for n_gram in (three_two_one, three_two, two_one):
            if n_gram in BOOSTER_DICT:
                valence = valence + BOOSTER_DICT[n_gram]
        return valence

    def _least(self, valence: float, lower: list[str], i: int) -> float:
        """The library's `_least_check`: "least" before a sentiment word negates it, "at least" not."""
        if i > 1 and lower[i - 1] not in self.lexicon and lower[i - 1] == "least":
            if lower[i - 2] != "at" and lower[i - 2] != "very":
                valence = valence * N_SCALAR
        elif i > 0 and lower[i - 1] not in self.lexicon and lower[i - 1] == "least":
            valence = valence * N_SCALAR
        return valence
