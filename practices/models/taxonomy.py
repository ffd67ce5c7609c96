"""Themes: the curated taxonomy, one optional level of parent, ordered by moderators."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index


class ThemeQuerySet(models.QuerySet):
    def with_page_counts(self, live_only=True):
        """Annotate ``page_count``: the pages of every practice type carrying the theme, the live
        ones only by default."""
        from .base import practice_page_models

        total = Value(0)
        for model in practice_page_models():
            through = model.themes.through
            live = {f"{model._meta.model_name}__live": True} if live_only else {}
            count = (
                through.objects.filter(theme=OuterRef("pk"), **live)
                .order_by()
                .values("theme")
                .annotate(n=models.Count("pk"))
                .values("n")
            )
            total = total + Coalesce(Subquery(count, output_field=IntegerField()), Value(0))
        return self.annotate(page_count=total)


class Theme(index.Indexed, models.Model):
    name = models.CharField(_("name"), max_length=120, unique=True)
    slug = models.SlugField(_("address identifier"), max_length=120, unique=True)
    description = models.TextField(_("description"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent theme"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        limit_choices_to={"parent__isnull": True},
    )

    objects = ThemeQuerySet.as_manager()

    panels = [
        FieldPanel("name"),
        FieldPanel(
            "slug",
            help_text=_(
                "The end of the theme's public address. If you change it, the old address"
                " redirects to the new one."
            ),
        ),
        FieldPanel("description"),
        FieldPanel("order"),
        FieldPanel("parent"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("description"),
        index.AutocompleteField("description"),  # the moderators' listing completes both
    ]

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("theme")
        verbose_name_plural = _("themes")

    def __str__(self):
        return self.name

    def page_total(self):
        """The pages of every practice type classified under the theme, live or not (as saved: a
        draft's unpublished changes are in its revisions)."""
        return Theme.objects.with_page_counts(live_only=False).get(pk=self.pk).page_count

    def clean(self):
        super().clean()
        if self.parent_id is None:
            return
        if self.parent_id == self.pk:
            raise ValidationError({"parent": _("A theme cannot be its own parent.")})
        if self.parent.parent_id is not None:
            raise ValidationError({"parent": _("The parent theme must be a top-level theme.")})
        if self.pk and self.children.exists():
            raise ValidationError(
                {"parent": _("This theme has sub-themes: it cannot itself become a sub-theme.")}
            )

    def get_absolute_url(self):
        return reverse("practices:theme", kwargs={"slug": self.slug})
