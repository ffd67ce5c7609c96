"""Log-out, password reset and the other allauth pages, in French within the site's layout."""

import pytest
from django.template import Context, Template
from django.template.base import Origin

from .helpers import PASSWORD, approved_user, last_link, text

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "url, words",
    [
        ("/comptes/login/", "Se connecter"),
        ("/comptes/signup/", "Créer un compte"),
        ("/comptes/password/reset/", "Mot de passe"),
    ],
)
def test_anonymous_account_pages_are_french_in_the_site_layout(client, url, words):
    response = client.get(url)
    assert response.status_code == 200
    html = text(response)
    assert words in html
    assert 'class="site-header' in html
    assert '<html lang="fr">' in html


@pytest.mark.parametrize(
    "url", ["/comptes/email/", "/comptes/password/change/", "/comptes/logout/"]
)
def test_signed_in_account_pages(client, django_user_model, url):
    client.force_login(approved_user(django_user_model, "camille", "Membres"))
    response = client.get(url)
    assert response.status_code == 200
    assert 'class="site-header' in text(response)


def test_log_out(client, django_user_model):
    client.force_login(approved_user(django_user_model, "camille", "Membres"))
    response = client.post("/comptes/logout/")
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


def test_password_reset_by_email(client, django_user_model):
    user = approved_user(django_user_model, "camille", "Membres")
    response = client.post("/comptes/password/reset/", {"email": user.email})
    assert response.status_code == 302
    link = last_link("/comptes/password/reset/key/")
    response = client.get(link, follow=True)
    form_url = response.redirect_chain[-1][0] if response.redirect_chain else link
    new_password = "Un-nouveau-mot-de-passe-77"
    response = client.post(form_url, {"password1": new_password, "password2": new_password})
    assert response.status_code == 302
    client.logout()
    client.post("/comptes/login/", {"login": user.email, "password": PASSWORD})
    assert "_auth_user_id" not in client.session
    client.post("/comptes/login/", {"login": user.email, "password": new_password})
    assert client.session["_auth_user_id"] == str(user.pk)


@pytest.mark.parametrize("kind", ["radio", "email"])
def test_allauth_field_element_ties_its_help_and_errors_to_its_input(kind):
    """allauth's pages that write a field out themselves get the site's accessible field."""
    template = Template(
        "{% load allauth %}{% element field type=kind id='adresse' name='email' value='a@b.fr' "
        "errors=errors %}{% slot label %}Adresse{% endslot %}"
        "{% slot help_text %}Celle du compte.{% endslot %}{% endelement %}",
        origin=Origin("test", template_name="account/test.html"),  # allauth's elements name it
    )
    html = template.render(Context({"kind": kind, "errors": ["Choisissez une adresse."]}))
    assert 'aria-describedby="adresse_aide adresse_erreurs"' in html
    assert 'aria-invalid="true"' in html
    assert '<div class="form-field__help" id="adresse_aide">Celle du compte.</div>' in html
    assert 'id="adresse_erreurs"><li>Choisissez une adresse.</li>' in html
    assert '<label for="adresse">' in html
    assert html.count("<label") == 1
