"""bench/run's references: the plain scripts each mstrack command is measured against (docs/performance.md,
"What each row measures, and why the reference is fair"), written to the work directory and run as children."""

# the reference for `import progress`: a plain sqlite3 script, same CSV, same-shaped indexed table (note and
# reporter stored when the CSV has those columns, as the province case's has)
REF_IMPORT = r'''
import csv, re, sqlite3, sys
from datetime import datetime, UTC
db, path = sys.argv[1], sys.argv[2]
number = re.compile(r"-?[0-9.]+")
con = sqlite3.connect(db, isolation_level=None)
for pragma in ("busy_timeout = 30000", "foreign_keys = ON", "journal_mode = WAL", "synchronous = NORMAL"):
    con.execute("PRAGMA " + pragma)
ids = {(p, t, n): i for p, t, n, i in con.execute(
    "SELECT programme.code, task.code, indicator.name, indicator.id FROM indicator"
    " JOIN task_line ON task_line.id = indicator.line_id JOIN task ON task.id = task_line.task_id"
    " JOIN programme ON programme.id = task.programme_id")}
con.execute("CREATE TABLE ref_report (id INTEGER NOT NULL PRIMARY KEY,"
            " indicator_id INTEGER NOT NULL REFERENCES indicator (id), as_of DATE NOT NULL, value FLOAT NOT NULL,"
            " note VARCHAR, reporter VARCHAR, entered_at DATETIME NOT NULL, source VARCHAR,"
            " batch_id INTEGER REFERENCES batch (id), reason VARCHAR)")
con.execute("CREATE INDEX ix_ref_report_indicator_as_of ON ref_report (indicator_id, as_of)")
now = datetime.now(UTC).replace(tzinfo=None)
source = path.rsplit("/", 1)[-1]
con.execute("BEGIN")
batch = con.execute("INSERT INTO batch (created_at, command, source) VALUES (?, 'ref import', ?)", (now, source)).lastrowid

def value(text):
    try:
        return float(text)
    except ValueError:
        return float(number.match(text)[0])

with open(path, newline="", encoding="utf-8-sig") as handle:
    rows = csv.reader(handle)
    if len(next(rows)) == 5:
        rows = ((p, t, n, a, v, None, None) for p, t, n, a, v in rows)
    con.executemany(
        "INSERT INTO ref_report (indicator_id, as_of, value, note, reporter, entered_at, source, batch_id, reason)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL)",
        ((ids[(p, t, n)], a, value(v), note or None, who or None, now, source, batch) for p, t, n, a, v, note, who in rows))
con.execute("COMMIT")
print(con.execute("SELECT count(*) FROM ref_report").fetchone()[0])
'''

# the reference for `status` at scale: import sqlmodel + the best plain-SQL latest-per-indicator query
REF_STATUS = r'''
import sqlite3, sys
import sqlmodel
con = sqlite3.connect(sys.argv[1])
rows = con.execute(
    "SELECT r.indicator_id, r.as_of, r.value FROM"
    " (SELECT indicator_id, max(as_of) AS last FROM report WHERE as_of <= ? GROUP BY indicator_id) AS l"
    " JOIN report AS r ON r.indicator_id = l.indicator_id AND r.as_of = l.last", (sys.argv[2],)).fetchall()
print(len(rows))
'''
# the province status reference (issue 18): import sqlmodel and typer, the same query, every row printed as JSON
REF_STATUS_JSON = r'''
import json, sqlite3, sys
import sqlmodel, typer
con = sqlite3.connect(sys.argv[1])
rows = con.execute(
    "SELECT r.indicator_id, r.as_of, r.value FROM"
    " (SELECT indicator_id, max(as_of) AS last FROM report WHERE as_of <= ? GROUP BY indicator_id) AS l"
    " JOIN report AS r ON r.indicator_id = l.indicator_id AND r.as_of = l.last", (sys.argv[2],)).fetchall()
sys.stdout.write(json.dumps([{"indicator": i, "as_of": a, "actual": v} for i, a, v in rows], ensure_ascii=False, indent=2))
'''

