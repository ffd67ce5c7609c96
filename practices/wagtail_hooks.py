"""The themes, curated by moderators in the Wagtail admin."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from practices.models import Theme


class ThemeViewSet(SnippetViewSet):
    model = Theme
    icon = "folder-open-1"
    menu_label = _("Themes")
    menu_order = 250
    add_to_admin_menu = True
    list_display = ["name", "parent", "order", Column("page_count", label=_("Published pages"))]
    list_filter = ["parent"]
    ordering = ["order", "name"]

    def get_queryset(self, request):
        return Theme.objects.with_page_counts().select_related("parent")


register_snippet(ThemeViewSet)
