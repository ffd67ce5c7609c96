"""Wagtail's reports that read pages beyond its page permission policy (``ListedPagesPolicy``),
answered here first (kb/urls.py) at their own addresses: contributors read there no title of other
people's drafts."""

from django.db.models import F, OuterRef, Subquery
from django.urls import path
from django.views.decorators.cache import never_cache
from wagtail.admin.auth import require_admin_access
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


def _as_in_the_admin(view):
    """Wagtail's own decoration of its admin views (its URLs are decorated as a whole)."""
    return never_cache(require_admin_access(view))


urlpatterns = decorate_urlpatterns(
    [
        path("page-types-usage/", PageTypesUsageView.as_view()),
        path("page-types-usage/results/", PageTypesUsageView.as_view(results_only=True)),
    ],
    _as_in_the_admin,
)
