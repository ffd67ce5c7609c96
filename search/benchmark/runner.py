"""Timing the search: four query classes, autocomplete, indexing, index size; the same queries
through stock Wagtail search and through the bare engine floor, in the same run."""

import contextlib
import itertools
import random
import time

from django.db import DatabaseError, connection, transaction
from django.db.models import Count
from django.test import RequestFactory

from ..backends import database_backend
from ..query import SearchQuery, parse
from ..text import STOP_WORDS, fold
from ..views import autocomplete_api, search_api

CLASSES = ("mot rare", "mot fréquent", "deux mots", "mot mal orthographié")
MISSPELT = CLASSES[3]
# The frequent words again, with the most common type ticked: what a reader does next. Timed
# against stock Wagtail searching that model's pages; no floor (the engine's is unfiltered).
FILTERED = "mot fréquent + type"


def percentile(samples, p):
    if not samples:
        return float("nan")
    ordered = sorted(samples)
    k = (len(ordered) - 1) * p / 100
    low = int(k)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (k - low)


def _ms(func):
    started = time.perf_counter()
    func()
    return (time.perf_counter() - started) * 1000


def _typo(word, rng):
    i = rng.randint(1, len(word) - 2)
    return word[:i] + word[i + 1 :]


MAX_CANDIDATES = 400  # words tried per class


def match_count(backend, text):
    """The number of pages the engine matches for ``text`` (all words)."""
    match = backend.prepare_match(parse(text), "all")
    if match is None:
        return 0
    sql, params = backend.match_sql(match, with_score=False)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT count(*) FROM ({sql}) AS m", params)  # noqa: S608
        return cursor.fetchone()[0]


