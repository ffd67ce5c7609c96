"""Site-wide views: error pages, robots.txt, the icon, the accessibility statement, the admin's
tag completion."""

import datetime
from email.utils import parseaddr

from django.conf import settings
from django.http import (
    HttpResponse,
    HttpResponsePermanentRedirect,
    HttpResponseServerError,
    JsonResponse,
)
from django.shortcuts import render
from django.template import loader
from django.templatetags.static import static
from django.views.decorators.cache import never_cache
from django.views.generic import TemplateView
from wagtail.admin.auth import require_admin_access
from wagtail.admin.views.tags import autocomplete

from kb.public_address import absolute_url


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    # No context processors: the error may come from the database they read.
    return HttpResponseServerError(loader.get_template("500.html").render())


def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /django-admin/",
        "Disallow: /comptes/",
        f"Sitemap: {absolute_url('/sitemap.xml')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def favicon(request):
    """/favicon.ico, asked for by browsers and feed readers that do not read the page's
    ``<link rel="icon">``: the site's icon instead of a "page not found"."""
    return HttpResponsePermanentRedirect(static("img/favicon.svg"))


class AccessibilityStatementView(TemplateView):
    """The accessibility statement ("Déclaration d'accessibilité"), in the RGAA format.

    It claims only what the browser tests (tests/browser/) check; update ``established_on`` and
    the template when an audit or a new test campaign changes the results.
    """

    template_name = "kb/accessibility.html"
    established_on = datetime.date(2026, 11, 26)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["established_on"] = self.established_on
        context["contact_email"] = parseaddr(settings.DEFAULT_FROM_EMAIL)[1]
        context["site_url"] = self.request.build_absolute_uri("/")
        return context


@never_cache
@require_admin_access
def tag_autocomplete(request, app_name=None, model_name=None):
    """Wagtail's completion of the tag fields, answered here first (kb/urls.py): a typed NUL
    byte, which no tag name holds and PostgreSQL refuses in a query (a 500), completes nothing."""
    if "\x00" in request.GET.get("term", ""):
        return JsonResponse([], safe=False)
    return autocomplete(request, app_name=app_name, model_name=model_name)
