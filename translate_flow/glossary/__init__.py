"""The site's glossary: terms and their translations per language, read from CSV or TBX, and found in texts."""
