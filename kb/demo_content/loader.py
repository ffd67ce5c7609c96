"""Loads the demo corpus (YAML files in ``data/``) into the site, idempotently.

Each file describes pages of one type; an entry is matched to an existing page by its slug, so a
second load changes nothing. Everything happens in one transaction: a broken entry raises
``DemoDataError`` naming the file and the entry, and nothing is written.
"""

import datetime
import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils.html import escape
from taggit.models import Tag

from kb.site_structure import ensure_sections
from practices.models import (
    CharterIndexPage,
    CharterPage,
    EventIndexPage,
    EventPage,
    ExperienceIndexPage,
    ExperiencePage,
    JobDescriptionIndexPage,
    JobDescriptionPage,
    Theme,
    WorkshopOutcomeIndexPage,
    WorkshopOutcomePage,
)

DATA_DIR = Path(__file__).resolve().parent / "data"
RELATION_KEYS = {"slug", "themes", "tags"}
# Set by Wagtail when publishing, not by the data files: left out of change detection.
PUBLICATION_FIELDS = {
    "latest_revision_created_at",
    "last_published_at",
    "draft_title",
    "has_unpublished_changes",
    "first_published_at",
    "live_revision",
}


class DemoDataError(Exception):
    def __init__(self, path, entry, message):
        self.path, self.entry = path, entry
        super().__init__(f"{path} — entrée « {entry} » : {message}")


@dataclass
class PageFile:
    """One data file: which page type it holds and how its special keys map to the model."""

    filename: str
    model: type
    index_model: type
    single: bool = False
    stream_keys: tuple = ("body",)
    ignored_keys: tuple = ()
    relations: dict = field(default_factory=dict)


PAGE_FILES = [
    PageFile(
        "event.yaml", EventPage, EventIndexPage, single=True, stream_keys=("body", "programme")
    ),
    PageFile("experiences.yaml", ExperiencePage, ExperienceIndexPage, ignored_keys=("workshop",)),
    PageFile("charters.yaml", CharterPage, CharterIndexPage),
    PageFile("jobs.yaml", JobDescriptionPage, JobDescriptionIndexPage, stream_keys=()),
    PageFile(
        "workshops.yaml",
        WorkshopOutcomePage,
        WorkshopOutcomeIndexPage,
        relations={"experiences": ExperiencePage, "event": EventPage},
    ),
]


def _rich_text(text):
    paragraphs = [part.strip() for part in str(text).split("\n\n") if part.strip()]
    return "".join(f"<p>{escape(part)}</p>" for part in paragraphs)


def _block(item):
    """A data-file block (``{type: section, kind: ..., items: [...]}``) as raw StreamField data."""
    kind = item.get("type")
    if kind == "section":
        value = {
            "kind": item.get("kind"),
            "heading": item.get("heading", ""),
            "text": _rich_text(item.get("text", "")),
            "items": [str(point) for point in item.get("items", [])],
        }
    elif kind in {"quotations", "further_reading", "resource_persons", "documents"}:
        value = {"items": [dict(entry) for entry in item.get("items", [])]}
    elif kind == "item":
        value = {
            key: (val.isoformat() if isinstance(val, datetime.date) else val)
            for key, val in item.items()
            if key != "type"
        }
        value["time"] = str(value.get("time", "") or "") or None
    else:
        raise ValueError(f"type de bloc inconnu : {kind!r}")
    return {"type": kind, "value": value}


def _normalised_stream(stream):
    """A StreamField's content as plain data, block ids left out, whatever form it was set in."""
    return _without_ids(
        [
            {"type": child.block_type, "value": child.block.get_prep_value(child.value)}
            for child in stream
        ]
    )


def _without_ids(raw):
    if isinstance(raw, dict):
        return {key: _without_ids(val) for key, val in raw.items() if key != "id"}
    if isinstance(raw, list):
        return [_without_ids(val) for val in raw]
    return raw


