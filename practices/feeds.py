"""RSS 2.0 and Atom feeds: everything, one type (with the listing's filters), a theme, a tag, a search.

Every feed lists live public pages only, newest first (by first publication), at most
``FEED_SIZE`` items; an unknown filter value answers 400 with a French message.
"""

import heapq
from dataclasses import dataclass, field

from django.contrib.syndication.views import Feed
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext as _
from taggit.models import Tag

from practices.listing import ListingFilterForm
from practices.models import Theme, practice_page_models

FEED_SIZE = 30
SEARCH_FEED_DEPTH = 200  # search hits read (sorted by date) to find the newest publications


class BadFeedRequest(Exception):
    """The query string of a feed is not valid; the message is for the reader."""


@dataclass
class FeedSource:
    title: str
    description: str
    link: str
    querysets: list = field(default_factory=list)
    pages: list | None = None  # already chosen pages (search)

    def items(self):
        if self.pages is not None:
            return self.pages[:FEED_SIZE]
        per_type = [list(qs[:FEED_SIZE]) for qs in self.querysets]
        merged = heapq.merge(
            *per_type, key=lambda page: (page.first_published_at, page.pk), reverse=True
        )
        return [page for _i, page in zip(range(FEED_SIZE), merged, strict=False)]


class PracticeFeed(Feed):
    """RSS 2.0; ``AtomFeed`` below is the same with another envelope."""

    feed_type = Rss201rev2Feed
    language = "fr"

    def __call__(self, request, *args, **kwargs):
        try:
            return super().__call__(request, *args, **kwargs)
        except BadFeedRequest as exc:
            return HttpResponse(f"{exc}\n", status=400, content_type="text/plain; charset=utf-8")

    def source(self, request, **kwargs):
        raise NotImplementedError

    def get_object(self, request, *args, **kwargs):
        return self.source(request, **kwargs)

    def title(self, source):
        return source.title

    def description(self, source):
        return source.description

    def subtitle(self, source):
        return source.description

    def link(self, source):
        return source.link

    def items(self, source):
        return source.items()

    def item_title(self, page):
        return page.title

    def item_description(self, page):
        return page.summary

    def item_link(self, page):
        return page.url or "/"

    def item_guid(self, page):
        return None  # the link

    def item_pubdate(self, page):
        return page.first_published_at

    def item_updateddate(self, page):
        return page.last_published_at

    def item_categories(self, page):
        return [t.name for t in page.themes.all()] + [t.name for t in page.tags.all()]


def _everything():
    return [model.listing_queryset() for model in practice_page_models()]


class AllFeed(PracticeFeed):
    def source(self, request, **kwargs):
        return FeedSource(
            title=_("Praxis — everything new"),
            description=_("The latest pages published on Praxis, all types together."),
            link="/",
            querysets=_everything(),
        )


def model_for_feed(model_name):
    for model in practice_page_models():
        if model._meta.model_name == model_name:
            return model
    raise Http404(_("This page type does not exist."))


class TypeFeed(PracticeFeed):
    """One type, filtered like its listing (the query string of the listing is kept)."""

    def source(self, request, model_name=None, **kwargs):
        model = model_for_feed(model_name)
        pages = model.listing_queryset()
        form = ListingFilterForm(model, request.GET or None)
        if form.is_bound:
            if not form.is_valid():
                errors = " ".join(str(e) for errs in form.errors.values() for e in errs)
                raise BadFeedRequest(_("Feed unavailable: a filter is not valid.") + " " + errors)
            pages = form.filter(pages)
        label = str(model._meta.verbose_name_plural)
        return FeedSource(
            title=_("Praxis — %(type)s") % {"type": label},
            description=_("The latest %(type)s published on Praxis.") % {"type": label},
            link=_index_url(model),
            querysets=[pages],
        )


def _index_url(model):
    from practices.models import PracticeIndexPage

    for index_model in _subclasses(PracticeIndexPage):
        if not index_model._meta.abstract and index_model.listing_model is model:
            index = index_model.objects.live().public().first()
            if index is not None:
                return index.url or "/"
    return "/"


