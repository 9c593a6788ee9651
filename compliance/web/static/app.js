// The page draws what the API returns; every figure and judgement comes from the server.
"use strict";

const $ = (id) => document.getElementById(id);
const state = { info: null, chosen: [] };
const PROBLEM_ROWS_SHOWN = 1000;

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "class") node.className = value;
    else if (key === "text") node.textContent = value;
    else node.setAttribute(key, value === true ? "" : value);
  }
  for (const child of children) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function table(target, headers, rows, rowClass, cellClass) {
  target.replaceChildren();
  const head = el("thead", {}, el("tr", {}, ...headers.map((h) => el("th", { scope: "col", text: h }))));
  const body = el("tbody");
  rows.forEach((cells, i) => {
    const tr = el("tr", { class: rowClass ? rowClass(i) : null });
    cells.forEach((value, c) => tr.append(el("td", { class: cellClass ? cellClass(c, value) : null },
      value === null || value === undefined || value === "" ? "—" : String(value))));
    body.append(tr);
  });
  target.append(head, body);
}

async function getJson(url, options) {
  let response;
  try {
    response = await fetch(url, options);
  } catch (err) {
    // Chromium refuses to send a file changed after it was chosen (a clerk fixing rows): say that first
    throw new Error("文件没有发送出去。如果选择文件后又修改并保存过它，请点文件旁的 × 移除，再重新选择；" +
      "否则可能是文件太大，或服务已停止，请稍后重试。");
  }
  let payload = null;
  try { payload = await response.json(); } catch (err) { payload = null; }
  if (!response.ok) {
    const message = payload && payload.error ? payload.error.message : `服务器返回错误 ${response.status}`;
    throw new Error(message);
  }
  return payload;
}

function setStatus(node, text, isError) {
  node.textContent = text || "";
  node.classList.toggle("error", Boolean(isError));
}

// ---- tabs: each function one click away ----
function showTab(name, fromHistory = false) {
  for (const tab of document.querySelectorAll(".tab")) {
    const active = tab.dataset.tab === name;
    tab.classList.toggle("active", active);
    tab.setAttribute("aria-pressed", active ? "true" : "false");
    $("panel-" + tab.dataset.tab).hidden = !active;
  }
  if (name === "calendar") loadCalendar();
  // each tab an entry of the browser's history: Back returns to the tab before, results kept (it left the page).
  // Never from Back itself: an entry pushed there drops the ones ahead, and Back could never leave the page.
  if (!fromHistory && location.hash !== "#" + name) history.pushState(null, "", "#" + name);
}

// ---- files ----
function addFiles(files) {
  const replaced = [];
  const before = state.chosen.length;
  for (const file of files) {
    // The same name chosen again is the file fixed since: it replaces the one chosen before. Two files of
    // one name in one choice (from two folders) are two files: both are kept.
    const at = state.chosen.findIndex((f, k) => k < before && f.name === file.name);
    if (at < 0) state.chosen.push(file);
    else {
      state.chosen[at] = file;
      replaced.push(file.name);
    }
  }
  drawChosen();
  if (replaced.length)
    setStatus($("check-status"), `已用新选的 ${replaced.join("、")} 替换之前选的同名文件。`);
}

function sizeText(bytes) {
  if (bytes === 0) return "空文件"; // said as it is: a file of nothing is no "1 KB"
  return bytes >= 1048576 ? (bytes / 1048576).toFixed(1) + " MB" : Math.max(1, Math.round(bytes / 1024)) + " KB";
}

function drawChosen() {
  const list = $("chosen");
  list.replaceChildren();
  state.chosen.forEach((file, i) => {
    const remove = el("button", { type: "button", title: "移除", "aria-label": "移除 " + file.name, text: "×" });
    remove.addEventListener("click", () => { state.chosen.splice(i, 1); drawChosen(); });
    list.append(el("li", {}, `${file.name}（${sizeText(file.size)}）`, remove));
  });
  $("run").disabled = state.chosen.length === 0;
  const total = state.chosen.reduce((sum, f) => sum + f.size, 0);
  setStatus($("check-status"), state.chosen.length ? `已选 ${state.chosen.length} 个文件，共 ${sizeText(total)}` : "");
}

