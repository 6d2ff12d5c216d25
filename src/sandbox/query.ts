import type { XTweet, XUser } from "../x/types.js";

/**
 * A small evaluator for X search queries: keywords, "exact phrases", @handle, #tag, OR, groups,
 * negation and the operators xtriage uses (from:, to:, is:retweet/reply/quote/verified, lang:,
 * conversation_id:, url:, has:mentions/links/hashtags). Unknown operators never match.
 */
export type PostMatcher = (post: XTweet) => boolean;

export interface MatchContext {
  user(id: string): XUser | undefined;
}

type Node =
  | { kind: "and" | "or"; children: Node[] }
  | { kind: "not"; child: Node }
  | { kind: "term"; text: string; quoted: boolean };

export class QuerySyntaxError extends Error {}

function tokenize(query: string): string[] {
  const tokens: string[] = [];
  const pattern = /\s*(-?"[^"]*"|[()]|[^\s()]+)/gy;
  let match = pattern.exec(query);
  while (match !== null && match[1] !== undefined) {
    tokens.push(match[1]);
    match = pattern.exec(query);
  }
  if (tokens.length === 0) throw new QuerySyntaxError("empty query");
  return tokens;
}

class Parser {
  private index = 0;
  constructor(private readonly tokens: string[]) {}

  parse(): Node {
    const node = this.parseOr();
    if (this.index < this.tokens.length) throw new QuerySyntaxError(`unexpected "${this.tokens[this.index]}"`);
    return node;
  }

  private parseOr(): Node {
    const children = [this.parseAnd()];
    while (this.tokens[this.index] === "OR") {
      this.index++;
      children.push(this.parseAnd());
    }
    return children.length === 1 ? children[0]! : { kind: "or", children };
  }

  private parseAnd(): Node {
    const children: Node[] = [];
    for (let token = this.tokens[this.index]; token !== undefined && token !== ")" && token !== "OR"; ) {
      children.push(this.parseUnary());
      token = this.tokens[this.index];
    }
    if (children.length === 0) throw new QuerySyntaxError("empty clause");
    return children.length === 1 ? children[0]! : { kind: "and", children };
  }

  private parseUnary(): Node {
    const token = this.tokens[this.index++]!;
    if (token === "(") {
      const inner = this.parseOr();
      if (this.tokens[this.index++] !== ")") throw new QuerySyntaxError("missing )");
      return inner;
    }
    if (token.startsWith("-") && token.length > 1) return { kind: "not", child: this.term(token.slice(1)) };
    return this.term(token);
  }

  private term(token: string): Node {
    const quoted = token.startsWith('"');
    return { kind: "term", text: quoted ? token.slice(1, -1) : token, quoted };
  }
}

function fullText(post: XTweet): string {
  return (post.note_tweet?.text ?? post.text).toLowerCase();
}

function words(text: string): Set<string> {
  return new Set(text.split(/[^\p{L}\p{N}_]+/u).filter((word) => word !== ""));
}

function usernameOf(id: string | undefined, ctx: MatchContext): string {
  return id === undefined ? "" : (ctx.user(id)?.username.toLowerCase() ?? "");
}

function hasReference(post: XTweet, type: string): boolean {
  return (post.referenced_tweets ?? []).some((ref) => ref.type === type);
}

function matchOperator(name: string, value: string, post: XTweet, ctx: MatchContext): boolean {
  switch (name) {
    case "from":
      return usernameOf(post.author_id, ctx) === value.replace(/^@/, "");
    case "to":
      return usernameOf(post.in_reply_to_user_id, ctx) === value.replace(/^@/, "");
    case "lang":
      return (post.lang ?? "").toLowerCase() === value;
    case "conversation_id":
      return post.conversation_id === value;
    case "url":
      return (post.entities?.urls ?? []).some((url) => (url.expanded_url ?? url.url).toLowerCase().includes(value));
    case "is":
      if (value === "retweet") return hasReference(post, "retweeted");
      if (value === "reply") return hasReference(post, "replied_to");
      if (value === "quote") return hasReference(post, "quoted");
      if (value === "verified") return ctx.user(post.author_id ?? "")?.verified === true;
      return false;
    case "has":
      if (value === "mentions") return (post.entities?.mentions ?? []).length > 0;
      if (value === "links") return (post.entities?.urls ?? []).length > 0;
      if (value === "hashtags") return (post.entities?.hashtags ?? []).length > 0;
      return false;
    default:
      return false;
  }
}

function matchTerm(term: { text: string; quoted: boolean }, post: XTweet, ctx: MatchContext): boolean {
  const text = term.text.toLowerCase();
  if (term.quoted) return fullText(post).replace(/\s+/g, " ").includes(text.replace(/\s+/g, " "));
  if (text.startsWith("@")) {
    const handle = text.slice(1);
    const mentioned = (post.entities?.mentions ?? []).some((m) => m.username.toLowerCase() === handle);
    return mentioned || new RegExp(`@${handle}(?![\\w])`, "u").test(fullText(post));
  }
  if (text.startsWith("#")) {
    const tag = text.slice(1);
    const tagged = (post.entities?.hashtags ?? []).some((h) => h.tag.toLowerCase() === tag);
    return tagged || words(fullText(post)).has(tag);
  }
  const colon = text.indexOf(":");
  if (colon > 0) return matchOperator(text.slice(0, colon), text.slice(colon + 1), post, ctx);
  return words(fullText(post)).has(text);
}

function evaluate(node: Node, post: XTweet, ctx: MatchContext): boolean {
  switch (node.kind) {
    case "and":
      return node.children.every((child) => evaluate(child, post, ctx));
    case "or":
      return node.children.some((child) => evaluate(child, post, ctx));
    case "not":
      return !evaluate(node.child, post, ctx);
    case "term":
      return matchTerm(node, post, ctx);
  }
}

/** Compiles a query; throws QuerySyntaxError on unbalanced groups or empty clauses. */
export function compileQuery(query: string, ctx: MatchContext): PostMatcher {
  const tree = new Parser(tokenize(query)).parse();
  return (post) => evaluate(tree, post, ctx);
}
