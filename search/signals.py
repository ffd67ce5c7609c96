"""Signals keeping the index in sync: publish, unpublish, move, delete, privacy, documents,
tags and themes."""

from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete
from django.dispatch import receiver
from taggit.models import Tag
from wagtail.documents import get_document_model
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from . import indexing


def _is_page(sender):
    return isinstance(sender, type) and issubclass(sender, Page)


@receiver(page_published)
def on_published(sender, instance, **kwargs):
    indexing.update_after_commit([instance.pk])


@receiver(page_unpublished)
def on_unpublished(sender, instance, **kwargs):
    indexing.update_after_commit([instance.pk])


@receiver(post_page_move)
def on_moved(sender, instance, **kwargs):
    indexing.on_commit(indexing.update_subtree, instance)


@receiver(page_slug_changed)
def on_slug_changed(sender, instance, **kwargs):
    indexing.on_commit(indexing.update_subtree, instance)


@receiver(pre_delete)
def on_deleted(sender, instance, **kwargs):
    """Before the cascade deletes the stored document: the database index is updated in the
    same transaction, Elasticsearch once it commits."""
    if _is_page(sender):
        indexing.remove_before_delete([instance.pk])


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
def on_privacy_changed(sender, instance, **kwargs):
    page_id = instance.page_id

    def update():
        page = Page.objects.filter(pk=page_id).first()
        if page is not None:
            indexing.update_subtree(page)

    indexing.on_commit(update)


def _pages_with(field, value):
    """Ids of indexed pages whose ``field`` (themes, tags) includes ``value``."""
    from .documents import practice_models

    ids = []
    for model in practice_models():
        through = getattr(model, field).through
        column = "theme" if field == "themes" else "tag"
        source = [f.name for f in through._meta.get_fields() if f.name not in ("id", column)]
        name = next((n for n in source if n in ("content_object", model._meta.model_name)), None)
        if name is None:
            continue
        ids += list(through.objects.filter(**{column: value}).values_list(f"{name}_id", flat=True))
    return ids


@receiver(post_save, sender="practices.Theme")
def on_theme_saved(sender, instance, **kwargs):
    ids = _pages_with("themes", instance)
    if ids:
        indexing.update_after_commit(ids)


@receiver(post_save, sender=Tag)
def on_tag_saved(sender, instance, created=False, **kwargs):
    if created:
        return
    ids = _pages_with("tags", instance)
    if ids:
        indexing.update_after_commit(ids)


def _pages_in_index(facet, value):
    from .models import SearchFacet

    return list(
        SearchFacet.objects.filter(facet=facet, value=value).values_list("document_id", flat=True)
    )


@receiver(post_delete, sender="practices.Theme")
def on_theme_deleted(sender, instance, **kwargs):
    ids = _pages_in_index("theme", instance.slug)
    if ids:
        indexing.update_after_commit(ids)


@receiver(post_delete, sender=Tag)
def on_tag_deleted(sender, instance, **kwargs):
    ids = _pages_in_index("tag", instance.slug)
    if ids:
        indexing.update_after_commit(ids)


@receiver(post_save, sender=get_document_model())
@receiver(post_delete, sender=get_document_model())
def on_document_changed(sender, instance, **kwargs):
    from .models import SearchDocument

    document_id = str(instance.pk)
    ids = [
        page_id
        for page_id, document_ids in SearchDocument.objects.exclude(document_ids="").values_list(
            "page_id", "document_ids"
        )
        if document_id in document_ids.split()
    ]
    if ids:
        indexing.update_after_commit(ids)


@receiver(m2m_changed)
def on_m2m_changed(sender, instance, action, **kwargs):
    """Themes changed directly on a live page (outside a publication, e.g. a script)."""
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    if isinstance(instance, Page) and getattr(instance, "live", False):
        from .models import SearchDocument

        if SearchDocument.objects.filter(page_id=instance.pk).exists():
            indexing.update_after_commit([instance.pk])
