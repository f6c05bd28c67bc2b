"""The language layer: Persian text and digits, the Jalali calendar, the messages in two languages, what
counts as personal data, and the scanner that finds counts of people in a text. Imports nothing else of the portal."""
