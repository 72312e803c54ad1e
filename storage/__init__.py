"""Where conversations and the consultation log are kept, chosen by environment variables.

Both servers import this package (the tracker store, the consultation log), so importing it
masks their logs too (storage.log_masking).
"""

from storage.log_masking import install_log_masking

install_log_masking()
