"""Tag curation: use counts, near-duplicates, merge, rename, delete unused."""

import re
from collections import defaultdict

from anyascii import anyascii
from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.models import BooleanField
from django.db.models.expressions import RawSQL
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from taggit.models import Tag
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Revision

from practices.models import practice_page_models
from search import indexing


class CurationError(Exception):
    """A refused curation action; the message is for the moderator (French)."""


def tag_url(slug):
    return reverse("practices:tag", kwargs={"slug": slug})


def tagged_models():
    """(page model, through model) of every tagged practice type."""
    return [(model, model.tags.through) for model in practice_page_models()]


def use_counts():
    """{tag id: number of pages carrying it}, in their live content or their pending draft."""
    pages_by_tag = defaultdict(set)
    for model, through in tagged_models():
        for tag_id, page_id in through.objects.values_list("tag_id", "content_object_id"):
            pages_by_tag[tag_id].add(page_id)
        drafts = model.objects.filter(has_unpublished_changes=True).select_related(
            "latest_revision"
        )
        for page in drafts:
            content = page.latest_revision.content if page.latest_revision else {}
            for item in content.get("tagged_items") or []:
                if item.get("tag") is not None:
                    pages_by_tag[item["tag"]].add(page.pk)
    return {tag_id: len(page_ids) for tag_id, page_ids in pages_by_tag.items()}


def near_duplicate_key(name):
    """Ignore accents, case, hyphens/underscores/apostrophes and a final plural s or x."""
    text = anyascii(name).lower()
    text = re.sub(r"[-_'’./]+", " ", text)
    words = []
    for word in text.split():
        if len(word) > 3 and word[-1] in "sx":
            word = word[:-1]
        words.append(word)
    return " ".join(words)


def tags_with_counts():
    """Every tag with ``use_count`` and ``duplicates`` (other tags of the same key), most used first."""
    counts = use_counts()
    tags = list(Tag.objects.all())
    groups = defaultdict(list)
    for tag in tags:
        tag.use_count = counts.get(tag.pk, 0)
        groups[near_duplicate_key(tag.name)].append(tag)
    for tag in tags:
        tag.duplicates = [other for other in groups[near_duplicate_key(tag.name)] if other != tag]
    tags.sort(key=lambda tag: (-tag.use_count, tag.name.lower()))
    return tags


def redirect_permanently(old, new):
    """Send the public address ``old`` to ``new`` (301), and what pointed to ``old`` too."""
    Redirect.objects.filter(redirect_link=old).update(redirect_link=new)
    Redirect.objects.filter(old_path=Redirect.normalise_path(old)).delete()
    Redirect.add_redirect(old, redirect_to=new, is_permanent=True)


def _swap_in_revision_object(page, source, target):
    names = {tag.pk: tag for tag in page.tags.all()}
    if source.pk not in names:
        return False
    tags = [tag for pk, tag in names.items() if pk != source.pk]
    if target.pk not in names:
        tags.append(target)
    page.tags.set(tags)
    return True


@transaction.atomic
def merge_tags(source, target, user):
    """Re-tag every page carrying ``source`` with ``target``, record revisions, carry the merge
    into the earlier revisions, delete ``source`` and redirect its public URL permanently to
    ``target``'s. Returns the pages changed."""
    if source.pk == target.pk:
        raise CurationError(_("A tag cannot be merged with itself."))
    with indexing.batched():
        changed = _retag_pages(source, target, user)
        _retag_history(source, target)
        old_slug = source.slug
        source.delete()
    redirect_permanently(tag_url(old_slug), tag_url(target.slug))
    return changed


