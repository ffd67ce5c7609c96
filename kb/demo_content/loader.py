"""Loads the demo corpus (YAML files in ``data/``) into the site, idempotently.

Each file describes pages of one type; an entry is matched to an existing page by its slug, so a
second load changes nothing, and a field left out of an entry goes back to its default. Everything
happens in one transaction: a broken entry raises ``DemoDataError`` naming the file and the entry,
and nothing is written.
"""

import json
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import chain
from pathlib import Path

import yaml
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models.signals import post_save
from django.utils.html import escape
from django.utils.translation import gettext as _
from modelsearch import index as admin_search_index
from modelsearch.signal_handlers import post_save_signal_handler as admin_search_on_save
from taggit.models import Tag
from wagtail.models import ReferenceIndex
from wagtail.signal_handlers import disable_reference_index_auto_update

from kb.punctuation import labelled, listed
from kb.site_structure import ensure_sections
from practices.blocks import ProgrammeItemBlock
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
from search import indexing

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


@contextmanager
def _admin_search_updates_held():
    """Wagtail's admin search (modelsearch) indexes an object on each save; it has no switch of
    its own, unlike the reference index. Its save handler is disconnected while the demo corpus
    loads, which happens on its own (the command before the server starts, a test's set-up)."""
    models = [
        model
        for model in admin_search_index.get_indexed_models()
        if getattr(model, "search_auto_update", True)
    ]
    for model in models:
        post_save.disconnect(admin_search_on_save, sender=model)
    try:
        yield
    finally:
        for model in models:
            post_save.connect(admin_search_on_save, sender=model)


class DemoDataError(Exception):
    def __init__(self, path, entry, message):
        self.path, self.entry = path, entry
        super().__init__(
            _("%(path)s — entry “%(entry)s”: %(message)s")
            % {"path": path, "entry": entry, "message": message}
        )


class _DataFileLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """YAML that keeps dates as written, so that the model's fields validate them in French.
    libyaml's loader when PyYAML has it (its wheels do): ten times faster."""


_DataFileLoader.add_constructor(
    "tag:yaml.org,2002:timestamp", lambda loader, node: loader.construct_scalar(node)
)


@dataclass
class PageFile:
    """One data file: which page type it holds and how its special keys map to the model."""

    filename: str
    model: type
    index_model: type
    single: bool = False
    stream_keys: tuple = ("body",)
    relations: dict = field(default_factory=dict)
    # key -> (model of the referenced page, its many-to-many that must list this entry's page)
    back_references: dict = field(default_factory=dict)


