"""The steps users run (extract, pretranslate, merge, check, status, sync): each plans, then applies."""
