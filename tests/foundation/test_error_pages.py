"""Error pages are French and never depend on the database."""

import pytest
from django.test import RequestFactory

from kb.views import server_error


def test_server_error_page_is_french_without_database():
    response = server_error(RequestFactory().get("/"))
    html = response.content.decode()
    assert response.status_code == 500
    assert '<html lang="fr">' in html
    assert "Une erreur est survenue" in html


@pytest.mark.django_db
def test_robots_txt_points_to_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    assert "Disallow: /admin/" in response.content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in response.content.decode()
    assert client.get("/sitemap.xml").status_code == 200
