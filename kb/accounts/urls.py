from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("profil/", views.profile, name="profile"),
]

admin_urlpatterns = (
    [
        path("", views.registrations, name="registrations"),
        path("<int:profile_id>/", views.decide, name="decide"),
        path("membre/<int:user_id>/contributeur/", views.promote, name="promote"),
    ],
    "accounts_admin",
)
