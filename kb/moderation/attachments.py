"""Attachments of contributions: PDF, ODT or DOCX, size-limited, checked by their content."""

import contextlib
import contextvars
import json
import logging

import filetype
from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

logger = logging.getLogger(__name__)

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
            _("“%(name)s”: only PDF, ODT and DOCX files are accepted."),
            code="extension",
            params={"name": name},
        )
    if upload.size > max_size():
        raise ValidationError(
            _("“%(name)s” is too large (%(size)s): the maximum size is %(max)s."),
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
            _("“%(name)s” is not a real %(type)s file: its content does not match its extension."),
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


PENDING_COLLECTION_NAME = "Pièces jointes en relecture"
WITHDRAWN_COLLECTION_NAME = "Pièces jointes retirées"
MODERATORS_ONLY = (PENDING_COLLECTION_NAME, WITHDRAWN_COLLECTION_NAME)


def _moderators_only_collection(name):
    from django.contrib.auth.models import Group
    from wagtail.models import Collection, CollectionViewRestriction

    from kb.accounts.roles import MODERATORS

    root = Collection.get_first_root_node()
    collection = root.get_children().filter(name=name).first()
    if collection is None:
        collection = root.add_child(name=name)
    restriction, created = CollectionViewRestriction.objects.get_or_create(
        collection=collection, restriction_type=CollectionViewRestriction.GROUPS
    )
    if created:
        restriction.groups.set(Group.objects.filter(name=MODERATORS))
    return collection


def pending_collection():
    """The collection contributions' attachments wait in until their page is published.

    Restricted to moderators: a draft's attachments are not downloadable by the public.
    """
    return _moderators_only_collection(PENDING_COLLECTION_NAME)


def withdrawn_collection():
    """Where a public attachment goes once no page uses it any more (a replaced or removed file,
    an unpublished page): restricted to moderators, who may restore or delete it."""
    return _moderators_only_collection(WITHDRAWN_COLLECTION_NAME)


def page_document_ids(page):
    """Ids of the documents a page uses (documents blocks of its body, its document field).

    Read from the stored body without reading the documents (a list of pages costs no query per
    page): an id may be that of a document deleted since, which querying by these ids leaves
    out."""
    body = getattr(page, "body", None)
    return _document_ids(getattr(page, "document_id", None), body.raw_data if body else [])


def revision_document_ids(content):
    """``page_document_ids`` of a revision, read from its stored content (``Revision.content``)
    without rebuilding the page it records."""
    body = content.get("body") or []
    if isinstance(body, str):
        body = json.loads(body)
    return _document_ids(content.get("document"), body)


def _document_ids(document_id, raw_body):
    ids = {document_id} if document_id else set()
    for block in raw_body:
        if block["type"] == "documents":
            for item in block["value"].get("items", []):
                # Wagtail stores a list item as {"type": "item", "value": …, "id": …}, or, in
                # bodies written by the contribution forms, as the value alone.
                if item.get("type") == "item" and "id" in item and "value" in item:
                    item = item["value"]
                if item.get("document") is not None:
                    ids.add(item["document"])
    return ids


def release_attachments(page):
    """Make the published page's attachments public: out of the pending (or withdrawn)
    collection."""
    from wagtail.documents import get_document_model
    from wagtail.models import Collection

    ids = page_document_ids(page)
    if not ids:
        return 0
    return (
        get_document_model()
        .objects.filter(pk__in=ids, collection__name__in=MODERATORS_ONLY)
        .update(collection=Collection.get_first_root_node())
    )


def withdraw_unused_attachments(page, keep=frozenset()):
    """Withdraw the public documents an earlier version of ``page`` had, except ``keep`` and
    those another page uses: a replaced PDF must not stay downloadable at its address.

    Documents in a collection a moderator chose are left where they are. Returns the number
    of documents withdrawn."""
    from django.contrib.contenttypes.models import ContentType
    from wagtail.documents import get_document_model
    from wagtail.models import Collection, Page, ReferenceIndex

    earlier = set()
    for content in page.revisions.values_list("content", flat=True):
        earlier |= revision_document_ids(content)
    dropped = earlier - set(keep)
    if not dropped:
        return 0
    candidates = get_document_model().objects.filter(
        pk__in=dropped, collection=Collection.get_first_root_node()
    )
    unused = [
        document.pk
        for document in candidates
        if not ReferenceIndex.get_references_to(document)
        .exclude(base_content_type=ContentType.objects.get_for_model(Page), object_id=str(page.pk))
        .exists()
    ]
    if not unused:
        return 0
    return (
        get_document_model().objects.filter(pk__in=unused).update(collection=withdrawn_collection())
    )


# The files stored by the innermost ``atomic_removing_stored_files`` block (None outside any).
_stored_files = contextvars.ContextVar("stored_files", default=None)


def remember_stored_file(field_file):
    """Note a file just written to storage, to be removed if the enclosing
    ``atomic_removing_stored_files`` block rolls back. Outside any such block, does nothing."""
    stored = _stored_files.get()
    if stored is not None:
        stored.append((field_file.storage, field_file.name))


@contextlib.contextmanager
def atomic_removing_stored_files():
    """``transaction.atomic()`` that also removes from storage the files written inside it
    (``remember_stored_file``) when an exception rolls it back: the database forgets the
    documents, so their files must go too. Django has no hook on rollback, hence this block
    around the writes.

    Nested blocks hand their files on to the enclosing one when they succeed, so a failure
    anywhere up to the outermost block removes them. A rollback of a plain ``atomic()`` around
    the outermost block is not seen: use this one as the outer transaction.
    """
    stored = []
    token = _stored_files.set(stored)
    try:
        with transaction.atomic():
            yield
    except BaseException:
        _remove(stored)
        raise
    finally:
        _stored_files.reset(token)
    outer = _stored_files.get()
    if outer is not None:
        outer.extend(stored)


def _remove(stored):
    for storage, name in stored:
        try:
            storage.delete(name)
        except OSError:
            logger.exception("Could not remove %s after a failed save", name)
