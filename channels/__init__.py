"""Rasa input channels of the project's own: WeChat Official Account, Telegram from the environment, the web page."""
