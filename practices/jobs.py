"""Job-profile exchange: compare job descriptions side by side, and the statistics of the trade.

Both read live public job descriptions only. The charts are SVG drawn on the server (no
JavaScript), each with a ``<title>``/``<desc>`` and a data table holding the same figures.
"""

from django.db.models import Count
from django.db.models.functions import ExtractYear
from django.shortcuts import render
from django.utils.http import urlencode
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from kb.punctuation import labelled, listed
from kb.templatetags.praxis_tags import lines
from practices.choices import AuthorityType, JobCategory, JobSector, Region
from practices.listing import index_url
from practices.models import JobDescriptionPage
from search.backends import get_backend
from search.query import MAX_QUERY_LENGTH, SearchQuery
from search.text import clean, fold

MIN_COMPARED = 2
MAX_COMPARED = 3
MAX_ID = 2**31


def public_jobs():
    return JobDescriptionPage.objects.live().public()


# --- Compare ------------------------------------------------------------------------------------


# Each row: (label, how to read it from the page, how compare.html shows the value: its kind).
TEXT, LIST, PARAGRAPHS, DATE = "text", "list", "paragraphs", "date"

COMPARED_ROWS = [
    (gettext_lazy("Job title"), lambda p: p.job_title, TEXT),
    (gettext_lazy("Employer"), lambda p: p.employer, TEXT),
    (gettext_lazy("Employer type"), lambda p: p.get_authority_type_display(), TEXT),
    (gettext_lazy("Region"), lambda p: p.get_region_display() if p.region else "", TEXT),
    (gettext_lazy("Category"), lambda p: p.get_category_display(), TEXT),
    (gettext_lazy("Sector"), lambda p: p.get_sector_display(), TEXT),
    (gettext_lazy("Employment framework"), lambda p: p.employment_framework, TEXT),
    (gettext_lazy("Parent service"), lambda p: p.service, TEXT),
    (gettext_lazy("Reporting line"), lambda p: p.reporting_line, TEXT),
    (gettext_lazy("Missions"), lambda p: lines(p.missions), LIST),
    (gettext_lazy("Activities"), lambda p: lines(p.activities), LIST),
    (gettext_lazy("Knowledge"), lambda p: lines(p.skills_knowledge), LIST),
    (gettext_lazy("Know-how"), lambda p: lines(p.skills_know_how), LIST),
    (gettext_lazy("Interpersonal skills"), lambda p: lines(p.skills_interpersonal), LIST),
    (gettext_lazy("Working conditions"), lambda p: p.working_conditions, PARAGRAPHS),
    (gettext_lazy("Status"), lambda p: p.get_status_display(), TEXT),
    (gettext_lazy("Sheet date"), lambda p: p.date, DATE),
]


CANDIDATES_MAX = 20  # sheets offered at a time beside the chosen ones (a search narrows them)
LIST_ALL_MAX = 50  # up to this many published sheets, all of them are offered


def _offer(jobs, chosen_ids, limit=None):
    """[(pk, title, catégorie label)] of the sheets of ``jobs`` not chosen yet."""
    labels = dict(JobCategory.choices)
    rows = jobs.exclude(pk__in=chosen_ids).values_list("pk", "title", "category")
    if limit is not None:
        rows = rows[:limit]
    return [(pk, title, labels.get(category, "")) for pk, title, category in rows]


def _candidates(search_text, chosen_ids, published):
    """The sheets offered to be ticked besides the chosen ones, at most CANDIDATES_MAX whatever
    the number of sheets (``published``), and a sentence saying which: [(heading or None,
    [(pk, title, catégorie label)])], sentence."""
    if search_text:
        return _found_candidates(search_text, chosen_ids)
    if published > LIST_ALL_MAX:
        latest = _offer(
            public_jobs().order_by("-first_published_at", "-pk"), chosen_ids, CANDIDATES_MAX
        )
        status = _(
            "The %(shown)s latest job descriptions, out of %(total)s published: search to find"
            " the others."
        ) % {"shown": len(latest), "total": published}
        return [(None, latest)], status
    # Few sheets: all of them, by catégorie, each group in the alphabetical order of the titles
    # (accents and case aside, the same on every database).
    by_category = {}
    for row in _offer(public_jobs(), chosen_ids):
        by_category.setdefault(row[2], []).append(row)
    groups = [
        (label, sorted(by_category[label], key=lambda row: (fold(row[1]), row[0])))
        for _value, label in JobCategory.choices
        if label in by_category
    ]
    return groups, ""


