from django.db.models.signals import post_save, pre_save
from django.dispatch import receiver
from django.urls import reverse
from wagtail.signals import page_published, page_unpublished

from practices.models import Theme

from .attachments import page_document_ids, release_attachments, withdraw_unused_attachments
from .curation import redirect_permanently
from .models import Report
from .reports import tell_reporter_once_handled


@receiver(page_published)
def attachments_follow_the_published_version(sender, instance, **kwargs):
    """The published version's attachments become public; those it no longer has are
    withdrawn, unless another page uses them."""
    page = instance.specific
    release_attachments(page)
    withdraw_unused_attachments(page, keep=page_document_ids(page))


@receiver(page_unpublished)
def attachments_of_an_unpublished_page_are_withdrawn(sender, instance, **kwargs):
    withdraw_unused_attachments(instance.specific)


def _stored_value(instance, field):
    """The value of ``field`` in the database for ``instance``, before the save under way (None
    for a new object)."""
    if instance.pk is None:
        return None
    manager = type(instance)._default_manager
    return manager.filter(pk=instance.pk).values_list(field, flat=True).first()


@receiver(pre_save, sender=Report)
def remember_report_status(sender, instance, **kwargs):
    instance._status_before_save = _stored_value(instance, "status")


@receiver(post_save, sender=Report)
def report_handled(sender, instance, **kwargs):
    tell_reporter_once_handled(instance, instance._status_before_save)


@receiver(pre_save, sender=Theme)
def remember_theme_slug(sender, instance, **kwargs):
    instance._slug_before_save = _stored_value(instance, "slug")


@receiver(post_save, sender=Theme)
def theme_addresses_follow_its_slug(sender, instance, **kwargs):
    """A moderator who changes a theme's address identifier breaks no link: its page and its CSV
    export at the old address redirect to the new ones."""
    old = instance._slug_before_save
    if old is None or old == instance.slug:
        return
    for name in ("practices:theme", "practices:export_theme"):
        redirect_permanently(
            reverse(name, kwargs={"slug": old}), reverse(name, kwargs={"slug": instance.slug})
        )
