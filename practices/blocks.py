"""StreamField blocks of Praxis's pages: the workshops' flip-chart sections and what goes with them.

Each block has its own template under ``templates/blocks/``; pages use the named lists at the end.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock

from kb.models import SAFE_RICH_TEXT_FEATURES


class SectionKind:
    """The headings of a workshop's flip-chart, in their usual order."""

    CHOICES = [
        ("context", _("Contexte")),
        ("demands", _("Ce que cela demande")),
        ("enables", _("Ce que cela permet")),
        ("difficulties", _("Difficultés")),
        ("recommendations", _("Préconisations")),
        ("questions", _("Questions ouvertes et débats")),
    ]
    LABELS = dict(CHOICES)


class SynthesisSectionBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(choices=SectionKind.CHOICES, label=_("rubrique"))
    heading = blocks.CharBlock(
        required=False,
        label=_("titre"),
        help_text=_("Laisser vide pour reprendre le nom de la rubrique."),
    )
    text = blocks.RichTextBlock(required=False, features=SAFE_RICH_TEXT_FEATURES, label=_("texte"))
    items = blocks.ListBlock(blocks.CharBlock(label=_("point")), default=[], label=_("points"))

    class Meta:
        icon = "list-ul"
        label = _("Rubrique de synthèse")
        template = "blocks/synthesis_section.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["heading"] = value.get("heading") or SectionKind.LABELS.get(value.get("kind"), "")
        return context


class QuotationBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("citation"))
    author = blocks.CharBlock(required=False, label=_("auteur ou autrice"))
    context = blocks.CharBlock(required=False, label=_("contexte"))

    class Meta:
        icon = "openquote"
        label = _("Citation")


class QuotationsBlock(blocks.StructBlock):
    items = blocks.ListBlock(QuotationBlock(), label=_("citations"))

    class Meta:
        icon = "openquote"
        label = _("Choses dites")
        template = "blocks/quotations.html"


class LinkBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("intitulé"))
    url = blocks.URLBlock(label=_("adresse"))

    class Meta:
        icon = "link"
        label = _("Lien")


class FurtherReadingBlock(blocks.StructBlock):
    items = blocks.ListBlock(LinkBlock(), label=_("liens"))

    class Meta:
        icon = "link"
        label = _("En savoir plus")
        template = "blocks/further_reading.html"


class ResourcePersonBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("nom"))
    role = blocks.CharBlock(required=False, label=_("fonction"))
    organisation = blocks.CharBlock(required=False, label=_("organisation"))
    email = blocks.EmailBlock(required=False, label=_("courriel"))

    class Meta:
        icon = "user"
        label = _("Personne ressource")


class ResourcePersonsBlock(blocks.StructBlock):
    """Contacts of the people behind a practice: their e-mail is shown to signed-in members only."""

    items = blocks.ListBlock(ResourcePersonBlock(), label=_("personnes"))

    class Meta:
        icon = "group"
        label = _("Personnes ressources")
        template = "blocks/resource_persons.html"


class AttachedDocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("document"))
    description = blocks.CharBlock(required=False, label=_("description"))

    class Meta:
        icon = "doc-full"
        label = _("Document")


class DocumentsBlock(blocks.StructBlock):
    items = blocks.ListBlock(AttachedDocumentBlock(), label=_("documents"))

    class Meta:
        icon = "doc-full"
        label = _("Documents")
        template = "blocks/documents.html"


class ProgrammeItemBlock(blocks.StructBlock):
    date = blocks.DateBlock(label=_("jour"))
    time = blocks.TimeBlock(required=False, label=_("heure"))
    title = blocks.CharBlock(label=_("intitulé"))
    description = blocks.TextBlock(required=False, label=_("description"))
    speakers = blocks.CharBlock(required=False, label=_("intervenants"))

    class Meta:
        icon = "time"
        label = _("Temps du programme")
        template = "blocks/programme_item.html"


SYNTHESIS_BLOCKS = [
    ("section", SynthesisSectionBlock()),
    ("quotations", QuotationsBlock()),
    ("further_reading", FurtherReadingBlock()),
    ("resource_persons", ResourcePersonsBlock()),
    ("documents", DocumentsBlock()),
]

PROGRAMME_BLOCKS = [("item", ProgrammeItemBlock())]