def _found_candidates(search_text, chosen_ids):
    """The best matches of a search among the job descriptions, through Praxis's search (accents,
    stems and typos as on the search page)."""
    result = get_backend().search(
        SearchQuery(
            text=search_text,
            filters={"type": [JobDescriptionPage._meta.model_name]},
            facets=(),
            per_page=CANDIDATES_MAX + len(chosen_ids),
        )
    )
    ranked = [hit.page_id for hit in result.hits]
    found = {row[0]: row for row in _offer(public_jobs().filter(pk__in=ranked), chosen_ids)}
    offered = [found[pk] for pk in ranked if pk in found][:CANDIDATES_MAX]
    words = result.suggestion if result.corrected else search_text
    if not offered:
        status = _("No other job description matches “%(words)s”.") % {"words": words}
    elif len(offered) == CANDIDATES_MAX and result.total > CANDIDATES_MAX:
        status = _(
            "The %(shown)s job descriptions that best match “%(words)s” (%(total)s match):"
            " add words to find the others."
        ) % {"shown": len(offered), "words": words, "total": result.total}
    else:
        status = ngettext(
            "%(shown)s job description matches “%(words)s”.",
            "%(shown)s job descriptions match “%(words)s”.",
            len(offered),
        ) % {"shown": len(offered), "words": words}
    return [(None, offered)], status


def compare(request):
    """``?fiches=12&fiches=15[&fiches=18]``: two or three job descriptions side by side.

    The sheets are ticked in one form: the chosen ones stay ticked while the reader searches for
    others (``chercher``, with the button ``action=chercher``); ``action=comparer`` asks for the
    comparison, which a link from a sheet (one sheet, no action) does not."""
    raw = [value for value in request.GET.getlist("fiches") if value.strip()]
    action = request.GET.get("action", "")
    search_text = clean(request.GET.get("chercher", ""))[:MAX_QUERY_LENGTH].strip()
    error = None
    jobs, chosen = [], []
    try:
        ids = list(dict.fromkeys(int(value) for value in raw))
        if any(not 0 < pk < MAX_ID for pk in ids):
            raise ValueError
    except ValueError:
        ids = []
        error = _("The requested sheets are not valid.")
    if len(ids) > CANDIDATES_MAX:  # more than a reader ticks: the first ones stay ticked
        ids = ids[:CANDIDATES_MAX]
        error = _("Choose two or three different job descriptions to compare.")
    if ids:
        found = {page.pk: page for page in public_jobs().filter(pk__in=ids)}
        chosen = [found[pk] for pk in ids if pk in found]
        if len(found) != len(ids):
            error = error or _("One of the requested sheets does not exist or is not public.")
    wants_comparison = action == "comparer" or (not action and len(ids) > 1)
    if not error and wants_comparison:
        if MIN_COMPARED <= len(chosen) <= MAX_COMPARED:
            jobs = chosen
        else:
            error = _("Choose two or three different job descriptions to compare.")
    published = public_jobs().count()
    # Beside a comparison, other sheets are offered only to a search: the table comes first.
    groups, candidates_status = (
        _candidates(search_text, [page.pk for page in chosen], published)
        if search_text or not jobs
        else ([], "")
    )
    rows = [
        {"label": label, "kind": kind, "values": [read(job) for job in jobs]}
        for label, read, kind in COMPARED_ROWS
    ]
    context = {
        "jobs": jobs,
        "rows": rows if jobs else [],
        "error": error,
        "chosen": chosen,
        "search_text": search_text,
        "candidate_groups": [(heading, offered) for heading, offered in groups if offered],
        "candidates_status": candidates_status,
        "any_published": published > 0,
    }
    return render(request, "practices/jobs/compare.html", context)


