"""Reports: the member is told when theirs is handled, and a report sent twice is one report."""

from html import unescape

import pytest
from django.core import mail

from kb.moderation.models import Report
from practices.models import ExperienceIndexPage
from tests.accounts.helpers import approved_user, mails_to, text

from .helpers import experience, sections

pytestmark = pytest.mark.django_db

PUBLIC = "https://praxis.example.org"


@pytest.fixture
def page(db, settings):
    settings.WAGTAILADMIN_BASE_URL = PUBLIC
    return experience(sections()[ExperienceIndexPage], title="Conseils de quartier de Lille")


@pytest.fixture
def member(client, django_user_model):
    client.force_login(approved_user(django_user_model, "membre", "Membres"))
    return client


@pytest.fixture
def moderator(django_user_model):
    return approved_user(django_user_model, "moderatrice", "Membres", "Modérateurs")


def test_the_member_is_told_when_a_moderator_handles_their_report(
    page, member, moderator, client, django_capture_on_commit_callbacks
):
    from django.test import Client

    member.post(f"/signaler/{page.pk}/", {"reason": "Chiffres faux."})
    report = Report.objects.get()
    desk = Client()
    desk.force_login(moderator)
    mail.outbox.clear()

    edit_url = f"/admin/snippets/moderation/report/edit/{report.pk}/"
    with django_capture_on_commit_callbacks(execute=True):
        desk.post(edit_url, {"status": "open", "moderator_note": "Je regarde."})
    assert mail.outbox == []  # still open: nothing to tell
    with django_capture_on_commit_callbacks(execute=True):
        desk.post(edit_url, {"status": "closed", "moderator_note": "Chiffres corrigés."})

    [sent] = mail.outbox
    assert sent.to == ["membre@example.org"]
    assert sent.subject == (
        "[Praxis] Votre signalement sur « Conseils de quartier de Lille » a été traité"
    )
    assert "Chiffres faux." in sent.body
    assert f"{PUBLIC}/experiences/conseils-de-quartier-de-lille/" in sent.body
    assert "Chiffres corrigés." not in sent.body  # the moderator's note stays internal

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        desk.post(edit_url, {"status": "closed", "moderator_note": "Relu."})
    assert mail.outbox == []  # told once


def test_the_same_report_sent_twice_is_one_report_and_one_email(page, member, moderator):
    member.post(f"/signaler/{page.pk}/", {"reason": "Chiffres faux."})
    mail.outbox.clear()

    response = member.post(f"/signaler/{page.pk}/", {"reason": "Chiffres faux."}, follow=True)

    assert Report.objects.count() == 1
    assert mails_to(moderator.email) == []
    assert "Vous avez déjà signalé cette page : les modérateurs s'en occupent." in text(response)


def test_a_new_text_on_an_open_report_is_added_to_it_dated(page, member, moderator):
    member.post(f"/signaler/{page.pk}/", {"reason": "Chiffres faux."})
    mail.outbox.clear()

    response = member.post(
        f"/signaler/{page.pk}/", {"reason": "Le lien vers le bilan est mort aussi."}, follow=True
    )

    report = Report.objects.get()
    assert report.reason.startswith("Chiffres faux.\n\nAjouté le ")
    assert report.reason.endswith(" : Le lien vers le bilan est mort aussi.")
    assert "ce que vous avez écrit a été ajouté à votre signalement" in text(response)
    assert mails_to(moderator.email) == []  # one report, one e-mail

    # Once handled, the member can report the page again.
    Report.objects.update(status=Report.Status.CLOSED)
    member.post(f"/signaler/{page.pk}/", {"reason": "Lien mort."})
    assert Report.objects.filter(status=Report.Status.OPEN).count() == 1
    assert mails_to(moderator.email)


def test_the_moderator_handling_a_report_reads_it_and_the_page_it_is_about(page, member, moderator):
    from django.test import Client

    member.post(f"/signaler/{page.pk}/", {"reason": "Chiffres faux pour 2013."})
    member.post(f"/signaler/{page.pk}/", {"reason": "Et le <lien> est mort."})
    report = Report.objects.get()
    desk = Client()
    desk.force_login(moderator)

    response = desk.get(f"/admin/snippets/moderation/report/edit/{report.pk}/")

    html = response.content.decode()
    # What the member added later is a paragraph of its own, escaped.
    assert "<p>Chiffres faux pour 2013.</p>" in html
    assert "est mort.</p>" in html and "&lt;lien&gt;" in html
    html = unescape(html)
    assert "Conseils de quartier de Lille" in html
    assert 'href="/experiences/conseils-de-quartier-de-lille/"' in html
    assert f'href="/admin/pages/{page.pk}/edit/"' in html
    assert "membre@example.org" in html  # to write to them
    assert "le membre qui l'a envoyé en est informé par courriel" in html
    assert "Réservée aux modérateurs" in html

    # The report's own text is read, not edited: only the status and the note are saved.
    desk.post(
        f"/admin/snippets/moderation/report/edit/{report.pk}/",
        {"status": "open", "moderator_note": "Je regarde.", "reason": "Autre chose."},
    )
    report.refresh_from_db()
    assert report.reason.startswith("Chiffres faux pour 2013.\n\nAjouté le ")
    assert "Autre chose." not in report.reason
    assert report.moderator_note == "Je regarde."


def test_the_reports_listing_shortens_long_reasons(page, member, moderator):
    from django.test import Client

    reason = "Les chiffres du budget sont faux. " * 40
    member.post(f"/signaler/{page.pk}/", {"reason": reason})
    report = Report.objects.get()
    desk = Client()
    desk.force_login(moderator)

    listing = unescape(desk.get("/admin/snippets/moderation/report/").content.decode())

    assert "Raison" in listing and "Signalé par" in listing  # headed like the other columns
    assert "Les chiffres du budget sont faux." in listing
    assert reason.strip() not in listing
    assert "…" in listing
    edit = desk.get(f"/admin/snippets/moderation/report/edit/{report.pk}/")
    assert reason.strip() in unescape(edit.content.decode())  # read in full when handling it
