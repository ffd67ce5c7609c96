"""The open data, jobs, map and watch pages on the demo corpus (2014 Rencontres nationales)."""

import csv
import io
import xml.etree.ElementTree as ET

import pytest

from practices.models import practice_page_models

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _corpus(demo_corpus):
    return demo_corpus


def test_every_type_has_its_csv_feed_and_api_listing_matching_the_public_pages(client):
    for model in practice_page_models():
        public = model.objects.live().public().count()
        name = model._meta.model_name
        response = client.get(f"/export/{name}.csv")
        assert response.status_code == 200
        text = b"".join(response.streaming_content).decode("utf-8-sig")
        rows = list(csv.reader(io.StringIO(text), delimiter=";"))
        assert len(rows) - 1 == public, name
        api = client.get("/api/v2/pages/", {"type": model._meta.label, "limit": 1}).json()
        assert api["meta"]["total_count"] == public, name
        feed = ET.fromstring(client.get(f"/flux/{name}/rss/").content)  # noqa: S314
        assert len(list(feed.iter("item"))) == min(public, 30), name


@pytest.mark.parametrize("url", ["/metiers/", "/metiers/comparer/", "/territoires/", "/donnees/"])
def test_pages_render(client, url):
    response = client.get(url)
    assert response.status_code == 200


def test_every_public_detail_page_has_valid_json_ld(client):
    import json
    import re

    for model in practice_page_models():
        page = model.objects.live().public().first()
        if page is None:
            continue
        html = client.get(page.url).content.decode()
        data = json.loads(
            re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
        )
        assert data["name"] == page.title
