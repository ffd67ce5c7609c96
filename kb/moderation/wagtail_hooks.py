from django.template.defaultfilters import linebreaks_filter
from django.urls import include, path, reverse
from django.utils.text import Truncator, capfirst
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail import hooks
from wagtail.admin.auth import permission_denied
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.pages.bulk_actions import (
    DeleteBulkAction,
    MoveBulkAction,
    PublishBulkAction,
    UnpublishBulkAction,
)
from wagtail.admin.viewsets.pages import PageViewSet
from wagtail.models import AbstractPage, Page
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from kb.accounts.adapter import display_name
from kb.permissions import pages_listed_in_admin

from .admin_overrides import ExplorerView, PageSearchView
from .bulk import ClassificationBulkAction, ListedPagesBulkAction, MembersOnlyBulkAction
from .models import Report


class ReportedPagePanel(FieldPanel):
    """The page a report is about, with links to read it on the site and to edit it."""

    read_only_output_template_name = "moderation/admin/reported_page.html"


class ReasonPanel(FieldPanel):
    """A report's reason as the member wrote it, paragraphs and line breaks kept (with what they
    added later, dated, in a paragraph of its own)."""

    def format_value_for_display(self, value):
        return linebreaks_filter(value, autoescape=True)


class ReporterPanel(FieldPanel):
    """Who sent a report: their name and e-mail address, to write to them."""

    def format_value_for_display(self, value):
        if value is None:
            return _("Deleted account")
        return f"{display_name(value)} — {value.email}"


def reporter_name(report):
    return display_name(report.reporter) if report.reporter else "—"


def reason_excerpt(report):
    """The start of the reason, so that a long one does not fill the listing."""
    return Truncator(report.reason).words(30)


class ReportViewSet(SnippetViewSet):
    model = Report
    icon = "warning"
    menu_label = _("Content reports")
    menu_order = 260
    add_to_admin_menu = True
    list_display = [
        "page",
        Column("reason", label=capfirst(_("reason")), accessor=reason_excerpt),
        Column("reporter", label=capfirst(_("reported by")), accessor=reporter_name),
        "status",
        "created_at",
    ]
    list_filter = ["status"]
    ordering = ["status", "-created_at"]
    panels = [
        ReportedPagePanel("page", read_only=True),
        ReasonPanel("reason", read_only=True),
        ReporterPanel("reporter", read_only=True),
        FieldPanel("created_at", read_only=True),
        FieldPanel(
            "status",
            help_text=_("Marking it handled tells the member who sent it by e-mail."),
        ),
        FieldPanel(
            "moderator_note",
            help_text=_("For moderators only: the member is not sent this note."),
        ),
    ]


register_snippet(ReportViewSet)


@hooks.register("before_serve_page")
def members_only_prompt(page, request, serve_args, serve_kwargs):
    """Members-only pages: signed-in people who are not (yet) approved get an explanation.

    Wagtail itself redirects anonymous visitors to the log-in page; for a signed-in person
    whose registration is pending it would redirect to the log-in page again and again.
    """
    from django.shortcuts import render

    from kb.accounts.roles import is_approved_member

    if not request.user.is_authenticated or is_approved_member(request.user):
        return None
    for restriction in page.get_view_restrictions():
        if not restriction.accept_request(request):
            return render(request, "moderation/members_only.html", {"page": None}, status=403)
    return None


@hooks.register("before_serve_document")
def members_only_documents(document, request):
    """Documents of members-only pages: the same log-in prompt or explanation as the pages."""
    from django.shortcuts import render
    from wagtail.wagtail_hooks import require_wagtail_login

    from kb.permissions import can_download_document

    if can_download_document(request, document):
        return None
    if not request.user.is_authenticated:
        # As Wagtail does for its own restrictions (pages, collections).
        return require_wagtail_login(next=request.get_full_path())
    return render(request, "moderation/members_only.html", {"document": document}, status=403)


@hooks.register("register_admin_urls")
def register_moderation_urls():
    from . import admin_urls

    return [path("moderation/", include(admin_urls))]


class ModeratorMenuItem(MenuItem):
    def is_shown(self, request):
        from kb.accounts.roles import is_moderator

        return is_moderator(request.user)


@hooks.register("register_admin_menu_item")
def register_queue_menu_item():
    return ModeratorMenuItem(
        _("Review queue"), reverse("moderation_admin:queue"), icon_name="tasks", order=240
    )


@hooks.register("register_admin_menu_item")
def register_tags_menu_item():
    return ModeratorMenuItem(
        pgettext_lazy("taxonomy", "Tags"),
        reverse("moderation_admin:tags"),
        icon_name="tag",
        order=270,
    )


hooks.register("register_bulk_action", ClassificationBulkAction)


@hooks.register("register_admin_menu_item")
def register_completeness_menu_item():
    return ModeratorMenuItem(
        _("Completeness"),  # "Sheet completeness" is cut in Wagtail's sidebar
        reverse("moderation_admin:completeness"),
        icon_name="list-ul",
        order=280,
    )


hooks.register("register_bulk_action", MembersOnlyBulkAction)

# Wagtail's own page bulk actions (delete, move, publish, unpublish), registered again (the last
# registered of an action type replaces the others) with the pages listed to the person only.
for wagtail_action in (DeleteBulkAction, MoveBulkAction, PublishBulkAction, UnpublishBulkAction):
    hooks.register(
        "register_bulk_action",
        type(wagtail_action.__name__, (ListedPagesBulkAction, wagtail_action), {}),
        order=1,
    )


@hooks.register("construct_homepage_panels")
def add_moderator_desk_panel(request, panels):
    from .dashboard import ModeratorDeskPanel

    panels.append(ModeratorDeskPanel(request))


@hooks.register("before_move_page")
def move_confirmation_of_listed_pages_only(request, page, destination):
    """Wagtail's move confirmation titles the page and its destination before checking that the
    person may move it there (the move itself is checked): both must be listed to them."""
    both = Page.objects.filter(pk__in=[page.pk, destination.pk])
    if pages_listed_in_admin(both, request.user).count() < both.count():
        return permission_denied(request)
    return None


@hooks.register("construct_page_chooser_queryset")
def chooser_hides_other_peoples_drafts(pages, request):
    return pages_listed_in_admin(pages, request.user)


class ListedPagesPolicy(PagePermissionPolicy):
    """Wagtail's page permissions, where the pages one may explore are those listed to them
    (``pages_listed_in_admin``).

    Registered in place of Wagtail's own page policy, it is what the explorer, the admin's page
    search, the listing of the pages of a type, the site history and the admin API (the
    sidebar's explorer) list from."""

    def explorable_instances(self, user):
        return pages_listed_in_admin(super().explorable_instances(user), user)


register_permission_policy(AbstractPage, ListedPagesPolicy())


class PraxisPageViewSet(PageViewSet):
    index_view_class = ExplorerView
    search_view_class = PageSearchView


@hooks.register("register_admin_viewset", order=1)  # after Wagtail's own, which it replaces
def register_page_viewset():
    return PraxisPageViewSet()
