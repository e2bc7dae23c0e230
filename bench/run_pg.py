"""bench/run on PostgreSQL (`--db-url`, `--only postgres`, `--only big`): the throw-away databases of a run on the
server (PgServer) and the rows measured there, as methods of Bench (PostgresRows)."""

from __future__ import annotations

import csv
import json
import os
import re
import secrets
import shutil
import sqlite3
import sys
import time
from datetime import date
from pathlib import Path

from run_refs import REF_IMPORT_PG, REF_STATUS_INDEX, REF_STATUS_PG
from run_tools import PY, Failed, Row, Run, alternate, checked, cpu, cpu_split, fresh_copy, med, rotate, run


class PgServer:
    """The PostgreSQL server of --db-url / MSTRACK_TEST_PG (an admin URL). Databases are created here by this
    run only, named PREFIX_TAG, and dropped by drop()/close(): never one this run did not create."""

    def __init__(self, url: str):
        import psycopg
        from psycopg import sql
        from sqlalchemy.engine import make_url

        self.Error = psycopg.Error
        self.sql = sql
        self.connect = psycopg.connect
        self.url = make_url(url)
        if self.url.get_backend_name() != "postgresql":
            raise Failed(f"--db-url: a PostgreSQL URL, not {self.url.get_backend_name()}")
        self.prefix = f"mstrack_bench_{os.getpid()}_{secrets.token_hex(3)}"
        self.created: list[str] = []
        self.admin = psycopg.connect(self.plain(self.url.database or "postgres"), autocommit=True)
        self.version = self.admin.info.server_version
        self.where = f"{self.admin.info.host}:{self.admin.info.port}"
        self.postmaster = self._postmaster()

    def sa_url(self, name: str) -> str:
        """The URL mstrack is given: the admin URL (its driver, user, host, options) with this database."""
        return self.url.set(database=name).render_as_string(hide_password=False)

    def plain(self, name: str) -> str:
        """The same as a libpq URL (postgresql://…), for psycopg in the references."""
        return self.url.set(drivername="postgresql", database=name).render_as_string(hide_password=False)

    def create(self, tag: str, template: str | None = None) -> str:
        name = f"{self.prefix}_{tag}"
        statement = self.sql.SQL("CREATE DATABASE {}").format(self.sql.Identifier(name))
        if template is not None:  # FILE_COPY: a 200 MB database copied in a fraction of a second, not WAL-logged
            strategy = " STRATEGY FILE_COPY" if self.version >= 150000 else ""
            statement += self.sql.SQL(" TEMPLATE {}" + strategy).format(self.sql.Identifier(template))
        self.admin.execute(statement)
        self.created.append(name)
        return name

    def drop(self, name: str) -> None:
        if name not in self.created:  # only what this run created
            return
        force = " WITH (FORCE)" if self.version >= 130000 else ""  # a killed child's session must not keep it
        self.admin.execute(self.sql.SQL("DROP DATABASE IF EXISTS {}" + force).format(self.sql.Identifier(name)))
        self.created.remove(name)

    def execute(self, name: str, *statements: str) -> None:
        with self.connect(self.plain(name), autocommit=True) as con:
            for statement in statements:
                con.execute(statement)

    def close(self) -> None:
        try:
            for name in reversed(list(self.created)):
                self.drop(name)
        finally:
            self.admin.close()

    def _postmaster(self) -> int | None:
        """The server's main process, when it runs on this machine: the parent of this session's backend."""
        if self.admin.info.host not in ("127.0.0.1", "localhost", "::1") and not self.admin.info.host.startswith("/"):
            return None
        try:
            stat = Path(f"/proc/{self.admin.info.backend_pid}/stat").read_text()
            parent = int(stat.rpartition(")")[2].split()[1])
            if not Path(f"/proc/{parent}/comm").read_text().startswith("postgres"):
                return None
        except (OSError, ValueError, IndexError):
            return None
        return parent

    def cpu(self) -> float:
        """CPU seconds the server has used so far: the postmaster, the children it has reaped (backends end
        with their connection; their time is then in its cutime/cstime) and the ones still alive. 0 when
        the server is not on this machine."""
        if self.postmaster is None:
            return 0.0
        tick = os.sysconf("SC_CLK_TCK")
        for _ in range(10):  # a child reaped while /proc is read would count twice or not at all: read again
            before = _times(self.postmaster)
            live = 0
            for entry in os.scandir("/proc"):
                if entry.name.isdigit():
                    try:
                        fields = Path(entry.path, "stat").read_text().rpartition(")")[2].split()
                    except OSError:
                        continue
                    if int(fields[1]) == self.postmaster:
                        live += sum(int(value) for value in fields[11:15])
            after = _times(self.postmaster)
            if after == before:
                return (sum(after) + live) / tick
        return (sum(after) + live) / tick

    def run(self, cmd: list[str], **kwargs) -> Run:
        """run(), with the server's CPU during it in server_cpu."""
        start = self.cpu()
        result = run(cmd, **kwargs)
        result.server_cpu = self.cpu() - start
        return result

    def cpu_note(self, mine: list[Run], ref: list[Run]) -> str:
        if self.postmaster is None:
            return "cpu ratio: the child's CPU only (the server's processes are not on this machine)"
        return (f"cpu ratio counts the server too (client + server CPU, medians): mstrack {cpu_split(mine)}, "
                f"reference {cpu_split(ref)}")