def _retag_pages(source, target, user):
    changed = []
    for model, through in tagged_models():
        live_ids = set(
            through.objects.filter(tag=source).values_list("content_object_id", flat=True)
        )
        draft_ids = set(
            model.objects.filter(has_unpublished_changes=True).values_list("pk", flat=True)
        )
        for page in model.objects.filter(pk__in=live_ids | draft_ids).order_by("pk"):
            draft = page.get_latest_revision_as_object()
            in_draft = _swap_in_revision_object(draft, source, target)
            if page.pk not in live_ids and not in_draft:
                continue
            if page.live and not page.has_unpublished_changes:
                revision = draft.save_revision(user=user, log_action=True)
                revision.publish(user=user, log_action=True)
            else:
                if in_draft:
                    draft.save_revision(user=user, log_action=True)
                if page.pk in live_ids:
                    # The live content (tags of a page whose new version is not yet published).
                    if through.objects.filter(content_object_id=page.pk, tag=target).exists():
                        through.objects.filter(content_object_id=page.pk, tag=source).delete()
                    else:
                        through.objects.filter(content_object_id=page.pk, tag=source).update(
                            tag=target
                        )
            changed.append(page)
    return changed


def _retag_history(source, target, batch_size=500):
    """Earlier revisions that carried ``source`` carry ``target`` instead: a page restored to
    one of them keeps the merged tag rather than losing a tag that no longer exists."""
    for model, _through in tagged_models():
        revisions = _revisions_tagged_with(
            Revision.objects.filter(content_type=ContentType.objects.get_for_model(model)), source
        )
        ids = list(revisions.order_by("pk").values_list("pk", flat=True))
        for start in range(0, len(ids), batch_size):
            batch = Revision.objects.filter(pk__in=ids[start : start + batch_size])
            changed = [
                r for r in batch.only("pk", "content") if _swap_in_content(r, source, target)
            ]
            Revision.objects.bulk_update(changed, ["content"])


def _revisions_tagged_with(revisions, tag):
    """The ``revisions`` whose content lists ``tag`` among its tags, found by the database: a
    site's history holds tens of thousands of revisions, too many to read into Python within
    the merge's transaction. Django's JSON containment where the database has it (PostgreSQL),
    SQLite's json_each() otherwise; any other database: every revision (checked one by one)."""
    if connection.features.supports_json_field_contains:
        return revisions.filter(content__tagged_items__contains=[{"tag": tag.pk}])
    if connection.vendor == "sqlite":
        content = f'"{Revision._meta.db_table}"."{Revision._meta.get_field("content").column}"'
        # The tag's id is a bound parameter; the table and column names come from the model.
        return revisions.filter(
            RawSQL(  # noqa: S611
                f"EXISTS (SELECT 1 FROM json_each({content}, '$.tagged_items') AS item"  # noqa: S608
                " WHERE json_extract(item.value, '$.tag') = %s)",
                [tag.pk],
                output_field=BooleanField(),
            )
        )
    return revisions


def _swap_in_content(revision, source, target):
    """Replace ``source`` by ``target`` in the tags of a revision's content; False if it has
    no ``source``."""
    items = revision.content.get("tagged_items") or []
    if not any(item.get("tag") == source.pk for item in items):
        return False
    has_target = any(item.get("tag") == target.pk for item in items)
    revision.content["tagged_items"] = [
        {**item, "tag": target.pk} if item.get("tag") == source.pk else item
        for item in items
        if not (has_target and item.get("tag") == source.pk)
    ]
    return True


@transaction.atomic
def rename_tag(tag, new_name):
    new_name = " ".join((new_name or "").split())
    if not new_name:
        raise CurationError(_("Give the new name of the tag."))
    if len(new_name) > 100:
        raise CurationError(_("A tag name cannot be longer than 100 characters."))
    existing = Tag.objects.filter(name__iexact=new_name).exclude(pk=tag.pk).first()
    if existing is not None:
        raise CurationError(
            _("The tag “%(name)s” already exists: merge the two tags instead.")
            % {"name": existing.name}
        )
    old_slug = tag.slug
    tag.name = new_name
    base = slugify(new_name) or "etiquette"
    slug, n = base, 1
    while Tag.objects.filter(slug=slug).exclude(pk=tag.pk).exists():
        n += 1
        slug = f"{base}-{n}"
    tag.slug = slug
    tag.save()
    if old_slug != slug:
        redirect_permanently(tag_url(old_slug), tag_url(slug))
    return tag


@transaction.atomic
def delete_unused_tag(tag):
    if use_counts().get(tag.pk, 0):
        raise CurationError(
            _("This tag is in use: merge it with another one rather than deleting it.")
        )
    tag.delete()
