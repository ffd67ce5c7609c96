from allauth.account.adapter import DefaultAccountAdapter
from django.urls import reverse

from kb.public_address import mail_site


class AccountAdapter(DefaultAccountAdapter):
    def get_email_verification_redirect_url(self, email_address):
        """After confirming their e-mail, people land on their profile, which shows their status."""
        return reverse("accounts:profile")

    def send_mail(self, template_prefix, email, context):
        """allauth's e-mails name the site "Praxis", at its public address: by default they would
        greet people with the host name of the request ("Bonjour, c'est 127.0.0.1 !")."""
        super().send_mail(template_prefix, email, {**context, "current_site": mail_site()})
