"""The whole journey in one go, as the issue lists it:
sign-up → confirmation → pending → approved → contribute → submit → changes requested →
resubmit → approved → public."""

import pytest
from django.core import mail
from django.test import Client

from kb.accounts.models import Profile
from practices.models import ExperiencePage
from tests.accounts.helpers import approved_user, last_link, mails_to, text
from tests.accounts.test_signup_and_approval import SIGNUP

from .helpers import sections
from .test_contribution_path import experience_data, workflow_action

pytestmark = pytest.mark.django_db


def test_from_sign_up_to_publication(django_user_model):
    sections()
    moderator = Client()
    moderator.force_login(approved_user(django_user_model, "moderatrice", "Modérateurs"))
    person, anonymous = Client(), Client()

    # Sign-up, confirmation, pending.
    assert person.post("/comptes/signup/", SIGNUP).status_code == 302
    link = last_link("/comptes/confirm-email/")
    person.post(link)
    person.post("/comptes/login/", {"login": SIGNUP["email"], "password": SIGNUP["password1"]})
    assert "en attente de validation" in text(person.get("/comptes/profil/"))
    assert person.get("/contribuer/experience/nouvelle/").status_code == 403

    # Approved, then made contributor.
    profile = Profile.objects.get(user__email=SIGNUP["email"])
    moderator.post(
        f"/admin/inscriptions/{profile.pk}/",
        {"decision": "approve", "message": "", "seen_status": "pending"},
    )
    moderator.post(f"/admin/inscriptions/membre/{profile.user_id}/contributeur/")
    assert person.get("/contribuer/experience/nouvelle/").status_code == 200

    # Contribute and submit.
    person.post("/contribuer/experience/nouvelle/", experience_data())
    page = ExperiencePage.objects.get()
    assert anonymous.get("/experiences/budget-participatif-des-jeunes/").status_code == 404

    # Changes requested, e-mailed with the comment.
    mail.outbox.clear()
    workflow_action(moderator, page, "reject", "Ajoutez le bilan chiffré.")
    assert "Ajoutez le bilan chiffré." in mails_to(SIGNUP["email"])[0].body
    assert "Ajoutez le bilan chiffré." in text(person.get("/contribuer/mes-contributions/"))

    # Resubmitted, approved, public.
    edit_url = f"/contribuer/fiche/{page.pk}/modifier/"
    revision_id = person.get(edit_url).context["form"]["revision_id"].value()
    person.post(
        edit_url,
        experience_data(summary="Bilan : 2 000 votants en 2024.", revision_id=str(revision_id)),
    )
    page.refresh_from_db()
    workflow_action(moderator, page, "approve")
    public = anonymous.get("/experiences/budget-participatif-des-jeunes/")
    assert public.status_code == 200
    assert "Bilan : 2 000 votants en 2024." in text(public)
    assert "Publiée" in text(person.get("/contribuer/mes-contributions/"))
