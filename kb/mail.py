"""Sending an e-mail without letting a failing mail server undo or hide the action behind it.

A registration decision, a promotion or a report is recorded before its e-mail is sent; when the
mail server refuses or cannot be reached, the action stands, the failure is logged by
"praxis.mail" (recipients and subject), and the caller is told (False) so that it can warn the
person in front of the page.
"""

import logging
import smtplib

from django.conf import settings
from django.core.mail import send_mail

logger = logging.getLogger("praxis.mail")

# SMTPException and ConnectionError are both OSErrors; named for the reader.
MAIL_ERRORS = (smtplib.SMTPException, ConnectionError, OSError)


def send_or_log(subject, body, recipients, from_email=None):
    """Send a plain-text e-mail; True once sent, False (logged) when the mail server failed."""
    try:
        send_mail(subject, body, from_email or settings.DEFAULT_FROM_EMAIL, recipients)
    except MAIL_ERRORS:
        logger.exception("E-mail not sent to %s: %s", ", ".join(recipients), subject)
        return False
    return True
