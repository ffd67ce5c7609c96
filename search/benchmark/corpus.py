"""Generate N realistic French practice pages of every type, fast.

Pages are real Wagtail pages (live, published, under their section) but written with
bulk inserts and computed treebeard paths instead of ``add_child`` + revisions: 100,000 pages
take minutes, not hours. Text: 200–1,500 words per page drawn with a Zipf law from the demo
corpus's French vocabulary (the head) and French-looking proper nouns (the long tail), in
sentences; themes, tags, regions, authority types, years, job categories and filières.
"""

import json
import random
import re
import uuid
from datetime import date, datetime, timedelta
from pathlib import Path

import yaml
from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.utils import timezone
from taggit.models import Tag
from wagtail.models import Locale, Page

SLUG_PREFIX = "bench-"
DATA_DIR = Path(__file__).resolve().parents[2] / "kb" / "demo_content" / "data"
TAIL_SIZE = 60_000
_SYLLABLES = [
    "ba",
    "be",
    "bi",
    "bo",
    "bu",
    "ca",
    "ce",
    "ci",
    "co",
    "cu",
    "da",
    "de",
    "di",
    "do",
    "du",
    "fa",
    "fe",
    "fi",
    "fo",
    "ga",
    "ge",
    "gi",
    "go",
    "la",
    "le",
    "li",
    "lo",
    "lu",
    "ma",
    "me",
    "mi",
    "mo",
    "mu",
    "na",
    "ne",
    "ni",
    "no",
    "nu",
    "pa",
    "pe",
    "pi",
    "po",
    "ra",
    "re",
    "ri",
    "ro",
    "ru",
    "sa",
    "se",
    "si",
    "so",
    "su",
    "ta",
    "te",
    "ti",
    "to",
    "tu",
    "va",
    "ve",
    "vi",
    "vo",
    "mont",
    "ville",
    "court",
    "bourg",
    "val",
    "lin",
    "ran",
    "ber",
    "mar",
    "gar",
    "vil",
    "gny",
    "ac",
    "ieu",
    "oux",
    "ain",
    "ette",
    "elle",
    "on",
    "an",
    "en",
    "chau",
    "beau",
    "roche",
    "fon",
    "saint",
    "cha",
    "bel",
]
_SKIP_KEYS = {
    "slug",
    "url",
    "type",
    "kind",
    "authority_type",
    "region",
    "methods",
    "level",
    "themes",
    "workshop",
    "event",
    "document",
    "email",
    "category",
    "sector",
    "status",
}


def _strings(node, key=None):
    if isinstance(node, dict):
        for k, v in node.items():
            yield from _strings(v, k)
    elif isinstance(node, list):
        for item in node:
            yield from _strings(item, key)
    elif isinstance(node, str) and key not in _SKIP_KEYS and not node.startswith("http"):
        yield node


def french_vocabulary(seed=1):
    """(words, cumulative weights): the demo corpus's words by frequency, then a long tail."""
    counts = {}
    for path in sorted(DATA_DIR.glob("*.yaml")):
        for text in _strings(yaml.safe_load(path.read_text(encoding="utf-8"))):
            for word in re.findall(r"[^\W\d_]+(?:['’][^\W\d_]+)?", text):
                word = word if word[:1].isupper() and len(word) > 1 else word.lower()
                counts[word] = counts.get(word, 0) + 1
    head = sorted(counts, key=lambda w: (-counts[w], w))
    rng = random.Random(seed)  # noqa: S311 (reproducible corpus)
    tail, seen = [], set(head)
    while len(tail) < TAIL_SIZE:
        word = "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 4)))
        word = word.capitalize() if rng.random() < 0.5 else word
        if word not in seen and len(word) > 4:
            seen.add(word)
            tail.append(word)
    words = head + tail
    weights, total = [], 0.0
    for rank in range(1, len(words) + 1):
        # Proper nouns (the tail) make about a tenth of the words of a real text.
        total += (1.0 if rank <= len(head) else 0.3) / rank**1.05
        weights.append(total)
    return words, weights


class TextGenerator:
    def __init__(self, seed=1):
        self.rng = random.Random(seed)  # noqa: S311 (reproducible corpus)
        self.words, self.cum_weights = french_vocabulary(seed)

    def sentence(self, n):
        words = self.rng.choices(self.words, cum_weights=self.cum_weights, k=n)
        text = " ".join(words)
        return text[:1].upper() + text[1:] + "."

    def text(self, n_words):
        sentences, left = [], n_words
        while left > 0:
            n = min(left, self.rng.randint(8, 24))
            sentences.append(self.sentence(n))
            left -= n
        return " ".join(sentences)

    def title(self):
        return self.sentence(self.rng.randint(4, 9)).rstrip(".")


def _choices(enum):
    return list(enum.values)


