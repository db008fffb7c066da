"""A lead's observations: the list and the observation dialog."""
