"""Cross-type listings: everything carrying a theme, or a tag."""

from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render
from taggit.models import Tag

from practices.models import Theme, practice_page_models
from practices.models.base import LISTING_PAGE_SIZE


def _paginated_across_types(request, **lookup):
    """The requested page of the live public pages of every practice type matching ``lookup``,
    newest first.

    Only the date and id of every matching page are read; the pages shown (and what their cards
    show) are fetched for the requested page alone, in a fixed number of queries per type.
    """
    models = practice_page_models()
    order = []
    for model in models:
        matching = model.listing_queryset().prefetch_related(None).filter(**lookup).distinct()
        order.extend(
            (published, pk, model)
            for published, pk in matching.values_list("first_published_at", "pk")
        )
    order.sort(key=lambda entry: (entry[0], entry[1]), reverse=True)
    page_obj = Paginator(order, LISTING_PAGE_SIZE).get_page(request.GET.get("page"))
    shown = {}
    for model in models:
        ids = [pk for _published, pk, entry_model in page_obj.object_list if entry_model is model]
        if ids:
            shown.update((page.pk, page) for page in model.listing_queryset().filter(pk__in=ids))
    page_obj.object_list = [shown[pk] for _published, pk, _model in page_obj.object_list]
    return page_obj


def theme_detail(request, slug):
    theme = get_object_or_404(Theme.objects.select_related("parent"), slug=slug)
    page_obj = _paginated_across_types(request, themes=theme)
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
    page_obj = _paginated_across_types(request, tags=tag)
    return render(
        request,
        "practices/tag_detail.html",
        {"tag": tag, "page_obj": page_obj, "pages": page_obj.object_list},
    )
