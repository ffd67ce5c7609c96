"""Open data: the structured fields of every practice type, and the streamed CSV export of listings.

``export_columns(model)`` is the single description of "a page's structured fields" shared by the
CSV export, the JSON API (``kb/api.py``), the JSON-LD and the digests: the common columns of every
practice page followed by the model's own fields, found by introspection so that a new type or a
new field needs no change here.
"""

import csv
import heapq
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from django.db import DatabaseError, models
from django.db.models import Q
from django.http import Http404, HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404
from django.utils.text import capfirst, slugify
from django.utils.translation import get_language, gettext_lazy, pgettext
from django.utils.translation import gettext as _
from modelcluster.fields import ParentalManyToManyField
from taggit.models import Tag
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, Site

from kb.fields import MultipleChoiceField
from kb.public_address import absolute_url
from practices.listing import ListingFilterForm
from practices.models import Theme, practice_page_models

CHUNK_SIZE = 1000
LIST_SEPARATOR = " ; "

# Fields every practice page has, exported first and in this order, or not exported at all.
COMMON_FIELDS = ("summary", "authority_type", "region")
SKIPPED_FIELDS = {"page_ptr", "themes", "tags"}


@dataclass(frozen=True)
class Column:
    """One structured field: ``value`` feeds the API (codes, ISO dates), ``text`` the CSV cell."""

    name: str
    label: Any
    field: Any = None
    kind: str = "text"  # text, choice, multichoice, date, document, page, pages, number

    def raw(self, page):
        if self.name == "year":
            return page.year
        if self.kind == "pages":
            return list(getattr(page, self.name).all())
        return getattr(page, self.name, None)

    def value(self, page):
        raw = self.raw(page)
        if raw in (None, ""):
            return None if self.kind != "multichoice" else []
        if self.kind == "choice":
            return {"code": raw, "label": str(_choice_label(self.field, raw))}
        if self.kind == "multichoice":
            labels = self.field.labels(raw)
            return [{"code": c, "label": str(lab)} for c, lab in zip(raw, labels, strict=False)]
        if self.kind == "date":
            return raw.isoformat()
        if self.kind == "document":
            return {"title": raw.title, "url": _absolute(raw.url)}
        if self.kind == "page":
            return {"id": raw.pk, "title": raw.title}
        if self.kind == "pages":
            return [{"id": p.pk, "title": p.title} for p in raw]
        return raw

    def text(self, page):
        raw = self.raw(page)
        if raw in (None, "", []):
            return ""
        if self.kind == "choice":
            return str(_choice_label(self.field, raw))
        if self.kind == "multichoice":
            return LIST_SEPARATOR.join(str(label) for label in self.field.labels(raw))
        if self.kind == "date":
            return raw.isoformat()
        if self.kind == "document":
            return _absolute(raw.url)
        if self.kind == "page":
            return raw.title
        if self.kind == "pages":
            return LIST_SEPARATOR.join(p.title for p in raw)
        return str(raw)


def _choice_label(field, code):
    return _choice_labels(field, get_language()).get(code, code)


@lru_cache(maxsize=256)
def _choice_labels(field, language):
    return {code: str(label) for code, label in field.choices}


def _absolute(url):
    """A file's address on the public address (``PRAXIS_BASE_URL``), whatever host the request
    came through; a storage's own absolute address is kept."""
    return absolute_url(url) if url and url.startswith("/") else url


def _column_for(field):
    if isinstance(field, MultipleChoiceField):
        kind = "multichoice"
    elif getattr(field, "choices", None):
        kind = "choice"
    elif isinstance(field, models.DateField):
        kind = "date"
    elif isinstance(field, (models.IntegerField, models.DecimalField, models.FloatField)):
        kind = "number"
    elif isinstance(field, models.ForeignKey):
        if field.related_model._meta.label == "wagtaildocs.Document":
            kind = "document"
        elif issubclass(field.related_model, Page):
            kind = "page"
        else:
            return None
    elif isinstance(field, ParentalManyToManyField | models.ManyToManyField):
        kind = "pages" if issubclass(field.related_model, Page) else None
        if kind is None:
            return None
    else:
        kind = "text"
    return Column(field.name, field.verbose_name, field, kind)


