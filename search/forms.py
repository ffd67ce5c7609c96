"""The search parameters: validated (bad ones give a 400 with a French message), and put in words."""

import functools
import re

from django.utils.text import get_text_list
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext, pgettext_lazy

from .query import ALTERNATIVE_FACETS, FACETS, SORTS, SearchQuery
from .text import clean

MAX_PAGE = 1000
MAX_VALUE_LENGTH = 100
MAX_VALUES = 20
MAX_PER_PAGE = 50
YEAR_RE = re.compile(r"^\d{4}$")

# The name of each facet, on the search page and wherever a search's filters are described.
FACET_LABELS = {
    "type": gettext_lazy("Content type"),
    "theme": gettext_lazy("Theme"),
    "tag": pgettext_lazy("taxonomy", "Tag"),
    "region": gettext_lazy("Region"),
    "authority_type": gettext_lazy("Organisation type"),
    "year": gettext_lazy("Year"),
    "category": gettext_lazy("Category"),
    "sector": gettext_lazy("Sector"),
}


class BadParameter(ValueError):
    pass


def choice_facets():
    """{facet: its choices class} of the facets whose values are a model field's choices."""
    from practices.choices import AuthorityType, JobCategory, JobSector, Region

    return {
        "region": Region,
        "authority_type": AuthorityType,
        "category": JobCategory,
        "sector": JobSector,
    }


@functools.lru_cache(maxsize=1)
def facet_choices():
    """Allowed values of the closed facets (the others are slugs or years)."""
    from .documents import practice_models

    return {
        "type": {m._meta.model_name for m in practice_models()},
        **{facet: set(choices.values) for facet, choices in choice_facets().items()},
    }


def _positive_int(params, name, default, maximum):
    raw = params.get(name, "")
    if raw in ("", None):
        return default
    # ASCII digits only: str.isdigit() also accepts "¹", which int() refuses.
    if not (str(raw).isascii() and str(raw).isdigit()) or not 1 <= int(raw) <= maximum:
        raise BadParameter(
            _("The “%(name)s” parameter must be a whole number between 1 and %(max)s.")
            % {"name": name, "max": maximum}
        )
    return int(raw)


def parse_params(params, per_page=10):
    """A SearchQuery from request parameters (a QueryDict); raises BadParameter."""
    text = params.get("q", "") or ""
    if not isinstance(text, str):
        raise BadParameter(_("The “q” parameter must be a text."))
    text = clean(text)  # shown back in the page: no NUL or other control byte
    choices = facet_choices()
    filters = {}
    for facet in FACETS:
        values = [v for v in params.getlist(facet) if v != ""]
        if not values:
            continue
        if len(values) > MAX_VALUES:
            raise BadParameter(_("Too many values for the “%(name)s” filter.") % {"name": facet})
        for value in values:
            if len(value) > MAX_VALUE_LENGTH or "\x00" in value:
                raise BadParameter(_("Invalid value for the “%(name)s” filter.") % {"name": facet})
            if facet in choices and value not in choices[facet]:
                raise BadParameter(
                    _("Unknown value for the “%(name)s” filter: %(value)s.")
                    % {"name": facet, "value": value}
                )
            if facet == "year" and not YEAR_RE.match(value):
                raise BadParameter(
                    _("The year must be written with four digits, for example 2014.")
                )
        filters[facet] = list(dict.fromkeys(values))
    sort = params.get("sort") or "relevance"
    if sort not in SORTS:
        raise BadParameter(_("The sort order must be “relevance” or “date” (most recent)."))
    page = _positive_int(params, "page", 1, MAX_PAGE)
    per_page = _positive_int(params, "per_page", per_page, MAX_PER_PAGE)
    return SearchQuery(text=text, filters=filters, page=page, per_page=per_page, sort=sort)


def value_labels(facet, values):
    """{value: label} of ``values`` of ``facet``, as the search page shows them; a value no
    longer known (a deleted theme) stands for itself."""
    from .documents import practice_models

    if facet == "type":
        labels = {m._meta.model_name: m._meta.verbose_name for m in practice_models()}
    elif facet in ("theme", "tag"):
        from taggit.models import Tag

        from practices.models import Theme

        model = Theme if facet == "theme" else Tag
        labels = dict(model.objects.filter(slug__in=values).values_list("slug", "name"))
    else:
        choices = choice_facets().get(facet)
        labels = dict(choices.choices) if choices else {}
    return {value: str(labels.get(value, value)) for value in values}


def describe_filters(filters):
    """The filters of a search in words, as on the search page: "thème : Jeunesse et Budget
    participatif ; région : Bretagne ou Normandie" ("" without filters)."""
    described = []
    for facet, values in filters.items():
        labels = value_labels(facet, values)
        described.append(
            _("%(facet)s: %(values)s")
            % {
                "facet": str(FACET_LABELS.get(facet, facet)).lower(),
                "values": get_text_list(
                    [labels[v] for v in values],
                    _("or") if facet in ALTERNATIVE_FACETS else _("and"),
                ),
            }
        )
    return pgettext("between the filters of a search", "; ").join(described)
