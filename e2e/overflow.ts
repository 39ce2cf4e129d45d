/**
 * In-page helpers of the phone layout spec, installed with
 * `page.addInitScript(installOverflowProbe)` as `window.__overflow`:
 *
 * - `measure(root)` finds every visible element under root (the body by
 *   default), and every piece of text running out of its element, that
 *   reaches past the viewport's right edge and is not clipped by a scroll
 *   container of its own (a wide table or timeline scrolling inside its box is fine; the page
 *   scrolling sideways is not);
 * - `exercise(island)` uses a widget the way a reader would (opens its
 *   disclosures, runs it, picks every option of every select with its
 *   checkboxes off and on (again only the selects those relabel; a long list
 *   sampled), types an over-long word into each text field,
 *   steps through timelines, adds a row where it can) and measures after
 *   every step (the widget's own elements and the page's width), keeping the
 *   worst state and what led to it.
 *
 * Everything here runs in the browser, so it must not refer to anything
 * outside the function body (Playwright serialises it as source text).
 */

export interface Offender {
  /** Tag, classes and a few ancestors, then the start of its text. */
  readonly name: string;
  readonly width: number;
  readonly right: number;
}

export interface Overflow {
  readonly viewport: number;
  readonly scrollWidth: number;
  /** Widest first. */
  readonly offenders: readonly Offender[];
}

export interface WorstState {
  /** What the reader had done when the page was widest. */
  readonly after: string;
  readonly overflow: Overflow;
  /** How many states were measured. */
  readonly states: number;
}

export interface OverflowProbe {
  measure(root?: Element): Overflow;
  /** `full`: every select's options too; without it, a lighter pass for a second widget of a kind already used on the page. */
  exercise(island: Element, full?: boolean): Promise<WorstState>;
}

declare global {
  interface Window {
    __overflow: OverflowProbe;
  }
}

