"""Custom actions: read slots, call policy_rules, render the decision."""
