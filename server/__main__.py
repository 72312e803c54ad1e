"""`python -m server <rasa arguments>`: Rasa's command line with server.fixes applied."""

from rasa.__main__ import main

from server import fixes

fixes.apply()
main()
