"""What every practice page shares (themes, territory, listing) and the index page that lists them."""

from django import forms
from django.apps import apps
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import models
from django.db.models import prefetch_related_objects
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from kb.fields import ReferencedManyToManyField
from kb.models import SAFE_RICH_TEXT_FEATURES, BasePage
from practices.choices import AuthorityType, Region

LISTING_PAGE_SIZE = 12


def practice_page_models():
    """Every concrete practice page type, in a stable order (the registry used by listings and search)."""
    return sorted(
        (
            model
            for model in apps.get_models()
            if issubclass(model, PracticePage) and not model._meta.abstract
        ),
        key=lambda model: model.listing_order,
    )


class PracticePage(BasePage):
    """A piece of shared practice: themed, tagged, placed in a territory and a year.

    Concrete types declare ``tags`` (a ``ClusterTaggableManager`` through their own
    ``TaggedItemBase``), ``year_lookup`` (the ORM path of the year listings filter on) and
    ``listing_order``.
    """

    themes = ReferencedManyToManyField("practices.Theme", verbose_name=_("themes"), blank=True)
    authority_type = models.CharField(
        _("organisation type"), max_length=32, choices=AuthorityType.choices, blank=True
    )
    region = models.CharField(_("region"), max_length=32, choices=Region.choices, blank=True)

    year_lookup = None
    listing_order = 100
    # Names of the type's own choice fields the listing also filters on (see practices.listing).
    listing_filter_fields = ()

    classification_panels = [
        MultiFieldPanel(
            [FieldPanel("themes", widget=forms.CheckboxSelectMultiple), FieldPanel("tags")],
            heading=_("Themes and tags"),
        ),
    ]

    class Meta:
        abstract = True

    @property
    def year(self):
        """The year the listing filters on, or None."""
        raise NotImplementedError

    @classmethod
    def type_label(cls):
        return cls._meta.verbose_name

    @classmethod
    def index_model(cls):
        """The section page type this type of page lives under (its only allowed parent)."""
        return apps.get_model(cls.parent_page_types[0])

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Shown three times (chips, JSON-LD keywords, completeness): read once. A preview keeps
        # the themes and tags being edited (modelcluster serves them from memory); those of a
        # page not created yet are only in memory, and the database has nothing to prefetch.
        if self.pk is not None:
            prefetch_related_objects([self], "themes", "tags")
        return context

    @classmethod
    def listing_queryset(cls):
        """Live pages of this type with what a card shows, in a fixed number of queries."""
        return (
            cls.objects.live()
            .public()
            .prefetch_related("themes", "tags")
            .order_by("-first_published_at", "-pk")
        )


class PracticeIndexPage(Page):
    """A section listing one practice type, with pagination and filters (theme, tag, region, …)."""

    intro = RichTextField(_("introduction"), blank=True, features=SAFE_RICH_TEXT_FEATURES)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["kb.HomePage"]
    listing_model = None
    max_count = 1

    class Meta:
        abstract = True

    def get_template(self, request, *args, **kwargs):
        return "practices/practice_index_page.html"

    def get_context(self, request, *args, **kwargs):
        from practices.listing import ListingFilterForm

        context = super().get_context(request, *args, **kwargs)
        form = ListingFilterForm(self.listing_model, request.GET or None)
        pages = self.listing_model.listing_queryset().child_of(self)
        if form.is_bound and form.is_valid():
            pages = form.filter(pages)
        elif form.is_bound:
            pages = pages.none()
        paginator = Paginator(pages, LISTING_PAGE_SIZE)
        try:
            page_obj = paginator.page(request.GET.get("page", 1))
        except PageNotAnInteger:
            page_obj = paginator.page(1)
        except EmptyPage:
            page_obj = paginator.page(paginator.num_pages)
        context.update(filter_form=form, page_obj=page_obj, pages=page_obj.object_list)
        return context