export function installOverflowProbe(): void {
  /** A class name that says something (not a scoping hash from Svelte or Astro). */
  const meaningful = (c: string): boolean => !/^(svelte|astro)-[a-z0-9]+$/i.test(c);

  function describe(el: Element): string {
    const part = (e: Element): string => {
      const classes = [...e.classList].filter(meaningful).slice(0, 2);
      return e.tagName.toLowerCase() + (e.id ? `#${e.id}` : '') + classes.map((c) => `.${c}`).join('');
    };
    const parts: string[] = [];
    for (let e: Element | null = el; e && e !== document.body && parts.length < 4; e = e.parentElement) parts.unshift(part(e));
    const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40);
    return parts.join(' > ') + (text ? ` "${text}"` : '');
  }

  /**
   * Visible elements under `root` that reach past the viewport's right edge.
   * An element that clips or scrolls its overflow is measured itself, its
   * content is not (html and body do not count as such: clipping there
   * would hide content, not scroll it).
   */
  function measure(root: Element = document.body): Overflow {
    const viewport = document.documentElement.clientWidth;
    const offenders: Offender[] = [];
    const range = document.createRange();
    const visit = (el: Element): void => {
      const box = el.getBoundingClientRect();
      if (box.right > viewport + 0.5 && box.width > 0 && box.height > 0 && el.checkVisibility({ visibilityProperty: true })) {
        offenders.push({ name: describe(el), width: Math.round(box.width), right: Math.round(box.right) });
      }
      if (el !== document.body && getComputedStyle(el).overflowX !== 'visible') return;
      for (const child of el.childNodes) {
        if (child instanceof Element) visit(child);
        else if (child instanceof Text && child.data.trim() !== '') {
          // Text that runs out of its element's box (an unbreakable word) widens the page without any element doing so.
          range.selectNodeContents(child);
          for (const line of range.getClientRects()) {
            if (line.right > viewport + 0.5 && line.right > box.right + 0.5) {
              offenders.push({ name: `text in ${describe(el)}`, width: Math.round(line.width), right: Math.round(line.right) });
              break;
            }
          }
        }
      }
    };
    visit(root);
    offenders.sort((a, b) => b.width - a.width || b.right - a.right);
    return { viewport, scrollWidth: document.documentElement.scrollWidth, offenders: offenders.slice(0, 5) };
  }

  const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

  /** Until the widget has rendered (Svelte flushes in a microtask) and no result is marked busy (a race running in its worker). */
  async function settle(): Promise<void> {
    await sleep(0);
    const start = performance.now();
    while (document.querySelector('[aria-busy="true"]') && performance.now() - start < 10_000) await sleep(5);
    await sleep(0);
  }

  const visible = (el: Element): boolean => el.checkVisibility({ visibilityProperty: true });
  const nameOf = (el: Element): string =>
    el.getAttribute('aria-label') ?? (el as HTMLInputElement).labels?.[0]?.textContent?.trim() ?? el.textContent?.trim() ?? el.tagName;

  function change(el: HTMLSelectElement | HTMLInputElement | HTMLTextAreaElement, value: string): void {
    el.value = value;
    el.dispatchEvent(new Event('input', { bubbles: true }));
    el.dispatchEvent(new Event('change', { bubbles: true }));
  }

  async function exercise(island: Element, full = true): Promise<WorstState> {
    // An island is display: contents; its widget is what scrolls into view and starts a client:visible island.
    (island.firstElementChild ?? island).scrollIntoView();
    const hydratedBy = performance.now() + 10_000;
    while (island.hasAttribute('ssr') && performance.now() < hydratedBy) await sleep(20);
    await settle();

    let worst: WorstState = { after: 'loading', overflow: measure(island), states: 1 };
    let states = 1;
    const record = (after: string): void => {
      states += 1;
      const overflow = measure(island);
      // The widget's own elements only: the page's width may still carry an earlier widget's overflow.
      const excess = (o: Overflow): number => Math.max(0, ...o.offenders.map((x) => x.right - o.viewport));
      if (excess(overflow) > excess(worst.overflow)) worst = { after, overflow, states };
    };
    const all = <T extends Element>(selector: string): T[] => [...island.querySelectorAll<T>(selector)].filter(visible);
    const buttons = (pattern: RegExp): HTMLButtonElement[] =>
      all<HTMLButtonElement>('button').filter((b) => pattern.test(b.textContent?.trim() ?? '') && !b.disabled);

    // Disclosures inside disclosures show once the outer one is open: look again until none is closed.
    for (let round = 0; round < 5; round++) {
      const closed = all<HTMLDetailsElement>('details:not([open])');
      if (closed.length === 0) break;
      for (const details of closed) {
        details.open = true;
        await settle();
        record(`opening "${details.querySelector('summary')?.textContent?.trim()}"`);
      }
    }
    for (const run of buttons(/^Run$/)) {
      run.click();
      await settle();
      record('Run');
    }

    /**
     * A select's options, or for a long list (the 256 MAIR bytes) the 12
     * with the longest labels (the longest names give the widest results)
     * and 12 spread evenly over the rest.
     */
    function sample(select: HTMLSelectElement): HTMLOptionElement[] {
      const options = [...select.options].filter((o) => !o.disabled);
      if (options.length <= 24) return options;
      const longest = [...options].sort((a, b) => (b.textContent?.length ?? 0) - (a.textContent?.length ?? 0)).slice(0, 12);
      const rest = options.filter((o) => !longest.includes(o));
      const spread = Array.from({ length: 12 }, (_, k) => rest[Math.floor((k * rest.length) / 12)]!);
      return [...longest, ...spread];
    }

    async function everyOption(pass: string, only?: (select: HTMLSelectElement) => boolean): Promise<void> {
      // Selects are found again after each one: a change can re-render the controls.
      for (let i = 0; ; i++) {
        const select = all<HTMLSelectElement>('select')[i];
        if (!select) break;
        if (select.disabled || (only && !only(select))) continue;
        const original = select.value;
        const label = nameOf(select);
        for (const option of sample(select)) {
          if (!select.isConnected) break;
          change(select, option.value);
          await settle();
          record(`${pass}setting "${label}" to "${option.textContent?.trim()}"`);
        }
        if (select.isConnected && [...select.options].some((o) => o.value === original)) {
          change(select, original);
          await settle();
        }
      }
    }
    const labelsOf = (select: HTMLSelectElement): string => [...select.options].map((o) => o.text).join('\n');
    const optionLabels = (): Map<string, string> => new Map(all<HTMLSelectElement>('select').map((select) => [nameOf(select), labelsOf(select)]));
    if (full) await everyOption('');
    const boxes = all<HTMLInputElement>('input[type="checkbox"]');
    if (boxes.length > 0) {
      const before = optionLabels();
      for (const box of boxes) box.click();
      await settle();
      record(`toggling ${boxes.map(nameOf).join(', ')}`);
      // Again the selects whose options the checkboxes relabelled (FWB renames the stage-2 encodings).
      if (full) await everyOption('with the checkboxes toggled, ', (select) => before.get(nameOf(select)) !== labelsOf(select));
      for (const box of boxes.filter((b) => b.isConnected)) box.click();
      await settle();
    }

    const longWord = `0x${'f'.repeat(24)}_no_such_name_${'x'.repeat(24)}`;
    for (const field of all<HTMLInputElement | HTMLTextAreaElement>('input[type="text"], input:not([type]), textarea')) {
      if (field.readOnly || field.disabled) continue;
      const original = field.value;
      change(field, longWord);
      await settle();
      record(`typing a ${longWord.length}-character word into "${nameOf(field)}"`);
      change(field, original);
      await settle();
    }

    for (const next of buttons(/^Next step$/)) {
      for (let step = 1; step <= 100 && next.isConnected && next.getAttribute('aria-disabled') !== 'true'; step++) {
        next.click();
        await settle();
        record(`stepping the timeline to step ${step}`);
      }
    }
    for (const add of buttons(/^Add /)) {
      add.click();
      await settle();
      record(`"${add.textContent?.trim()}"`);
    }
    return { ...worst, states };
  }

  window.__overflow = { measure, exercise };
}

/** One line per offender, for a failure message. */
export function describeOverflow(where: string, overflow: Overflow): string {
  const lines = [`${where}: the page is ${overflow.scrollWidth} px wide in a ${overflow.viewport} px viewport`];
  const [widest, ...rest] = overflow.offenders;
  if (widest) lines.push(`  widest offending element: ${widest.name}, ${widest.width} px wide, reaching ${widest.right} px`);
  for (const o of rest) lines.push(`  also: ${o.name}, ${o.width} px wide, reaching ${o.right} px`);
  return lines.join('\n');
}

export const fits = (overflow: Overflow): boolean => overflow.scrollWidth <= overflow.viewport && overflow.offenders.length === 0;
