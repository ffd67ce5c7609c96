from django.conf import settings
from django.contrib import admin
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from kb import views
from kb.api import api_router
from kb.sitemaps import PageSitemap, sitemap_index

handler404 = "kb.views.page_not_found"
handler500 = "kb.views.server_error"

urlpatterns = [
    path("django-admin/", admin.site.urls),
    path("admin/tag-autocomplete/", views.tag_autocomplete),
    path("admin/tag-autocomplete/<slug:app_name>/<slug:model_name>/", views.tag_autocomplete),
    path("admin/", include("kb.moderation.admin_overrides")),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("comptes/", include("kb.accounts.urls")),
    path("comptes/", include("allauth.urls")),
    path("", include("kb.moderation.urls")),
    path("", include("search.urls")),
    path("", include("practices.urls")),
    path("api/v2/", api_router.urls),
    path("veille/", include("kb.watch.urls")),
    path("sitemap.xml", sitemap_index, name="sitemap"),
    path(
        "sitemap-pages.xml",
        sitemap,
        {"sitemaps": {"pages": PageSitemap}, "template_name": "sitemaps/urlset.xml"},
        name="sitemap_pages",
    ),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("favicon.ico", views.favicon),
    path("accessibilite/", views.AccessibilityStatementView.as_view(), name="accessibility"),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [path("", include(wagtail_urls))]
