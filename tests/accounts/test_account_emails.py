"""allauth's e-mails (confirmation, password reset): links on the public address, the person
named as they know themselves, and addresses that fit their column."""

import pytest
from allauth.account.models import EmailAddress
from django.core import mail

from .helpers import PASSWORD, approved_user, mails_to, text
from .test_signup_and_approval import SIGNUP, sign_up

pytestmark = pytest.mark.django_db

PUBLIC = "https://praxis.example.org"
# 263 characters: a valid address, longer than the 254 of the e-mail columns.
OVERLONG = "camille." + "x" * 243 + "@example.org"


def link_in(message, path_prefix):
    for word in message.body.split():
        if path_prefix in word:
            return word
    raise AssertionError(f"no link to {path_prefix} in {message.body!r}")


def test_confirmation_link_is_on_the_public_address_and_confirms(client, settings):
    settings.WAGTAILADMIN_BASE_URL = PUBLIC
    sign_up(client)  # the request's host is "testserver"
    (message,) = mails_to(SIGNUP["email"])
    link = link_in(message, "/comptes/confirm-email/")
    assert link.startswith(PUBLIC + "/comptes/confirm-email/")
    client.post(link.removeprefix(PUBLIC))
    assert EmailAddress.objects.get(email=SIGNUP["email"]).verified


def test_password_reset_link_is_on_the_public_address(client, settings, django_user_model):
    settings.WAGTAILADMIN_BASE_URL = PUBLIC
    user = approved_user(django_user_model, "camille", "Membres")
    client.post("/comptes/password/reset/", {"email": user.email})
    (message,) = mails_to(user.email)
    link = link_in(message, "/comptes/password/reset/key/")
    assert link.startswith(PUBLIC + "/comptes/password/reset/key/")
    response = client.get(link.removeprefix(PUBLIC))
    assert response.status_code == 302  # to the form, the key kept in the session
    assert "set-password" in response["Location"]


def test_emails_and_messages_name_the_person_not_a_made_up_username(client, django_user_model):
    sign_up(client)
    (message,) = mails_to(SIGNUP["email"])
    assert "Camille Durand" in message.body
    username = django_user_model.objects.get(email=SIGNUP["email"]).username
    assert f"utilisateur {username} " not in message.body

    user = approved_user(django_user_model, "dominique", "Membres")
    response = client.post(
        "/comptes/login/", {"login": user.email, "password": PASSWORD}, follow=True
    )
    assert "Connexion avec Dominique Test réussie" in text(response)


def test_an_overlong_address_is_refused_at_signup(client, django_user_model):
    response = sign_up(client, email=OVERLONG)
    assert response.status_code == 200
    assert "au plus 254 caractères" in text(response)
    assert not django_user_model.objects.filter(first_name=SIGNUP["first_name"]).exists()
    assert mail.outbox == []


def test_an_overlong_address_is_refused_when_added(client, django_user_model):
    user = approved_user(django_user_model, "camille", "Membres")
    client.force_login(user)
    response = client.post("/comptes/email/", {"action_add": "", "email": OVERLONG})
    assert response.status_code == 200
    assert "au plus 254 caractères" in text(response)
    # Summed up once, by the form that adds an address, not also by the list of addresses
    assert text(response).count('id="erreurs-formulaire"') == 1
    assert list(EmailAddress.objects.filter(user=user).values_list("email", flat=True)) == [
        user.email
    ]
    assert mail.outbox == []


def test_a_changed_password_or_address_is_told_to_the_person(client, django_user_model):
    """Someone who took over a session cannot change the password or the address unnoticed."""
    user = approved_user(django_user_model, "camille", "Membres")
    client.force_login(user)
    new_password = "Un-nouveau-mot-de-passe-77"
    client.post(
        "/comptes/password/change/",
        {"oldpassword": PASSWORD, "password1": new_password, "password2": new_password},
    )
    (message,) = mails_to(user.email)
    assert message.subject == "[Praxis] Mot de passe modifié"
    assert "Votre mot de passe a été modifié." in message.body

    mail.outbox.clear()
    client.post("/comptes/email/", {"action_add": "", "email": "nouvelle@example.org"})
    client.post(link_in(mail.outbox[-1], "/comptes/confirm-email/").removeprefix(PUBLIC))
    client.post("/comptes/email/", {"action_primary": "", "email": "nouvelle@example.org"})
    (message,) = mails_to("camille@example.org")
    assert "modifiée de camille@example.org à nouvelle@example.org" in message.body
