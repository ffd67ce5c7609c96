from django import template

from kb.permissions import can_see_contact_details

register = template.Library()


@register.filter
def lines(text):
    """The non-empty lines of a "one per line" text field."""
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


@register.filter
def sees_contacts(user):
    return can_see_contact_details(user)


@register.simple_tag(takes_context=True)
def query_with(context, **changes):
    """The current query string with some parameters replaced (pagination keeps the filters)."""
    params = context["request"].GET.copy()
    for key, value in changes.items():
        if value in (None, ""):
            params.pop(key, None)
        else:
            params[key] = value
    encoded = params.urlencode()
    return f"?{encoded}" if encoded else "?"


@register.filter
def type_label(page):
    return page._meta.verbose_name
