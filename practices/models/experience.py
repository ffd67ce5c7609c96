"""The experience sheet ("fiche d'expérience"): a case study told the way workshops tell them."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
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
    organisation = models.CharField(_("structure porteuse"), max_length=255)
    authority_type = models.CharField(
        _("type de structure"), max_length=32, choices=AuthorityType.choices
    )
    region = models.CharField(_("région"), max_length=32, choices=Region.choices)
    department = models.CharField(
        _("département"),
        max_length=3,
        blank=True,
        validators=[
            RegexValidator(
                r"^(0[1-9]|[1-8][0-9]|9[0-5]|2A|2B|97[1-6])$",
                _("Indiquez un numéro de département, par exemple 59, 2A ou 974."),
            )
        ],
    )
    start_year = models.PositiveSmallIntegerField(_("année de début"), validators=YEAR_VALIDATORS)
    end_year = models.PositiveSmallIntegerField(
        _("année de fin"), null=True, blank=True, validators=YEAR_VALIDATORS
    )
    publics = models.TextField(_("publics concernés"), blank=True)
    methods = MultipleChoiceField(
        _("méthodes de participation"), allowed_choices=ParticipationMethod.choices
    )
    level = models.CharField(
        _("niveau de participation"), max_length=32, choices=ParticipationLevel.choices, blank=True
    )
    tags = ClusterTaggableManager(
        through=ExperiencePageTag, blank=True, verbose_name=_("étiquettes")
    )
    body = StreamField(SYNTHESIS_BLOCKS, blank=True, verbose_name=_("synthèse"))

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
            heading=_("Qui, où, quand"),
        ),
        MultiFieldPanel(
            [FieldPanel("publics"), FieldPanel("methods"), FieldPanel("level")],
            heading=_("Démarche"),
        ),
        *PracticePage.classification_panels,
        FieldPanel("body"),
    ]

    parent_page_types = ["practices.ExperienceIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("fiche d'expérience")
        verbose_name_plural = _("fiches d'expérience")

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
                {"end_year": _("L'année de fin doit être égale ou postérieure à l'année de début.")}
            )

    def method_labels(self):
        return self._meta.get_field("methods").labels(self.methods)


class ExperienceIndexPage(PracticeIndexPage):
    listing_model = ExperiencePage
    subpage_types = ["practices.ExperiencePage"]

    class Meta:
        verbose_name = _("rubrique des fiches d'expérience")
