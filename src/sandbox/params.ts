import type { FieldSelection } from "./fields.js";
import { invalidRequest, type SandboxReply } from "./problems.js";

/** Field and expansion vocabularies of spec 2.159 (the `tweet.*` dialect). */
const TWEET_FIELDS = new Set(
  "article attachments author_id card_uri community_id context_annotations conversation_id created_at display_text_range edit_controls edit_history_tweet_ids entities geo id in_reply_to_user_id lang media_metadata non_public_metrics note_tweet organic_metrics possibly_sensitive promoted_metrics public_metrics referenced_tweets reply_settings scopes source suggested_source_links suggested_source_links_with_counts text withheld".split(
    " ",
  ),
);
const USER_FIELDS = new Set(
  "affiliation confirmed_email connection_status created_at description entities id is_identity_verified location most_recent_tweet_id name parody pinned_tweet_id profile_banner_url profile_image_url protected public_metrics receives_your_dm subscription subscription_type url username verified verified_followers_count verified_type withheld".split(
    " ",
  ),
);
const DM_EVENT_FIELDS = new Set(
  "attachments created_at dm_conversation_id entities event_type id participant_ids referenced_tweets sender_id text".split(
    " ",
  ),
);
const TWEET_EXPANSIONS = new Set(
  "article.cover_media article.media_entities attachments.media_keys attachments.media_source_tweet attachments.poll_ids author_id edit_history_tweet_ids entities.mentions.username geo.place_id in_reply_to_user_id entities.note.mentions.username referenced_tweets.id referenced_tweets.id.attachments.media_keys referenced_tweets.id.author_id".split(
    " ",
  ),
);
const USER_EXPANSIONS = new Set(["pinned_tweet_id", "affiliation.user_id", "most_recent_tweet_id"]);
const DM_EXPANSIONS = new Set(["attachments.media_keys", "participant_ids", "referenced_tweets.id", "sender_id"]);
const OTHER_FIELD_PARAMS = ["media.fields", "poll.fields", "place.fields"];

export type ExpansionSet = "tweet" | "user" | "dm";

export class ParamError extends Error {
  constructor(readonly reply: SandboxReply) {
    super("invalid request");
  }
}

function fail(parameter: string, value: string, message: string): never {
  throw new ParamError(invalidRequest(parameter, value, message));
}

/** Typed, validated access to a request's query string; every getter throws ParamError (→ 400). */
export class Params {
  constructor(
    private readonly query: URLSearchParams,
    allowed: string[],
  ) {
    for (const name of query.keys()) {
      if (!allowed.includes(name)) {
        fail(name, query.get(name) ?? "", `The query parameter [${name}] is not one of [${allowed.join(",")}]`);
      }
    }
  }

  raw(name: string): string | undefined {
    const value = this.query.get(name);
    return value === null ? undefined : value;
  }

  snowflake(name: string): string | undefined {
    const value = this.raw(name);
    if (value !== undefined && !/^[0-9]{1,19}$/.test(value)) {
      fail(name, value, `The \`${name}\` query parameter value [${value}] does not match ^[0-9]{1,19}$`);
    }
    return value;
  }

  integer(name: string, min: number, max: number, fallback: number): number {
    const value = this.raw(name);
    if (value === undefined) return fallback;
    const n = Number(value);
    if (!/^[0-9]+$/.test(value) || n < min || n > max) {
      fail(name, value, `The \`${name}\` query parameter value [${value}] is not between ${min} and ${max}`);
    }
    return n;
  }

  time(name: string): number | undefined {
    const value = this.raw(name);
    if (value === undefined) return undefined;
    const ms = Date.parse(value);
    if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value) || Number.isNaN(ms)) {
      fail(name, value, `The \`${name}\` query parameter value [${value}] is not a valid RFC 3339 date-time`);
    }
    return ms;
  }

  list(name: string, vocabulary: ReadonlySet<string>): Set<string> {
    const value = this.raw(name);
    const items = value === undefined || value === "" ? [] : value.split(",");
    for (const item of items) {
      if (!vocabulary.has(item)) {
        fail(
          name,
          item,
          `The \`${name}\` query parameter value [${item}] is not one of [${[...vocabulary].join(",")}]`,
        );
      }
    }
    return new Set(items);
  }

  fields(expansions: ExpansionSet): FieldSelection {
    const vocabulary =
      expansions === "tweet" ? TWEET_EXPANSIONS : expansions === "user" ? USER_EXPANSIONS : DM_EXPANSIONS;
    return {
      tweetFields: this.list("tweet.fields", TWEET_FIELDS),
      userFields: this.list("user.fields", USER_FIELDS),
      dmEventFields: this.list("dm_event.fields", DM_EVENT_FIELDS),
      expansions: this.list("expansions", vocabulary),
    };
  }
}

export const TWEET_FIELD_PARAMS = ["tweet.fields", "user.fields", "expansions", ...OTHER_FIELD_PARAMS];
export const USER_FIELD_PARAMS = ["tweet.fields", "user.fields", "expansions"];
export const DM_FIELD_PARAMS = ["dm_event.fields", "tweet.fields", "user.fields", "expansions", "media.fields"];

/** Opaque page tokens: they name the newest id of the next page, so they survive new arrivals. */
export function encodePageToken(id: string): string {
  return `sbx${BigInt(id).toString(36)}`;
}

export function decodePageToken(name: string, token: string | undefined): string | undefined {
  if (token === undefined) return undefined;
  if (!/^sbx[0-9a-z]{1,13}$/.test(token))
    fail(name, token, `The \`${name}\` query parameter value [${token}] is invalid`);
  let id = 0n;
  for (const ch of token.slice(3)) id = id * 36n + BigInt(Number.parseInt(ch, 36));
  return id.toString();
}
