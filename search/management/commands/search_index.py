from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from search import indexing
from search.backends import writing_backends


class Command(BaseCommand):
    help = _("Manages the search index: “rebuild” rebuilds it entirely, “clear” empties it.")

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["rebuild", "clear"])

    def handle(self, *args, action, **options):
        if action == "clear":
            for backend in writing_backends():
                backend.clear()
                self.stdout.write(_("Index %(name)s cleared.") % {"name": backend.name})
            return
        for name, counts in indexing.rebuild().items():
            if counts.get("error"):
                self.stderr.write(
                    _("Index %(name)s not rebuilt: %(error)s") % {"name": name, **counts}
                )
                continue
            self.stdout.write(
                _(
                    "Index %(name)s rebuilt: %(pages)s pages, %(words)s vocabulary words, "
                    "%(seconds)s s."
                )
                % {"name": name, **counts}
            )
