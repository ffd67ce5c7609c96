from django import forms
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag

from practices.models import Theme

from .models import Subscription


class SubscribeForm(forms.Form):
    """Follow a theme (slug), a tag (slug) or a search (its query string)."""

    kind = forms.ChoiceField(choices=Subscription.Kind.choices, label=_("Followed item"))
    target = forms.CharField(max_length=1000, required=False, label=_("Theme, tag or search"))
    frequency = forms.ChoiceField(
        choices=Subscription.Frequency.choices,
        initial=Subscription.Frequency.WEEKLY,
        label=_("How often"),
    )

    def clean(self):
        data = super().clean()
        kind, target = data.get("kind"), (data.get("target") or "").strip()
        if kind == Subscription.Kind.THEME:
            data["theme"] = Theme.objects.filter(slug=target).first()
            if data["theme"] is None:
                raise forms.ValidationError(_("This theme does not exist."))
        elif kind == Subscription.Kind.TAG:
            data["tag"] = Tag.objects.filter(slug=target).first()
            if data["tag"] is None:
                raise forms.ValidationError(_("This tag does not exist."))
        elif kind == Subscription.Kind.SEARCH:
            params = QueryDict(target.lstrip("?"), mutable=True)
            for name in ("page", "per_page", "sort"):
                params.pop(name, None)
            if not (params.get("q") or "").strip():
                raise forms.ValidationError(_("A saved search must contain words."))
            data["query"] = params.urlencode()
        return data


class FrequencyForm(forms.Form):
    frequency = forms.ChoiceField(choices=Subscription.Frequency.choices, label=_("Frequency"))
