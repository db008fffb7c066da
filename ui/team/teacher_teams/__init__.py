"""Teacher teams: the teams the leads run, their data over time and how the principal helps."""