@cache
def own_columns(model):
    """The model's own structured fields (not the page machinery, not the long rich content)."""
    columns = []
    common = set(COMMON_FIELDS)
    page_fields = {f.name for f in Page._meta.get_fields()}
    for field in [*model._meta.local_fields, *model._meta.local_many_to_many]:
        if field.name in SKIPPED_FIELDS or field.name in common or field.name in page_fields:
            continue
        if isinstance(field, (StreamField, RichTextField)):
            continue
        column = _column_for(field)
        if column is not None:
            columns.append(column)
    return tuple(columns)


@lru_cache(maxsize=1)
def common_columns():
    """The columns every practice page has."""
    return [
        Column("summary", gettext_lazy("summary")),
        Column(
            "authority_type",
            gettext_lazy("organisation type"),
            _base_field("authority_type"),
            "choice",
        ),
        Column("region", gettext_lazy("region"), _base_field("region"), "choice"),
        Column("year", gettext_lazy("year"), kind="number"),
    ]


def _base_field(name):
    from practices.models import CharterPage

    return CharterPage._meta.get_field(name)


def export_columns(model):
    return [*common_columns(), *own_columns(model)]


def queryset_for_export(queryset):
    """Fetch what the columns read with joins and prefetches, never one query per row.

    Tags are not prefetched here: ``attach_tags`` reads them for a whole chunk in one query
    (the tag manager's own prefetch builds a queryset per page, slow on large exports).
    """
    model = queryset.model
    related = [c.name for c in own_columns(model) if c.kind in ("document", "page")]
    many = [c.name for c in own_columns(model) if c.kind == "pages"]
    if related:
        queryset = queryset.select_related(*related)
    return queryset.prefetch_related(None).prefetch_related("themes", *many)


def attach_tags(pages):
    """Set ``_export_tags`` (tag names) on ``pages`` (all of one type) in one query."""
    if not pages:
        return pages
    through = type(pages[0]).tags.through
    names = {page.pk: [] for page in pages}
    rows = (
        through.objects.filter(content_object_id__in=list(names))
        .order_by("tag__name")
        .values_list("content_object_id", "tag__name")
    )
    for page_id, name in rows:
        names[page_id].append(name)
    for page in pages:
        page._export_tags = names[page.pk]
    return pages


def tag_names(page):
    """The page's tag names, from ``attach_tags`` when it read them for the whole chunk."""
    names = getattr(page, "_export_tags", None)
    return names if names is not None else [t.name for t in page.tags.all()]


def iter_chunks(queryset, size=CHUNK_SIZE):
    """The pages of ``queryset`` (newest first) chunk by chunk: keyset pagination, so memory
    and the number of queries depend on the chunk size, not on the number of pages."""
    queryset = queryset_for_export(queryset).order_by("-first_published_at", "-pk")
    last = None
    while True:
        chunk_qs = queryset
        if last is not None:
            chunk_qs = queryset.filter(
                Q(first_published_at__lt=last.first_published_at)
                | Q(first_published_at=last.first_published_at, pk__lt=last.pk)
            )
        chunk = attach_tags(list(chunk_qs[:size]))
        yield from chunk
        if len(chunk) < size:
            return
        last = chunk[-1]


class PageUrls:
    """Full URLs of pages from their ``url_path`` and the sites' root paths (read once)."""

    def __init__(self, request):
        self.roots = sorted(
            Site.get_site_root_paths(), key=lambda root: len(root.root_path), reverse=True
        )
        self.request = request

    def __call__(self, page):
        for root in self.roots:
            if page.url_path.startswith(root.root_path):
                return root.root_url + page.url_path[len(root.root_path) - 1 :]
        return page.get_full_url(self.request) or ""


# --- CSV -----------------------------------------------------------------------------------------


