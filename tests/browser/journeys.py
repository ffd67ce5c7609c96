"""Steps shared by the browser journeys."""

from kb.demo_content.accounts import DEMO_PASSWORD


def log_in(page, email, password=DEMO_PASSWORD, next_path="/"):
    """Log in through the public form, as a person would."""
    page.goto(f"/comptes/login/?next={next_path}")
    page.get_by_label("Adresse e-mail").or_(page.locator("input[name=login]")).first.fill(email)
    page.locator("input[name=password]").fill(password)
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()
    assert "/comptes/login/" not in page.url, f"log-in as {email} failed: {page.url}"
