"""Migrations 0001 to 0005 in one, for new installs: the content types as they now are, then
the roles and the review workflow (0002's data migration). Databases that applied 0001 to 0005
keep them; the originals stay until every installation has."""

from importlib import import_module

import django.core.validators
import django.db.models.deletion
import modelcluster.contrib.taggit
import modelcluster.fields
import modelsearch.index
import wagtail.fields
from django.conf import settings
from django.db import migrations, models

import kb.fields

roles = import_module("practices.migrations.0002_roles_and_review_workflow")


class Migration(migrations.Migration):
    replaces = [
        ("practices", "0001_initial"),
        ("practices", "0002_roles_and_review_workflow"),
        ("practices", "0003_english_msgids"),
        ("practices", "0004_english_msgids"),
        ("practices", "0005_referenced_links"),
    ]

    initial = True

    dependencies = [
        ("kb", "0002_create_homepage"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailimages", "0027_image_description"),
    ]

    operations = [
        migrations.CreateModel(
            name="CharterIndexPage",
            fields=[
                (
                    "page_ptr",
                    models.OneToOneField(
                        auto_created=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        parent_link=True,
                        primary_key=True,
                        serialize=False,
                        to=settings.WAGTAIL_PAGE_MODEL,
                    ),
                ),
                ("intro", wagtail.fields.RichTextField(blank=True, verbose_name="introduction")),
            ],
            options={
                "verbose_name": "charters section",
            },
            bases=("wagtailcore.page",),
        ),
        migrations.CreateModel(
            name="EventIndexPage",
            fields=[
                (
                    "page_ptr",
                    models.OneToOneField(
                        auto_created=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        parent_link=True,
                        primary_key=True,
                        serialize=False,
                        to=settings.WAGTAIL_PAGE_MODEL,
                    ),
                ),
                ("intro", wagtail.fields.RichTextField(blank=True, verbose_name="introduction")),
            ],
            options={
                "verbose_name": "events section",
            },
            bases=("wagtailcore.page",),
        ),
        migrations.CreateModel(
            name="EventPage",
            fields=[
                (
                    "page_ptr",
                    models.OneToOneField(
                        auto_created=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        parent_link=True,
                        primary_key=True,
                        serialize=False,
                        to=settings.WAGTAIL_PAGE_MODEL,
                    ),
                ),
                (
                    "summary",
                    models.TextField(
                        help_text="Two to four sentences, shown in listings and search results.",
                        verbose_name="summary",
                    ),
                ),
                (
                    "authority_type",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("commune", "Municipality"),
                            ("intercommunality", "Inter-municipal body"),
                            ("department", "Department"),
                            ("region", "Region"),
                            ("state", "State"),
                            ("association", "Association / collective"),
                            ("public_body", "Public body"),
                            ("other", "Other"),
                        ],
                        max_length=32,
                        verbose_name="organisation type",
                    ),
                ),
                (
                    "region",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("auvergne-rhone-alpes", "Auvergne-Rhône-Alpes"),
                            ("bourgogne-franche-comte", "Bourgogne-Franche-Comté"),
                            ("bretagne", "Brittany"),
                            ("centre-val-de-loire", "Centre-Val de Loire"),
                            ("corse", "Corsica"),
                            ("grand-est", "Grand Est"),
                            ("hauts-de-france", "Hauts-de-France"),
                            ("ile-de-france", "Île-de-France"),
                            ("normandie", "Normandy"),
                            ("nouvelle-aquitaine", "Nouvelle-Aquitaine"),
                            ("occitanie", "Occitanie"),
                            ("pays-de-la-loire", "Pays de la Loire"),
                            ("provence-alpes-cote-d-azur", "Provence-Alpes-Côte d'Azur"),
                            ("guadeloupe", "Guadeloupe"),
                            ("martinique", "Martinique"),
                            ("guyane", "French Guiana"),
                            ("la-reunion", "Réunion"),
                            ("mayotte", "Mayotte"),
                            ("national", "National"),
                            ("international", "International"),
                        ],
                        max_length=32,
                        verbose_name="region",
                    ),
                ),
                ("start_date", models.DateField(verbose_name="start date")),
                ("end_date", models.DateField(blank=True, null=True, verbose_name="end date")),
                ("place", models.CharField(max_length=255, verbose_name="place")),
                (
                    "organisers",
                    models.TextField(
                        blank=True, help_text="One per line.", verbose_name="organisers"
                    ),
                ),
                (
                    "programme",
                    wagtail.fields.StreamField(
                        [("item", 5)],
                        blank=True,
                        block_lookup={
                            0: ("wagtail.blocks.DateBlock", (), {"label": "day"}),
                            1: (
                                "wagtail.blocks.TimeBlock",
                                (),
                                {"label": "time", "required": False},
                            ),
                            2: ("wagtail.blocks.CharBlock", (), {"label": "heading"}),
                            3: (
                                "wagtail.blocks.TextBlock",
                                (),
                                {"label": "description", "required": False},
                            ),
                            4: (
                                "wagtail.blocks.CharBlock",
                                (),
                                {"label": "speakers", "required": False},
                            ),
                            5: (
                                "wagtail.blocks.StructBlock",
                                [
                                    [
                                        ("date", 0),
                                        ("time", 1),
                                        ("title", 2),
                                        ("description", 3),
                                        ("speakers", 4),
                                    ]
                                ],
                                {},
                            ),
                        },
                        verbose_name="programme",
                    ),
                ),
                (
                    "body",
                    wagtail.fields.StreamField(
                        [
                            ("section", 5),
                            ("quotations", 11),
                            ("further_reading", 16),
                            ("resource_persons", 23),
                            ("documents", 28),
                        ],
                        blank=True,
                        block_lookup={
                            0: (
                                "wagtail.blocks.ChoiceBlock",
                                [],
                                {
                                    "choices": [
                                        ("context", "Context"),
                                        ("demands", "What it takes"),
                                        ("enables", "What it makes possible"),
                                        ("difficulties", "Difficulties"),
                                        ("recommendations", "Recommendations"),
                                        ("questions", "Open questions and debates"),
                                    ],
                                    "label": "section",
                                },
                            ),
                            1: (
                                "wagtail.blocks.CharBlock",
                                (),
                                {
                                    "help_text": "Leave empty to use the name of the section.",
                                    "label": "title",
                                    "required": False,
                                },
                            ),
                            2: (
                                "wagtail.blocks.RichTextBlock",
                                (),
                                {
                                    "features": [
                                        "bold",
                                        "italic",
                                        "h3",
                                        "h4",
                                        "ol",
                                        "ul",
                                        "link",
                                        "document-link",
                                    ],
                                    "label": "text",
                                    "required": False,
                                },
                            ),
                            3: ("wagtail.blocks.CharBlock", (), {"label": "point"}),
                            4: (
                                "wagtail.blocks.ListBlock",
                                (3,),
                                {"default": [], "label": "points"},
                            ),
                            5: (
                                "wagtail.blocks.StructBlock",
                                [[("kind", 0), ("heading", 1), ("text", 2), ("items", 4)]],
                                {},
                            ),
                            6: ("wagtail.blocks.TextBlock", (), {"label": "quotation"}),
                            7: (
                                "wagtail.blocks.CharBlock",
                                (),
                                {"label": "author", "required": False},
                            ),
                            8: (
                                "wagtail.blocks.CharBlock",
                                (),
                                {"label": "context", "required": False},
                            ),
                            9: (
                                "wagtail.blocks.StructBlock",
                                [[("text", 6), ("author", 7), ("context", 8)]],
                                {},
                            ),
                            10: ("wagtail.blocks.ListBlock", (9,), {"label": "quotations"}),
                            11: ("wagtail.blocks.StructBlock", [[("items", 10)]], {}),
                            12: ("wagtail.blocks.CharBlock", (), {"label": "heading"}),
                            13: ("wagtail.blocks.URLBlock", (), {"label": "web address"}),
                            14: ("wagtail.blocks.StructBlock", [[("title", 12), ("url", 13)]], {}),
                            15: ("wagtail.blocks.ListBlock", (14,), {"label": "links"}),
                            16: ("wagtail.blocks.StructBlock", [[("items", 15)]], {}),
                            17: ("wagtail.blocks.CharBlock", (), {"label": "name"}),
                            18: (
                                "wagtail.blocks.CharBlock",
                                (),
                                {"label": "job role", "required": False},
                            ),
                            19: (
                                "wagtail.blocks.CharBlock",
                                (),
                                {"label": "organisation", "required": False},
                            ),
                            20: (
                                "wagtail.blocks.EmailBlock",
                                (),
                                {"label": "email", "required": False},
                            ),
                            21: (
                                "wagtail.blocks.StructBlock",
                                [[("name", 17), ("role", 18), ("organisation", 19), ("email", 20)]],
                                {},
                            ),
                            22: ("wagtail.blocks.ListBlock", (21,), {"label": "people"}),
                            23: ("wagtail.blocks.StructBlock", [[("items", 22)]], {}),
                            24: (
                                "wagtail.documents.blocks.DocumentChooserBlock",
                                (),
                                {"label": "attached document"},
                            ),
                            25: (
                                "wagtail.blocks.CharBlock",
                                (),
                                {"label": "description", "required": False},
                            ),
                            26: (
                                "wagtail.blocks.StructBlock",
                                [[("document", 24), ("description", 25)]],
                                {},
                            ),
                            27: ("wagtail.blocks.ListBlock", (26,), {"label": "documents"}),
                            28: ("wagtail.blocks.StructBlock", [[("items", 27)]], {}),
                        },
                        verbose_name="what was said",
                    ),
                ),
            ],
            options={
                "verbose_name": "event",
                "verbose_name_plural": "events",
            },
            bases=("wagtailcore.page",),
        ),
        migrations.CreateModel(
            name="ExperienceIndexPage",
            fields=[
                (
                    "page_ptr",
                    models.OneToOneField(
                        auto_created=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        parent_link=True,
                        primary_key=True,
                        serialize=False,
                        to=settings.WAGTAIL_PAGE_MODEL,
                    ),
                ),
                ("intro", wagtail.fields.RichTextField(blank=True, verbose_name="introduction")),
            ],
            options={
                "verbose_name": "experience sheets section",
            },
            bases=("wagtailcore.page",),
        ),
        migrations.CreateModel(
            name="ExperiencePage",
            fields=[
                (
                    "page_ptr",
                    models.OneToOneField(
                        auto_created=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        parent_link=True,
                        primary_key=True,
                        serialize=False,
                        to=settings.WAGTAIL_PAGE_MODEL,
                    ),
                ),
                (
                    "summary",
                    models.TextField(
                        help_text="Two to four sentences, shown in listings and search results.",
                        verbose_name="summary",
                    ),
                ),
                (
                    "organisation",
                    models.CharField(max_length=255, verbose_name="lead organisation"),
                ),
                (
                    "authority_type",
                    models.CharField(
                        choices=[
                            ("commune", "Municipality"),
                            ("intercommunality", "Inter-municipal body"),
                            ("department", "Department"),
                            ("region", "Region"),
                            ("state", "State"),
                            ("association", "Association / collective"),
                            ("public_body", "Public body"),
                            ("other", "Other"),
                        ],
                        max_length=32,
                        verbose_name="organisation type",
                    ),
                ),
                (
                    "region",
                    models.CharField(
                        choices=[
                            ("auvergne-rhone-alpes", "Auvergne-Rhône-Alpes"),
                            ("bourgogne-franche-comte", "Bourgogne-Franche-Comté"),
                            ("bretagne", "Brittany"),
                            ("centre-val-de-loire", "Centre-Val de Loire"),
                            ("corse", "Corsica"),
                            ("grand-est", "Grand Est"),
                            ("hauts-de-france", "Hauts-de-France"),
                            ("ile-de-france", "Île-de-France"),
                            ("normandie", "Normandy"),
                            ("nouvelle-aquitaine", "Nouvelle-Aquitaine"),
                            ("occitanie", "Occitanie"),
                            ("pays-de-la-loire", "Pays de la Loire"),
                            ("provence-alpes-cote-d-azur", "Provence-Alpes-Côte d'Azur"),
                            ("guadeloupe", "Guadeloupe"),
                            ("martinique", "Martinique"),
                            ("guyane", "French Guiana"),
                            ("la-reunion", "Réunion"),
                            ("mayotte", "Mayotte"),
                            ("national", "National"),
                            ("international", "International"),
                        ],
                        max_length=32,
                        verbose_name="region",
                    ),
                ),
                (
                    "department",
                    models.CharField(
                        blank=True,
                        max_length=3,
                        validators=[
                            django.core.validators.RegexValidator(
                                "^(0[1-9]|[1-8][0-9]|9[0-5]|2A|2B|97[1-6])$",
                                "Give a department number, for example 59, 2A or 974.",
                            )
                        ],
                        verbose_name="department",
                    ),
                ),
                (
                    "start_year",
                    models.PositiveSmallIntegerField(
                        validators=[
                            django.core.validators.MinValueValidator(1945),
                            django.core.validators.MaxValueValidator(2100),
                        ],
                        verbose_name="start year",
                    ),
                ),
                (
                    "end_year",
                    models.PositiveSmallIntegerField(
                        blank=True,
                        null=True,
                        validators=[
                            django.core.validators.MinValueValidator(1945),
                            django.core.validators.MaxValueValidator(2100),
                        ],
                        verbose_name="end year",
                    ),
                ),
                ("publics", models.TextField(blank=True, verbose_name="target audiences")),
                (
                    "methods",
                    kb.fields.MultipleChoiceField(
                        allowed_choices=[
                            ("neighbourhood_council", "Neighbourhood council"),
                            ("citizens_council", "Citizens' council"),
                            ("participatory_budget", "Participatory budget"),
                            ("citizens_workshop", "Citizens' workshop"),
                            ("citizens_conference", "Citizens' conference"),
                            ("exploratory_walk", "Exploratory walk"),
                            ("sortition", "Sortition"),
                            ("digital_consultation", "Online consultation"),
                            ("public_debate", "Public debate"),
                            ("user_committee", "Users' committee"),
                            ("development_council", "Development council"),
                            ("collective_action", "Citizens' collective / empowerment"),
                        ],
                        verbose_name="participation methods",
                    ),
                ),
                (
                    "level",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("information", "Information"),
                            ("consultation", "Consultation"),
                            ("concertation", "Concertation"),
                            ("co_construction", "Co-construction"),
                            ("co_decision", "Co-decision"),
                        ],
                        max_length=32,
                        verbose_name="participation level",
                    ),
                ),
                (
                    "body",
                    wagtail.fields.StreamField(
                        [
                            ("section", 5),
                            ("quotations", 11),
                            ("further_reading", 16),
                            ("resource_persons", 23),
                            ("documents", 28),
                        ],
                        blank=True,
                        block_lookup={
                            0: (
                                "wagtail.blocks.ChoiceBlock",
                                [],
                                {
                                    "choices": [
                                        ("context", "Context"),
                                        ("demands", "What it takes"),
                                        ("enables", "What it makes possible"),
                                        ("difficulties", "Difficulties"),
                                        ("recommendations", "Recommendations"),
                                        ("questions", "Open questions and debates"),
                                    ],
                                    "label": "section",
                                },
                            ),
                            1: (
                                "wagtail.blocks.CharBlock",
                                (),
                                {
                                    "help_text": "Leave empty to use the name of the section.",
                                    "label": "title",
                                    "required": False,
                                },
                            ),
                            2: (
                                "wagtail.blocks.RichTextBlock",
                                (),
                                {
                                    "features": [
                                        "bold",
                                        "italic",
                                        "h3",
                                        "h4",
                                        "ol",
                                        "ul",
                                        "link",
                                        "document-link",
                                    ],
                                    "label": "text",
                                    "required": False,
                                },
                            ),
                            3: ("wagtail.blocks.CharBlock", (), {"label": "point"}),
                            4: (
                                "wagtail.blocks.ListBlock",
                                (3,),
                                {"default": [], "label": "points"},
                            ),
                            5: (
                                "wagtail.blocks.StructBlock",
                                [[("kind", 0), ("heading", 1), ("text", 2), ("items", 4)]],
                                {},
                            ),
                            6: ("wagtail.blocks.TextBlock", (), {"label": "quotation"}),
                            7: (
                                "wagtail.blocks.CharBlock",
                                (),
                                {"label": "author", "required": False},
                            ),
                            8: (
                                "wagtail.blocks.CharBlock",
                                (),
                                {"label": "context", "required": False},
                            ),
                            9: (
                                "wagtail.blocks.StructBlock",
                                [[("text", 6), ("author", 7), ("context", 8)]],
                                {},
                            ),
                            10: ("wagtail.blocks.ListBlock", (9,), {"label": "quotations"}),
                            11: ("wagtail.blocks.StructBlock", [[("items", 10)]], {}),
                            12: ("wagtail.blocks.CharBlock", (), {"label": "heading"}),
                            13: ("wagtail.blocks.URLBlock", (), {"label": "web address"}),
                            14: ("wagtail.blocks.StructBlock", [[("title", 12), ("url", 13)]], {}),
                            15: ("wagtail.blocks.ListBlock", (14,), {"label": "links"}),
                            16: ("wagtail.blocks.StructBlock", [[("items", 15)]], {}),
                            17: ("wagtail.blocks.CharBlock", (), {"label": "name"}),
                            18: (
                                "wagtail.blocks.CharBlock",
                                (),
                                {"label": "job role", "required": False},
                            ),
                            19: (
                                "wagtail.blocks.CharBlock",
                                (),
                                {"label": "organisation", "required": False},
                            ),
                            20: (
                                "wagtail.blocks.EmailBlock",
                                (),
                                {"label": "email", "required": False},
                            ),
                            21: (
                                "wagtail.blocks.StructBlock",
                                [[("name", 17), ("role", 18), ("organisation", 19), ("email", 20)]],
                                {},
                            ),
                            22: ("wagtail.blocks.ListBlock", (21,), {"label": "people"}),
                            23: ("wagtail.blocks.StructBlock", [[("items", 22)]], {}),
                            24: (
                                "wagtail.documents.blocks.DocumentChooserBlock",
                                (),
                                {"label": "attached document"},
                            ),
                            25: (
                                "wagtail.blocks.CharBlock",
                                (),
                                {"label": "description", "required": False},
                            ),
                            26: (
                                "wagtail.blocks.StructBlock",
                                [[("document", 24), ("description", 25)]],
                                {},
                            ),
                            27: ("wagtail.blocks.ListBlock", (26,), {"label": "documents"}),
                            28: ("wagtail.blocks.StructBlock", [[("items", 27)]], {}),
                        },
                        verbose_name="synthesis",
                    ),
                ),
            ],
            options={
                "verbose_name": "experience sheet",
                "verbose_name_plural": "experience sheets",
            },
            bases=("wagtailcore.page",),
        ),
        migrations.CreateModel(
            name="JobDescriptionIndexPage",
            fields=[
                (
                    "page_ptr",
                    models.OneToOneField(
                        auto_created=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        parent_link=True,
                        primary_key=True,
                        serialize=False,
                        to=settings.WAGTAIL_PAGE_MODEL,
                    ),
                ),
                ("intro", wagtail.fields.RichTextField(blank=True, verbose_name="introduction")),
            ],
            options={
                "verbose_name": "job descriptions section",
            },
            bases=("wagtailcore.page",),
        ),
        migrations.CreateModel(
            name="WorkshopOutcomeIndexPage",
            fields=[
                (
                    "page_ptr",
                    models.OneToOneField(
                        auto_created=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        parent_link=True,
                        primary_key=True,
                        serialize=False,
                        to=settings.WAGTAIL_PAGE_MODEL,
                    ),
                ),
                ("intro", wagtail.fields.RichTextField(blank=True, verbose_name="introduction")),
            ],
            options={
                "verbose_name": "workshop outcomes section",
            },
            bases=("wagtailcore.page",),
        ),
        migrations.CreateModel(
            name="CharterPage",
            fields=[
                (
                    "page_ptr",
                    models.OneToOneField(
                        auto_created=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        parent_link=True,
                        primary_key=True,
                        serialize=False,
                        to=settings.WAGTAIL_PAGE_MODEL,
                    ),
                ),
                (
                    "summary",
                    models.TextField(
                        help_text="Two to four sentences, shown in listings and search results.",
                        verbose_name="summary",
                    ),
                ),
                (
                    "authority_type",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("commune", "Municipality"),
                            ("intercommunality", "Inter-municipal body"),
                            ("department", "Department"),
                            ("region", "Region"),
                            ("state", "State"),
                            ("association", "Association / collective"),
                            ("public_body", "Public body"),
                            ("other", "Other"),
                        ],
                        max_length=32,
                        verbose_name="organisation type",
                    ),
                ),
                (
                    "region",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("auvergne-rhone-alpes", "Auvergne-Rhône-Alpes"),
                            ("bourgogne-franche-comte", "Bourgogne-Franche-Comté"),
                            ("bretagne", "Brittany"),
                            ("centre-val-de-loire", "Centre-Val de Loire"),
                            ("corse", "Corsica"),
                            ("grand-est", "Grand Est"),
                            ("hauts-de-france", "Hauts-de-France"),
                            ("ile-de-france", "Île-de-France"),
                            ("normandie", "Normandy"),
                            ("nouvelle-aquitaine", "Nouvelle-Aquitaine"),
                            ("occitanie", "Occitanie"),
                            ("pays-de-la-loire", "Pays de la Loire"),
                            ("provence-alpes-cote-d-azur", "Provence-Alpes-Côte d'Azur"),
                            ("guadeloupe", "Guadeloupe"),
                            ("martinique", "Martinique"),
                            ("guyane", "French Guiana"),
                            ("la-reunion", "Réunion"),
                            ("mayotte", "Mayotte"),
                            ("national", "National"),
                            ("international", "International"),
                        ],
                        max_length=32,
                        verbose_name="region",
                    ),
                ),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("manifesto", "Manifesto"),
                            ("practical_guide", "Practical guide"),
                            ("reference_document", "Reference document"),
                        ],
                        max_length=32,
                        verbose_name="kind",
                    ),
                ),
                (
                    "drawn_up_by",
                    kb.fields.MultipleChoiceField(
                        allowed_choices=[
                            ("elected", "Elected officials"),
                            ("services", "Council services"),
                            ("citizens", "Citizens"),
                        ],
                        verbose_name="drawn up by",
                    ),
                ),
                (
                    "serves_as",
                    kb.fields.MultipleChoiceField(
                        allowed_choices=[
                            ("reference", "Reference document"),
                            ("operating_framework", "Operating framework"),
                            ("guarantee_framework", "Guarantee framework"),
                        ],
                        verbose_name="serves as",
                    ),
                ),
                ("guarantor", models.TextField(blank=True, verbose_name="guarantee mechanism")),
                (
                    "adoption_date",
                    models.DateField(blank=True, null=True, verbose_name="adoption date"),
                ),
                (
                    "authority",
                    models.CharField(
                        blank=True, max_length=255, verbose_name="local authority or organisation"
                    ),
                ),
                (
                    "body",
                    wagtail.fields.StreamField(
                        [
                            ("section", 5),
                            ("quotations", 11),
                            ("further_reading", 16),
                            ("resource_persons", 23),
                            ("documents", 28),
                        ],
                        blank=True,
                        block_lookup={
                            0: (
                                "wagtail.blocks.ChoiceBlock",
                                [],
                                {
                                    "choices": [
                                        ("context", "Context"),
                                        ("demands", "What it takes"),
                                        ("enables", "What it makes possible"),
                                        ("difficulties", "Difficulties"),
                                        ("recommendations", "Recommendations"),
                                        ("questions", "Open questions and debates"),
                                    ],
                                    "label": "section",
                                },
                            ),
                            1: (
                                "wagtail.blocks.CharBlock",
                                (),
                                {
                                    "help_text": "Leave empty to use the name of the section.",
                                    "label": "title",
                                    "required": False,
                                },
                            ),
                            2: (
                                "wagtail.blocks.RichTextBlock",
                                (),
                                {
                                    "features": [
                                        "bold",
                                        "italic",
                                        "h3",
                                        "h4",
                                        "ol",
                                        "ul",
                                        "link",
                                        "document-link",
                                    ],
                                    "label": "text",
                                    "required": False,
                                },
                            ),
                            3: ("wagtail.blocks.CharBlock", (), {"label": "point"}),
                            4: (
                                "wagtail.blocks.ListBlock",
                                (3,),
                                {"default": [], "label": "points"},
                            ),
                            5: (
                                "wagtail.blocks.StructBlock",
                                [[("kind", 0), ("heading", 1), ("text", 2), ("items", 4)]],
                                {},
                            ),
                            6: ("wagtail.blocks.TextBlock", (), {"label": "quotation"}),
                            7: (
                                "wagtail.blocks.CharBlock",
                                (),
                                {"label": "author", "required": False},
                            ),
                            8: (
                                "wagtail.blocks.CharBlock",
                                (),
                                {"label": "context", "required": False},
                            ),
                            9: (
                                "wagtail.blocks.StructBlock",
                                [[("text", 6), ("author", 7), ("context", 8)]],
                                {},
                            ),
                            10: ("wagtail.blocks.ListBlock", (9,), {"label": "quotations"}),
                            11: ("wagtail.blocks.StructBlock", [[("items", 10)]], {}),
                            12: ("wagtail.blocks.CharBlock", (), {"label": "heading"}),
                            13: ("wagtail.blocks.URLBlock", (), {"label": "web address"}),
                            14: ("wagtail.blocks.StructBlock", [[("title", 12), ("url", 13)]], {}),
                            15: ("wagtail.blocks.ListBlock", (14,), {"label": "links"}),
                            16: ("wagtail.blocks.StructBlock", [[("items", 15)]], {}),
                            17: ("wagtail.blocks.CharBlock", (), {"label": "name"}),
                            18: (
                                "wagtail.blocks.CharBlock",
                                (),
                                {"label": "job role", "required": False},
                            ),
                            19: (
                                "wagtail.blocks.CharBlock",
                                (),
                                {"label": "organisation", "required": False},
                            ),
                            20: (
                                "wagtail.blocks.EmailBlock",
                                (),
                                {"label": "email", "required": False},
                            ),
                            21: (
                                "wagtail.blocks.StructBlock",
                                [[("name", 17), ("role", 18), ("organisation", 19), ("email", 20)]],
                                {},
                            ),
                            22: ("wagtail.blocks.ListBlock", (21,), {"label": "people"}),
                            23: ("wagtail.blocks.StructBlock", [[("items", 22)]], {}),
                            24: (
                                "wagtail.documents.blocks.DocumentChooserBlock",
                                (),
                                {"label": "attached document"},
                            ),
                            25: (
                                "wagtail.blocks.CharBlock",
                                (),
                                {"label": "description", "required": False},
                            ),
                            26: (
                                "wagtail.blocks.StructBlock",
                                [[("document", 24), ("description", 25)]],
                                {},
                            ),
                            27: ("wagtail.blocks.ListBlock", (26,), {"label": "documents"}),
                            28: ("wagtail.blocks.StructBlock", [[("items", 27)]], {}),
                        },
                        verbose_name="content",
                    ),
                ),
                (
                    "document",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="wagtaildocs.document",
                        verbose_name="charter text",
                    ),
                ),
            ],
            options={
                "verbose_name": "participation charter",
                "verbose_name_plural": "participation charters",
            },
            bases=("wagtailcore.page",),
        ),
        migrations.CreateModel(
            name="CharterPageTag",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "content_object",
                    modelcluster.fields.ParentalKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="tagged_items",
                        to="practices.charterpage",
                    ),
                ),
                (
                    "tag",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="%(app_label)s_%(class)s_items",
                        to="taggit.tag",
                    ),
                ),
            ],
            options={
                "abstract": False,
            },
        ),
        migrations.AddField(
            model_name="charterpage",
            name="tags",
            field=modelcluster.contrib.taggit.ClusterTaggableManager(
                blank=True,
                help_text="A comma-separated list of tags.",
                through="practices.CharterPageTag",
                to="taggit.Tag",
                verbose_name="tags",
            ),
        ),
        migrations.CreateModel(
            name="EventPageTag",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "content_object",
                    modelcluster.fields.ParentalKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="tagged_items",
                        to="practices.eventpage",
                    ),
                ),
                (
                    "tag",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="%(app_label)s_%(class)s_items",
                        to="taggit.tag",
                    ),
                ),
            ],
            options={
                "abstract": False,
            },
        ),
        migrations.AddField(
            model_name="eventpage",
            name="tags",
            field=modelcluster.contrib.taggit.ClusterTaggableManager(
                blank=True,
                help_text="A comma-separated list of tags.",
                through="practices.EventPageTag",
                to="taggit.Tag",
                verbose_name="tags",
            ),
        ),
        migrations.CreateModel(
            name="ExperiencePageTag",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "content_object",
                    modelcluster.fields.ParentalKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="tagged_items",
                        to="practices.experiencepage",
                    ),
                ),
                (
                    "tag",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="%(app_label)s_%(class)s_items",
                        to="taggit.tag",
                    ),
                ),
            ],
            options={
                "abstract": False,
            },
        ),
        migrations.AddField(
            model_name="experiencepage",
            name="tags",
            field=modelcluster.contrib.taggit.ClusterTaggableManager(
                blank=True,
                help_text="A comma-separated list of tags.",
                through="practices.ExperiencePageTag",
                to="taggit.Tag",
                verbose_name="tags",
            ),
        ),
        migrations.CreateModel(
            name="JobDescriptionPage",
            fields=[
                (
                    "page_ptr",
                    models.OneToOneField(
                        auto_created=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        parent_link=True,
                        primary_key=True,
                        serialize=False,
                        to=settings.WAGTAIL_PAGE_MODEL,
                    ),
                ),
                (
                    "summary",
                    models.TextField(
                        help_text="Two to four sentences, shown in listings and search results.",
                        verbose_name="summary",
                    ),
                ),
                (
                    "region",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("auvergne-rhone-alpes", "Auvergne-Rhône-Alpes"),
                            ("bourgogne-franche-comte", "Bourgogne-Franche-Comté"),
                            ("bretagne", "Brittany"),
                            ("centre-val-de-loire", "Centre-Val de Loire"),
                            ("corse", "Corsica"),
                            ("grand-est", "Grand Est"),
                            ("hauts-de-france", "Hauts-de-France"),
                            ("ile-de-france", "Île-de-France"),
                            ("normandie", "Normandy"),
                            ("nouvelle-aquitaine", "Nouvelle-Aquitaine"),
                            ("occitanie", "Occitanie"),
                            ("pays-de-la-loire", "Pays de la Loire"),
                            ("provence-alpes-cote-d-azur", "Provence-Alpes-Côte d'Azur"),
                            ("guadeloupe", "Guadeloupe"),
                            ("martinique", "Martinique"),
                            ("guyane", "French Guiana"),
                            ("la-reunion", "Réunion"),
                            ("mayotte", "Mayotte"),
                            ("national", "National"),
                            ("international", "International"),
                        ],
                        max_length=32,
                        verbose_name="region",
                    ),
                ),
                ("job_title", models.CharField(max_length=255, verbose_name="job title")),
                ("employer", models.CharField(max_length=255, verbose_name="employer")),
                (
                    "authority_type",
                    models.CharField(
                        choices=[
                            ("commune", "Municipality"),
                            ("intercommunality", "Inter-municipal body"),
                            ("department", "Department"),
                            ("region", "Region"),
                            ("state", "State"),
                            ("association", "Association / collective"),
                            ("public_body", "Public body"),
                            ("other", "Other"),
                        ],
                        max_length=32,
                        verbose_name="employer type",
                    ),
                ),
                (
                    "category",
                    models.CharField(
                        choices=[("A", "Category A"), ("B", "Category B"), ("C", "Category C")],
                        max_length=1,
                        verbose_name="category",
                    ),
                ),
                (
                    "sector",
                    models.CharField(
                        choices=[
                            ("administrative", "Administrative"),
                            ("technical", "Technical"),
                            ("animation", "Community work"),
                            ("cultural", "Cultural"),
                            ("social", "Social"),
                            ("medico_social", "Medico-social"),
                            ("sports", "Sports"),
                            ("municipal_police", "Municipal police"),
                            ("other", "Other / contract staff"),
                        ],
                        max_length=32,
                        verbose_name="sector",
                    ),
                ),
                (
                    "employment_framework",
                    models.CharField(
                        blank=True, max_length=255, verbose_name="employment framework"
                    ),
                ),
                (
                    "service",
                    models.CharField(
                        blank=True, max_length=255, verbose_name="parent service or directorate"
                    ),
                ),
                (
                    "reporting_line",
                    models.CharField(blank=True, max_length=255, verbose_name="reporting line"),
                ),
                (
                    "missions",
                    models.TextField(help_text="One item per line.", verbose_name="missions"),
                ),
                (
                    "activities",
                    models.TextField(
                        blank=True, help_text="One item per line.", verbose_name="activities"
                    ),
                ),
                (
                    "skills_knowledge",
                    models.TextField(
                        blank=True, help_text="One item per line.", verbose_name="knowledge"
                    ),
                ),
                (
                    "skills_know_how",
                    models.TextField(
                        blank=True, help_text="One item per line.", verbose_name="know-how"
                    ),
                ),
                (
                    "skills_interpersonal",
                    models.TextField(
                        blank=True,
                        help_text="One item per line.",
                        verbose_name="interpersonal skills",
                    ),
                ),
                (
                    "working_conditions",
                    models.TextField(blank=True, verbose_name="working conditions"),
                ),
                ("date", models.DateField(verbose_name="sheet date")),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("example", "Example"),
                            ("open", "Open position"),
                            ("filled", "Filled position"),
                        ],
                        max_length=16,
                        verbose_name="status",
                    ),
                ),
                (
                    "document",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="wagtaildocs.document",
                        verbose_name="job description as a PDF",
                    ),
                ),
            ],
            options={
                "verbose_name": "job description",
                "verbose_name_plural": "job descriptions",
            },
            bases=("wagtailcore.page",),
        ),
        migrations.CreateModel(
            name="JobDescriptionPageTag",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "content_object",
                    modelcluster.fields.ParentalKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="tagged_items",
                        to="practices.jobdescriptionpage",
                    ),
                ),
                (
                    "tag",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="%(app_label)s_%(class)s_items",
                        to="taggit.tag",
                    ),
                ),
            ],
            options={
                "abstract": False,
            },
        ),
        migrations.AddField(
            model_name="jobdescriptionpage",
            name="tags",
            field=modelcluster.contrib.taggit.ClusterTaggableManager(
                blank=True,
                help_text="A comma-separated list of tags.",
                through="practices.JobDescriptionPageTag",
                to="taggit.Tag",
                verbose_name="tags",
            ),
        ),
        migrations.CreateModel(
            name="Theme",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("name", models.CharField(max_length=120, unique=True, verbose_name="name")),
                (
                    "slug",
                    models.SlugField(
                        max_length=120, unique=True, verbose_name="address identifier"
                    ),
                ),
                ("description", models.TextField(blank=True, verbose_name="description")),
                ("order", models.PositiveSmallIntegerField(default=0, verbose_name="order")),
                (
                    "parent",
                    models.ForeignKey(
                        blank=True,
                        limit_choices_to={"parent__isnull": True},
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="children",
                        to="practices.theme",
                        verbose_name="parent theme",
                    ),
                ),
            ],
            options={
                "verbose_name": "theme",
                "verbose_name_plural": "themes",
                "ordering": ["order", "name"],
            },
            bases=(modelsearch.index.Indexed, models.Model),
        ),
        migrations.AddField(
            model_name="jobdescriptionpage",
            name="themes",
            field=kb.fields.ReferencedManyToManyField(
                blank=True, to="practices.theme", verbose_name="themes"
            ),
        ),
        migrations.AddField(
            model_name="experiencepage",
            name="themes",
            field=kb.fields.ReferencedManyToManyField(
                blank=True, to="practices.theme", verbose_name="themes"
            ),
        ),
        migrations.AddField(
            model_name="eventpage",
            name="themes",
            field=kb.fields.ReferencedManyToManyField(
                blank=True, to="practices.theme", verbose_name="themes"
            ),
        ),
        migrations.AddField(
            model_name="charterpage",
            name="themes",
            field=kb.fields.ReferencedManyToManyField(
                blank=True, to="practices.theme", verbose_name="themes"
            ),
        ),
        migrations.CreateModel(
            name="WorkshopOutcomePage",
            fields=[
                (
                    "page_ptr",
                    models.OneToOneField(
                        auto_created=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        parent_link=True,
                        primary_key=True,
                        serialize=False,
                        to=settings.WAGTAIL_PAGE_MODEL,
                    ),
                ),
                (
                    "summary",
                    models.TextField(
                        help_text="Two to four sentences, shown in listings and search results.",
                        verbose_name="summary",
                    ),
                ),
                (
                    "authority_type",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("commune", "Municipality"),
                            ("intercommunality", "Inter-municipal body"),
                            ("department", "Department"),
                            ("region", "Region"),
                            ("state", "State"),
                            ("association", "Association / collective"),
                            ("public_body", "Public body"),
                            ("other", "Other"),
                        ],
                        max_length=32,
                        verbose_name="organisation type",
                    ),
                ),
                (
                    "region",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("auvergne-rhone-alpes", "Auvergne-Rhône-Alpes"),
                            ("bourgogne-franche-comte", "Bourgogne-Franche-Comté"),
                            ("bretagne", "Brittany"),
                            ("centre-val-de-loire", "Centre-Val de Loire"),
                            ("corse", "Corsica"),
                            ("grand-est", "Grand Est"),
                            ("hauts-de-france", "Hauts-de-France"),
                            ("ile-de-france", "Île-de-France"),
                            ("normandie", "Normandy"),
                            ("nouvelle-aquitaine", "Nouvelle-Aquitaine"),
                            ("occitanie", "Occitanie"),
                            ("pays-de-la-loire", "Pays de la Loire"),
                            ("provence-alpes-cote-d-azur", "Provence-Alpes-Côte d'Azur"),
                            ("guadeloupe", "Guadeloupe"),
                            ("martinique", "Martinique"),
                            ("guyane", "French Guiana"),
                            ("la-reunion", "Réunion"),
                            ("mayotte", "Mayotte"),
                            ("national", "National"),
                            ("international", "International"),
                        ],
                        max_length=32,
                        verbose_name="region",
                    ),
                ),
                (
                    "round",
                    models.PositiveSmallIntegerField(
                        blank=True, null=True, verbose_name="session (round)"
                    ),
                ),
                ("question", models.TextField(verbose_name="question worked on")),
                (
                    "body",
                    wagtail.fields.StreamField(
                        [
                            ("section", 5),
                            ("quotations", 11),
                            ("further_reading", 16),
                            ("resource_persons", 23),
                            ("documents", 28),
                        ],
                        blank=True,
                        block_lookup={
                            0: (
                                "wagtail.blocks.ChoiceBlock",
                                [],
                                {
                                    "choices": [
                                        ("context", "Context"),
                                        ("demands", "What it takes"),
                                        ("enables", "What it makes possible"),
                                        ("difficulties", "Difficulties"),
                                        ("recommendations", "Recommendations"),
                                        ("questions", "Open questions and debates"),
                                    ],
                                    "label": "section",
                                },
                            ),
                            1: (
                                "wagtail.blocks.CharBlock",
                                (),
                                {
                                    "help_text": "Leave empty to use the name of the section.",
                                    "label": "title",
                                    "required": False,
                                },
                            ),
                            2: (
                                "wagtail.blocks.RichTextBlock",
                                (),
                                {
                                    "features": [
                                        "bold",
                                        "italic",
                                        "h3",
                                        "h4",
                                        "ol",
                                        "ul",
                                        "link",
                                        "document-link",
                                    ],
                                    "label": "text",
                                    "required": False,
                                },
                            ),
                            3: ("wagtail.blocks.CharBlock", (), {"label": "point"}),
                            4: (
                                "wagtail.blocks.ListBlock",
                                (3,),
                                {"default": [], "label": "points"},
                            ),
                            5: (
                                "wagtail.blocks.StructBlock",
                                [[("kind", 0), ("heading", 1), ("text", 2), ("items", 4)]],
                                {},
                            ),
                            6: ("wagtail.blocks.TextBlock", (), {"label": "quotation"}),
                            7: (
                                "wagtail.blocks.CharBlock",
                                (),
                                {"label": "author", "required": False},
                            ),
                            8: (
                                "wagtail.blocks.CharBlock",
                                (),
                                {"label": "context", "required": False},
                            ),
                            9: (
                                "wagtail.blocks.StructBlock",
                                [[("text", 6), ("author", 7), ("context", 8)]],
                                {},
                            ),
                            10: ("wagtail.blocks.ListBlock", (9,), {"label": "quotations"}),
                            11: ("wagtail.blocks.StructBlock", [[("items", 10)]], {}),
                            12: ("wagtail.blocks.CharBlock", (), {"label": "heading"}),
                            13: ("wagtail.blocks.URLBlock", (), {"label": "web address"}),
                            14: ("wagtail.blocks.StructBlock", [[("title", 12), ("url", 13)]], {}),
                            15: ("wagtail.blocks.ListBlock", (14,), {"label": "links"}),
                            16: ("wagtail.blocks.StructBlock", [[("items", 15)]], {}),
                            17: ("wagtail.blocks.CharBlock", (), {"label": "name"}),
                            18: (
                                "wagtail.blocks.CharBlock",
                                (),
                                {"label": "job role", "required": False},
                            ),
                            19: (
                                "wagtail.blocks.CharBlock",
                                (),
                                {"label": "organisation", "required": False},
                            ),
                            20: (
                                "wagtail.blocks.EmailBlock",
                                (),
                                {"label": "email", "required": False},
                            ),
                            21: (
                                "wagtail.blocks.StructBlock",
                                [[("name", 17), ("role", 18), ("organisation", 19), ("email", 20)]],
                                {},
                            ),
                            22: ("wagtail.blocks.ListBlock", (21,), {"label": "people"}),
                            23: ("wagtail.blocks.StructBlock", [[("items", 22)]], {}),
                            24: (
                                "wagtail.documents.blocks.DocumentChooserBlock",
                                (),
                                {"label": "attached document"},
                            ),
                            25: (
                                "wagtail.blocks.CharBlock",
                                (),
                                {"label": "description", "required": False},
                            ),
                            26: (
                                "wagtail.blocks.StructBlock",
                                [[("document", 24), ("description", 25)]],
                                {},
                            ),
                            27: ("wagtail.blocks.ListBlock", (26,), {"label": "documents"}),
                            28: ("wagtail.blocks.StructBlock", [[("items", 27)]], {}),
                        },
                        verbose_name="collective synthesis",
                    ),
                ),
                (
                    "event",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="workshop_outcomes",
                        to="practices.eventpage",
                        verbose_name="event",
                    ),
                ),
                (
                    "experiences",
                    kb.fields.ReferencedManyToManyField(
                        blank=True,
                        related_name="workshops",
                        to="practices.experiencepage",
                        verbose_name="experiences presented",
                    ),
                ),
                (
                    "themes",
                    kb.fields.ReferencedManyToManyField(
                        blank=True, to="practices.theme", verbose_name="themes"
                    ),
                ),
            ],
            options={
                "verbose_name": "workshop outcome",
                "verbose_name_plural": "workshop outcomes",
            },
            bases=("wagtailcore.page",),
        ),
        migrations.CreateModel(
            name="WorkshopOutcomePageTag",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "content_object",
                    modelcluster.fields.ParentalKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="tagged_items",
                        to="practices.workshopoutcomepage",
                    ),
                ),
                (
                    "tag",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="%(app_label)s_%(class)s_items",
                        to="taggit.tag",
                    ),
                ),
            ],
            options={
                "abstract": False,
            },
        ),
        migrations.AddField(
            model_name="workshopoutcomepage",
            name="tags",
            field=modelcluster.contrib.taggit.ClusterTaggableManager(
                blank=True,
                help_text="A comma-separated list of tags.",
                through="practices.WorkshopOutcomePageTag",
                to="taggit.Tag",
                verbose_name="tags",
            ),
        ),
        migrations.RunPython(roles.create_roles, roles.remove_roles),
    ]
