"""``manage.py send_digests``: send the watch digests due today (run it daily, e.g. from cron)."""

from django.core.management.base import BaseCommand, CommandError
from django.utils.dateparse import parse_datetime

from kb.watch.digests import describe, send_digests


class Command(BaseCommand):
    help = (
        "Envoie les lettres de veille dues aujourd'hui (quotidiennes et hebdomadaires). "
        "Idempotente : lancée deux fois le même jour, elle n'envoie qu'une fois."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--now",
            help="Date et heure de référence au format ISO (rattrapage ou essai), par défaut maintenant.",
        )

    def handle(self, *args, **options):
        now = None
        if options.get("now"):
            now = parse_datetime(options["now"])
            if now is None:
                raise CommandError(
                    "--now : date invalide, attendu par exemple 2026-11-26T07:00:00+01:00"
                )
        sent = send_digests(now=now)
        self.stdout.write(describe(sent))
