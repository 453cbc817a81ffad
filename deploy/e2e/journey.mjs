// The Mission Deck journey in real Chromium (Debian's /usr/bin/chromium driven by playwright-core), against a
// running local stack. Screenshots of every screen at 1280x800 and 390x844 go to target/screenshots.
//   BASE_URL (default http://127.0.0.1:8080), TOKEN (a Mission Deck JWT, from deploy/local/token),
//   SAMPLE (a team_members.json), CHROMIUM (default /usr/bin/chromium)
// Steps whose endpoint is not on the server yet are reported as SKIPPED (with the reason), never as passed.
import { chromium } from "playwright-core";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
// AXE_REPORT_ONLY=1 records the counts without failing (used once to measure the UI before a change)
const AXE_REPORT_ONLY = process.env.AXE_REPORT_ONLY === "1";

const BASE = (process.env.BASE_URL ?? "http://127.0.0.1:8080").replace(/\/$/, "");
const TOKEN = process.env.TOKEN;
const SAMPLE = process.env.SAMPLE;
const SHOTS = process.env.SCREENSHOTS ?? join(import.meta.dirname, "target", "screenshots");
if (!TOKEN || !SAMPLE) {
  console.error("journey: TOKEN and SAMPLE are required (deploy/e2e/run sets them)");
  process.exit(64);
}
mkdirSync(SHOTS, { recursive: true });

const results = [];
const consoleErrors = [];
const pass = (name, detail = "") => { results.push({ name, status: "PASS", detail }); console.log(`  PASS  ${name}${detail ? ` — ${detail}` : ""}`); };
const skip = (name, why) => { results.push({ name, status: "SKIP", detail: why }); console.log(`  SKIP  ${name} — ${why}`); };
class Failure extends Error {}
// the simulated Telegram's control CLI (telegram-client/bin/simulated-telegram --world DIR), when the stack runs it
const SIM = process.env.SIM_CLI ? process.env.SIM_CLI.split(" ") : null;
function sim(...args) {
  const out = execFileSync(SIM[0], [...SIM.slice(1), ...args], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  return JSON.parse(out.trim().split("\n").pop());
}
const RUN_ID = String(Date.now()).slice(-7);
const PHONE = `+1555${RUN_ID}`;
const check = (cond, msg) => { if (!cond) throw new Failure(msg); };

async function api(path, init = {}) {
  const res = await fetch(BASE + path, { ...init, headers: { Authorization: `Bearer ${TOKEN}`, Accept: "application/json", ...(init.headers ?? {}) } });
  const text = await res.text();
  let body = null;
  try { body = text ? JSON.parse(text) : null; } catch { body = text; }
  return { status: res.status, body };
}

// a person types: one key at a time, 60-120 ms apart, into whatever has the focus (a field that loses the focus
// mid-word shows it: the rest of the keys land elsewhere). Pasting is only used where a person pastes (a token).
const keyPause = () => 60 + Math.floor(Math.random() * 61);
async function typeLikeAPerson(locator, text, { replace = false } = {}) {
  const page = locator.page();
  await locator.focus();
  // replace: select everything, the first key overwrites it; else the caret goes to the end
  await page.keyboard.press(replace ? "ControlOrMeta+A" : "ControlOrMeta+End");
  const before = replace ? "" : await locator.inputValue();
  for (const ch of text) {
    await page.keyboard.type(ch);
    await page.waitForTimeout(keyPause());
  }
  const value = await locator.inputValue();
  check(value === before + text, `typed "${text}" at a human pace, the field holds "${value}"`);
}

// axe-core on the screen as it is now; any serious or critical violation fails the run
const axeCounts = [];
async function axe(page, name) {
  const vp = page.viewportSize();
  if (!(await page.evaluate(() => typeof window.axe === "object"))) await page.evaluate(AXE_SOURCE); // evaluated, not a <script>: the page's CSP stays in force
  const violations = await page.evaluate(async () => (await window.axe.run(document, { resultTypes: ["violations"] })).violations
    .map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length, help: v.help, targets: v.nodes.slice(0, 3).map((n) => n.target.join(" ")) })));
  const count = (impact) => violations.filter((v) => v.impact === impact).reduce((a, v) => a + v.nodes, 0);
  const row = { screen: `${name} ${vp.width}px`, critical: count("critical"), serious: count("serious"), moderate: count("moderate"), minor: count("minor"), violations };
  axeCounts.push(row);
  const bad = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  if (bad.length && !AXE_REPORT_ONLY) {
    throw new Failure(`axe on ${row.screen}: ${bad.map((v) => `${v.impact} ${v.id} (${v.nodes}: ${v.targets.join(", ")})`).join("; ")}`);
  }
}

