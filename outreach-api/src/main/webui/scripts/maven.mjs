// Called by outreach-api's Maven build (exec-maven-plugin):  node scripts/maven.mjs install|build|test
// Skips work whose inputs did not change since the last successful run, so `./mvnw -pl outreach-api verify`
// stays fast for the Java engineers: node_modules is reinstalled (npm install, from the lock file) only when package-lock.json changes,
// the static export is rebuilt only when a source changes, and Vitest reruns only when code or tests change.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const step = process.argv[2];
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", CI: process.env.CI ?? "1" };

function hashOf(paths) {
  const h = createHash("sha256");
  const walk = (p) => {
    const full = join(root, p);
    if (!existsSync(full)) return;
    const st = statSync(full);
    if (st.isDirectory()) {
      for (const name of readdirSync(full).sort()) walk(join(p, name));
    } else {
      h.update(relative(root, full)).update("\0").update(readFileSync(full)).update("\0");
    }
  };
  paths.forEach(walk);
  h.update(process.version.split(".")[0]);
  return h.digest("hex");
}

function run(cmd, args) {
  console.log(`[webui] ${cmd} ${args.join(" ")}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: "inherit", env, shell: process.platform === "win32" });
  if (r.status !== 0) {
    throw new Error(`[webui] failed: ${cmd} ${args.join(" ")} (exit ${r.status ?? r.signal})`);
  }
}

const stampDir = join(root, "node_modules", ".outreach-stamps");
const stamp = (name) => join(stampDir, name);
const fresh = (name, hash) => existsSync(stamp(name)) && readFileSync(stamp(name), "utf8") === hash;
const mark = (name, hash) => { mkdirSync(stampDir, { recursive: true }); writeFileSync(stamp(name), hash); };
const nodeBin = (pkg, bin) => join(root, "node_modules", pkg, bin);

// The CSP of the UI (script-src 'self' + hashes) must allow exactly the inline scripts Next's export writes into
// each page (bootstrap and RSC payload): their sha256 hashes, one per line, in out/csp-script-hashes.txt, which
// outreach-api reads at startup. A plain scan of our own build output, no regex.
function writeCspHashes() {
  const hashes = new Set();
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name.endsWith(".html")) inlineScripts(readFileSync(full, "utf8")).forEach((s) => hashes.add(s));
    }
  };
  walk(join(root, "out"));
  writeFileSync(join(root, "out", CSP_HASHES), [...hashes].sort().join("\n") + "\n");
  console.log(`[webui] ${hashes.size} inline script hashes for the CSP in out/${CSP_HASHES}`);
}

function inlineScripts(html) {
  const found = [];
  let at = 0;
  for (;;) {
    const open = html.indexOf("<script", at);
    if (open < 0) return found;
    const tagEnd = html.indexOf(">", open);
    const close = html.indexOf("</script>", tagEnd);
    if (tagEnd < 0 || close < 0) return found;
    const tag = html.slice(open, tagEnd);
    if (!tag.includes(" src=") && close > tagEnd + 1) {
      found.push("sha256-" + createHash("sha256").update(html.slice(tagEnd + 1, close), "utf8").digest("base64"));
    }
    at = close + 9;
  }
}

const CSP_HASHES = "csp-script-hashes.txt";
const SOURCES = ["app", "components", "lib", "public", "next.config.ts", "tsconfig.json", "package.json", "package-lock.json"];

function install() {
  const lock = hashOf(["package.json", "package-lock.json"]);
  if (existsSync(join(root, "node_modules", "next")) && fresh("install", lock)) return;
  // npm ci refuses this lock file: the registry mirror here lacks the other platforms' optional packages
  // (@next/swc-darwin-*, ...), so they are absent from it; npm install follows the lock file as it is.
  run("npm", ["install", "--no-audit", "--no-fund"]);
  mark("install", lock);
}

// Several engineers share one working tree: two Maven builds at once must not run next build together.
function withLock(fn) {
  mkdirSync(stampDir, { recursive: true });
  const lock = join(stampDir, "lock");
  const deadline = Date.now() + 10 * 60_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      const age = existsSync(lock) ? Date.now() - statSync(lock).mtimeMs : 0;
      if (age > 10 * 60_000) { rmSync(lock, { recursive: true, force: true }); continue; }
      if (Date.now() > deadline) { console.error("[webui] another UI build held the lock for 10 minutes"); process.exit(1); }
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1000);
    }
  }
  try { fn(); } finally { rmSync(lock, { recursive: true, force: true }); }
}

try {
withLock(() => {
switch (step) {
  case "install":
    install();
    break;
  case "build": {
    install();
    const h = hashOf(SOURCES);
    if (existsSync(join(root, "out", "index.html")) && existsSync(join(root, "out", CSP_HASHES)) && fresh("build", h)) {
      console.log("[webui] static export is up to date (out/)");
      break;
    }
    run(process.execPath, [nodeBin("next", "dist/bin/next"), "build"]);
    writeCspHashes();
    mark("build", h);
    break;
  }
  case "test": {
    install();
    const h = hashOf([...SOURCES, "test", "vitest.config.ts"]);
    if (fresh("test", h)) {
      console.log("[webui] unit tests passed before for exactly these sources; not rerun");
      break;
    }
    run(process.execPath, [nodeBin("vitest", "vitest.mjs"), "run"]);
    mark("test", h);
    break;
  }
  default:
    console.error("usage: node scripts/maven.mjs install|build|test");
    process.exitCode = 64;
}
});
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
}
