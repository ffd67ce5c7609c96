"""Tags typed by people: comma-separated, spaces kept inside a tag."""


def split_tags(value):
    """'budget participatif, Jeunesse ,, jeunesse' → ['budget participatif', 'Jeunesse']."""
    seen, names = set(), []
    for part in (value or "").split(","):
        name = " ".join(part.split()).strip("\"'")
        if name and name.lower() not in seen:
            seen.add(name.lower())
            names.append(name)
    return names
