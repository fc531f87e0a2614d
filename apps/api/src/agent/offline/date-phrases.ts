import * as chrono from 'chrono-node';

type Parser = chrono.Chrono['parsers'][number];
type Context = Parameters<Parser['extract']>[0];

const DAY_MS = 24 * 3600_000;

/** The reference day as wall-clock fields in the user's zone (chrono's own convention). */
function today(context: Context): Date {
  return context.reference.getDateWithAdjustedTimezone();
}

/** "on the 3rd", "the 15th": the next such day of a month (this month if it is still ahead). */
const dayOfMonth: Parser = {
  pattern: () => /\bthe\s+(\d{1,2})(?:st|nd|rd|th)\b(?!\s+of\b)/i,
  extract: (context, match) => {
    const day = Number(match[1]);
    if (day < 1 || day > 31) return null;
    const now = today(context);
    const ahead = day >= now.getDate() ? 0 : 1;
    const month = new Date(now.getFullYear(), now.getMonth() + ahead, 1);
    return { day, month: month.getMonth() + 1, year: month.getFullYear() };
  },
};

/** "end of the week", "end of this week": its Friday, the end of the working week. */
const endOfWeek: Parser = {
  pattern: () => /\b(?:the\s+)?end\s+of\s+(?:the\s+|this\s+)?(?:working\s+|work\s+)?week\b/i,
  extract: (context) => {
    const now = today(context);
    const daysToFriday = (5 - now.getDay() + 7) % 7;
    const friday = new Date(now.getTime() + daysToFriday * DAY_MS);
    return { day: friday.getDate(), month: friday.getMonth() + 1, year: friday.getFullYear() };
  },
};

/** chrono's casual English, plus the day phrases tasks are often given with. */
export const taskDates = chrono.casual.clone();
taskDates.parsers.push(dayOfMonth, endOfWeek);
