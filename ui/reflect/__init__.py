"""The principal's own reflection pages (Reflect in the sidebar), mirroring the core's
challenge, self_check, tension and charter modules."""
