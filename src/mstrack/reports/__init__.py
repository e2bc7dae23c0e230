"""Report data built from statuses: per unit, weekly, half-year and annual tables, and what changed since one was sent."""
