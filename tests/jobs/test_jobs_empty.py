"""Job pages without any job description (apart from the shared corpus of test_jobs.py)."""

import pytest

pytestmark = pytest.mark.django_db


def test_statistics_empty_state(client):
    response = client.get("/metiers/")
    assert response.status_code == 200
    assert "Aucune fiche de poste n'est publiée" in response.content.decode()


def test_compare_without_any_job_description(client):
    response = client.get("/metiers/comparer/")
    assert response.status_code == 200
    assert "Aucune fiche de poste n'est publiée pour l'instant." in response.content.decode()
