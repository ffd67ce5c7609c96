"""Workshop outcomes: what a workshop of an event worked on and concluded."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField

from kb.fields import ReferencedManyToManyField
from practices.blocks import SYNTHESIS_BLOCKS

from .base import PracticeIndexPage, PracticePage


class WorkshopOutcomePageTag(TaggedItemBase):
    content_object = ParentalKey(
        "practices.WorkshopOutcomePage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class WorkshopOutcomePage(PracticePage):
    event = models.ForeignKey(
        "practices.EventPage",
        verbose_name=_("event"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="workshop_outcomes",
    )
    round = models.PositiveSmallIntegerField(_("session (round)"), null=True, blank=True)
    question = models.TextField(_("question worked on"))
    experiences = ReferencedManyToManyField(
        "practices.ExperiencePage",
        verbose_name=_("experiences presented"),
        blank=True,
        related_name="workshops",
    )
    tags = ClusterTaggableManager(
        through=WorkshopOutcomePageTag, blank=True, verbose_name=pgettext_lazy("taxonomy", "tags")
    )
    body = StreamField(SYNTHESIS_BLOCKS, blank=True, verbose_name=_("collective synthesis"))

    year_lookup = "event__start_date__year"
    listing_order = 40

    content_panels = PracticePage.content_panels + [
        MultiFieldPanel(
            [FieldPanel("event"), FieldPanel("round"), FieldPanel("question")],
            heading=_("The workshop"),
        ),
        FieldPanel("experiences"),
        *PracticePage.classification_panels,
        FieldPanel("body"),
    ]

    parent_page_types = ["practices.WorkshopOutcomeIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("workshop outcome")
        verbose_name_plural = _("workshop outcomes")

    @property
    def year(self):
        return self.event.start_date.year if self.event_id and self.event.start_date else None

    @classmethod
    def listing_queryset(cls):
        return super().listing_queryset().select_related("event")

    def get_context(self, request, *args, **kwargs):
        """The experiences presented that a visitor can open (live and public). In the editor's
        preview, the experiences chosen in the form: modelcluster holds them in memory, where
        only their ids can be read."""
        from .experience import ExperiencePage

        context = super().get_context(request, *args, **kwargs)
        chosen = self.experiences.values_list("id", flat=True)
        context["experiences"] = (
            ExperiencePage.objects.live().public().filter(pk__in=chosen).order_by("path")
        )
        return context


class WorkshopOutcomeIndexPage(PracticeIndexPage):
    listing_model = WorkshopOutcomePage
    subpage_types = ["practices.WorkshopOutcomePage"]

    class Meta:
        verbose_name = _("workshop outcomes section")