def _times(pid: int) -> tuple[int, ...]:
    """utime, stime, cutime, cstime of a process, in clock ticks."""
    fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
    return tuple(int(value) for value in fields[11:15])



class PostgresRows:
    """The PostgreSQL rows, as methods of Bench (bench/run): self is the Bench."""

    def pg_sizes(self) -> tuple[str, str]:
        rows = 10_000 if self.quick else 100_000
        indicators, reports = (400, 20_000) if self.quick else (20_000, 1_000_000)
        return (f"import progress, {rows:,} CSV rows (PostgreSQL)",
                f"status --format json, {indicators:,} indicators / {reports:,} reports (PostgreSQL)")

    def postgres(self) -> None:
        """The CSV import and the status at scale again, on the server of --db-url / MSTRACK_TEST_PG."""
        if not self.pg_url:
            return
        import_what, status_what = self.pg_sizes()
        try:
            server = PgServer(self.pg_url)
        except Exception as error:  # no driver, no server, not PostgreSQL: both rows say why
            for what, target in ((import_what, "≤ 3×"), (status_what, "≤ 2×")):
                self.error_row(what, target, error)
            return
        cpu_from = "server CPU from /proc" if server.postmaster else "server CPU not visible (not on this machine)"
        self.header.append(f"PostgreSQL {server.version // 10000}.{server.version % 10000} at {server.where}, {cpu_from}, "
                           f"databases {server.prefix}_*")
        print(self.header[-1], file=sys.stderr, flush=True)
        try:
            self.pg_imports(server, import_what)
            self.pg_scale(server, status_what)
            self.pg_province(server)
        finally:
            server.close()

    def pg_imports(self, server: PgServer, what: str) -> None:
        """import progress into a fresh copy (CREATE DATABASE … TEMPLATE, untimed) of a database whose plans
        mstrack imported, against the psycopg script with executemany (the target) and with COPY (info)."""
        rows = 10_000 if self.quick else 100_000
        indicators = 200 if self.quick else 2_000
        reps = 1 if self.quick else 3
        try:
            meta = self.data(f"import-{rows // 1000}k", indicators=indicators, reports=rows,
                             programmes=max(1, indicators // 500), xlsx=True)
            plan = server.create("import_plan")
            plan_run = checked(self.mstrack(server.sa_url(plan), "import", "plan", *meta["plans"]), "mstrack import plan", server,
                               env=self.env)
            server.execute(plan, "VACUUM ANALYZE")  # what autovacuum soon does; every run starts from this state
            self.add(Row(f"import plan, {meta['programmes']} plans / {meta['indicators']:,} indicators (PostgreSQL, setup)",
                         f"{plan_run.wall:.1f} s", result="info"))
            ref_script = self.work / "ref_import_pg.py"
            ref_script.write_text(REF_IMPORT_PG, encoding="utf-8")

            def once(kind: str) -> Run:
                db = server.create("import_run", template=plan)
                try:
                    if kind == "mstrack":
                        result = checked(self.mstrack(server.sa_url(db), "import", "progress", meta["csv"], "--format", "json"),
                                         "mstrack import progress", server, env=self.env, stdout_devnull=False)
                        stored = json.loads(result.out).get("inserted")
                    else:
                        result = checked([PY, str(ref_script), server.plain(db), meta["csv"], kind], f"reference import ({kind})",
                                         server, stdout_devnull=False)
                        stored = int(result.out.strip())
                finally:
                    server.drop(db)
                if stored != meta["reports"]:
                    raise Failed(f"{kind} stored {stored} rows, expected {meta['reports']}")
                return result

            ref_runs, copy_runs, mine = rotate([lambda: once("executemany"), lambda: once("copy"), lambda: once("mstrack")], reps)
            t, ref_t, copy_t = med(mine), med(ref_runs), med(copy_runs)
            measured = f"{t:.2f} s = {rows / t / 1000:.0f}k rows/s"
            row = Row(what, measured, f"{ref_t:.2f} s = {rows / ref_t / 1000:.0f}k rows/s (psycopg script, executemany)",
                      t / ref_t, cpu(mine, ref_runs), "≤ 3×", 3.0, note=server.cpu_note(mine, ref_runs),
                      extra={"max_rss_mb": max(r.rss_kb for r in mine) / 1024, "cpu_s": cpu_split(mine), "ref_cpu_s": cpu_split(ref_runs)})
            row.judge()
            self.add(row)
            self.add(Row(f"import progress, {rows:,} CSV rows (PostgreSQL, against COPY)", measured,
                         f"{copy_t:.2f} s = {rows / copy_t / 1000:.0f}k rows/s (psycopg script, COPY)", t / copy_t,
                         cpu(mine, copy_runs), result="info", extra={"ref_cpu_s": cpu_split(copy_runs)}))
        except (Failed, ValueError, KeyError, server.Error) as error:
            self.error_row(what, "≤ 3×", error)
        finally:
            server.drop(f"{server.prefix}_import_plan")

    def pg_scale(self, server: PgServer, what: str) -> None:
        """status at scale on a PostgreSQL copy of the scale data (`mstrack db copy` of the SQLite database, or
        with --pg-load import loaded by mstrack's own imports), against the REF_STATUS query through psycopg."""
        indicators = 400 if self.quick else 20_000
        reports = 20_000 if self.quick else 1_000_000
        runs = 1 if self.quick else 3
        name = f"scale-{reports // 1000}k"
        try:
            meta = self.data(name, indicators=indicators, reports=reports, programmes=2 if self.quick else 21)
            db = server.create("scale")
            if self.args.pg_load == "copy":
                source = self.scale_source(name, meta)
                load = checked(self.mstrack(source, "db", "copy", "--to", server.sa_url(db)), "mstrack db copy", server, env=self.env)
                self.add(Row(f"db copy of the SQLite {name} database to PostgreSQL (setup)", f"{load.wall:.1f} s", result="info"))
            else:
                load = checked(self.mstrack(server.sa_url(db), "import", "plan", *meta["plans"]), "mstrack import plan", server,
                               env=self.env)
                self.add(Row(f"import plan, {meta['programmes']} plans / {meta['indicators']:,} indicators (PostgreSQL, setup)",
                             f"{load.wall:.1f} s", result="info"))
                big = checked(self.mstrack(server.sa_url(db), "import", "progress", meta["csv"], "--format", "json"),
                              "mstrack import progress", server, env=self.env, stdout_devnull=False)
                inserted = json.loads(big.out).get("inserted")
                if inserted != meta["reports"]:
                    raise Failed(f"mstrack inserted {inserted} rows, expected {meta['reports']}")
                self.add(Row(f"import progress, {reports:,} CSV rows (PostgreSQL, setup)",
                             f"{big.wall:.1f} s = {reports / big.wall / 1000:.0f}k rows/s, {big.rss_kb / 1024:.0f} MB max RSS",
                             result="info"))
            server.execute(db, "VACUUM ANALYZE")  # the state autovacuum leaves a loaded database in, for both
            ref_db = server.create("scale_ref", template=db)
            server.execute(ref_db, REF_STATUS_INDEX, "VACUUM ANALYZE")  # the reference's own index, outside its timing
            ref_script = self.work / "ref_status_pg.py"
            ref_script.write_text(REF_STATUS_PG, encoding="utf-8")
            cmd = self.mstrack(server.sa_url(db), "status", "--format", "json", "--as-of", "2023-12-31")
            ref_cmd = [PY, str(ref_script), server.plain(ref_db), "2023-12-31"]
            checked(cmd, "mstrack status", server, env=self.env)
            mine, ref = alternate(lambda: server.run(cmd, env=self.env), lambda: checked(ref_cmd, "reference status", server), runs)
            if any(r.rc not in (0, 1) for r in mine):
                raise Failed(f"status exit {mine[0].rc}: {mine[0].err[-200:]}")
            row = Row(what, f"{med(mine):.2f} s", f"{med(ref):.2f} s (import sqlmodel + SQL, psycopg)", med(mine) / med(ref),
                      cpu(mine, ref), "≤ 2×", 2.0, note=server.cpu_note(mine, ref),
                      extra={"max_rss_mb": max(r.rss_kb for r in mine) / 1024, "cpu_s": cpu_split(mine), "ref_cpu_s": cpu_split(ref)})
            row.judge()
            self.add(row)
        except (Failed, ValueError, KeyError, server.Error) as error:
            self.error_row(what, "≤ 2×", error)
        finally:
            for tag in ("scale_ref", "scale"):
                server.drop(f"{server.prefix}_{tag}")

    def pg_province(self, server: PgServer) -> None:
        """Issue 18's PostgreSQL import: the province case's 100,000 rows by `mstrack import progress`, against
        psql's `\\copy` of the same rows, ids already resolved (untimed), into a table shaped like report."""
        reps = 1 if self.quick else 3
        what = "import progress, province, {:,} CSV rows (PostgreSQL, against psql \\copy)"
        psql = shutil.which("psql")
        plan = None
        try:
            meta = self.province_data()
            what = what.format(meta["import_rows"])
            if psql is None:
                raise Failed("no psql on PATH")
            plan = server.create("province_plan")
            load = checked(self.mstrack(server.sa_url(plan), "import", "plan", *meta["plans"]), "mstrack import plan", server,
                           env=self.env)
            server.execute(plan, "VACUUM ANALYZE")
            self.add(Row(f"import plan, province: {meta['tasks']:,} tasks (PostgreSQL, setup)", f"{load.wall:.1f} s", result="info"))
            resolved = self.work / "province-resolved.csv"
            with server.connect(server.plain(plan)) as con:
                ids = {row[:3]: row[3] for row in con.execute(
                    "SELECT programme.code, task.code, indicator.name, indicator.id FROM indicator"
                    " JOIN task_line ON task_line.id = indicator.line_id JOIN task ON task.id = task_line.task_id"
                    " JOIN programme ON programme.id = task.programme_id")}
                batch = con.execute("SELECT max(id) FROM batch").fetchone()[0]
            with open(meta["progress_csv"], newline="", encoding="utf-8") as source, \
                    resolved.open("w", newline="", encoding="utf-8") as out:
                rows = csv.reader(source)
                next(rows)
                writer = csv.writer(out)
                writer.writerow(["indicator_id", "as_of", "value", "note", "reporter", "entered_at", "source", "batch_id"])
                number = re.compile(r"-?[0-9.]+")
                for p, t, n, a, v, note, who in rows:
                    writer.writerow([ids[(p, t, n)], a, number.match(v)[0], note, who, "2023-12-31 00:00:00+00", "progress.csv", batch])
            copy = (r"\copy ref_report (indicator_id, as_of, value, note, reporter, entered_at, source, batch_id) FROM "
                    f"'{resolved}' WITH (FORMAT csv, HEADER)")

            def once(kind: str) -> Run:
                db = server.create("province_run", template=plan)
                try:
                    if kind == "mstrack":
                        result = checked(self.mstrack(server.sa_url(db), "import", "progress", meta["progress_csv"], "--format",
                                                      "json"), "mstrack import progress", server, env=self.env, stdout_devnull=False)
                        stored = json.loads(result.out).get("inserted")
                    else:
                        server.execute(db, "CREATE TABLE ref_report (id SERIAL NOT NULL PRIMARY KEY, indicator_id INTEGER NOT NULL"
                                       " REFERENCES indicator (id), as_of DATE NOT NULL, value FLOAT NOT NULL, note VARCHAR,"
                                       " reporter VARCHAR, entered_at TIMESTAMP WITH TIME ZONE NOT NULL, source VARCHAR,"
                                       " batch_id INTEGER REFERENCES batch (id), reason VARCHAR)",
                                       "CREATE INDEX ix_ref_report_indicator_as_of ON ref_report (indicator_id, as_of)")
                        result = checked([psql, "-X", "-q", "-v", "ON_ERROR_STOP=1", server.plain(db), "-c", copy], "psql \\copy",
                                         server, stdout_devnull=False)
                        with server.connect(server.plain(db)) as con:
                            stored = con.execute("SELECT count(*) FROM ref_report").fetchone()[0]
                finally:
                    server.drop(db)
                if stored != meta["import_rows"]:
                    raise Failed(f"{kind} stored {stored} rows, expected {meta['import_rows']}")
                return result

            ref, mine = rotate([lambda: once("psql"), lambda: once("mstrack")], reps)
            t, ref_t, n = med(mine), med(ref), meta["import_rows"]
            row = Row(what, f"{t:.2f} s = {n / t / 1000:.0f}k rows/s", f"{ref_t:.2f} s = {n / ref_t / 1000:.0f}k rows/s (psql \\copy)",
                      t / ref_t, cpu(mine, ref), "≤ 1.5×", 1.5, note=server.cpu_note(mine, ref),
                      extra={"max_rss_mb": max(r.rss_kb for r in mine) / 1024, "cpu_s": cpu_split(mine), "ref_cpu_s": cpu_split(ref)})
            row.judge()
            self.add(row)
        except (Failed, ValueError, KeyError, OSError, server.Error) as error:
            self.error_row(what, "≤ 1.5×", error)
        finally:
            if plan is not None:
                server.drop(plan)

    def pg_big(self) -> None:
        """Issue 18, item 7: status and the weekly report over --big-reports reports (10,000,000) on PostgreSQL:
        the province plan imported by mstrack, the reports made by the server (bench/pg_big.py), status against
        the REF_STATUS_PG query over its covering index (in a copy), the weekly report's time and peak memory,
        and the queries' EXPLAIN (ANALYZE, BUFFERS) written to big-plans.txt in the work directory."""
        import pg_big

        what = "status --format json, province: {:,} indicators / {:,} reports (PostgreSQL)"
        if not self.pg_url:
            self.error_row("10,000,000 reports (PostgreSQL)", "info", Failed("needs --db-url or MSTRACK_TEST_PG"))
            return
        try:
            server = PgServer(self.pg_url)
        except Exception as error:  # no driver, no server, not PostgreSQL: the row says why
            self.error_row("10,000,000 reports (PostgreSQL)", "info", error)
            return
        self.header.append(f"PostgreSQL {server.version // 10000}.{server.version % 10000} at {server.where}, databases {server.prefix}_*")
        reps = 1 if self.quick else 3
        try:
            meta = self.province_data()
            per_indicator = max(1, self.args.big_reports // meta["indicators"])
            total = per_indicator * meta["indicators"]
            what = what.format(meta["indicators"], total)
            db = server.create("big")
            load = checked(self.mstrack(server.sa_url(db), "import", "plan", *meta["plans"]), "mstrack import plan", server,
                           env=self.env)
            self.add(Row(f"import plan, province: {meta['tasks']:,} tasks (PostgreSQL, setup)", f"{load.wall:.1f} s", result="info"))
            start = time.perf_counter()
            with server.connect(server.plain(db), autocommit=True) as con:
                made = pg_big.generate_reports(con, per_indicator)
                con.execute("VACUUM ANALYZE")
                size = con.execute("SELECT pg_size_pretty(pg_total_relation_size('report'))").fetchone()[0]
            if made != total:
                raise Failed(f"generated {made} reports, expected {total}")
            self.add(Row(f"{total:,} reports made by the server, VACUUM ANALYZE (setup)",
                         f"{time.perf_counter() - start:.0f} s, report {size} with its indexes", result="info"))
            ref_db = server.create("big_ref", template=db)
            server.execute(ref_db, REF_STATUS_INDEX, "VACUUM ANALYZE")
            ref_script = self.work / "ref_status_pg.py"
            ref_script.write_text(REF_STATUS_PG, encoding="utf-8")
            cmd = self.mstrack(server.sa_url(db), "status", "--format", "json", "--as-of", "2023-12-31")
            ref_cmd = [PY, str(ref_script), server.plain(ref_db), "2023-12-31"]
            checked(cmd, "mstrack status", server, env=self.env)
            mine, ref = alternate(lambda: server.run(cmd, env=self.env), lambda: checked(ref_cmd, "reference status", server), reps)
            row = Row(what, f"{med(mine):.2f} s, {max(r.rss_kb for r in mine) / 1024:.0f} MB max RSS",
                      f"{med(ref):.2f} s (import sqlmodel + SQL, psycopg)", med(mine) / med(ref), cpu(mine, ref), result="info",
                      note=server.cpu_note(mine, ref), extra={"cpu_s": cpu_split(mine), "ref_cpu_s": cpu_split(ref)})
            self.add(row)
            weekly = [server.run(self.mstrack(server.sa_url(db), "report", "weekly", "--format", "json", "--as-of", "2023-12-31"),
                                 env=self.env)]  # one run: minutes, and gigabytes while it reads every report
            if any(r.rc != 0 for r in weekly):
                raise Failed(f"report weekly exit {weekly[0].rc}: {weekly[0].err[-200:]}")
            self.add(Row(f"report weekly --format json, {meta['indicators']:,} indicators / {total:,} reports (PostgreSQL)",
                         f"{med(weekly):.1f} s, {max(r.rss_kb for r in weekly) / 1024:.0f} MB max RSS", result="info",
                         note=f"client + server CPU, median: {cpu_split(weekly)}"))
            plans = self.work / "big-plans.txt"
            with server.connect(server.plain(db)) as con:
                plans.write_text(pg_big.explain(con, date(2023, 12, 31)), encoding="utf-8")
            print(f"  … EXPLAIN (ANALYZE, BUFFERS) of the status and weekly queries: {plans}", file=sys.stderr, flush=True)
        except (Failed, ValueError, KeyError, OSError, server.Error) as error:
            self.error_row(what, "info", error)
        finally:
            server.close()

    def scale_source(self, name: str, meta: dict) -> Path:
        """The SQLite scale database to copy: the one scale() loaded in this run, or one kept (--keep) from an
        earlier run on the same data, or else a new one (plan import and progress import, as scale() does)."""
        if self.scale_db is not None:
            return self.scale_db
        db = self.work / f"{name}.db"
        meta_path = self.work / f"data-{name}" / "meta.json"
        if db.exists() and db.stat().st_mtime > meta_path.stat().st_mtime and not Path(f"{db}-wal").exists():
            from mstrack.store import SCHEMA_VERSION

            con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
            try:
                found = con.execute("SELECT (SELECT max(version) FROM schema_version),"
                                    " (SELECT count(*) FROM report WHERE coalesce(source, '') != 'plan')").fetchone()
            except sqlite3.Error:
                found = None
            finally:
                con.close()
            if found == (SCHEMA_VERSION, meta["reports"]):
                return db
        template, plan_run = self.plan_db(name, meta)
        big = checked(self.mstrack(fresh_copy(template, db), "import", "progress", meta["csv"], "--format", "json"),
                      "mstrack import progress", env=self.env, stdout_devnull=False)
        if json.loads(big.out).get("inserted") != meta["reports"]:
            raise Failed(f"mstrack inserted {json.loads(big.out).get('inserted')} rows, expected {meta['reports']}")
        self.add(Row(f"SQLite {name} database for the copy: import plan + progress (setup)", f"{plan_run.wall + big.wall:.1f} s",
                     result="info"))
        return db
