"""Quick-win programmes, their progress updates and evidence (their own issue brings them)."""
