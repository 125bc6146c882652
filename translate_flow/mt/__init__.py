"""Machine translation: the draft run, placeholder protection, answer checks, the cache, and the engines."""
