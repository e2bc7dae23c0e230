"""Pure rules: Chinese quantities and dates, expected values, statuses, the checks on a logged value. No I/O."""
