"""Development settings: ``make run``."""

from .base import *  # noqa: F403

DEBUG = True
SECRET_KEY = "praxis-development-only-secret-key"  # noqa: S105
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]

# Serve static files from the apps' folders, without collectstatic.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
