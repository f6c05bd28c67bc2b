"""The schema of every data file: field types, value types, the files, and docs/schema.md written from them."""
