from django import forms
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag

from practices.models import Theme

from .models import Subscription


def saved_query(target):
    """The query string of a search as saved: without pagination nor sorting."""
    params = QueryDict((target or "").lstrip("?"), mutable=True)
    for name in ("page", "per_page", "sort"):
        params.pop(name, None)
    return params.urlencode()


def existing_subscription(user, kind, target):
    """``user``'s subscription to a theme or tag (slug) or a search (query string), or None."""
    subscriptions = Subscription.objects.filter(user=user, kind=kind)
    if kind == Subscription.Kind.THEME:
        return subscriptions.filter(theme__slug=target).first()
    if kind == Subscription.Kind.TAG:
        return subscriptions.filter(tag__slug=target).first()
    return subscriptions.filter(query=saved_query(target)).first()


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
            data["query"] = saved_query(target)
            if not (QueryDict(data["query"]).get("q") or "").strip():
                raise forms.ValidationError(_("A saved search must contain words."))
            # Saved URL-encoded: an accented letter takes six characters ("é" is "%C3%A9").
            if len(data["query"]) > Subscription._meta.get_field("query").max_length:
                raise forms.ValidationError(_("This search is too long to be followed."))
        return data


class FrequencyForm(forms.Form):
    frequency = forms.ChoiceField(choices=Subscription.Frequency.choices, label=_("Frequency"))
