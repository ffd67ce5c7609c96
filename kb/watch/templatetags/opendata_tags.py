"""Template tags of the open data and watch features: CSV links, feed links, JSON-LD."""

import json

from django import template
from django.urls import NoReverseMatch, reverse
from django.utils.safestring import mark_safe
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from practices.choices import JobStatus

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


# --- Feeds ---------------------------------------------------------------------------------------


def _feed(title, rss_name, atom_name, query="", **kwargs):
    return {
        "title": title,
        "rss": reverse(f"practices:{rss_name}", kwargs=kwargs) + query,
        "atom": reverse(f"practices:{atom_name}", kwargs=kwargs) + query,
    }


def page_feeds(context):
    """The feeds that match what the page shows, most specific first, everything last."""
    from taggit.models import Tag

    from practices.models import PracticeIndexPage, PracticePage, Theme

    feeds = []
    page = context.get("page")
    request = context.get("request")
    if isinstance(page, PracticeIndexPage) and page.listing_model is not None:
        form = context.get("filter_form")
        query = _query_without_page(request) if request and not (form and form.errors) else ""
        model = page.listing_model
        feeds.append(
            _feed(
                _("%(type)s (with the filters shown)")
                % {"type": capfirst(model._meta.verbose_name_plural)}
                if query
                else capfirst(model._meta.verbose_name_plural),
                "feed_type_rss",
                "feed_type_atom",
                query,
                model_name=model._meta.model_name,
            )
        )
    elif isinstance(page, PracticePage):
        model = type(page)
        feeds.append(
            _feed(
                capfirst(model._meta.verbose_name_plural),
                "feed_type_rss",
                "feed_type_atom",
                model_name=model._meta.model_name,
            )
        )
    theme = context.get("theme")
    if isinstance(theme, Theme):
        feeds.append(
            _feed(
                _("Theme: %(name)s") % {"name": theme.name},
                "feed_theme_rss",
                "feed_theme_atom",
                slug=theme.slug,
            )
        )
    tag = context.get("tag")
    if isinstance(tag, Tag):
        feeds.append(
            _feed(
                _("Tag: %(name)s") % {"name": tag.name},
                "feed_tag_rss",
                "feed_tag_atom",
                slug=tag.slug,
            )
        )
    if is_search_page(context):
        feeds.insert(
            0,
            _feed(
                _("Search “%(text)s”") % {"text": context["search_query"]},
                "feed_search_rss",
                "feed_search_atom",
                _query_without_page(request),
            ),
        )
    feeds.append(_feed(_("Everything new"), "feed_all_rss", "feed_all_atom"))
    return feeds


def is_search_page(context):
    """A search page showing results for words (the search/ page's context)."""
    request = context.get("request")
    match = getattr(request, "resolver_match", None)
    return bool(
        context.get("search_query")
        and not context.get("error")
        and match is not None
        and match.view_name == "search:search"
    )


@register.inclusion_tag("includes/search_tools.html", takes_context=True)
def search_tools(context):
    """Export, feeds and e-mail watch of the search on screen (its query string)."""
    request = context.get("request")
    if not is_search_page(context):
        return {"show": False}
    query = _query_without_page(request)
    return {
        "show": True,
        "csv": reverse("practices:export_search") + query,
        "rss": reverse("practices:feed_search_rss") + query,
        "atom": reverse("practices:feed_search_atom") + query,
        "target": query.lstrip("?"),
        "user": context.get("user"),
        "request": request,
        "csrf_token": context.get("csrf_token"),
    }


@register.inclusion_tag("includes/feed_links.html", takes_context=True)
def feed_links(context):
    """``<link rel="alternate">`` elements announcing the page's feeds, for the ``<head>``."""
    return {"feeds": page_feeds(context)}


@register.inclusion_tag("includes/feed_menu.html", takes_context=True)
def feed_menu(context):
    """Visible links to the most specific feed of the page (RSS and Atom)."""
    feeds = page_feeds(context)
    return {"feed": feeds[0] if feeds else None}


# --- JSON-LD -------------------------------------------------------------------------------------


def _label(page, name):
    display = getattr(page, f"get_{name}_display", None)
    return str(display()) if display and getattr(page, name) else None


def _lines(text):
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def _place(page):
    region = _label(page, "region")
    if not region:
        return None
    return {
        "@type": "Place",
        "name": region,
        "address": {"@type": "PostalAddress", "addressRegion": region, "addressCountry": "FR"},
    }


