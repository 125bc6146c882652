"""PO catalogs: reading them as msgfmt does, the update rules (msgmerge's), writing, translation memory."""
