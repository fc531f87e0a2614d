/**
 * Control characters (NUL above all: PostgreSQL cannot store it in text) are refused in text input,
 * so they answer a 400 naming the field instead of a driver error. Multi-line text keeps tab and line breaks.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const CONTROL = /[\u0000-\u001F\u007F]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const CONTROL_BUT_WHITESPACE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** No control character at all (titles, tags, search words, ids). */
export const singleLine = (text: string): boolean => !CONTROL.test(text);

/** No control character but tab, line feed and carriage return (descriptions, chat messages). */
export const plainText = (text: string): boolean => !CONTROL_BUT_WHITESPACE.test(text);
