"""How complete a sheet is: which recommended fields are filled (computed, nothing stored)."""

from collections import defaultdict

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from practices.blocks import SectionKind
from practices.models import CharterPage, ExperiencePage, JobDescriptionPage


def _field(name):
    def filled(page):
        return getattr(page, name, None) not in (None, "", [], ())

    return filled


def _relation(name):
    def filled(page):
        return bool(list(getattr(page, name).all()))

    return filled


# The body checks convert only the blocks they need from the stored body: converting a documents
# block reads its documents, one query per page of a list.
def _section(kind):
    def filled(page):
        return any(block.value.get("kind") == kind for block in page.body.blocks_by_name("section"))

    return filled


def _block(block_type):
    def filled(page):
        return any(block["type"] == block_type for block in page.body.raw_data)

    return filled


COMMON = [
    (_("summary"), _field("summary")),
    (_("themes"), _relation("themes")),
    (pgettext_lazy("taxonomy", "tags"), _relation("tags")),
]

RECOMMENDED = {
    ExperiencePage: COMMON
    + [
        (_("department"), _field("department")),
        (_("target audiences"), _field("publics")),
        (_("participation methods"), _field("methods")),
        (_("participation level"), _field("level")),
        (SectionKind.LABELS["context"], _section("context")),
        (SectionKind.LABELS["difficulties"], _section("difficulties")),
        (SectionKind.LABELS["recommendations"], _section("recommendations")),
        (_("resource persons"), _block("resource_persons")),
        (_("documents"), _block("documents")),
    ],
    JobDescriptionPage: COMMON
    + [
        (_("parent service or directorate"), _field("service")),
        (_("reporting line"), _field("reporting_line")),
        (_("activities"), _field("activities")),
        (_("knowledge"), _field("skills_knowledge")),
        (_("know-how"), _field("skills_know_how")),
        (_("interpersonal skills"), _field("skills_interpersonal")),
        (_("working conditions"), _field("working_conditions")),
        (_("job description as a PDF"), _field("document_id")),
    ],
    CharterPage: COMMON
    + [
        (_("guarantee mechanism"), _field("guarantor")),
        (_("adoption date"), _field("adoption_date")),
        (_("local authority or organisation"), _field("authority")),
        (_("charter text"), _field("document_id")),
        (SectionKind.LABELS["context"], _section("context")),
    ],
}


class Completeness:
    def __init__(self, filled, missing):
        self.filled = filled
        self.missing = missing
        total = len(filled) + len(missing)
        self.percent = round(100 * len(filled) / total) if total else 100

    def __str__(self):
        return f"{self.percent} %"


def completeness(page):
    """The completeness of ``page`` (a specific page or the latest revision as an object)."""
    checks = next(
        (checks for model, checks in RECOMMENDED.items() if isinstance(page, model)), None
    )
    if checks is None:
        return None
    filled, missing = [], []
    for label, check in checks:
        (filled if check(page) else missing).append(str(label))
    return Completeness(filled, missing)


def latest_completeness(pages):
    """``completeness(page.get_latest_revision_as_object())`` of each of ``pages`` (specific
    practice pages, their ``latest_revision`` read with them, their themes and tags prefetched),
    in a number of queries that does not grow with the number of pages."""
    return [completeness(version) for version in latest_versions(pages)]


def latest_versions(pages):
    """``page.get_latest_revision_as_object()`` of each of ``pages`` (specific practice pages,
    their ``latest_revision`` read with them), restored together (``restored_versions``): a page
    without unpublished changes is its own latest version."""
    return restored_versions(
        pages,
        [
            page.latest_revision
            if page.has_unpublished_changes and page.latest_revision_id
            else None
            for page in pages
        ],
    )


def restored_versions(pages, revisions):
    """``revision.as_object()`` of each of ``pages`` and its revision of ``revisions`` (the page
    itself where the revision is None), in a number of queries that does not grow with the
    number of pages.

    Wagtail restores a page with unpublished changes in about ten queries: modelcluster checks
    that each foreign key of the page and of each of its tags still exists and reads its themes,
    Wagtail reads its parent and its comments. Here the revisions are restored from what exists
    of all they refer to, read at once: a foreign key to something deleted since is emptied, a
    deleted theme or tag left out, as modelcluster does. These restored pages serve to measure
    completeness and to list attachments only (their URL path and comments are not restored).
    """
    contents = [None if revision is None else revision.content for revision in revisions]
    keys, objects = defaultdict(set), defaultdict(set)
    for page, content in zip(pages, contents, strict=True):
        if content is not None:
            model = type(page)
            for field in _foreign_keys(model, content):
                keys[_target(field)].add(content[field.name])
            for field in _many_to_many(model, content):
                objects[_target(field)].update(content[field.name])
            for tagged, tag in _tagged_items(model):
                objects[_target(tag)].update(item["tag"] for item in content.get(tagged, []))
    existing = {
        (related, name): set(
            related._default_manager.filter(**{f"{name}__in": values}).values_list(name, flat=True)
        )
        for (related, name), values in keys.items()
    }
    loaded = {
        (related, name): related._default_manager.in_bulk(values, field_name=name)
        for (related, name), values in objects.items()
    }
    return [
        page if content is None else _restore(type(page), content, existing, loaded)
        for page, content in zip(pages, contents, strict=True)
    ]


def _target(field):
    """(model, field name) a relation refers to."""
    return field.related_model, field.target_field.name


def _foreign_keys(model, content):
    """The foreign keys of ``content`` that modelcluster checks (all but DO_NOTHING ones)."""
    return [
        field
        for field in model._meta.concrete_fields
        if field.many_to_one
        and field.remote_field.on_delete is not models.DO_NOTHING
        and content.get(field.name) is not None
    ]


def _many_to_many(model, content):
    """modelcluster's many-to-many fields (the themes), which a revision lists by key (the tags
    are listed through their items)."""
    return [field for field in model._meta.many_to_many if field.name in content]


def _tagged_items(model):
    """[(what a revision lists the items tagging a practice page under, their tag field)], or []
    for a page type without tags (the review queue also lists the other pages)."""
    try:
        through = model._meta.get_field("tags").through
    except FieldDoesNotExist:
        return []
    relation = through._meta.get_field("content_object").remote_field
    return [(relation.get_accessor_name(), through._meta.get_field("tag"))]


def _restore(model, content, existing, loaded):
    kept = dict(content)
    for field in _foreign_keys(model, content):
        if content[field.name] not in existing[_target(field)]:
            kept[field.name] = None
    listed = {}
    for field in _many_to_many(model, content):
        found = loaded[_target(field)]
        listed[field.name] = [found[key] for key in content[field.name] if key in found]
        kept[field.name] = []  # read above, not one page at a time by modelcluster
    tagging = [(tagged, loaded[_target(tag)]) for tagged, tag in _tagged_items(model)]
    for tagged, tags in tagging:
        kept[tagged] = [item for item in content.get(tagged, []) if item["tag"] in tags]
    version = model.from_serializable_data(kept, check_fks=False)
    for name, objects in listed.items():
        setattr(version, name, objects)
    for tagged, tags in tagging:
        for item in getattr(version, tagged).all():
            item.tag = tags[item.tag_id]
    return version
