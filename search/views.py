"""The search page, the JSON search endpoint and autocomplete. Backend-agnostic: they only use
the SearchBackend interface returned by search.backends.get_backend()."""

import math

import orjson
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.text import get_text_list
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from .backends import base, get_backend
from .forms import FACET_LABELS, BadParameter, parse_params, value_labels
from .query import ALTERNATIVE_FACETS, FACETS, parse
from .text import clean

FACETS_SHOWN = 12  # values per facet shown at first on the page (the others are folded)
PAGE_SIZE = 10
AUTOCOMPLETE_MAX = 10


def _json(data, status=200):
    """A JSON response in UTF-8. orjson: Django's encoder would take longer than a rare-word
    search itself to write a page of results with its facets."""
    return HttpResponse(
        orjson.dumps(data, default=str), status=status, content_type="application/json"
    )


def _answerable(query, backend):
    """``query`` as ``backend`` can answer it: facet counts are asked only of a backend that
    counts facets."""
    if not backend.supports(base.FACETS):
        query.facets = ()
    return query


def _bad_request_json(message):
    return _json({"error": message}, status=400)


def _search_url(params, without=(), **changes):
    """The address of the same search, back on its first page, without the parameters
    ``without`` and with the values of ``changes`` ({parameter: list of values})."""
    params = params.copy()
    for name in ("page", *without):
        params.pop(name, None)
    for name, values in changes.items():
        params.setlist(name, values)
    return f"?{params.urlencode()}"


def _active_filters(params, filters):
    """Each filter of the search in words, with the address of the same search without it."""
    active = []
    for name, values in filters.items():
        labels = value_labels(name, values)
        for value in values:
            others = [v for v in params.getlist(name) if v != value]
            active.append(
                {
                    "facet": FACET_LABELS.get(name, name),
                    "label": labels[value],
                    "remove_url": _search_url(params, **{name: others}),
                }
            )
    return active


def _cumulative_filters():
    """The names of the filters whose ticked values must all be on a page ("thème et
    étiquette"); in the others, any of them is enough."""
    names = [str(FACET_LABELS[name]).lower() for name in FACETS if name not in ALTERNATIVE_FACETS]
    return get_text_list(names, _("and"))


@require_GET
def search_page(request):
    error = None
    try:
        query = parse_params(request.GET, per_page=PAGE_SIZE)
    except BadParameter as exc:
        error, query = str(exc), None
    result = None
    if query is not None and query.text.strip():
        backend = get_backend()
        result = backend.search(_answerable(query, backend))
    # What was typed, shown back: with no control byte, even in a request refused for a filter.
    typed = query.text if query else clean(request.GET.get("q", ""))
    context = {
        "search_query": typed[:500],
        "query": query,
        "result": result,
        "error": error,
        "parsed": parse(query.text) if query else None,
    }
    if result is not None:
        pages = max(1, math.ceil(result.total / query.per_page))
        context.update(
            facets=[
                {
                    "name": name,
                    "label": FACET_LABELS[name],
                    "values": values[:FACETS_SHOWN]
                    + [v for v in values[FACETS_SHOWN:] if v.selected],
                    # The other values, folded under the first ones.
                    "more": [v for v in values[FACETS_SHOWN:] if not v.selected],
                }
                for name, values in result.facets.items()
                if values and name in FACET_LABELS
            ],
            # The words the results are for: the correction when none had the words typed.
            results_for=result.suggestion if result.corrected else context["search_query"],
            page_number=query.page,
            num_pages=pages,
            has_previous=query.page > 1,
            has_next=query.page < pages,
            first_index=(query.page - 1) * query.per_page + 1,
            active_filters=_active_filters(request.GET, query.filters),
            cumulative_filters=_cumulative_filters(),
            without_filters_url=_search_url(request.GET, without=FACETS),
        )
        context["beyond_last_page"] = result.total > 0 and query.page > pages
    if error:
        status = 400
    elif context.get("beyond_last_page"):
        status = 404
    else:
        status = 200
    return render(request, "search/search.html", context, status=status)


@require_GET
def search_api(request):
    try:
        query = parse_params(request.GET, per_page=PAGE_SIZE)
    except BadParameter as exc:
        return _bad_request_json(str(exc))
    if not query.text.strip():
        return _bad_request_json(_("The “q” parameter is required."))
    backend = get_backend()
    result = backend.search(_answerable(query, backend))
    data = {
        "count": result.total,
        "results": [
            {
                "type": hit.type,
                "title": hit.title,
                "url": hit.url,
                "snippet": hit.snippet,
                "score": hit.score,
            }
            for hit in result.hits
        ],
        "facets": {
            name: [{"value": v.value, "label": v.label, "count": v.count} for v in values]
            for name, values in result.facets.items()
            if name in FACETS
        },
        "suggestion": result.suggestion,
    }
    return _json(data)


@require_GET
def autocomplete_api(request):
    text = request.GET.get("q", "")
    if len(text) > 200:
        return _bad_request_json(_("The text to complete must not be longer than 200 characters."))
    backend = get_backend()
    suggestions = []
    if text.strip() and backend.supports(base.AUTOCOMPLETE):
        suggestions = backend.autocomplete(text, limit=AUTOCOMPLETE_MAX)
    return _json(
        {
            "suggestions": [
                {"label": s.label, "kind": s.kind, "url": s.url, "detail": s.detail}
                for s in suggestions
            ]
        }
    )
