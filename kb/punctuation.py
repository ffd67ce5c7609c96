"""The punctuation of the language between the parts of a sentence built in code: "label: value"
pairs and lists, through gettext (French: "label : value", "a ; b")."""

from django.utils.translation import gettext as _
from django.utils.translation import pgettext


def labelled(label, value):
    return _("%(label)s: %(value)s") % {"label": label, "value": value}


def listed(items):
    return pgettext("between the items of a list", "; ").join(items)
