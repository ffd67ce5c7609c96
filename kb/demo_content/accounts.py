"""Demo accounts, one per role, created by ``load_demo_content`` only when DEBUG is on."""

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from kb.accounts.models import Profile
from kb.accounts.roles import CONTRIBUTORS, MEMBERS, MODERATORS

DEMO_PASSWORD = "praxis-demo-2014"  # noqa: S105 — development accounts only, never with DEBUG off

DEMO_ACCOUNTS = [
    # (username, e-mail, first name, last name, groups: none for the administrator)
    ("admin", "admin@praxis.example", "Admin", "Praxis", ()),
    ("moderatrice", "moderatrice@praxis.example", "Maud", "Modératrice", (MEMBERS, MODERATORS)),
    (
        "contributeur",
        "contributeur@praxis.example",
        "Camille",
        "Contributeur",
        (MEMBERS, CONTRIBUTORS),
    ),
    ("membre", "membre@praxis.example", "Morgane", "Membre", (MEMBERS,)),
]
# Their professional profile, approved, as a moderator would have approved a real registration.
DEMO_PROFILE = {
    "organisation": "Ville de Lille",
    "job_title": "Chargée de mission participation",
    "authority_type": "commune",
    "motivation": "Compte de démonstration.",
    "status": Profile.Status.APPROVED,
}


def ensure_demo_accounts():
    """Create (or leave as they are) the demo accounts; returns (user, role label) pairs."""
    User = get_user_model()
    accounts = []
    for username, email, first_name, last_name, group_names in DEMO_ACCOUNTS:
        user, created = User.objects.get_or_create(
            username=username,
            defaults={"email": email, "first_name": first_name, "last_name": last_name},
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.is_staff = user.is_superuser = not group_names
            user.save()
        if group_names:
            user.groups.add(*Group.objects.filter(name__in=group_names))
            Profile.objects.get_or_create(user=user, defaults=DEMO_PROFILE)
        EmailAddress.objects.update_or_create(
            user=user, email=email, defaults={"verified": True, "primary": True}
        )
        accounts.append((user, group_names[-1] if group_names else "Administrateur"))
    return accounts
