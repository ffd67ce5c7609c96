from django.urls import include, path

from . import views

app_name = "contribute"

urlpatterns = [
    path(
        "contribuer/",
        include(
            [
                path("mes-contributions/", views.my_contributions, name="mine"),
                path("<slug:kind>/nouvelle/", views.create, name="create"),
                path("fiche/<int:page_id>/modifier/", views.edit, name="edit"),
            ]
        ),
    ),
    path("signaler/<int:page_id>/", views.report, name="report"),
]
