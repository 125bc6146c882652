"""PO catalogs: ``io`` reads and writes the files, ``update`` holds msgmerge's rules, ``memory`` finds past work."""
