"""Model fields shared by Praxis's content types."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _


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
