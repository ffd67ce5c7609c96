from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from kb.demo_content.accounts import DEMO_PASSWORD, ensure_demo_accounts
from kb.demo_content.loader import DATA_DIR, DemoContentLoader, DemoDataError


class Command(BaseCommand):
    help = "Charge le corpus de démonstration (Rencontres nationales 2014). Idempotent."

    def add_arguments(self, parser):
        parser.add_argument("--data-dir", default=str(DATA_DIR), help="Dossier des fichiers YAML.")

    def handle(self, *args, data_dir, **options):
        try:
            counts = DemoContentLoader(data_dir).load()
        except DemoDataError as error:
            raise CommandError(str(error)) from None
        for model in dict.fromkeys(model for model, _outcome in counts):
            self.stdout.write(
                _("%(kind)s: %(created)s created, %(updated)s updated, %(unchanged)s unchanged")
                % {
                    "kind": capfirst(model._meta.verbose_name_plural),
                    **{o: counts[(model, o)] for o in ("created", "updated", "unchanged")},
                }
            )
        if settings.DEBUG:
            self.stdout.write(
                _("Demo accounts (password: %(password)s):") % {"password": DEMO_PASSWORD}
            )
            for user, role in ensure_demo_accounts():
                self.stdout.write(f"  {role:<14} {user.email}")
        call_command("search_index", "rebuild", stdout=self.stdout)
