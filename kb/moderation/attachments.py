"""Attachments of contributions: PDF, ODT or DOCX, size-limited, checked by their content."""

import filetype
from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

ALLOWED = {
    "pdf": "application/pdf",
    "odt": "application/vnd.oasis.opendocument.text",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


def max_size():
    return getattr(settings, "PRAXIS_ATTACHMENT_MAX_SIZE", 5 * 1024 * 1024)


def validate_attachment(upload):
    """Refuse what is too big, has another extension, or whose bytes are not what it claims."""
    name = upload.name or ""
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if extension not in ALLOWED:
        raise ValidationError(
            _("« %(name)s » : seuls les fichiers PDF, ODT et DOCX sont acceptés."),
            code="extension",
            params={"name": name},
        )
    if upload.size > max_size():
        raise ValidationError(
            _("« %(name)s » est trop volumineux (%(size)s) : la taille maximale est %(max)s."),
            code="size",
            params={
                "name": name,
                "size": filesizeformat(upload.size),
                "max": filesizeformat(max_size()),
            },
        )
    upload.seek(0)
    head = upload.read(8192)
    upload.seek(0)
    kind = filetype.guess(head)
    if kind is None or kind.extension != extension:
        raise ValidationError(
            _(
                "« %(name)s » n'est pas un vrai fichier %(type)s : son contenu ne correspond pas "
                "à son extension."
            ),
            code="content",
            params={"name": name, "type": extension.upper()},
        )


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class AttachmentsField(forms.FileField):
    """Several files in one input, each validated."""

    def __init__(self, *args, multiple=True, **kwargs):
        self.multiple = multiple
        kwargs.setdefault(
            "widget",
            MultipleFileInput(attrs={"accept": ".pdf,.odt,.docx"})
            if multiple
            else forms.FileInput(attrs={"accept": ".pdf,.odt,.docx"}),
        )
        kwargs.setdefault("required", False)
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        uploads = data if isinstance(data, (list, tuple)) else ([data] if data else [])
        cleaned, errors = [], []
        for upload in uploads:
            upload = super().clean(upload, initial)
            if not upload:
                continue
            try:
                validate_attachment(upload)
            except ValidationError as error:
                errors.extend(error.messages)
            else:
                cleaned.append(upload)
        if errors:
            raise ValidationError(errors)
        return cleaned
