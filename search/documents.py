"""Build the flat search record of a page, reading its fields generically.

Which pages: every live, public (no view restriction on it or an ancestor) page of a type in
``practices.models.practice_page_models()``. What is never indexed: drafts, e-mail addresses
(EmailBlock / EmailField values, e.g. resource persons' contacts), URLs.
"""

import functools
import io
import logging
import re
import zipfile
from html import unescape
from pathlib import PurePath

from defusedxml import ElementTree
from django.db import models
from django.utils.html import strip_tags
from django.utils.translation import get_language
from wagtail import blocks
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.rich_text import RichText

from .text import clean

logger = logging.getLogger("praxis.search")

MAX_ATTACHMENT_CHARS = 200_000
MAX_PDF_PAGES = 200
# The XML part holding the text of office documents, and the most of it that is read.
OFFICE_TEXT_PARTS = {".docx": "word/document.xml", ".odt": "content.xml"}
MAX_OFFICE_XML_BYTES = 20 * 1024 * 1024

# Fields of Page (and BasePage) that are not body text.
_SKIPPED_FIELDS = {
    "title",
    "summary",
    "draft_title",
    "slug",
    "url_path",
    "seo_title",
    "search_description",
    "path",
    "latest_revision_created_at",
}


def practice_models():
    from practices.models import practice_page_models

    return practice_page_models()


def is_indexable_model(model):
    return model in practice_models()


def indexable_pages():
    """Every live public practice page, specific, in batches of queries (for rebuilds)."""
    for model in practice_models():
        queryset = model.objects.live().public().prefetch_related("themes__parent", "tags")
        if any(f.name == "event" for f in model._meta.get_fields()):
            queryset = queryset.select_related("event")
        yield from queryset.order_by("pk").iterator(chunk_size=500)


def is_public(page):
    if not page.live or page.expired:
        return False
    return not PageViewRestriction.objects.filter(
        page__path__in=[
            page.path[:i] for i in range(Page.steplen, len(page.path) + 1, Page.steplen)
        ]
    ).exists()


_choice_cache = {}


def _field_choice_labels(field, choices=None):
    """{code: label} of a model field's choices, translated once per language."""
    key = (id(field), get_language())
    if key not in _choice_cache:
        pairs = choices if choices is not None else field.flatchoices
        _choice_cache[key] = {str(k): str(v) for k, v in pairs}
    return _choice_cache[key]


def _block_choice_labels(block):
    key = (id(block), get_language())
    if key not in _choice_cache:
        _choice_cache[key] = {str(k): str(v) for k, v in block.field.choices}
    return _choice_cache[key]


# --- flattening -----------------------------------------------------------------------------


# Tags that end a line of text: Wagtail's editor writes "<p>…</p><p>…</p>" with nothing between.
_BLOCK_TAG = re.compile(
    r"<(?=/?(?:p|div|li|ul|ol|h[1-6]|blockquote|br|hr|table|tr|td|th|pre|figure|figcaption)\b)",
    re.IGNORECASE,
)


def html_to_text(html):
    """The text of rich text: a line per paragraph, list item or heading, entities decoded."""
    return unescape(strip_tags(_BLOCK_TAG.sub("\n<", html))).strip()


def _flatten_block(block, value, texts, documents):
    if value is None:
        return
    if isinstance(block, blocks.EmailBlock | blocks.URLBlock):
        return
    if isinstance(block, blocks.StructBlock):
        for name, child in block.child_blocks.items():
            _flatten_block(child, value.get(name), texts, documents)
    elif isinstance(block, blocks.ListBlock):
        for item in value:
            _flatten_block(block.child_block, getattr(item, "value", item), texts, documents)
    elif isinstance(block, blocks.StreamBlock):
        for child in value:
            _flatten_block(child.block, child.value, texts, documents)
    elif isinstance(block, blocks.RichTextBlock):
        texts.append(html_to_text(value.source if isinstance(value, RichText) else str(value)))
    elif isinstance(block, blocks.ChoiceBlock):
        label = _block_choice_labels(block).get(value) if value else None
        if label:
            texts.append(label)
    elif isinstance(block, blocks.CharBlock | blocks.TextBlock):
        texts.append(str(value))
    elif block.__class__.__name__ == "DocumentChooserBlock":
        documents.append(value)


