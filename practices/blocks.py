"""StreamField blocks of Praxis's pages: the workshops' flip-chart sections and what goes with them.

Each block has its own template under ``templates/blocks/``; pages use the named lists at the end.
"""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock

from kb.models import SAFE_RICH_TEXT_FEATURES


class SectionKind:
    """The headings of a workshop's flip-chart, in their usual order."""

    CHOICES = [
        ("context", _("Context")),
        ("demands", _("What it takes")),
        ("enables", _("What it makes possible")),
        ("difficulties", _("Difficulties")),
        ("recommendations", _("Recommendations")),
        ("questions", _("Open questions and debates")),
    ]
    LABELS = dict(CHOICES)


class SynthesisSectionBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(choices=SectionKind.CHOICES, label=_("section"))
    heading = blocks.CharBlock(
        required=False,
        label=pgettext_lazy("sheet", "title"),
        help_text=_("Leave empty to use the name of the section."),
    )
    text = blocks.RichTextBlock(required=False, features=SAFE_RICH_TEXT_FEATURES, label=_("text"))
    items = blocks.ListBlock(blocks.CharBlock(label=_("point")), default=[], label=_("points"))

    class Meta:
        icon = "list-ul"
        label = _("Synthesis section")
        template = "blocks/synthesis_section.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["heading"] = value.get("heading") or SectionKind.LABELS.get(value.get("kind"), "")
        return context


class QuotationBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("quotation"))
    author = blocks.CharBlock(required=False, label=_("author"))
    context = blocks.CharBlock(required=False, label=_("context"))

    class Meta:
        icon = "openquote"
        label = _("Quotation")


class QuotationsBlock(blocks.StructBlock):
    items = blocks.ListBlock(QuotationBlock(), label=_("quotations"))

    class Meta:
        icon = "openquote"
        label = _("Things said")
        template = "blocks/quotations.html"


class LinkBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("heading"))
    url = blocks.URLBlock(label=_("web address"))

    class Meta:
        icon = "link"
        label = _("Link")


class FurtherReadingBlock(blocks.StructBlock):
    items = blocks.ListBlock(LinkBlock(), label=_("links"))

    class Meta:
        icon = "link"
        label = _("Further reading")
        template = "blocks/further_reading.html"


class ResourcePersonBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("name"))
    role = blocks.CharBlock(required=False, label=_("job role"))
    organisation = blocks.CharBlock(required=False, label=_("organisation"))
    email = blocks.EmailBlock(required=False, label=_("email"))

    class Meta:
        icon = "user"
        label = _("Resource person")


class ResourcePersonsBlock(blocks.StructBlock):
    """Contacts of the people behind a practice: their e-mail is shown to signed-in members only."""

    items = blocks.ListBlock(ResourcePersonBlock(), label=_("people"))

    class Meta:
        icon = "group"
        label = _("Resource persons")
        template = "blocks/resource_persons.html"


class AttachedDocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("attached document"))
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
    date = blocks.DateBlock(label=_("day"))
    time = blocks.TimeBlock(required=False, label=_("time"))
    title = blocks.CharBlock(label=_("heading"))
    description = blocks.TextBlock(required=False, label=_("description"))
    speakers = blocks.CharBlock(required=False, label=_("speakers"))

    class Meta:
        icon = "time"
        label = _("Programme slot")
        template = "blocks/programme_item.html"


SYNTHESIS_BLOCKS = [
    ("section", SynthesisSectionBlock()),
    ("quotations", QuotationsBlock()),
    ("further_reading", FurtherReadingBlock()),
    ("resource_persons", ResourcePersonsBlock()),
    ("documents", DocumentsBlock()),
]

PROGRAMME_BLOCKS = [("item", ProgrammeItemBlock())]