class CorpusGenerator:
    """Adds generated pages until there are ``n`` of them (slugs starting with ``bench-``)."""

    def __init__(self, seed=1, batch_size=500, stdout=None):
        self.seed = seed
        self.batch_size = batch_size
        self.text = TextGenerator(seed)
        self.rng = self.text.rng
        self.stdout = stdout

    def existing(self):
        return Page.objects.filter(slug__startswith=SLUG_PREFIX).count()

    def _log(self, message):
        if self.stdout:
            self.stdout.write(message)

    def generate(self, n):
        from kb.site_structure import ensure_sections
        from practices.models import Theme, practice_page_models

        sections = ensure_sections()
        models = practice_page_models()
        parents = {}
        for index_model, page in sections.items():
            if index_model.listing_model in models:
                parents[index_model.listing_model] = page
        themes = list(Theme.objects.all())
        if not themes:
            themes = [
                Theme.objects.create(name=f"Thème {word}", slug=f"theme-{i}")
                for i, word in enumerate(self.text.words[40:70])
            ]
        tag_names = sorted({w.lower() for w in self.text.words[30:400] if len(w) > 3})[:300]
        for name in tag_names:
            Tag.objects.get_or_create(name=name)
        tags = list(Tag.objects.filter(name__in=tag_names))
        self.themes, self.tags = themes, tags
        self.locale = Locale.get_default()

        start = self.existing()
        created = 0
        while start + created < n:
            count = min(self.batch_size, n - start - created)
            with transaction.atomic():
                for model, number in self._split(count, models):
                    if number:
                        self._create(model, parents[model], number, start + created)
                        created += number
            if created % 10_000 < self.batch_size:
                self._log(f"  {start + created} pages")
        return created

    def _split(self, count, models):
        weights = {
            "experiencepage": 5,
            "jobdescriptionpage": 2,
            "charterpage": 1,
            "workshopoutcomepage": 2,
            "eventpage": 1,
        }
        total = sum(weights.get(m._meta.model_name, 1) for m in models)
        parts, used = [], 0
        for i, model in enumerate(models):
            if i == len(models) - 1:
                number = count - used
            else:
                number = count * weights.get(model._meta.model_name, 1) // total
            used += number
            parts.append((model, number))
        return parts

    def _fields(self, model):
        """Type-specific field values (and the long text) of one page."""
        from practices.choices import (
            AuthorityType,
            CharterAuthor,
            CharterKind,
            CharterRole,
            JobCategory,
            JobSector,
            JobStatus,
            ParticipationLevel,
            ParticipationMethod,
        )

        rng, text = self.rng, self.text
        n_words = rng.randint(200, 1500)
        year = rng.randint(2008, 2025)
        name = model._meta.model_name
        body = [
            {
                "type": "section",
                "id": str(uuid.uuid4()),
                "value": {
                    "kind": kind,
                    "heading": "",
                    "text": f"<p>{text.text(max(40, n_words // 3))}</p>",
                    "items": [text.sentence(rng.randint(6, 14)) for _ in range(2)],
                },
            }
            for kind in ("context", "enables", "recommendations")
        ]
        fields = {}
        if name == "experiencepage":
            fields = {
                "organisation": text.title(),
                "start_year": year,
                "publics": text.sentence(8),
                "methods": rng.sample(_choices(ParticipationMethod), 2),
                "level": rng.choice(_choices(ParticipationLevel)),
                "body": body,
            }
        elif name == "jobdescriptionpage":
            fields = {
                "job_title": text.title(),
                "employer": text.title(),
                "category": rng.choice(_choices(JobCategory)),
                "sector": rng.choice(_choices(JobSector)),
                "missions": "\n".join(text.sentence(12) for _ in range(4)),
                "activities": text.text(n_words),
                "date": date(year, rng.randint(1, 12), 1),
                "status": rng.choice(_choices(JobStatus)),
            }
        elif name == "charterpage":
            fields = {
                "kind": rng.choice(_choices(CharterKind)),
                "drawn_up_by": rng.sample(_choices(CharterAuthor), 2),
                "serves_as": rng.sample(_choices(CharterRole), 1),
                "adoption_date": date(year, rng.randint(1, 12), 1),
                "authority": text.title(),
                "body": body,
            }
        elif name == "workshopoutcomepage":
            fields = {"question": text.sentence(14), "round": rng.randint(1, 3), "body": body}
        elif name == "eventpage":
            fields = {
                "start_date": date(year, rng.randint(1, 12), rng.randint(1, 28)),
                "place": text.title(),
                "body": body,
            }
        fields["authority_type"] = rng.choice(_choices(AuthorityType))
        return fields

    def _create(self, model, parent, number, offset):
        from practices.choices import Region

        rng = self.rng
        parent = Page.objects.get(pk=parent.pk)  # fresh numchild
        content_type = ContentType.objects.get_for_model(model)
        now = timezone.now()
        pages, extras = [], []
        for i in range(number):
            position = parent.numchild + i + 1
            slug = f"{SLUG_PREFIX}{offset + i + 1}"
            title = self.text.title()
            published = now - timedelta(days=rng.randint(0, 5000), seconds=rng.randint(0, 86400))
            pages.append(
                Page(
                    title=title,
                    draft_title=title,
                    slug=slug,
                    path=Page._get_path(parent.path, parent.depth + 1, position),
                    depth=parent.depth + 1,
                    numchild=0,
                    url_path=f"{parent.url_path}{slug}/",
                    content_type=content_type,
                    live=True,
                    has_unpublished_changes=False,
                    first_published_at=published,
                    last_published_at=published,
                    live_revision=None,
                    locale=self.locale,
                    show_in_menus=False,
                )
            )
            fields = self._fields(model)
            fields["summary"] = self.text.text(rng.randint(30, 60))
            fields["region"] = rng.choice(_choices(Region))
            extras.append(fields)
        Page.objects.bulk_create(pages, batch_size=500)
        Page.objects.filter(pk=parent.pk).update(numchild=parent.numchild + number)
        created = list(
            Page.objects.filter(path__in=[p.path for p in pages]).values_list("path", "pk")
        )
        ids = dict(created)
        self._insert_specific(model, [(ids[p.path], f) for p, f in zip(pages, extras, strict=True)])
        self._link(model, [ids[p.path] for p in pages])

    def _insert_specific(self, model, rows):
        """INSERT the rows of the page type's own table (bulk_create refuses multi-table models)."""
        fields = list(model._meta.local_concrete_fields)
        columns = [f.column for f in fields]
        values = []
        for page_id, data in rows:
            row = []
            for field in fields:
                if field.primary_key:
                    row.append(page_id)
                elif field.name == "body" or field.name == "programme":
                    row.append(json.dumps(data.get(field.name, [])))
                else:
                    value = data.get(field.name, data.get(field.attname))
                    if value is None and field.has_default():
                        value = field.get_default()
                    if value is None and not field.null:
                        value = ""
                    row.append(field.get_db_prep_save(value, connection))
            values.append(row)
        table = connection.ops.quote_name(model._meta.db_table)
        placeholders = ", ".join(["%s"] * len(columns))
        column_sql = ", ".join(connection.ops.quote_name(c) for c in columns)
        with connection.cursor() as cursor:
            cursor.executemany(
                f"INSERT INTO {table} ({column_sql}) VALUES ({placeholders})",  # noqa: S608
                values,
            )

    def _link(self, model, page_ids):
        rng = self.rng
        theme_through = model.themes.through
        theme_rows = []
        tag_through = model.tags.through
        tag_rows = []
        page_field = next(
            f.name
            for f in theme_through._meta.get_fields()
            if getattr(f, "related_model", None) is model
        )
        for page_id in page_ids:
            for theme in rng.sample(self.themes, min(len(self.themes), rng.randint(1, 3))):
                theme_rows.append(
                    theme_through(**{f"{page_field}_id": page_id, "theme_id": theme.pk})
                )
            for tag in rng.sample(self.tags, min(len(self.tags), rng.randint(1, 4))):
                tag_rows.append(tag_through(content_object_id=page_id, tag_id=tag.pk))
        theme_through.objects.bulk_create(theme_rows, batch_size=2000)
        tag_through.objects.bulk_create(tag_rows, batch_size=2000)