function limitProblem() {
  const limits = state.info && state.info.limits;
  if (!limits) return null;
  const total = state.chosen.reduce((sum, f) => sum + f.size, 0);
  if (state.chosen.length > limits.max_files)
    return `一次最多上传 ${limits.max_files} 个文件，现在选了 ${state.chosen.length} 个。请分几次检查。`;
  const biggest = state.chosen.reduce((most, f) => (f.size > most.size ? f : most), { size: 0 });
  // the request carries the form around the files too: a file of exactly the limit does not fit
  const room = limits.max_upload_mb * 1048576 - 65536 - 1024 * state.chosen.length;
  if (biggest.size > room)  // one file over the limit cannot be split by the clerk
    return `${biggest.name} 有 ${sizeText(biggest.size)}，超过网页的上传上限 ${limits.max_upload_mb} MB。` +
      "请把它交区政府办用命令行 compliance check 检查，或请区政府办调高上限。";
  if (total > room)
    return `文件合计 ${sizeText(total)}，超过上限 ${limits.max_upload_mb} MB。请分几次检查。`;
  return null;
}

// The page filled in 今天 when it was loaded; left open past midnight that is yesterday. Unless the
// clerk chose another day, the check counts to today, as the form says it does.
async function refreshToday() {
  if (!state.info) return;
  const filled = state.info.today;
  try {
    const info = await getJson("/api/info");
    if (info.today === filled) return;
    state.info = info;
    $("as_of").max = info.today;
    if ($("as_of").value === filled) $("as_of").value = info.today;
  } catch (err) {
    // the check's own request says what is wrong with the server
  }
}

async function runCheck(event) {
  event.preventDefault();
  const status = $("check-status");
  const problem = limitProblem();
  if (problem) { setStatus(status, problem, true); return; }
  $("run").disabled = true;
  $("results").hidden = true;  // the results of the files chosen before: never shown beside a new failure
  setStatus(status, "正在检查，请稍候……");
  try {
    await refreshToday();
    const form = new FormData();
    for (const file of state.chosen) form.append("files", file, file.name);
    for (const name of ["as_of", "month"]) if ($(name).value) form.append(name, $(name).value);
    const rule = $("rule").value;
    if (rule === "days") form.append("days", $("days").value);
    else if (rule) form.append("rule", rule);
    if (!$("quality").checked) form.append("quality", "off");
    const result = await getJson("/api/check", { method: "POST", body: form });
    drawResults(result);
    // nothing read: the reason is below the status line, not "完成"
    if (result.report_url) setStatus(status, "检查完成。");
    else setStatus(status, "没有检查任何记录，原因见下方。", true);
    $("results").scrollIntoView({ behavior: "smooth", block: "start" });
  } catch (err) {
    setStatus(status, err.message, true);
  } finally {
    $("run").disabled = state.chosen.length === 0;
  }
}

// ---- results ----
function statusLabel(key) {
  const found = state.info.statuses.find((s) => s.key === key);
  return found ? found.label : key;
}

function percent(value) {
  return typeof value === "number" ? (value * 100).toFixed(1) + "%" : value;
}

