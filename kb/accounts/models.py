"""The professional profile that goes with every account, and its approval by a moderator."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from practices.choices import AuthorityType


class Profile(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Awaiting approval")
        APPROVED = "approved", _("Accepted")
        REFUSED = "refused", _("Refused")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="praxis_profile",
        verbose_name=_("user"),
    )
    organisation = models.CharField(_("organisation"), max_length=255)
    job_title = models.CharField(_("job role"), max_length=255)
    authority_type = models.CharField(
        _("organisation type"), max_length=32, choices=AuthorityType.choices
    )
    motivation = models.TextField(_("why join Praxis"), max_length=1000)
    status = models.CharField(
        _("registration"), max_length=16, choices=Status.choices, default=Status.PENDING
    )
    decision_message = models.TextField(_("moderator's message"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decision date"), null=True, blank=True)
    created_at = models.DateTimeField(_("registration date"), auto_now_add=True)

    class Meta:
        verbose_name = _("profile")
        verbose_name_plural = _("profiles")
        ordering = ["-created_at"]

    def __str__(self):
        return self.user.get_full_name() or self.user.get_username()

    @property
    def is_pending(self):
        return self.status == self.Status.PENDING
