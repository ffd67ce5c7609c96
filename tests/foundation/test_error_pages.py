"""Error pages are French and never depend on the database."""

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client, RequestFactory
from django.views.defaults import permission_denied

from kb.views import server_error


def test_server_error_page_is_french_without_database():
    response = server_error(RequestFactory().get("/"))
    html = response.content.decode()
    assert response.status_code == 500
    assert '<html lang="fr">' in html
    assert "Une erreur est survenue" in html


@pytest.mark.django_db
def test_a_form_with_an_outdated_token_gets_a_french_page(django_user_model):
    """A form opened before a log-in or a log-out, or too long ago: the site's page, in French,
    with its header (the member stays logged in)."""
    client = Client(enforce_csrf_checks=True)
    client.force_login(django_user_model.objects.create_user("alix", first_name="Alix"))
    response = client.post("/veille/suivre/", {"kind": "theme"})
    html = response.content.decode()
    assert response.status_code == 403
    assert '<html lang="fr">' in html
    assert "<title>Le formulaire a expiré — Praxis</title>" in html
    assert "rechargez-la" in html
    assert "Se déconnecter" in html


@pytest.mark.django_db
def test_access_denied_page_is_french():
    response = permission_denied(RequestFactory().get("/"), PermissionDenied())
    html = response.content.decode()
    assert response.status_code == 403
    assert '<html lang="fr">' in html
    assert "<h1>Accès refusé</h1>" in html
