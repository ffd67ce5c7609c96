"""RSS 2.0 and Atom feeds: everything, one type (with the listing's filters), a theme, a tag, a search.

Every feed lists live public pages only, newest first (by first publication), at most
``FEED_SIZE`` items; an unknown filter value answers 400 with a French message. Every link is on
the public address (``PRAXIS_BASE_URL``), whatever host the request came through, and each item
has a permanent identifier that survives a change of its address.
"""

import heapq
import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from django.contrib.syndication.views import Feed
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.html import escape
from django.utils.translation import gettext as _
from taggit.models import Tag
from wagtail.models import Page

from kb.public_address import absolute_url, base_url
from practices.exports import tag_names
from practices.listing import ListingFilterForm, index_url
from practices.models import Theme, practice_page_models

FEED_SIZE = 30
SEARCH_FEED_DEPTH = 200  # search hits read (sorted by date) to find the newest publications
# Characters XML 1.0 cannot carry (a vertical tab pasted from a word processor, say).
XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_safe(value):
    """``value`` (a string, or a list of them) without the characters XML 1.0 cannot carry."""
    if isinstance(value, str):
        return XML_FORBIDDEN.sub("", value)
    if isinstance(value, (list, tuple)):
        return [xml_safe(item) for item in value]
    return value


class BadFeedRequest(Exception):
    """The query string of a feed is not valid; the message is for the reader."""


@dataclass
class FeedSource:
    title: str
    description: str
    link: str
    querysets: list = field(default_factory=list)
    pages: list | None = None  # already chosen pages (search)
    feed_url: str = ""  # set from the request: the feed's own address, filters included

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
        source = self.source(request, **kwargs)
        source.feed_url = absolute_url(request.get_full_path())
        return source

    def get_feed(self, obj, request):
        """The feed, without the control characters that would make its XML unwritable."""
        feed = super().get_feed(obj, request)
        feed.feed = {key: xml_safe(value) for key, value in feed.feed.items()}
        feed.items = [{key: xml_safe(value) for key, value in item.items()} for item in feed.items]
        return feed

    def title(self, source):
        return source.title

    def description(self, source):
        return source.description

    def subtitle(self, source):
        return source.description

    def link(self, source):
        return absolute_url(source.link)

    def feed_url(self, source):
        """The feed's own address, with its filters: a reader following it gets the same feed."""
        return source.feed_url

    def feed_guid(self, source):
        """The Atom feed's id: its own address, so that two filters make two feeds."""
        return source.feed_url

    def items(self, source):
        return source.items()

    def item_title(self, page):
        return page.title

    def item_description(self, page):
        # Feed readers read a description as HTML; the summary is plain text.
        return escape(page.summary)

    def item_link(self, page):
        return page.get_full_url() or absolute_url("/")

    item_guid_is_permalink = False

    def item_guid(self, page):
        """A tag URI (RFC 4151) naming the page itself, not its address: a page that is renamed
        or moved is not announced again."""
        host = urlsplit(base_url()).hostname
        published = page.first_published_at.date().isoformat()
        return f"tag:{host},{published}:page:{page.pk}"

    def item_pubdate(self, page):
        return page.first_published_at

    def item_updateddate(self, page):
        return page.last_published_at

    def item_categories(self, page):
        return [t.name for t in page.themes.all()] + tag_names(page)


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
            link=index_url(model) or "/",
            querysets=[pages],
        )


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
        # Only the newest FEED_SIZE of the hits are read in full (with what an item shows).
        newest = (
            Page.objects.live()
            .public()
            .filter(pk__in=ids)
            .order_by("-first_published_at", "-pk")
            .values_list("pk", flat=True)[:FEED_SIZE]
        )
        pages = list(pages_in_order(list(newest)))
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
