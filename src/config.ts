import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { isDeepStrictEqual } from "node:util";
import { UsageError } from "./errors.js";

type Env = Record<string, string | undefined>;

declare const __XTRIAGE_VERSION__: string;
const VERSION = typeof __XTRIAGE_VERSION__ === "string" ? __XTRIAGE_VERSION__ : "0.0.0-dev";
/** A digest of the config schema and validator at build time (scripts/build.mjs). */
declare const __XTRIAGE_CONFIG_RULES__: string;
const CONFIG_RULES = typeof __XTRIAGE_CONFIG_RULES__ === "string" ? __XTRIAGE_CONFIG_RULES__ : "dev";

export interface SlaConfig {
  firstResponseMinutes: number;
  ceilingMinutes: number;
}

export interface BusinessHours {
  tz: string;
  days: string[];
  start: string;
  end: string;
}

export interface AccountConfig {
  handle: string;
  id?: string;
  lang?: string;
  sla: SlaConfig;
  businessHours?: BusinessHours;
}

/** A competitor whose reply times `report competitors` samples from X search. */
export interface CompetitorConfig {
  handle: string;
  name?: string;
}

export interface Template {
  lang?: string;
  text: string;
}

export interface Config {
  /** The file this came from, or null for built-in defaults. */
  path: string | null;
  accounts: AccountConfig[];
  searchQueries: string[];
  competitors: CompetitorConfig[];
  vipHandles: string[];
  crisisHashtags: string[];
  popularHashtagAuthors: number;
  agents: Record<string, { name?: string; signature?: string }>;
  templates: Record<string, Template>;
  scoring: { words: Record<string, Record<string, string[]>>; weights: Record<string, number> };
  prices: Record<string, number>;
  /** SLA used where no account says otherwise: answer within the hour, 5 h at the outside. */
  sla: SlaConfig;
}

/** The agent's entry in the config: the exact name first, else any case (`Laura` is `laura`). */
export function agentProfile(config: Config, agent: string): { name?: string; signature?: string } | undefined {
  const exact = config.agents[agent];
  if (exact) return exact;
  const wanted = agent.toLowerCase();
  return Object.entries(config.agents).find(([name]) => name.toLowerCase() === wanted)?.[1];
}

export const DEFAULT_SLA: SlaConfig = { firstResponseMinutes: 60, ceilingMinutes: 300 };

export function defaultDbPath(env: Env = process.env): string {
  const base = env.XDG_DATA_HOME || join(env.HOME || homedir(), ".local", "share");
  return join(base, "xtriage", "xtriage.db");
}

export function defaultConfigPath(env: Env = process.env): string {
  const base = env.XDG_CONFIG_HOME || join(env.HOME || homedir(), ".config");
  return join(base, "xtriage", "config.yaml");
}

/** --config, then XTRIAGE_CONFIG, then the XDG default. `explicit` says whether the user named it. */
export function resolveConfigPath(
  flag: string | undefined,
  env: Env = process.env,
): { path: string; explicit: boolean } {
  const named = flag || env.XTRIAGE_CONFIG;
  return named ? { path: named, explicit: true } : { path: defaultConfigPath(env), explicit: false };
}

export function resolveDbPath(flag: string | undefined, env: Env = process.env): string {
  return flag || env.XTRIAGE_DB || defaultDbPath(env);
}

export function emptyConfig(): Config {
  return {
    path: null,
    accounts: [],
    searchQueries: [],
    competitors: [],
    vipHandles: [],
    crisisHashtags: [],
    popularHashtagAuthors: 5,
    agents: {},
    templates: {},
    scoring: { words: {}, weights: {} },
    prices: {},
    sla: { ...DEFAULT_SLA },
  };
}

/**
 * Load the YAML config. A missing default file means built-in defaults; a missing file the user
 * named, bad YAML or a value of the wrong shape is a usage error that names the file and the key.
 */
export async function loadConfig(flag: string | undefined, env: Env = process.env): Promise<Config> {
  const { path, explicit } = resolveConfigPath(flag, env);
  if (!existsSync(path)) {
    if (explicit) throw new UsageError(`config file not found: ${path}`);
    return emptyConfig();
  }
  const cache = parsedConfigCache(path, env);
  const doc = cache.read() ?? (await parseAndValidate(path));
  const config = fromDocument(doc as ConfigDocument, path);
  cache.write(doc);
  return config;
}

