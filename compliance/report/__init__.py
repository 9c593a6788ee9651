"""Records -> outputs: the Excel layout and its writers, JSON, and the terminal text."""
