from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .roles import is_moderator
from .urls import admin_urlpatterns


@hooks.register("register_admin_urls")
def register_registration_urls():
    return [path("inscriptions/", include(admin_urlpatterns))]


class ModeratorMenuItem(MenuItem):
    def is_shown(self, request):
        return is_moderator(request.user)


@hooks.register("register_admin_menu_item")
def register_registrations_menu_item():
    return ModeratorMenuItem(
        _("Registrations"),
        reverse("accounts_admin:registrations"),
        icon_name="user",
        order=250,
    )
