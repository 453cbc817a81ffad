// axe-core counts per screen of a running Mission Deck, without a journey: to compare two versions of the UI on the
// same data (the journey stops at the first failing step, so it cannot measure a UI that still has the defects).
//   BASE_URL=http://127.0.0.1:8080 TOKEN=$(deploy/local/token me 2) node deploy/e2e/axe-survey.mjs
// Signs in with the #access_token hand-over, opens the dashboard, the import page, the first lead of the queue, the
// first conversation (if any) and the Telegram page at 1280x800 and 390x844, light and dark. Prints
// "screen | critical | serious | moderate | minor" and writes target/axe-survey.json. Never fails on findings.
import { chromium } from "playwright-core";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createRequire } from "node:module";

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const BASE = (process.env.BASE_URL ?? "http://127.0.0.1:8080").replace(/\/$/, "");
const TOKEN = process.env.TOKEN;
if (!TOKEN) { console.error("axe-survey: TOKEN is required"); process.exit(64); }

async function get(path) {
  const res = await fetch(BASE + path, { headers: { Authorization: `Bearer ${TOKEN}`, Accept: "application/json" } });
  return res.ok ? res.json() : null;
}
const queue = await get("/api/outreach/queue?limit=1");
const leadId = queue?.items?.[0]?.id ?? queue?.contacts?.[0]?.id;
const conversations = await get("/api/outreach/conversations");
const firstConversation = (conversations?.conversations ?? [])[0];
const conversationId = firstConversation?.conversation_id ?? firstConversation?.conversationId;
const screens = [
  ["dashboard", "/"],
  ["import", "/import/"],
  ...(leadId ? [["contact", `/contact/?id=${encodeURIComponent(leadId)}`]] : []),
  ...(conversationId ? [["conversation", `/conversation/?id=${encodeURIComponent(conversationId)}`]] : []),
  ["telegram", "/telegram/"],
];

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium", args: ["--no-sandbox"] });
const rows = [];
try {
  for (const viewport of [{ width: 1280, height: 800 }, { width: 390, height: 844 }]) {
    const page = await (await browser.newContext({ viewport })).newPage();
    await page.goto(`${BASE}/#access_token=${TOKEN}`);
    await page.waitForLoadState("load");
    for (const [name, path] of screens) {
      for (const colorScheme of ["light", "dark"]) {
        await page.emulateMedia({ colorScheme });
        await page.goto(BASE + path);
        await page.waitForLoadState("load");
        await page.waitForTimeout(1500); // not "networkidle": the live reply stream (SSE) keeps a request open
        await page.evaluate(AXE_SOURCE);
        const violations = await page.evaluate(async () => (await window.axe.run(document, { resultTypes: ["violations"] })).violations
          .map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length })));
        const count = (impact) => violations.filter((v) => v.impact === impact).reduce((a, v) => a + v.nodes, 0);
        rows.push({ screen: `${name}${colorScheme === "dark" ? "-dark" : ""} ${viewport.width}px`, critical: count("critical"),
          serious: count("serious"), moderate: count("moderate"), minor: count("minor"), violations });
      }
    }
  }
} finally {
  await browser.close();
}
console.log("axe (nodes per impact): screen | critical | serious | moderate | minor");
for (const r of rows) console.log(`  ${r.screen} | ${r.critical} | ${r.serious} | ${r.moderate} | ${r.minor}${r.violations.length ? "  " + r.violations.map((v) => `${v.impact}:${v.id}x${v.nodes}`).join(" ") : ""}`);
const total = (k) => rows.reduce((a, r) => a + r[k], 0);
console.log(`  total | ${total("critical")} | ${total("serious")} | ${total("moderate")} | ${total("minor")}`);
const out = join(import.meta.dirname, "target");
mkdirSync(out, { recursive: true });
writeFileSync(join(out, "axe-survey.json"), JSON.stringify(rows, null, 2));
