"""Accessible form rendering: labels, help texts and errors tied to their field."""

from django import template
from django.template.loader import render_to_string

register = template.Library()


@register.simple_tag
def form_field(field, **attrs):
    """Render one bound field: label, help text and errors, referenced by aria-describedby."""
    described_by = []
    if field.help_text:
        described_by.append(f"{field.auto_id}_aide")
    if field.errors:
        described_by.append(f"{field.auto_id}_erreurs")
    widget_attrs = dict(attrs)
    if described_by:
        widget_attrs["aria-describedby"] = " ".join(described_by)
    if field.errors:
        widget_attrs["aria-invalid"] = "true"
    widget = field.field.widget
    multiple = getattr(widget, "allow_multiple_selected", False)
    if field.field.required and not multiple and getattr(widget, "input_type", "") != "file":
        widget_attrs.setdefault("required", True)
    is_group = getattr(widget, "input_type", "") in ("radio", "checkbox") and (
        multiple or hasattr(field.field, "choices")
    )
    return render_to_string(
        "accounts/includes/field.html",
        {
            "field": field,
            "widget": field.as_widget(attrs=widget_attrs),
            "is_group": is_group,
        },
    )
