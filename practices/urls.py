from django.urls import path

from practices import views

app_name = "practices"

urlpatterns = [
    path("themes/", views.theme_list, name="theme_list"),
    path("themes/<slug:slug>/", views.theme_detail, name="theme"),
    path("etiquettes/<str:slug>/", views.tag_detail, name="tag"),
]
