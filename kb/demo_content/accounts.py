"""Demo accounts, one per role, created by ``load_demo_content`` only when DEBUG is on."""

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

DEMO_PASSWORD = "praxis-demo-2014"  # noqa: S105 — development accounts only, never with DEBUG off

DEMO_ACCOUNTS = [
    # (username, e-mail, first name, last name, group or None for the administrator)
    ("admin", "admin@praxis.example", "Admin", "Praxis", None),
    ("moderatrice", "moderatrice@praxis.example", "Maud", "Modératrice", "Modérateurs"),
    ("contributeur", "contributeur@praxis.example", "Camille", "Contributeur", "Contributeurs"),
    ("membre", "membre@praxis.example", "Morgane", "Membre", "Membres"),
]


def ensure_demo_accounts():
    """Create (or leave as they are) the demo accounts; returns (user, role label) pairs."""
    User = get_user_model()
    accounts = []
    for username, email, first_name, last_name, group_name in DEMO_ACCOUNTS:
        user, created = User.objects.get_or_create(
            username=username,
            defaults={"email": email, "first_name": first_name, "last_name": last_name},
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.is_staff = user.is_superuser = group_name is None
            user.save()
        if group_name:
            user.groups.add(Group.objects.get(name=group_name))
        EmailAddress.objects.update_or_create(
            user=user, email=email, defaults={"verified": True, "primary": True}
        )
        accounts.append((user, group_name or "Administrateur"))
    return accounts
