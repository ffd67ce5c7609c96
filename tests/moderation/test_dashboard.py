"""The admin's home page tells a moderator what is waiting for them this week."""

import re
from html import unescape

import pytest
from django.test import Client

from kb.moderation.reports import file_report
from kb.moderation.workflow import submit_for_review
from practices.models import ExperienceIndexPage
from tests.accounts.helpers import approved_user

from .helpers import experience, sections

pytestmark = pytest.mark.django_db


def desk_text(client):
    html = unescape(client.get("/admin/").content.decode())
    match = re.search(r'<section[^>]*id="moderator-desk-section".*?</section>', html, re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", match.group(0))) if match else "", html


def test_the_admin_home_counts_what_waits_for_a_moderator(django_user_model, contributor):
    moderator = approved_user(django_user_model, "moderatrice", "Membres", "Modérateurs")
    member = approved_user(django_user_model, "membre", "Membres")
    approved_user(django_user_model, "nouvelle")  # a pending registration
    approved_user(django_user_model, "nouveau")  # another one
    index = sections()[ExperienceIndexPage]
    draft = experience(index, title="Conseil citoyen", owner=contributor, publish=False)
    draft.save_revision(user=contributor)
    submit_for_review(draft, contributor)
    file_report(experience(index, title="Budget de Lille"), member, "Chiffres faux.")
    desk = Client()
    desk.force_login(moderator)

    text, html = desk_text(desk)

    assert "1 fiche en attente de relecture" in text
    assert "2 inscriptions en attente de validation" in text
    assert "1 signalement à traiter" in text
    assert 'href="/admin/moderation/relecture/"' in html
    assert 'href="/admin/inscriptions/"' in html
    assert 'href="/admin/snippets/moderation/report/?status=open"' in html


def test_the_admin_home_says_when_nothing_waits(django_user_model):
    desk = Client()
    desk.force_login(approved_user(django_user_model, "moderatrice", "Membres", "Modérateurs"))

    text, _ = desk_text(desk)

    assert "Rien n'attend de décision" in text


def test_contributors_do_not_see_the_moderators_counts(client, contributor):
    client.force_login(contributor)

    text, html = desk_text(client)

    assert text == ""
    assert "inscriptions en attente" not in html
