"""Territories: the shipped SVG map of France, shaded by experiences, linked to the listing."""

import html as html_lib
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from practices.choices import Region
from practices.models import ExperiencePage
from practices.territories import COUNT_COLOURS, SHADES

from .builders import index_for, make_page, restrict_to_members

pytestmark = pytest.mark.django_db

SVG = Path(__file__).resolve().parents[2] / "kb" / "static" / "svg" / "regions-france.svg"


def test_the_shipped_map_has_every_region_and_no_external_reference():
    text = SVG.read_text(encoding="utf-8")
    root = ET.fromstring(text)  # noqa: S314 - our own file
    ids = {p.get("id") for p in root.iter("{http://www.w3.org/2000/svg}path")}
    territorial = {code for code in Region.values if code not in ("national", "international")}
    assert ids == territorial
    assert "http" not in text.replace("http://www.w3.org/2000/svg", "")


def test_map_is_shaded_and_links_each_region_to_the_filtered_listing(client):
    for i in range(3):
        make_page(ExperiencePage, f"Bretonne {i}", region="bretagne")
    make_page(ExperiencePage, "Lilloise", region="hauts-de-france")
    make_page(ExperiencePage, "Brouillon", region="corse", publish=False)
    restrict_to_members(make_page(ExperiencePage, "Réservée", region="corse"))
    listing = index_for(ExperiencePage).url

    response = client.get("/territoires/")
    assert response.status_code == 200
    html = html_lib.unescape(response.content.decode())
    svg = html[html.index("<svg") : html.index("</svg>") + 6]
    root = ET.fromstring(svg)  # noqa: S314
    ns = "{http://www.w3.org/2000/svg}"
    assert root.find(f"{ns}title").text == "Carte de France des expériences par région"
    assert root.find(f"{ns}desc").text == (
        "Nombre d'expériences par région. Bretagne : 3 expériences ; Hauts-de-France : 1 expérience."
    )
    links = {a.get("href"): a.get("aria-label") for a in root.iter(f"{ns}a")}
    assert len(links) == 18  # every region of the map links to its listing
    assert links[f"{listing}?region=bretagne"] == "Bretagne : 3 expériences"
    assert links[f"{listing}?region=hauts-de-france"] == "Hauts-de-France : 1 expérience"
    assert links[f"{listing}?region=corse"] == "Corse : 0 expérience"
    fills = {p.get("id"): p.get("fill") for p in root.iter(f"{ns}path")}
    assert fills["region-bretagne"] == SHADES[-1]  # the darkest: the largest count
    assert fills["region-corse"] == SHADES[0]  # drafts and members-only not counted
    assert fills["region-hauts-de-france"] not in (SHADES[0], SHADES[-1])
    # Every count written on the map is readable on its region's shade (WCAG 1.4.3).
    written = 0
    for region in root.iter(f"{ns}a"):
        count = region.find(f"{ns}text[@font-weight='bold']")
        if count is not None:
            shade = region.find(f"{ns}path").get("fill")
            assert contrast(shade, count.get("fill")) >= 4.5, region.get("href")
            written += 1
    assert written == 2
    # the table alternative says the same, with the same links
    table = html[html.index('<table id="tableau-regions"') :]
    assert f'<a href="{listing}?region=bretagne">Bretagne</a></th><td>3</td>' in table
    assert f'<a href="{listing}?region=corse">Corse</a></th><td>0</td>' in table
    assert 'href="#tableau-regions"' in html
    # and the link leads to the filtered listing
    listing_html = client.get(f"{listing}?region=bretagne").content.decode()
    assert "Bretonne 0" in listing_html and "Lilloise" not in listing_html


def test_empty_map(client, db):
    response = client.get("/territoires/")
    assert response.status_code == 200
    html = html_lib.unescape(response.content.decode())
    assert "Aucune expérience n'est encore rattachée à une région." in html
    assert re.search(r"<a [^>]*aria-label", html) is None  # no listing page to link to


def test_experience_listing_links_to_the_map(client):
    make_page(ExperiencePage, "Une expérience")
    html = client.get(index_for(ExperiencePage).url).content.decode()
    assert 'href="/territoires/"' in html


def _luminance(colour):
    channels = [int(colour.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    r, g, b = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(first, second):
    """The WCAG contrast ratio of two "#rrggbb" colours."""
    light, dark = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_every_shade_has_a_readable_count_colour():
    for shade, count_colour in zip(SHADES, COUNT_COLOURS, strict=True):
        assert contrast(shade, count_colour) >= 4.5, shade
