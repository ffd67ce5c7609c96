"""Members-only pages: a Wagtail view restriction to the three groups of approved members."""

from django.contrib.auth.models import Group
from wagtail.models import PageViewRestriction

from kb.accounts.roles import APPROVED_GROUPS


def make_members_only(page):
    """Restrict ``page`` (and its subpages) to approved members; idempotent."""
    restriction, _created = PageViewRestriction.objects.get_or_create(
        page=page, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.set(Group.objects.filter(name__in=APPROVED_GROUPS))
    return restriction
