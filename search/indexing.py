"""Keeping the search index in sync with the pages."""

import logging
from contextlib import contextmanager
from contextvars import ContextVar

from django.db import transaction

from .backends import BackendUnavailable, writing_backends
from .documents import build_record, indexable_pages, is_indexable_model, is_public

logger = logging.getLogger("praxis.search")


def _each_backend(method, payload, page_ids):
    """``backend.method(payload)`` on every backend; a backend that does not answer has missed
    the writes of ``page_ids``."""
    for backend in writing_backends():
        _write(backend, method, payload, page_ids)


def _write(backend, method, payload, page_ids):
    try:
        if has_missed_writes(backend):
            # One batch: the writer waits for it. The next writes, or the command
            # search_index catch-up, replay the others.
            catch_up(backend, batches=1)
        getattr(backend, method)(payload)
    except BackendUnavailable as error:
        logger.warning("Index %s non mis à jour : %s", backend.name, error)
        record_missed_writes(backend, page_ids)


def record_missed_writes(backend, page_ids):
    from .models import MissedWrite

    MissedWrite.objects.bulk_create(
        [MissedWrite(backend=backend.name, page_id=page_id) for page_id in page_ids]
    )


def has_missed_writes(backend):
    from .models import MissedWrite

    return MissedWrite.objects.filter(backend=backend.name).exists()


CATCH_UP_BATCH = 100  # missed writes replayed at a time


def catch_up(backend, batches=None):
    """Replays the writes ``backend`` missed, from the pages as they are now (indexed if live
    and public, removed otherwise), oldest first, at most ``batches`` of CATCH_UP_BATCH (None:
    all of them); raises BackendUnavailable if it does not answer. A write missed again
    meanwhile comes after the ones replayed, and stays."""
    from .models import MissedWrite

    missed = MissedWrite.objects.filter(backend=backend.name)
    done = 0
    while batches is None or done < batches:
        rows = list(missed.order_by("id").values_list("id", "page_id")[:CATCH_UP_BATCH])
        if not rows:
            return
        records, removed = _as_they_are(list(dict.fromkeys(page_id for _id, page_id in rows)))
        if records:
            backend.index(records)
        if removed:
            backend.remove(removed)
        missed.filter(id__lte=rows[-1][0]).delete()
        done += 1


def _sorted_out(pages):
    """(records of the live public ``pages`` to index, ids of the others to remove); pages of
    models the search does not index are left out."""
    records, removed = [], []
    for page in pages:
        page = page.specific
        if not is_indexable_model(type(page)):
            continue
        if is_public(page):
            records.append(build_record(page))
        else:
            removed.append(page.pk)
    return records, removed


def _as_they_are(page_ids):
    """``_sorted_out`` of the pages ``page_ids``, the ids of pages deleted since among those
    to remove."""
    from wagtail.models import Page

    pages = list(Page.objects.filter(pk__in=page_ids).specific())
    records, removed = _sorted_out(pages)
    found = {page.pk for page in pages}
    return records, removed + [page_id for page_id in page_ids if page_id not in found]


def _write_each(records, removed):
    if records:
        _each_backend("index", records, [r["page_id"] for r in records])
    if removed:
        _each_backend("remove", removed, removed)


def update_pages(pages):
    """(Re)index ``pages``: the live public ones are indexed, the others removed."""
    _write_each(*_sorted_out(pages))


def update_page_ids(page_ids):
    """(Re)index ``page_ids`` as they are: also removed when deleted."""
    _write_each(*_as_they_are(list(page_ids)))


def remove_before_delete(page_ids):
    """Remove pages about to be deleted: the database store at once (its rows would cascade),
    the other backends after the commit."""
    page_ids = list(page_ids)
    backends = writing_backends()
    backends[0].remove(page_ids)
    if len(backends) > 1:
        on_commit(lambda: [_write(b, "remove", page_ids, page_ids) for b in backends[1:]])


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
    from .models import MissedWrite

    counts = {}
    for backend in writing_backends():
        # Replayed by the rebuild, which reads every page after this point.
        replayed = MissedWrite.objects.filter(backend=backend.name).order_by("-id").first()
        records = (build_record(page) for page in indexable_pages())
        try:
            counts[backend.name] = backend.rebuild(records)
        except BackendUnavailable as error:
            logger.warning("Index %s non reconstruit : %s", backend.name, error)
            counts[backend.name] = {"pages": 0, "words": 0, "seconds": 0, "error": str(error)}
            continue
        if replayed is not None:
            MissedWrite.objects.filter(backend=backend.name, id__lte=replayed.id).delete()
    return counts
