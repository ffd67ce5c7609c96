"""Validating the search parameters: bad ones give a 400 with a French message."""

import functools
import re

from django.utils.translation import gettext as _

from .query import FACETS, SORTS, SearchQuery

MAX_PAGE = 1000
MAX_VALUE_LENGTH = 100
MAX_VALUES = 20
MAX_PER_PAGE = 50
YEAR_RE = re.compile(r"^\d{4}$")


class BadParameter(ValueError):
    pass


@functools.lru_cache(maxsize=1)
def facet_choices():
    """Allowed values of the closed facets (the others are slugs or years)."""
    from practices.choices import AuthorityType, JobCategory, JobSector, Region

    from .documents import practice_models

    return {
        "type": {m._meta.model_name for m in practice_models()},
        "region": set(Region.values),
        "authority_type": set(AuthorityType.values),
        "category": set(JobCategory.values),
        "sector": set(JobSector.values),
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
