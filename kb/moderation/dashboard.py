"""The moderator's panel of the admin's home page: what waits for a decision, with links."""

from django.urls import reverse
from django.utils.translation import ngettext
from wagtail.admin.ui.components import Component

from kb.accounts.models import Profile
from kb.accounts.roles import is_moderator

from .admin_views import reviews_in_progress
from .models import Report


class ModeratorDeskPanel(Component):
    name = "moderator_desk"
    template_name = "moderation/admin/desk_panel.html"
    order = 100  # above Wagtail's own panels, the list of pages to review among them

    def __init__(self, request):
        self.request = request

    def render_html(self, parent_context=None):
        if not is_moderator(self.request.user):
            return ""
        return super().render_html(parent_context)

    def get_context_data(self, parent_context):
        reviews = reviews_in_progress().count()
        registrations = Profile.objects.filter(status=Profile.Status.PENDING).count()
        reports = Report.objects.filter(status=Report.Status.OPEN).count()
        waiting = [
            (
                reviews,
                ngettext(
                    "%(count)s sheet awaiting review",
                    "%(count)s sheets awaiting review",
                    reviews,
                ),
                reverse("moderation_admin:queue"),
            ),
            (
                registrations,
                ngettext(
                    "%(count)s registration awaiting approval",
                    "%(count)s registrations awaiting approval",
                    registrations,
                ),
                reverse("accounts_admin:registrations"),
            ),
            (
                reports,
                ngettext(
                    "%(count)s report to be handled",
                    "%(count)s reports to be handled",
                    reports,
                ),
                reverse("wagtailsnippets_moderation_report:list") + "?status=open",
            ),
        ]
        return {
            "items": [
                {"label": label % {"count": count}, "url": url}
                for count, label, url in waiting
                if count
            ]
        }
