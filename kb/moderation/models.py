"""Reports ("Signaler"): a member points moderators to a problem on a public page."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Report(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", _("À traiter")
        CLOSED = "closed", _("Traité")

    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="+", verbose_name=_("page")
    )
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("signalé par"),
    )
    reason = models.TextField(_("raison"), max_length=2000)
    status = models.CharField(
        _("statut"), max_length=16, choices=Status.choices, default=Status.OPEN
    )
    moderator_note = models.TextField(_("note du modérateur"), blank=True)
    created_at = models.DateTimeField(_("date du signalement"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("signalement")
        verbose_name_plural = _("signalements")

    def __str__(self):
        return f"{self.page.title} — {self.get_status_display()}"