# the reference for a re-import of an unchanged plan (issue 18): read the TOML, import sqlmodel
REF_PLAN = r'''
import sys, tomllib
import sqlmodel
with open(sys.argv[1], "rb") as handle:
    print(len(tomllib.load(handle)["tasks"]))
'''

REF_STATUS_INDEX = "CREATE INDEX IF NOT EXISTS ix_ref_report_cover ON report (indicator_id, as_of, value)"

# the same reference on PostgreSQL: a plain psycopg script, same CSV, same-shaped indexed table, one transaction;
# argv[3] "copy" loads the rows with COPY instead of executemany (what the fastest plain script would do)
REF_IMPORT_PG = r'''
import csv, re, sys
from datetime import datetime, UTC
import psycopg
url, path = sys.argv[1], sys.argv[2]
copy = sys.argv[3:] == ["copy"]
number = re.compile(r"-?[0-9.]+")
con = psycopg.connect(url)
ids = {(p, t, n): i for p, t, n, i in con.execute(
    "SELECT programme.code, task.code, indicator.name, indicator.id FROM indicator"
    " JOIN task_line ON task_line.id = indicator.line_id JOIN task ON task.id = task_line.task_id"
    " JOIN programme ON programme.id = task.programme_id")}
con.execute("CREATE TABLE ref_report (id SERIAL NOT NULL PRIMARY KEY,"
            " indicator_id INTEGER NOT NULL REFERENCES indicator (id), as_of DATE NOT NULL, value FLOAT NOT NULL,"
            " note VARCHAR, reporter VARCHAR, entered_at TIMESTAMP WITHOUT TIME ZONE NOT NULL, source VARCHAR,"
            " batch_id INTEGER REFERENCES batch (id), reason VARCHAR)")
con.execute("CREATE INDEX ix_ref_report_indicator_as_of ON ref_report (indicator_id, as_of)")
now = datetime.now(UTC).replace(tzinfo=None)
source = path.rsplit("/", 1)[-1]
batch = con.execute("INSERT INTO batch (created_at, command, source) VALUES (%s, 'ref import', %s) RETURNING id",
                    (now, source)).fetchone()[0]

def value(text):
    try:
        return float(text)
    except ValueError:
        return float(number.match(text)[0])

with open(path, newline="", encoding="utf-8-sig") as handle, con.cursor() as cursor:
    rows = csv.reader(handle)
    next(rows)
    if copy:
        with cursor.copy("COPY ref_report (indicator_id, as_of, value, entered_at, source, batch_id) FROM STDIN") as out:
            for p, t, n, a, v in rows:
                out.write_row((ids[(p, t, n)], a, value(v), now, source, batch))
    else:
        cursor.executemany(
            "INSERT INTO ref_report (indicator_id, as_of, value, note, reporter, entered_at, source, batch_id, reason)"
            " VALUES (%s, %s, %s, NULL, NULL, %s, %s, %s, NULL)",
            ((ids[(p, t, n)], a, value(v), now, source, batch) for p, t, n, a, v in rows))
con.commit()
print(con.execute("SELECT count(*) FROM ref_report").fetchone()[0])
con.close()
'''

# the status reference on PostgreSQL: import sqlmodel (and the driver) + the same query as REF_STATUS
REF_STATUS_PG = r'''
import sys
import psycopg
import sqlmodel
with psycopg.connect(sys.argv[1]) as con:
    rows = con.execute(
        "SELECT r.indicator_id, r.as_of, r.value FROM"
        " (SELECT indicator_id, max(as_of) AS last FROM report WHERE as_of <= %s GROUP BY indicator_id) AS l"
        " JOIN report AS r ON r.indicator_id = l.indicator_id AND r.as_of = l.last", (sys.argv[2],)).fetchall()
print(len(rows))
'''
