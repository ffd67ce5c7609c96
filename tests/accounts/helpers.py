"""Helpers shared by tests/accounts and tests/moderation."""

import re

from django.contrib.auth.models import Group
from django.core import mail

from kb.accounts.models import Profile

PASSWORD = "motdepasse-test"


def approved_user(django_user_model, username, *groups, superuser=False):
    """An active user with a confirmed e-mail, an approved profile and the given groups."""
    from allauth.account.models import EmailAddress

    user = django_user_model.objects.create_user(
        username=username,
        email=f"{username}@example.org",
        password=PASSWORD,
        first_name=username.capitalize(),
        last_name="Test",
        is_superuser=superuser,
    )
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    Profile.objects.create(
        user=user,
        organisation="Ville de Lille",
        job_title="Chargée de participation",
        authority_type="commune",
        motivation="Partager nos pratiques.",
        status=Profile.Status.APPROVED if groups or superuser else Profile.Status.PENDING,
    )
    for name in groups:
        user.groups.add(Group.objects.get(name=name))
    return user


def last_link(path_prefix, outbox=None):
    """The last link starting with ``path_prefix`` in the sent e-mails (as a path)."""
    outbox = mail.outbox if outbox is None else outbox
    for message in reversed(outbox):
        found = re.findall(
            r"https?://[^/\s]+(" + re.escape(path_prefix) + r"[^\s>\"]*)", message.body
        )
        if found:
            return found[-1]
    raise AssertionError(f"no link to {path_prefix} in {len(outbox)} e-mails")


def mails_to(address):
    return [message for message in mail.outbox if address in message.to]


def text(response):
    """The response's HTML with entities decoded (what a reader sees, markup included)."""
    import html

    return html.unescape(response.content.decode())