# --- Statistics --------------------------------------------------------------------------------

BAR_HEIGHT = 28
BAR_GAP = 10
LABEL_WIDTH = 240
CHART_WIDTH = 640
VALUE_WIDTH = 50


def bar_chart(slug, title, dimension, rows, unit_singular, unit_plural):
    """The geometry of a horizontal bar chart and the texts that describe it.

    ``rows`` is a list of (label, count, url of the pages counted or None); bars are proportional
    to the largest count.
    """
    rows = [(str(label), count, url) for label, count, url in rows]
    largest = max((count for _label, count, _url in rows), default=0)
    usable = CHART_WIDTH - LABEL_WIDTH - VALUE_WIDTH
    bars = []
    for i, (label, count, url) in enumerate(rows):
        width = round(usable * count / largest, 1) if largest else 0
        y = i * (BAR_HEIGHT + BAR_GAP)
        bars.append(
            {
                "label": label,
                "count": count,
                "url": url,
                "y": y,
                "text_y": y + BAR_HEIGHT / 2 + 5,
                "width": width,
                "value_x": LABEL_WIDTH + width + 6,
            }
        )
    summary = listed(
        labelled(label, f"{count} {unit_singular if count <= 1 else unit_plural}")
        for label, count, _url in rows
    )
    return {
        "slug": slug,
        "title": title,
        "dimension": dimension,
        "description": summary or _("No data."),
        "bars": bars,
        "width": CHART_WIDTH,
        "height": max(len(rows), 1) * (BAR_HEIGHT + BAR_GAP),
        "label_width": LABEL_WIDTH,
        "label_x": LABEL_WIDTH - 8,
        "bar_height": BAR_HEIGHT,
        "total": sum(count for _label, count, _url in rows),
    }


class ListingLinks:
    """The job descriptions listing filtered on one value: where the reader finds the sheets a
    figure counts (None when the listing is not published)."""

    def __init__(self):
        self.listing = index_url(JobDescriptionPage)

    def __call__(self, name, value):
        return f"{self.listing}?{urlencode({name: value})}" if self.listing else None


def _counts(queryset, field, choices, link):
    counts = dict(queryset.order_by().values_list(field).annotate(n=Count("pk")))
    return [(label, counts[code], link(field, code)) for code, label in choices if counts.get(code)]


def trade_statistics(queryset=None):
    jobs = public_jobs() if queryset is None else queryset
    unit = (_("sheet"), _("sheets"))
    link = ListingLinks()
    years = (
        jobs.order_by()
        .annotate(y=ExtractYear("date"))
        .values_list("y")
        .annotate(n=Count("pk"))
        .order_by("y")
    )
    return [
        bar_chart(
            "categorie",
            _("Job descriptions by category"),
            _("Category"),
            _counts(jobs, "category", JobCategory.choices, link),
            *unit,
        ),
        bar_chart(
            "filiere",
            _("Job descriptions by sector"),
            _("Sector"),
            _counts(jobs, "sector", JobSector.choices, link),
            *unit,
        ),
        bar_chart(
            "employeur",
            _("Job descriptions by employer type"),
            _("Employer type"),
            _counts(jobs, "authority_type", AuthorityType.choices, link),
            *unit,
        ),
        bar_chart(
            "region",
            _("Job descriptions by region"),
            _("Region"),
            _counts(jobs, "region", Region.choices, link),
            *unit,
        ),
        bar_chart(
            "annee",
            _("Job descriptions by year"),
            _("Year"),
            [(str(year), n, link("year", year)) for year, n in years if year],
            *unit,
        ),
    ]


def statistics(request):
    """« Métiers de la participation »: the figures of the trade, from the job descriptions."""
    jobs = public_jobs()
    total = jobs.count()
    return render(
        request,
        "practices/jobs/statistics.html",
        {
            "total": total,
            "total_text": ngettext(
                "%(count)s published job description", "%(count)s published job descriptions", total
            )
            % {"count": total},
            "charts": trade_statistics(jobs) if total else [],
            "title": capfirst(_("jobs of participation")),
        },
    )
