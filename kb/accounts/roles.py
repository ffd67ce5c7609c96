"""The names of Praxis's groups (created by practices/migrations/0002) and who belongs where."""

from django.utils.translation import gettext as _

MEMBERS = "Membres"
CONTRIBUTORS = "Contributeurs"
MODERATORS = "Modérateurs"
APPROVED_GROUPS = (MEMBERS, CONTRIBUTORS, MODERATORS)
# The groups the registration desk gives (approval, then the contributor role) and takes back on
# refusal. The others (Modérateurs, any group an administrator added) are never its business.
REGISTRATION_GROUPS = (MEMBERS, CONTRIBUTORS)


def _group_names(user):
    if not (user and user.is_authenticated and user.is_active):
        return frozenset()
    cached = getattr(user, "_praxis_group_names", None)
    if cached is None:
        cached = frozenset(user.groups.values_list("name", flat=True))
        user._praxis_group_names = cached
    return cached


def forget_groups(user):
    """Drop the per-request cache after a group change."""
    if hasattr(user, "_praxis_group_names"):
        del user._praxis_group_names


def is_approved_member(user):
    if not (user and user.is_authenticated and user.is_active):
        return False
    return user.is_superuser or bool(_group_names(user) & set(APPROVED_GROUPS))


def is_contributor(user):
    if not (user and user.is_authenticated and user.is_active):
        return False
    return user.is_superuser or bool(_group_names(user) & {CONTRIBUTORS, MODERATORS})


def is_moderator(user):
    if not (user and user.is_authenticated and user.is_active):
        return False
    return user.is_superuser or MODERATORS in _group_names(user)


def rights_beyond_registration(user):
    """What refusing the registration of ``user`` must not take away: the names of their groups
    that the registration desk did not give, sorted, after "administrator" for a superuser.

    Read from the database (not the per-request cache), whether the account is active or not."""
    names = sorted(user.groups.exclude(name__in=REGISTRATION_GROUPS).values_list("name", flat=True))
    return [_("administrator"), *names] if user.is_superuser else names
