// `npm start`: the main job on the bundled FibraNova scenario, no X account needed.
// Fetches the brand's mentions from the built-in sandbox X API (real HTTP on 127.0.0.1, through
// twitter-api-v2) into a demo database, then prints the prioritised queue.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const demoDir = join(root, ".demo");
const scenario = join(root, "fixtures", "scenario");
const bin = join(root, "bin", "xtriage.js");

if (!existsSync(join(root, "dist", "main.js"))) {
  console.error("dist/ is missing: run npm install (or npm run build) first");
  process.exit(1);
}

rmSync(demoDir, { recursive: true, force: true });
mkdirSync(demoDir, { recursive: true });
const env = {
  ...process.env,
  XTRIAGE_DB: join(demoDir, "xtriage.db"),
  XTRIAGE_CONFIG: join(scenario, "config.yaml"),
  // the scenario's own "now", so waiting times and SLA clocks read as they would have that day
  XTRIAGE_NOW: "2026-11-20T12:00:00Z",
};

function xtriage(args) {
  console.error(`\n$ xtriage ${args.join(" ")}`);
  const res = spawnSync(process.execPath, [bin, ...args], { env, stdio: "inherit" });
  if (res.status !== 0) process.exit(res.status ?? 1);
}

console.error("xtriage demo: FibraNova's mentions for the week up to 2026-11-20 12:00 UTC, from a sandbox X API");
console.error(`database: ${env.XTRIAGE_DB}\nconfig:   ${env.XTRIAGE_CONFIG}`);
xtriage(["--sandbox", "fetch"]);
xtriage(["list", "--limit", "25"]);
console.error(
  `\nTry it yourself with the same settings:\n` +
    `  export XTRIAGE_DB=${env.XTRIAGE_DB} XTRIAGE_CONFIG=${env.XTRIAGE_CONFIG} XTRIAGE_NOW=${env.XTRIAGE_NOW}\n` +
    "  node bin/xtriage.js show <id>        # the post, author, scores with reasons, thread\n" +
    "  node bin/xtriage.js list --label troll\n" +
    "  node bin/xtriage.js list --ndjson | jq -c '{id, urgency, text}'",
);
