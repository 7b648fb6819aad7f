"""Web stage of present: the pages and the JSON API (`parallax serve`)."""
