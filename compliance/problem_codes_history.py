"""Run-level problem codes of the history store (issue 23) and of the report's own checks (reconciliation, repair).

Listed in problem_codes.DECLARED with every other code (a module of its own only to keep modules small).
"""

from __future__ import annotations

from .problem_types import FILE, RECORD, RUN, ProblemType

HISTORY_STORE = [
    ProblemType("store-missing", RUN, "历史库 {path} 不存在。{reason}",
                "history 命令给出的历史库文件不存在", "检查 --db 的路径；按月检查（--month）时会自动建立"),
    ProblemType("store-not-database", RUN, "历史库 {path} 不是数据库文件，拒绝使用，也不会覆盖它（{reason}）",
                "--db 指向的文件不是 SQLite 数据库", "用 --db 换一个路径，或移走这个文件"),
    ProblemType("store-not-ours", RUN, "历史库 {path} 是其他程序的数据库，不是本工具建立的，拒绝使用，也不会覆盖它。{reason}",
                "--db 指向的数据库不是本工具建立的（application_id 不符）", "用 --db 换一个路径"),
    ProblemType("store-empty", RUN, "历史库 {path} 是空文件（0 字节），可能被截断或清空了，拒绝使用，也不会覆盖它。"
                "请从备份恢复，或用 --db 换一个路径",
                "--db 指向的文件是空的：本工具建立的历史库不会是空文件", "从备份恢复，或换一个路径重新开始记录"),
    ProblemType("store-is-folder", RUN, "历史库 {path} 是一个文件夹，不是文件。请用 --db 给出文件名，如 {path}/公开时限历史.sqlite",
                "--db 指向了一个文件夹", "在 --db 中写上文件名"),
    ProblemType("store-newer", RUN, "历史库 {path} 由更新版本的本工具建立（结构版本 {version}，本版本只认识 {ours}），"
                "拒绝使用。请升级本工具。{reason}",
                "历史库的结构版本比本版本新", "升级本工具后再运行"),
    ProblemType("store-corrupt", RUN, "历史库 {path} 已损坏，拒绝使用，也不会覆盖它（{reason}）。请从备份恢复，或用 --db 换一个路径",
                "历史库文件损坏（完整性检查未通过）", "从备份恢复，或换一个路径重新开始记录"),
    ProblemType("store-unreachable", RUN, "连接不上历史库 {path}（{reason}）。请检查网址中的主机、端口、用户名和库名，"
                "密码（写在网址中，或用 PGPASSWORD、~/.pgpass 提供）以及服务器是否已启动",
                "--db 给出的 PostgreSQL 服务器连不上、密码不对或没有这个库", "改正网址或密码，或请数据库管理员建好库并开放连接"),
    ProblemType("store-driver-missing", RUN, "历史库 {path} 在 PostgreSQL 服务器上，需要先安装驱动："
                "pip install 'compliance[postgres]'（{reason}）",
                "用 postgresql:// 网址时本机还没有装 PostgreSQL 驱动（psycopg）", "安装驱动：pip install 'compliance[postgres]'"),
    ProblemType("store-failed", RUN, "历史库 {path} 读写失败（{reason}），历史库保持原样",
                "读写历史库时出错（没有权限、磁盘已满、被锁定过久等）", "检查文件权限和磁盘空间后重新运行"),
    ProblemType("history-other-rule", RUN, "历史库 {path} 中的 {period} 是按 {recorded} 记录的，这次按 {rule} 检查，"
                "不替换那次的记录（各月的及时公开率要按同一规则才能比较）。如确要按新规则重记这个月，"
                "请先运行 compliance history forget {period}，再重新检查",
                "按月检查时用了与历史库中这个月不同的规则（如用 --rule national 自查了已按区规则记录的月份）",
                "自查时加 --no-history；确要改规则时先 history forget 该月再重新运行"),
    ProblemType("history-export-exists", RUN, "{path} 已存在，拒绝覆盖。请换一个文件名",
                "history export 的目标文件已存在", "换一个文件名，或先移走原文件"),
    ProblemType("history-unit-unknown", RUN, "历史库中找不到（或不止一个）单位“{unit}”。可选：{known}",
                "history 的 --unit 给的单位不在历史库中，或对应多个单位", "照列出的名字重写 --unit"),
    ProblemType("dask-scheduler-unreachable", RUN, "连接不上 Dask 集群的调度器 {address}（{reason}）。"
                "请确认调度器已启动（dask scheduler）、地址和端口正确、防火墙放行；不用集群时去掉 --scheduler",
                "--engine dask --scheduler 给出的调度器连接不上", "启动调度器或改正地址；或去掉 --scheduler，在本机运行"),
    ProblemType("dask-worker-died", FILE, "读取这个文件的 Dask 工作进程几次都中途退出（多半是超过了工作进程的内存上限），"
                "未读取；其他文件不受影响",
                "--engine dask 时，文件太大，工作进程放不下读出的记录", "给工作进程更大的内存上限（dask worker --memory-limit），"
                "或改用默认的 pandas 引擎读取这个文件"),
    ProblemType("dask-no-workers", RUN, "Dask 集群的调度器 {address} 连上了，但 {seconds} 秒内没有任何工作进程。"
                "请在各台电脑上启动 dask worker（见 README），或去掉 --scheduler 在本机运行",
                "调度器已启动，但还没有工作进程连接上来：任务永远不会开始", "启动工作进程后重新运行"),
    ProblemType("dask-worker-daemon", RUN, "Dask 集群 {address} 的工作进程（{workers}）不能再启动读取文件的子进程。"
                "请用 DASK_DISTRIBUTED__WORKER__DAEMON=False dask worker … 重新启动这些工作进程",
                "每个文件在工作进程的子进程中读取（读取程序崩溃只影响这一个文件），守护进程不能启动子进程",
                "按提示设置环境变量后重启 dask worker"),
    ProblemType("json-too-many", RUN, "共 {records:,} 条记录，超过 --json 的上限 {most:,} 条，未写任何文件。"
                "请去掉 --json，改用 --records-out 文件夹 把全部记录另存为 Parquet（可分块读取）",
                "记录太多，一个 JSON 文本放不进内存", "改用 --records-out；或按 --month 分月检查"),
    ProblemType("records-out-foreign", RUN, "{path} 已存在，但不是本工具用 --records-out 建立的文件夹，拒绝写入"
                "（以免覆盖其中的文件）。请换一个不存在的文件夹名",
                "--records-out 给出的路径已有文件或别的文件夹（里面没有本工具的标记文件 .compliance-records）",
                "换一个还不存在的文件夹名；本工具建立的文件夹下次可以直接覆盖"),
    ProblemType("template-write-failed", RUN, "无法写入模板 {path}（{reason}）", "写入模板时系统报错（没有权限、磁盘已满等）",
                "换一个位置，或检查文件夹的权限"),
    ProblemType("template-exists", RUN, "{path} 已存在，拒绝覆盖（它可能是已填好的表格）。请换一个文件名，或加 --force",
                "模板路径上已有文件", "换一个文件名，或确认后加 --force"),
    ProblemType("report-edited-kept", RUN, "注意：{kept} 生成后被修改过（或在 Excel/WPS 中保存过），没有覆盖；新报告另存为 {path}",
                "同名的报告交出后有人加了意见、另加了工作表，或用 Excel/WPS 保存过；本工具不覆盖别人改过的文件",
                "无需处理；新旧两份都在，需要时把修改抄到新报告上"),
    ProblemType("report-other-files-kept", RUN, "注意：{kept} 是检查别的文件或文件夹时生成的报告，没有覆盖；新报告另存为 {path}",
                "同名的报告是另一次检查（例如全区的月度检查）生成的，这次检查的是别的文件或文件夹（例如一个单位的自查）：不覆盖，免得那份报告丢失",
                "无需处理；用 --out 可以指定报告的位置"),
    ProblemType("report-foreign-kept", RUN, "注意：{kept} 不是本工具生成的报告，没有覆盖；新报告另存为 {path}",
                "默认的报告文件名上已有一个别的文件", "无需处理；原文件不动。需要时把它改名或移走"),
    ProblemType("report-read-only-kept", RUN, "注意：{kept} 是只读文件，没有覆盖；新报告另存为 {path}",
                "默认的报告文件名上的报告被设成了只读，多半是有人不想让它被替换", "无需处理；原文件不动"),
    ProblemType("report-taken-meanwhile", RUN, "注意：写报告期间 {taken} 由另一个程序（也可能是同时运行的另一次检查）写出，没有覆盖它；本次报告另存为 {path}",
                "同一个文件夹里同时运行了几次检查，默认的报告文件名相同",
                "无需处理；两份报告都在，看清各自的检查期间和截止日期"),
    ProblemType("writer-fallback", RUN, "注意：报告由后备程序 {label} 生成，内容相同，写入较慢。",
                "快速写入程序 rustpy-xlsxwriter 不可用，改用 xlsxwriter 写报告（不是错误）",
                "无需处理；如经常出现，请维护人员检查 rustpy-xlsxwriter 的安装"),
    ProblemType("check-aborted", RUN, "检查进程意外结束（信号 {signum}），未生成报告。可能是内存不足："
                "请关闭其他程序后重试，或用 --month 分几次检查",
                "做检查的进程被系统结束（多半是内存不足），没有写出任何报告", "关闭其他程序后重试，或用 --month 分几次检查"),
    ProblemType("check-aborted-after-output", RUN, "检查进程在写出 {paths} 之后意外结束（信号 {signum}）：这些文件是完整的，"
                "之后的步骤（如记入历史库）没有完成。请重新运行",
                "做检查的进程在报告写完之后被系统结束（多半是内存不足）；报告完整，历史库保持原样",
                "重新运行同一命令（历史库会记入这一期）"),
    ProblemType("interrupted", RUN, "已中止。", "按了 Ctrl+C（退出码 130）或收到终止信号（SIGTERM，退出码 143）；"
                "检查立即停止，不留下临时文件", "无需处理；需要结果时重新运行"),
    ProblemType("server-storage", RUN, "服务器暂时无法保存文件（{reason}），本次没有检查。请稍后再试，或告诉区政府办。",
                "网页服务所在电脑的磁盘已满或只读，上传的文件或报告存不下（网页上显示，HTTP 507/503）",
                "区政府办清理该电脑的磁盘（临时文件夹）后重试"),
    ProblemType("reconciliation-failed", RUN, "内部核对失败，未生成报告：{reason}。请加 --debug 重新运行并把输出发给维护人员",
                "读入的行数、记录数和各状态之和对不上；宁可不出报告，也不出错的报告", "加 --debug 重新运行，把输出发给维护人员"),
    ProblemType("report-repair-failed", RUN, "{reason}", "快速写入程序的输出与预期不同，已自动改用后备程序",
                "无需处理；报告内容不受影响"),
]

