from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from search import indexing
from search.backends import BackendUnavailable, writing_backends


class Command(BaseCommand):
    help = _(
        "Manages the search index: “rebuild” rebuilds it entirely, “clear” empties it,"
        " “catch-up” replays the changes Elasticsearch missed while it did not answer."
    )

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["rebuild", "clear", "catch-up"])

    def handle(self, *args, action, **options):
        if action == "catch-up":
            self.catch_up()
            return
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

    def catch_up(self):
        """Non-zero exit while a backend still misses writes (for a cron job's alert)."""
        from search.models import MissedWrite

        behind = []
        for backend in writing_backends():
            missed = MissedWrite.objects.filter(backend=backend.name)
            pages = missed.values("page_id").distinct().count()
            if not pages:
                self.stdout.write(
                    _("Index %(name)s: nothing to catch up.") % {"name": backend.name}
                )
                continue
            try:
                indexing.catch_up(backend)
            except BackendUnavailable as error:
                behind.append(f"{backend.name} ({error})")
                continue
            self.stdout.write(
                ngettext(
                    "Index %(name)s: %(pages)s page caught up.",
                    "Index %(name)s: %(pages)s pages caught up.",
                    pages,
                )
                % {"name": backend.name, "pages": pages}
            )
        if behind:
            raise CommandError(
                _("Index %(names)s still behind: it does not answer.")
                % {"names": ", ".join(behind)}
            )
