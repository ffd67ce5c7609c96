"""Wagtail admin views that read pages beyond its page permission policy (``ListedPagesPolicy``),
in Praxis's version: contributors read there no title of other people's drafts. kb/urls.py
answers their addresses first; the explorer is the page view set's (wagtail_hooks)."""

from django.db.models import F, OuterRef, Subquery
from django.http import Http404
from django.urls import path
from django.views.decorators.cache import never_cache
from wagtail.admin.auth import require_admin_access
from wagtail.admin.views.chooser import BrowseView
from wagtail.admin.views.pages.listing import ExplorableIndexView
from wagtail.admin.views.pages.search import SearchView
from wagtail.admin.views.reports.page_types_usage import PageTypesUsageReportView
from wagtail.models import Page
from wagtail.utils.urlpatterns import decorate_urlpatterns

from kb.permissions import pages_listed_in_admin


class PageTypesUsageView(PageTypesUsageReportView):
    """Wagtail's page types usage, where a type's last edited page is the last edited of the
    pages listed to the person (``pages_listed_in_admin``), as Wagtail orders them (Praxis has
    one site and one language: the report's locale and site filters do not change it)."""

    def get_queryset(self):
        pages_of_the_type = Page.objects.filter(content_type=OuterRef("pk"))
        last_edited = pages_listed_in_admin(pages_of_the_type, self.request.user).order_by(
            F("latest_revision_created_at").desc(nulls_last=True), "title", "-pk"
        )
        return (
            super()
            .get_queryset()
            .annotate(last_edited_page_id=Subquery(last_edited.values("pk")[:1]))
        )


def _listed_or_404(page_id, user):
    """Opened on a page by its ID (in the address), the explorer and the page chooser title
    it: a page not listed to the person is not found."""
    if page_id and not pages_listed_in_admin(Page.objects.filter(pk=page_id), user).exists():
        raise Http404


class ExplorerView(ExplorableIndexView):
    def get(self, request, parent_page_id=None):
        _listed_or_404(parent_page_id, request.user)
        return super().get(request, parent_page_id)


class PageSearchView(SearchView):
    """Wagtail's admin page search, which has no model to name what it counts: its heading
    read "1-3 sur 3 None". It counts pages."""

    verbose_name = Page._meta.verbose_name
    verbose_name_plural = Page._meta.verbose_name_plural


class PageChooserBrowseView(BrowseView):
    def get(self, request, parent_page_id=None):
        _listed_or_404(parent_page_id, request.user)
        return super().get(request, parent_page_id)


def _as_in_the_admin(view):
    """Wagtail's own decoration of its admin views (its URLs are decorated as a whole)."""
    return never_cache(require_admin_access(view))


urlpatterns = decorate_urlpatterns(
    [
        path("reports/page-types-usage/", PageTypesUsageView.as_view()),
        path("reports/page-types-usage/results/", PageTypesUsageView.as_view(results_only=True)),
        path("choose-page/<int:parent_page_id>/", PageChooserBrowseView.as_view()),
    ],
    _as_in_the_admin,
)
