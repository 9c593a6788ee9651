"""Every problem code, declared once: its level, its Chinese message, what it means and what to do.

Kept apart from problems.py (which renders them) so that each stays short; the order here is the
order of docs/problems.md.
"""

from __future__ import annotations

from .dates import MAX_YEAR, MIN_YEAR
from .problem_codes_calendar import CALENDAR_FILES
from .problem_codes_columns import COLUMN_NOTES
from .problem_codes_files import FOLDER_NOTES
from .problem_codes_history import HISTORY_RECORD, HISTORY_STORE
from .problem_codes_online import ONLINE_RECORD
from .problem_codes_options import OPTIONS
from .problem_codes_repeats import REPEATS
from .problem_codes_summary import SUMMARY_LINES
from .problem_codes_units import UNIT_RECORD
from .problem_types import (CALENDAR_ADVICE, CELL, COLUMNS_ADVICE, FILE, KEEP_LEDGER, RECORD, RUN, SHEET, UNIT,  # noqa: F401
                            ProblemType)

DECLARED = [
    # -- the run (exit 2: nothing is written) -------------------------------------
    ProblemType("param-date", RUN, "{reason}。可写作 2016-09-28、2016/9/28 或 2016年9月28日",
                "命令行或网页上填写的日期无法识别", "改用 2016-09-28 这样的写法"),
    ProblemType("param-days", RUN, "应为 1–{most} 之间的整数（工作日数），现为“{value}”",
                "期限（工作日数）不是 1–3650 之间的整数", "填写一个整数，如 20 或 7"),
    ProblemType("param-port", RUN, "端口应为 1–{most} 之间的整数，现为“{value}”",
                "serve 的 --port 不是 1–65535 之间的整数", "换一个端口号，如 8000"),
    *OPTIONS,  # problem_codes_options.py
    ProblemType("param-rule", RUN, "没有名为“{value}”的规则，可用：{known}（国家“双公示” 7 个工作日用 --rule national；"
                                   "其他天数用 --days，如 --days 15）",
                "--rule 给出的规则名不存在", "改用列出的规则名之一"),
    ProblemType("param-engine", RUN, "没有名为“{value}”的引擎，可用：{known}", "--engine 给出的引擎名不存在", "改用 pandas（默认，本机）或 dask（Dask 集群）"),
    ProblemType("param-scheduler-without-dask", RUN, "--scheduler 只能与 --engine dask 一起使用",
                "给了 --scheduler 却没有选 dask 引擎", "加上 --engine dask，或去掉 --scheduler"),
    ProblemType("param-month", RUN, "“{value}”不是有效的月份，应写作 2016-10", "--month 的月份无法识别",
                "写作 年-月，如 2016-10"),
    ProblemType("param-as-of-future", RUN, "统计截止日 {as_of} 晚于今天 {today}，请检查",
                "统计截止日还没到，无法判断逾期", "改为今天或更早的日期"),
    ProblemType("param-db-url", RUN, "--db 只能是一个 SQLite 文件的路径，或 postgresql://用户@主机/库 形式的网址，不认识“{value}”",
                "--db 给了 PostgreSQL 以外的数据库网址", "给一个文件路径，如 reports/公开时限历史.sqlite，或 postgresql:// 网址"),
    ProblemType("param-days-and-rule", RUN, "--days 与 --rule 只能选一个", "同时给了天数和规则", "只保留其中一个"),
    *CALENDAR_FILES,  # problem_codes_calendar.py
    ProblemType("config-invalid", RUN, "{reason}", "配置文件 compliance.toml 有误（消息中写明哪一节、哪一项）",
                "按提示改正配置文件"),
    ProblemType("rule-invalid", RUN, "{reason}", "配置文件 [rules] 或规则名有误", "按提示改正配置文件中的规则"),
    ProblemType("online-list-invalid", RUN, "网站清单 {path}：{reason}",
                "--online 给出的网站清单无法使用；没有它，每条记录都会像是未公开", "换一份完整的网站导出清单，或去掉该 --online"),
    ProblemType("nothing-read", RUN, "没有读到任何可检查的文件。", "给出的文件都读不了或都不是报送表格，没有生成报告",
                "看上面各文件的原因，改正后重新运行"),
    ProblemType("no-files-found", RUN, "{where} 中没有找到表格文件（.xlsx、.xlsm、.xls、.et、.ods、.csv、.parquet）。请检查路径是否正确",
                "给出的文件夹中没有表格文件", "检查路径是否正确"),
    ProblemType("output-is-input", RUN, "输出路径 {path} 是输入文件之一，拒绝覆盖。请用 {option} 指定别的文件名",
                "报告或 JSON 的路径与一个输入文件（台账或网站清单）相同，写入会毁掉它", "换一个输出文件名"),
    ProblemType("output-foreign-file", RUN, "{path} 已存在，且不是本工具生成的{kind}，拒绝覆盖。请用 {option} 指定别的文件名，或先把它移走",
                "输出路径上已有一个不是本工具写的文件；本工具从不覆盖别人的文件",
                "换一个文件名，或先把原文件移走。本工具生成的报告（含本工具的工作表）和 JSON（以 \"tool\": \"compliance\" 开头）可以被替换"),
    ProblemType("output-taken-meanwhile", RUN, "写入期间 {path} 被另一个程序（也可能是同时运行的另一次检查）新建或改写，没有覆盖它，本次的输出没有保存。"
                                               "请用 --out 或 --json 指定别的文件名再运行",
                "写入开始前检查过的文件，在写入期间被换掉了；本工具只替换它检查过的那个文件",
                "换一个文件名再运行；同一个文件夹里同时运行几次检查时，给每次指定不同的 --out"),
    ProblemType("output-report-edited", RUN, "{path} 是本工具生成的报告，但生成后被修改过（或在 Excel/WPS 中保存过），拒绝覆盖，以免丢失其中的修改。"
                                             "请用 --out 指定别的文件名，或先把它改名另存",
                "报告交出后有人在上面加了意见、另加了工作表，或用 Excel/WPS 打开后保存过",
                "换一个文件名；不指定 --out（或 --out 只给文件夹）时，新报告自动另存为“原名(2).xlsx”，原文件不动"),
    ProblemType("output-read-only", RUN, "{path} 是只读文件，拒绝覆盖。请用 {option} 指定别的文件名，或先取消它的只读属性",
                "输出路径上的文件被设成了只读，多半是有人不想让它被替换", "换一个文件名，或确认后取消只读属性"),
    ProblemType("output-json-is-report", RUN, "--json 的路径 {path} 与 Excel 报告是同一个文件，拒绝写入。请给 JSON 另起一个文件名，如 结果.json",
                "JSON 会写在报告上面", "给 --json 另起一个文件名"),
    ProblemType("output-is-folder", RUN, "{option} 的路径 {path} 是一个文件夹。请给出文件名，如 {example}",
                "输出路径是已有的文件夹", "在文件夹后面加上文件名"),
    ProblemType("output-write-failed", RUN, "无法写入{kind} {path}（{reason}）。{advice}用 {option} 换一个位置",
                "写入输出文件时系统报错（没有权限、磁盘已满、文件被占用等）", "关闭占用它的程序，或换一个位置"),
    *HISTORY_STORE, *HISTORY_RECORD,  # problem_codes_history.py
    # -- files -----------------------------------------------------------------
    ProblemType("file-not-found", FILE, "找不到这个文件或文件夹", "命令行给出的路径不存在", "检查路径拼写"),
    ProblemType("file-unreadable", FILE, "无法打开文件（{reason}）", "文件存在但打不开（没有权限、被占用等）",
                "关闭正在打开它的 Excel/WPS，或检查文件权限后重试"),
    ProblemType("empty-file", FILE, "文件是空的，没有任何内容；请打开原表格确认后重新导出或另存再报送", "文件没有任何内容",
                "请报送单位重新导出"),
    ProblemType("empty-sheets", FILE, "工作表（{sheets}）都是空的，没有可检查的数据；是否保存错了文件？", "工作簿中没有一个有内容的单元格",
                "打开原表格确认后重新保存再报送"),
    ProblemType("encrypted-file", FILE, "文件已加密（设置了打开密码），请去掉密码后另存再报送", "工作簿设置了打开密码",
                "在 Excel/WPS 中去掉密码后另存，再报送"),
    ProblemType("unsupported-format", FILE, "{reason}", "文件格式不是本工具能读取的表格格式", "用 Excel/WPS 打开后另存为 .xlsx"),
    ProblemType("not-a-spreadsheet", FILE, "{reason}", "文件内容不是表格", "确认报送的是正确的文件；表格请另存为 .xlsx 或 CSV"),
    ProblemType("corrupt-file", FILE, "文件已损坏或不完整（压缩包结构有误，可能没有传完或被截断），无法读取。"
                                      "请重新导出或重新发送该文件",
                "文件已损坏，无法按其格式读取（读取程序的原话只在 --debug 时显示）", "请报送单位重新导出或重新发送"),
    ProblemType("dask-workers-elsewhere", FILE, "Dask 工作进程读到的不是这台电脑上的这个文件"
                "（本机 SHA-256 {expected}，工作进程 {seen}），未读取。集群的每台电脑都要能用同一路径读到输入文件"
                "（共享文件夹或对象存储）",
                "--engine dask 时，工作进程所在的电脑上没有这个文件，或同一路径下是另一个文件",
                "把输入文件放在各台电脑用同一路径都能读到的共享存储上"),
    ProblemType("parquet-unreadable", FILE, "Parquet 文件已损坏、不完整或不是 Parquet 格式，无法读取。请重新导出该文件",
                "扩展名是 .parquet 或内容以 Parquet 标记开头，但 Parquet 读取程序读不了（读取程序的原话只在 --debug 时显示）",
                "请数据提供方重新导出"),
    ProblemType("no-workbook-in-zip", FILE, "这是一个压缩包，不是 Excel 工作簿{hint}", "文件是压缩包（.zip），不是工作簿",
                "解压后检查其中的表格，单独报送"),
    ProblemType("office-document", FILE, "这是 {kind}，不是表格。请把表格放进 Excel/WPS 表格中，另存为 .xlsx 后再报送",
                "Word、PowerPoint 等文档，不是表格", "把表格复制到 Excel/WPS 表格中，另存为 .xlsx"),
    ProblemType("lock-file", FILE, "这是 Excel/WPS 打开“{name}”时生成的临时锁定文件（~$ 开头），不是报送的表格；"
                                   "请改为检查“{name}”，必要时先关闭 Excel/WPS",
                "~$ 开头的临时锁定文件", "检查原文件"),
    ProblemType("file-too-large", FILE, "工作簿解压后有 {size_mb:,.0f} MB，超过上限 {limit_mb:,.0f} MB，"
                                        "已拒绝读取。如确是正常数据，请把记录拆分成几个文件（每个不超过 50 万行）放在同一文件夹中一起检查；"
                                        "否则可能是恶意文件（压缩炸弹）",
                "工作簿解压后过大，可能是恶意文件（压缩炸弹）", "确认文件来源；确属正常的大表可调整 compliance.toml [limits]"),
    ProblemType("undecodable-text", FILE, "第 {lines} 行有无法识别的字符（不是 UTF-8、GBK/GB18030 或 UTF-16 编码），"
                                          "请用 Excel/WPS 打开后另存为 .xlsx 或 UTF-8 CSV",
                "CSV 文件的文字编码无法识别", "用 Excel/WPS 打开后另存为 .xlsx 或 UTF-8 CSV"),
    ProblemType("statistics-only", FILE, "工作表（{sheets}）都是统计表（决定数、已公开数等），没有逐条的决定，没有可检查的数据。"
                "请报送台账：每个决定一行，写明文书号、决定日期和公开日期",
                "文件中只有按类别或月份的统计，没有台账", "报送逐条的台账"),
    ProblemType("no-header", FILE, "所有工作表（{sheets}）都找不到表头，没有可检查的数据。表头至少要有“文书号”或“决定日期”"
                                   "一列（受理、办结、送达日期不是决定日期），以及“公开日期”等列",
                "没有一个工作表有可识别的表头", "确认表头含文书号、决定日期、公开日期等列名；列名不同时在 compliance.toml [columns] 补充同义词"),
    ProblemType("read-failed", FILE, "读取这个文件时程序出错，已跳过；其他文件不受影响。"
                                     "请加 --debug 重新运行，并把输出发给维护人员", "读取时出现意外错误，只影响这一个文件",
                "用 Excel/WPS 另存后重试；仍出错时加 --debug 运行并把输出发给维护人员"),
    ProblemType("sheet-too-sparse", FILE, "工作表“{sheet}”的单元格 {cell} 有内容，离数据很远，整张表将有 {cells:,} 个单元格，"
                                          "读取会耗尽内存，已拒绝读取。请在 Excel/WPS 中删除该单元格（或其所在的行、列）后另存再报送",
                "远处一个单元格使整张表大到无法读取", "删除该单元格（或其行、列）后另存"),
    ProblemType("wrong-form", FILE, "{reason}", "文件夹中的这个文件不是表格（Word 文档、PDF 扫描件、图片等），"
                "是报送形式不对：汇总中按文件名所指的单位列为“文件无法读取”", "请报送单位改交 Excel/WPS 表格文件"),
    ProblemType("file-not-read", FILE, "{reason}", "文件夹中的这个文件不是表格，未读取", "如果它是表格，改正扩展名后重新运行"),
    ProblemType("read-aborted", FILE, "读取这个文件时读取程序异常退出，已跳过；其他文件不受影响。"
                                      "文件可能已损坏，请用 Excel/WPS 打开后另存为 .xlsx 再报送",
                "读取程序崩溃，只影响这一个文件", "用 Excel/WPS 打开后另存为 .xlsx"),
    ProblemType("duplicate-file", FILE, "与 {first} 内容完全相同，只读取一次", "同一个文件报送了两次",
                "无需处理；如是误报送，删去多余的一份"),
    # -- what reading one file may cost (ingest/limits.py, docs/limits.md) ----------------------------
    ProblemType("read-memory-limit", FILE, "读取这个文件需要的内存超过上限（{limit_mb:,} MB），已停止读取；其他文件不受影响。"
                                           "文件中可能有异常大的内容（如超长的单元格、大片带格式的空白），请删除后另存再报送；"
                                           "如确是正常的大量数据，请把记录拆分成几个文件放在同一文件夹中一起检查",
                "读取这个文件的进程超过了内存上限（compliance.toml [limits] max_read_memory_mb），已被停止",
                "删除异常内容后另存；正常的大文件拆分成几个，或调高上限"),
    ProblemType("read-time-limit", FILE, "读取这个文件超过了 {seconds:,.0f} 秒的时间上限，已停止读取；其他文件不受影响。"
                                         "文件可能异常（如大片带格式的空白或结构损坏），请在 Excel/WPS 中打开后另存为 .xlsx 再报送；"
                                         "如确是正常的大量数据，请把记录拆分成几个文件放在同一文件夹中一起检查",
                "读取这个文件的进程超过了时间上限（[limits] max_read_seconds），已被停止",
                "另存为 .xlsx 后重试；正常的大文件拆分成几个，或调高上限"),
    ProblemType("sheet-too-large", FILE, "工作表“{sheet}”有 {rows:,} 行 × {columns:,} 列，工作簿共 {cells:,} 个单元格，"
                                         "超过一个文件可读取的上限 {limit:,} 个单元格，已拒绝读取。"
                                         "请把记录拆分成几个文件（每个不超过 50 万行），放在同一文件夹中一起检查",
                "工作簿的单元格总数超过上限（约 50 万行 × 31 列以上）", "把记录拆分成几个文件，放在同一文件夹中一起检查"),
    ProblemType("cell-text-too-long", FILE, "工作簿中有一个单元格的文字长达 {size_mb:,.0f} MB，远超 Excel 单元格 32,767 个字符的上限，"
                                            "不是正常的表格数据，已拒绝读取。请找到并删除该内容后另存再报送",
                "一个单元格的文字远超 Excel 的上限，读取会耗尽内存", "删除该内容后另存"),
    ProblemType("too-many-columns", FILE, "{where}有 {count:,} 列，超过 Excel 的列数上限 {limit:,} 列，不是正常的表格，"
                                          "已拒绝读取。请检查分隔符和该行内容",
                "CSV 的一行或网页表格的列数超过 Excel 的上限（16,384 列）", "检查分隔符和该行内容"),
    ProblemType("csv-line-too-long", FILE, "CSV 第 {line} 行有 {chars:,} 个字符，超过一行 {limit:,} 个字符的上限，"
                                           "不像表格数据，已拒绝读取。请检查该行（可能缺少换行或引号不成对）",
                "CSV 的一行（或一个字段）长得不像表格数据", "检查该行是否缺少换行、引号是否成对"),
    ProblemType("csv-malformed", FILE, "CSV 第 {line} 行格式有误（引号不成对或字段过长），无法读取。"
                                       "请用 Excel/WPS 打开后另存为 .xlsx 或 UTF-8 CSV 再报送",
                "CSV 的格式有误，无法按行读取", "用 Excel/WPS 打开后另存"),
    ProblemType("html-spans-too-large", FILE, "网页表格的合并单元格（rowspan/colspan）展开后有 {cells:,} 个单元格，"
                                              "超过上限 {limit:,} 个，已拒绝读取。请在 Excel/WPS 中打开后另存为 .xlsx 再报送",
                "网页格式的 .xls 中合并单元格展开后大得异常", "用 Excel/WPS 打开后另存为 .xlsx"),
    ProblemType("mixed-encoding", FILE, "文件中混有两种编码：第 {lines} 行是 {encoding} 编码，其余是 {other} 编码；"
                                        "按一种编码读取会把另一部分读成乱码，已拒绝读取。"
                                        "请把整个文件统一另存为 UTF-8 编码（或另存为 .xlsx）后再报送",
                "CSV 中有的行是 UTF-8、有的行是 GBK，读成一种会出现乱码", "统一另存为 UTF-8 或 .xlsx"),
    ProblemType("zip-size-mismatch", FILE, "工作簿内部的数据比它声明的大小还大（文件已损坏或被有意篡改），已拒绝读取。"
                                           "请重新导出该文件后再报送",
                "工作簿压缩包中的数据与声明的大小不符", "重新导出该文件"),
    ProblemType("ole-damaged", FILE, "文件已损坏，不是完整的 Excel 97-2003 工作簿（.xls），无法读取。"
                                     "请用 Excel/WPS 打开后另存为 .xlsx 再报送；如打不开，请让报送单位重新导出",
                ".xls 文件的结构已损坏", "另存为 .xlsx；打不开时请报送单位重新导出"),
    ProblemType("xml-malformed", FILE, "工作簿内部的 XML 格式有误（可能由不规范的软件生成，或文件已损坏），无法读取。"
                                       "请用 Excel/WPS 打开后另存为 .xlsx 再报送",
                "工作簿内部的 XML 不合规范（如未定义的实体 &nbsp;）", "用 Excel/WPS 打开后另存为 .xlsx"),
    ProblemType("workbook-unreadable", FILE, "读取程序无法读取这个工作簿，文件可能已损坏。"
                                             "请用 Excel/WPS 打开后另存为 .xlsx 再报送",
                "读取程序报告了其他错误（原话只在 --debug 时显示）", "用 Excel/WPS 打开后另存为 .xlsx"),
    ProblemType("not-regular-file", FILE, "{reason}，不是普通文件，未读取",
                "文件夹中的这一项不是普通文件（失效或循环的符号链接、命名管道、设备等），不会打开它",
                "如是要报送的表格，换成普通文件"),
    # -- sheets ----------------------------------------------------------------
    ProblemType("sheet-hidden", SHEET, "这是一个隐藏的工作表，其中的记录也已计入；如不应计入，请删除该工作表",
                "隐藏的工作表中的记录也计入了", "如不应计入，删除该工作表"),
    ProblemType("rows-hidden", SHEET, "工作表中有 {count} 行记录被隐藏（第 {rows} 行；可能是筛选没有取消），已照常检查",
                "打开表格时看不到这些行（隐藏或被筛选掉），它们仍是单位报送的内容，照常检查：报告中的记录数会多于表格中看到的行数",
                "核对隐藏的行是否应当报送；不应报送的删除"),
    ProblemType("sheet-statistics", SHEET, "这是统计表（有计数列，没有文书号和当事人列），不是台账，已跳过此工作表",
                "工作表是按类别或月份的统计（决定数、已公开数……），不是逐条的决定", "无需处理；逐条的决定请列在台账工作表中"),
    ProblemType("sheet-pivot", SHEET, "这是数据透视表（行标签、计数项、求和项……），不是台账，已跳过此工作表",
                "数据透视表是台账的汇总，其中的行是合计或台账中已有的决定，按决定读会重复计算或造出没有文书号的记录",
                "无需处理；逐条的决定请列在台账工作表中"),
    ProblemType("sheet-continued", SHEET, "没有表头，按前一个工作表“{previous}”的表头读取（续表）",
                "工作表没有表头，各行与前一个工作表的表格同样宽、决定日期列有日期：是前一个表格的续表",
                "核对这个工作表的记录是否读对；最好把续表的行并回前一个工作表，或在续表上也加上表头"),
    ProblemType("sheet-no-header", SHEET, "未找到表头（不含文书号、决定日期等列），已跳过此工作表",
                "这个工作表没有可识别的表头", "如果它有数据，检查表头的列名"),
    ProblemType("sheet-columns-missing", SHEET, "找不到{labels}列，这些记录无法判定。看到的列名：{seen}。" + COLUMNS_ADVICE,
                "表头中没有决定日期或公开日期列，这些记录判为数据有误", "在 compliance.toml [columns] 中为该字段补充同义词，或改正表头"),
    ProblemType("published-column-stand-in", SHEET, "公开日期取自“{header}”列：这是数据更新或入库的时间，不一定是首次上网公开的"
                                                    "日期。按它按时的记录确定按时；按它超过截止日的，首次公开可能更早，列为数据有误待核实",
                "表中没有公开日期列，只有更新时间、入库时间一类的列", "加一列实际上网公开日期（公示日期）"),
    ProblemType("published-in-mark-column", SHEET, "表中没有公开日期列，公开日期取自“{header}”一栏中写的日期",
                "公开情况一栏写成一句话（已于2024年3月5日在区政府网站公开）", "无需处理；以后可单列“公开日期”"),
    ProblemType("unit-line-differs", SHEET, "表中写的填报单位是“{line}”，文件名写的是“{named}”，已按“{counted}”计"
                                            "（文书号代字与之相符；看不出时按填报单位），请核实",
                "文件名与表中的填报单位不是同一个单位：可能发错了文件，或文件名沿用了别的单位的模板",
                "确认这份台账是哪个单位的；改正文件名或填报单位后重新报送"),
    ProblemType("sheet-several-tables", SHEET, "工作表中有 {count} 个表格（第 {rows} 行是另一个表头），各按自己的表头读取",
                "一个工作表中上下有几个表格", "无需处理；核对各表格的记录数"),
    ProblemType("file-name-not-utf8", SHEET, "文件名不是 UTF-8 编码（多见于在 Windows 上压缩、在其他系统上解压），已按 GBK 显示为 {shown}",
                "文件名的编码与本机不同，按 GBK 读出文件名；文件内容照常读取", "无需处理；如要在本机正常显示，可把文件改名"),
    ProblemType("extension-mismatch", SHEET, "文件扩展名是 {suffix}，内容其实是{kind}，已按内容读取",
                "文件的扩展名与内容不符（改过扩展名，或办公系统导出时起的名字），内容可以读取",
                "无需处理；以后可按内容另存为 .xlsx"),
    ProblemType("own-report-skipped", SHEET, "这是本工具生成的检查报告，已跳过", "输入中有本工具生成的报告，不当作台账读取",
                "无需处理"),
    ProblemType("own-json-skipped", SHEET, "这是本工具生成的 JSON 结果，已跳过", "文件夹中有本工具另存的 JSON 结果，不当作台账读取",
                "无需处理"),
    *FOLDER_NOTES,  # problem_codes_files.py
    ProblemType("online-list-date-unreadable", SHEET, "网站清单 {file}（{sheet}）的{header}不是日期：{cells}；这些信息不用于核对公开日期",
                "网站清单的公开日期单元格有内容，但不是存在的日期（如 2 月 30 日、#VALUE!）", "重新导出网站清单，或在网站上核实这些信息的公开日期"),
    ProblemType("online-list-not-ledger", SHEET, "这是 --online 给出的网站清单{copy}，不当作台账读取",
                "文件夹中的这个文件就是作为网站清单给出的那份，台账与自身核对说明不了什么",
                "无需处理；如果它其实是某单位的台账，请不要把它作为 --online 给出"),
    ProblemType("rows-voided", SHEET, "第 {rows} 行注明文书号作废（或空号），没有决定，已跳过",
                "台账保留作废的文书号以说明编号的空缺；没有相对人和决定日期的这种行不是决定",
                "无需处理；如果其实是一个决定，请补上相对人和决定日期，并去掉“作废”"),
    ProblemType("rows-undecided", SHEET, "第 {rows} 行注明还在办理（审批中、已受理、补正材料等）或申请已撤回、不予受理，没有作出决定，已跳过",
                "还没有作出决定的申请或案件不是决定，作出决定后才有公开期限", "无需处理；作出决定后把决定日期填上，下次检查时计入"),
    ProblemType("rows-reserved", SHEET, "第 {rows} 行在表格末尾，只有文书号，没有当事人和日期（预留的文号），不是已作出的决定，已跳过",
                "事先编好、还没用上的文号不是决定", "无需处理；用上这些文号时把当事人和日期填上，下次检查时计入"),
    ProblemType("rows-notice", SHEET, "第 {rows} 行的文书号是告知书的文号（如 …罚告〔2024〕2号），不是决定，已跳过",
                "行政处罚事先告知书、听证告知书是作出决定之前的文书，不是要公开的决定；台账应列决定书",
                "无需处理；如果其实是决定，请改为决定书的文号后重新检查"),
    ProblemType("sheet-lookup", SHEET, "这个工作表没有决定日期列，其中的文书号（{count} 个）都已在本文件的其他工作表中：是查找用的清单，不计入",
                "工作簿里另有一张只列文号和日期的表（供 VLOOKUP 查公开日期，或文号登记），不是另报的决定",
                "无需处理；如果其中的决定不在台账工作表中，请补到台账工作表"),
    ProblemType("rows-lookup", SHEET, "第 {rows} 行没有决定日期，文号和公开日期都与本文件台账工作表中的记录相同：是查找用的清单行，不计入",
                "工作表没有决定日期列，其中这几行只是重复台账里的决定（其余行照常读取）",
                "无需处理；其余行如是另报的决定，请补上决定日期"),
    ProblemType("rows-several-numbers", SHEET, "第 {rows} 行的文书号一格写了不止一个文号，按一个决定检查；如是几个决定，请分行填写",
                "一格里写了两个决定的文号（换行或用顿号隔开）：按一条记录计，另一个决定可能因此没有计入",
                "每个决定单独一行填写，各填其日期"),
    ProblemType("sheet-example", SHEET, "这是填写示例或填表说明工作表，其中的行不是真实决定，已跳过", "填写示例、填表说明工作表不计入", "无需处理"),
    ProblemType("document-number-from-licence", SHEET, "第 {rows} 行的文书号为空，取“{header}”栏的编号代替，请核对",
                "许可决定没有文书号时，国家数据标准以许可证书编号代替；只用于行政许可", "核对；有决定书文号的补填文书号"),
    ProblemType("header-merged-span", SHEET, "表头“{headers}”合并了几列，第 {rows} 行的内容写在合并格右边的列中，已按这一栏读取，请核对",
                "表头单元格横向合并了几列，而数据只写在其中一列", "核对；数据写在表头所在的第一列更清楚"),
    ProblemType("unit-from-folder", FILE, "文件名中没有单位名称，按所在文件夹“{folder}”记在“{unit}”名下，请核对",
                "每个单位一个文件夹、文件名只写了“2024年行政处罚台账”：单位取自文件夹名", "核对；文件名写上单位名称更清楚"),
    ProblemType("unit-file-several", FILE, "文件名写了几个单位（{units}），表中的记录没有写单位：按文书号代字分到各单位，"
                                          "看不出的记在“{unit}”名下，请核对",
                "几个单位合报一个文件，表中没有单位列（或单位格空着）：工具不能分辨哪条是哪个单位的",
                "加一列“单位”写明每条决定的单位，或每个单位一个文件后重新检查"),
    ProblemType("unit-from-sheet-names", FILE, "各工作表以单位命名（{units}），记录按工作表名记在各单位名下，不记在文件名的“{named}”名下",
                "汇总了各单位台账的工作簿，文件名是汇总单位，工作表名才是作出决定的单位（表中没有单位列时）", "核对"),
    ProblemType("unit-compiled-sheet", FILE, "汇总了各单位台账的工作簿中，工作表“{sheets}”的名称看不出是哪个单位，"
                                            "其中的记录记在文件名的“{unit}”名下，请核对；最好把工作表改名为单位名称",
                "各单位的工作表以单位命名，这几个工作表的名称不是单位名称（如简称“人社”），表中也没有单位列", "把工作表改名为单位全称或通用简称后重新检查"),
    ProblemType("published-from-remarks", SHEET, "第 {rows} 行的公开日期为空，取自“{header}”栏写的日期（如“已于……公开”），请核对",
                "公开日期空着，备注里写了哪天公开", "核对；把公开日期填在公开日期栏"),
    ProblemType("rows-continued-below", SHEET, "第 {rows} 行接着上一行：上一行有文书号、没有日期，这一行有日期、没有文书号，"
                "看作一条决定写成了两行，已合并为一条记录，请核对",
                "一条决定分两行填写（文书号、当事人在上一行，决定日期、公开日期在下一行）：按一条记录检查，不算两条",
                "核对；一条决定填在一行里"),
    ProblemType("published-from-lookup", SHEET, "第 {rows} 行的公开日期为空，取自本文件“{sheet_name}”工作表中同一文书号的公开日期，请核对",
                "台账的公开日期空着（常是 VLOOKUP 公式没有保存结果），同一文件的另一张表记着这个决定的公开日期",
                "核对；把公开日期填在台账的公开日期栏"),
    ProblemType("numbers-by-word", SHEET, "第 {rows} 行的文书号写作“同上”，已按上一行的文书号读取（同一决定的另一当事人），请核对",
                "文书号栏中的“同上”指与上一行是同一决定", "核对；报送时最好写出文书号"),
    ProblemType("dates-by-word", SHEET, "第 {rows} 行的日期写作“同上”“〃”“同日”“当天”或起止日期，已按上一行的日期、本行的决定日期、"
                                        "起止日期的第一天读取，请核对",
                "日期栏中的“同上”指上一行的日期，公开日期栏中的“同日”“当天”指决定当天公开，公示起止日期的第一天是上网公开的日子",
                "核对；报送时最好写出日期"),
    ProblemType("rows-example", SHEET, "第 {rows} 行是填写示例，不是真实决定，已跳过", "示例行不计入", "无需处理；报送前可删去示例行"),
    ProblemType("sheet-read-mismatch", SHEET, "工作表“{sheet}”中有内容的单元格到第 {scanned:,} 行，读取程序读到第 {read:,} 行，"
                                              "两者不一致，可能漏读或多读了记录。请用 Excel/WPS 打开后另存为 .xlsx 再检查，并核对记录数",
                "读取程序返回的行数与工作表 XML 中有内容的区域不一致（例如行的顺序不对），记录可能不全；检查结果不算通过",
                "用 Excel/WPS 打开后另存为 .xlsx 再检查，并核对记录数"),
    ProblemType("sheet-side-by-side", SHEET, "工作表中左右并排有 {count} 个表格（{ranges}），各按自己的表头读取",
                "一个工作表中左右并排有几个表格", "无需处理；核对各表格的记录数"),
    *COLUMN_NOTES,  # problem_codes_columns.py: which column holds which field
    # -- cells (dates) -----------------------------------------------------------
    ProblemType("second-decision-date-turns", RECORD, "两列决定日期不一致：{decision} 和 {second_decision}（见决定日期原文）；"
                                                      "按其中一个日期逾期、按另一个按时，无法判定，请核对决定日期",
                "两列都可能是决定日期（如准予许可日期和发证日期），这一行两列的日期不同，而是否逾期取决于哪个对", "确认哪一天作出决定，改正台账"),
    ProblemType("later-action-dated-by-grant", RECORD, "业务类型为“{action}”，决定日期 {decision} 取自“{grant_header}”一栏，可能是原证发证的日期，"
                "而不是这次{action}决定的日期；按它算已逾期，但不可靠，无法判定，请核对决定日期",
                "注销等不发新证的业务（或变更、延续、补证，日期早于公开日一年以上或与新办同一天），决定日期取自发证日期：往往是原证的日期",
                "填写这次业务决定的日期（如注销日期），或增加一栏“注销日期”“变更日期”"),
    ProblemType("second-decision-date-differs", RECORD, "两列决定日期不一致：{decision} 和 {second_decision}（见决定日期原文），"
                                                        "按哪个日期结论都一样，已按 {decision} 判定，请核对",
                "两列都可能是决定日期，这一行两列的日期不同，但不影响是否逾期", "确认哪一天作出决定，改正台账"),
    ProblemType("published-dates-differ", RECORD, "有两个公开日期：{published} 和 {second_published}（见公开日期原文或备注），"
                                                  "按哪个日期结论都一样，已按较早的 {published} 判定，请核对",
                "两列公开日期（如公示日期和上网公开日期），或备注、日期格写了两个日期，不影响是否逾期", "确认哪一天上网公开，改正台账"),
    ProblemType("published-dates-turn", RECORD, "有两个公开日期：{published} 和 {second_published}（见公开日期原文或备注）；按较早的"
                "一天按时、按较晚的一天逾期，无法判定，请核对公开日期", "两个公开日期不同，是否逾期取决于哪个对", "确认哪一天上网公开，改正台账"),
    ProblemType("date-missing", CELL, "日期为空", "日期单元格是空的", "补填日期"),
    ProblemType("date-unparseable", CELL, "无法识别的日期：{text}（可写作 2016-09-28、2016/9/28 或 2016年9月28日）", "单元格中的文字不是可识别的日期",
                "改为 2016-09-28 这样的日期"),
    ProblemType("date-with-words", CELL, "日期一栏除日期外还有别的文字或不止一个日期：{text}；不知道哪一天算数，请只填一个日期",
                "单元格中有日期，但夹着网站名等文字，或写了几个日期：工具不替单位挑选", "改为只写一个日期（公开日期填首次上网的那一天）"),
    ProblemType("date-order-unclear", CELL, "日期“{text}”可以是月/日/年，也可以是日/月/年，无法确定是哪一天",
                "年份写在最后、前两个数都不超过 12 的日期（英文版 Excel 导出的 CSV 常见）：10/9/2026 是 10 月 9 日还是 9 月 10 日说不准；"
                "有一个数超过 12 的（9/30/2026）只有一种读法，照常读取；同一列别的日期都显出同一种顺序时按那种顺序读取",
                "改为 2026-10-09 这样年份在前的写法"),
    ProblemType("date-no-year", CELL, "日期没有写年份：{text}", "单元格只写了月和日：年份不能从表格标题或文件名去猜",
                "补上年份，如 2016-10-08"),
    ProblemType("date-no-day", CELL, "日期没有写到哪一天：{text}", "单元格只写了年月（如 2016年10月、2016.10）或只写了年：算不出截止日期",
                "补上是哪一天，如 2016-10-08"),
    ProblemType("date-impossible", CELL, "不存在的日期：{text}", "日期不存在（如 2 月 30 日）", "核对并改正日期"),
    ProblemType("date-weekday-mismatch", CELL, "日期与所写的星期几不符：{text}",
                "单元格在日期后写了星期几（如“2016/09/28 星期三”），但那一天不是这个星期几：不知道日期和星期哪个对",
                "核对并改正日期，或删去星期几"),
    ProblemType("date-out-of-range", CELL, "日期超出合理范围（" + f"{MIN_YEAR}–{MAX_YEAR}" + " 年）：{text}",
                "年份明显有误", "核对并改正日期"),
    ProblemType("date-formula-error", CELL, "单元格是公式错误值：{text}", "单元格是 #VALUE! 等公式错误", "改正公式或直接填写日期"),
    ProblemType("date-invalid-type", CELL, "单元格不是日期：{text}", "单元格的类型不可能是日期（如逻辑值）", "填写日期"),
    ProblemType("date-formula-uncached", CELL, "单元格是公式，但文件中没有保存计算结果（可能由其他软件生成），"
                                               "请在 Excel/WPS 中打开并保存后再报送：{text}",
                "公式没有保存计算结果，无法知道日期", "在 Excel/WPS 中打开并保存后再报送"),
    # -- records -----------------------------------------------------------------
    # late, overdue: the status itself, on the terminal's line; short: when the count needs a year with no calendar
    ProblemType("late", RECORD, "截止 {deadline}，逾期 {days} 个工作日", "在截止日期之后才上网公开（逾期公开）",
                "说明逾期原因；今后按期公开", short="截止 {deadline}"),
    ProblemType("overdue", RECORD, "截止 {deadline}，逾期 {days} 个工作日", "统计截止日已过公开截止日期，仍未公开（逾期未公开）",
                "尽快上网公开并在台账中填写公开日期", short="截止 {deadline}"),
    ProblemType("decision-column-missing", RECORD, "工作表中找不到决定日期列", "没有决定日期，无法计算截止日期",
                "在表头中加上决定日期列，或在 compliance.toml [columns] 中补充同义词"),
    ProblemType("published-column-missing", RECORD, "工作表中找不到公开日期列，无法判断是否按时公开",
                "没有公开日期列（报送日期等不是公开日期）", "加上公开日期列，或在 compliance.toml [columns] 中补充同义词"),
    ProblemType("published-stand-in-blank", RECORD, "“{standin}”一栏为空，它是数据更新或入库的时间，不是公开日期："
                                                   "已过截止日 {deadline}，无法判定是否已公开",
                "公开日期只有更新时间、入库时间一类的列，本行又是空的：不能据此认定逾期未公开",
                "填写实际上网公开日期（可在网站上查到），或用 --online 提供网站清单核对"),
    ProblemType("published-stand-in-after-as-of", RECORD, "“{standin}”{published} 晚于统计截止日，它是数据更新或入库的时间，"
                                                        "首次上网公开可能更早：已过截止日 {deadline}，无法判定是否已公开",
                "公开日期只有更新时间、入库时间一类的列，本行的时间晚于统计截止日：不能据此认定逾期未公开",
                "填写实际上网公开日期（可在网站上查到），或用 --online 提供网站清单核对"),
    ProblemType("published-stand-in-late", RECORD, "“{standin}”{published} 已过截止日 {deadline}，但它是数据更新或入库的时间，"
                                                  "首次上网公开可能更早：无法判定是否逾期",
                "公开日期只有更新时间、入库时间一类的列，按它已过截止日：不能据此认定逾期",
                "填写实际上网公开日期（可在网站上查到），或用 --online 提供网站清单核对"),
    ProblemType("published-marked-no-date", RECORD, "标注已公开，但没有公开日期",
                "台账的“是否公开/状态”栏写了已公开，公开日期却是空的：不判为未公开；截止日期未到时按未到期，"
                "过了截止日期判为数据有误", "补填公开日期（可在网站上查到），或用 --online 提供网站清单核对"),
    ProblemType("category-other", RECORD, "类别不是行政许可或行政处罚（如行政确认、行政强制），不在本检查范围内",
                "类别一栏写的是其他行政行为：许可、处罚的公开时限不适用，不判定、不计入统计",
                "确认类别填写无误；属于许可或处罚的，改正类别"),
    ProblemType("category-unknown", RECORD, "无法判断是许可还是处罚：类别一栏没有写明（或没有类别列），列名、工作表名、标题和文件名都没有指明是其中哪一类"
                                            "（或两类都提到），文书号中也看不出",
                "不知道记录是许可还是处罚，无法选用期限", "许可和处罚分开报送，或加类别列（许可/处罚）"),
    ProblemType("category-by-number", RECORD, "这一行文书号的代字（许、罚）说的类别，与类别栏、表头、工作表名或文件名的不同：按代字的类别判定，请核对",
                "许可的文书号写在处罚的表里（或反过来，或表头是从另一类的表复制的）：每行按它自己的文书号认类别",
                "把这一行移到相应类别的表中，或改正表头"),
    ProblemType("category-unknown-either", RECORD, "无法判断是许可还是处罚（类别没有写明），但按许可和处罚的期限判定结果相同，照此判定"
                                                   "（逾期的按较长的期限计，未到期的按较短的期限写截止日）",
                "类别不明，但两类期限下结论一样", "许可和处罚分开报送，或加类别列（许可/处罚）"),
    *UNIT_RECORD,  # problem_codes_units.py: which unit a record counts under
    ProblemType("row-labelled-as-total", RECORD, "这一行的首格写着合计、小计或注一类的字样，但有文书号和日期：已按一条决定检查，请核对",
                "首格像合计行或备注行，其余各格却是一条决定（文书号不是件数，并有日期）；不直接跳过，以免漏掉这条决定",
                "是决定的，删去首格的字样；不是决定的（合计行），删去这一行的文书号和日期"),
    ProblemType("row-struck-through", RECORD, "这一行的文字加了删除线（像是已作废）：仍按一条决定检查，请核对",
                "表格中这一行大部分单元格加了删除线。工具不替单位认定决定已作废，照常检查；按日期会逾期的，不判逾期，列为数据有误",
                "已作废的，删去这一行或在备注中写明“作废”；没有作废的，去掉删除线"),
    ProblemType("row-struck-late", RECORD, "按日期已逾期（截止 {deadline}），但这一行加了删除线：不判为逾期，请确认这项决定是否已作废",
                "加了删除线的行按日期会是逾期公开或逾期未公开：删除线常表示作废，不能据此认定逾期",
                "已作废的，删去这一行或在备注中写明“作废”；没有作废的，去掉删除线并说明逾期原因"),
    ProblemType("duplicate-document-number", RECORD, "文书号重复，首次出现在 {where}", "同一单位同一类别中文书号重复",
                "核实是否重复填报"),
    ProblemType("document-number-missing", RECORD, "缺少文书号", "记录没有文书号", "补填文书号"),
    ProblemType("published-before-decision", RECORD, "公开日期 {published} 早于决定日期 {decision}",
                "公开日期早于决定日期，至少一个日期有误", "核对并改正日期"),
    ProblemType("published-after-run-date", RECORD, "公开日期 {published} 晚于检查当天 {run_date}，日期有误",
                "公开日期还没到，日期有误", "核对并改正公开日期"),
    ProblemType("published-after-as-of", RECORD, "公开日期 {published} 晚于统计截止日 {as_of}，按截至 {as_of} 尚未公开判定",
                "统计截止日时还没有公开", "无需处理；下期统计会按实际公开日期判定"),
    ProblemType("late-days-lower-bound", RECORD, "逾期工作日数至少 {late}：{gap_year} 年的节假日安排还没有数据，"
                                                 "这一年的日子未计入。" + CALENDAR_ADVICE.replace("{year}", "{gap_year}"),
                "逾期已经确定，但逾期多少个工作日要数到缺数据的年份：给出的是已知部分，至少为 1", "补上该年日历后重新检查"),
    ProblemType("calendar-not-covered", RECORD, "需要 {year} 年的节假日安排才能判定。" + CALENDAR_ADVICE,
                "结果取决于尚无节假日数据的年份（无法判定）", "按提示准备该年的日历文件，用 --calendar 提供"),
    ProblemType("deadline-beyond-calendar", RECORD, "截止日期在 {beyond} 年，该年的节假日安排尚无数据，暂算不出具体是哪一天（现在还没有到期）",
                "未到期的记录，截止日期落在日历尚未覆盖的年份", "无需处理；到期前请准备该年的日历文件，用 --calendar 提供"),
    ProblemType("row-fields-shifted", RECORD, "这一行比表头多出 {extra} 栏内容（单元格里可能有没加引号的逗号），各栏可能错位，无法判定",
                "CSV 文件中这一行的栏数多于表头：内容里的逗号把后面的各栏往右挤了一格，日期、单位都可能读错",
                "在 Excel 中打开核对这一行，或把含逗号的内容加上引号后重新导出"),
    *REPEATS,  # problem_codes_repeats.py
    ProblemType("decision-after-run-date", RECORD, "决定日期 {decision} 晚于检查当天 {run_date}，日期有误",
                "决定日期还没到，日期有误", "核对并改正决定日期"),
    ProblemType("decision-year-before-number", RECORD, "决定日期 {decision} 的年份早于文书号中的年份，其中一个写错了年份；"
                "按这个日期算是逾期，无法判定，请核对决定日期和文书号",
                "文书号是哪一年编的，决定就是哪一年作出的（12 月作出、编入下一年号的除外）", "核对并改正决定日期或文书号"),
    *ONLINE_RECORD,  # problem_codes_online.py: records checked against the online list (--online)
    # -- records: data quality (quality/; 双公示数据标准, GB 32100-2015, GB 11643-1999) ------------
    ProblemType("uscc-invalid", RECORD, "{label}“{value}”不是有效的统一社会信用代码（{reason}）",
                "统一社会信用代码的长度、字符或校验位不符合 GB 32100-2015（不含 I、O、Z、S、V；个体工商户无代码可填 17 个 0 加 X）", "核对原始证照改正代码", quality="error"),
    ProblemType("id-number-invalid", RECORD, "{label}“{value}”不是有效的身份证号（{reason}）",
                "身份证号的位数（18 位，或 15 位的一代身份证）、校验位或出生日期不符合 GB 11643-1999（不按地区码判断）",
                "核对证件改正号码", quality="error"),
    ProblemType("id-number-exposed", RECORD, "{label}是完整的身份证号（{value}），公开前须隐去部分数字",
                "台账中准备公开的列（证件号码、法定代表人证件号码等）是完整的自然人身份证号，或名称、文书号、违法事实、备注等"
                "任何一列中含有完整的身份证号；公开的信息不得含完整的身份证号"
                "（本工具显示时只保留前 6 位和后 4 位）", "公开前隐去中间数字", quality="notice"),
    ProblemType("id-number-online", RECORD, "网站上公开了完整的身份证号（{label}：{value}）",
                "网站清单中有自然人完整的、校验正确的身份证号：个人信息已经公开，是最严重的数据质量问题",
                "立即在网站上隐去中间数字", quality="error"),
    ProblemType("publicity-expired", RECORD, "公示期最迟到 {end}，{seen} 仍在网站上（超期未撤下）",
                "网站上的处罚信息超过最长公示期仍未撤下：从网站公开日期（没有时从决定日期）起算，默认 3 年"
                "（发改办财金〔2019〕527号、总局令第45号；[rules] publicity_years 可改）；许可信息没有这个期限，不查",
                "通知网站撤下该信息",
                quality="notice"),
    ProblemType("enum-invalid", RECORD, "{label}“{value}”不是数据标准的取值（应为 {allowed}）",
                "许可类别、处罚类别或行政相对人类别不是国家数据标准规定的取值；处罚类别可用“；”“、”写几项",
                "改为规定的取值之一", quality="error"),
    ProblemType("amount-suspect", RECORD, "{label}“{value}”可疑：{reason}",
                "金额（万元）不是数字、为负数，或大得像是按元填写的（默认 10000 万元及以上，compliance.toml 可改）",
                "核对金额，按万元填写", quality="error"),
    ProblemType("amount-missing-for-kind", RECORD, "处罚类别有“{kind}”，但{label}为空",
                "国家数据标准（2019 版）：处罚类别有罚款时罚款金额必填，有没收违法所得、没收非法财物时没收金额必填"
                "（没收金额写“无”视为已填：没收的财物可能无法估价；只在表格有这两列时检查）", "按决定书补填金额（万元）", quality="error"),
    ProblemType("amount-zero-for-kind", RECORD, "处罚类别有“{kind}”，但{label}为 0",
                "处罚类别有罚款，罚款金额却是 0：处罚类别或金额有一项填错", "按决定书改正罚款金额（万元）或处罚类别",
                quality="error"),
    ProblemType("amount-for-warning", RECORD, "处罚类别只有“警告”，但{label}为 {value}",
                "警告之外又有罚款金额：处罚类别或金额有一项填错；按市场监管规则，这样的处罚不当作“仅警告”免于公示",
                "按决定书改正处罚类别（补上“罚款”）或删去金额", quality="error"),
    ProblemType("validity-range-invalid", RECORD, "{label} {value} 早于{other_label} {other}",
                "有效期（或公示截止期）的结束日期早于开始日期或决定日期", "核对并改正", quality="error"),
    ProblemType("validity-date-impossible", RECORD, "{label}“{value}”不是存在的日期",
                "有效期的日期不存在（如 2 月 30 日）", "按决定书改正有效期", quality="error"),
    ProblemType("party-type-mismatch", RECORD, "行政相对人类别为“{value}”，但{reason}",
                "自然人填了统一社会信用代码，或法人及非法人组织没有统一社会信用代码", "核对相对人类别和代码", quality="error"),
    ProblemType("required-missing", RECORD, "必填项为空：{labels}",
                "按国家数据标准格式填报的表格中，必填项留空（计入完整率）", "补填这些项", quality="notice"),
    ProblemType("exempt", RECORD, "无需公开：{reason}",
                "规则规定这类决定不公开（如市场监管的简易程序、仅警告），或 compliance.toml [exempt] 已确认；不计入及时公开率",
                "无需处理"),
    ProblemType("exempt-claimed", RECORD, "台账注明“{value}”；单位不能自行决定不公开，请法制办确认。"
                "确认后把文书号写入 compliance.toml 的 [exempt] confirmed，在此之前照常判定",
                "台账自称不公开、不予公开或涉密；在 compliance.toml 确认之前照常判定", "法制办核实后在 compliance.toml 中确认",
                quality="notice"),
    *SUMMARY_LINES,  # problem_codes_summary.py: the lines of 汇总
]