class DemoContentLoader:
    def __init__(self, data_dir=DATA_DIR):
        self.data_dir = Path(data_dir)
        self.counts = Counter()
        self.pages_by_slug = {}

    def load(self):
        """Load every file in one transaction; returns counts of created/updated/unchanged pages."""
        with transaction.atomic():
            self.sections = ensure_sections()
            self._load_themes()
            for page_file in PAGE_FILES:
                self._load_pages(page_file)
        return self.counts

    # -- reading ---------------------------------------------------------------------------
    def _read(self, filename):
        path = self.data_dir / filename
        try:
            with path.open(encoding="utf-8") as handle:
                return path, yaml.safe_load(handle)
        except FileNotFoundError:
            raise DemoDataError(path, "-", "fichier introuvable") from None
        except yaml.YAMLError as error:
            raise DemoDataError(path, "-", f"YAML invalide : {error}") from None

    def _entries(self, filename, single=False):
        path, data = self._read(filename)
        entries = [data] if single else data
        if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
            raise DemoDataError(path, "-", "une liste d'entrées (clé: valeur) est attendue")
        for position, entry in enumerate(entries, start=1):
            yield path, entry.get("slug") or f"n°{position}", entry

    # -- themes ----------------------------------------------------------------------------
    def _load_themes(self):
        self.themes = {}
        for path, name, entry in self._entries("themes.yaml"):
            try:
                theme = Theme.objects.filter(slug=entry["slug"]).first() or Theme(
                    slug=entry["slug"]
                )
                before = (theme.name, theme.description, theme.order)
                theme.name = entry["name"]
                theme.description = entry.get("description", "")
                theme.order = entry.get("order", 0)
                theme.full_clean()
            except (KeyError, ValidationError, TypeError) as error:
                raise DemoDataError(path, name, _describe(error)) from None
            if theme.pk is None or before != (theme.name, theme.description, theme.order):
                self.counts["themes saved"] += 1
                theme.save()
            self.themes[theme.slug] = theme

    # -- pages -----------------------------------------------------------------------------
    def _load_pages(self, page_file):
        index = self.sections[page_file.index_model]
        for path, name, entry in self._entries(page_file.filename, page_file.single):
            try:
                page = self._apply(page_file, index, entry)
            except (KeyError, ValueError, TypeError, ValidationError) as error:
                raise DemoDataError(path, name, _describe(error)) from None
            self.pages_by_slug[(page_file.model, page.slug)] = page

    def _apply(self, page_file, index, entry):
        model = page_file.model
        if not entry.get("slug"):
            raise ValueError("la clé « slug » est obligatoire")
        page = model.objects.child_of(index).filter(slug=entry["slug"]).first()
        created = page is None
        if created:
            page = model(slug=entry["slug"])
        before = None if created else self._snapshot(page_file, page)

        for key, value in entry.items():
            if key in RELATION_KEYS or key in page_file.ignored_keys:
                continue
            if key in page_file.stream_keys:
                blocks = [
                    _block({"type": "item", **item} if key == "programme" else item)
                    for item in value or []
                ]
                setattr(page, key, json.dumps(blocks))
            elif key in page_file.relations:
                self._set_relation(page, key, page_file.relations[key], value)
            else:
                self._set_field(page, key, value)
        if "event" in page_file.relations and "event" not in entry:
            page.event = EventPage.objects.live().first()
        page.themes = [self._theme(slug) for slug in entry.get("themes", [])]
        page.tags.set(self._tag_names(entry.get("tags", [])))

        page.full_clean(exclude=["path", "depth", "numchild", "url_path"] if created else None)
        for key in page_file.stream_keys:
            stream = getattr(page, key)
            stream.stream_block.clean(stream)

        if created:
            index.add_child(instance=page)
            page.save_revision().publish()
            self.counts[f"{model.__name__} created"] += 1
        elif self._snapshot(page_file, page) != before or not page.live:
            page.save_revision().publish()
            self.counts[f"{model.__name__} updated"] += 1
        else:
            self.counts[f"{model.__name__} unchanged"] += 1
        return page

    def _set_field(self, page, key, value):
        try:
            model_field = page._meta.get_field(key)
        except Exception:
            raise ValueError(f"champ inconnu : {key!r}") from None
        if isinstance(model_field, models.TextField) and isinstance(value, list):
            value = "\n".join(str(item) for item in value)
        setattr(page, key, value)

    def _set_relation(self, page, key, target_model, value):
        if isinstance(value, list):
            setattr(page, key, [self._page(target_model, slug) for slug in value])
        else:
            setattr(page, key, self._page(target_model, value))

    def _page(self, model, slug):
        try:
            return self.pages_by_slug[(model, slug)]
        except KeyError:
            raise ValueError(f"{model._meta.verbose_name} inconnue : {slug!r}") from None

    def _theme(self, slug):
        try:
            return self.themes[slug]
        except KeyError:
            raise ValueError(f"thème inconnu : {slug!r}") from None

    @staticmethod
    def _tag_names(names):
        """Reuse an existing tag's spelling when only the case differs."""
        existing = {tag.name.lower(): tag.name for tag in Tag.objects.filter(name__in=names)}
        return [existing.get(str(name).lower(), str(name)) for name in names]

    def _snapshot(self, page_file, page):
        """What the loader manages on a page, comparable before and after applying an entry."""
        values = {}
        for model_field in page._meta.get_fields():
            name = model_field.name
            if name in page_file.stream_keys:
                values[name] = _normalised_stream(getattr(page, name))
            elif (
                isinstance(model_field, models.Field)
                and not model_field.is_relation
                and name not in PUBLICATION_FIELDS
            ):
                values[name] = getattr(page, name)
        values["themes"] = sorted(theme.pk for theme in page.themes.all())
        values["tags"] = sorted(tag.name for tag in page.tags.all())
        for key in page_file.relations:
            related = getattr(page, key)
            values[key] = (
                sorted(p.pk for p in related.all())
                if hasattr(related, "all")
                else (related.pk if related else None)
            )
        return values


def _describe(error):
    if isinstance(error, ValidationError) and hasattr(error, "message_dict"):
        return "; ".join(
            f"{name} : {' '.join(messages)}" for name, messages in error.message_dict.items()
        )
    if isinstance(error, ValidationError):
        return " ".join(error.messages)
    if isinstance(error, KeyError):
        return f"clé manquante : {error.args[0]!r}"
    return str(error)
