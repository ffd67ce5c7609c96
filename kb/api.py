"""Open data: the read-only JSON API (Wagtail API v2) at ``/api/v2/pages/``.

Every live public page is listed (drafts and members-only pages never are); practice pages carry
their structured fields, themes and tags, described once in ``practices.exports``. Filters:
``type`` (e.g. ``practices.JobDescriptionPage``), ``theme`` and ``tag`` (slugs), ``region``,
``authority_type`` (codes) and ``year``. An unknown value answers 400 with a French message.
"""

import re
from collections import defaultdict
from functools import reduce
from operator import or_

from django.db.models import Q, prefetch_related_objects
from django.http import Http404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext
from rest_framework import status
from rest_framework.fields import Field, SkipField
from rest_framework.response import Response
from taggit.models import Tag
from wagtail.api.conf import APIField
from wagtail.api.v2.filters import FieldsFilter, SearchFilter
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError, page_models_from_string
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.models import Page

from practices.choices import AuthorityType, Region
from practices.exports import common_columns, own_columns
from practices.models import PracticePage, Theme, practice_page_models

PRAXIS_FILTERS = ("theme", "tag", "region", "authority_type", "year")


def type_filters():
    """{name: model field} of the types' own listing filters (e.g. a job's category)."""
    fields = {}
    for model in practice_page_models():
        for name in model.listing_filter_fields:
            fields.setdefault(name, model._meta.get_field(name))
    return fields


MAX_OFFSET = 1_000_000


class FrenchBadRequest(BadRequestError):
    """A 400 whose message is already written for the reader."""


# Wagtail's API writes its refusals in English, untranslated: each known one, as a pattern of its
# text, and what the reader is told instead (with the pattern's named groups).
WAGTAIL_REFUSALS = [
    (
        r"query parameter is not an operation or a recognised field: (?P<names>.+)",
        gettext_lazy("Unknown parameter: %(names)s."),
    ),
    (r"unknown fields: (?P<names>.+)", gettext_lazy("Unknown field: %(names)s.")),
    (
        r"'(?P<name>.+)' does not support nested fields",
        gettext_lazy("The field “%(name)s” has no sub-fields to choose."),
    ),
    (
        r"limit cannot be higher than (?P<max>\d+)",
        gettext_lazy("“limit” cannot be higher than %(max)s."),
    ),
    (
        r"cannot order by '(?P<name>.+)' \((unknown|invalid) field\)",
        gettext_lazy("Results cannot be sorted by “%(name)s”."),
    ),
    (
        r"cannot (filter|order) by '(?P<name>.+)' while searching \(field is not indexed\)",
        gettext_lazy("“%(name)s” cannot be used together with “search”."),
    ),
    (
        r"random ordering cannot be combined with other fields",
        gettext_lazy("A random order cannot be combined with another sort."),
    ),
    (
        r"random ordering with offset is not supported",
        gettext_lazy("A random order cannot be combined with “offset”."),
    ),
    (
        r"field filter error\. '(?P<value>.*)' is not a valid value for (?P<name>\w+) .*",
        gettext_lazy("“%(value)s” is not a valid value for “%(name)s”."),
    ),
    (
        r"field filter error\. null characters are not allowed for (?P<name>\w+)",
        gettext_lazy("“%(name)s” cannot contain a null character."),
    ),
    (
        r"(?P<name>child_of|ancestor_of|descendant_of|translation_of) must be a positive integer",
        gettext_lazy("“%(name)s” must be the number of a page."),
    ),
    (
        r"(parent|descendant|ancestor|translation_of) page doesn't exist",
        gettext_lazy("The page given as a filter does not exist."),
    ),
    (
        r"filtering by descendant_of with child_of is not supported",
        gettext_lazy("“descendant_of” and “child_of” cannot be combined."),
    ),
]


def french_refusal(message):
    """The French text of one of Wagtail's API refusals (``message``, in English)."""
    for pattern, french in WAGTAIL_REFUSALS:
        match = re.fullmatch(pattern, message, re.S)
        if match:
            return str(french) % match.groupdict()
    return _("Invalid request: %(detail)s") % {"detail": message}


