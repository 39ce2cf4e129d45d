/**
 * The reader's answers and progress, kept in this browser's local storage
 * and nowhere else (nothing is sent anywhere): per exercise, how often it
 * was checked, how many instances were answered right (which sets the
 * difficulty of the next draw, levelFor), and the last answer with the
 * draw it was for. Storage may be refused (private windows, settings):
 * then progress lasts as long as the page, and nothing fails.
 */
import { levelFor } from '../../engine/learn/instance.ts';

const KEY = 'kvm-device-memory:learn-progress';

export interface ExerciseProgress {
  /** Answers checked. */
  readonly tries: number;
  /** Instances answered right (each counted once). */
  readonly right: number;
  /** The draw (`n.level`) last answered right, so that checking it again counts it once. */
  readonly rightDraw?: string;
  /** The last answer checked: the draw it was for, the choice and whether it was right. */
  readonly last?: { readonly draw: string; readonly choice: string; readonly right: boolean };
}

export type Progress = Readonly<Record<string, ExerciseProgress>>;

/** The key of an exercise in the store: lesson slug and exercise id. */
export const progressKey = (lesson: string, id: string): string => `${lesson}#${id}`;

let memory: Progress = {};

function isProgress(value: unknown): value is Progress {
  return typeof value === 'object' && value !== null && Object.values(value).every((p) => typeof p === 'object' && p !== null && typeof p.tries === 'number' && typeof p.right === 'number');
}

export function readProgress(): Progress {
  try {
    const stored = localStorage.getItem(KEY);
    const parsed: unknown = stored === null ? {} : JSON.parse(stored);
    // Anything else (another version's shape, a hand edit) counts as no progress rather than breaking the page.
    return isProgress(parsed) ? parsed : {};
  } catch {
    return memory;
  }
}

function write(progress: Progress): void {
  memory = progress;
  try {
    localStorage.setItem(KEY, JSON.stringify(progress));
  } catch {
    // Refused: kept for this page only.
  }
}

/** Records a checked answer; an instance already answered right is not counted again. */
export function recordAnswer(key: string, draw: string, choice: string, right: boolean): ExerciseProgress {
  const all = readProgress();
  const before = all[key] ?? { tries: 0, right: 0 };
  const counts = right && before.rightDraw !== draw;
  const next: ExerciseProgress = {
    tries: before.tries + 1,
    right: before.right + (counts ? 1 : 0),
    ...(right ? { rightDraw: draw } : before.rightDraw === undefined ? {} : { rightDraw: before.rightDraw }),
    last: { draw, choice, right },
  };
  write({ ...all, [key]: next });
  return next;
}

/** The difficulty of an exercise's next draw. */
export const levelOf = (progress: ExerciseProgress | undefined): number => levelFor(progress?.right ?? 0);

export function resetProgress(): void {
  memory = {};
  try {
    localStorage.removeItem(KEY);
  } catch {
    // Nothing stored.
  }
}
