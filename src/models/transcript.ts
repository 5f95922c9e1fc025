/**
 * How a (redacted) conversation is written into a prompt: one line per message, starting `H ` for the human and
 * `A ` for the assistant (system messages are left out: they are the operator's, not the exchange).
 *
 * Long conversations are truncated keeping the start and the end, where people state what they want
 * and how it ended: at most `maxChars` characters of message text are sent (default 24,000, about
 * 6,000 tokens), half from the first messages and half from the last, with a marker saying how many
 * messages were left out between them. A single message longer than what is left of its half is cut
 * in the middle the same way.
 *
 * For an interview (`numberAnswers`), each human line carries its answer's number from 0 (`H0`, `H1`,
 * ...; numbers count omitted answers too), so a model can point at answers, e.g. for success moments.
 */
import type { Conversation } from "../types.ts";

export const DEFAULT_MAX_CHARS = 24_000;
/** Below this many characters a partial message is not worth sending. */
const MIN_PART = 200;

export interface Transcript {
  text: string;
  /** Human messages the model sees (wholly or in part), in order. */
  humanMessages: number;
  /** Messages left out entirely (0 when nothing was truncated). */
  omittedMessages: number;
  truncated: boolean;
  /** Characters of message text in the conversation (its "own" size, before labels). */
  chars: number;
}

interface Line {
  role: "H" | "A";
  /** "H", "A", or "H<n>" for a numbered answer. */
  label: string;
  text: string;
}

const line = (l: Pick<Line, "label" | "text">) => `${l.label} ${l.text}`;

export interface TranscriptOptions {
  /** Number the human lines (interview answers) from 0. */
  numberAnswers?: boolean;
}

export function transcript(
  conversation: Conversation,
  maxChars = DEFAULT_MAX_CHARS,
  o: TranscriptOptions = {},
): Transcript {
  const lines: Line[] = [];
  let chars = 0;
  let answers = 0;
  for (const m of conversation.messages) {
    if (m.role === "system") continue;
    const role = m.role === "user" ? "H" : "A";
    const label = role === "H" && o.numberAnswers ? `H${answers++}` : role;
    lines.push({ role, label, text: m.text });
    chars += m.text.length;
  }
  const humans = (ls: Line[]) => ls.filter((l) => l.role === "H").length;
  if (chars <= maxChars) {
    return {
      text: lines.map(line).join("\n"),
      humanMessages: humans(lines),
      omittedMessages: 0,
      truncated: false,
      chars,
    };
  }
  // How many characters of each message come from its start (head) and from its end (tail).
  const fromStart = new Array<number>(lines.length).fill(0);
  const fromEnd = new Array<number>(lines.length).fill(0);
  const take = (available: number, left: number) => {
    const n = Math.min(available, left);
    return n < available && n < MIN_PART ? 0 : n;
  };
  let left = Math.floor(maxChars / 2);
  let stop = 0;
  for (; stop < lines.length; stop++) {
    const length = (lines[stop] as Line).text.length;
    fromStart[stop] = take(length, left);
    left -= fromStart[stop] as number;
    if ((fromStart[stop] as number) < length) break;
  }
  left = maxChars - Math.floor(maxChars / 2);
  for (let k = lines.length - 1; k >= stop; k--) {
    const available = (lines[k] as Line).text.length - (fromStart[k] as number);
    fromEnd[k] = take(available, left);
    left -= fromEnd[k] as number;
    if ((fromEnd[k] as number) < available) break;
  }
  const parts: string[] = [];
  let gap = 0;
  let shownHumans = 0;
  let omitted = 0;
  const flushGap = () => {
    if (gap > 0) parts.push(`[... ${gap} message${gap === 1 ? "" : "s"} left out ...]`);
    omitted += gap;
    gap = 0;
  };
  for (const [k, l] of lines.entries()) {
    const h = fromStart[k] as number;
    const t = fromEnd[k] as number;
    if (h + t === 0) {
      gap++;
      continue;
    }
    flushGap();
    if (l.role === "H") shownHumans++;
    if (h + t >= l.text.length) parts.push(line(l));
    else {
      const text = `${h > 0 ? `${l.text.slice(0, h)} ` : ""}[...]${t > 0 ? ` ${l.text.slice(-t)}` : ""}`;
      parts.push(line({ label: l.label, text }));
    }
  }
  flushGap();
  return {
    text: parts.join("\n"),
    humanMessages: shownHumans,
    omittedMessages: omitted,
    truncated: true,
    chars,
  };
}