function drawResults(result) {
  $("results").hidden = false;
  const inputs = result.inputs || [];
  $("result-meta").textContent =
    `统计截止 ${result.as_of}${result.month ? "，只查 " + result.month + " 的决定" : ""}` +
    `；规则：${result.rule}；检查日期 ${result.run_date}；${inputs.length} 个文件。`;

  const counts = $("counts");
  counts.replaceChildren(el("span", { class: "chip" }, "记录", el("b", { text: result.summary.records })));
  for (const s of state.info.statuses)
    counts.append(el("span", { class: "chip " + s.key, title: s.meaning }, s.label, el("b", { text: result.summary[s.key] ?? 0 })));

  const link = $("report-link");
  link.hidden = !result.report_url;
  if (result.report_url) link.href = result.report_url;
  $("report-note").classList.remove("error");
  $("report-note").textContent = result.report_url
    ? `报告保留 ${state.info.limits.report_ttl_minutes} 分钟，请及时下载。`
    : "没有读到可检查的数据，未生成报告。";

  // Nothing could be checked (a Word file, an empty workbook): say so and nothing else,
  // never a green "没有" or a summary pointing to a report that was not made.
  const checked = Boolean(result.report_url);
  $("counts").hidden = !checked;
  // every row read is a record or said here: rows that are not decisions, and decisions not counted
  const skipped = result.summary.skipped_rows || 0;
  // one unit written several ways, counted once (the terminal's and 说明's line)
  const spellings = Object.entries(result.unit_spellings || {})
    .map(([kept, others]) => `${kept}（另写作 ${others.join("、")}）`).join("；");
  // files passed over (the same contents twice, one of our own reports): each named with why
  const passed = inputs.filter((i) => !i.error && (i.not_read || (!(i.sheets || []).length && (i.notes || []).length)))
    .map((i) => `${i.file}（${messageWithoutFile(i.not_read || i.notes.join("；"), i.file)}）`);
  const scope = [skipped ? `另跳过非记录行（空行、说明、表尾等）${skipped} 行` : "", result.scope_note || "",
    spellings ? `单位名称写法不一，按同一单位统计：${spellings}` : "",
    passed.length ? `未读取 ${passed.length} 个文件：${passed.join("；")}` : ""].filter(Boolean);
  $("scope-note").hidden = !checked || scope.length === 0;
  $("scope-note").textContent = scope.length ? scope.join("；") + "。" : "";
  // a calendar file that is likely wrong moves deadlines: said above the figures, as the terminal says it
  // …and what the terminal says before the figures: a hidden sheet's or hidden rows' records counted, a stand-in
  // date column (without it a large 逾期 figure had its reason only in the folded 读取说明)
  const attention = (result.attention || []).map((a) =>
    `${a.file || ""}${a.sheet ? ` 工作表“${a.sheet}”` : ""}：${a.message}`);
  const calendarWarnings = ((result.calendar || {}).warnings || []).map((w) => w.message).concat(attention);
  $("calendar-warning").hidden = calendarWarnings.length === 0;
  $("calendar-warning").textContent = calendarWarnings.map((m) => "注意：" + m).join(" ");
  // the verdict the terminal ends with: 通过 / 未通过 and why, in one line above the figures
  const verdict = result.verdict || {};
  $("verdict").hidden = !checked || !verdict.text;
  $("verdict").textContent = verdict.text || "";
  $("verdict").className = "verdict " + (verdict.passed ? "good" : "bad");
  $("nothing-checked").hidden = checked;
  const bad = inputs.filter((i) => i.error);
  $("nothing-checked").textContent = checked ? "" : "没有检查任何记录：" + [
    bad.length ? `${bad.length} 个文件无法读取，见下方原因` : "",
    passed.length ? `未读取 ${passed.join("；")}` : "",
    bad.length || passed.length ? "" : "上传的文件中没有找到记录"].filter(Boolean).join("；") + "。";
  $("problems-card").hidden = !checked;
  $("summary-card").hidden = !checked;
  $("unreadable").hidden = bad.length === 0;
  $("unreadable").querySelector("h3").textContent = `有 ${bad.length} 个文件无法读取，请修改后重新上传`;
  $("unreadable-list").replaceChildren(
    ...bad.map((i) => el("li", {}, el("b", { text: i.file }), "：", messageWithoutFile(i.error.message, i.file))));
  const notes = [];
  for (const input of inputs) {
    for (const note of input.notes || []) notes.push(`${input.file}：${note}`);
    for (const sheet of input.sheets || [])
      for (const note of sheet.notes || []) notes.push(`${input.file} 工作表“${sheet.name}”：${note}`);
  }
  $("notes").hidden = notes.length === 0;
  $("notes-list").replaceChildren(...notes.map((n) => el("li", { text: n })));

  loadHistory(checked ? result.history_url : null);
  if (!checked) return;
  drawProblems(result.records || [], bad.length, result.summary.records || 0);
  drawSummary(result.unit_summary);
}

function messageWithoutFile(message, file) {
  return message.startsWith(file + "：") ? message.slice(file.length + 1) : message;
}

