from django.urls import path, re_path

from . import views

app_name = "accounts"

urlpatterns = [
    path("profil/", views.profile, name="profile"),
    # Before allauth's own (same address, same pattern): see views.ConfirmEmailView.
    re_path(
        r"^confirm-email/(?P<key>[-:\w]+)/$", views.ConfirmEmailView.as_view(), name="confirm_email"
    ),
]

admin_urlpatterns = (
    [
        path("", views.registrations, name="registrations"),
        path("<int:profile_id>/", views.decide, name="decide"),
        path("membre/<int:user_id>/contributeur/", views.promote, name="promote"),
    ],
    "accounts_admin",
)
