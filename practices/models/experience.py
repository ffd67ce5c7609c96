"""The experience sheet ("fiche d'expérience"): a case study told the way workshops tell them."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
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
from practices.choices import AuthorityType, ParticipationLevel, ParticipationMethod, Region

from .base import PracticeIndexPage, PracticePage

YEAR_VALIDATORS = [MinValueValidator(1945), MaxValueValidator(2100)]


class ExperiencePageTag(TaggedItemBase):
    content_object = ParentalKey(
        "practices.ExperiencePage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class ExperiencePage(PracticePage):
    organisation = models.CharField(_("lead organisation"), max_length=255)
    authority_type = models.CharField(
        _("organisation type"), max_length=32, choices=AuthorityType.choices
    )
    region = models.CharField(_("region"), max_length=32, choices=Region.choices)
    department = models.CharField(
        _("department"),
        max_length=3,
        blank=True,
        validators=[
            RegexValidator(
                r"^(0[1-9]|[1-8][0-9]|9[0-5]|2A|2B|97[1-6])$",
                _("Give a department number, for example 59, 2A or 974."),
            )
        ],
    )
    start_year = models.PositiveSmallIntegerField(_("start year"), validators=YEAR_VALIDATORS)
    end_year = models.PositiveSmallIntegerField(
        _("end year"), null=True, blank=True, validators=YEAR_VALIDATORS
    )
    publics = models.TextField(_("target audiences"), blank=True)
    methods = MultipleChoiceField(
        _("participation methods"), allowed_choices=ParticipationMethod.choices
    )
    level = models.CharField(
        _("participation level"), max_length=32, choices=ParticipationLevel.choices, blank=True
    )
    tags = ClusterTaggableManager(
        through=ExperiencePageTag, blank=True, verbose_name=pgettext_lazy("taxonomy", "tags")
    )
    body = StreamField(SYNTHESIS_BLOCKS, blank=True, verbose_name=_("synthesis"))

    year_lookup = "start_year"
    listing_order = 10

    content_panels = PracticePage.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("organisation"),
                FieldRowPanel([FieldPanel("authority_type"), FieldPanel("region")]),
                FieldPanel("department"),
                FieldRowPanel([FieldPanel("start_year"), FieldPanel("end_year")]),
            ],
            heading=_("Who, where, when"),
        ),
        MultiFieldPanel(
            [FieldPanel("publics"), FieldPanel("methods"), FieldPanel("level")],
            heading=_("Approach"),
        ),
        *PracticePage.classification_panels,
        FieldPanel("body"),
    ]

    parent_page_types = ["practices.ExperienceIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("experience sheet")
        verbose_name_plural = _("experience sheets")

    @property
    def year(self):
        return self.start_year

    def clean(self):
        super().clean()
        if (
            self.end_year is not None
            and self.start_year is not None
            and self.end_year < self.start_year
        ):
            raise ValidationError(
                {"end_year": _("The end year must be the same as or later than the start year.")}
            )

    def method_labels(self):
        return self._meta.get_field("methods").labels(self.methods)

    def get_context(self, request, *args, **kwargs):
        """The workshops that presented the experience (none while it is being created and
        previewed in the editor)."""
        context = super().get_context(request, *args, **kwargs)
        context["workshops"] = (
            self.workshops.live().public().order_by("title") if self.pk is not None else ()
        )
        return context


class ExperienceIndexPage(PracticeIndexPage):
    listing_model = ExperiencePage
    subpage_types = ["practices.ExperiencePage"]

    class Meta:
        verbose_name = _("experience sheets section")