function drawProblems(records, unreadable, counted) {
  const flagged = new Set(state.info.statuses.filter((s) => s.flagged).map((s) => s.key));
  const problems = records.filter((r) => flagged.has(r.status) || (r.issues && r.issues.length));
  const badge = $("problem-count");
  badge.textContent = problems.length || unreadable ? `${problems.length} 条` : "没有";
  // green only when all was read and something was checked: no decision in the month is no all-clear
  badge.classList.toggle("zero", problems.length === 0 && !unreadable && counted > 0);
  const shown = mostPressing(problems, PROBLEM_ROWS_SHOWN);
  const headers = ["文件", "工作表", "行号", "文书号", "状态", "问题说明", "决定日期", "公开日期", "截止日期", "逾期工作日数"];
  const rows = shown.map((r) => [r.file, r.sheet, r.row, r.document_number, statusLabel(r.status),
    (r.issues || []).map((i) => i.message).join("；"), r.decision_date, r.published_date, r.deadline,
    r.working_days_late_at_least ? `至少 ${r.working_days_late}` : r.working_days_late]);
  const numeric = new Set([2, 9]);
  table($("problems"), headers, rows, (i) => shown[i].status,
    (c) => (numeric.has(c) ? "num" : ["file", "sheet", null, "doc", "status-cell nowrap", "reason"][c] || "nowrap"));
  if (!problems.length) $("problems").replaceChildren(el("caption", { text: !counted
    ? "统计范围内没有决定（见上方说明），没有可检查的记录。"
    : unreadable ? `读到的记录全部按时公开或未到期；另有 ${unreadable} 个文件无法读取，见上方。`
    : "全部按时公开或未到期，没有需要处理的记录。" }));
  $("problems-more").textContent = problems.length > shown.length
    ? `只显示最需要处理的 ${shown.length} 条（逾期未公开、逾期公开按逾期工作日数从多到少，其次数据有误、无法判定），` +
      `共 ${problems.length} 条；完整清单请下载 Excel 报告（“逾期清单”和“数据问题”工作表）。` : "";
}

// Past the rows shown, the worst first chooses which (not the first rows of the first file); shown in file order.
const PRESSING = ["overdue", "late", "invalid", "undetermined"];
function mostPressing(problems, most) {
  if (problems.length <= most) return problems;
  const rank = (r) => (PRESSING.indexOf(r.status) + PRESSING.length + 1) % (PRESSING.length + 1);  // others last
  const picked = problems.map((r, i) => [r, i]).sort((a, b) => rank(a[0]) - rank(b[0])
    || (b[0].working_days_late || 0) - (a[0].working_days_late || 0) || a[1] - b[1]).slice(0, most);
  return picked.sort((a, b) => a[1] - b[1]).map(([r]) => r);
}

function drawSummary(summary) {
  if (!summary) return;
  const columns = summary.columns;
  const rows = summary.rows.map((row) => row.map((v, c) => (columns[c].endsWith("率") ? percent(v) : v)));
  const unit = columns.indexOf("单位");
  table($("summary"), columns, rows, (i) => (summary.rows[i][unit] === "合计" ? "total" : null),
    (c, v) => (typeof summary.rows[0][c] === "number" || columns[c].endsWith("率") ? "num"
      : columns[c] === "备注" ? "reason" : "nowrap"));  // 备注 wraps: the table fits 1366 px
}

// ---- history (serve --db): the upload's own units, read-only ----
const CATEGORY_NAMES = { permit: "行政许可", penalty: "行政处罚", all: "合计" };
const LONG_OPEN = 3;  // as on the report's 整改跟踪: items open this many periods stand out
// SVG's namespace, as the HTML parser gives it: the page's code holds no web address (it loads nothing).
const SVG = (() => { const t = document.createElement("template"); t.innerHTML = "<svg></svg>"; return t.content.firstChild.namespaceURI; })();
let historyRequest = 0;

