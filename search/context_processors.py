"""What the search offers on every page, from the capabilities of the backend that answers."""

from .backends import get_backend
from .backends.base import CAPABILITIES


def search_features(request):
    """``search_supports``: {capability: bool}, e.g. ``search_supports.autocomplete`` for the
    search box of the site header."""
    backend = get_backend()
    return {"search_supports": {name: backend.supports(name) for name in CAPABILITIES}}
