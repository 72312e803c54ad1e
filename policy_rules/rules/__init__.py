"""The topic rules, one module per subject of the source documents."""