async function loadHistory(url) {
  const request = ++historyRequest;  // a newer check's answer wins over an older one still loading
  $("history-card").hidden = !url;
  $("history-units").replaceChildren();
  if (!url) return;
  setStatus($("history-status"), "正在读取历史库……");
  try {
    const data = await getJson(url);
    if (request !== historyRequest) return;
    setStatus($("history-status"), "");
    drawHistory(data);
  } catch (err) {
    if (request === historyRequest) setStatus($("history-status"), err.message, true);
  }
}

function trendRows(rows) {
  // One category: its own line only (its 合计 line is the same figures); two: each, then 合计.
  const split = rows.filter((r) => r.category !== "all");
  return split.length === 1 ? split : [...split, ...rows.filter((r) => r.category === "all")];
}

function svg(tag, attrs) {
  const node = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value);
  return node;
}

function sparkline(values, periods) {
  // 0% at the bottom, 100% at the top; a period without a rate leaves a gap.
  const step = 24, height = 32, width = Math.max(step * values.length, 48);
  const x = (i) => step / 2 + i * step, y = (v) => 3 + (1 - v) * (height - 6);
  const label = periods.map((p, i) => `${p} ${values[i] === null ? "无" : percent(values[i])}`).join("，");
  const root = svg("svg", { width, height, viewBox: `0 0 ${width} ${height}`, class: "spark", role: "img",
    "aria-label": "走势：" + label });
  root.append(svg("line", { x1: 0, x2: width, y1: y(1), y2: y(1), class: "spark-top" }),
    svg("line", { x1: 0, x2: width, y1: y(0), y2: y(0), class: "spark-base" }));
  let run = [];
  const flush = () => {
    if (run.length > 1) root.append(svg("polyline", { points: run.join(" "), class: "spark-line" }));
    run = [];
  };
  values.forEach((v, i) => {
    if (v === null) { flush(); return; }
    run.push(`${x(i)},${y(v)}`);
    root.append(svg("circle", { cx: x(i), cy: y(v), r: i === values.length - 1 ? 3.2 : 2.2, class: "spark-dot" }));
  });
  flush();
  return root;
}

function change(values) {
  const [before, last] = values.slice(-2);
  if (values.length < 2 || before === null || last === null) return null;
  const points = (last - before) * 100;
  return Math.abs(points) < 0.05 ? "持平" : `${points > 0 ? "+" : "−"}${Math.abs(points).toFixed(1)} 个百分点`;
}

function drawHistory(data) {
  const periods = data.trend.periods;
  const target = $("history-units");
  if (!data.units.length) {
    target.append(el("p", { class: "hint", text: "上传的表格中没有读到单位名称，无法显示历史。" }));
    return;
  }
  for (const unit of data.units) {
    const section = el("section", { class: "history-unit" }, el("h4", { text: unit }));
    const rows = trendRows(data.trend.units.filter((u) => u.unit === unit));
    const items = data.open.items.filter((i) => i.unit === unit);
    target.append(section);
    if (!rows.length && !items.length) {
      section.append(el("p", { class: "hint", text: "历史库中还没有这个单位的记录（区政府办按月检查后才有）。" }));
      continue;
    }
    if (rows.length) {
      const values = rows.map((r) => periods.map((p) => (typeof r.rates[p] === "number" ? r.rates[p] : null)));
      const trend = el("table", { class: "grid trend" });
      table(trend, ["类别", ...periods, "较上期", "走势"],
        rows.map((r, i) => [CATEGORY_NAMES[r.category] || r.category, ...values[i].map(percent), change(values[i]), ""]),
        (i) => (rows[i].category === "all" ? "total" : null), (c) => (c === 0 ? "nowrap" : "num"));
      trend.querySelectorAll("tbody tr").forEach((tr, i) => tr.lastChild.replaceChildren(sparkline(values[i], periods)));
      trend.prepend(el("caption", { text: "各期及时公开率（按时公开 ÷（按时公开 + 逾期））" }));
      section.append(el("div", { class: "table-wrap" }, trend));
    }
    section.append(el("p", { class: "history-sub" }, "仍未整改的事项 ",
      el("span", { class: "badge" + (items.length ? "" : " zero"), text: items.length ? `${items.length} 条` : "没有" })));
    if (!items.length) continue;
    const open = el("table", { class: "grid items" });
    table(open, ["文书号", "行政相对人", "首次发现", "已持续期数", "原问题", "状态"],
      items.map((i) => [i.document_number, i.party, i.first_period, i.periods_open, i.problem_label, i.state_label]),
      (k) => (items[k].state === "dropped" ? "dropped" : items[k].periods_open >= LONG_OPEN ? "long" : null),
      (c) => ["doc", "party", "nowrap", "num", "nowrap", "nowrap status-cell"][c]);
    section.append(el("div", { class: "table-wrap" }, open));
  }
  if (data.open.items.length) target.append(el("p", { class: "hint", text: "深色底：台账中消失（上期台账中有，本期同一台账中被删除）；" +
    `浅色底：已持续 ${LONG_OPEN} 期及以上仍未整改。已持续期数从首次发现的那期算起。` }));
}

