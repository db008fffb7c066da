"""Complex challenges: the list, a challenge's page, its forces board and log."""
