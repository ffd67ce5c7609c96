"""The participation charter, as the 2014 charters workshop described them."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField

from kb.fields import MultipleChoiceField
from practices.blocks import SYNTHESIS_BLOCKS
from practices.choices import CharterAuthor, CharterKind, CharterRole

from .base import PracticeIndexPage, PracticePage


class CharterPageTag(TaggedItemBase):
    content_object = ParentalKey(
        "practices.CharterPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class CharterPage(PracticePage):
    kind = models.CharField(_("kind"), max_length=32, choices=CharterKind.choices)
    drawn_up_by = MultipleChoiceField(_("drawn up by"), allowed_choices=CharterAuthor.choices)
    serves_as = MultipleChoiceField(_("serves as"), allowed_choices=CharterRole.choices)
    guarantor = models.TextField(_("guarantee mechanism"), blank=True)
    adoption_date = models.DateField(_("adoption date"), null=True, blank=True)
    authority = models.CharField(_("local authority or organisation"), max_length=255, blank=True)
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("charter text"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    tags = ClusterTaggableManager(
        through=CharterPageTag, blank=True, verbose_name=pgettext_lazy("taxonomy", "tags")
    )
    body = StreamField(SYNTHESIS_BLOCKS, blank=True, verbose_name=_("content"))

    year_lookup = "adoption_date__year"
    listing_order = 30

    content_panels = PracticePage.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("kind"),
                FieldRowPanel([FieldPanel("drawn_up_by"), FieldPanel("serves_as")]),
                FieldPanel("guarantor"),
            ],
            heading=_("The charter"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("authority"),
                FieldRowPanel([FieldPanel("authority_type"), FieldPanel("region")]),
                FieldPanel("adoption_date"),
                FieldPanel("document"),
            ],
            heading=_("Adoption"),
        ),
        *PracticePage.classification_panels,
        FieldPanel("body"),
    ]

    parent_page_types = ["practices.CharterIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("participation charter")
        verbose_name_plural = _("participation charters")

    @property
    def year(self):
        return self.adoption_date.year if self.adoption_date else None

    def drawn_up_by_labels(self):
        return self._meta.get_field("drawn_up_by").labels(self.drawn_up_by)

    def serves_as_labels(self):
        return self._meta.get_field("serves_as").labels(self.serves_as)


class CharterIndexPage(PracticeIndexPage):
    listing_model = CharterPage
    subpage_types = ["practices.CharterPage"]

    class Meta:
        verbose_name = _("charters section")
