"""Keeping the search index in sync with the pages."""

import logging
from contextlib import contextmanager
from contextvars import ContextVar

from django.db import transaction

from .backends import BackendUnavailable, writing_backends
from .documents import build_record, indexable_pages, is_indexable_model, is_public

logger = logging.getLogger("praxis.search")


def _each_backend(method, *args):
    for backend in writing_backends():
        try:
            getattr(backend, method)(*args)
        except BackendUnavailable as error:
            logger.warning("Index %s non mis à jour : %s", backend.name, error)


def update_pages(pages):
    """(Re)index ``pages``: the live public ones are indexed, the others removed."""
    records, removed = [], []
    for page in pages:
        page = page.specific
        if not is_indexable_model(type(page)):
            continue
        if is_public(page):
            records.append(build_record(page))
        else:
            removed.append(page.pk)
    if records:
        _each_backend("index", records)
    if removed:
        _each_backend("remove", removed)


def update_page_ids(page_ids):
    from wagtail.models import Page

    page_ids = list(page_ids)
    pages = list(Page.objects.filter(pk__in=page_ids).specific())
    found = {p.pk for p in pages}
    update_pages(pages)
    gone = [i for i in page_ids if i not in found]
    if gone:
        remove_page_ids(gone)


def remove_page_ids(page_ids):
    _each_backend("remove", list(page_ids))


def remove_before_delete(page_ids):
    """Remove pages about to be deleted: the database store at once (its rows would cascade),
    the other backends after the commit."""
    backends = writing_backends()
    backends[0].remove(page_ids)
    if len(backends) > 1:
        on_commit(lambda: [_remove_quietly(b, page_ids) for b in backends[1:]])


def _remove_quietly(backend, page_ids):
    try:
        backend.remove(page_ids)
    except BackendUnavailable as error:
        logger.warning("Index %s non mis à jour : %s", backend.name, error)


def update_subtree(page):
    """(Re)index a page and its descendants (after a move or a privacy change)."""
    from wagtail.models import Page

    pages = Page.objects.filter(path__startswith=page.path).specific()
    update_pages(pages)


def on_commit(func, *args):
    transaction.on_commit(lambda: func(*args))


_batch = ContextVar("praxis_search_batch", default=None)


@contextmanager
def batched():
    """Reindex the pages changed inside the block together, once the transaction commits,
    instead of one page at a time: for what changes many pages at once (a bulk action, a tag
    merge, the demo corpus). Use it inside the transaction; blocks may nest."""
    if _batch.get() is not None:
        yield
        return
    page_ids = {}  # a dict keeps the order in which the pages changed
    token = _batch.set(page_ids)
    try:
        yield
    finally:
        _batch.reset(token)
        if page_ids:
            on_commit(update_page_ids, list(page_ids))


def update_after_commit(page_ids):
    """Reindex ``page_ids`` once the transaction commits (with the batch, inside ``batched``).

    Reindexing reads the pages as committed: a page unpublished, made private or deleted
    meanwhile leaves the index."""
    batch = _batch.get()
    if batch is None:
        on_commit(update_page_ids, list(page_ids))
    else:
        batch.update(dict.fromkeys(page_ids))


def rebuild():
    """Rebuild every index from the pages; returns {backend name: counts}."""
    counts = {}
    for backend in writing_backends():
        records = (build_record(page) for page in indexable_pages())
        try:
            counts[backend.name] = backend.rebuild(records)
        except BackendUnavailable as error:
            logger.warning("Index %s non reconstruit : %s", backend.name, error)
            counts[backend.name] = {"pages": 0, "words": 0, "seconds": 0, "error": str(error)}
    return counts
