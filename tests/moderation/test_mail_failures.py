"""A mail server that fails never undoes a report nor a moderator's decision: the report or the
decision is recorded, the member in front of the page is warned, and "praxis.mail" logs it."""

import logging
import smtplib

import pytest
from django.core.mail.backends.base import BaseEmailBackend
from django.test import Client

from kb.moderation.models import Report
from practices.models import ExperienceIndexPage, ExperiencePage
from tests.accounts.helpers import approved_user, text

from .helpers import experience, sections
from .test_contribution_path import experience_data, workflow_action

pytestmark = pytest.mark.django_db


class FailingBackend(BaseEmailBackend):
    """A mail server that hangs up on every message."""

    def send_messages(self, email_messages):
        raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")


class FailingToOpenBackend(BaseEmailBackend):
    """A mail server that refuses the login (fails as the connection opens)."""

    def open(self):
        raise smtplib.SMTPAuthenticationError(535, b"Authentication failed")

    def send_messages(self, email_messages):
        self.open()


@pytest.fixture
def failing_mail(settings, caplog):
    settings.EMAIL_BACKEND = f"{__name__}.FailingBackend"
    caplog.set_level(logging.ERROR, logger="praxis.mail")
    return caplog


def mail_failures(caplog):
    return [r.getMessage() for r in caplog.records if r.name == "praxis.mail"]


@pytest.fixture
def page(db):
    return experience(sections()[ExperienceIndexPage], title="Conseils de quartier de Lille")


@pytest.fixture
def moderator(django_user_model):
    return approved_user(django_user_model, "moderatrice", "Membres", "Modérateurs")


def test_a_report_is_recorded_and_the_member_warned_when_the_moderators_email_fails(
    page, moderator, failing_mail, client, django_user_model
):
    client.force_login(approved_user(django_user_model, "membre", "Membres"))

    response = client.post(f"/signaler/{page.pk}/", {"reason": "Chiffres faux."}, follow=True)

    assert response.status_code == 200
    assert Report.objects.get().reason == "Chiffres faux."
    html = text(response)
    assert (
        "Merci : votre signalement est enregistré, mais le courriel aux modérateurs n'a pas pu "
        "être envoyé."
    ) in html
    assert "a été transmis aux modérateurs" not in html
    [logged] = mail_failures(failing_mail)
    assert "moderatrice@example.org" in logged


def test_a_report_is_handled_when_the_email_to_the_member_fails(
    page, moderator, failing_mail, django_user_model, django_capture_on_commit_callbacks
):
    member = approved_user(django_user_model, "membre", "Membres")
    report = Report.objects.create(page=page, reporter=member, reason="Chiffres faux.")
    desk = Client()
    desk.force_login(moderator)

    with django_capture_on_commit_callbacks(execute=True):
        response = desk.post(
            f"/admin/snippets/moderation/report/edit/{report.pk}/",
            {"status": "closed", "moderator_note": "Corrigé."},
        )

    assert response.status_code == 302
    assert Report.objects.get().status == Report.Status.CLOSED
    [logged] = mail_failures(failing_mail)
    assert "membre@example.org" in logged


def test_an_approval_stands_when_the_mail_server_fails_as_it_opens(
    settings, caplog, contributor, moderator_client
):
    sections()
    author = Client()
    author.force_login(contributor)
    author.post("/contribuer/experience/nouvelle/", experience_data())
    proposed = ExperiencePage.objects.get(title="Budget participatif des jeunes")
    settings.EMAIL_BACKEND = f"{__name__}.FailingToOpenBackend"
    caplog.set_level(logging.ERROR, logger="praxis.mail")

    response = workflow_action(moderator_client, proposed, "approve", "Merci.")

    assert response.status_code in (200, 302)
    assert ExperiencePage.objects.get(pk=proposed.pk).live
    [logged] = mail_failures(caplog)
    assert "contributrice@example.org" in logged


def test_a_sheet_is_proposed_when_the_mail_server_fails_as_it_opens(
    settings, caplog, contributor, moderator_client
):
    """The moderators' e-mail about a proposed sheet cannot be sent: the sheet still waits for
    review, the contributor reaches "Mes contributions", and the failure is logged."""
    sections()
    settings.EMAIL_BACKEND = f"{__name__}.FailingToOpenBackend"
    caplog.set_level(logging.ERROR, logger="praxis.mail")
    author = Client()
    author.force_login(contributor)

    response = author.post("/contribuer/experience/nouvelle/", experience_data())

    assert response.status_code == 302
    proposed = ExperiencePage.objects.get(title="Budget participatif des jeunes")
    assert proposed.workflow_in_progress
    assert "Budget participatif des jeunes" in text(author.get(response["Location"]))
    [logged] = mail_failures(caplog)
    assert "Budget participatif des jeunes" in logged