def _subclasses(cls):
    for sub in cls.__subclasses__():
        yield sub
        yield from _subclasses(sub)


class ThemeFeed(PracticeFeed):
    def source(self, request, slug=None, **kwargs):
        theme = get_object_or_404(Theme, slug=slug)
        return FeedSource(
            title=_("Praxis — theme: %(name)s") % {"name": theme.name},
            description=_("The latest pages published on the theme “%(name)s”.")
            % {"name": theme.name},
            link=theme.get_absolute_url(),
            querysets=[qs.filter(themes=theme).distinct() for qs in _everything()],
        )


class TagFeed(PracticeFeed):
    def source(self, request, slug=None, **kwargs):
        tag = get_object_or_404(Tag, slug=slug)
        return FeedSource(
            title=_("Praxis — tag: %(name)s") % {"name": tag.name},
            description=_("The latest pages published with the tag “%(name)s”.")
            % {"name": tag.name},
            link=reverse("practices:tag", kwargs={"slug": tag.slug}),
            querysets=[qs.filter(tags=tag).distinct() for qs in _everything()],
        )


class SearchUnavailableFeed(Exception):
    pass


class SearchFeed(PracticeFeed):
    """Any search of the search page (its query string), newest first."""

    def __call__(self, request, *args, **kwargs):
        try:
            return super().__call__(request, *args, **kwargs)
        except SearchUnavailableFeed:
            return HttpResponse(
                _("Search is temporarily unavailable: try again later.") + "\n",
                status=503,
                content_type="text/plain; charset=utf-8",
            )

    def source(self, request, **kwargs):
        from practices.exports import (
            BadSearch,
            SearchUnavailable,
            pages_in_order,
            search_result_ids,
        )

        try:
            ids = search_result_ids(request.GET, limit=SEARCH_FEED_DEPTH, sort="date")
        except BadSearch as exc:
            raise BadFeedRequest(_("Feed unavailable: %(reason)s") % {"reason": exc}) from exc
        except SearchUnavailable as exc:
            raise SearchUnavailableFeed from exc
        pages = sorted(
            pages_in_order(ids),
            key=lambda page: (page.first_published_at, page.pk),
            reverse=True,
        )
        text = request.GET.get("q", "")
        params = request.GET.copy()
        params.pop("page", None)
        return FeedSource(
            title=_("Praxis — search “%(text)s”") % {"text": text},
            description=_("The latest published pages answering the search “%(text)s”.")
            % {"text": text},
            link=reverse("search:search") + "?" + params.urlencode(),
            pages=pages,
        )


def _atom(feed_class):
    return type(f"Atom{feed_class.__name__}", (feed_class,), {"feed_type": Atom1Feed})


AtomAllFeed = _atom(AllFeed)
AtomTypeFeed = _atom(TypeFeed)
AtomThemeFeed = _atom(ThemeFeed)
AtomTagFeed = _atom(TagFeed)
AtomSearchFeed = _atom(SearchFeed)


def feed_urls():
    """(route, view, name) of every feed, for practices/urls.py."""
    return [
        ("flux/rss/", AllFeed(), "feed_all_rss"),
        ("flux/atom/", AtomAllFeed(), "feed_all_atom"),
        ("flux/themes/<slug:slug>/rss/", ThemeFeed(), "feed_theme_rss"),
        ("flux/themes/<slug:slug>/atom/", AtomThemeFeed(), "feed_theme_atom"),
        ("flux/etiquettes/<str:slug>/rss/", TagFeed(), "feed_tag_rss"),
        ("flux/etiquettes/<str:slug>/atom/", AtomTagFeed(), "feed_tag_atom"),
        ("flux/recherche/rss/", SearchFeed(), "feed_search_rss"),
        ("flux/recherche/atom/", AtomSearchFeed(), "feed_search_atom"),
        ("flux/<str:model_name>/rss/", TypeFeed(), "feed_type_rss"),
        ("flux/<str:model_name>/atom/", AtomTypeFeed(), "feed_type_atom"),
    ]
