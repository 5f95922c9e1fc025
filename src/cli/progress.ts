/**
 * Progress on stderr for long work: conversations, conversations/s and, from the share of input bytes
 * read, an ETA. Silent with --quiet or when stderr is not a terminal (logs and CI stay clean).
 */
import cliProgress from "cli-progress";
import type { StudyProgress } from "../pipeline/study.ts";

export interface ProgressSink {
  update(p: StudyProgress): void;
  stop(): void;
}

const SILENT: ProgressSink = { update() {}, stop() {} };

export function progressBar(quiet: boolean): ProgressSink {
  if (quiet || !process.stderr.isTTY) return SILENT;
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format:
        "{stage} |{bar}| {percentage}% | {conversations} conversations | {rate}/s | {rejected} set aside{model} | ETA {eta_formatted}",
      hideCursor: true,
      clearOnComplete: true,
      etaBuffer: 50,
    },
    cliProgress.Presets.shades_classic,
  );
  const started = performance.now();
  let running = false;
  return {
    update(p) {
      const total = p.bytesTotal && p.bytesTotal > 0 ? p.bytesTotal : Math.max(1, p.filesTotal);
      const done = p.bytesTotal && p.bytesTotal > 0 ? (p.bytesDone ?? 0) : p.filesDone;
      const rate = Math.round(p.conversations / Math.max(0.001, (performance.now() - started) / 1000));
      const payload = {
        stage: p.stage.padEnd(7),
        conversations: p.conversations,
        rejected: p.rejected,
        rate,
        model: p.model
          ? ` | ${p.model.calls} calls, ${p.model.cached} cached | ${p.model.tokens.toLocaleString("en")} tokens | $${p.model.costUsd.toFixed(p.model.costUsd < 1 ? 4 : 2)}`
          : "",
      };
      if (!running) {
        bar.start(total, done, payload);
        running = true;
      } else {
        bar.setTotal(total);
        bar.update(done, payload);
      }
    },
    stop() {
      if (running) bar.stop();
    },
  };
}