async function parseAndValidate(path: string): Promise<unknown> {
  const [yaml, { validateConfigDocument }] = await Promise.all([import("yaml"), import("./config-schema.js")]);
  // yaml is CommonJS: bundled into its own chunk it is reachable only through its default export
  const parseDocument = yaml.parseDocument ?? yaml.default.parseDocument;
  const parsed = parseDocument(readFileSync(path, "utf8"));
  const error = parsed.errors[0];
  if (error) throw new UsageError(`config file ${path} is not valid YAML: ${error.message.split("\n")[0]}`);
  let doc: unknown;
  try {
    doc = parsed.toJS() ?? {};
  } catch (e) {
    // e.g. an alias that expands past the size limit
    throw new UsageError(`config file ${path} is not valid YAML: ${(e as Error).message.split("\n")[0]}`);
  }
  // a scalar's source is its text as written, before YAML turned it into a number
  const literal = (at: string[]) => {
    const node = parsed.getIn(at, true) as { source?: unknown } | undefined;
    return typeof node?.source === "string" ? node.source : undefined;
  };
  const problem = validateConfigDocument(doc, literal);
  if (problem) throw new UsageError(`config file ${path}: ${problem}`);
  return doc;
}

export function configCachePath(env: Env = process.env): string {
  const base = env.XDG_CACHE_HOME || join(env.HOME || homedir(), ".cache");
  return join(base, "xtriage", "config.json");
}

/**
 * The last config file read, parsed and validated, as JSON, for as long as the file is unchanged
 * on disk: loading the YAML parser and the validator and running them costs ~25 ms of every
 * command, ~40% of a `list`. Keyed by path, size, times and inode, by xtriage's version and by a
 * digest of the config checks (a build that checks more checks a cached document anew); a
 * document JSON cannot hold exactly (a YAML .inf, say) is never cached. Best effort both ways: an
 * unreadable cache is reparsed, an unwritable one skipped.
 */
export function parsedConfigCache(path: string, env: Env = process.env) {
  const file = configCachePath(env);
  const stat = statSync(path);
  const key = JSON.stringify([VERSION, CONFIG_RULES, resolve(path), stat.size, stat.mtimeMs, stat.ctimeMs, stat.ino]);
  let hit = false;
  return {
    read(): unknown | undefined {
      try {
        const cached = JSON.parse(readFileSync(file, "utf8")) as { key?: unknown; doc?: unknown };
        hit = cached.key === key && cached.doc !== undefined;
        return hit ? cached.doc : undefined;
      } catch {
        return undefined;
      }
    },
    write(doc: unknown): void {
      if (hit) return;
      const text = JSON.stringify({ key, doc });
      if (!isDeepStrictEqual(JSON.parse(text).doc, doc)) return;
      try {
        mkdirSync(dirname(file), { recursive: true });
        const temp = `${file}.${process.pid}.tmp`;
        writeFileSync(temp, text, { mode: 0o600 });
        renameSync(temp, file);
      } catch {
        // a read-only home: every run parses the YAML, as without the cache
      }
    },
  };
}

/** The config file's shape (snake_case keys, as users write them; src/config-schema.ts checks it). */
export interface ConfigDocument {
  accounts?: {
    handle: string;
    id?: string;
    lang?: string;
    sla?: { first_response_minutes?: number; ceiling_minutes?: number };
    business_hours?: BusinessHours;
  }[];
  search_queries?: string[];
  competitors?: (string | { handle: string; name?: string })[];
  vip_handles?: string[];
  crisis_hashtags?: string[];
  popular_hashtag_authors?: number;
  agents?: Record<string, { name?: string; signature?: string }>;
  templates?: Record<string, Template | string>;
  scoring?: { words?: Record<string, Record<string, string[]>>; weights?: Record<string, number> };
  prices?: Record<string, number>;
  sla?: { first_response_minutes?: number; ceiling_minutes?: number };
}

const bare = (s: string, sigil: string) =>
  s
    .trim()
    .replace(new RegExp(`^\\${sigil}`), "")
    .toLowerCase();