class PracticeField(Field):
    """A read-only field computed from the (specific) page; absent on non-practice pages."""

    def __init__(self, compute, **kwargs):
        self.compute = compute
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def get_attribute(self, instance):
        if not isinstance(instance, PracticePage):
            raise SkipField
        return instance

    def to_representation(self, page):
        return self.compute(page, self.context.get("request"))


def _themes(page, request):
    return [{"slug": t.slug, "name": t.name} for t in page.themes.all()]


def _tags(page, request):
    return [{"slug": t.slug, "name": t.name} for t in page.tags.all()]


def _details(page, request):
    return {c.name: c.value(page) for c in own_columns(type(page))}


def _column(column):
    return lambda page, request: column.value(page)


def praxis_api_fields():
    fields = [
        APIField(column.name, serializer=PracticeField(_column(column)))
        for column in common_columns()
    ]
    fields += [
        APIField("themes", serializer=PracticeField(_themes)),
        APIField("tags", serializer=PracticeField(_tags)),
        APIField("details", serializer=PracticeField(_details)),
    ]
    return fields


PRAXIS_FIELD_NAMES = [field.name for field in praxis_api_fields()]


class PraxisFieldsFilter(FieldsFilter):
    """Wagtail's field filter, leaving Praxis's filters to the view and never answering a 500."""

    def filter_queryset(self, request, queryset, view):
        try:
            return super().filter_queryset(request, queryset, view)
        except BadRequestError:
            raise
        except (ValueError, TypeError) as exc:
            raise FrenchBadRequest(_("A filter value is not valid.")) from exc


class PraxisSearchFilter(SearchFilter):
    """Wagtail's ``search`` parameter: an operator other than ``and`` or ``or`` is a 400, not the
    backend's 500. (Odd text is the search backend's business: kb.wagtail_search.)"""

    def filter_queryset(self, request, queryset, view):
        operator = request.GET.get("search_operator")
        if "search" in request.GET and operator is not None and operator not in ("and", "or"):
            raise FrenchBadRequest(
                _("“%(name)s” must be “and” or “or”.") % {"name": "search_operator"}
            )
        return super().filter_queryset(request, queryset, view)


