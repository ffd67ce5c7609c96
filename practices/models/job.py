"""The job description ("fiche de poste"): making the jobs of participation visible."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

from practices.choices import AuthorityType, JobCategory, JobSector, JobStatus

from .base import PracticeIndexPage, PracticePage

ONE_PER_LINE = _("Un élément par ligne.")


class JobDescriptionPageTag(TaggedItemBase):
    content_object = ParentalKey(
        "practices.JobDescriptionPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class JobDescriptionPage(PracticePage):
    job_title = models.CharField(_("intitulé du poste"), max_length=255)
    employer = models.CharField(_("employeur"), max_length=255)
    authority_type = models.CharField(
        _("type d'employeur"), max_length=32, choices=AuthorityType.choices
    )
    category = models.CharField(_("catégorie"), max_length=1, choices=JobCategory.choices)
    sector = models.CharField(_("filière"), max_length=32, choices=JobSector.choices)
    employment_framework = models.CharField(_("cadre d'emplois"), max_length=255, blank=True)
    service = models.CharField(
        _("service ou direction de rattachement"), max_length=255, blank=True
    )
    reporting_line = models.CharField(_("rattachement hiérarchique"), max_length=255, blank=True)
    missions = models.TextField(_("missions"), help_text=ONE_PER_LINE)
    activities = models.TextField(_("activités"), blank=True, help_text=ONE_PER_LINE)
    skills_knowledge = models.TextField(_("savoirs"), blank=True, help_text=ONE_PER_LINE)
    skills_know_how = models.TextField(_("savoir-faire"), blank=True, help_text=ONE_PER_LINE)
    skills_interpersonal = models.TextField(_("savoir-être"), blank=True, help_text=ONE_PER_LINE)
    working_conditions = models.TextField(_("conditions de travail"), blank=True)
    date = models.DateField(_("date de la fiche"))
    status = models.CharField(_("statut"), max_length=16, choices=JobStatus.choices)
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("fiche de poste en PDF"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    tags = ClusterTaggableManager(
        through=JobDescriptionPageTag, blank=True, verbose_name=_("étiquettes")
    )

    year_lookup = "date__year"
    listing_order = 20
    # Extra filters of the listing, its CSV export and its feeds (practices.listing).
    listing_filter_fields = ("category", "sector", "status")

    content_panels = PracticePage.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("job_title"),
                FieldPanel("employer"),
                FieldRowPanel([FieldPanel("authority_type"), FieldPanel("region")]),
                FieldRowPanel([FieldPanel("date"), FieldPanel("status")]),
            ],
            heading=_("Le poste"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("category"), FieldPanel("sector")]),
                FieldPanel("employment_framework"),
                FieldPanel("service"),
                FieldPanel("reporting_line"),
            ],
            heading=_("Statut et rattachement"),
        ),
        MultiFieldPanel(
            [FieldPanel("missions"), FieldPanel("activities")], heading=_("Missions et activités")
        ),
        MultiFieldPanel(
            [
                FieldPanel("skills_knowledge"),
                FieldPanel("skills_know_how"),
                FieldPanel("skills_interpersonal"),
            ],
            heading=_("Compétences"),
        ),
        FieldPanel("working_conditions"),
        FieldPanel("document"),
        *PracticePage.classification_panels,
    ]

    parent_page_types = ["practices.JobDescriptionIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("fiche de poste")
        verbose_name_plural = _("fiches de poste")

    @property
    def year(self):
        return self.date.year if self.date else None


class JobDescriptionIndexPage(PracticeIndexPage):
    listing_model = JobDescriptionPage
    subpage_types = ["practices.JobDescriptionPage"]

    class Meta:
        verbose_name = _("rubrique des fiches de poste")
