"""The demo accounts let a moderator try the registration desk like with real members."""

import pytest
from django.test import Client

from kb.demo_content.accounts import ensure_demo_accounts

pytestmark = pytest.mark.django_db


def test_demo_members_are_listed_as_approved_registrations():
    accounts = {user.username: user for user, _ in ensure_demo_accounts()}
    ensure_demo_accounts()  # run again by every load_demo_content: still one profile each
    desk = Client()
    desk.force_login(accounts["moderatrice"])

    response = desk.get("/admin/inscriptions/?statut=approved")

    html = response.content.decode()
    assert "Morgane Membre" in html
    assert "Camille Contributeur" in html
    # The member can be made a contributor from there.
    assert f"/admin/inscriptions/membre/{accounts['membre'].pk}/contributeur/" in html