# A decision whose date changed since an earlier period was recorded (history/carry.earlier_decision_dates).
HISTORY_RECORD = [
    ProblemType("history-decision-date-turns", RECORD, "{earlier_period} 记录时这项决定的决定日期是 {earlier_decision}，"
                                                       "与本期台账的不同；按其中一个日期逾期、按另一个按时，无法判定，请核对决定日期",
                "上期仍未整改的决定，本期台账改了决定日期，而是否逾期取决于哪个对：把决定日期改晚会藏住逾期，"
                "工具不替单位挑选", "按决定书核对决定日期：本期改错了的，改回；上期填错了的，改正上期的台账并重新运行上期，再运行本期"),
    ProblemType("history-decision-date-differs", RECORD, "{earlier_period} 记录时这项决定的决定日期是 {earlier_decision}，"
                                                         "与本期台账的不同（按哪个日期结论都一样），请核对",
                "上期仍未整改的决定，本期台账改了决定日期，但不影响是否逾期", "按决定书核对决定日期"),
    # An earlier month's decision its record did not hold, first sent now (history/late_reports.py).
    ProblemType("history-reported-late", RECORD, "{reported_month} 作出的决定，{reported_month} 记入历史库时的台账中没有它"
                                                 "（补报），计入本期的检查和整改跟踪",
                "按月检查时，台账里出现了一条已经记录过的月份作出、而那个月的台账没有的决定：漏报后补报的。"
                "它计入报送它的这一期（逾期的照样算逾期、之后照样跟踪），否则它不在任何一期的统计中",
                "确认这条决定确实是当月漏报的；今后在作出决定的当月报送"),
    # Unpublished in the previous period's ledgers, published before their last date by this period's.
    ProblemType("history-published-before-check-turns", RECORD,
                "{earlier_period} 报送的台账已记到 {checked}，其中这项决定还没有公开；本期台账填的公开日期 {published} "
                "却早于那天，按它算是按时公开。两期台账矛盾，无法判定，请核对公开日期",
                "上期逾期未公开的决定，本期填了一个比上期台账所记日期还早的公开日期：若属实，上期台账漏填了；"
                "若不实，逾期就被藏住了。工具不替单位挑选", "以网站上首次公开的日期为准改正台账（可用 --online 核对）"),
    ProblemType("history-published-before-check", RECORD,
                "{earlier_period} 报送的台账已记到 {checked}，其中这项决定还没有公开；本期台账填的公开日期 {published} "
                "却早于那天。两期台账矛盾；按哪一天都是逾期公开，已按本期台账判定，逾期天数请核对",
                "上期逾期未公开的决定，本期填了一个比上期台账所记日期还早的公开日期，但按哪一天都已逾期：结论不变，"
                "逾期的工作日数取决于哪个日期对", "以网站上首次公开的日期为准改正台账（可用 --online 核对）"),
]
