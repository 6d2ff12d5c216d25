import type { ITwitterApiClientPlugin } from "twitter-api-v2";

export const X_API_BASE = "https://api.x.com";
export const DEFAULT_TIMEOUT_MS = 30_000;

/**
 * twitter-api-v2 has no base-URL setting and no default timeout (x-api.md §1, §7.2). This plugin
 * rewrites every absolute X URL the library builds onto `base` and gives every request a timeout.
 */
export function baseUrlPlugin(base: string, timeoutMs: number = DEFAULT_TIMEOUT_MS): ITwitterApiClientPlugin {
  const target = base.replace(/\/*$/, "/");
  return {
    onBeforeRequestConfig({ params }) {
      params.url = params.url.replace(/^https:\/\/(api|upload)\.(x|twitter)\.com\//, target);
      params.timeout ??= timeoutMs;
    },
  };
}
