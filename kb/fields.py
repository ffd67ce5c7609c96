"""Model fields shared by Praxis's content types."""

import functools

from django import forms
from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.signals import m2m_changed
from django.dispatch import receiver
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField


class MultipleChoiceField(models.JSONField):
    """A list of codes taken from a fixed set of choices, stored as JSON (portable across databases).

    Rendered as checkboxes in forms; unknown codes are refused by model validation.
    """

    def __init__(self, *args, allowed_choices=(), **kwargs):
        self.allowed_choices = list(allowed_choices)
        kwargs.setdefault("default", list)
        kwargs.setdefault("blank", True)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs["allowed_choices"] = self.allowed_choices
        if kwargs.get("default") is list:
            del kwargs["default"]
        if kwargs.get("blank") is True:
            del kwargs["blank"]
        return name, path, args, kwargs

    def validate(self, value, model_instance):
        super().validate(value, model_instance)
        known = {code for code, _label in self.allowed_choices}
        unknown = [code for code in value or [] if code not in known]
        if unknown:
            raise ValidationError(
                _("Unknown value: %(values)s."),
                code="invalid_choice",
                params={"values": ", ".join(map(str, unknown))},
            )

    def formfield(self, **kwargs):
        return forms.MultipleChoiceField(
            choices=self.allowed_choices,
            required=not self.blank,
            label=capfirst(self.verbose_name),
            help_text=self.help_text,
            widget=forms.CheckboxSelectMultiple,
        )

    def labels(self, codes):
        mapping = dict(self.allowed_choices)
        return [str(mapping.get(code, code)) for code in codes or []]


class ReferencedManyToManyField(ParentalManyToManyField):
    """A page's many-to-many link that Wagtail's reference index follows (it only follows foreign
    keys and StreamField by itself): the linked object's "used N times", its usage listing and its
    deletion warning count the pages linking to it (a theme, an experience presented in a
    workshop). After changing a link field to this one: ``manage.py rebuild_references_index``."""

    def extract_references(self, value):
        """(model, id, path within the field, content path) of each linked object."""
        for related in value:
            yield self.related_model, str(related.pk), "", ""


@functools.cache
def _referenced_link_tables():
    return {
        field.remote_field.through
        for model in apps.get_models()
        for field in model._meta.many_to_many
        if isinstance(field, ReferencedManyToManyField)
    }


@receiver(m2m_changed, dispatch_uid="praxis_referenced_links")
def update_references_after_link_change(sender, instance, action, reverse, model, pk_set, **kw):
    """Index the page again once its links are written. Wagtail indexes it when it is saved, but
    a page writes its many-to-many links after that (modelcluster commits them after the row)."""
    if action not in ("post_add", "post_remove") or sender not in _referenced_link_tables():
        return
    from wagtail.signal_handlers import update_reference_index_on_save

    pages = model.objects.filter(pk__in=pk_set) if reverse else [instance]
    for page in pages:
        update_reference_index_on_save(instance=page)