PAGE_FILES = [
    PageFile(
        "event.yaml", EventPage, EventIndexPage, single=True, stream_keys=("body", "programme")
    ),
    PageFile(
        "experiences.yaml",
        ExperiencePage,
        ExperienceIndexPage,
        back_references={"workshop": (WorkshopOutcomePage, "experiences")},
    ),
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


def _stream(key, items):
    """A data file's list of blocks as raw StreamField data; a broken block is named by position."""
    if not isinstance(items, list | None):
        raise ValueError(_("%(key)s: a list of blocks is expected") % {"key": key})
    blocks = []
    for number, item in enumerate(items or [], start=1):
        try:
            if not isinstance(item, dict):
                raise ValueError(_("a block is a table of “key: value” pairs"))
            blocks.append(_block({"type": "item", **item} if key == "programme" else item))
        except (ValueError, ValidationError) as error:
            raise ValueError(labelled(f"{key}, {_position(number)}", _describe(error))) from None
    return blocks


def _position(number):
    return _("no. %(number)s") % {"number": number}


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
        value = {key: val for key, val in item.items() if key != "type"}
        for name in ("date", "time"):
            cleaned = _programme_item_field(name, value.get(name))
            value[name] = cleaned.isoformat() if cleaned else None
    else:
        raise ValueError(_("unknown block type: %(type)r") % {"type": kind})
    return {"type": kind, "value": value}


def _programme_item_field(name, value):
    """A programme item's date or time, checked by the block's own form field (French messages)."""
    try:
        return ProgrammeItemBlock.base_blocks[name].field.clean(value)
    except ValidationError as error:
        raise ValidationError({name: error.messages}) from None


def _stream_errors(error, path):
    """The messages of a StreamField validation error, each prefixed with where it happened."""
    data = error.as_json_data() if hasattr(error, "as_json_data") else error
    found = [labelled(path, message) for message in data.get("messages", [])]
    for key, child in data.get("blockErrors", {}).items():
        where = _position(key + 1) if isinstance(key, int) else key
        found += _stream_errors(child, f"{path}, {where}")
    return found


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
        """Load every file in one transaction; returns a Counter of (model, "created", "updated"
        or "unchanged") for the themes and pages.

        Wagtail's reference index (the admin's "usage" of a page or theme) and its admin search
        index are updated once per object written, at the end, rather than on each of the three
        saves that create a page."""
        self.back_references = []
        self.written = []
        with (
            transaction.atomic(),
            indexing.batched(),
            disable_reference_index_auto_update(),
            _admin_search_updates_held(),
        ):
            self.sections = ensure_sections()
            self._load_themes()
            for page_file in PAGE_FILES:
                self._load_pages(page_file)
            self._check_back_references()
            for written in chain(self.sections.values(), self.written):
                ReferenceIndex.create_or_update_for_object(written)
                admin_search_index.insert_or_update_object(written)
        return self.counts

    # -- reading ---------------------------------------------------------------------------
    def _read(self, filename):
        path = self.data_dir / filename
        try:
            with path.open(encoding="utf-8") as handle:
                return path, yaml.load(handle, Loader=_DataFileLoader)  # noqa: S506 (a SafeLoader)
        except FileNotFoundError:
            raise DemoDataError(path, "-", _("file not found")) from None
        except yaml.YAMLError as error:
            raise DemoDataError(
                path, "-", _("invalid YAML: %(error)s") % {"error": error}
            ) from None

    def _entries(self, filename, single=False):
        path, data = self._read(filename)
        entries = [data] if single else data
        if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
            raise DemoDataError(path, "-", _("a list of entries (“key: value” tables) is expected"))
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
                self.counts[(Theme, "created" if theme.pk is None else "updated")] += 1
                theme.save()
                self.written.append(theme)
            else:
                self.counts[(Theme, "unchanged")] += 1
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
            for key, (target_model, listing) in page_file.back_references.items():
                if entry.get(key):
                    self.back_references.append(
                        (path, page, key, target_model, listing, entry[key])
                    )

    def _check_back_references(self):
        """An entry that names its workshop must be listed by that workshop, which must exist."""
        for path, page, key, target_model, listing, slug in self.back_references:
            try:
                target = self._page(target_model, slug)
            except ValueError as error:
                raise DemoDataError(path, page.slug, labelled(key, error)) from None
            if page.pk not in {listed.pk for listed in getattr(target, listing).all()}:
                raise DemoDataError(
                    path,
                    page.slug,
                    _("%(key)s: “%(target)s” does not list this page in its “%(listing)s”")
                    % {"key": key, "target": slug, "listing": listing},
                )

    def _apply(self, page_file, index, entry):
        model = page_file.model
        if not entry.get("slug"):
            raise ValueError(_("the “slug” key is required"))
        page = model.objects.child_of(index).filter(slug=entry["slug"]).first()
        created = page is None
        if created:
            page = model(slug=entry["slug"])
        before = None if created else self._snapshot(page_file, page)

        self._reset_fields_left_out(page, entry, page_file)
        for key, value in entry.items():
            if key in RELATION_KEYS or key in page_file.back_references:
                continue
            if key in page_file.stream_keys:
                setattr(page, key, json.dumps(_stream(key, value)))
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
            try:
                stream.stream_block.clean(stream)
            except ValidationError as error:
                raise ValidationError("; ".join(_stream_errors(error, key))) from None

        # Validated above: the revision need not run full_clean() again.
        if created:
            index.add_child(instance=page)
            page.save_revision(clean=False).publish()
            outcome = "created"
        elif self._snapshot(page_file, page) != before or not page.live:
            page.save_revision(clean=False).publish()
            outcome = "updated"
        else:
            outcome = "unchanged"
        if outcome != "unchanged":
            self.written.append(page)
        self.counts[(model, outcome)] += 1
        return page

    @staticmethod
    def _reset_fields_left_out(page, entry, page_file):
        """A field removed from an entry goes back to its default instead of keeping its old value."""
        for model_field in page._meta.concrete_fields:
            if (
                model_field.name not in entry
                and model_field.model is page_file.model
                and not model_field.is_relation
            ):
                if model_field.name in page_file.stream_keys:
                    setattr(page, model_field.name, "[]")
                else:
                    setattr(page, model_field.name, model_field.get_default())

    def _set_field(self, page, key, value):
        try:
            model_field = page._meta.get_field(key)
        except Exception:
            raise ValueError(_("unknown field: %(key)r") % {"key": key}) from None
        if isinstance(model_field, models.TextField) and isinstance(value, list):
            value = "\n".join(str(item) for item in value)
        elif isinstance(model_field, models.DateField | models.IntegerField):
            # Converted now: a model's clean() comparing dates or years must not meet a string.
            try:
                value = model_field.to_python(value)
            except ValidationError as error:
                raise ValidationError({key: error.messages}) from None
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
            raise ValueError(
                _("unknown %(type)s: %(slug)r") % {"type": model._meta.verbose_name, "slug": slug}
            ) from None

    def _theme(self, slug):
        try:
            return self.themes[slug]
        except KeyError:
            raise ValueError(_("unknown theme: %(slug)r") % {"slug": slug}) from None

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
        return listed(
            labelled(name, " ".join(messages)) for name, messages in error.message_dict.items()
        )
    if isinstance(error, ValidationError):
        return " ".join(error.messages)
    if isinstance(error, KeyError):
        return _("missing key: %(key)r") % {"key": error.args[0]}
    return str(error)
