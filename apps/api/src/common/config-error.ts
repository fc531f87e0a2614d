/**
 * A missing or invalid setting: the message is one sentence naming the variable, printed as it is.
 * Shared with the web app (`@todo-chatbot/api/config-error`), so both say it the same way.
 */
export class ConfigError extends Error {}

/** `value`, or a ConfigError saying which variable to set, and to what. */
export function requireSetting(value: string | undefined, name: string, what: string): string {
  if (!value) throw new ConfigError(`${name} is required: set it to ${what}.`);
  return value;
}