async function shot(page, name) {
  const vp = page.viewportSize();
  const file = join(SHOTS, `${name}-${vp.width}x${vp.height}.png`);
  await page.evaluate(() => window.scrollTo(0, 0)); // a sticky header would otherwise be drawn mid-page
  await page.waitForTimeout(250);
  await page.screenshot({ path: file, fullPage: true });
  // never a blank screen: something readable is on every page
  const text = (await page.locator("body").innerText()).trim();
  check(text.length > 20, `${name}: the page is (nearly) blank`);
  await axe(page, name);
  if (vp.width <= 390) {
    const wide = await page.evaluate(() => document.documentElement.scrollWidth);
    check(wide <= vp.width, `${name}: the page scrolls sideways on a phone (${wide}px wide at ${vp.width}px)`);
  }
  return file;
}

// the same screen in dark mode (prefers-color-scheme: dark), with its own screenshot and axe pass
async function shotDark(page, name) {
  await page.emulateMedia({ colorScheme: "dark" });
  try {
    await page.waitForTimeout(200);
    await shot(page, `${name}-dark`);
  } finally {
    await page.emulateMedia({ colorScheme: "light" });
  }
}

async function step(name, fn) {
  try {
    await fn();
  } catch (e) {
    results.push({ name, status: "FAIL", detail: e.message });
    console.log(`  FAIL  ${name} — ${e.message}`);
    throw e;
  }
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  headless: true,
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run", "--disable-quic"],
});

async function newPage(width, height, mobile) {
  const context = await browser.newContext({ viewport: { width, height }, isMobile: mobile, hasTouch: mobile, deviceScaleFactor: 1 });
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: BASE });
  const page = await context.newPage();
  page.on("console", (m) => { if (m.type() === "error") consoleErrors.push(`${width}px ${page.url()}: ${m.text()}`); });
  page.on("pageerror", (e) => consoleErrors.push(`${width}px ${page.url()}: uncaught ${e.message}`));
  page.setDefaultTimeout(15_000);
  return page;
}

async function signIn(page, tag) {
  await page.goto(BASE + "/");
  const form = page.getByLabel("Mission Deck token (JWT)");
  const dashboard = page.getByRole("heading", { name: "Outreach mission" });
  await Promise.race([form.waitFor(), dashboard.waitFor(), page.getByText("Open the outreach mission from Mission Deck").waitFor()]);
  if (await form.isVisible()) {
    if (tag === "desktop") {
      await form.fill("not-a-token");
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.getByText("does not look like a JWT").waitFor();
    }
    await shot(page, "01-sign-in");
    await form.fill(TOKEN);
    await page.getByRole("button", { name: "Sign in" }).click();
    pass(`sign in through the dev sign-in screen (${tag})`);
  } else {
    // production-like config: Mission Deck hands the token over in the URL fragment
    await page.goto(`${BASE}/#access_token=${TOKEN}`);
    pass(`sign in with the Mission Deck hand-over (#access_token) (${tag})`, "dev sign-in is off on this server");
  }
  await dashboard.waitFor();
}

