"""Cross-type listings: everything carrying a theme, or a tag."""

from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render
from taggit.models import Tag

from practices.models import Theme, practice_page_models
from practices.models.base import LISTING_PAGE_SIZE


def _pages_across_types(**lookup):
    """Live public pages of every practice type matching ``lookup``, newest first.

    One query per type (plus its prefetches), whatever the number of pages.
    """
    pages = []
    for model in practice_page_models():
        pages.extend(model.listing_queryset().filter(**lookup).distinct())
    pages.sort(key=lambda page: (page.first_published_at, page.pk), reverse=True)
    return pages


def _paginate(request, pages):
    return Paginator(pages, LISTING_PAGE_SIZE).get_page(request.GET.get("page"))


def theme_detail(request, slug):
    theme = get_object_or_404(Theme.objects.select_related("parent"), slug=slug)
    page_obj = _paginate(request, _pages_across_types(themes=theme))
    return render(
        request,
        "practices/theme_detail.html",
        {
            "theme": theme,
            "subthemes": theme.children.all(),
            "page_obj": page_obj,
            "pages": page_obj.object_list,
        },
    )


def theme_list(request):
    themes = Theme.objects.with_page_counts().select_related("parent")
    return render(request, "practices/theme_list.html", {"themes": themes})


def tag_detail(request, slug):
    tag = get_object_or_404(Tag, slug=slug)
    page_obj = _paginate(request, _pages_across_types(tags=tag))
    return render(
        request,
        "practices/tag_detail.html",
        {"tag": tag, "page_obj": page_obj, "pages": page_obj.object_list},
    )