class PraxisPagesAPIViewSet(PagesAPIViewSet):
    known_query_parameters = PagesAPIViewSet.known_query_parameters.union(
        PRAXIS_FILTERS, type_filters()
    )
    filter_backends = [
        {FieldsFilter: PraxisFieldsFilter, SearchFilter: PraxisSearchFilter}.get(backend, backend)
        for backend in PagesAPIViewSet.filter_backends
    ]
    listing_default_fields = PagesAPIViewSet.listing_default_fields + PRAXIS_FIELD_NAMES

    @classmethod
    def get_body_fields(cls, model):
        return super().get_body_fields(model) + praxis_api_fields()

    @classmethod
    def get_available_fields(cls, model, db_fields_only=False):
        fields = super().get_available_fields(model, db_fields_only=db_fields_only)
        if db_fields_only:
            # Our fields are computed: filtering goes through the Praxis filters only.
            fields = [name for name in fields if name not in PRAXIS_FIELD_NAMES]
        return fields

    def handle_exception(self, exc):
        if isinstance(exc, Http404):
            return Response(
                {"message": pgettext("error page", "Page not found")},
                status=status.HTTP_404_NOT_FOUND,
            )
        if isinstance(exc, FrenchBadRequest):
            return Response({"message": str(exc)}, status=status.HTTP_400_BAD_REQUEST)
        if isinstance(exc, BadRequestError):
            return Response(
                {"message": french_refusal(str(exc))}, status=status.HTTP_400_BAD_REQUEST
            )
        return super().handle_exception(exc)

    # --- Praxis filters ---------------------------------------------------------------------

    def praxis_filters(self):
        """The Praxis filters of the query string, validated; unknown values are refused."""
        params = self.request.GET
        cleaned = {}
        for name in ("offset", "limit"):
            value = params.get(name)
            if value is not None and (
                not (value.isascii() and value.isdigit()) or int(value) > MAX_OFFSET
            ):
                raise FrenchBadRequest(
                    _("“%(name)s” must be a positive whole number (at most %(max)s).")
                    % {"name": name, "max": MAX_OFFSET}
                )
        if "type" in params:
            try:
                page_models_from_string(params["type"])
            except (LookupError, ValueError) as exc:
                known = ", ".join(m._meta.label for m in practice_page_models())
                raise FrenchBadRequest(
                    _("Unknown page type: “%(value)s”. Possible types: %(known)s.")
                    % {"value": params["type"], "known": known}
                ) from exc
        theme = params.get("theme")
        if theme is not None:
            # A NUL byte is no slug, and PostgreSQL refuses it in a query.
            if "\x00" in theme or not Theme.objects.filter(slug=theme).exists():
                raise FrenchBadRequest(_("Unknown theme: “%(value)s”.") % {"value": theme})
            cleaned["themes__slug"] = theme
        tag = params.get("tag")
        if tag is not None:
            if "\x00" in tag or not Tag.objects.filter(slug=tag).exists():
                raise FrenchBadRequest(_("Unknown tag: “%(value)s”.") % {"value": tag})
            cleaned["tags__slug"] = tag
        for name, choices, message in (
            (
                "region",
                Region,
                _("Unknown region: “%(value)s”. Possible values: %(known)s."),
            ),
            (
                "authority_type",
                AuthorityType,
                _("Unknown organisation type: “%(value)s”. Possible values: %(known)s."),
            ),
        ):
            value = params.get(name)
            if value is not None:
                if value not in choices.values:
                    raise FrenchBadRequest(
                        message % {"value": value, "known": ", ".join(choices.values)}
                    )
                cleaned[name] = value
        year = params.get("year")
        if year is not None:
            try:
                year_value = int(year)
                if not 1945 <= year_value <= 2100:
                    raise ValueError
            except ValueError as exc:
                raise FrenchBadRequest(
                    _("Invalid year: “%(value)s”. Give a year between 1945 and 2100.")
                    % {"value": year}
                ) from exc
            cleaned["year"] = year_value
        for name, field in type_filters().items():
            value = params.get(name)
            if value is not None:
                if value not in {code for code, _label in field.choices}:
                    raise FrenchBadRequest(
                        _("Unknown value: %(values)s.") % {"values": f"{name}={value}"}
                    )
                cleaned[name] = value
        return cleaned

    def get_queryset(self):
        filters = self.praxis_filters()
        queryset = super().get_queryset()
        if not filters:
            return queryset
        subqueries = []
        for model in practice_page_models():
            if queryset.model is not Page and not issubclass(model, queryset.model):
                continue
            lookups = dict(filters)
            own = set(type_filters()) & set(lookups)
            if own - set(model.listing_filter_fields):
                continue  # a job's category, say, excludes the types without one
            year = lookups.pop("year", None)
            if year is not None:
                if model.year_lookup is None:
                    continue
                lookups[model.year_lookup] = year
            subqueries.append(Q(pk__in=model.objects.filter(**lookups).values("pk")))
        if not subqueries:
            return queryset.none()
        return queryset.filter(reduce(or_, subqueries))

    @staticmethod
    def _specific(pages):
        """The specific pages (search results come back as plain pages), in the same order."""
        generic = [page.pk for page in pages if type(page) is Page]
        if not generic:
            return pages
        specific = {page.pk: page for page in Page.objects.filter(pk__in=generic).specific()}
        return [specific.get(page.pk, page) if type(page) is Page else page for page in pages]

    def listing_view(self, request):
        queryset = self.get_queryset()
        self.check_query_parameters(queryset)
        queryset = self.filter_queryset(queryset)
        if queryset.model is Page and hasattr(queryset, "specific"):
            queryset = queryset.specific(defer=False)
        pages = self._specific(list(self.paginate_queryset(queryset)))
        prefetch_related_objects(pages, "locale")  # a meta field of every page (fields=*)
        by_model = defaultdict(list)
        for page in pages:
            if isinstance(page, PracticePage):
                by_model[type(page)].append(page)
        for model, objects in by_model.items():
            related = [c.name for c in own_columns(model) if c.kind in ("document", "page")]
            many = [c.name for c in own_columns(model) if c.kind == "pages"]
            prefetch_related_objects(objects, "themes", "tags", *related, *many)
        serializer = self.get_serializer(pages, many=True)
        return self.get_paginated_response(serializer.data)


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PraxisPagesAPIViewSet)
