"""Which live public pages a subscription matches, published in a time window, newest first."""

import heapq
import logging

from django.db import transaction
from django.db.models import Q
from django.http import QueryDict

from practices.models import practice_page_models

logger = logging.getLogger("praxis.watch")

MAX_ITEMS = 50
SEARCH_DEPTH = 500  # newest search hits read for a saved search


def _merge(querysets, limit=MAX_ITEMS):
    per_type = [list(qs[:limit]) for qs in querysets]
    merged = heapq.merge(
        *per_type, key=lambda page: (page.first_published_at, page.pk), reverse=True
    )
    return [page for _i, page in zip(range(limit), merged, strict=False)]


def published_between(start, end):
    """Live public pages of every type first published in ]start, end], one queryset per type."""
    return [
        model.listing_queryset().filter(first_published_at__gt=start, first_published_at__lte=end)
        for model in practice_page_models()
    ]


def search_pages(params, querysets, limit=MAX_ITEMS):
    """The pages among ``querysets`` matching a saved search (query string ``params``).

    Uses search/ through ``practices.exports.search_result_ids``. If search/ cannot answer (its
    backend fails: the database index, or Elasticsearch and then the database index), the
    pages having the words in their title or summary and passing the search's filters, so that
    a saved search never breaks a digest nor lists pages its filters leave out. Invalid saved
    parameters match nothing.
    """
    from practices.exports import BadSearch, SearchUnavailable, search_result_ids

    if isinstance(params, str):
        params = QueryDict(params)
    try:
        # In a savepoint: on PostgreSQL, a failed statement of the search backend would abort
        # the digest's transaction, and with it the fallback's queries.
        with transaction.atomic():
            ids = search_result_ids(params, limit=SEARCH_DEPTH, sort="date")
    except BadSearch:
        return []
    except SearchUnavailable:
        logger.warning(
            "Search unavailable: saved search %r matched on titles and summaries",
            params.urlencode(),
            exc_info=True,
        )
        return _merge([_fallback(qs, params) for qs in querysets], limit)
    return _merge([qs.filter(pk__in=ids) for qs in querysets], limit)


def _fallback(queryset, params):
    """The pages of ``queryset`` with every word of the search in their title or summary, and
    the filters of the search applied as search/ applies them: any of the values of an
    alternative facet (type, region, year…), every value of the others (themes, tags). The
    facet values are read from the search store (``SearchFacet``), as its backends do."""
    from search.forms import BadParameter, parse_params
    from search.models import SearchFacet
    from search.query import ALTERNATIVE_FACETS

    try:
        query = parse_params(params)
    except BadParameter:
        return queryset.none()
    for word in (w for w in query.text.split() if len(w) > 1):
        queryset = queryset.filter(Q(title__icontains=word) | Q(summary__icontains=word))
    for facet, values in query.filters.items():
        groups = [values] if facet in ALTERNATIVE_FACETS else [[value] for value in values]
        for group in groups:
            having = SearchFacet.objects.filter(facet=facet, value__in=group)
            queryset = queryset.filter(pk__in=having.values("document_id"))
    return queryset


def subscription_pages(subscription, start, end):
    """New pages for ``subscription`` published in ]start, end], newest first."""
    querysets = published_between(start, end)
    if subscription.kind == subscription.Kind.THEME:
        return _merge([qs.filter(themes=subscription.theme_id).distinct() for qs in querysets])
    if subscription.kind == subscription.Kind.TAG:
        return _merge([qs.filter(tags=subscription.tag_id).distinct() for qs in querysets])
    return search_pages(subscription.query, querysets)
