"""The problem codes of the command line's options and of `serve` starting: a run refused before it starts.

Listed in problem_codes.DECLARED with every other code (a module of its own only to keep modules small).
"""

from __future__ import annotations

from .problem_types import RUN, ProblemType

OPTIONS = [
    ProblemType("serve-port-busy", RUN, "端口 {port} 已被其他程序占用（可能是已经启动的网页服务），请用 --port 换一个端口，如 --port 8001",
                "serve 要用的端口已被占用", "换一个端口，或先关掉占用它的程序"),
    ProblemType("serve-port-denied", RUN, "没有权限在 {host}:{port} 启动网页服务（1024 以下的端口要管理员权限），请用 --port 换一个 1024 以上的端口",
                "serve 没有权限使用这个端口", "换一个 1024 以上的端口，如 8000"),
    ProblemType("serve-host-unknown", RUN, "本机没有地址 {host}，无法启动网页服务。只给本机用写 127.0.0.1，给局域网用写 0.0.0.0",
                "serve 的 --host 不是本机的地址", "改为 127.0.0.1 或 0.0.0.0"),
    ProblemType("serve-cannot-start", RUN, "无法在 {host}:{port} 启动网页服务（系统错误 {errno}）。请用 --port 换一个端口再试",
                "serve 因其他系统原因无法监听该地址", "换一个端口；仍不行请加 --debug 重新运行并把输出发给维护人员"),
    ProblemType("param-month-after-as-of", RUN, "月份 {month}（--month）晚于统计截止日 {as_of} 所在的月份：这个月的决定还不能检查，请检查月份是否写错",
                "--month 给的月份在统计截止日之后", "改正月份，或用 --as-of 给出该月之后的统计截止日"),
    ProblemType("param-name-too-long", RUN, "{option} 给的路径中有一个名字太长（{name}，长度 {size}，最多 255），无法建立。请用短一些的名字",
                "输出路径中的文件名或文件夹名超过系统上限", "改用短一些的文件名"),
    ProblemType("param-no-history-and-record", RUN, "--no-history 与 --record 只能选一个", "同时给了不记录和记录历史库",
                "只保留其中一个"),
    ProblemType("param-online-since-alone", RUN, "--online-since 要与 --online 一起用（它限定网站清单从哪天算起）",
                "给了 --online-since 却没有给网站清单", "加上 --online 网站清单，或去掉 --online-since"),
    ProblemType("param-rules-overridden", RUN, "{option} 代替了配置文件 {config} 中 [rules] 的规则{changes}，本次按 {option} 检查",
                "命令行给了规则或天数，配置文件中也有 [rules]：配置文件的规则这次不用", "确认这次要用命令行的规则；要按配置文件检查，去掉该选项"),
    ProblemType("exempt-confirmed-unmatched", RUN, "compliance.toml [exempt] confirmed 中的“{number}”在本次读到的台账中没有；"
                "如果是写错了文书号，那条决定仍按未公开判定，请核对",
                "法制办确认不公开的文书号，本次检查的记录中没有一条是这个号", "核对文书号的写法；是其他月份的决定则无需处理"),
    ProblemType("web-rule", RUN, "没有名为“{value}”的规则，可用：{known}（网页上请在“规则”中选择，或改填工作日数）",
                "网页检查请求中的规则名不存在", "在页面的“规则”中选一个，或填写工作日数"),
    ProblemType("history-forget-needs-yes", RUN, "删除前要确认：在终端中运行并回答 y，或加 --yes（compliance history forget {period} --yes）",
                "history forget 没有收到确认（输入已结束）", "在终端中运行并回答，或加 --yes"),
]
