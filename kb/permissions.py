"""Who may see what, in one place."""

from kb.accounts.roles import is_approved_member, is_moderator


def can_see_contact_details(user):
    """Resource persons' contact details are for approved members only.

    Approved members are in one of the groups "Membres", "Contributeurs", "Modérateurs" (or are
    superusers); a signed-in person whose registration is pending or refused is not one of them.
    """
    return is_approved_member(user)


def can_download_document(request, document):
    """A document is as open as the most open live page that uses it (Wagtail's reference index:
    document choosers, foreign keys, links in rich text).

    A document attached only to members-only pages is for the members those pages admit. A
    document that no live page uses is left to Wagtail's collection restrictions: contributions'
    attachments wait in a moderators-only collection until publication, and go to another one
    when no published page uses them any more.
    """
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Page, ReferenceIndex

    page_ids = (
        ReferenceIndex.get_references_to(document)
        .filter(base_content_type=ContentType.objects.get_for_model(Page))
        .values_list("object_id", flat=True)
    )
    pages = list(Page.objects.live().filter(pk__in=[int(i) for i in page_ids if i.isdigit()]))
    if not pages:
        return True
    return any(
        all(restriction.accept_request(request) for restriction in page.get_view_restrictions())
        for page in pages
    )


def pages_listed_in_admin(pages, user):
    """The pages of ``pages`` a person sees listed in the Wagtail admin.

    A draft is its author's and the moderators' business: a contributor browsing a section sees
    the published pages and their own, not the titles of other people's drafts. Wagtail's page
    permission policy lists these pages wherever it explores (explorer, page search, site history,
    admin API: ``ListedPagesPolicy`` in kb/moderation/wagtail_hooks.py); the page chooser, the
    page types usage report, bulk actions and move confirmations apply the rule themselves."""
    if is_moderator(user):
        return pages
    from django.db.models import Q
    from wagtail.models import Page

    # By primary key, as Wagtail filters its own listings: searches accept it on every engine.
    listed = Page.objects.filter(Q(live=True) | Q(owner=user)).values_list("pk", flat=True)
    return pages.filter(pk__in=listed)
