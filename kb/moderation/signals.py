from django.db.models.signals import post_save, pre_save
from django.dispatch import receiver
from wagtail.signals import page_published

from .attachments import release_attachments
from .models import Report
from .reports import tell_reporter_once_handled


@receiver(page_published)
def attachments_become_public(sender, instance, **kwargs):
    release_attachments(instance.specific)


@receiver(pre_save, sender=Report)
def remember_report_status(sender, instance, **kwargs):
    instance._status_before_save = (
        Report.objects.filter(pk=instance.pk).values_list("status", flat=True).first()
        if instance.pk
        else None
    )


@receiver(post_save, sender=Report)
def report_handled(sender, instance, **kwargs):
    tell_reporter_once_handled(instance, instance._status_before_save)
