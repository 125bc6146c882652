"""Adopting a site that is already translated: align each existing translated page with its
source, segment by segment, and bring the translations into the PO files (``import``)."""
