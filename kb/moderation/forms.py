"""Front-end contribution forms: one base, one small subclass per page type."""

import uuid

from django import forms
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.text import capfirst, slugify
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.coreutils import find_available_slug
from wagtail.documents import get_document_model

from practices.blocks import SectionKind
from practices.models import CharterPage, ExperiencePage, JobDescriptionPage, Theme

from .attachments import (
    AttachmentsField,
    atomic_removing_stored_files,
    page_document_ids,
    remember_stored_file,
)
from .richtext import rich_text_to_editable, sanitise_rich_text
from .tagging import split_tags

RICH_TEXT_HELP = _(
    "Plain text (one paragraph per blank line) or limited HTML: bold, italic, subheadings, lists "
    "and links. Everything else is removed."
)


class ReportForm(forms.Form):
    """A member's report on a page: the reason, as typed (NUL characters refused)."""

    reason = forms.CharField(
        max_length=2000,
        error_messages={
            "required": _("Give the reason for the report."),
            "max_length": _("The reason for the report cannot be longer than 2,000 characters."),
        },
    )


class StaleFormError(Exception):
    """The page got a new ``revision`` after the form was opened."""

    def __init__(self, revision):
        super().__init__(revision)
        self.revision = revision


class AlreadyProposedError(Exception):
    """This proposal form was sent before and created ``page``; nothing new was saved."""

    def __init__(self, page):
        super().__init__(page)
        self.page = page


