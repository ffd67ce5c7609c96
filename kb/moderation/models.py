"""Reports ("Signaler"): a member points moderators to a problem on a public page."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Report(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", _("To be handled")
        CLOSED = "closed", _("Handled")

    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="+", verbose_name=_("page")
    )
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("reported by"),
    )
    reason = models.TextField(_("reason"), max_length=2000)
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.OPEN
    )
    moderator_note = models.TextField(_("moderator's note"), blank=True)
    created_at = models.DateTimeField(_("report date"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            # A member's report sent again is not a new one (``reports.file_report``).
            models.UniqueConstraint(
                fields=["page", "reporter"],
                condition=models.Q(status="open"),
                name="one_open_report_per_member_and_page",
            )
        ]
        verbose_name = _("report")
        verbose_name_plural = _("reports")

    def __str__(self):
        return f"{self.page.title} — {self.get_status_display()}"


class ProposalToken(models.Model):
    """The token of one "propose a sheet" form, stored with the page it created.

    Its uniqueness makes a form sent twice (a double click, a reloaded "sent" page) create one
    page, not two: the second sending finds the first one's page.
    """

    token = models.UUIDField(unique=True)
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return str(self.token)
