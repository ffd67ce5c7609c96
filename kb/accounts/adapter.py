from urllib.parse import quote

from allauth.account import app_settings
from allauth.account.adapter import DefaultAccountAdapter
from django.core.validators import MaxLengthValidator
from django.urls import reverse

from kb.public_address import absolute_url, mail_site


def display_name(user):
    """How allauth names a person (e-mails, messages, pages): their name, else their e-mail.

    People log in with their e-mail and never see the username made up for them at sign-up
    ("camille2")."""
    return user.get_full_name() or user.email or user.get_username()


class AccountAdapter(DefaultAccountAdapter):
    def get_email_verification_redirect_url(self, email_address):
        """After confirming their e-mail, people land on their profile, which shows their status."""
        return reverse("accounts:profile")

    def get_signup_redirect_url(self, request):
        """Logged in for the first time (on confirming their address), people land on their
        profile too, unless they came from a page they wanted to read."""
        return reverse("accounts:profile")

    def send_mail(self, template_prefix, email, context):
        """allauth's e-mails name the site "Praxis", at its public address: by default they would
        greet people with the host name of the request ("Bonjour, c'est 127.0.0.1 !")."""
        super().send_mail(template_prefix, email, {**context, "current_site": mail_site()})

    def get_email_confirmation_url(self, request, emailconfirmation):
        """The confirmation link of an e-mail, on the public address (not the request's host)."""
        return absolute_url(reverse("account_confirm_email", args=[emailconfirmation.key]))

    def get_reset_password_from_key_url(self, key):
        """The link of a password reset e-mail, on the public address (not the request's host)."""
        path = reverse("account_reset_password_from_key", kwargs={"uidb36": "UID", "key": "KEY"})
        return absolute_url(path.replace("UID-KEY", quote(key)))

    def clean_email(self, email):
        """An address longer than its column is refused: allauth would otherwise save it cut
        (and send the confirmation to the cut address), or fail on PostgreSQL."""
        MaxLengthValidator(app_settings.EMAIL_MAX_LENGTH)(email)
        return super().clean_email(email)
