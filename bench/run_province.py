"""bench/run's province-sized case (issue 18; `--only province`): one 20,000-task plan, its imports, peak
memory, status and re-import, each against its reference. A part of bench/run's Bench (ProvinceRows)."""

from __future__ import annotations

import json
import shutil
import sqlite3
import time
from pathlib import Path

from run_refs import REF_IMPORT, REF_PLAN, REF_STATUS_INDEX, REF_STATUS_JSON
from run_tools import PY, Failed, Row, Run, alternate, checked, cpu, fresh_copy, generated, med, rotate, run

# the province's files to import: the row names the bench prints (never relabel one: records compare by them)
PROVINCE_KINDS = {"csv": "CSV rows", "xlsx": "rows of .xlsx", "excel_xlsx": "rows of .xlsx as Excel saves it (shared strings)"}
MEMORY_KINDS = {"csv": "CSV", "xlsx": ".xlsx", "excel_xlsx": ".xlsx as Excel saves it (shared strings)"}


class ProvinceRows:
    """The province's rows, as methods of Bench (bench/run): self is the Bench."""

    def province_data(self) -> dict:
        """One plan of 20,000 tasks (one indicator, four checkpoints each), 50 reports a task with a note and a
        reporter (--quick: 1,000 tasks); the 1,000,000-row .xlsx only when this run measures its memory."""
        tasks = 1_000 if self.quick else 20_000
        out = self.work / "data-province"
        wanted = {"seed": self.args.seed, "tasks": tasks, "big_xlsx": not self.quick, "excel_xlsx": True}
        meta_path = out / "meta.json"
        if meta_path.exists():
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
            if meta.get("args") == wanted:
                return meta
        shutil.rmtree(out, ignore_errors=True)
        start = time.perf_counter()
        meta = generated("generate_province", out, tasks=tasks, import_rows=10_000 if self.quick else 100_000,
                         seed=self.args.seed, big_xlsx=not self.quick)
        meta["args"] = wanted
        meta["generate_s"] = time.perf_counter() - start
        meta_path.write_text(json.dumps(meta, ensure_ascii=False, indent=1), encoding="utf-8")
        return meta

    def province(self) -> None:
        """Issue 18's targets on the province-sized case: imports of 100,000 rows (CSV ≤ 1.5×, .xlsx ≤ 2× the
        sqlite3 script), memory of 1,000,000-row imports, status at scale against the query printed as JSON
        (≤ 1.3×), and a re-import of the unchanged plan against reading its TOML (≤ 1.5×)."""
        reps = 1 if self.quick else 3
        try:
            meta = self.province_data()
        except (OSError, ValueError, SystemExit) as error:
            self.error_row("province-sized data", "—", error)
            return
        tasks, n, big = meta["tasks"], meta["import_rows"], meta["reports"]
        try:
            template, plan_run = self.plan_db("province", meta)
            self.add(Row(f"import plan, province: {tasks:,} tasks, {meta['plan_bytes'] / 2**20:.1f} MB of TOML (setup)",
                         f"{plan_run.wall:.1f} s", result="info"))
        except Failed as error:
            self.error_row("province plan", "—", error)
            return
        self.province_reimport(meta, template, reps)
        self.province_imports(meta, template, n, reps)
        db = self.province_memory(meta, template, big)
        if db is not None:
            self.province_status(meta, db, big, reps)

    def province_reimport(self, meta: dict, template: Path, reps: int) -> None:
        what = f"re-import of the unchanged {meta['tasks']:,}-task plan"
        try:
            db = fresh_copy(template, self.work / "province-reimport.db")
            script = self.work / "ref_plan.py"
            script.write_text(REF_PLAN, encoding="utf-8")
            cmd = self.mstrack(db, "import", "plan", meta["plans"][0])
            check = checked(cmd, "mstrack import plan (unchanged)", env=self.env, stdout_devnull=False)
            if "unchanged" not in check.out:
                raise Failed(f"the plan was not found unchanged: {check.out[-200:]!r}")
            mine, ref = alternate(lambda: checked(cmd, "mstrack import plan", env=self.env),
                                  lambda: checked([PY, str(script), meta["plans"][0]], "reference plan read"), reps)
            row = Row(what, f"{med(mine):.2f} s", f"{med(ref):.2f} s (tomllib + import sqlmodel)", med(mine) / med(ref),
                      cpu(mine, ref), "≤ 1.5×", 1.5, extra={"max_rss_mb": max(r.rss_kb for r in mine) / 1024})
            row.judge()
            self.add(row)
        except Failed as error:
            self.error_row(what, "≤ 1.5×", error)

    def province_imports(self, meta: dict, template: Path, n: int, reps: int) -> None:
        ref_script = self.work / "ref_import.py"
        ref_script.write_text(REF_IMPORT, encoding="utf-8")
        target_db = self.work / "province-run.db"

        def ref_once() -> Run:
            result = checked([PY, str(ref_script), str(fresh_copy(template, target_db)), meta["progress_csv"]],
                             "reference import", stdout_devnull=False)
            if int(result.out.strip()) != n:
                raise Failed(f"reference stored {result.out.strip()} rows, expected {n}")
            return result

        def mine_once(path: str) -> Run:
            result = checked(self.mstrack(fresh_copy(template, target_db), "import", "progress", path, "--format", "json"),
                             "mstrack import progress", env=self.env, stdout_devnull=False)
            if json.loads(result.out).get("inserted") != n:
                raise Failed(f"mstrack inserted {json.loads(result.out).get('inserted')} rows, expected {n}")
            return result

        # the .xlsx twice: openpyxl's write-only file (inline strings, characters as references) and the same rows
        # as Excel/WPS save them (a shared-strings table), which is how offices' files come
        for kind, limit in (("csv", 1.5), ("xlsx", 2.0), ("excel_xlsx", 2.0)):
            what = f"import progress, province, {n:,} " + PROVINCE_KINDS[kind]
            try:
                ref, mine = rotate([ref_once, lambda kind=kind: mine_once(meta[f"progress_{kind}"])], reps)
                t, ref_t = med(mine), med(ref)
                row = Row(what, f"{t:.2f} s = {n / t / 1000:.0f}k rows/s", f"{ref_t:.2f} s = {n / ref_t / 1000:.0f}k rows/s "
                          "(sqlite3 script, CSV)", t / ref_t, cpu(mine, ref), f"≤ {limit:g}×", limit,
                          extra={"max_rss_mb": max(r.rss_kb for r in mine) / 1024})
                row.judge()
                self.add(row)
            except (Failed, ValueError) as error:
                self.error_row(what, f"≤ {limit:g}×", error)

    def province_memory(self, meta: dict, template: Path, big: int) -> Path | None:
        """Peak memory of 1,000,000-row imports (CSV < 200 MB, .xlsx < 300 MB); the CSV's database is the one
        status at scale reads."""
        db = None
        for kind, limit in (("csv", 200.0), ("xlsx", 300.0), ("excel_xlsx", 300.0)):
            what = f"peak memory, import progress of {big:,} rows, province, " + MEMORY_KINDS[kind]
            path = meta.get(f"progress_all_{kind}")
            if path is None:
                continue  # --quick writes no big .xlsx
            try:
                target = fresh_copy(template, self.work / f"province-{kind}.db")
                result = checked(self.mstrack(target, "import", "progress", path, "--format", "json"), "mstrack import progress",
                                 env=self.env, stdout_devnull=False)
                if json.loads(result.out).get("inserted") != big:
                    raise Failed(f"mstrack inserted {json.loads(result.out).get('inserted')} rows, expected {big}")
                mb = result.rss_kb / 1024
                row = Row(what, f"{mb:.0f} MB max RSS ({result.wall:.1f} s)", "—", None, None, f"< {limit:.0f} MB", limit)
                row.judge(mb)
                self.add(row)
                if kind == "csv":
                    db = target
            except (Failed, ValueError) as error:
                self.error_row(what, f"< {limit:.0f} MB", error)
        return db

    def province_status(self, meta: dict, db: Path, big: int, reps: int) -> None:
        what = f"status --format json, province: {meta['indicators']:,} indicators / {big:,} reports"
        try:
            ref_db = fresh_copy(db, self.work / "province-ref.db")
            with sqlite3.connect(ref_db) as con:  # the reference's own covering index, outside its timing
                con.execute(REF_STATUS_INDEX)
                con.execute("ANALYZE")
            con.close()
            script = self.work / "ref_status_json.py"
            script.write_text(REF_STATUS_JSON, encoding="utf-8")
            cmd = self.mstrack(db, "status", "--format", "json", "--as-of", "2023-12-31")
            ref_cmd = [PY, str(script), str(ref_db), "2023-12-31"]
            first = run(cmd, env=self.env)
            if first.rc not in (0, 1):
                raise Failed(f"status exit {first.rc}: {first.err[-200:]}")
            mine, ref = alternate(lambda: run(cmd, env=self.env), lambda: checked(ref_cmd, "reference status"), reps)
            row = Row(what, f"{med(mine):.2f} s", f"{med(ref):.2f} s (import sqlmodel, typer + SQL, JSON)", med(mine) / med(ref),
                      cpu(mine, ref), "≤ 1.3×", 1.3, extra={"max_rss_mb": max(r.rss_kb for r in mine) / 1024})
            row.judge()
            self.add(row)
        except Failed as error:
            self.error_row(what, "≤ 1.3×", error)