STOCK_TEXT_FIELDS = ("summary", "body", "missions", "activities", "question", "organisation")


def extend_stock_search_fields(models):
    """Give Wagtail's own search the same text as Praxis's (the page types only declare the
    title): the comparison is then on the same corpus. Benchmark process only."""
    from wagtail.search import index

    for model in models:
        names = {getattr(f, "field_name", None) for f in model.search_fields}
        extra = [
            index.SearchField(name)
            for name in STOCK_TEXT_FIELDS
            if name not in names and any(f.name == name for f in model._meta.get_fields())
        ]
        model.search_fields = [*model.search_fields, *extra]


def stock_indexed(pages):
    """Whether Wagtail's own search index holds at least ``pages`` pages."""
    from wagtail.search.models import IndexEntry

    return IndexEntry.objects.count() >= pages


def stock_index(models, stdout=None):
    """Index the generated pages in Wagtail's own search backend (for the comparison)."""
    from wagtail.search.backends import get_search_backend

    extend_stock_search_fields(models)
    backend = get_search_backend()
    started = datetime.now()
    total = 0
    for model in models:
        queryset = model.objects.filter(slug__startswith=SLUG_PREFIX).order_by("pk")
        batch = []
        for page in queryset.iterator(chunk_size=1000):
            batch.append(page)
            if len(batch) >= 1000:
                backend.add_bulk(model, batch)
                total += len(batch)
                batch = []
        if batch:
            backend.add_bulk(model, batch)
            total += len(batch)
    return total, (datetime.now() - started).total_seconds()
