from django.dispatch import receiver
from wagtail.signals import page_published

from .attachments import release_attachments


@receiver(page_published)
def attachments_become_public(sender, instance, **kwargs):
    release_attachments(instance.specific)
