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


def fill_experience(page, title):
    """Fill in the required fields of the experience contribution form, plus a little more."""
    page.locator("[name=title]").fill(title)
    page.locator("[name=summary]").fill("Les jeunes de Roubaix décident de 100 000 euros par an.")
    page.locator("[name=organisation]").fill("Ville de Roubaix")
    page.locator("[name=authority_type]").select_option("commune")
    page.locator("[name=region]").select_option("hauts-de-france")
    page.locator("[name=start_year]").fill("2016")
    page.locator("[name=methods][value=participatory_budget]").check()
    page.locator("[name=section_context]").fill("Une ville jeune, un budget décidé par ses jeunes.")
    page.locator("[name=tags]").fill("budget participatif, jeunesse")


def click_and_wait(page, locator):
    with page.expect_navigation():
        locator.click()
