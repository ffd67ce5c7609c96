from django.contrib import admin

from .models import Digest, Subscription


@admin.register(Subscription)
class SubscriptionAdmin(admin.ModelAdmin):
    list_display = ["user", "kind", "theme", "tag", "query", "frequency", "last_sent_on"]
    list_filter = ["kind", "frequency"]
    search_fields = ["user__email", "user__username", "query"]
    raw_id_fields = ["user", "theme", "tag"]


@admin.register(Digest)
class DigestAdmin(admin.ModelAdmin):
    list_display = ["user", "day", "sent_at", "item_count"]
    list_filter = ["day"]
    search_fields = ["user__email", "user__username"]
    raw_id_fields = ["user"]
