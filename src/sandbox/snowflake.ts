// Snowflake helpers live in core (pure); the sandbox uses the same ones.
export * from "../core/snowflake.js";
