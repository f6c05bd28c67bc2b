"""The validation rules, one module per family: references, decisions, texts, dates, and the rules across files."""
