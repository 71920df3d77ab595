"""The candidate profile: its model (mirroring the profile YAML) and the starter profile."""