// ---- deadline calculator ----
async function runDeadline(event) {
  event.preventDefault();
  const status = $("d-status");
  const params = new URLSearchParams({ date: $("d-date").value, days: $("d-days").value, explain: "1" });
  $("d-result").hidden = true;  // the previous answer goes: an error must not sit above an old deadline
  setStatus(status, "正在计算……");
  try {
    const result = await getJson("/api/deadline?" + params);
    const rows = result.explain || [];
    // a calendar file that is likely wrong moves this deadline too: said above it, as `compliance deadline` says it
    const warnings = (result.warnings || []).map((w) => "注意：" + w.message);
    $("d-warning").hidden = warnings.length === 0;
    $("d-warning").textContent = warnings.join(" ");
    const answer = $("d-answer");
    answer.replaceChildren(`决定日期 ${result.decision_date}，${result.working_days} 个工作日后的公开截止日期：`,
      el("b", { id: "d-deadline", text: result.deadline }),
      rows.length ? `（${rows[rows.length - 1].weekday}）` : "");
    table($("d-table"), ["日期", "星期", "是否工作日", "说明", "累计工作日"],
      rows.map((r, i) => [r.date, r.weekday, r.is_workday === null ? "—" : r.is_workday ? "是" : "否",
        i === 0 ? "决定日期（不计）" : r.reason,
        i === 0 ? "" : r.count]),
      (i) => {
        const r = rows[i];
        if (i === rows.length - 1) return "deadline";
        if (r.is_workday && r.reason.startsWith("调休上班")) return "makeup";
        if (r.is_workday === null) return null;  // a decision day the calendar does not cover
        if (!r.is_workday) return r.reason === "周末" ? "rest" : "holiday";
        return null;
      },
      (c) => (c === 4 ? "num" : "nowrap"));
    $("d-result").hidden = false;
    setStatus(status, "");
  } catch (err) {
    setStatus(status, err.message, true);
  }
}

// ---- rules and calendar ----
function drawRules(info) {
  $("rules-list").replaceChildren(...info.profiles.map((p) => el("li", { text: p.description })));
  $("rules-default").textContent = `本网页默认采用：${info.default_rule.name}。检查时可在“规则”中改选，或填写工作日数。`;
  table($("status-table"), ["状态", "含义"], info.statuses.map((s) => [s.label, s.meaning]));
}

function yearRanges(years) {
  const parts = [];
  let run = [];
  for (const y of [...years].sort((a, b) => a - b)) {
    if (run.length && y !== run[run.length - 1] + 1) { parts.push(run); run = []; }
    run.push(y);
  }
  if (run.length) parts.push(run);
  return parts.map((r) => (r.length > 1 ? `${r[0]}–${r[r.length - 1]}` : String(r[0]))).join("、") || "无";
}

async function loadCalendar() {
  try {
    const info = await getJson("/api/calendar");
    $("cal-source").textContent = `法定节假日数据来自 ${info.source} ${info.version}。`;
    $("cal-years").textContent = yearRanges(info.covered_years) + " 年";
    $("cal-files").replaceChildren(...(info.files.length
      ? info.files.map((f) => el("li", { text: `补充日历文件：${f.path.split(/[\\/]/).pop()}（${yearRanges(f.years)} 年）` }))
      : [el("li", { class: "hint", text: "没有加载补充日历文件。" })]),
      ...(info.warnings || []).map((w) => el("li", { class: "verdict bad", text: "注意：" + w.message })));
  } catch (err) {
    $("cal-source").textContent = err.message;
  }
}