def _flatten_stream(stream_value, texts, documents):
    for child in stream_value:
        _flatten_block(child.block, child.value, texts, documents)


def flatten_page(page):
    """(body text, attached documents) of a specific page."""
    texts, documents = [], []
    for field in page._meta.get_fields():
        if not getattr(field, "concrete", False) or field.name in _SKIPPED_FIELDS:
            continue
        if field.model is Page:
            continue
        value = getattr(page, field.attname, None)
        if isinstance(field, StreamField):
            _flatten_stream(getattr(page, field.name), texts, documents)
        elif isinstance(field, RichTextField):
            texts.append(html_to_text(value or ""))
        elif isinstance(field, models.EmailField | models.URLField | models.SlugField):
            continue
        elif isinstance(field, models.ForeignKey):
            if field.related_model._meta.label_lower == "wagtaildocs.document" and value:
                doc = getattr(page, field.name)
                if doc is not None:
                    documents.append(doc)
        elif isinstance(field, models.CharField | models.TextField):
            if not value:
                continue
            if field.choices:
                choices = _field_choice_labels(field)
                if isinstance(value, list | tuple):
                    texts.extend(choices.get(str(v), "") for v in value)
                else:
                    texts.append(choices.get(str(value), ""))
            elif isinstance(value, list | tuple):  # MultipleChoiceField
                allowed = getattr(field, "allowed_choices", None)
                if allowed:
                    labels = _field_choice_labels(field, allowed)
                    texts.extend(labels.get(str(v), str(v)) for v in value)
                else:
                    texts.extend(str(v) for v in value)
            else:
                texts.append(str(value))
    return "\n".join(t for t in texts if t and t.strip()), documents


# --- Text of attached documents (PDF, DOCX, ODT) -------------------------------------------


def document_text(document):
    """Text of a PDF, DOCX or ODT document (cached while the file does not change); "" otherwise."""
    from .models import ExtractedText

    if document is None:
        return ""
    name = document.file.name or ""
    extension = PurePath(name).suffix.lower()
    if extension == ".pdf":
        extract = extract_pdf_text
    elif extension in OFFICE_TEXT_PARTS:
        extract = extract_office_text
    else:
        return ""
    file_hash = getattr(document, "file_hash", "") or ""
    cached = ExtractedText.objects.filter(document_id=document.pk).first()
    if cached and cached.file_name == name and cached.file_hash == file_hash:
        return cached.text
    text = extract(document)
    ExtractedText.objects.update_or_create(
        document_id=document.pk,
        defaults={"file_hash": file_hash, "file_name": name, "text": text},
    )
    return text


def extract_office_text(document):
    """The paragraphs of a DOCX or ODT file (a zip holding one main XML part)."""
    part = OFFICE_TEXT_PARTS[PurePath(document.file.name).suffix.lower()]
    try:
        with document.open_file() as handle, zipfile.ZipFile(handle) as archive:
            if archive.getinfo(part).file_size > MAX_OFFICE_XML_BYTES:
                raise ValueError(f"{part} is too large")
            root = ElementTree.fromstring(archive.read(part))
        paragraphs = (
            "".join(element.itertext())
            for element in root.iter()
            if isinstance(element.tag, str) and element.tag.rsplit("}", 1)[-1] in {"p", "h"}
        )
        return clean("\n".join(paragraphs))[:MAX_ATTACHMENT_CHARS]
    except Exception:  # a broken file must not stop indexing
        logger.warning("Texte non extrait du document %s", document.pk, exc_info=True)
        return ""


