import { postUrl, scoreExtras } from "../commands/mention-fields.js";
import type { AccountClocks } from "../commands/sla-clocks.js";
import type { CaseScreen } from "../io/triage-screen.js";
import { customerStore } from "../store/actions.js";
import type { DB } from "../store/db.js";
import { actionsRepo, authorsRepo, type MentionRow, mentionsRepo } from "../store/mentions.js";

/** Read what the case screen shows: the author card, past cases, scores, SLA and conversation. */
export function loadCaseScreen(
  db: DB,
  clocks: AccountClocks,
  row: MentionRow,
  effective: number,
  now: Date,
): CaseScreen {
  const author = authorsRepo(db).get(row.author_id);
  const past = customerStore(db)
    .posts(row.author_id)
    .filter((p) => p.id !== row.id);
  const clock = clocks.clockFor(row.account_id);
  return {
    id: row.id,
    url: postUrl(row),
    text: row.text,
    lang: row.lang,
    createdAt: row.created_at,
    status: row.status,
    username: row.username,
    ...(author
      ? {
          author: {
            name: author.name,
            followers: author.followers,
            createdAt: author.created_at,
            verified: author.verified === 1,
            description: author.description,
          },
        }
      : {}),
    pastCases: past.map((p) => ({ status: p.status })),
    scores: {
      priority: effective,
      urgency: row.urgency,
      reach: row.reach,
      troll: row.troll,
      complaint: row.complaint,
      label: row.label,
    },
    reasons: scoreExtras(row).reasons ?? [],
    sla: {
      // the account's clock: business minutes where it keeps business hours, as in `list` and the report
      waitedMinutes: clock.waited(Date.parse(row.created_at), now.getTime()),
      targetMinutes: clock.firstResponseMinutes,
      ceilingMinutes: clock.ceilingMinutes,
      answered: row.first_response_at !== null,
    },
    thread: conversation(db, row),
  };
}

/** The mentions of the conversation and the brand's replies and DMs in it, in time order. */
function conversation(db: DB, row: MentionRow): CaseScreen["thread"] {
  if (!row.conversation_id) return [];
  const posts = mentionsRepo(db)
    .conversation(row.conversation_id)
    .map((m) => ({
      author: m.username ? `@${m.username}` : m.author_id,
      createdAt: m.created_at,
      text: m.text,
      current: m.id === row.id,
    }));
  const ours = actionsRepo(db)
    .repliesInConversation(row.conversation_id)
    .filter((a) => a.state === "sent")
    .map((a) => ({
      author: `${a.agent} (${a.kind === "dm" ? "DM" : "reply"})`,
      createdAt: a.created_at,
      text: a.text,
      current: false,
    }));
  return [...posts, ...ours].sort((x, y) => x.createdAt.localeCompare(y.createdAt));
}
