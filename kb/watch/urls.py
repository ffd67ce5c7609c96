from django.urls import path

from . import views

app_name = "watch"

urlpatterns = [
    path("", views.manage, name="manage"),
    path("suivre/", views.subscribe, name="subscribe"),
    path("abonnements/<int:pk>/", views.update, name="update"),
    path("desabonnement/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
