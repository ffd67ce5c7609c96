"""The cache shared by the web workers (``kb.settings.base.shared_cache``): Redis, through
django-redis, ignoring a server that does not answer (logged by "praxis.cache")."""

from django_redis.cache import RedisCache


class SharedCache(RedisCache):
    """While the server does not answer, the cache behaves as one that keeps nothing (Django's
    DummyCache): every read misses and every ``add`` succeeds. allauth takes its rate-limit lock
    with ``add``: refused, it would answer every log-in with "too many attempts" after waiting
    for the lock. People can still log in; the attempts are not counted until Redis is back."""

    def add(self, *args, **kwargs):
        added = super().add(*args, **kwargs)
        return True if added is None else added  # None: the error was ignored