# A cell starting with one of these is a formula to a spreadsheet (Excel, LibreOffice).
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(cell):
    """``cell`` as text a spreadsheet shows and never runs: a title such as ``=HYPERLINK(…)``
    gets a leading apostrophe (the OWASP advice against CSV injection)."""
    if isinstance(cell, str) and cell.startswith(FORMULA_TRIGGERS):
        return "'" + cell
    return cell


class _Echo:
    """A pseudo-buffer: csv.writer writes a row, we hand the line straight to the response."""

    def write(self, value):
        return value


def _header(models_list):
    header = [
        _("identifier"),
        _("type"),
        pgettext("sheet", "title"),
        _("web address"),
        _("themes"),
        pgettext("taxonomy", "tags"),
        _("first published"),
        _("last published"),
    ]
    header += [str(c.label) for c in common_columns()]
    seen = set()
    extra = []
    for model in models_list:
        for column in own_columns(model):
            if column.name not in seen:
                seen.add(column.name)
                extra.append(column)
    return header, extra


def _row(page, request, extra, url_for=None, type_labels=None):
    columns = {c.name: c for c in own_columns(type(page))}
    model = type(page)
    type_label = type_labels.get(model) if type_labels else None
    row = [
        page.pk,
        type_label or str(model._meta.verbose_name),
        page.title,
        url_for(page) if url_for else page.get_full_url(request) or "",
        LIST_SEPARATOR.join(t.name for t in page.themes.all()),
        LIST_SEPARATOR.join(tag_names(page)),
        page.first_published_at.isoformat() if page.first_published_at else "",
        page.last_published_at.isoformat() if page.last_published_at else "",
    ]
    row += [c.text(page) for c in common_columns()]
    for column in extra:
        own = columns.get(column.name)
        row.append(own.text(page) if own is not None else "")
    return row


def iter_pages(querysets):
    """The pages of several querysets (each ordered newest first), merged newest first, in chunks."""
    iterators = [iter_chunks(qs) for qs in querysets]
    if len(iterators) == 1:
        return iterators[0]
    return heapq.merge(
        *iterators, key=lambda page: (page.first_published_at, page.pk), reverse=True
    )


def csv_response(request, querysets, filename):
    """Stream ``querysets`` as one CSV (UTF-8 with BOM, ``;`` separated for French spreadsheets)."""
    querysets = list(querysets)
    return stream_csv(request, [qs.model for qs in querysets], iter_pages(querysets), filename)


