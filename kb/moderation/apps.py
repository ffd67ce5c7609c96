from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ModerationConfig(AppConfig):
    name = "kb.moderation"
    label = "moderation"
    verbose_name = _("Contribution and moderation")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import signals  # noqa: F401
        from .notifications import replace_wagtail_notifiers

        replace_wagtail_notifiers()
