from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class KbConfig(AppConfig):
    name = "kb"
    verbose_name = _("Praxis")

    def ready(self):
        from .public_address import sync_default_site

        post_migrate.connect(sync_default_site, sender=self)
