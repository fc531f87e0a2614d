import { runCommand } from './command-runner.js';
import type { Command } from './commands.js';
import { answerPending, type ConversationState } from './conversation-state.js';
import { type Clock, parseMessage } from './message-parser.js';
import { TaskDirectory } from './task-directory.js';
import type { TaskTools } from './task-tool-client.js';

export interface OfflineTurn extends Clock {
  message: string;
  state: ConversationState;
}

export interface OfflineOutcome {
  reply: string;
  state: ConversationState;
}

/**
 * One chat turn without an LLM: read the message (or the answer to the last question), run its commands
 * with the task tools in order, and reply in Markdown. A command that needs something it was not told
 * asks for it; the commands after it wait in the question and run once it is answered.
 */
export async function runOfflineTurn(turn: OfflineTurn, tools: TaskTools): Promise<OfflineOutcome> {
  let context = turn.state.context?.numbers ?? [];
  const commands = readCommands(turn);
  if (commands === 'cancelled') return { reply: "OK, I won't.", state: { pending: null, context: turn.state.context } };
  const directory = new TaskDirectory(tools);
  const replies: string[] = [];
  for (const [index, command] of commands.entries()) {
    const step = await runCommand(command, { tools, directory, context, timeZone: turn.timeZone });
    replies.push(step.reply);
    if (step.numbers) context = step.numbers;
    if (step.pending) {
      const rest = commands.slice(index + 1);
      const pending = rest.length > 0 ? { ...step.pending, afterwards: rest } : step.pending;
      return { reply: replies.join('\n\n'), state: { pending, context: remembered(context) } };
    }
  }
  return { reply: replies.join('\n\n'), state: { pending: null, context: remembered(context) } };
}

function readCommands(turn: OfflineTurn): Command[] | 'cancelled' {
  const { pending } = turn.state;
  const answer = pending ? answerPending(pending, turn.message, turn) : undefined;
  if (answer && 'cancelled' in answer) return 'cancelled';
  if (answer) return [answer.command, ...(pending?.afterwards ?? [])];
  return withChatterAsReference(parseMessage(turn.message, turn));
}

/**
 * "i called grandma, mark it complete": words that are no command name the "it" right after them. Other
 * such words are dropped when the message has a command; alone, they get the "didn't understand" reply.
 */
function withChatterAsReference(commands: Command[]): Command[] {
  const meant = commands.map((command, index) => {
    const before = commands[index - 1];
    if (before?.kind !== 'chatter' || !('target' in command) || !command.target || !('pronoun' in command.target)) {
      return command;
    }
    return { ...command, target: { words: before.text } };
  });
  // "i called grandma, mark it complete": the second clause says again what the first did.
  const understood = meant.filter(
    (command, index) => command.kind !== 'chatter' && !repeatsTheOneBefore(command, meant[index - 1]),
  );
  return understood.length > 0 ? understood : meant.slice(0, 1);
}

function repeatsTheOneBefore(command: Command, before: Command | undefined): boolean {
  return (
    command.kind === 'complete' &&
    before?.kind === 'complete' &&
    before.completed === command.completed &&
    command.target !== undefined &&
    'pronoun' in command.target
  );
}

function remembered(numbers: number[]): ConversationState['context'] {
  return numbers.length > 0 ? { numbers } : null;
}
