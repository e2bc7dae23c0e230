"""Reading the outside world: spreadsheets, plan files, progress sheets, published tables, the seeds."""
