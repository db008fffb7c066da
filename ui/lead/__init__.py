"""One lead's page and its tabs, mirroring the core's lead, one_on_one, cycle, observation
and agreement modules."""