class ContributionForm(forms.Form):
    """Title, summary, classification, attachments and the model fields of ``page_model``.

    Subclasses set ``page_model``, ``model_fields`` (edited as they are) and ``fieldsets``
    (legend, field names); ``has_sections`` adds one rich-text field per flip-chart section,
    stored as "section" blocks of ``body``; ``document_field`` names a document foreign key
    taking a single attachment, otherwise attachments become a "documents" block of ``body``.
    """

    page_model = None
    model_fields = []
    fieldsets = []
    has_sections = False
    resource_person_rows = 0
    document_field = None
    date_fields = ()

    title = forms.CharField(label=_("Title"), max_length=255)
    summary = forms.CharField(
        label=pgettext_lazy("sheet", "Summary"),
        help_text=_("Two to four sentences, shown in listings and search results."),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
    )
    themes = forms.ModelMultipleChoiceField(
        label=_("Themes"),
        queryset=Theme.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    tags = forms.CharField(
        label=pgettext_lazy("taxonomy", "Tags"),
        required=False,
        max_length=500,
        help_text=_("Separated by commas, for example: participatory budget, youth."),
    )
    revision_id = forms.IntegerField(required=False, widget=forms.HiddenInput)
    proposal_token = forms.UUIDField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, page=None, **kwargs):
        self.page = page
        super().__init__(*args, **kwargs)
        for name in self.model_fields:
            field = self.page_model._meta.get_field(name).formfield()
            field.label = capfirst(field.label)
            if name in self.date_fields:
                field.widget = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
            self.fields[name] = field
        if self.has_sections:
            for kind, label in SectionKind.CHOICES:
                self.fields[f"section_{kind}"] = forms.CharField(
                    label=label,
                    required=False,
                    max_length=20000,
                    help_text=RICH_TEXT_HELP,
                    widget=forms.Textarea(attrs={"rows": 5}),
                )
        for i in range(self.resource_person_rows):
            for name, field in self.resource_person_fields().items():
                self.fields[f"person_{i}_{name}"] = field
        if self.document_field:
            self.fields["attachments"] = AttachmentsField(
                label=self.page_model._meta.get_field(
                    self.document_field
                ).verbose_name.capitalize(),
                multiple=False,
                help_text=self.attachment_help(),
            )
        else:
            self.fields["attachments"] = AttachmentsField(
                label=_("Attachments"), help_text=self.attachment_help()
            )
        attached = self.attached_documents()
        if attached:
            field = self.fields["attachments"]
            field.help_text = f"{field.help_text} {self.attached_help(attached)}"
        if page is not None and not self.is_bound:
            self.initial.update(self.initial_from_page(page))
        if page is None and not self.is_bound:
            self.initial["proposal_token"] = uuid.uuid4()

    @staticmethod
    def attachment_help():
        from django.template.defaultfilters import filesizeformat

        from .attachments import max_size

        return _("PDF, ODT or DOCX, %(max)s at most per file.") % {
            "max": filesizeformat(max_size())
        }

    def attached_documents(self):
        """The documents the sheet being edited already has (none for a new sheet)."""
        if self.page is None:
            return []
        ids = page_document_ids(self.page)
        return list(get_document_model().objects.filter(pk__in=ids).order_by("pk")) if ids else []

    def attached_help(self, documents):
        """Tells what is attached already, and what choosing files does to it."""
        names = ", ".join(document.title for document in documents)
        if self.document_field:
            return _("Current file: %(names)s. Choosing another file replaces it.") % {
                "names": names
            }
        return _("Already attached: %(names)s. The files chosen here are added to them.") % {
            "names": names
        }

    def rebase_on(self, revision):
        """Keep what was typed, now based on ``revision``: sent again, the form replaces that
        version knowingly instead of being refused once more."""
        self.data = self.data.copy()
        self.data["revision_id"] = str(revision.pk)

    def ask_for_files_again(self):
        """After an error, the chosen files are not kept (a browser cannot fill a file input back):
        say so on the field, so that the error summary leads to it."""
        uploads = self.cleaned_data.get("attachments")
        if uploads and "attachments" not in self.errors:
            self.add_error(
                "attachments",
                _("The files you chose (%(names)s) have not been saved: choose them again.")
                % {"names": ", ".join(upload.name for upload in uploads)},
            )

    @staticmethod
    def resource_person_fields():
        return {
            "name": forms.CharField(label=_("Last name"), max_length=255, required=False),
            "role": forms.CharField(label=_("Job role"), max_length=255, required=False),
            "organisation": forms.CharField(
                label=_("Organisation"), max_length=255, required=False
            ),
            "email": forms.EmailField(
                label=_("E-mail"),
                required=False,
                help_text=_("Visible only to approved Praxis members."),
            ),
        }

    # Layout ---------------------------------------------------------------------------------

    def get_fieldsets(self):
        sets = [(_("Key facts"), ["title", "summary"])]
        sets += [(legend, names) for legend, names in self.fieldsets]
        if self.has_sections:
            sets.append(
                (_("Synthesis"), [f"section_{kind}" for kind, _label in SectionKind.CHOICES])
            )
        for i in range(self.resource_person_rows):
            sets.append(
                (
                    _("Resource person %(number)s") % {"number": i + 1},
                    [f"person_{i}_{name}" for name in self.resource_person_fields()],
                )
            )
        sets.append((_("Themes and tags"), ["themes", "tags"]))
        sets.append((_("Documents"), ["attachments"]))
        return [(legend, [self[name] for name in names]) for legend, names in sets]

    # Initial data ---------------------------------------------------------------------------

    def initial_from_page(self, page):
        """``page`` is the latest revision as an object: what the contributor edits."""
        initial = {
            "title": page.title,
            "summary": page.summary,
            "themes": list(page.themes.all()),
            "tags": ", ".join(tag.name for tag in page.tags.all()),
            "revision_id": page.latest_revision_id,
        }
        for name in self.model_fields:
            initial[name] = getattr(page, name)
        if self.resource_person_rows:
            persons = next(
                (b.value["items"] for b in page.body if b.block_type == "resource_persons"), []
            )
            for i, person in enumerate(list(persons)[: self.resource_person_rows]):
                for name in self.resource_person_fields():
                    initial[f"person_{i}_{name}"] = person.get(name) or ""
        if self.has_sections:
            for block in page.body:
                if block.block_type == "section":
                    key = f"section_{block.value['kind']}"
                    initial.setdefault(key, rich_text_to_editable(block.value["text"]))
        return initial

    # Validation -----------------------------------------------------------------------------

    def clean_tags(self):
        names = split_tags(self.cleaned_data.get("tags", ""))
        too_long = [name for name in names if len(name) > 100]
        if too_long:
            raise ValidationError(_("A tag cannot be longer than 100 characters."))
        return names

    def clean(self):
        cleaned = super().clean()
        for name in self.model_fields:
            if name not in cleaned:
                continue
            model_field = self.page_model._meta.get_field(name)
            try:
                model_field.run_validators(cleaned[name])
            except ValidationError as error:
                self.add_error(name, error)
        for i in range(self.resource_person_rows):
            row = {
                name: cleaned.get(f"person_{i}_{name}") for name in self.resource_person_fields()
            }
            if any(row.values()) and not row["name"]:
                self.add_error(f"person_{i}_name", _("Give the name of the resource person."))
        if self.has_sections:
            for kind, _label in SectionKind.CHOICES:
                key = f"section_{kind}"
                if key in cleaned:
                    cleaned[key] = sanitise_rich_text(cleaned[key])
        return cleaned

    # Saving ---------------------------------------------------------------------------------

    def apply_to(self, page, documents=()):
        """Copy the cleaned data onto ``page`` (in memory, nothing saved)."""
        data = self.cleaned_data
        page.title = data["title"]
        page.draft_title = data["title"]
        page.summary = data["summary"]
        for name in self.model_fields:
            setattr(page, name, data[name])
        page.themes.set(list(data["themes"]))
        if (
            self.has_sections
            or self.resource_person_rows
            or (documents and not self.document_field)
        ):
            page.body = self.build_body(page.body.raw_data if page.body else [], documents)
        if documents and self.document_field:
            setattr(page, self.document_field, documents[0])

    def build_body(self, raw_blocks, documents):
        """The new body: section texts replaced in place, other blocks kept, documents added."""
        texts = {}
        if self.has_sections:
            texts = {
                kind: self.cleaned_data.get(f"section_{kind}", "")
                for kind, _label in SectionKind.CHOICES
            }
        blocks, seen = [], set()
        for raw in raw_blocks:
            raw = dict(raw)
            if raw["type"] == "section" and self.has_sections:
                value = dict(raw["value"])
                kind = value.get("kind")
                if kind in texts and kind not in seen:
                    seen.add(kind)
                    value["text"] = texts[kind]
                    if not texts[kind] and not value.get("items"):
                        continue
                raw["value"] = value
            blocks.append(raw)
        insert_at = max(
            (i + 1 for i, raw in enumerate(blocks) if raw["type"] == "section"), default=0
        )
        new_sections = [
            {"type": "section", "value": {"kind": kind, "heading": "", "text": text, "items": []}}
            for kind, text in texts.items()
            if text and kind not in seen
        ]
        blocks[insert_at:insert_at] = new_sections
        if self.resource_person_rows:
            blocks = self.with_resource_persons(blocks)
        if documents:
            blocks.append(
                {
                    "type": "documents",
                    "value": {"items": [{"document": d.pk, "description": ""} for d in documents]},
                }
            )
        return blocks

    def with_resource_persons(self, blocks):
        """Replace the first "resource_persons" block by the form's people (or add one)."""
        persons = []
        for i in range(self.resource_person_rows):
            row = {
                name: self.cleaned_data.get(f"person_{i}_{name}") or ""
                for name in self.resource_person_fields()
            }
            if row["name"]:
                persons.append(row)
        position = next(
            (i for i, raw in enumerate(blocks) if raw["type"] == "resource_persons"), None
        )
        if position is None:
            if persons:
                blocks.append({"type": "resource_persons", "value": {"items": persons}})
        else:
            # People beyond the form's rows (added by a moderator) are kept.
            existing = (blocks[position].get("value") or {}).get("items") or []
            extra = [
                item["value"] if isinstance(item, dict) and item.get("type") == "item" else item
                for item in existing[self.resource_person_rows :]
            ]
            persons += extra
        if position is not None and persons:
            blocks[position] = {**blocks[position], "value": {"items": persons}}
        elif position is not None:
            del blocks[position]
        return blocks

    def create_documents(self, user):
        from .attachments import pending_collection

        Document = get_document_model()
        documents_to_create = self.cleaned_data.get("attachments") or []
        if not documents_to_create:
            return []
        collection = pending_collection()
        documents = []
        for upload in documents_to_create:
            document = Document(
                title=upload.name.rsplit(".", 1)[0][:255] or upload.name,
                collection=collection,
                uploaded_by_user=user,
            )
            # The file is written first, so that a failure from here on removes it.
            document.file.save(upload.name, upload, save=False)
            remember_stored_file(document.file)
            document.save()
            documents.append(document)
        return documents

    def claim_proposal_token(self):
        """Refuse a proposal form sent again once its first sending has created its page."""
        from .models import ProposalToken

        token = self.cleaned_data.get("proposal_token")
        known = token and ProposalToken.objects.filter(token=token).select_related("page").first()
        if known:
            raise AlreadyProposedError(known.page.specific)

    def record_proposal_token(self, page):
        """Store the form's token with its page. Two sendings at the same moment both pass
        ``claim_proposal_token``: the unique token lets only the first one's page be saved."""
        from .models import ProposalToken

        token = self.cleaned_data.get("proposal_token")
        if not token:
            return
        try:
            with transaction.atomic():
                ProposalToken.objects.create(token=token, page=page)
        except IntegrityError:
            first = ProposalToken.objects.get(token=token).page.specific
            raise AlreadyProposedError(first) from None

    def save(self, *, user, parent=None):
        """Store a draft revision (creating the page under ``parent`` if new); return the page.

        Raises ``StaleFormError`` if the page has a newer revision than the one the form was
        opened on, ``AlreadyProposedError`` if this proposal form already created a page; in
        both cases nothing is saved. Whatever the failure, the attachments' files already stored
        are removed with the rolled-back documents.
        """
        from wagtail.models import Page

        with atomic_removing_stored_files():
            if self.page is None:
                self.claim_proposal_token()
                page = self.page_model(owner=user, live=False, has_unpublished_changes=True)
                documents = self.create_documents(user)
                self.apply_to(page, documents)
                page.slug = find_available_slug(
                    parent, slugify(self.cleaned_data["title"])[:80] or "fiche"
                )
                page.tags.set(self.cleaned_data["tags"])
                parent.add_child(instance=page)
                page.save_revision(user=user, log_action=True)
                self.record_proposal_token(page)
                return page
            current = Page.objects.select_for_update().get(pk=self.page.pk)
            if current.latest_revision_id != self.cleaned_data.get("revision_id"):
                raise StaleFormError(current.latest_revision)
            page = self.page.specific_class.objects.get(pk=self.page.pk)
            draft = page.get_latest_revision_as_object()
            documents = self.create_documents(user)
            self.apply_to(draft, documents)
            draft.tags.set(self.cleaned_data["tags"])
            draft.save_revision(user=user, log_action=True)
            page.refresh_from_db()
            return page


