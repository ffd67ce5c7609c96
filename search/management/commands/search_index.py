from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from search import indexing
from search.backends import writing_backends


class Command(BaseCommand):
    help = _(
        "Gère l'index de recherche : « rebuild » le reconstruit entièrement, « clear » le vide."
    )

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["rebuild", "clear"])

    def handle(self, *args, action, **options):
        if action == "clear":
            for backend in writing_backends():
                backend.clear()
                self.stdout.write(_("Index %(name)s vidé.") % {"name": backend.name})
            return
        for name, counts in indexing.rebuild().items():
            if counts.get("error"):
                self.stderr.write(
                    _("Index %(name)s non reconstruit : %(error)s") % {"name": name, **counts}
                )
                continue
            self.stdout.write(
                _(
                    "Index %(name)s reconstruit : %(pages)s pages, %(words)s mots de vocabulaire,"
                    " %(seconds)s s."
                )
                % {"name": name, **counts}
            )