def stream_csv(request, models_list, pages, filename):
    """A streamed CSV of ``pages`` (an iterator), with the columns of ``models_list``."""
    header, extra = _header(models_list)
    header += [str(c.label) for c in extra]
    writer = csv.writer(_Echo(), delimiter=";")

    type_labels = {model: str(model._meta.verbose_name) for model in practice_page_models()}

    def rows():
        yield "\ufeff" + writer.writerow(header)
        url_for = PageUrls(request)
        for page in pages:
            row = _row(page, request, extra, url_for, type_labels)
            yield writer.writerow([spreadsheet_safe(cell) for cell in row])

    response = StreamingHttpResponse(rows(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    return response


def _bad_request(form):
    messages = [str(error) for errors in form.errors.values() for error in errors]
    text = _("Export impossible: a filter is not valid.") + "\n" + "\n".join(messages)
    return HttpResponse(text + "\n", status=400, content_type="text/plain; charset=utf-8")


def model_for_name(model_name):
    for model in practice_page_models():
        if model._meta.model_name == model_name:
            return model
    raise Http404(_("This page type does not exist."))


def export_listing(request, model_name):
    """The listing of one type, filtered by the same query string as the page on screen."""
    model = model_for_name(model_name)
    form = ListingFilterForm(model, request.GET or None)
    pages = model.listing_queryset()
    if form.is_bound:
        if not form.is_valid():
            return _bad_request(form)
        pages = form.filter(pages)
    return csv_response(request, [pages], slugify(str(model._meta.verbose_name_plural)))


def export_theme(request, slug):
    theme = get_object_or_404(Theme, slug=slug)
    querysets = [
        model.listing_queryset().filter(themes=theme).distinct() for model in practice_page_models()
    ]
    return csv_response(request, querysets, f"theme-{theme.slug}")


def export_tag(request, slug):
    tag = get_object_or_404(Tag, slug=slug)
    querysets = [
        model.listing_queryset().filter(tags=tag).distinct() for model in practice_page_models()
    ]
    return csv_response(request, querysets, f"etiquette-{slugify(tag.slug)}")


# --- Search results ------------------------------------------------------------------------------

SEARCH_EXPORT_MAX = 10_000


class SearchUnavailable(Exception):
    """search/ is not installed or cannot answer."""


class BadSearch(ValueError):
    """The search parameters are not valid; the message is for the reader."""


def search_result_ids(params, limit=SEARCH_EXPORT_MAX, sort=None):
    """Page ids of a search (``params``: the query string of the search page), in screen order.

    Uses only the public interface of search/ (``parse_params``, ``get_backend().search``).
    Raises ``BadSearch`` for invalid parameters, ``SearchUnavailable`` if search/ cannot answer.
    """
    from search.backends import BackendUnavailable, get_backend
    from search.forms import BadParameter, parse_params

    params = params.copy()
    params.pop("page", None)
    params.pop("per_page", None)
    if sort:
        params["sort"] = sort
    try:
        query = parse_params(params, per_page=50)
    except BadParameter as exc:
        raise BadSearch(str(exc)) from exc
    if not query.text.strip():
        raise BadSearch(_("Give words to search for."))
    ids = []
    try:
        backend = get_backend()
        page_number = 1
        while len(ids) < limit:
            query.page = page_number
            result = backend.search(query)
            ids.extend(hit.page_id for hit in result.hits)
            if not result.hits or page_number * query.per_page >= result.total:
                break
            page_number += 1
    except (BackendUnavailable, DatabaseError) as exc:
        raise SearchUnavailable from exc
    return list(dict.fromkeys(ids))[:limit]


def pages_in_order(ids, chunk=500):
    """Live public practice pages of ``ids``, in the order of ``ids``, fetched chunk by chunk."""
    for start in range(0, len(ids), chunk):
        part = ids[start : start + chunk]
        found = {}
        for model in practice_page_models():
            chunk = list(queryset_for_export(model.listing_queryset().filter(pk__in=part)))
            for page in attach_tags(chunk):
                found[page.pk] = page
        for pk in part:
            if pk in found:
                yield found[pk]


def export_search(request):
    """The result set of a search, exactly as filtered and sorted on the search page."""
    try:
        ids = search_result_ids(request.GET)
    except BadSearch as exc:
        return HttpResponse(
            _("Export impossible: %(reason)s") % {"reason": exc} + "\n",
            status=400,
            content_type="text/plain; charset=utf-8",
        )
    except SearchUnavailable:
        return HttpResponse(
            _("Search is temporarily unavailable: try again later.") + "\n",
            status=503,
            content_type="text/plain; charset=utf-8",
        )
    return stream_csv(request, practice_page_models(), pages_in_order(ids), "recherche")


# --- The open data page --------------------------------------------------------------------------


def opendata(request):
    """What Praxis publishes as open data, and how to reuse it."""
    from django.shortcuts import render
    from django.urls import reverse

    types = [
        {
            "label": capfirst(model._meta.verbose_name_plural),
            "api_type": model._meta.label,
            "csv": reverse(
                "practices:export_listing", kwargs={"model_name": model._meta.model_name}
            ),
            "rss": reverse(
                "practices:feed_type_rss", kwargs={"model_name": model._meta.model_name}
            ),
            "atom": reverse(
                "practices:feed_type_atom", kwargs={"model_name": model._meta.model_name}
            ),
            "columns": [str(c.label) for c in own_columns(model)],
            "filters": model.listing_filter_fields,
        }
        for model in practice_page_models()
    ]
    return render(request, "practices/opendata.html", {"types": types})
