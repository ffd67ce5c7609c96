from django.urls import path

from . import admin_views

app_name = "moderation_admin"

urlpatterns = [
    path("relecture/", admin_views.review_queue, name="queue"),
    path("completude/", admin_views.completeness_list, name="completeness"),
    path("etiquettes/", admin_views.tag_list, name="tags"),
    path("etiquettes/fusionner/", admin_views.tag_merge, name="tag_merge"),
    path("etiquettes/<int:tag_id>/renommer/", admin_views.tag_rename, name="tag_rename"),
    path("etiquettes/<int:tag_id>/supprimer/", admin_views.tag_delete, name="tag_delete"),
]
