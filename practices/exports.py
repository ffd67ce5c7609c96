"""Open data: the structured fields of every practice type, and the streamed CSV export of listings.

``export_columns(model)`` is the single description of "a page's structured fields" shared by the
CSV export, the JSON API (``kb/api.py``), the JSON-LD and the digests: the common columns of every
practice page followed by the model's own fields, found by introspection so that a new type or a
new field needs no change here.
"""

import csv
import heapq
from dataclasses import dataclass
from typing import Any

from django.db import models
from django.http import Http404, HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from modelcluster.fields import ParentalManyToManyField
from taggit.models import Tag
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from kb.fields import MultipleChoiceField
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

    def value(self, page, request=None):
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
            return {"title": raw.title, "url": _absolute(request, raw.url)}
        if self.kind == "page":
            return {"id": raw.pk, "title": raw.title}
        if self.kind == "pages":
            return [{"id": p.pk, "title": p.title} for p in raw]
        return raw

    def text(self, page, request=None):
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
            return _absolute(request, raw.url)
        if self.kind == "page":
            return raw.title
        if self.kind == "pages":
            return LIST_SEPARATOR.join(p.title for p in raw)
        return str(raw)


def _choice_label(field, code):
    return dict(field.choices).get(code, code)


def _absolute(request, url):
    return request.build_absolute_uri(url) if request is not None and url else url


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
    return columns


def common_columns():
    """The columns every practice page has."""
    return [
        Column("summary", gettext_lazy("résumé")),
        Column(
            "authority_type",
            gettext_lazy("type de structure"),
            _base_field("authority_type"),
            "choice",
        ),
        Column("region", gettext_lazy("région"), _base_field("region"), "choice"),
        Column("year", gettext_lazy("année"), kind="number"),
    ]


def _base_field(name):
    from practices.models import CharterPage

    return CharterPage._meta.get_field(name)


def export_columns(model):
    return common_columns() + own_columns(model)


def queryset_for_export(queryset):
    """Fetch what the columns read with joins and prefetches, never one query per row."""
    model = queryset.model
    related = [c.name for c in own_columns(model) if c.kind in ("document", "page")]
    many = [c.name for c in own_columns(model) if c.kind == "pages"]
    if related:
        queryset = queryset.select_related(*related)
    return queryset.prefetch_related("themes", "tags", *many)


# --- CSV -----------------------------------------------------------------------------------------


class _Echo:
    """A pseudo-buffer: csv.writer writes a row, we hand the line straight to the response."""

    def write(self, value):
        return value


def _header(models_list):
    header = [
        _("identifiant"),
        _("type"),
        _("titre"),
        _("adresse"),
        _("thèmes"),
        _("étiquettes"),
        _("première publication"),
        _("dernière publication"),
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


def _row(page, request, extra):
    columns = {c.name: c for c in own_columns(type(page))}
    row = [
        page.pk,
        str(type(page)._meta.verbose_name),
        page.title,
        page.get_full_url(request) or "",
        LIST_SEPARATOR.join(t.name for t in page.themes.all()),
        LIST_SEPARATOR.join(t.name for t in page.tags.all()),
        page.first_published_at.isoformat() if page.first_published_at else "",
        page.last_published_at.isoformat() if page.last_published_at else "",
    ]
    row += [c.text(page, request) for c in common_columns()]
    for column in extra:
        own = columns.get(column.name)
        row.append(own.text(page, request) if own is not None else "")
    return row


def iter_pages(querysets):
    """The pages of several querysets (each ordered newest first), merged newest first, in chunks."""
    iterators = [queryset_for_export(qs).iterator(chunk_size=CHUNK_SIZE) for qs in querysets]
    if len(iterators) == 1:
        return iterators[0]
    return heapq.merge(
        *iterators, key=lambda page: (page.first_published_at, page.pk), reverse=True
    )


def csv_response(request, querysets, filename):
    """Stream ``querysets`` as one CSV (UTF-8 with BOM, ``;`` separated for French spreadsheets)."""
    querysets = list(querysets)
    header, extra = _header([qs.model for qs in querysets])
    header += [str(c.label) for c in extra]
    writer = csv.writer(_Echo(), delimiter=";")

    def rows():
        yield "\ufeff" + writer.writerow(header)
        for page in iter_pages(querysets):
            yield writer.writerow(_row(page, request, extra))

    response = StreamingHttpResponse(rows(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    return response


def _bad_request(form):
    messages = [str(error) for errors in form.errors.values() for error in errors]
    text = _("Export impossible : un filtre n'est pas valide.") + "\n" + "\n".join(messages)
    return HttpResponse(text + "\n", status=400, content_type="text/plain; charset=utf-8")


def model_for_name(model_name):
    for model in practice_page_models():
        if model._meta.model_name == model_name:
            return model
    raise Http404(_("Ce type de page n'existe pas."))


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
