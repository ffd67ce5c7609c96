"""Template tags of the open data and watch features: CSV links, feed links, JSON-LD."""

from django import template
from django.urls import reverse

register = template.Library()


def _query_without_page(request):
    params = request.GET.copy()
    params.pop("page", None)
    encoded = params.urlencode()
    return f"?{encoded}" if encoded else ""


@register.simple_tag(takes_context=True)
def export_csv_url(context, model):
    """The CSV export of ``model``'s listing, with the filters on screen."""
    url = reverse("practices:export_listing", kwargs={"model_name": model._meta.model_name})
    return url + _query_without_page(context["request"])