def extract_pdf_text(document):
    try:
        from pypdf import PdfReader

        with document.open_file() as handle:
            data = handle.read()
        reader = PdfReader(io.BytesIO(data))
        parts, size = [], 0
        for pdf_page in reader.pages[:MAX_PDF_PAGES]:
            part = pdf_page.extract_text() or ""
            parts.append(part)
            size += len(part)
            if size > MAX_ATTACHMENT_CHARS:
                break
        return clean(" ".join(parts))[:MAX_ATTACHMENT_CHARS]
    except Exception:  # a broken or encrypted PDF must not stop indexing
        logger.warning("Texte non extrait du document %s", document.pk, exc_info=True)
        return ""


def _theme_names(themes):
    for theme in themes:
        yield theme.name
        if theme.parent_id:
            yield theme.parent.name


# --- the record ------------------------------------------------------------------------------


@functools.lru_cache(maxsize=1)
def _serve_prefix():
    from django.urls import reverse

    return reverse("wagtail_serve", args=("",))


def _page_url(page):
    """The page's URL, relative to its site (computed from the site root paths, which Wagtail
    caches, without a reverse() per page)."""
    try:
        root_paths = Site.get_site_root_paths()
    except Exception:  # no site yet
        root_paths = []
    for root in root_paths:
        if page.url_path.startswith(root.root_path):
            return _serve_prefix() + page.url_path[len(root.root_path) :]
    try:
        return page.get_url() or page.url_path
    except Exception:
        return page.url_path


def build_record(page):
    """The flat search record (a dict) of a live public practice page."""
    from practices.choices import AuthorityType, JobCategory, JobSector, Region

    page = page.specific
    model = type(page)
    body, documents = flatten_page(page)
    seen, attachment_texts, document_ids = set(), [], []
    for document in documents:
        if document.pk in seen:
            continue
        seen.add(document.pk)
        document_ids.append(document.pk)
        attachment_texts.append(document.title)
        attachment_texts.append(document_text(document))
    themes = list(page.themes.all())
    tags = list(page.tags.all())
    try:
        year = page.year
    except Exception:
        year = None
    type_name = model._meta.model_name
    type_label = str(model._meta.verbose_name)
    region = getattr(page, "region", "") or ""
    authority_type = getattr(page, "authority_type", "") or ""
    category = getattr(page, "category", "") or ""
    sector = getattr(page, "sector", "") or ""

    facets = [("type", type_name, type_label.capitalize())]
    facets += [("theme", t.slug, t.name) for t in themes]
    facets += [("tag", t.slug, t.name) for t in tags]
    for name, value, choices in (
        ("region", region, Region),
        ("authority_type", authority_type, AuthorityType),
        ("year", str(year or ""), None),
        ("category", category, JobCategory),
        ("sector", sector, JobSector),
    ):
        if value:
            label = choices(value).label if choices and value in choices.values else value
            facets.append((name, value, str(label)))

    return {
        "page_id": page.pk,
        "type": type_name,
        "type_label": type_label,
        "title": clean(page.title),
        "summary": clean(getattr(page, "summary", "") or ""),
        "body": clean(body),
        "attachments": clean("\n".join(t for t in attachment_texts if t)),
        # With their parent themes: "Démocratie locale" finds the pages of its sub-themes.
        "themes": clean(" ; ".join(dict.fromkeys(_theme_names(themes)))),
        "tags": clean(" ; ".join(t.name for t in tags)),
        "theme_list": [(t.slug, t.name) for t in themes],
        "tag_list": [(t.slug, t.name) for t in tags],
        "url": _page_url(page),
        "date": page.last_published_at or page.first_published_at,
        "region": region,
        "authority_type": authority_type,
        "year": year,
        "category": category,
        "sector": sector,
        "document_ids": " ".join(str(i) for i in document_ids),
        "facets": facets,
    }