class ExperienceContributionForm(ContributionForm):
    page_model = ExperiencePage
    model_fields = [
        "organisation",
        "authority_type",
        "region",
        "department",
        "start_year",
        "end_year",
        "publics",
        "methods",
        "level",
    ]
    fieldsets = [
        (
            _("Who, where, when"),
            ["organisation", "authority_type", "region", "department", "start_year", "end_year"],
        ),
        (_("Approach"), ["publics", "methods", "level"]),
    ]
    has_sections = True
    resource_person_rows = 3

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start_year"), cleaned.get("end_year")
        if start and end and end < start:
            self.add_error(
                "end_year", _("The end year must be the same as or later than the start year.")
            )
        return cleaned


class JobDescriptionContributionForm(ContributionForm):
    page_model = JobDescriptionPage
    model_fields = [
        "job_title",
        "employer",
        "authority_type",
        "region",
        "date",
        "status",
        "category",
        "sector",
        "employment_framework",
        "service",
        "reporting_line",
        "missions",
        "activities",
        "skills_knowledge",
        "skills_know_how",
        "skills_interpersonal",
        "working_conditions",
    ]
    date_fields = ("date",)
    fieldsets = [
        (
            _("The position"),
            ["job_title", "employer", "authority_type", "region", "date", "status"],
        ),
        (
            _("Status and reporting"),
            ["category", "sector", "employment_framework", "service", "reporting_line"],
        ),
        (_("Missions and activities"), ["missions", "activities"]),
        (
            _("Skills"),
            ["skills_knowledge", "skills_know_how", "skills_interpersonal", "working_conditions"],
        ),
    ]
    document_field = "document"


class CharterContributionForm(ContributionForm):
    page_model = CharterPage
    model_fields = [
        "kind",
        "drawn_up_by",
        "serves_as",
        "guarantor",
        "authority",
        "authority_type",
        "region",
        "adoption_date",
    ]
    date_fields = ("adoption_date",)
    fieldsets = [
        (_("The charter"), ["kind", "drawn_up_by", "serves_as", "guarantor"]),
        (_("Adoption"), ["authority", "authority_type", "region", "adoption_date"]),
    ]
    has_sections = True
    resource_person_rows = 2
    document_field = "document"


CONTRIBUTION_FORMS = {
    "experience": ExperienceContributionForm,
    "fiche-de-poste": JobDescriptionContributionForm,
    "charte": CharterContributionForm,
}


def form_class_for_page(page):
    for kind, form_class in CONTRIBUTION_FORMS.items():
        if isinstance(page, form_class.page_model):
            return kind, form_class
    return None, None