def pick_queries(n_pages, per_class=10, seed=3):
    """Queries of each class, drawn from the indexed vocabulary.

    A class is defined by the number of pages the query matches as the engine matches it
    (stemmed: "groupes" also finds "groupe", "grouper"…), not by the pages using the written
    form: rare ≤ 0.2 % of the pages, frequent > 30 %, two words each in 2–12.5 %, a misspelt word
    whose correction is in 1–20 %.
    """
    from ..models import SearchTerm

    backend = database_backend()
    rng = random.Random(seed)  # noqa: S311
    terms = list(
        SearchTerm.objects.filter(doc_count__gt=0)
        .exclude(word__contains="'")
        .order_by("word")
        .values_list("word", "doc_count")
    )
    known = {fold(w) for w, _n in terms}

    def pool(low, high, min_len=4):
        """Words written in ``low``–``high`` pages (they match at least as many)."""
        words = [
            w
            for w, n in terms
            if low <= n <= high and len(w) >= min_len and w.isalpha() and fold(w) not in STOP_WORDS
        ]
        rng.shuffle(words)
        return words[:MAX_CANDIDATES]

    def pick(candidates, low, high, count=per_class):
        chosen = (w for w in candidates if low <= match_count(backend, w) <= high)
        return list(itertools.islice(chosen, count))

    rare_max = max(2, n_pages // 500)
    rare = pick(pool(1, rare_max), 1, rare_max)
    frequent = pick(pool(n_pages // 20 + 1, n_pages), int(n_pages * 0.3) + 1, n_pages)
    middle_range = max(2, n_pages // 50), max(3, n_pages // 8)
    middle_pool = pool(max(2, n_pages // 200), middle_range[1], min_len=5)
    middle = pick(middle_pool, *middle_range, count=2 * per_class)
    two = [f"{a} {b}" for a, b in zip(middle[::2], middle[1::2], strict=False)]
    typo_range = max(2, n_pages // 100), max(3, n_pages // 5)
    typos = []
    for word in pool(max(2, n_pages // 200), typo_range[1], min_len=7):
        typo = _typo(word, rng)
        if fold(typo) in known:
            continue
        correction = backend.suggest(typo)
        if correction and typo_range[0] <= match_count(backend, correction) <= typo_range[1]:
            typos.append(typo)
        if len(typos) >= per_class:
            break
    prefixes = [w[: rng.randint(3, 5)] for w in pool(2, n_pages, min_len=6)[:per_class]]
    return {
        "mot rare": rare,
        "mot fréquent": frequent,
        "deux mots": two,
        "mot mal orthographié": typos,
        "autocomplétion": prefixes,
    }


@contextlib.contextmanager
def statement_timeout(seconds):
    """Abort a query running longer than ``seconds`` (stock Wagtail search can take minutes)."""
    connection.ensure_connection()
    if connection.vendor == "sqlite":
        deadline = time.monotonic() + seconds
        raw = connection.connection
        raw.set_progress_handler(lambda: 1 if time.monotonic() > deadline else 0, 10_000)
        try:
            yield
        finally:
            raw.set_progress_handler(None, 0)
    elif connection.vendor == "postgresql":
        # In a transaction of its own (a savepoint inside another): the timeout ends with it,
        # and a query it stops leaves the connection usable.
        with transaction.atomic():
            with connection.cursor() as cursor:
                cursor.execute(f"SET LOCAL statement_timeout = {int(seconds * 1000)}")
            yield
    else:
        yield


def _timed_stock_once(func, q, timeout):
    """(milliseconds, timed out): a query stopped at ``timeout`` counts as ``timeout``. Any other
    failure is raised: it would otherwise be timed as a quick answer."""
    started = time.perf_counter()
    try:
        with statement_timeout(timeout):
            func(q)
    except DatabaseError:
        elapsed = time.perf_counter() - started
        if elapsed < timeout * 0.99:
            raise
        return elapsed * 1000, True
    return (time.perf_counter() - started) * 1000, False


STOCK_REPEAT_BELOW_MS = 1000  # stock queries faster than this are timed like Praxis's


class StockTimer:
    """Stock Wagtail search on the queries of a class, to be timed in the same rounds as
    Praxis's. Its first run of each query is the warm-up; a query answered within
    ``repeat_below_ms`` is timed again in every round, a slower one is not run again and its
    first time stands for each round (so that the benchmark ends, and every query weighs the
    same in the percentiles).

    It takes the first ``at_least`` queries, and all of them when those answer within
    ``repeat_below_ms``: a class stock search answers quickly is compared on every query, a
    class it takes seconds or minutes for on its first ones."""

    def __init__(self, func, queries, at_least, timeout, repeat_below_ms=STOCK_REPEAT_BELOW_MS):
        self.func, self.timeout, self.repeat_below_ms = func, timeout, repeat_below_ms
        self.first = {q: _timed_stock_once(func, q, timeout) for q in queries[:at_least]}
        if all(ms < repeat_below_ms for ms, _out in self.first.values()):
            for q in queries[at_least:]:
                self.first[q] = _timed_stock_once(func, q, timeout)

    def __call__(self, q):
        """(milliseconds, timed out), or None for a query it does not time."""
        first = self.first.get(q)
        if first is None or first[0] >= self.repeat_below_ms:
            return first
        return _timed_stock_once(self.func, q, self.timeout)


def interleaved(queries, timers, rounds):
    """{timer name: [(query, milliseconds, timed out)]}: ``rounds`` passes over ``queries``,
    each query through every timer in turn, so that all of them see the same state of the
    machine (the speed of a shared virtual machine drifts by half within minutes)."""
    samples = {name: [] for name in timers}
    for _ in range(rounds):
        for q in queries:
            for name, timer in timers.items():
                sample = timer(q)
                if sample is not None:
                    samples[name].append((q, *sample))
    return samples


def summary(timings, queries=None):
    """(p50, p95, samples) of ``timings`` ([(query, ms, timed out)]), of ``queries`` only when
    given."""
    times = [ms for q, ms, _out in timings if queries is None or q in queries]
    return percentile(times, 50), percentile(times, 95), len(times)


def most_common_type():
    """The practice model with the most indexed pages, and its value in the "type" filter."""
    from practices.models import practice_page_models

    from ..models import SearchFacet

    value = (
        SearchFacet.objects.filter(facet="type")
        .values("value")
        .annotate(pages=Count("document"))
        .order_by("-pages", "value")
        .values_list("value", flat=True)
        .first()
    )
    models = {model._meta.model_name: model for model in practice_page_models()}
    return models.get(value), value


def run(n_pages, rounds=5, stock=True, stock_queries=3, stock_timeout=30):
    """Time every class; returns {class: {engine: (p50, p95, samples)}} and the queries."""
    from wagtail.models import Page

    backend = database_backend()
    factory = RequestFactory()
    queries = pick_queries(n_pages)
    filter_model, filter_type = most_common_type()
    queries[FILTERED] = queries["mot fréquent"] if filter_model else []

    def full(q, **filters):
        response = search_api(factory.get("/api/search/", {"q": q, **filters}))
        assert response.status_code == 200, response.content

    # A misspelt word is answered with the pages of its correction: the engine's floor is the
    # corrected query, and stock Wagtail (which corrects nothing) is also timed on it.
    corrected = {q: backend.suggest(q) or q for q in queries[MISSPELT]}
    found = {
        name: [match_count(backend, corrected.get(q, q)) for q in queries[name]] for name in CLASSES
    }
    found[FILTERED] = [
        backend.search(SearchQuery(text=q, filters={"type": [filter_type]}, facets=())).total
        for q in queries[FILTERED]
    ]

    def floor(q):
        match = backend.prepare_match(parse(corrected.get(q, q)), "all")
        if match is None:
            return
        sql, params = backend.floor_sql(match)
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            cursor.fetchall()

    def stock_search(q):
        results = Page.objects.live().search(q)
        list(results[:10])
        results.count()

    def stock_filtered(q):
        results = filter_model.objects.live().search(q)
        list(results[:10])
        results.count()

    def stock_autocomplete(q):
        list(Page.objects.live().autocomplete(q)[:10])

    def autocomplete(q):
        response = autocomplete_api(factory.get("/api/search/autocomplete/", {"q": q}))
        assert response.status_code == 200

    def timed(func):
        return lambda q: (_ms(lambda: func(q)), False)

    samples = {}
    for name in (*CLASSES, FILTERED, "autocomplétion"):
        qs = queries[name]
        if not qs:
            continue
        if name == "autocomplétion":
            timers = {"praxis": timed(autocomplete)}
            stock_timers = {"wagtail": stock_autocomplete}
        elif name == FILTERED:
            timers = {"praxis": timed(lambda q: full(q, type=filter_type))}
            stock_timers = {"wagtail": stock_filtered}
        else:
            timers = {"praxis": timed(full), "plancher": timed(floor)}
            stock_timers = {"wagtail": stock_search}
            if name == MISSPELT:
                stock_timers["wagtail_corrected"] = lambda q: stock_search(corrected[q])
        for q in qs:  # warm-up
            for timer in timers.values():
                timer(q)
        if stock:
            for engine, func in stock_timers.items():
                timers[engine] = StockTimer(func, qs, stock_queries, stock_timeout)
        samples[name] = interleaved(qs, timers, rounds)
    results = {}
    for name, by_engine in samples.items():
        results[name] = {engine: summary(timings) for engine, timings in by_engine.items()}
        for stock_engine in ("wagtail", "wagtail_corrected"):
            stock_timings = by_engine.get(stock_engine)
            if stock_timings is None:
                continue
            # The ratio to stock search is taken on the queries stock search was timed on.
            compared = {q for q, _ms, _out in stock_timings}
            results[name][f"praxis_vs_{stock_engine}"] = summary(by_engine["praxis"], compared)
            results[name][f"{stock_engine}_queries"] = len(compared)
            results[name][f"{stock_engine}_timeouts"] = sum(out for *_t, out in stock_timings)
    for name, counts in found.items():
        results[name]["pages_found"] = (min(counts), max(counts)) if counts else (0, 0)
    queries["corrections"] = [f"{q} → {corrected[q]}" for q in queries[MISSPELT]]
    queries["filtre de type"] = [filter_type] if filter_model else []
    return results, queries


WRITES = 10  # pages written to time the first search after a write


def after_write(query, writes=WRITES):
    """{"écriture": (p50, p95, n), "recherche suivante": (p50, p95, n)} in milliseconds: a page
    written to the index with a word no other page has (as its publication writes it), then
    the first full search request for ``query``, which brings this process's views of the
    index (facet postings, vocabulary) up to date. The page is put back after each sample."""
    from wagtail.models import Page

    from ..documents import build_record
    from ..models import SearchDocument

    backend = database_backend()
    factory = RequestFactory()

    def search():
        response = search_api(factory.get("/api/search/", {"q": query}))
        assert response.status_code == 200, response.content

    ids = SearchDocument.objects.order_by("page_id").values_list("page_id", flat=True)[:writes]
    samples = {"écriture": [], "recherche suivante": []}
    search()
    for n, page in enumerate(Page.objects.filter(pk__in=list(ids)).specific()):
        original = build_record(page)
        edited = {**original, "summary": f"{original['summary']} praxisbanc{n}"}
        samples["écriture"].append(_ms(lambda edited=edited: backend.index([edited])))
        samples["recherche suivante"].append(_ms(search))
        backend.index([original])
        search()
    return {
        name: (percentile(times, 50), percentile(times, 95), len(times))
        for name, times in samples.items()
    }


NAN3 = (float("nan"),) * 3


def _cell(value, width, bound=""):
    """``value`` to one decimal, right-aligned, after "≥" when it is a lower bound."""
    return f"{bound}{value:.1f}".rjust(width)


def format_table(results):
    lines = [
        "(≥ : des requêtes Wagtail arrêtées au délai maximal : le temps réel est supérieur)",
        f"{'classe':<22}{'Praxis p50':>11}{'p95':>9}{'plancher p50':>14}{'p95':>9}"
        f"{'Wagtail p50':>13}{'p95':>9}{'p95/plancher':>14}{'Wagtail/Praxis p50':>20}{'p95':>9}",
    ]
    for name, engines in results.items():
        praxis = engines.get("praxis", NAN3)
        floor = engines.get("plancher", NAN3)
        stock = engines.get("wagtail", NAN3)
        bound = "≥" if engines.get("wagtail_timeouts") else ""
        ratio_floor = praxis[1] / floor[1] if floor[1] == floor[1] and floor[1] > 0 else NAN3[0]
        compared = engines.get("praxis_vs_wagtail", praxis)
        ratio_stock = [stock[i] / compared[i] if compared[i] > 0 else NAN3[0] for i in (0, 1)]
        lines.append(
            f"{name:<22}{praxis[0]:>11.1f}{praxis[1]:>9.1f}{floor[0]:>14.1f}{floor[1]:>9.1f}"
            f"{_cell(stock[0], 13, bound)}{_cell(stock[1], 9, bound)}{ratio_floor:>14.2f}"
            f"{_cell(ratio_stock[0], 20, bound)}{_cell(ratio_stock[1], 9, bound)}"
        )
    corrected = results.get(MISSPELT, {}).get("wagtail_corrected")
    if corrected:
        praxis = results[MISSPELT].get("praxis_vs_wagtail_corrected", NAN3)
        bound = "≥" if results[MISSPELT].get("wagtail_corrected_timeouts") else ""
        lines.append(
            f"  Wagtail sur le mot corrigé (ce que Praxis cherche) : p50 {bound}{corrected[0]:.1f},"
            f" p95 {bound}{corrected[1]:.1f} ; Wagtail/Praxis p50 {bound}"
            f"{corrected[0] / praxis[0] if praxis[0] > 0 else NAN3[0]:.1f},"
            f" p95 {bound}{corrected[1] / praxis[1] if praxis[1] > 0 else NAN3[0]:.1f}"
        )
    compared = [
        f"{name} {engines['wagtail_queries']}"
        for name, engines in results.items()
        if "wagtail_queries" in engines
    ]
    if compared:
        lines.append(
            "  Wagtail/Praxis : sur les requêtes que Wagtail a traitées (toutes celles d'une classe"
            " quand il répond en moins d'une seconde) : " + ", ".join(compared)
        )
    found = [
        f"{name} {engines['pages_found'][0]}–{engines['pages_found'][1]}"
        for name, engines in results.items()
        if "pages_found" in engines
    ]
    if found:
        lines.append("  Pages trouvées par requête (mot mal orthographié : par sa correction) : ")
        lines[-1] += ", ".join(found)
    return "\n".join(lines)
