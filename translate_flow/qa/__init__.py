"""Quality: the validator that decides what may be published, and the findings of the CI gate."""