// A report past its keeping time (or a restarted server) would end as a silent, cancelled download:
// the link asks first, and the page says what the server says.
async function downloadReport(event) {
  event.preventDefault();
  const link = $("report-link");
  const note = $("report-note");
  let response = null;
  try { response = await fetch(link.href, { method: "HEAD" }); } catch (err) { response = null; }
  if (response && response.ok) {
    window.location.href = link.href;  // an attachment: the page stays as it is
    return;
  }
  let message = "无法连接到服务器，报告没有下载。请稍后重试。";
  if (response) {
    try { message = (await getJson(link.href)).error.message; } catch (err) { message = err.message; }
  }
  note.textContent = message;
  note.classList.add("error");
  link.hidden = true;
}

async function start() {
  for (const tab of document.querySelectorAll(".tab")) tab.addEventListener("click", () => showTab(tab.dataset.tab));
  const drop = $("drop");
  $("files").addEventListener("change", (e) => { addFiles(e.target.files); e.target.value = ""; });
  for (const name of ["dragenter", "dragover"])
    drop.addEventListener(name, (e) => { e.preventDefault(); drop.classList.add("over"); });
  for (const name of ["dragleave", "drop"])
    drop.addEventListener(name, () => drop.classList.remove("over"));
  drop.addEventListener("drop", (e) => { e.preventDefault(); addFiles(e.dataTransfer.files); });
  $("rule").addEventListener("change", () => { $("days-label").hidden = $("rule").value !== "days"; });
  // the browser's own bubble speaks the browser's language (English in many installs): said in Chinese
  for (const input of document.querySelectorAll("input[type=number]")) {
    input.addEventListener("invalid", () => input.setCustomValidity(`请填写 ${input.min}–${input.max} 之间的整数`));
    input.addEventListener("input", () => input.setCustomValidity(""));
  }
  // …and the date fields' (统计截止日 after today: the bubble said "Value must be … or earlier", probe 63 F3)
  for (const input of document.querySelectorAll("input[type=date]")) {
    input.addEventListener("invalid", () => input.setCustomValidity(
      input.max && input.value > input.max ? `不能晚于今天（${input.max}）：还没到的日子无法检查`
        : input.min && input.value < input.min ? `不能早于 ${input.min}` : "请填写有效的日期"));
    input.addEventListener("input", () => input.setCustomValidity(""));
  }
  $("check-form").addEventListener("submit", runCheck);
  $("deadline-form").addEventListener("submit", runDeadline);
  $("print").addEventListener("click", () => window.print());
  $("report-link").addEventListener("click", downloadReport);
  try {
    const info = await getJson("/api/info");
    state.info = info;
    $("as_of").value = info.today;
    $("as_of").max = info.today;
    $("d-date").value = info.today;
    const rule = $("rule");
    rule.replaceChildren(el("option", { value: "", text: "默认：" + info.default_rule.short }),
      ...info.profiles.map((p) => el("option", { value: p.key, text: p.short })),
      el("option", { value: "days", text: "自定义工作日数……" }));
    $("limits-hint").textContent =
      `支持 .xlsx、.xls、.csv，可一次选多个文件（最多 ${info.limits.max_files} 个、合计 ${info.limits.max_upload_mb} MB）`;
    $("version").textContent = "compliance " + info.version;
    drawRules(info);
  } catch (err) {
    setStatus($("check-status"), err.message, true);
  }
  const wanted = location.hash.slice(1);
  if (["check", "deadline", "rules", "calendar"].includes(wanted)) showTab(wanted, true);
  window.addEventListener("popstate", () => {  // Back / Forward between tabs: the page stays, and so do its results
    const tab = location.hash.slice(1) || "check";
    if (["check", "deadline", "rules", "calendar"].includes(tab)) showTab(tab, true);
  });
}

document.addEventListener("DOMContentLoaded", start);
