"""The embedded backend: the search store in the content database, plus an engine-specific index.

Shared here: the store (documents, facets, vocabulary, autocomplete), the query plan (all words,
then the "did you mean" correction, then any word), facets and hits. Subclasses give the engine:
how to index analysed text, how to match and rank, how to cut snippets.
"""

import heapq
import time
from collections import Counter
from datetime import UTC, datetime
from itertools import chain, repeat
from operator import itemgetter

import orjson
from django.db import connections, transaction
from django.db.models import Count
from django.utils.dateparse import parse_datetime
from pyroaring import BitMap

from ..facets import FULL_RELOAD, KEEP_CHANGES, FacetIndex, log_changes
from ..query import (
    ALTERNATIVE_FACETS,
    FACET_VALUES_MAX,
    FACETS,
    FACETS_BY_VALUE_DESCENDING,
    HIT_FACETS,
    Hit,
    SearchResult,
    Suggestion,
    parse,
)
from ..text import STOP_WORDS, analyse, fold, fold_word, words
from ..vocabulary import Vocabulary
from . import base

SMALL_MATCH_SET = 300  # below, facets are counted document by document
SNIPPET_SOURCE_CHARS = 20_000  # of a page's body, where snippets are looked for
SNIPPET_ATTACHMENT_CHARS = 5_000  # of the text of its attachments
AUTOCOMPLETE_KIND_ORDER = {"theme": 0, "tag": 1, "title": 2}


def index_changed():
    """This process wrote to the index: its in-memory views (facets, vocabulary) look at the
    change log on the next search."""
    for facet_index in FacetIndex.instances:
        facet_index.mark_dirty()


def record_words(record):
    """The vocabulary of a record: lowercase words as written (for "did you mean")."""
    found = set()
    for key in ("title", "summary", "body", "themes", "tags"):
        for word in words(record.get(key, "")):
            if 3 <= len(word) <= 40 and not word.isdigit():
                found.add(word.lower())
    return {w for w in found if fold_word(w) not in STOP_WORDS}


def taxonomy_text(record):
    """Themes (with their parents), tags, type, region, authority type, catégorie, filière."""
    labels = [record.get("themes", ""), record.get("tags", "")]
    labels += [
        label for facet, _v, label in record["facets"] if facet not in ("theme", "tag", "year")
    ]
    return " ; ".join(label for label in labels if label)


def _first(items, key=None):
    """The first FACET_VALUES_MAX ``items`` by ``key``: sorted when there are few of them (a
    heap, in Python, costs more than C's sort below about ten times as many)."""
    if len(items) <= 10 * FACET_VALUES_MAX:
        return sorted(items, key=key)[:FACET_VALUES_MAX]
    return heapq.nsmallest(FACET_VALUES_MAX, items, key=key)


def _hit(page_id, score, type_, type_label, title, url, summary, date, body, attachments):
    """(Hit without its snippet, the text the snippet is cut from) of a row of ``_ranked``."""
    if isinstance(date, str):  # SQLite: ISO 8601 text in UTC
        try:
            date = datetime.fromisoformat(date)
        except ValueError:
            date = parse_datetime(date)
        if date is not None and date.tzinfo is None:
            date = date.replace(tzinfo=UTC)
    hit = Hit(
        page_id=page_id,
        type=type_,
        type_label=type_label,
        title=title,
        url=url,
        summary=summary,
        snippet="",
        score=round(float(score or 0), 4),
        date=date,
    )
    return hit, snippet_source(summary, body, attachments)


def _by_tier_then_score(row):
    tier, (hit, _text) = row
    return tier, -hit.score, hit.page_id


def _by_tier_then_date(row):
    """Most recent first, undated last (as the engine sorts them)."""
    tier, (hit, _text) = row
    date = hit.date
    return tier, date is None, -(date.timestamp() if date else 0), -hit.page_id


def snippet_source(summary, body, attachments):
    """The text a hit's snippet is cut from: summary, body, then attachments."""
    return "\n".join(filter(None, (summary, body, attachments)))[:SNIPPET_SOURCE_CHARS]


