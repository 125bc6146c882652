"""Quality: the validator that decides what may be published (``validate``, ``block_shape``), the CI
gate's findings (``finding``, ``findings``), the progress counts (``counts``) and the check names (``names``)."""
