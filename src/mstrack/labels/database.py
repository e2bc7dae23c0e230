"""The words said of a database an older mstrack made (cli/common.open_store): that it is left as it is,
what `db upgrade` does, and the commands to type. Part of the one catalogue: labels/__init__.py merges them
into MESSAGES; nothing else imports this module."""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    "{db} was made by an older mstrack (schema version {version}; this one needs {needed}) and is left unchanged.":
        "{db} 由较早版本的 mstrack 创建（数据库结构版本 {version}，本版需要 {needed}），未作任何改动。",
    "  To upgrade it in place (every row is kept, no copy is made), keep a copy of it first:":
        "  就地升级（保留全部数据，不另存副本），请先保存一份副本：",
    "  To upgrade it in place (every row is kept, no copy is made), back it up first with the server's own tools "
    "(pg_dump), then:": "  就地升级（保留全部数据，不另存副本），请先用数据库服务器自己的工具（pg_dump）备份，然后：",
    "  Or try the demo in a new file:": "  或在新文件中试用演示：",
}
