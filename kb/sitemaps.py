"""The sitemap: every live public page of the site, with its absolute URL and last publication,
in files of at most 50,000 URLs (the protocol's limit) that /sitemap.xml lists."""

from django.contrib.sitemaps.views import SitemapIndexItem, x_robots_tag
from django.db.models import Max
from django.db.models.functions import Coalesce
from django.template.response import TemplateResponse
from django.urls import reverse
from wagtail.contrib.sitemaps import Sitemap

from kb.public_address import absolute_url

# What Wagtail's ``Page.get_sitemap_urls`` reads: the URL comes from the URL path and the
# (cached) site root paths, the lastmod from the dates.
ENTRY_FIELDS = ("url_path", "last_published_at", "latest_revision_created_at")


class PageSitemap(Sitemap):
    """Wagtail's sitemap without reading each page in its specific form.

    Wagtail's own reads every page's specific row (one query per page type and per 2,000
    pages, every column but the StreamFields) to call the page type's ``get_sitemap_urls``. No
    Praxis page type changes its sitemap entry or its URL (``get_sitemap_urls``,
    ``get_url_parts``; tests/opendata/test_sitemap.py checks it), so the generic rows, with the
    three columns an entry is made of, give the same entries in one query.
    """

    def items(self):
        return (
            self.get_wagtail_site()
            .root_page.get_descendants(inclusive=True)
            .live()
            .public()
            .order_by("path")
            .only(*ENTRY_FIELDS)
        )

    def get_latest_lastmod(self):
        """The latest lastmod of all entries, for the index (Django's reads every page)."""
        latest = Coalesce("last_published_at", "latest_revision_created_at")
        return self.items().aggregate(latest=Max(latest))["latest"]


@x_robots_tag
def sitemap_index(request):
    """/sitemap.xml: the files of the sitemap (/sitemap-pages.xml, then ?p=2… once the pages
    outgrow ``PageSitemap.limit``), on the public address whatever host the request came
    through, as the entries are."""
    sitemap = PageSitemap(request)
    first = absolute_url(reverse("sitemap_pages"))
    files = [first] + [
        f"{first}?p={number}" for number in range(2, sitemap.paginator.num_pages + 1)
    ]
    lastmod = sitemap.get_latest_lastmod()
    return TemplateResponse(
        request,
        "sitemap_index.xml",
        {"sitemaps": [SitemapIndexItem(location, lastmod) for location in files]},
        content_type="application/xml",
    )
