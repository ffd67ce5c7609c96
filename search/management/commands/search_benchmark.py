"""python manage.py search_benchmark --pages 1000

Run it on a scratch database (DATABASE_URL=...): it adds generated pages (slugs "bench-…")
until there are --pages of them, rebuilds the search index (indexing throughput, index size),
indexes the generated pages in Wagtail's own search backend, then times the queries."""

import json
import os
import time

from django.core.management.base import BaseCommand
from django.db import connection
from django.test.utils import override_settings

from search import indexing
from search.backends import database_backend
from search.benchmark import corpus, runner


class Command(BaseCommand):
    help = "Mesure la recherche sur un corpus généré de N pages (base de données jetable)."

    def add_arguments(self, parser):
        parser.add_argument("--pages", type=int, default=1000)
        parser.add_argument("--rounds", type=int, default=5, help="Passes sur chaque requête.")
        parser.add_argument("--no-stock", action="store_true", help="Sans la recherche de Wagtail.")
        parser.add_argument(
            "--stock-queries",
            type=int,
            default=3,
            help="Requêtes Wagtail par classe, au moins (toutes si elles répondent en moins d'1 s).",
        )
        parser.add_argument(
            "--stock-timeout",
            type=float,
            default=30,
            help="Délai maximal d'une requête Wagtail (s).",
        )
        parser.add_argument("--skip-index", action="store_true", help="Garder l'index existant.")
        parser.add_argument(
            "--json", dest="json_path", help="Écrire aussi les mesures dans ce fichier."
        )

    def handle(self, *args, **options):
        # As in production: with DEBUG on (the dev settings), Django would also log and keep
        # every SQL statement, which costs more than a rare-word search itself.
        with override_settings(DEBUG=False):
            self.benchmark(*args, **options)

    def benchmark(
        self,
        *args,
        pages,
        rounds,
        no_stock,
        stock_queries,
        stock_timeout,
        skip_index,
        json_path=None,
        **opts,
    ):
        from practices.models import practice_page_models

        out = self.stdout.write
        vendor = connection.vendor
        out(f"Praxis — banc d'essai de la recherche : {pages} pages, base {vendor}")
        generator = corpus.CorpusGenerator(stdout=self.stdout)
        started = time.monotonic()
        created = generator.generate(pages)
        seconds = time.monotonic() - started
        out(f"Corpus : {created} pages créées en {seconds:.1f} s ({generator.existing()} au total)")

        report = {"pages": pages, "vendor": vendor}
        backend = database_backend()
        if not skip_index:
            counts = indexing.rebuild()[backend.name]
            rate = counts["pages"] / counts["seconds"] if counts["seconds"] else float("nan")
            out(
                f"Indexation Praxis : {counts['pages']} pages en {counts['seconds']:.1f} s,"
                f" {rate:.0f} pages/s"
            )
            report["indexing"] = {**counts, "pages_per_second": rate}
        size = backend.size()
        if size:
            out(f"Taille de l'index Praxis : {size / 1e6:.1f} Mo")
            report["index_bytes"] = size
        if not no_stock and (not skip_index or not corpus.stock_indexed(generator.existing())):
            # Also after --skip-index when Wagtail's index lacks pages (a corpus generated with
            # --no-stock): timing stock search on an empty index would compare with nothing.
            total, stock_seconds = corpus.stock_index(practice_page_models())
            out(
                f"Indexation Wagtail (modelsearch) : {total} pages en {stock_seconds:.1f} s,"
                f" {total / stock_seconds if stock_seconds else 0:.0f} pages/s"
            )
        results, queries = runner.run(
            pages,
            rounds=rounds,
            stock=not no_stock,
            stock_queries=stock_queries,
            stock_timeout=stock_timeout,
        )
        load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
        out(f"Charge de la machine (load average 1 min) : {load:.1f} sur {os.cpu_count()} cœurs")
        report["load_average"] = load
        out(
            "Temps en millisecondes (requête complète : pertinence + facettes + extraits + total) :"
        )
        out(runner.format_table(results))
        for name, qs in queries.items():
            out(f"  {name} : {', '.join(qs[:5])}{' …' if len(qs) > 5 else ''}")
        if queries["mot rare"]:
            writes = runner.after_write(queries["mot rare"][0])
            write, following = writes["écriture"], writes["recherche suivante"]
            out(
                f"Écriture d'une page avec un mot nouveau : p50 {write[0]:.1f}, p95 {write[1]:.1f} ;"
                f" première recherche qui suit (mot rare) : p50 {following[0]:.1f},"
                f" p95 {following[1]:.1f} ({write[2]} écritures)"
            )
            report["after_write"] = writes
        report["results"] = results
        report["queries"] = queries
        if json_path:
            with open(json_path, "w", encoding="utf-8") as handle:
                json.dump(report, handle, ensure_ascii=False, indent=2, default=str)
