"""Where conversations and the consultation log are kept, chosen by environment variables."""
