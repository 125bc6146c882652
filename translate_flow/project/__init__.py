"""The project on disk: layouts, discovery of source articles, fingerprints, caches and the lock."""
