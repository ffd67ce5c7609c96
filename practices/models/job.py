"""The job description ("fiche de poste"): making the jobs of participation visible."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

from practices.choices import AuthorityType, JobCategory, JobSector, JobStatus

from .base import PracticeIndexPage, PracticePage

ONE_PER_LINE = _("One item per line.")


class JobDescriptionPageTag(TaggedItemBase):
    content_object = ParentalKey(
        "practices.JobDescriptionPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class JobDescriptionPage(PracticePage):
    job_title = models.CharField(_("job title"), max_length=255)
    employer = models.CharField(_("employer"), max_length=255)
    authority_type = models.CharField(
        _("employer type"), max_length=32, choices=AuthorityType.choices
    )
    category = models.CharField(_("category"), max_length=1, choices=JobCategory.choices)
    sector = models.CharField(_("sector"), max_length=32, choices=JobSector.choices)
    employment_framework = models.CharField(_("employment framework"), max_length=255, blank=True)
    service = models.CharField(_("parent service or directorate"), max_length=255, blank=True)
    reporting_line = models.CharField(_("reporting line"), max_length=255, blank=True)
    missions = models.TextField(_("missions"), help_text=ONE_PER_LINE)
    activities = models.TextField(_("activities"), blank=True, help_text=ONE_PER_LINE)
    skills_knowledge = models.TextField(_("knowledge"), blank=True, help_text=ONE_PER_LINE)
    skills_know_how = models.TextField(_("know-how"), blank=True, help_text=ONE_PER_LINE)
    skills_interpersonal = models.TextField(
        _("interpersonal skills"), blank=True, help_text=ONE_PER_LINE
    )
    working_conditions = models.TextField(_("working conditions"), blank=True)
    date = models.DateField(_("sheet date"))
    status = models.CharField(_("status"), max_length=16, choices=JobStatus.choices)
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("job description as a PDF"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    tags = ClusterTaggableManager(
        through=JobDescriptionPageTag, blank=True, verbose_name=pgettext_lazy("taxonomy", "tags")
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
            heading=_("The position"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("category"), FieldPanel("sector")]),
                FieldPanel("employment_framework"),
                FieldPanel("service"),
                FieldPanel("reporting_line"),
            ],
            heading=_("Status and reporting"),
        ),
        MultiFieldPanel(
            [FieldPanel("missions"), FieldPanel("activities")], heading=_("Missions and activities")
        ),
        MultiFieldPanel(
            [
                FieldPanel("skills_knowledge"),
                FieldPanel("skills_know_how"),
                FieldPanel("skills_interpersonal"),
            ],
            heading=_("Skills"),
        ),
        FieldPanel("working_conditions"),
        FieldPanel("document"),
        *PracticePage.classification_panels,
    ]

    parent_page_types = ["practices.JobDescriptionIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("job description")
        verbose_name_plural = _("job descriptions")

    @property
    def year(self):
        return self.date.year if self.date else None


class JobDescriptionIndexPage(PracticeIndexPage):
    listing_model = JobDescriptionPage
    subpage_types = ["practices.JobDescriptionPage"]

    class Meta:
        verbose_name = _("job descriptions section")
