"""A mail server that fails never undoes nor hides a decision of the registration desk: the
decision stands, the moderator is warned that the person was not told, and "praxis.mail" logs
it."""

import logging
import smtplib

import pytest
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.test import Client

from kb.accounts.models import Profile

from .helpers import approved_user, text

pytestmark = pytest.mark.django_db

FAILING_BACKEND = f"{__name__}.FailingBackend"


class FailingBackend(BaseEmailBackend):
    """A mail server that hangs up on every message."""

    def send_messages(self, email_messages):
        raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")


@pytest.fixture
def desk(django_user_model):
    client = Client()
    client.force_login(approved_user(django_user_model, "moderatrice", "Membres", "Modérateurs"))
    return client


@pytest.fixture
def failing_mail(settings, caplog):
    settings.EMAIL_BACKEND = FAILING_BACKEND
    caplog.set_level(logging.ERROR, logger="praxis.mail")
    return caplog


def mail_failures(caplog):
    return [r.getMessage() for r in caplog.records if r.name == "praxis.mail"]


@pytest.mark.parametrize(
    ("decision", "status", "said"),
    [
        ("approve", Profile.Status.APPROVED, "L'inscription de Nouvelle Test est validée."),
        ("refuse", Profile.Status.REFUSED, "L'inscription de Nouvelle Test est refusée."),
    ],
)
def test_a_decision_stands_and_the_moderator_is_warned_when_its_email_fails(
    decision, status, said, desk, failing_mail, django_user_model
):
    person = approved_user(django_user_model, "nouvelle")
    profile = Profile.objects.get(user=person)

    response = desk.post(
        f"/admin/inscriptions/{profile.pk}/",
        {"decision": decision, "message": "Bienvenue.", "seen_status": "pending"},
    )

    assert response.status_code == 302
    profile.refresh_from_db()
    assert profile.status == status and profile.decision_message == "Bienvenue."
    html = text(desk.get(response.url))
    assert said in html
    assert (
        "La décision est enregistrée, mais le courriel à nouvelle@example.org n'a pas pu être "
        "envoyé : prévenez la personne autrement."
    ) in html
    [logged] = mail_failures(failing_mail)
    assert "nouvelle@example.org" in logged and "[Praxis]" in logged


def test_a_promotion_stands_and_the_moderator_is_warned_when_its_email_fails(
    desk, failing_mail, django_user_model
):
    member = approved_user(django_user_model, "membre", "Membres")

    response = desk.post(f"/admin/inscriptions/membre/{member.pk}/contributeur/", follow=True)

    assert response.status_code == 200
    assert set(member.groups.values_list("name", flat=True)) == {"Membres", "Contributeurs"}
    html = text(response)
    assert "Membre Test peut désormais contribuer." in html
    assert "le courriel à membre@example.org n'a pas pu être envoyé" in html
    [logged] = mail_failures(failing_mail)
    assert "membre@example.org" in logged


def test_confirming_an_address_works_when_the_email_to_the_moderators_fails(
    client, failing_mail, django_user_model
):
    from allauth.account.models import EmailAddress, EmailConfirmationHMAC

    approved_user(django_user_model, "moderatrice", "Membres", "Modérateurs")
    person = approved_user(django_user_model, "nouvelle")
    address = EmailAddress.objects.get(user=person)
    address.verified = False
    address.save()

    key = EmailConfirmationHMAC(address).key
    response = client.post(f"/comptes/confirm-email/{key}/")

    assert response.status_code == 302
    assert EmailAddress.objects.get(user=person).verified
    [logged] = mail_failures(failing_mail)
    assert "moderatrice@example.org" in logged
    assert mail.outbox == []
