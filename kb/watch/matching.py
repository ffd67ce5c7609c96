"""Which live public pages a subscription matches, published in a time window, newest first."""

import heapq

from django.http import QueryDict

from practices.models import practice_page_models

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

    Uses search/ through ``practices.exports.search_result_ids``; if search/ cannot answer, a
    plain match of the words on titles and summaries, so that a saved search never breaks a
    digest. Invalid saved parameters match nothing.
    """
    from practices.exports import BadSearch, SearchUnavailable, search_result_ids

    if isinstance(params, str):
        params = QueryDict(params)
    try:
        ids = search_result_ids(params, limit=SEARCH_DEPTH, sort="date")
    except BadSearch:
        return []
    except SearchUnavailable:
        return _merge([_fallback(qs, params) for qs in querysets], limit)
    return _merge([qs.filter(pk__in=ids) for qs in querysets], limit)


def _fallback(queryset, params):
    from django.db.models import Q

    words = [w for w in (params.get("q") or "").split() if len(w) > 1]
    for word in words:
        queryset = queryset.filter(Q(title__icontains=word) | Q(summary__icontains=word))
    return queryset


def subscription_pages(subscription, start, end):
    """New pages for ``subscription`` published in ]start, end], newest first."""
    querysets = published_between(start, end)
    if subscription.kind == subscription.Kind.THEME:
        return _merge([qs.filter(themes=subscription.theme_id).distinct() for qs in querysets])
    if subscription.kind == subscription.Kind.TAG:
        return _merge([qs.filter(tags=subscription.tag_id).distinct() for qs in querysets])
    return search_pages(subscription.query, querysets)