let exitCode = 0;
try {
  console.log(`journey against ${BASE}`);
  const sample = JSON.parse(readFileSync(SAMPLE, "utf8"));
  const sampleCount = Array.isArray(sample) ? sample.length : sample.team_members.length;

  // ---------- desktop 1280x800 ----------
  const page = await newPage(1280, 800, false);
  await step("sign in", () => signIn(page, "desktop"));

  await step("import the sample with a progress bar and a report", async () => {
    // exact: the empty queue also offers "Go to Import →"
    await page.getByRole("link", { name: "Import", exact: true }).click();
    await page.getByRole("heading", { name: "Import leads" }).waitFor();
    await shot(page, "02-import-empty");
    await page.getByTestId("lead-file").setInputFiles(SAMPLE);
    await page.getByRole("button", { name: "Import" }).click();
    const report = page.getByTestId("import-report");
    const failure = page.getByText("The import did not go through");
    await Promise.race([report.waitFor({ timeout: 60_000 }), failure.waitFor({ timeout: 60_000 })]);
    if (await failure.isVisible()) {
      await shot(page, "02-import-failed");
      throw new Failure(`the import failed in the browser: ${(await failure.locator("..").innerText()).replace(/\s+/g, " ")}`);
    }
    const received = Number(await page.getByTestId("report-received").innerText());
    const accepted = Number(await page.getByTestId("report-accepted").innerText());
    const rejected = Number(await page.getByTestId("report-rejected").innerText());
    check(received === sampleCount, `report says received ${received}, the file has ${sampleCount}`);
    await shot(page, "03-import-report");
    pass("import the sample", `received ${received}, accepted ${accepted}, rejected ${rejected}`);
  });

  let pendingApi = null;
  await step("dashboard: stats and the queue match the API", async () => {
    // the import answers once Kafka has the leads; outreach-api writes them to the graph right after, so wait
    // until the queue's count has settled (two reads further apart than its 2 s count cache agree)
    let q;
    let previous = -1;
    const settleBy = Date.now() + 60_000;
    for (;;) {
      q = await api("/api/outreach/queue?limit=1&offset=0");
      check(q.status === 200, `GET /api/outreach/queue answered ${q.status}`);
      if (q.body.filtered_count >= sampleCount - 5 && q.body.filtered_count === previous) break;
      previous = q.body.filtered_count;
      check(Date.now() < settleBy, `the queue still counts ${previous} pending leads 60 s after the import`);
      await new Promise((resolve) => setTimeout(resolve, 2500));
    }
    await page.getByRole("link", { name: "Dashboard", exact: true }).click();
    pendingApi = q.body.filtered_count;
    const count = page.getByTestId("queue-count");
    await count.waitFor();
    await page.waitForFunction((n) => document.querySelector('[data-testid="stat-pending"] .stat-value')?.textContent === n.toLocaleString("en-US"), pendingApi);
    const shown = (await count.innerText()).replace(/,/g, "");
    check(shown.startsWith(`${pendingApi} pending`), `queue header says "${shown}", the API ${pendingApi}`);
    check(pendingApi >= sampleCount - 5, `only ${pendingApi} pending leads after importing ${sampleCount}`);
    const rows = await page.locator("ol.leads > li").count();
    check(rows === Math.min(20, pendingApi), `the first page shows ${rows} leads`);
    await shot(page, "04-dashboard");
    await shotDark(page, "04-dashboard");
    pass("dashboard shows the queue", `${pendingApi} pending (sample: ${sampleCount}), ${rows} on the first page`);
  });

  await step("queue filters and pagination", async () => {
    await page.getByLabel("Profile type").selectOption("supervisor");
    const q = await api("/api/outreach/queue?profile_type=supervisor,both&limit=1&offset=0");
    await page.waitForFunction((n) => document.querySelector('[data-testid="queue-count"]')?.textContent?.replace(/,/g, "").startsWith(`${n} pending`), q.body.filtered_count);
    await page.getByLabel("Profile type").selectOption("");
    await typeLikeAPerson(page.getByLabel(/Minimum score/), "20", { replace: true });
    const q20 = await api("/api/outreach/queue?min_score=20&limit=1&offset=0");
    await page.waitForFunction((n) => document.querySelector('[data-testid="queue-count"]')?.textContent?.replace(/,/g, "").startsWith(`${n} pending`), q20.body.filtered_count);
    await typeLikeAPerson(page.getByLabel(/Minimum score/), "0", { replace: true });
    await page.waitForFunction((n) => document.querySelector('[data-testid="queue-count"]')?.textContent?.replace(/,/g, "").startsWith(`${n} pending`), pendingApi);
    if (pendingApi > 20) {
      await page.getByRole("button", { name: "Next →" }).click();
      await page.getByText(`21–${Math.min(40, pendingApi)} of`).waitFor();
      await page.locator("ol.leads:not(.is-loading)").waitFor();
      await page.getByRole("button", { name: "← Previous" }).click();
      await page.getByText(`1–20 of`).waitFor();
      await page.locator("ol.leads:not(.is-loading)").waitFor();
    }
    // keyboard: focus the first lead, arrow down moves to the second
    await page.locator("ol.leads:not(.is-loading)").waitFor();
    await page.locator("a.lead-link").first().focus();
    await page.keyboard.press("ArrowDown");
    const focused = await page.evaluate(() => document.activeElement?.textContent);
    const second = await page.locator("a.lead-link").nth(1).innerText();
    check(focused === second, `ArrowDown focused "${focused}", expected "${second}"`);
    pass("queue filters (profile type, min score), pagination, arrow keys", `supervisor (incl. both): ${q.body.filtered_count}, min 20: ${q20.body.filtered_count}`);
  });

  await step("Back, reload and a new tab keep the member where they were", async () => {
    await page.getByLabel("Profile type").selectOption("hustler");
    const n = (await api("/api/outreach/queue?profile_type=hustler,both&limit=1&offset=0")).body.filtered_count;
    await page.waitForFunction((c) => document.querySelector('[data-testid="queue-count"]')?.textContent?.replace(/,/g, "").startsWith(`${c} pending`), n);
    const range = n > 20 ? `21–${Math.min(40, n)} of` : `1–${Math.min(20, n)} of`;
    if (n > 20) await page.getByRole("button", { name: "Next →" }).click();
    await page.getByText(range).waitFor();
    await page.locator("ol.leads:not(.is-loading)").waitFor();
    check(page.url().includes("profile_type=hustler"), `the filter is not in the address: ${page.url()}`);
    const link = page.locator("a.lead-link").first();
    const name = await link.innerText();
    await link.click();
    await page.getByRole("heading", { name, level: 1 }).waitFor();
    await page.waitForFunction(() => document.activeElement?.tagName === "H1", null, { timeout: 5000 })
      .catch(() => { throw new Failure("after opening a lead the focus is not on its heading"); });
    check((await page.title()).startsWith(name), `the tab's title is "${await page.title()}", not the lead's name`);
    const contactUrl = page.url();
    const kept = async (what) => {
      await page.getByTestId("queue-count").waitFor();
      check(await page.getByLabel("Profile type").inputValue() === "hustler", `${what} lost the profile filter`);
      await page.getByText(range).waitFor({ timeout: 10_000 }).catch(() => { throw new Failure(`${what} lost the page (expected "${range}")`); });
    };
    await page.goBack();
    await kept("Back");
    await page.reload();
    await kept("Reload");
    // the same lead in a new tab of this browser: no sign-in screen
    const tab = await page.context().newPage();
    await tab.goto(contactUrl);
    const signInForm = tab.getByLabel("Mission Deck token (JWT)");
    await Promise.race([tab.getByRole("heading", { name, level: 1 }).waitFor(), signInForm.waitFor()]);
    check(!(await signInForm.isVisible()), "a lead opened in a new tab shows the sign-in screen");
    await tab.close();
    await page.getByLabel("Profile type").selectOption("");
    await page.getByText("1–20 of").waitFor();
    pass("Back and reload keep filters and page; a new tab opens the lead signed in", `hustler: ${n}, ${range}`);
  });

  await step("the Mission Deck hand-over (#access_token): the token leaves the address, Back and Forward show the right page", async () => {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    try {
      const p = await ctx.newPage();
      p.setDefaultTimeout(15_000);
      await p.goto(`${BASE}/#access_token=${TOKEN}`);
      const dashboard = p.getByRole("heading", { name: "Outreach mission" });
      await dashboard.waitFor();
      check(!p.url().includes("access_token"), "the token stays in the address bar");
      const link = p.locator("a.lead-link").first();
      const name = await link.innerText();
      await link.click();
      const lead = p.getByRole("heading", { name, level: 1 });
      await lead.waitFor();
      await p.goBack();
      await dashboard.waitFor({ timeout: 10_000 }).catch(() => { throw new Failure(`Back after the hand-over left the lead's page on screen (address ${p.url()})`); });
      check(!(await lead.isVisible()), "Back shows the dashboard's address with the lead's page");
      await p.goForward();
      await lead.waitFor({ timeout: 10_000 }).catch(() => { throw new Failure("Forward did not show the lead again"); });
      pass("hand-over: the token leaves the address, Back/Forward follow it", name);
    } finally {
      await ctx.close();
    }
  });

  let contactName = null;
  await step("contact detail", async () => {
    const link = page.locator("a.lead-link").first();
    contactName = await link.innerText();
    await link.click();
    await page.getByRole("heading", { name: contactName }).waitFor();
    await page.getByText("What they wrote").waitFor();
    await shot(page, "05-contact");
    await shotDark(page, "05-contact");
    pass("contact detail", contactName);
  });

  await step("a lead who exists in the simulated Telegram, imported through the UI", async () => {
    if (!SIM) { skip("simulated lead", "no simulated Telegram"); return; }
    // the simulator gives users its own ids, so the lead is made there first and then imported with that id
    const username = `e2e_lead_${RUN_ID}`;
    const leadId = sim("add-account", `+1666${RUN_ID}`, "Robin", `E2E${RUN_ID}`, username).user_id;
    const template = (Array.isArray(sample) ? sample : sample.team_members)[0];
    const lead = { ...template, telegram_id: leadId, username, name: `Robin E2E${RUN_ID}`, supervisor_score: 15, hustler_score: 15 };
    const file = join(SHOTS, "..", `e2e-lead-${RUN_ID}.json`);
    writeFileSync(file, JSON.stringify({ generated_at: new Date().toISOString(), source: "e2e", total: 1, team_members: [lead] }));
    await page.getByRole("link", { name: "Import", exact: true }).click();
    await page.getByTestId("lead-file").setInputFiles(file);
    await page.getByRole("button", { name: "Import" }).click();
    await page.getByTestId("import-report").waitFor({ timeout: 60_000 });
    check(await page.getByTestId("report-accepted").innerText() === "1", "the simulated lead was not accepted");
    let found = null;
    for (let i = 0; i < 120 && !found; i++) { // up to 60 s: a restarted consumer group may take 45 s to rebalance
      const q = await api("/api/outreach/queue?min_score=30&limit=100&offset=0");
      check(q.status === 200, `GET /api/outreach/queue answered ${q.status}: ${JSON.stringify(q.body)}`);
      found = q.body.contacts.find((c) => c.telegram_id === leadId);
      if (!found) await page.waitForTimeout(500);
    }
    check(found, "the imported lead did not reach the queue");
    contactName = found.name;
    await page.goto(`${BASE}/contact/?id=${encodeURIComponent(found.id)}`);
    await page.getByRole("heading", { name: contactName }).waitFor();
    await page.getByText("What they wrote").waitFor();
    await shot(page, "05b-contact-simulated-lead");
    pass("the simulated lead is in the queue and opens", contactName);
  });

  await step("Connect Telegram: QR scan + 2FA in the simulated Telegram", async () => {
    if (!SIM) { skip("Connect Telegram through QR + 2FA", "the stack is not running the simulated Telegram (SIM_CLI unset)"); return; }
    sim("add-account", PHONE, "E2E", "Member");
    sim("set-password", PHONE, "correct horse", "the usual");
    await page.getByRole("button", { name: "Connect Telegram" }).first().click();
    await page.getByTestId("qr-step").waitFor({ timeout: 20_000 });
    const pending = sim("pending-qr").pending.filter((p) => !p.scanned).sort((a, b) => a.age_millis - b.age_millis);
    check(pending.length > 0, "the simulator has no pending QR login");
    sim("scan", pending[0].link, PHONE);
    await page.getByTestId("password-step").waitFor({ timeout: 15_000 });
    await page.getByText("hint: the usual").waitFor();
    await typeLikeAPerson(page.getByLabel(/Telegram password/), "wrong");
    await page.getByRole("button", { name: "Continue" }).click();
    await page.locator(".password-step .field-error").waitFor({ timeout: 15_000 });
    await shot(page, "13-telegram-2fa-wrong");
    await typeLikeAPerson(page.getByLabel(/Telegram password/), "correct horse", { replace: true });
    await page.getByRole("button", { name: "Continue" }).click();
    await page.getByTestId("tg-connected").waitFor({ timeout: 60_000 });
    await shot(page, "14-telegram-connected");
    await page.getByRole("button", { name: "Done" }).click();
    await page.getByRole("dialog").waitFor({ state: "detached" });
    await page.getByTestId("tg-status").filter({ hasText: "Telegram connected" }).waitFor({ timeout: 15_000 })
      .catch(() => { throw new Failure("the header does not say that Telegram is connected"); });
    await page.waitForTimeout(300);
    check(await page.evaluate(() => document.activeElement && document.activeElement !== document.body), "focus dropped to the body when the dialog closed");
    pass("Connect Telegram: QR scanned, wrong 2FA password refused, right one connects", PHONE);
  });

  let leadTelegramId = null;
  await step("generate → edit → copy → mark as sent", async () => {
    leadTelegramId = (await page.getByText(/^Telegram id \d+$/).innerText()).replace(/\D/g, "");
    const gen = page.getByRole("button", { name: "Generate message" });
    const textarea = page.locator("#message-text");
    await Promise.race([gen.waitFor(), textarea.waitFor()]);
    // message-generator's GET /api/generator/status, asked by the UI at its own URL: Claude or templates only, and why
    const status = (await page.getByTestId("generator-status").innerText({ timeout: 10_000 })).trim();
    check(/^(Claude writes the messages\.|Templates only: .+\.)$/.test(status), `generator status line: "${status}"`);
    if (await gen.isVisible()) {
      await gen.click();
      await page.getByText("Maya is writing").waitFor({ timeout: 5000 }).then(() => shot(page, "06-generating")).catch(() => {});
    }
    const claim = page.getByText("Someone else is writing to this lead.");
    const err = page.locator(".generator .notice-error");
    await Promise.race([textarea.waitFor({ timeout: 30_000 }), claim.waitFor({ timeout: 30_000 }), err.waitFor({ timeout: 30_000 })]);
    if (await err.isVisible()) {
      const text = (await err.innerText()).replace(/\s+/g, " ");
      await shot(page, "06-generate-error");
      if (/not available/.test(text)) { skip("generate", text); return; }
      throw new Failure(`generation failed: ${text}`);
    }
    check(!(await claim.isVisible()), "the first lead of the queue is claimed by someone else");
    await shot(page, "07-message-preview");
    const before = await page.getByTestId("char-count").innerText();
    await typeLikeAPerson(textarea, " Cheers!");
    const after = await page.getByTestId("char-count").innerText();
    check(parseInt(after) === parseInt(before) + 8, `the counter went from "${before}" to "${after}" after adding 8 characters`);
    await textarea.fill("x".repeat(510)); // a pasted text
    await page.getByText("10 over the limit").waitFor();
    check(await page.getByRole("button", { name: "Mark as sent" }).isDisabled(), "Mark as sent is enabled over the limit");
    await shot(page, "08-message-over-limit");
    await typeLikeAPerson(textarea, `Hi ${contactName.split(" ")[0]}, an e2e test edit. Want to hear more?`, { replace: true });
    await page.getByRole("button", { name: "Copy" }).click();
    await page.getByText(/Copied to the clipboard|Select the text/).waitFor();
    await page.getByRole("button", { name: "Mark as sent" }).click();
    await page.getByTestId("sent-notice").waitFor({ timeout: 15_000 });
    if (SIM) check(await page.getByRole("button", { name: /Open in Telegram/ }).isVisible(), "no Open in Telegram for a lead with a username");
    await shot(page, "09-marked-sent");
    pass("generate, edit with live count, copy, mark as sent");
  });

  await step("a simulated reply appears live in the conversation list; opening it clears unread", async () => {
    if (!SIM) { skip("live reply", "the stack is not running the simulated Telegram"); return; }
    await page.getByRole("link", { name: "Dashboard", exact: true }).click();
    await page.getByRole("heading", { name: /Replies/ }).waitFor();
    await page.locator(".live-live").waitFor({ timeout: 15_000 });
    await page.evaluate(() => { window.__noReload = true; });
    const firstName = contactName.split(" ")[0];
    // the watch list reaches reply-monitor through Kafka; retry the lead's message until a conversation shows
    const deadline = Date.now() + 90_000;
    const item = page.locator("li.conversation", { hasText: firstName });
    let tries = 0;
    while (!(await item.isVisible())) {
      check(Date.now() < deadline, "no reply showed up in the conversation list within 90 s");
      if (tries++ % 10 === 0) sim("lead-writes", PHONE, leadTelegramId, firstName, `Sounds interesting, tell me more (${tries})`);
      await page.waitForTimeout(1500);
    }
    check(await page.evaluate(() => window.__noReload === true), "the page reloaded to show the reply");
    await item.locator(".count-pill").waitFor();
    const unreadBefore = Number(await page.getByTestId("total-unread").innerText());
    check(unreadBefore >= 1, `total unread is ${unreadBefore}`);
    // the labels (sentiment / intent) follow through Kafka and arrive as a live "label" event. On a stack that
    // has just started, message-generator's and outreach-api's consumer groups can still be settling their
    // partitions (seen: ~30 s on a fresh CI machine), so allow for that before calling the label lost.
    await item.locator(".badge").first().waitFor({ timeout: 90_000 })
      .catch(() => { throw new Failure("no sentiment/intent badge appeared on the conversation within 90 s"); });
    await shot(page, "15-reply-live");
    const badges = (await item.locator(".badge").allInnerTexts()).join(", ");
    await item.locator("a").click();
    await page.getByText("Marked as read here only").waitFor();
    await page.locator(".reply").first().waitFor();
    await shot(page, "16-conversation");
    await page.getByRole("link", { name: /Back to the dashboard/ }).click();
    await page.getByRole("heading", { name: /Replies/ }).waitFor();
    await page.locator("li.conversation", { hasText: firstName }).waitFor();
    await page.waitForFunction(() => !document.querySelector('[data-testid="total-unread"]') || Number(document.querySelector('[data-testid="total-unread"]').textContent) === 0, null, { timeout: 10_000 })
      .catch(() => { throw new Failure("the unread count did not drop after opening the conversation"); });
    pass("a reply appears live (no reload) with its badges, opening it marks it read", `badges: ${badges}`);
  });

  await step("conversation list (replies)", async () => {
    await page.getByRole("link", { name: "Dashboard", exact: true }).click();
    await page.getByRole("heading", { name: /Replies/ }).waitFor();
    const missing = page.getByText("Reply tracking is not available yet");
    await page.waitForTimeout(1000);
    if (await missing.isVisible()) { skip("conversation list", "GET /api/outreach/conversations is not on this server yet (empty state shown)"); return; }
    const first = page.locator("a.conversation-link").first();
    if (await first.count() === 0) { pass("conversation list", "empty state shown"); return; }
    await first.click();
    await page.getByText("Marked as read here only").waitFor();
    await shot(page, "10-conversation");
    await shotDark(page, "10-conversation");
    pass("conversation list and a conversation");
  });

  await step("analytics: the figures match the API, the funnel shows, a table exports as CSV", async () => {
    await page.getByRole("link", { name: "Analytics", exact: true }).click();
    await page.getByRole("heading", { name: "Analytics", level: 1 }).waitFor();
    const me = (await api("/api/outreach/analytics?group_by=variant&owner=me")).body;
    check(me && me.total, `GET /api/outreach/analytics answered ${JSON.stringify(me)?.slice(0, 200)}`);
    const table = page.getByTestId("table-figures");
    await table.waitFor();
    const total = await table.locator("tbody tr").last().locator("th, td").allInnerTexts();
    check(total[0] === "total" && total[1] === me.total.sent.toLocaleString("en-US") && total[2] === me.total.replied.toLocaleString("en-US"),
      `the total row shows ${total.slice(0, 3).join(" / ")}, the API sent ${me.total.sent} / replied ${me.total.replied}`);
    await page.getByRole("heading", { name: "Pipeline funnel" }).waitFor();
    await shot(page, "17-analytics");
    await shotDark(page, "17-analytics");
    const [download] = await Promise.all([page.waitForEvent("download"), table.getByRole("button", { name: "Export CSV" }).click()]);
    const csv = readFileSync(await download.path(), "utf8");
    const lines = csv.trim().split("\r\n");
    check(lines[0] === "group,sent,replied,positive,negative,unsubscribed,reply_rate,reply_rate_low,reply_rate_high,positive_rate,positive_rate_low,positive_rate_high,median_seconds_to_first_reply",
      `CSV header: ${lines[0]}`);
    check(lines.length === me.groups.length + 2, `CSV has ${lines.length} lines for ${me.groups.length} groups + header + total`);
    const last = lines[lines.length - 1].split(",");
    check(last[0] === "total" && Number(last[1]) === me.total.sent && Number(last[2]) === me.total.replied && Number(last[3]) === me.total.positive,
      `CSV total row ${lines[lines.length - 1]} vs the API's ${JSON.stringify(me.total)}`);
    check(download.suggestedFilename().endsWith(".csv"), `file name ${download.suggestedFilename()}`);
    await page.getByRole("radio", { name: "Team" }).check();
    await page.getByTestId("analytics-scope").filter({ hasText: "whole team" }).waitFor();
    const team = (await api("/api/outreach/analytics?group_by=variant&owner=team")).body;
    await page.waitForFunction((n) => [...document.querySelectorAll('[data-testid="table-figures"] tbody tr')].pop()?.children[1]?.textContent === n,
      team.total.sent.toLocaleString("en-US"));
    pass("analytics page: totals as the API's (mine and team), funnel, CSV export", `mine sent ${me.total.sent}, team sent ${team.total.sent}; ${lines.length - 1} CSV rows`);
  });

  await step("Telegram: modal and sessions page", async () => {
    await page.getByRole("link", { name: "Telegram", exact: true }).click();
    await page.getByRole("heading", { name: "Connected sessions" }).waitFor();
    await shot(page, "11-telegram");
    await shotDark(page, "11-telegram");
    await page.getByRole("button", { name: "Connect Telegram" }).first().click();
    const dialog = page.getByRole("dialog", { name: "Connect Telegram" });
    await dialog.waitFor();
    check((await page.getByTestId("read-only-notice").innerText()).includes("never sends messages"), "the read-only notice is missing");
    await Promise.race([page.getByTestId("qr-step").waitFor({ timeout: 20_000 }), page.getByTestId("tg-retry").waitFor({ timeout: 20_000 })]);
    await shot(page, "12-telegram-connect");
    await shotDark(page, "12-telegram-connect");
    if (await page.getByTestId("qr-step").isVisible()) pass("Connect Telegram shows a QR code", "polling every 2 s");
    else skip("Connect Telegram QR", `the modal shows a readable error instead: ${(await page.getByTestId("tg-retry").innerText()).replace(/\s+/g, " ")}`);
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "detached" });
    if (SIM) {
      // the session connected earlier in this journey: Disconnect logs it out (after a confirmation)
      const row = page.locator("li.session", { hasText: "Active" }).first();
      await row.waitFor();
      page.once("dialog", (d) => d.accept());
      await row.getByRole("button", { name: "Disconnect" }).click();
      const deadline = Date.now() + 20_000;
      while (await page.locator("li.session", { hasText: "Active" }).count() > 0) {
        check(Date.now() < deadline, "the session still shows as active 20 s after Disconnect");
        await page.waitForTimeout(2000);
        await page.reload();
        await page.getByRole("heading", { name: "Connected sessions" }).waitFor();
      }
      await shot(page, "17-telegram-disconnected");
      pass("Disconnect ends the Telegram session", (await page.locator("li.session").first().innerText()).replace(/\s+/g, " "));
    }
  });

  await step("refresh on a deep link keeps the screen", async () => {
    await page.goto(BASE + "/import/");
    await page.getByRole("heading", { name: "Import leads" }).waitFor();
    pass("refresh on /import/");
  });

  // ---------- phone 390x844 ----------
  const phone = await newPage(390, 844, true);
  await step("phone screens", async () => {
    await signIn(phone, "phone");
    await phone.getByTestId("queue-count").waitFor();
    if (SIM) {
      // replies exist by now (the desktop journey's lead wrote): they must not widen the page or sink below the queue
      await phone.locator("li.conversation").first().waitFor({ timeout: 20_000 });
      const replies = await phone.locator(".replies-card").boundingBox();
      const queue = await phone.locator("#queue-title").boundingBox();
      check(replies.y < queue.y, `on a phone the replies card is below the queue (replies at ${Math.round(replies.y)}px, queue at ${Math.round(queue.y)}px)`);
    }
    await shot(phone, "04-dashboard");
    await shotDark(phone, "04-dashboard");
    await phone.locator("a.lead-link").first().click();
    await phone.getByText("What they wrote").waitFor();
    await shot(phone, "05-contact");
    await shotDark(phone, "05-contact");
    await phone.goto(BASE + "/import/");
    await phone.getByTestId("lead-file").setInputFiles(SAMPLE);
    await phone.getByRole("button", { name: "Import" }).click();
    await Promise.race([phone.getByTestId("import-report").waitFor({ timeout: 60_000 }), phone.getByText("The import did not go through").waitFor({ timeout: 60_000 })]);
    await shot(phone, "03-import-report");
    await phone.goto(BASE + "/telegram/");
    await phone.getByRole("heading", { name: "Connected sessions" }).waitFor();
    await shot(phone, "11-telegram");
    await phone.getByRole("button", { name: "Connect Telegram" }).first().click();
    await Promise.race([phone.getByTestId("qr-step").waitFor({ timeout: 20_000 }), phone.getByTestId("tg-retry").waitFor({ timeout: 20_000 })]);
    await shot(phone, "12-telegram-connect");
    if (SIM) {
      await phone.goto(BASE + "/");
      const conv = phone.locator("a.conversation-link").first();
      await conv.waitFor({ timeout: 20_000 });
      await conv.click();
      await phone.locator(".reply").first().waitFor();
      await shot(phone, "10-conversation");
    }
    pass("phone: dashboard (with replies), contact, import, Telegram, a conversation at 390x844", "no sideways scrolling, axe clean");
  });
} catch (e) {
  exitCode = 1;
  if (!(e instanceof Failure)) console.error(e);
} finally {
  await browser.close();
}

const unexpected = consoleErrors.filter((m) => !/status of 404|Failed to load resource/.test(m));
if (consoleErrors.length) console.log(`browser console errors (${consoleErrors.length}):\n  ${consoleErrors.slice(0, 15).join("\n  ")}`);
if (axeCounts.length) {
  console.log("axe (nodes per impact): screen | critical | serious | moderate | minor");
  for (const r of axeCounts) console.log(`  ${r.screen} | ${r.critical} | ${r.serious} | ${r.moderate} | ${r.minor}${r.violations.length ? "  " + r.violations.map((v) => `${v.impact}:${v.id}x${v.nodes}`).join(" ") : ""}`);
  writeFileSync(join(SHOTS, "..", "axe.json"), JSON.stringify(axeCounts, null, 2));
}
const counts = results.reduce((a, r) => ({ ...a, [r.status]: (a[r.status] ?? 0) + 1 }), {});
console.log(`journey: ${counts.PASS ?? 0} passed, ${counts.SKIP ?? 0} skipped, ${counts.FAIL ?? 0} failed; screenshots in ${SHOTS}`);
if (unexpected.length) { console.log("journey: failing because of uncaught errors in the page"); exitCode = 1; }
process.exit(exitCode);
