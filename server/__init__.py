"""The Rasa server as this project runs it: Rasa's own command line, with fixes of Rasa 3.6 applied first.

    python -m server run --model models/latest.tar.gz ...     (what `make run` starts)

Each fix is small, named after what it repairs, and tested in tests/server/.
"""
