"""The English edition's words for the data's fixed vocabularies, keyed as the schema keys its Persian ones
(schema/files.py: UNITS, CENTRE_TYPES, CENTRE_STATUS, QUALIFIERS, ATTENDANCE, GENDERS, AGE_BANDS; aggregate/
tracker.py: STATUSES). A test checks that both have the same keys.

A unit has its singular and its plural: English counts «1 family», «3 families».
"""

from __future__ import annotations

UNITS_EN = {"family": ("family", "families"), "device": ("device", "devices"), "package": ("package", "packages"),
            "centre": ("centre", "centres"), "person": ("person", "people"), "meeting": ("meeting", "meetings")}
CENTRE_TYPES_EN = {"vaccination": "vaccination centre", "field-hospital": "field hospital",
                   "oxygen-depot": "oxygen concentrator depot", "distribution-point": "livelihood package point"}
CENTRE_TYPES_PLURAL_EN = {"vaccination": "vaccination centres", "field-hospital": "field hospitals",
                          "oxygen-depot": "oxygen concentrator depots",
                          "distribution-point": "livelihood package points"}
CENTRE_STATUS_EN = {"planned": "being built", "open": "open", "closed": "closed"}
QUALIFIERS_EN = {"exact": "", "below": "under", "above": "over", "about": "about", "up_to": "up to"}
ATTENDANCE_EN = {"in-person": "in person", "video": "by video conference"}
GENDERS_EN = {"female": "women", "male": "men"}
AGE_BANDS_EN = {"under-30": "under 30", "30-44": "30 to 44", "45-59": "45 to 59", "60-plus": "60 and over"}
STATUSES_EN = {"pledged": "pledged", "in-progress": "in progress", "delivered": "delivered", "overdue": "overdue",
               "cancelled": "cancelled"}


def unit_en(unit: str, count: float | None = 2) -> str:
    """The unit's English word for `count` of it: singular for exactly one, plural otherwise."""
    one, many = UNITS_EN[unit]
    return one if count == 1 else many
