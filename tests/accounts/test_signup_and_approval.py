"""Sign-up → e-mail confirmation → pending → approved (or refused) → contributor."""

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.cache import cache

from kb.accounts.models import Profile
from kb.permissions import can_see_contact_details

from .helpers import PASSWORD, approved_user, last_link, mails_to, text

pytestmark = pytest.mark.django_db

SIGNUP = {
    "first_name": "Camille",
    "last_name": "Durand",
    "email": "camille.durand@example.org",
    "organisation": "Métropole européenne de Lille",
    "job_title": "Chargée de mission participation",
    "authority_type": "intercommunality",
    "motivation": "Partager nos budgets participatifs.",
    "password1": "Un-mot-de-passe-solide-42",
    "password2": "Un-mot-de-passe-solide-42",
}


@pytest.fixture
def moderator(django_user_model):
    return approved_user(django_user_model, "moderatrice", "Modérateurs")


def sign_up(client, **changes):
    return client.post("/comptes/signup/", {**SIGNUP, **changes})


def confirm_email(client):
    link = last_link("/comptes/confirm-email/")
    response = client.get(link)
    assert response.status_code == 200
    return client.post(link)


def test_confirming_the_address_after_signing_up_logs_in_and_shows_the_pending_status(client):
    sign_up(client)
    response = confirm_email(client)
    assert response.status_code == 302 and response.url == "/comptes/profil/"
    profile = client.get(response.url)
    assert profile.status_code == 200
    assert "en attente de validation" in text(profile)


def test_signup_form_is_french_and_asks_the_professional_fields(client):
    response = client.get("/comptes/signup/")
    html = text(response)
    assert response.status_code == 200
    for label in ("Prénom", "Organisation", "Fonction", "Type de structure", "rejoindre Praxis"):
        assert label in html
    assert "<legend>" in html


