from wagtail.models import Site


def site_navigation(request):
    """The home page's live sections, for the header menu (one query per request)."""
    site = Site.find_for_request(request) if request else None
    if site is None:
        return {"navigation_sections": []}
    root = site.root_page
    return {
        "navigation_sections": root.get_children()
        .live()
        .public()
        .in_menu()
        .only("title", "url_path", "path", "depth"),
        "site_root": root,
    }
