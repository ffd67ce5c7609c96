"""The search interface: what a query asks for and what a result holds, whatever the backend."""

import re
from dataclasses import dataclass, field
from functools import cached_property

from .text import CONTROL_RE, analyse

MAX_QUERY_LENGTH = 500
MAX_TERMS = 32

# The facets every backend computes, in display order, with their request parameter.
FACETS = ("type", "theme", "tag", "region", "authority_type", "year", "category", "sector")
SORTS = ("relevance", "date")
# Values of a facet in a result: the most frequent ones (plus any selected), on every backend.
FACET_VALUES_MAX = 100
# The facets whose values are alternatives: a page has one type, one region, one organisation
# type, one catégorie, one filière, and a sheet runs over consecutive years. Two values of one of
# them mean either (OR), and the counts of its values are those of the search without its own
# filter: ticking a second type adds its pages. Two themes or two tags mean both (AND): they
# narrow the search, and every count is that of the filtered search.
ALTERNATIVE_FACETS = frozenset({"type", "region", "authority_type", "year", "category", "sector"})
# The facets whose values are listed in reverse order of value (years: the most recent first)
# rather than the most frequent first.
FACETS_BY_VALUE_DESCENDING = frozenset({"year"})
# The facets whose labels come with each hit, in this order: where and when.
HIT_FACETS = ("region", "year")


@dataclass
class SearchQuery:
    text: str = ""
    # facet name → list of values: any of them for ALTERNATIVE_FACETS, all of them otherwise
    filters: dict = field(default_factory=dict)
    facets: tuple = FACETS
    page: int = 1
    per_page: int = 10
    sort: str = "relevance"

    def __post_init__(self):
        # Backends read the filters from here alone: no filters (None) and a facet with no value
        # chosen filter nothing.
        self.filters = {facet: values for facet, values in (self.filters or {}).items() if values}


@dataclass
class Hit:
    page_id: int
    type: str
    type_label: str
    title: str
    url: str
    summary: str
    snippet: str  # HTML: escaped text with <mark> around matches
    score: float
    date: object = None
    labels: list = field(default_factory=list)  # of its HIT_FACETS values ("Bretagne", "2014")


@dataclass(slots=True)
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool = False


@dataclass
class SearchResult:
    query: SearchQuery
    total: int = 0
    hits: list = field(default_factory=list)
    facets: dict = field(default_factory=dict)  # facet name → [FacetValue]
    suggestion: str | None = None  # "did you mean", drawn from the corpus vocabulary
    corrected: bool = False  # the hits are those of ``suggestion`` (the query found nothing)
    any_words: bool = False  # no page has all the words: the hits have some of them
    backend: str = ""
    degraded: bool = False  # answered by the fallback backend


@dataclass
class Suggestion:
    """One autocomplete suggestion."""

    label: str
    kind: str  # "title", "theme" or "tag"
    url: str = ""
    detail: str = ""  # what a title is: its content type ("fiche de poste")


@dataclass
class ParsedQuery:
    """The user's words: plain ``words``, quoted ``phrases`` and ``excluded`` words (-mot).

    Built once by ``parse``; its index terms are computed on first use and kept (a search asks
    for them several times)."""

    words: list = field(default_factory=list)
    phrases: list = field(default_factory=list)  # list of lists of words
    excluded: list = field(default_factory=list)

    def terms(self, words):
        return [t for w in words for t in analyse(w)]

    @cached_property
    def word_terms(self):
        """(written word, index term) for each plain word with an index term."""
        pairs = []
        for word in self.words:
            terms = analyse(word)
            if terms:
                pairs.append((word, terms[0]))
        return pairs

    @cached_property
    def phrase_terms(self):
        return [terms for terms in (self.terms(p) for p in self.phrases) if terms]

    @cached_property
    def excluded_terms(self):
        return self.terms(self.excluded)

    @cached_property
    def positive_terms(self):
        terms = [t for _w, t in self.word_terms]
        for phrase in self.phrase_terms:
            terms.extend(phrase)
        return terms

    @property
    def is_empty(self):
        return not self.positive_terms

    def with_words(self, words):
        return ParsedQuery(words=list(words), phrases=self.phrases, excluded=self.excluded)


_PHRASE_RE = re.compile(r'"([^"]*)"|«([^»]*)»|“([^”]*)”')
_WORD_RE = re.compile(r"[^\W_]+(?:['’ʼ][^\W_]+)*", re.UNICODE)


def parse(text):
    """Parse what the user typed. Never raises; anything that is not syntax is plain text."""
    text = CONTROL_RE.sub(" ", str(text or ""))[:MAX_QUERY_LENGTH]
    parsed = ParsedQuery()

    def add_chunk(chunk, negative=False):
        found = _WORD_RE.findall(chunk)
        if not found:
            return
        if negative:
            parsed.excluded.extend(found)
        elif len(found) > 1:  # "co-construction", "île-de-france": a phrase
            parsed.phrases.append(found)
        else:
            parsed.words.append(found[0])

    cursor = 0
    rest = []
    for match in _PHRASE_RE.finditer(text):
        rest.append(text[cursor : match.start()])
        phrase_words = _WORD_RE.findall(next(g for g in match.groups() if g is not None))
        negative = match.start() > 0 and text[match.start() - 1] == "-"
        if phrase_words:
            if negative:
                parsed.excluded.extend(phrase_words)
            elif len(phrase_words) == 1:
                parsed.words.append(phrase_words[0])
            else:
                parsed.phrases.append(phrase_words)
        cursor = match.end()
    rest.append(text[cursor:])
    for chunk in " ".join(rest).split():
        if chunk.startswith("-") and len(chunk) > 1:
            add_chunk(chunk.lstrip("-"), negative=True)
        else:
            # An apostrophe splits the chunk into words, hyphens make a phrase.
            for part in re.split(r"[^\w'’ʼ-]+", chunk):
                add_chunk(part)
    parsed.words = parsed.words[:MAX_TERMS]
    parsed.phrases = [p[:MAX_TERMS] for p in parsed.phrases[:MAX_TERMS]]
    parsed.excluded = parsed.excluded[:MAX_TERMS]
    return parsed
