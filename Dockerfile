# The Praxis web image: gunicorn serving Django, static files through whitenoise.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 DJANGO_SETTINGS_MODULE=kb.settings.production
WORKDIR /app

RUN apt-get update && apt-get install -y --no-install-recommends gettext && rm -rf /var/lib/apt/lists/*
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt

COPY . .
RUN SECRET_KEY=build ALLOWED_HOSTS=localhost PRAXIS_BASE_URL=http://localhost python manage.py collectstatic --noinput \
    && SECRET_KEY=build ALLOWED_HOSTS=localhost PRAXIS_BASE_URL=http://localhost python manage.py compilemessages --ignore=.venv

RUN useradd --create-home praxis && mkdir -p /app/var && chown praxis /app/var
USER praxis
EXPOSE 8000
CMD ["gunicorn", "kb.wsgi", "--bind", "0.0.0.0:8000", "--workers", "3", "--access-logfile", "-"]
