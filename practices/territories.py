"""Territories: a map of France by region, shaded by the number of experiences, with a table.

The region outlines are a simplified SVG shipped with the project (``kb/static/svg/
regions-france.svg``, no external tiles); the page draws it inline so that each region links to
the experience listing filtered on that region. The table says the same for everyone.
"""

import xml.etree.ElementTree as ET  # our own static file, not user input
from functools import lru_cache

from django.contrib.staticfiles import finders
from django.db.models import Count
from django.shortcuts import render
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from kb.punctuation import labelled, listed
from practices.choices import Region
from practices.listing import index_url
from practices.models import ExperiencePage

MAP_FILE = "svg/regions-france.svg"
SVG_NS = "{http://www.w3.org/2000/svg}"
# Sequential palette in Praxis's own blue, light to dark, ending on its primary colour, and the
# colour a count is written in on each: near-black on the three lightest (8:1 contrast at
# least), white on the two darkest (5:1 at least).
SHADES = ["#f3f5f6", "#cfe3ea", "#8dbccd", "#2a7390", "#0b5370"]
COUNT_COLOURS = ["#1e1e1e", "#1e1e1e", "#1e1e1e", "#ffffff", "#ffffff"]


@lru_cache(maxsize=1)
def region_shapes():
    """{region code: {"d", "name", "label_x", "label_y"}} read from the shipped SVG."""
    path = finders.find(MAP_FILE)
    root = ET.parse(path).getroot()  # noqa: S314 - a file of the project
    shapes = {}
    for element in root.iter(f"{SVG_NS}path"):
        shapes[element.get("id")] = {
            "d": element.get("d"),
            "label_x": element.get("data-label-x"),
            "label_y": element.get("data-label-y"),
            "inset": element.get("data-inset", "").split(",")
            if element.get("data-inset")
            else None,
        }
    insets = [
        {key: element.get(key) for key in ("x", "y", "width", "height")}
        for element in root.iter(f"{SVG_NS}rect")
    ]
    return shapes, insets, root.get("viewBox")


def experience_counts():
    """{region code: number of live public experiences}."""
    rows = (
        ExperiencePage.objects.live()
        .public()
        .order_by()
        .values_list("region")
        .annotate(n=Count("pk"))
    )
    return {code: n for code, n in rows if code}


def shade_for(count, largest):
    if not count or not largest:
        return 0
    steps = len(SHADES) - 1
    return max(1, min(steps, -(-count * steps // largest)))  # ceil, 1..steps


def territories(request):
    counts = experience_counts()
    largest = max(counts.values(), default=0)
    shapes, insets, view_box = region_shapes()
    listing = index_url(ExperiencePage)
    regions = []
    for code, label in Region.choices:
        count = counts.get(code, 0)
        url = f"{listing}?{urlencode({'region': code})}" if listing else None
        # French: 0 and 1 take the singular (max(count, 1) keeps that without a catalogue).
        count_text = ngettext("%(count)s experience", "%(count)s experiences", max(count, 1)) % {
            "count": count
        }
        shape = shapes.get(code)
        shade = shade_for(count, largest)
        regions.append(
            {
                "code": code,
                "label": str(label),
                "count": count,
                "count_text": count_text,
                "url": url,
                "shade": shade,
                "fill": SHADES[shade],
                "count_fill": COUNT_COLOURS[shade],
                "shape": shape,
            }
        )
    legend = _legend(largest)
    return render(
        request,
        "practices/territories.html",
        {
            "regions": regions,
            "mapped": [r for r in regions if r["shape"]],
            "insets": insets,
            "view_box": view_box,
            "legend": legend,
            "total": sum(counts.values()),
            "listing_url": listing,
            "map_description": _map_description(regions),
        },
    )


def _legend(largest):
    steps = len(SHADES) - 1
    legend = [{"fill": SHADES[0], "text": _("no experience")}]
    if not largest:
        return legend
    low = 1
    for step in range(1, steps + 1):
        high = largest * step // steps
        if high < low:
            continue
        text = str(low) if low == high else _("%(low)s to %(high)s") % {"low": low, "high": high}
        legend.append({"fill": SHADES[step], "text": text})
        low = high + 1
    return legend


def _map_description(regions):
    shown = [labelled(r["label"], r["count_text"]) for r in regions if r["count"]]
    if not shown:
        return _("No experience is attached to a region yet.")
    return _("Number of experiences by region. ") + listed(shown) + "."
