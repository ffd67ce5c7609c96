"""The sitemap: every live public page of the site, with its absolute URL and last publication."""

from wagtail.contrib.sitemaps import Sitemap

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
