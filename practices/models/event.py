"""Events: meetings of the profession such as the 2014 Rencontres nationales."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField

from practices.blocks import PROGRAMME_BLOCKS, SYNTHESIS_BLOCKS

from .base import PracticeIndexPage, PracticePage


class EventPageTag(TaggedItemBase):
    content_object = ParentalKey(
        "practices.EventPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class EventPage(PracticePage):
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"), null=True, blank=True)
    place = models.CharField(_("place"), max_length=255)
    organisers = models.TextField(_("organisers"), blank=True, help_text=_("One per line."))
    programme = StreamField(PROGRAMME_BLOCKS, blank=True, verbose_name=_("programme"))
    tags = ClusterTaggableManager(
        through=EventPageTag, blank=True, verbose_name=pgettext_lazy("taxonomy", "tags")
    )
    body = StreamField(SYNTHESIS_BLOCKS, blank=True, verbose_name=_("what was said"))

    year_lookup = "start_date__year"
    listing_order = 50

    content_panels = PracticePage.content_panels + [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
                FieldPanel("place"),
                FieldRowPanel([FieldPanel("authority_type"), FieldPanel("region")]),
                FieldPanel("organisers"),
            ],
            heading=_("When, where, by whom"),
        ),
        FieldPanel("programme"),
        *PracticePage.classification_panels,
        FieldPanel("body"),
    ]

    parent_page_types = ["practices.EventIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    @property
    def year(self):
        return self.start_date.year if self.start_date else None

    def clean(self):
        super().clean()
        if self.end_date and self.start_date and self.end_date < self.start_date:
            raise ValidationError(
                {"end_date": _("The end date must be the same as or later than the start date.")}
            )

    def get_context(self, request, *args, **kwargs):
        from .workshop import WorkshopOutcomePage

        context = super().get_context(request, *args, **kwargs)
        # An event being created (previewed in the editor) has no workshop yet.
        context["workshops"] = (
            WorkshopOutcomePage.objects.live()
            .public()
            .filter(event=self)
            .order_by("round", "title")
            if self.pk is not None
            else ()
        )
        return context


class EventIndexPage(PracticeIndexPage):
    listing_model = EventPage
    subpage_types = ["practices.EventPage"]

    class Meta:
        verbose_name = _("events section")
