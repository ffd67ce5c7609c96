"""CSV export of listings: columns, UTF-8 with BOM, filters applied, streaming with few queries."""

import csv
import datetime
import io

import pytest
from django.core.files.base import ContentFile
from django.http import StreamingHttpResponse
from django.utils import timezone
from wagtail.documents import get_document_model

from practices.models import ExperiencePage, JobDescriptionPage

from .builders import make_page, make_theme, restrict_to_members, shared_corpus

pytestmark = pytest.mark.django_db


def _rows(response):
    assert isinstance(response, StreamingHttpResponse)
    raw = b"".join(response.streaming_content)
    assert raw.startswith(b"\xef\xbb\xbf"), "UTF-8 BOM for spreadsheets"
    text = raw.decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text), delimiter=";"))


def _build_jobs():
    budget = make_theme("Budget participatif", "budget")
    now = timezone.now()
    pages = {
        "rennes": make_page(
            JobDescriptionPage,
            "Chargée de participation — Rennes",
            themes=[budget],
            tags=["jeunesse"],
            region="bretagne",
            category="A",
            published_at=now - datetime.timedelta(days=2),
        ),
        "lille": make_page(
            JobDescriptionPage,
            "Animateur de quartier — Lille",
            region="hauts-de-france",
            category="B",
            sector="animation",
            status="filled",
            published_at=now - datetime.timedelta(days=1),
        ),
    }
    pages["draft"] = make_page(JobDescriptionPage, "Brouillon", publish=False)
    pages["members"] = make_page(JobDescriptionPage, "Réservée aux membres", region="bretagne")
    restrict_to_members(pages["members"])
    return pages


jobs = shared_corpus(_build_jobs)


def test_csv_columns_encoding_and_public_pages_only(client, jobs):
    response = client.get("/export/jobdescriptionpage.csv")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    header, *rows = _rows(response)
    for column in ("identifiant", "titre", "adresse", "thèmes", "étiquettes", "région", "année"):
        assert column in header
    for column in ("intitulé du poste", "employeur", "catégorie", "filière", "statut", "missions"):
        assert column in header
    titles = [row[header.index("titre")] for row in rows]
    assert titles == ["Animateur de quartier — Lille", "Chargée de participation — Rennes"]
    rennes = dict(zip(header, rows[1], strict=True))
    assert rennes["région"] == "Bretagne"
    assert rennes["catégorie"] == "Catégorie A"
    assert rennes["thèmes"] == "Budget participatif"
    assert rennes["étiquettes"] == "jeunesse"
    assert rennes["année"] == "2014"
    assert rennes["adresse"].startswith("http")
    assert "Animer les conseils de quartier" in rennes["missions"]


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"region": "bretagne"}, ["Chargée de participation — Rennes"]),
        ({"theme": "budget"}, ["Chargée de participation — Rennes"]),
        ({"tag": "jeunesse"}, ["Chargée de participation — Rennes"]),
        ({"year": "2014"}, ["Animateur de quartier — Lille", "Chargée de participation — Rennes"]),
        ({"year": "2015"}, []),
        ({"category": "B"}, ["Animateur de quartier — Lille"]),
        ({"sector": "animation"}, ["Animateur de quartier — Lille"]),
        ({"status": "filled"}, ["Animateur de quartier — Lille"]),
        (
            {"authority_type": "commune"},
            ["Animateur de quartier — Lille", "Chargée de participation — Rennes"],
        ),
    ],
)
def test_csv_applies_the_listing_filters(client, jobs, params, expected):
    header, *rows = _rows(client.get("/export/jobdescriptionpage.csv", params))
    assert [row[header.index("titre")] for row in rows] == expected


def test_listing_links_to_its_csv_with_the_filters_on_screen(client, jobs):
    index = jobs["rennes"].get_parent()
    response = client.get(index.url, {"region": "bretagne"})
    assert response.status_code == 200
    assert 'href="/export/jobdescriptionpage.csv?region=bretagne"' in response.content.decode()


def test_csv_bad_filter_is_a_400_in_french(client, jobs):
    response = client.get("/export/jobdescriptionpage.csv", {"region": "atlantide"})
    assert response.status_code == 400
    assert "filtre n'est pas valide" in response.content.decode()
    assert client.get("/export/licorne.csv").status_code == 404


def test_theme_and_tag_exports_mix_types_newest_first(client, jobs):
    budget = make_theme("Budget participatif", "budget")
    make_page(ExperiencePage, "Budget de Lille", themes=[budget], tags=["jeunesse"])
    for url in ("/export/themes/budget.csv", "/export/etiquettes/jeunesse.csv"):
        header, *rows = _rows(client.get(url))
        assert [row[header.index("titre")] for row in rows] == [
            "Budget de Lille",
            "Chargée de participation — Rennes",
        ]
        assert "structure porteuse" in header and "intitulé du poste" in header


@pytest.mark.parametrize("start", ["=", "+", "-", "@"])
def test_a_cell_never_runs_as_a_formula_in_a_spreadsheet(client, start):
    """A title or a field starting like a formula is shown as text by Excel and LibreOffice."""
    title = f'{start}HYPERLINK("http://example.com","Cliquez")'
    make_page(JobDescriptionPage, title, employer=f"{start}1+1", missions="Animer\n=A1")
    header, *rows = _rows(client.get("/export/jobdescriptionpage.csv"))
    row = dict(zip(header, rows[0], strict=True))
    assert row["titre"] == "'" + title
    assert row["employeur"] == f"'{start}1+1"
    # Only the start of a cell counts: a line break inside one stays as it was.
    assert row["missions"] == "Animer\n=A1"


def test_a_job_descriptions_pdf_is_linked_on_the_public_address(client, settings, tmp_path):
    """In the CSV and the API alike, whatever host the request came through (a proxy)."""
    settings.MEDIA_ROOT = tmp_path
    settings.ALLOWED_HOSTS = ["praxis.example.org", "web"]  # "web": the proxy's name for it
    settings.WAGTAILADMIN_BASE_URL = "https://praxis.example.org"
    pdf = get_document_model().objects.create(
        title="Fiche en PDF", file=ContentFile(b"%PDF-1.4", name="fiche.pdf")
    )
    page = make_page(JobDescriptionPage, "Fiche avec PDF", document=pdf)
    expected = "https://praxis.example.org" + pdf.url
    header, *rows = _rows(client.get("/export/jobdescriptionpage.csv", HTTP_HOST="web:8000"))
    assert rows[0][header.index("fiche de poste en PDF")] == expected
    api = client.get(f"/api/v2/pages/{page.pk}/", HTTP_HOST="web:8000").json()
    assert api["details"]["document"] == {"title": "Fiche en PDF", "url": expected}