def _counted(facets, matched, names):
    """{facet: [(-count, rank, value, Posting)]} of the values of the facets ``names`` over the
    documents of ``matched`` (sorted as they are, the most frequent first): by walking the
    documents' values for a small set, by bitmap intersections for a large one."""
    found = {name: [] for name in names}
    if not names:
        return found
    if len(matched) <= SMALL_MATCH_SET:
        values_of = facets.doc_values.get
        counter = Counter(chain.from_iterable(map(values_of, matched, repeat(()))))
        for posting, count in counter.items():
            entries = found.get(posting.facet)
            if entries is not None:
                entries.append((-count, posting.rank, posting.value, posting))
    else:
        for name, entries in found.items():
            for posting in facets.postings.get(name, {}).values():
                count = matched.intersection_cardinality(posting.bits)
                if count:
                    entries.append((-count, posting.rank, posting.value, posting))
    return found


def _selection(facets, facet, values):
    """The documents a filter keeps (a BitMap): having any of ``values`` for an alternative
    facet, all of them for the others."""
    found = [facets.posting(facet, str(value)) for value in values]
    bits = [posting.bits for posting in found if posting is not None]
    if facet in ALTERNATIVE_FACETS:
        return BitMap.union(*bits) if bits else BitMap()
    return BitMap.intersection(*bits) if bits and len(bits) == len(found) else BitMap()


def _alternative_bases(unfiltered, selections):
    """{facet: the documents of the search with every filter but its own} of the alternative
    facets with a selection: what their values are counted over."""
    bases = {}
    for facet in selections:
        if facet in ALTERNATIVE_FACETS:
            kept = unfiltered
            for other, bits in selections.items():
                if other != facet:
                    kept = kept & bits
            bases[facet] = kept
    return bases


def _prefix_range(prefix):
    return prefix, prefix[:-1] + chr(ord(prefix[-1]) + 1)


def _chunks(items, size=500):
    items = list(items)
    for i in range(0, len(items), size):
        yield items[i : i + size]