/** `competitors:` entries as handles without the @, each once (the first display name wins). */
function competitorsOf(list: NonNullable<ConfigDocument["competitors"]>): CompetitorConfig[] {
  const out = new Map<string, CompetitorConfig>();
  for (const entry of list) {
    const { handle, name } = typeof entry === "string" ? { handle: entry, name: undefined } : entry;
    const key = bare(handle, "@");
    if (!out.has(key)) out.set(key, { handle: key, ...(name ? { name } : {}) });
  }
  return [...out.values()];
}

function fromDocument(doc: ConfigDocument, path: string): Config {
  const base = emptyConfig();
  const sla = {
    firstResponseMinutes: doc.sla?.first_response_minutes ?? DEFAULT_SLA.firstResponseMinutes,
    ceilingMinutes: doc.sla?.ceiling_minutes ?? DEFAULT_SLA.ceilingMinutes,
  };
  checkSlaOrder(sla, "sla", path);
  const accounts = (doc.accounts ?? []).map((a, i) => {
    const own = {
      firstResponseMinutes: a.sla?.first_response_minutes ?? sla.firstResponseMinutes,
      ceilingMinutes: a.sla?.ceiling_minutes ?? sla.ceilingMinutes,
    };
    checkSlaOrder(own, `accounts.${i}.sla`, path);
    return {
      handle: bare(a.handle, "@"),
      ...(a.id !== undefined ? { id: a.id } : {}),
      ...(a.lang ? { lang: a.lang } : {}),
      sla: own,
      ...(a.business_hours ? { businessHours: a.business_hours } : {}),
    };
  });
  const templates: Record<string, Template> = {};
  for (const [name, t] of Object.entries(doc.templates ?? {}))
    templates[name] = typeof t === "string" ? { text: t } : t;
  return {
    ...base,
    path,
    accounts,
    searchQueries: doc.search_queries ?? [],
    competitors: competitorsOf(doc.competitors ?? []),
    vipHandles: (doc.vip_handles ?? []).map((h) => bare(h, "@")),
    crisisHashtags: (doc.crisis_hashtags ?? []).map((h) => bare(h, "#")),
    popularHashtagAuthors: doc.popular_hashtag_authors ?? base.popularHashtagAuthors,
    agents: doc.agents ?? {},
    templates,
    scoring: { words: doc.scoring?.words ?? {}, weights: doc.scoring?.weights ?? {} },
    prices: doc.prices ?? {},
    sla: accounts[0]?.sla ?? sla,
  };
}

/**
 * A ceiling below the first-response target (its own, or one inherited from the top-level sla or
 * the defaults) leaves no "late" between "ok" and "breached": a typo, refused like a bad type.
 */
function checkSlaOrder(sla: SlaConfig, where: string, path: string): void {
  if (sla.ceilingMinutes >= sla.firstResponseMinutes) return;
  throw new UsageError(
    `config file ${path}: ${where}: ceiling_minutes (${sla.ceilingMinutes}) is less than first_response_minutes (${sla.firstResponseMinutes})`,
    `the ceiling is the outer limit, at least the target; an sla without ceiling_minutes takes the top-level sla's, else ${DEFAULT_SLA.ceilingMinutes}`,
  );
}

/**
 * The settings in effect as a config document, in the file's own keys: loaded again it gives the
 * same settings (each account's SLA is written out, inherited or not).
 */
export function toDocument(cfg: Config): ConfigDocument {
  const slaOf = (s: SlaConfig) => ({
    first_response_minutes: s.firstResponseMinutes,
    ceiling_minutes: s.ceilingMinutes,
  });
  return {
    accounts: cfg.accounts.map((a) => ({
      handle: a.handle,
      ...(a.id !== undefined ? { id: a.id } : {}),
      ...(a.lang ? { lang: a.lang } : {}),
      sla: slaOf(a.sla),
      ...(a.businessHours ? { business_hours: a.businessHours } : {}),
    })),
    search_queries: cfg.searchQueries,
    competitors: cfg.competitors.map((c) => (c.name ? { handle: c.handle, name: c.name } : c.handle)),
    vip_handles: cfg.vipHandles,
    crisis_hashtags: cfg.crisisHashtags,
    popular_hashtag_authors: cfg.popularHashtagAuthors,
    agents: cfg.agents,
    templates: cfg.templates,
    scoring: cfg.scoring,
    prices: cfg.prices,
    sla: slaOf(cfg.sla),
  };
}