def test_full_path_signup_confirmation_pending_approval_promotion(client, moderator):
    response = sign_up(client)
    assert response.status_code == 302
    user = get_user_model().objects.get(email=SIGNUP["email"])
    profile = user.praxis_profile
    assert profile.status == Profile.Status.PENDING
    assert profile.organisation == SIGNUP["organisation"]
    assert user.first_name == "Camille"
    assert not can_see_contact_details(user)

    # The confirmation e-mail, then the moderators are told.
    assert mails_to(SIGNUP["email"])
    early = client.__class__()
    early.force_login(moderator)
    assert "adresse pas encore confirmée" in text(early.get("/admin/inscriptions/"))
    confirm_email(client)
    to_moderator = mails_to(moderator.email)
    assert to_moderator and "Inscription à valider" in to_moderator[-1].subject
    decide_path = f"/admin/inscriptions/{profile.pk}/"
    assert decide_path in to_moderator[-1].body

    # Logged in, the person sees that the account is pending.
    client.logout()
    response = client.post(
        "/comptes/login/", {"login": SIGNUP["email"], "password": SIGNUP["password1"]}
    )
    assert response.status_code == 302
    response = client.get("/comptes/profil/")
    assert "en attente de validation" in text(response)

    # The moderator approves with a message.
    moderator_client = client.__class__()
    moderator_client.force_login(moderator)
    listing = moderator_client.get("/admin/inscriptions/")
    assert listing.status_code == 200
    assert "Camille Durand" in text(listing)
    assert "adresse pas encore confirmée" not in text(listing)
    mail.outbox.clear()
    response = moderator_client.post(
        decide_path,
        {"decision": "approve", "message": "Bienvenue parmi nous !", "seen_status": "pending"},
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert list(user.groups.values_list("name", flat=True)) == ["Membres"]
    assert can_see_contact_details(get_user_model().objects.get(pk=user.pk))
    sent = mails_to(SIGNUP["email"])
    assert len(sent) == 1
    assert "validée" in sent[0].subject
    assert "Bienvenue parmi nous !" in sent[0].body
    assert "validée : vous êtes membre" in text(client.get("/comptes/profil/"))

    # …then makes the member a contributor.
    response = moderator_client.post(f"/admin/inscriptions/membre/{user.pk}/contributeur/")
    assert response.status_code == 302
    assert set(user.groups.values_list("name", flat=True)) == {"Membres", "Contributeurs"}
    assert "contribuer" in mails_to(SIGNUP["email"])[-1].subject


def test_refusal_needs_a_message_which_is_emailed(client, moderator):
    sign_up(client)
    profile = Profile.objects.get(user__email=SIGNUP["email"])
    client.force_login(moderator)
    response = client.post(
        f"/admin/inscriptions/{profile.pk}/", {"decision": "refuse", "seen_status": "pending"}
    )
    assert response.status_code == 200
    assert "pourquoi son inscription est refusée" in text(response)
    profile.refresh_from_db()
    assert profile.status == Profile.Status.PENDING

    mail.outbox.clear()
    client.post(
        f"/admin/inscriptions/{profile.pk}/",
        {
            "decision": "refuse",
            "message": "Praxis est réservé aux professionnels.",
            "seen_status": "pending",
        },
    )
    profile.refresh_from_db()
    assert profile.status == Profile.Status.REFUSED
    assert not profile.user.groups.exists()
    (sent,) = mails_to(SIGNUP["email"])
    assert "Praxis est réservé aux professionnels." in sent.body


def test_the_role_change_names_a_member_without_a_name_by_their_e_mail(
    client, moderator, django_user_model
):
    member = approved_user(django_user_model, "sansnom", "Membres")
    member.first_name = member.last_name = ""
    member.save()
    client.force_login(moderator)
    url = f"/admin/inscriptions/membre/{member.pk}/contributeur/"
    assert "sansnom@example.org peut désormais contribuer." in text(client.post(url, follow=True))
    (told,) = mails_to(member.email)
    assert told.body.startswith("Bonjour,\n")  # not "Bonjour ,"
    response = client.post(url, {"retirer": "1"}, follow=True)
    assert "sansnom@example.org n'est plus contributeur" in text(response)


def test_a_pending_person_cannot_become_contributor(client, moderator, django_user_model):
    pending = approved_user(django_user_model, "enattente")
    client.force_login(moderator)
    response = client.post(f"/admin/inscriptions/membre/{pending.pk}/contributeur/", follow=True)
    assert "Seul un membre dont l'inscription est validée" in text(response)
    assert not pending.groups.exists()


def test_duplicate_email_at_signup_is_refused_clearly(client, django_user_model):
    approved_user(django_user_model, "camille")
    response = sign_up(client, email="camille@example.org")
    assert response.status_code == 200
    assert "déjà" in text(response)
    assert django_user_model.objects.filter(email__iexact="camille@example.org").count() == 1
    assert not Profile.objects.filter(organisation=SIGNUP["organisation"]).exists()


def test_signup_with_missing_professional_fields_saves_nothing(client, django_user_model):
    response = sign_up(client, organisation="", motivation="")
    assert response.status_code == 200
    html = text(response)
    assert "Champ requis" in html
    assert 'aria-invalid="true"' in html
    assert not django_user_model.objects.filter(email=SIGNUP["email"]).exists()


def test_login_is_rate_limited_after_repeated_failures(client, django_user_model):
    user = approved_user(django_user_model, "camille", "Membres")
    for _ in range(5):
        response = client.post("/comptes/login/", {"login": user.email, "password": "mauvais"})
        assert response.status_code == 200
    response = client.post("/comptes/login/", {"login": user.email, "password": PASSWORD})
    assert response.status_code in (200, 429)
    assert "_auth_user_id" not in client.session
    assert "Trop de tentatives" in text(response)


def test_profile_needs_login_and_edits_professional_fields(client, django_user_model):
    assert client.get("/comptes/profil/").status_code == 302
    user = approved_user(django_user_model, "camille", "Membres")
    client.force_login(user)
    response = client.post(
        "/comptes/profil/",
        {
            "first_name": "Camille",
            "last_name": "Martin",
            "organisation": "Département du Nord",
            "job_title": "Directrice",
            "authority_type": "department",
        },
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.last_name == "Martin"
    assert user.praxis_profile.organisation == "Département du Nord"
    assert user.praxis_profile.status == Profile.Status.APPROVED


def test_contact_rights_follow_group_changes_on_the_same_user_object(django_user_model):
    user = approved_user(django_user_model, "camille")
    assert not can_see_contact_details(user)
    from django.contrib.auth.models import Group

    user.groups.add(Group.objects.get(name="Membres"))
    assert can_see_contact_details(user)
    user.groups.clear()
    assert not can_see_contact_details(user)
    user.is_superuser = True
    assert can_see_contact_details(user)


def test_a_confirmation_link_opened_again_says_the_address_is_already_confirmed(client):
    sign_up(client)
    link = last_link("/comptes/confirm-email/")
    confirm_email(client)
    for again in (client.get, client.post):  # a second click, a second press of the button
        response = again(link)
        assert response.status_code == 200
        html = text(response)
        assert f"L'adresse {SIGNUP['email']} est déjà confirmée" in html
        assert "expiré" not in html


def test_an_expired_confirmation_link_says_how_to_get_a_new_one(client, monkeypatch):
    import time

    sign_up(client)
    link = last_link("/comptes/confirm-email/")
    later = time.time() + 4 * 24 * 3600  # links last 3 days
    monkeypatch.setattr("django.core.signing.time.time", lambda: later)
    html = text(client.get(link))
    assert f"Ce lien de confirmation de {SIGNUP['email']} a expiré" in html
    assert "Connectez-vous avec cette adresse" in html
    monkeypatch.undo()

    cache.clear()  # days have passed: allauth's limit on confirmation e-mails is long over
    mail.outbox.clear()
    client.post("/comptes/login/", {"login": SIGNUP["email"], "password": SIGNUP["password1"]})
    assert mails_to(SIGNUP["email"]), "logging in sends a new link, as the page says"
    assert "_auth_user_id" not in client.session


def test_a_mangled_confirmation_link_is_explained(client):
    response = client.get("/comptes/confirm-email/MQ:1xWtlM:abimee/")
    assert response.status_code == 200
    assert "Ce lien de confirmation n'est pas valide" in text(response)


def test_two_moderators_deciding_at_once_send_one_decision(client, moderator, django_user_model):
    """Every moderator gets the "registration to approve" e-mail: two may open it together."""
    sign_up(client)
    profile = Profile.objects.get(user__email=SIGNUP["email"])
    other = client.__class__()
    other.force_login(approved_user(django_user_model, "second", "Modérateurs"))
    client.force_login(moderator)
    decide_path = f"/admin/inscriptions/{profile.pk}/"
    first_page, second_page = text(client.get(decide_path)), text(other.get(decide_path))
    assert 'name="seen_status" value="pending"' in first_page
    assert 'name="seen_status" value="pending"' in second_page

    mail.outbox.clear()
    client.post(decide_path, {"decision": "approve", "message": "", "seen_status": "pending"})
    response = other.post(
        decide_path,
        {"decision": "refuse", "message": "Hors sujet.", "seen_status": "pending"},
        follow=True,
    )
    html = text(response)
    assert "Un autre modérateur a statué sur cette inscription entre-temps" in html
    assert "Validée — décidée le" in html and "par Moderatrice Test" in html
    profile.refresh_from_db()
    assert profile.status == Profile.Status.APPROVED
    assert profile.user.groups.filter(name="Membres").exists()
    (sent,) = mails_to(SIGNUP["email"])
    assert "validée" in sent.subject
