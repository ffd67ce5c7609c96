"""Subscriptions of members to a theme, a tag or a saved search, and the digests sent."""

from django.conf import settings
from django.core import signing
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

UNSUBSCRIBE_SALT = "praxis.watch.unsubscribe"


class Subscription(models.Model):
    class Kind(models.TextChoices):
        THEME = "theme", _("Theme")
        TAG = "tag", pgettext_lazy("taxonomy", "Tag")
        SEARCH = "search", _("Saved search")

    class Frequency(models.TextChoices):
        DAILY = "daily", _("Daily")
        WEEKLY = "weekly", _("Weekly")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("member"),
        on_delete=models.CASCADE,
        related_name="watch_subscriptions",
    )
    kind = models.CharField(_("followed item"), max_length=16, choices=Kind.choices)
    theme = models.ForeignKey(
        "practices.Theme",
        verbose_name=_("theme"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    tag = models.ForeignKey(
        "taggit.Tag",
        verbose_name=pgettext_lazy("taxonomy", "tag"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    query = models.CharField(
        _("search"),
        max_length=1000,
        blank=True,
        help_text=_("The parameters of the saved search (q=…&region=…)."),
    )
    frequency = models.CharField(
        _("frequency"), max_length=16, choices=Frequency.choices, default=Frequency.WEEKLY
    )
    created_at = models.DateTimeField(_("created on"), default=timezone.now)
    last_sent_at = models.DateTimeField(
        _("pages sent up to"),
        null=True,
        blank=True,
        help_text=_("The next digest holds the pages published after this date."),
    )
    last_sent_on = models.DateField(_("last sent on"), null=True, blank=True)

    class Meta:
        verbose_name = _("subscription")
        verbose_name_plural = _("subscriptions")
        ordering = ["user", "kind", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(kind="theme", theme__isnull=False, tag__isnull=True)
                    | models.Q(kind="tag", tag__isnull=False, theme__isnull=True)
                    | models.Q(kind="search", theme__isnull=True, tag__isnull=True)
                ),
                name="watch_subscription_target_matches_kind",
            ),
        ]

    def __str__(self):
        return f"{self.user} — {self.label()}"

    def label(self):
        if self.kind == self.Kind.THEME and self.theme_id:
            return _("Theme: %(name)s") % {"name": self.theme.name}
        if self.kind == self.Kind.TAG and self.tag_id:
            return _("Tag: %(name)s") % {"name": self.tag.name}
        from django.http import QueryDict

        from search.forms import BadParameter, describe_filters, parse_params

        params = QueryDict(self.query)
        label = _("Search: “%(text)s”") % {"text": params.get("q", "")}
        try:
            filters = describe_filters(parse_params(params).filters)
        except BadParameter:  # a filter value that no longer exists (a removed choice)
            return label
        if not filters:
            return label
        return _("%(search)s (%(filters)s)") % {"search": label, "filters": filters}

    def since(self):
        return self.last_sent_at or self.created_at

    def unsubscribe_token(self):
        return _signed({"s": self.pk})

    def unsubscribe_path(self):
        return reverse("watch:unsubscribe", kwargs={"token": self.unsubscribe_token()})


def _signed(data):
    return signing.dumps(data, salt=UNSUBSCRIBE_SALT, compress=True)


def _unsigned(token):
    try:
        data = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return {}
    return data if isinstance(data, dict) else {}


def unsubscribe_all_path(user):
    """The link that stops every digest of ``user`` (the e-mails' List-Unsubscribe header: a
    mail client's "Unsubscribe" button must stop the e-mails, not one of their sections)."""
    return reverse("watch:unsubscribe", kwargs={"token": _signed({"u": user.pk})})


def subscriptions_of_token(token):
    """(the subscriptions an unsubscribe token names, whether it names all of a member's)."""
    data = _unsigned(token)
    subscriptions = Subscription.objects.select_related("theme", "tag")
    if data.get("s"):
        return subscriptions.filter(pk=data["s"]), False
    if data.get("u"):
        return subscriptions.filter(user_id=data["u"]), True
    return subscriptions.none(), False


class Digest(models.Model):
    """One digest e-mail per member and day: the command's guard against sending twice."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("member"),
        on_delete=models.CASCADE,
        related_name="watch_digests",
    )
    day = models.DateField(_("day"))
    sent_at = models.DateTimeField(_("sent on"), null=True, blank=True)
    item_count = models.PositiveIntegerField(_("number of pages"), default=0)

    class Meta:
        verbose_name = _("alert digest")
        verbose_name_plural = _("alert digests")
        constraints = [
            models.UniqueConstraint(fields=["user", "day"], name="watch_one_digest_per_day")
        ]

    def __str__(self):
        return f"{self.user} — {self.day}"
