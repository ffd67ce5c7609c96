"""Who may see what, in one place."""


def can_see_contact_details(user):
    """Resource persons' contact details are for signed-in members of the community only."""
    return bool(user and user.is_authenticated and user.is_active)
