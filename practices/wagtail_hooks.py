"""The themes, curated by moderators in the Wagtail admin."""

from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import DeleteView, SnippetViewSet

from practices.models import Theme


class ThemeDeleteView(DeleteView):
    """The confirmation says how many pages lose the theme, drafts included, and links to them
    (Wagtail's usage listing), in one sentence instead of Wagtail's "referenced N times"
    (``ThemeViewSet.delete_template_name``)."""

    @cached_property
    def page_total(self):
        return self.object.page_total()

    @property
    def confirmation_message(self):
        count = self.page_total
        if not count:
            return super().confirmation_message
        return ngettext(
            "%(count)s page is classified under this theme: it will lose it."
            " Delete the theme anyway?",
            "%(count)s pages are classified under this theme: they will lose it."
            " Delete the theme anyway?",
            count,
        ) % {"count": count}


class ThemeViewSet(SnippetViewSet):
    model = Theme
    icon = "folder-open-1"
    menu_label = _("Themes")
    menu_order = 250
    add_to_admin_menu = True
    list_display = ["name", "parent", "order", Column("page_count", label=_("Published pages"))]
    list_filter = ["parent"]
    ordering = ["order", "name"]
    delete_view_class = ThemeDeleteView
    delete_template_name = "practices/admin/theme_confirm_delete.html"

    def get_queryset(self, request):
        return Theme.objects.with_page_counts().select_related("parent")


register_snippet(ThemeViewSet)
