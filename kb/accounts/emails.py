"""E-mails of the account life cycle (plain text, French)."""

from django.contrib.auth import get_user_model
from django.template.loader import render_to_string
from django.urls import reverse

from kb.mail import send_or_log
from kb.public_address import absolute_url

from .roles import MODERATORS


def send_templated(template, recipients, context):
    """False when the mail server failed (logged by "praxis.mail"); True once sent, or when there
    was no one to write to."""
    recipients = [address for address in recipients if address]
    if not recipients:
        return True
    subject = render_to_string(f"accounts/email/{template}_subject.txt", context)
    body = render_to_string(f"accounts/email/{template}.txt", context)
    return send_or_log("[Praxis] " + " ".join(subject.split()), body, recipients)


def moderator_addresses():
    users = get_user_model().objects.filter(is_active=True).exclude(email="")
    moderators = users.filter(groups__name=MODERATORS) | users.filter(is_superuser=True)
    return sorted(set(moderators.values_list("email", flat=True)))


def notify_moderators_of_signup(profile):
    url = absolute_url(reverse("accounts_admin:decide", args=[profile.pk]))
    return send_templated(
        "signup_to_moderate", moderator_addresses(), {"profile": profile, "url": url}
    )


def notify_decision(profile):
    template = "approved" if profile.status == profile.Status.APPROVED else "refused"
    return send_templated(
        template,
        [profile.user.email],
        {"profile": profile, "user": profile.user, "site_url": absolute_url("/")},
    )


def notify_promotion(user):
    return send_templated(
        "promoted",
        [user.email],
        {"user": user, "url": absolute_url(reverse("contribute:mine"))},
    )
