"""Filtering of practice listings (theme, tag, region, authority type, year), shared by every index."""

from django import forms
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from taggit.models import Tag

from practices.choices import AuthorityType, Region
from practices.models.taxonomy import Theme


class ListingFilterForm(forms.Form):
    """Validates the query string of a listing; an unknown value is an error shown to the reader."""

    theme = forms.SlugField(required=False, label=_("Theme"))
    tag = forms.SlugField(
        required=False, label=pgettext_lazy("taxonomy", "Tag"), allow_unicode=True
    )
    region = forms.ChoiceField(
        required=False, label=_("Region"), choices=[("", _("All regions")), *Region.choices]
    )
    authority_type = forms.ChoiceField(
        required=False,
        label=_("Organisation type"),
        choices=[("", _("All types")), *AuthorityType.choices],
    )
    year = forms.IntegerField(required=False, label=_("Year"), min_value=1945, max_value=2100)

    def __init__(self, model, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.model = model
        self.fields["theme"].widget = forms.Select(
            choices=[("", _("All themes"))] + [(t.slug, t.name) for t in Theme.objects.all()]
        )
        if model.year_lookup is None:
            del self.fields["year"]
        # Type-specific filters: the model lists its own choice fields (e.g. a job's catégorie).
        for name in getattr(model, "listing_filter_fields", ()):
            model_field = model._meta.get_field(name)
            self.fields[name] = forms.ChoiceField(
                required=False,
                label=capfirst(model_field.verbose_name),
                choices=[("", _("All values")), *model_field.choices],
            )

    def clean_theme(self):
        slug = self.cleaned_data["theme"]
        if slug and not Theme.objects.filter(slug=slug).exists():
            raise forms.ValidationError(_("This theme does not exist."))
        return slug

    def clean_tag(self):
        slug = self.cleaned_data["tag"]
        if slug and not Tag.objects.filter(slug=slug).exists():
            raise forms.ValidationError(_("This tag does not exist."))
        return slug

    def filter(self, pages):
        data = self.cleaned_data
        if data.get("theme"):
            pages = pages.filter(themes__slug=data["theme"])
        if data.get("tag"):
            pages = pages.filter(tags__slug=data["tag"])
        if data.get("region"):
            pages = pages.filter(region=data["region"])
        if data.get("authority_type"):
            pages = pages.filter(authority_type=data["authority_type"])
        if data.get("year"):
            pages = pages.filter(**{self.model.year_lookup: data["year"]})
        for name in getattr(self.model, "listing_filter_fields", ()):
            if data.get(name):
                pages = pages.filter(**{name: data[name]})
        return pages.distinct()

    def active_filters(self):
        """(label, value label) pairs of the filters in force, for the page to say what it shows."""
        if not self.is_bound or not self.is_valid():
            return []
        shown = []
        for name, value in self.cleaned_data.items():
            if value in ("", None):
                continue
            field = self.fields[name]
            choices = dict(getattr(field.widget, "choices", []) or [])
            shown.append((field.label, choices.get(value, value)))
        return shown


def index_url(model):
    """The address of the published section listing ``model``, or None if it is not published."""
    index = model.index_model().objects.live().public().first()
    return index.url if index is not None and index.url else None