class DatabaseBackend(base.SearchBackend):
    name = "database"
    vendor = None
    capabilities = frozenset(base.CAPABILITIES)  # every one

    def __init__(self, using="default"):
        self.using = using
        self._facet_index = None
        self._vocabulary = None

    @property
    def connection(self):
        return connections[self.using]

    # --- engine hooks -----------------------------------------------------------------------

    def engine_index(self, cursor, records):
        raise NotImplementedError

    def engine_remove(self, cursor, page_ids):
        raise NotImplementedError

    def prepare_match(self, parsed, mode):
        """An engine query (opaque), or None when nothing can match."""
        raise NotImplementedError

    def match_sql(self, match, with_score=True):
        """SQL selecting ``doc_id`` (and ``score``, higher is better) of the matching documents."""
        raise NotImplementedError

    def snippets(self, parsed, match, texts):
        """The snippet HTML of each of ``texts`` (what the hits' snippets are cut from)."""
        raise NotImplementedError

    def read(self, sql, params):
        """The rows of one read statement (``%s`` placeholders) on a search's path."""
        with self.connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()

    def floor_sql(self, match):
        """The bare engine floor for the benchmark: match, rank, top 10 and count, nothing else."""
        sql, params = self.match_sql(match)
        return (
            f"SELECT doc_id, score, count(*) OVER () FROM ({sql}) AS m"  # noqa: S608
            " ORDER BY score DESC LIMIT 10",
            params,
        )

    # --- writing ----------------------------------------------------------------------------

    def index(self, records):
        from ..models import SearchDocument, SearchFacet

        records = [r for r in records if r]
        if not records:
            return
        ids = [r["page_id"] for r in records]
        with transaction.atomic(using=self.using):
            old = {
                d.page_id: d
                for d in SearchDocument.objects.using(self.using).filter(page_id__in=ids)
            }
            delta = Counter()
            for doc in old.values():
                delta.subtract(record_words(vars(doc)))
            for record in records:
                delta.update(record_words(record))
            old_keys = set(
                SearchFacet.objects.using(self.using)
                .filter(document_id__in=ids, facet__in=("theme", "tag"))
                .values_list("facet", "value")
            )
            with self.connection.cursor() as cursor:
                self.engine_remove(cursor, [i for i in ids if i in old])
            SearchFacet.objects.using(self.using).filter(document_id__in=ids).delete()
            SearchDocument.objects.using(self.using).filter(page_id__in=ids).delete()
            self._insert(records)
            with self.connection.cursor() as cursor:
                position = log_changes(cursor, ids)
            self._apply_vocabulary_delta(delta, position)
            new_keys = {
                (f, v) for r in records for f, v, _l in r["facets"] if f in ("theme", "tag")
            }
            self._refresh_autocomplete(records, old_keys | new_keys)
        index_changed()

    def remove(self, page_ids):
        from ..models import AutocompleteEntry, SearchDocument, SearchFacet

        ids = list(page_ids)  # also what the engine may hold without a stored document
        if not ids:
            return
        with transaction.atomic(using=self.using):
            old = list(SearchDocument.objects.using(self.using).filter(page_id__in=ids))
            delta = Counter()
            for doc in old:
                delta.subtract(record_words(vars(doc)))
            keys = set(
                SearchFacet.objects.using(self.using)
                .filter(document_id__in=ids, facet__in=("theme", "tag"))
                .values_list("facet", "value")
            )
            with self.connection.cursor() as cursor:
                self.engine_remove(cursor, ids)
            SearchFacet.objects.using(self.using).filter(document_id__in=ids).delete()
            SearchDocument.objects.using(self.using).filter(page_id__in=ids).delete()
            AutocompleteEntry.objects.using(self.using).filter(
                kind="title", key__in=[str(i) for i in ids]
            ).delete()
            with self.connection.cursor() as cursor:
                position = log_changes(cursor, ids)
            self._apply_vocabulary_delta(delta, position)
            self._refresh_autocomplete([], keys)
        index_changed()

    ENGINE_TABLES = ()  # the engine's own tables, emptied with the store by clear()
    STORE_TABLES = (
        "search_autocompletetoken",
        "search_autocompleteentry",
        "search_searchfacet",
        "search_searchdocument",
        "search_searchterm",
        "search_searchchange",
    )

    def clear(self):
        with transaction.atomic(using=self.using), self.connection.cursor() as cursor:
            self.empty_tables(cursor, (*self.ENGINE_TABLES, *self.STORE_TABLES))
            log_changes(cursor, [FULL_RELOAD])
        index_changed()

    def empty_tables(self, cursor, tables):
        for table in tables:
            cursor.execute(f"DELETE FROM {table}")  # noqa: S608

    def rebuild(self, records, batch_size=500):
        """Clear, then index ``records`` (an iterable) in batches. Returns counts."""
        started = time.monotonic()
        self.clear()
        vocabulary = Counter()
        count = 0
        batch = []

        def flush():
            with transaction.atomic(using=self.using):
                self._insert(batch)
                self._refresh_autocomplete(batch, set(), titles_only=True)

        for record in records:
            if not record:
                continue
            batch.append(record)
            vocabulary.update(record_words(record))
            if len(batch) >= batch_size:
                flush()
                count += len(batch)
                batch = []
        if batch:
            flush()
            count += len(batch)
        with transaction.atomic(using=self.using):
            with self.connection.cursor() as cursor:
                cursor.executemany(
                    "INSERT INTO search_searchterm (word, folded, doc_count) VALUES (%s, %s, %s)",
                    [(w[:64], fold_word(w)[:64], n) for w, n in vocabulary.items()],
                )
            self._refresh_autocomplete([], None)
            with self.connection.cursor() as cursor:
                log_changes(cursor, [FULL_RELOAD])
        self.optimize()
        index_changed()
        return {
            "pages": count,
            "words": len(vocabulary),
            "seconds": round(time.monotonic() - started, 2),
        }

    def optimize(self):
        """Engine housekeeping after a rebuild."""

    def _insert(self, records):
        from ..models import SearchDocument

        fields = [f.name for f in SearchDocument._meta.concrete_fields]
        docs = []
        for r in records:
            values = {k: r[k] for k in fields if k in r and k != "page"}
            docs.append(SearchDocument(page_id=r["page_id"], **values))
        SearchDocument.objects.using(self.using).bulk_create(docs, batch_size=200)
        with self.connection.cursor() as cursor:
            cursor.executemany(
                "INSERT INTO search_searchfacet (document_id, facet, value, label)"
                " VALUES (%s, %s, %s, %s)",
                [
                    (r["page_id"], f, v[:255], str(label)[:255])
                    for r in records
                    for f, v, label in r["facets"]
                ],
            )
            self.engine_index(cursor, records)

    def _apply_vocabulary_delta(self, delta, position):
        """Adds ``delta`` ({word: pages gained or lost}) to the page counts of the words, marked
        with the change-log ``position`` of the write, for the in-memory vocabularies to read
        only these. A word no page uses any more stays, at 0, as long as the change log keeps
        its position (a vocabulary that has not seen it yet must learn that it is gone)."""
        from ..models import SearchTerm

        delta = {w: n for w, n in delta.items() if n}
        if not delta:
            return
        manager = SearchTerm.objects.using(self.using)
        existing = {}
        for chunk in _chunks(delta):
            existing.update({t.word: t for t in manager.filter(word__in=chunk)})
        updated, created = [], []
        for word, n in delta.items():
            term = existing.get(word)
            if term is not None:
                term.doc_count = max(0, term.doc_count + n)
                term.change_position = position
                updated.append(term)
            elif n > 0:
                created.append(
                    SearchTerm(
                        word=word,
                        folded=fold_word(word)[:64],
                        doc_count=n,
                        change_position=position,
                    )
                )
        manager.bulk_update(updated, ["doc_count", "change_position"], batch_size=500)
        manager.bulk_create(created, batch_size=500, ignore_conflicts=True)
        manager.filter(doc_count=0, change_position__lt=position - KEEP_CHANGES).delete()

    def _refresh_autocomplete(self, records, taxonomy_keys, titles_only=False):
        """Title entries of ``records``; counts and labels of the themes and tags in
        ``taxonomy_keys`` (None: all of them)."""
        from ..models import AutocompleteEntry, SearchFacet

        entries = AutocompleteEntry.objects.using(self.using)
        if records:
            keys = [str(r["page_id"]) for r in records]
            if not titles_only:
                entries.filter(kind="title", key__in=keys).delete()
            created = entries.bulk_create(
                [
                    AutocompleteEntry(
                        kind="title",
                        key=str(r["page_id"]),
                        label=r["title"][:255],
                        url=r["url"],
                        doc_count=1,
                        detail=r.get("type_label", "")[:255],
                    )
                    for r in records
                ]
            )
            if not all(e.pk for e in created):
                created = list(entries.filter(kind="title", key__in=keys))
            self._insert_tokens(created)
        if titles_only:
            return
        facets = SearchFacet.objects.using(self.using).filter(facet__in=("theme", "tag"))
        if taxonomy_keys is not None:
            if not taxonomy_keys:
                return
            values = {v for _f, v in taxonomy_keys}
            facets = facets.filter(value__in=values)
            entries.filter(kind__in=("theme", "tag"), key__in=values).delete()
        else:
            entries.filter(kind__in=("theme", "tag")).delete()
        rows = facets.values("facet", "value").annotate(n=Count("id"))
        labels = {
            (f, v): label
            for f, v, label in facets.values_list("facet", "value", "label").distinct()
        }
        new = entries.bulk_create(
            [
                AutocompleteEntry(
                    kind=row["facet"],
                    key=row["value"],
                    url=self._taxonomy_url(row),
                    label=labels.get((row["facet"], row["value"]), row["value"]),
                    doc_count=row["n"],
                )
                for row in rows
                if (taxonomy_keys is None or (row["facet"], row["value"]) in taxonomy_keys)
            ]
        )
        if new and not all(e.pk for e in new):
            new = list(entries.filter(kind__in=("theme", "tag"), key__in=[e.key for e in new]))
        self._insert_tokens(new)

    def _insert_tokens(self, entries):
        with self.connection.cursor() as cursor:
            cursor.executemany(
                "INSERT INTO search_autocompletetoken (entry_id, kind, token, position)"
                " VALUES (%s, %s, %s, %s)",
                [
                    (e.pk, e.kind, t[:64], i)
                    for e in entries
                    for i, t in enumerate(dict.fromkeys(fold_word(w) for w in words(e.label)))
                ],
            )

    @staticmethod
    def _taxonomy_url(row):
        from django.urls import NoReverseMatch, reverse

        name = "practices:theme" if row["facet"] == "theme" else "practices:tag"
        try:
            return reverse(name, kwargs={"slug": row["value"]})
        except NoReverseMatch:
            return ""

    # --- reading ----------------------------------------------------------------------------

    def search(self, query):
        parsed = parse(query.text)
        result = SearchResult(query=query, backend=self.name)
        if parsed.is_empty:
            return result
        result = self._run(parsed, "all", query)
        suggestion = self.suggest(query.text, parsed)
        if result.total == 0 and suggestion:
            corrected = self._run(parse(suggestion), "all", query)
            if corrected.total:
                corrected.suggestion, corrected.corrected = suggestion, True
                return corrected
        if result.total == 0 and len(parsed.positive_terms) > 1:
            any_result = self._run(parsed, "any", query)
            if any_result.total:
                result, result.any_words = any_result, True
        result.suggestion = suggestion
        return result

    def facet_index(self):
        if self._facet_index is None:
            self._facet_index = FacetIndex(self.using)
        return self._facet_index.refresh()

    def _run(self, parsed, mode, query):
        """One query: the match set and the requested page of the ranking from the engine (one
        statement); filters and facet counts from the in-memory facet postings."""

        result = SearchResult(query=query, backend=self.name)
        match = self.prepare_match(parsed, mode)
        if match is None:
            return result
        per_page = max(1, min(int(query.per_page), 100))
        offset = (max(1, int(query.page)) - 1) * per_page
        filters = query.filters
        matched, page = self._ranked(match, filters, query.sort, per_page, offset)
        if not matched:
            return result
        facets = self.facet_index()
        with facets.lock:  # another thread's refresh changes the postings in place
            selections = {facet: _selection(facets, facet, v) for facet, v in filters.items()}
            unfiltered = matched
            for bits in selections.values():
                matched = matched & bits
            result.total = len(matched)
            if not matched:
                return result
            if query.facets:
                result.facets = self._facets(
                    facets, matched, query, _alternative_bases(unfiltered, selections)
                )
            labels = [facets.labels(hit.page_id, HIT_FACETS) for hit, _text in page]
        if page:
            hits, texts = zip(*page, strict=True)
            snippets = self.snippets(parsed, match, texts)
            for hit, snippet, hit_labels in zip(hits, snippets, labels, strict=True):
                hit.snippet, hit.labels = snippet, hit_labels
            result.hits = list(hits)
        return result

    ID_LIST = "group_concat(doc_id)"  # SQL aggregate: the matching ids as "12,57,…"
    FILTERED_ID = "t.doc_id"  # a ranked id, as the filters of a search test it

    def clip_sql(self, column, chars):
        """SQL for the first ``chars`` characters of ``column``."""
        return f"substr({column}, 1, {chars})"

    def ranking_sql(self, match, sort):
        """(SQL of the match set, [SQL of each tier of the ranking]) of a search, with parameters.

        The match set is materialised once as ``m``: ``doc_id``, and ``score`` when a tier reads
        it there. Each tier selects (doc_id, score) rows: every row of a tier ranks above the
        rows of the next one, and a tier is only run when the tiers above it do not fill the
        requested page. Here: one tier, every match scored by the engine."""
        return self.match_sql(match, with_score=True), [("SELECT doc_id, score FROM m", [])]

    def _ranked(self, match, filters, sort, limit, offset):
        """(every matching id as a BitMap, [(Hit, snippet text)] of the requested page of the
        ranking).

        One statement: the engine lists the ids of the match set, ranks it and reads the
        documents of the requested page itself. Handing every (id, score) row to Python would
        cost more than the scoring for a frequent word. Filters apply to the page of the ranking
        here, to the match set in ``_run`` (facet postings)."""
        (match_sql, params), tiers = self.ranking_sql(match, sort)
        conditions, filter_params = [], []
        for facet, values in filters.items():
            # Any of the values of an alternative facet; each value of the others.
            groups = [values] if facet in ALTERNATIVE_FACETS else [[value] for value in values]
            for group in groups:
                conditions.append(
                    f"{self.FILTERED_ID} IN (SELECT document_id FROM search_searchfacet"  # noqa: S608
                    f" WHERE facet = %s AND value IN ({', '.join(['%s'] * len(group))}))"
                )
                filter_params += [facet, *map(str, group)]
        joins = ""
        if sort == "date":
            joins = " JOIN search_searchdocument d ON d.page_id = t.doc_id"
            order = "d.date IS NULL, d.date DESC, t.doc_id DESC"
        else:
            order = "t.score DESC, t.doc_id"
        where = " WHERE " + " AND ".join(conditions) if conditions else ""
        # Each tier sorted on its own, then concatenated: SQLite and PostgreSQL run the arms of
        # a UNION ALL in order, and stop once its LIMIT is met.
        arms = []
        for tier, (tier_sql, tier_params) in enumerate(tiers):
            arms.append(
                f"SELECT * FROM (SELECT t.doc_id, t.score, {tier} AS tier"  # noqa: S608
                f" FROM ({tier_sql}) AS t{joins}{where} ORDER BY {order}) AS tier{tier}"
            )
            params = [*params, *tier_params, *filter_params]
        columns = (
            "doc.type, doc.type_label, doc.title, doc.url, doc.summary, doc.date,"
            f" {self.clip_sql('doc.body', SNIPPET_SOURCE_CHARS)},"
            f" {self.clip_sql('doc.attachments', SNIPPET_ATTACHMENT_CHARS)}"
        )
        sql = (
            f"WITH m AS MATERIALIZED ({match_sql})"  # noqa: S608
            f" SELECT NULL, NULL, NULL, (SELECT {self.ID_LIST} FROM m),"
            " NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL"
            f" UNION ALL SELECT top.doc_id, top.score, top.tier, NULL, {columns} FROM ("
            + " UNION ALL ".join(arms)
            + " LIMIT %s OFFSET %s) AS top"
            " JOIN search_searchdocument doc ON doc.page_id = top.doc_id"
        )
        rows = self.read(sql, [*params, limit, offset])
        matched, page = BitMap(), []
        for doc_id, score, tier, id_list, *fields in rows:
            if doc_id is not None:
                page.append((tier, _hit(doc_id, score, *fields)))
            elif id_list:  # "12,57,…": read as JSON: four times as fast as split() and int()
                matched = BitMap(orjson.loads(f"[{id_list}]"))
        page.sort(key=_by_tier_then_date if sort == "date" else _by_tier_then_score)
        return matched, [item for _tier, item in page]

    def _facets(self, facets, matched, query, own_bases=None):
        """Counts of every facet value over the matching documents (BitMap ``matched``), except
        for the facets of ``own_bases`` ({facet: BitMap}), counted over their own set: an
        alternative facet with a selection is counted over the search without its own filter."""
        from ..query import FacetValue

        own_bases = own_bases or {}
        wanted = [name for name in query.facets if name in FACETS]
        found = _counted(facets, matched, [name for name in wanted if name not in own_bases])
        for name, own_base in own_bases.items():
            if name in wanted:
                found.update(_counted(facets, own_base, [name]))
        found = {name: found[name] for name in wanted}
        selected = query.filters
        ordered = {}
        for name, entries in found.items():
            # Years: the most recent first; other facets: the most frequent, then by label.
            by_value = name in FACETS_BY_VALUE_DESCENDING
            entries = _first(entries, key=itemgetter(1) if by_value else None)
            values = [FacetValue(value, p.label, -negative) for negative, _r, value, p in entries]
            chosen = selected.get(name)
            if chosen:  # selected values are always shown, and marked
                shown = {v.value: v for v in values}
                for value in chosen:
                    if value not in shown:
                        posting = facets.posting(name, value)
                        shown[value] = (
                            FacetValue(value, value, 0)
                            if posting is None
                            else FacetValue(
                                value,
                                posting.label,
                                posting.bits.intersection_cardinality(own_bases.get(name, matched)),
                            )
                        )
                        values.append(shown[value])
                    shown[value].selected = True
            ordered[name] = values
        return ordered

    # --- did you mean -----------------------------------------------------------------------

    def vocabulary(self):
        """The corpus words in memory (search.vocabulary), up to date with the facet index."""
        if self._vocabulary is None:
            self._vocabulary = Vocabulary(self.using)
        return self._vocabulary.refresh(self.facet_index())

    def suggest(self, text, parsed=None):
        """The query with its unknown words replaced by the closest corpus words, or None."""
        parsed = parsed or parse(text)
        vocabulary = self.vocabulary()
        if not vocabulary:
            return None
        replacements = {}
        written = [w for word in parsed.words for w in words(word)]
        for word in written:
            folded = fold(word)
            if folded in vocabulary or len(folded) < 4 or folded.isdigit():
                continue
            replacement = vocabulary.closest(folded)
            if replacement:
                replacements[word] = replacement
        if not replacements:
            return None
        # Another process may have unpublished the last page using a word within the second
        # the in-memory vocabulary waits before looking at the change log.
        candidates = sorted(set(replacements.values()))
        live = {
            row[0]
            for row in self.read(
                "SELECT word FROM search_searchterm WHERE doc_count > 0"  # noqa: S608
                f" AND word IN ({', '.join(['%s'] * len(candidates))})",
                candidates,
            )
        }
        text = str(text)
        suggestion = text
        changed = False
        for word, replacement in replacements.items():
            if replacement in live and word in suggestion:
                suggestion = suggestion.replace(word, replacement, 1)
                changed = True
        return suggestion.strip() if changed else None

    # --- autocomplete -----------------------------------------------------------------------

    def autocomplete(self, text, limit=10):
        typed = [fold(w) for w in words(str(text or "")[:200])]
        if not typed or not typed[-1]:
            return []
        last, others = typed[-1][:64], typed[:-1]
        low, high = _prefix_range(last)
        # Driven by the token index: the matching tokens, then their entries. Themes and tags:
        # the most used first. Titles: the first tokens in index order of the longest word typed
        # (the most selective), from two letters, whose entries have the other words too; a
        # DISTINCT over every matching title ("vill": 5,000 on 100,000 pages) cost 15 ms.
        queries = [
            (
                "SELECT DISTINCT e.kind, e.label, e.url, e.doc_count, e.detail"
                " FROM search_autocompletetoken t"
                " JOIN search_autocompleteentry e ON e.id = t.entry_id"
                " WHERE t.kind IN ('theme', 'tag') AND t.token >= %s AND t.token < %s"
                " AND e.doc_count > 0 ORDER BY e.doc_count DESC LIMIT 40",
                [low, high],
            )
        ]
        longest = max(range(len(typed)), key=lambda i: len(typed[i]))
        driver, rest = typed[longest][:64], [w[:64] for w in typed[:longest] + typed[longest + 1 :]]
        if len(driver) >= 2:
            having_the_others = "".join(
                " AND EXISTS (SELECT 1 FROM search_autocompletetoken o"
                " WHERE o.entry_id = t.entry_id AND o.token >= %s AND o.token < %s)"
                for _word in rest
            )
            queries.append(
                (
                    "SELECT e.kind, e.label, e.url, e.doc_count, e.detail"  # noqa: S608
                    " FROM search_autocompleteentry e"
                    " WHERE e.doc_count > 0 AND e.id IN (SELECT t.entry_id"
                    " FROM search_autocompletetoken t WHERE t.kind = 'title'"
                    f" AND t.token >= %s AND t.token < %s{having_the_others} LIMIT 40)",
                    [*_prefix_range(driver), *chain.from_iterable(map(_prefix_range, rest))],
                )
            )
        rows = [row for sql, params in queries for row in self.read(sql, params)]
        typed_text = " ".join(typed)
        candidates = []  # (usefulness, key, row): the label folded once per candidate
        for row in rows:
            kind, label, _url, doc_count, _detail = row
            folded = fold(label)
            if others:
                label_words = [fold(w) for w in words(label)]
                if not all(any(w.startswith(o) for w in label_words) for o in others):
                    continue
            usefulness = (
                0 if folded.startswith(typed_text) else 1,
                AUTOCOMPLETE_KIND_ORDER.get(kind, 3),
                -doc_count,
                len(label),
                folded,
            )
            candidates.append((usefulness, (kind, folded), row))
        candidates.sort(key=itemgetter(0))
        seen, suggestions = set(), []
        for _usefulness, key, (kind, label, url, _count, detail) in candidates:
            if key in seen:
                continue
            seen.add(key)
            suggestions.append(Suggestion(label=label, kind=kind, url=url, detail=detail))
            if len(suggestions) >= limit:
                break
        return suggestions


def analysed(record, key):
    return " ".join(analyse(record.get(key, "")))