def jsonld_data(page, request=None):
    """The schema.org description of a practice page (a plain dict, JSON-serialisable)."""
    url = page.get_full_url(request)
    data = {
        "@context": "https://schema.org",
        "@type": "Article",
        "name": page.title,
        "headline": page.title,
        "description": page.summary,
        "url": url,
        "mainEntityOfPage": url,
        "inLanguage": "fr",
        "publisher": {"@type": "Organization", "name": "Praxis"},
        "datePublished": page.first_published_at.isoformat() if page.first_published_at else None,
        "dateModified": page.last_published_at.isoformat() if page.last_published_at else None,
        "about": [{"@type": "Thing", "name": t.name} for t in page.themes.all()],
        "keywords": ", ".join(t.name for t in page.tags.all()),
        "spatialCoverage": _place(page),
    }
    builder = _SCHEMA_BUILDERS.get(page._meta.model_name)
    if builder:
        data.update(builder(page))
    return {key: value for key, value in data.items() if value not in (None, "", [])}


def _job(page):
    """A job opening is a ``JobPosting``; an example or a filled position is no offer, but an
    article describing an ``Occupation`` (search engines list JobPostings as offers to apply to)."""
    occupation = {
        "occupationalCategory": " — ".join(
            filter(None, [_label(page, "category"), _label(page, "sector")])
        ),
        "responsibilities": " ; ".join(_lines(page.missions)),
        "skills": " ; ".join(
            _lines(page.skills_knowledge)
            + _lines(page.skills_know_how)
            + _lines(page.skills_interpersonal)
        ),
    }
    if page.status == JobStatus.OPEN:
        return {
            "@type": "JobPosting",
            "title": page.job_title,
            "datePosted": page.date.isoformat() if page.date else None,
            "hiringOrganization": {"@type": "Organization", "name": page.employer},
            "jobLocation": _place(page),
            **occupation,
        }
    described = {
        "@type": "Occupation",
        "name": page.job_title,
        "occupationLocation": _place(page),
        **occupation,
    }
    return {"mainEntity": {key: value for key, value in described.items() if value}}


def _event(page):
    return {
        "@type": "Event",
        "startDate": page.start_date.isoformat() if page.start_date else None,
        "endDate": page.end_date.isoformat() if page.end_date else None,
        "location": {"@type": "Place", "name": page.place},
        "organizer": [{"@type": "Organization", "name": name} for name in _lines(page.organisers)],
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
    }


def _experience(page):
    end = page.end_year or ""
    return {
        "@type": "Article",
        "sourceOrganization": {"@type": "Organization", "name": page.organisation},
        "temporalCoverage": f"{page.start_year}/{end}" if end else str(page.start_year),
    }


def _charter(page):
    return {
        "@type": "DigitalDocument",
        "dateCreated": page.adoption_date.isoformat() if page.adoption_date else None,
        "author": {"@type": "Organization", "name": page.authority} if page.authority else None,
    }


def _workshop(page):
    return {"@type": "Report", "abstract": page.question}


_SCHEMA_BUILDERS = {
    "jobdescriptionpage": _job,
    "eventpage": _event,
    "experiencepage": _experience,
    "charterpage": _charter,
    "workshopoutcomepage": _workshop,
}


@register.simple_tag(takes_context=True)
def jsonld(context, page):
    """A ``<script type="application/ld+json">`` describing ``page`` (safe inside HTML)."""
    data = jsonld_data(page, context.get("request"))
    text = (
        json.dumps(data, ensure_ascii=False, indent=None)
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
    )
    return mark_safe(f'<script type="application/ld+json">{text}</script>')  # noqa: S308


# --- Section tools -------------------------------------------------------------------------------

SECTION_TOOLS = {
    # model name of a listing → (label, URL name) of the tools built on that type
    "jobdescriptionpage": [
        (gettext_lazy("Jobs of participation: the figures"), "practices:job_statistics"),
        (gettext_lazy("Compare job descriptions"), "practices:job_compare"),
    ],
    "experiencepage": [
        (gettext_lazy("Map of experiences by region"), "practices:territories"),
    ],
}


@register.inclusion_tag("includes/section_tools.html")
def section_tools(model):
    """Links to the tools of a type (statistics, comparison, map), if it has any."""
    tools = []
    for label, url_name in SECTION_TOOLS.get(model._meta.model_name, []):
        try:
            tools.append({"label": label, "url": reverse(url_name)})
        except NoReverseMatch:
            continue
    return {"tools": tools}


# --- Watch ---------------------------------------------------------------------------------------


@register.inclusion_tag("watch/follow_box.html", takes_context=True)
def follow_box(context, kind, target, label):
    """A "follow by e-mail" form for a theme (slug), a tag (slug) or a search (query string)."""
    from kb.accounts.roles import is_approved_member
    from kb.watch.forms import existing_subscription
    from kb.watch.models import Subscription

    user = context.get("user")
    approved = is_approved_member(user)
    return {
        "approved": approved,
        "existing": existing_subscription(user, kind, target) if approved else None,
        "kind": kind,
        "target": target,
        "label": label,
        "user": user,
        "request": context.get("request"),
        "csrf_token": context.get("csrf_token"),
        "frequencies": Subscription.Frequency.choices,
    }
