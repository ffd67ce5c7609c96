"""The site's own models: the custom image, the home page and the shared base of public pages."""

from django.db import models
from django.db.models.signals import class_prepared
from django.dispatch import receiver
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.images.models import AbstractImage, AbstractRendition, Image
from wagtail.models import Page

SAFE_RICH_TEXT_FEATURES = ["bold", "italic", "h3", "h4", "ol", "ul", "link", "document-link"]


class CustomImage(AbstractImage):
    """Praxis's image model, swappable from the first migration; adds a credit line."""

    credit = models.CharField(_("credit"), max_length=255, blank=True)

    admin_form_fields = Image.admin_form_fields + ("credit",)

    class Meta(AbstractImage.Meta):
        verbose_name = _("image")
        verbose_name_plural = _("images")


class CustomRendition(AbstractRendition):
    image = models.ForeignKey(CustomImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)


class BasePage(Page):
    """Every public content page: a summary shown in listings, cards and feeds."""

    summary = models.TextField(
        _("summary"),
        help_text=_("Two to four sentences, shown in listings and search results."),
    )

    content_panels = Page.content_panels + [FieldPanel("summary")]

    class Meta:
        abstract = True


class HomePage(Page):
    """The home page: what Praxis is, the latest sheets and the themes."""

    intro = RichTextField(_("introduction"), blank=True, features=SAFE_RICH_TEXT_FEATURES)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    max_count = 1
    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    def get_context(self, request, *args, **kwargs):
        from practices.models import ExperiencePage, Theme

        context = super().get_context(request, *args, **kwargs)
        context["latest_experiences"] = (
            ExperiencePage.objects.live()
            .public()
            .order_by("-first_published_at")
            .prefetch_related("themes")[:6]
        )
        context["themes"] = Theme.objects.with_page_counts().filter(parent__isnull=True)
        context["sections"] = self.get_children().live().public().specific()
        return context


@receiver(class_prepared)
def require_mandatory_fields_on_save(sender, **kwargs):
    """Wagtail lets drafts be saved with required fields empty; Praxis refuses that.

    A sheet saved half-filled would reach reviewers incomplete: every non-blank field of a
    content page is required when saving a draft too, and the editor says which one is missing.
    """
    if issubclass(sender, BasePage):
        for field in sender._meta.local_fields:
            if not field.blank and field.editable:
                field.required_on_save = True
