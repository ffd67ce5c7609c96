"""Who may see what, in one place."""

from kb.accounts.roles import is_approved_member


def can_see_contact_details(user):
    """Resource persons' contact details are for approved members only.

    Approved members are in one of the groups "Membres", "Contributeurs", "Modérateurs" (or are
    superusers); a signed-in person whose registration is pending or refused is not one of them.
    """
    return is_approved_member(user)
