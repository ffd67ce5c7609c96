from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WatchConfig(AppConfig):
    """Watch ("veille"): follow a theme, a tag or a saved search and receive e-mail digests."""

    name = "kb.watch"
    label = "watch"
    verbose_name = _("Alerts")
    default_auto_field = "django.db.models.BigAutoField"
