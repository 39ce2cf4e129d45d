/**
 * The scenario language: line based, one directive per line, `#`
 * comments. A guest or host op list may span several lines, by repeating
 * the directive (the ops append), by ending a line with `;` (the next line
 * carries more ops), or by folding as mail headers do: an indented line
 * that starts with an op of the program above continues it. Anything
 * unknown is an error with file:line:column and what was expected, never
 * silently ignored.
 */
import { guestStage2FromKvm, KernelReleaseError, KvmStage2Error, parsePgprot } from '../../kvm/index.ts';
import { ScenarioError } from './errors.ts';
import { GuestTypeError, resolveGuestType } from '../guest-type.ts';
import { isKnobName, PATH_ORDER_KNOBS, PATH_ORDER_SHORTHAND } from '../knobs.ts';
import { splitOps, splitWords, stripComment, parseSwitch, type Word } from './lines.ts';
import { isOpName, orList, parseGuestOp, parseHostOp, type OpContext } from './ops.ts';
import { RESET_METHODS, resetMethodsOn, type ResetMethod } from '../vocabulary/reset-methods.ts';
import { HOST_OPS } from '../vocabulary/host-ops.ts';
import {
  KNOB_NAMES,
  VCPU_DIRECTIVES,
  type GuestOp,
  type KvmDirectives,
  type HostOp,
  type KnobName,
  type Platform,
  type Scenario,
  type VcpuName,
  type Verdict,
} from '../types.ts';

/**
 * Guest stores of all vCPUs together. The model has no limit of its own
 * (a set of stores is a bigint, model.ts); the language's keeps scenarios
 * near what the explorer can answer within its state budget: four vCPUs
 * of sixteen stores each.
 */
export const MAX_GUEST_STORES = 64;

/** Every directive of the language, in the order the printer writes them. */
export const DIRECTIVE_NAMES: readonly string[] = ['title', 'platform', 'fwb', 'guest-s1', 'guest-s2', 'kernel', 'vma', 'option', ...VCPU_DIRECTIVES, 'host', 'expect'];

const DIRECTIVES = `${DIRECTIVE_NAMES.slice(0, -1).join(', ')} or ${DIRECTIVE_NAMES.at(-1)}`;

interface Position {
  readonly line: number;
  readonly col: number;
}

/** A program directive: a vCPU's (`guest`, `guest1`, ...) or the host's. */
type Program = VcpuName | 'host';

function isVcpuDirective(word: string): word is VcpuName {
  return (VCPU_DIRECTIVES as readonly string[]).includes(word);
}

class Parse {
  readonly file: string;
  readonly seen = new Map<string, Position>();
  readonly values = new Map<string, Word>();
  title: string | undefined;
  readonly options: Partial<Record<KnobName, boolean>> = {};
  readonly optionAt = new Map<KnobName, Position>();
  /** Each vCPU's ops, by directive, in the order the file first gives them. */
  readonly vcpus = new Map<VcpuName, { ops: GuestOp[]; at: Position }>();
  readonly host: HostOp[] = [];
  stores = 0;
  readonly resets: { method: ResetMethod; at: Position }[] = [];
  /** The host's last `dc civac` that no DSB has completed yet (M-cache-dc-civac). */
  uncompletedClean: { text: string; at: Position } | undefined;
  /** `vma <pgprot> [allow-any-uncached]`, with the position of its protection. */
  vma: { directives: Omit<KvmDirectives, 'kernel'>; at: Position } | undefined;
  /** Set while a program's op list continues on the next line (it ended with `;`). */
  continued: { program: Program; at: Position } | undefined;
  /** The program of the last guest/host line, which an indented line of its ops continues. */
  folding: Program | undefined;
  /** The directive each line with words belongs to (a program's continued and folded lines included), by 1-based line. */
  readonly owners = new Map<number, string>();

  constructor(file: string) {
    this.file = file;
  }

  fail(at: Position, detail: string): never {
    throw new ScenarioError(this.file, at.line, at.col, detail);
  }

  once(name: string, at: Position): void {
    const first = this.seen.get(name);
    if (first) this.fail(at, `duplicate '${name}' (first given at line ${first.line}); expected it once`);
    this.seen.set(name, at);
  }

  line(text: string, line: number): void {
    const content = stripComment(text);
    if (this.continued) {
      if (splitWords(content).length === 0) return;
      this.owners.set(line, this.continued.program);
      this.ops(this.continued.program, content, 1, line);
      return;
    }
    const [directive, ...rest] = splitWords(content);
    if (!directive) return;
    this.owners.set(line, directive.text);
    const at = { line, col: directive.col };
    const after = { line, col: directive.col + directive.text.length };
    const folding = this.folding;
    if (folding && directive.col > 1 && isOpName(folding === 'host' ? 'host' : 'guest', splitOps(content, 1)[0]?.words[0]?.text ?? '')) {
      this.owners.set(line, folding);
      this.ops(folding, content, directive.col, line);
      return;
    }
    if (!isVcpuDirective(directive.text) && directive.text !== 'host') this.folding = undefined;
    if (isVcpuDirective(directive.text)) {
      if (!this.vcpus.has(directive.text)) this.vcpus.set(directive.text, { ops: [], at });
      this.ops(directive.text, content, after.col, line);
      return;
    }
    switch (directive.text) {
      case 'title': {
        this.once('title', at);
        const title = content.slice(after.col - 1).trim();
        if (title === '') this.fail(after, "expected a title after 'title'");
        this.title = title;
        return;
      }
      case 'platform':
      case 'fwb':
      case 'guest-s1':
      case 'guest-s2':
      case 'kernel':
      case 'expect':
        this.once(directive.text, at);
        this.values.set(directive.text, this.oneValue(directive.text, rest, after, line));
        return;
      case 'vma':
        this.once('vma', at);
        this.vmaDirective(rest, after, line);
        return;
      case 'option':
        if (rest.length === 0) this.fail(after, "expected name=value after 'option' (e.g. early-ack=no)");
        for (const word of rest) this.option(word, line);
        return;
      case 'host':
        this.ops('host', content, after.col, line);
        return;
      default:
        this.fail(at, `unknown directive '${directive.text}'; expected ${DIRECTIVES}`);
    }
  }

  oneValue(name: string, words: readonly Word[], after: Position, line: number): Word {
    const [value, extra] = words;
    if (!value) this.fail(after, `expected a value after '${name}'`);
    if (extra) this.fail({ line, col: extra.col }, `unexpected '${extra.text}' after '${name} ${value.text}'; expected end of line`);
    return value;
  }

  /** `vma <pgprot> [allow-any-uncached]`: the VMM's VM_PFNMAP mapping of the device memory. */
  vmaDirective(words: readonly Word[], after: Position, line: number): void {
    const [prot, flag, extra] = words;
    if (!prot) this.fail(after, "expected a protection after 'vma' (noncached, device, writecombine or cacheable)");
    const pgprot = parsePgprot(prot.text);
    if (!pgprot) this.fail({ line, col: prot.col }, `unknown protection '${prot.text}'; expected noncached, device, writecombine or cacheable`);
    if (flag && flag.text !== 'allow-any-uncached') this.fail({ line, col: flag.col }, `unexpected '${flag.text}' after 'vma ${prot.text}'; expected allow-any-uncached or end of line`);
    if (extra) this.fail({ line, col: extra.col }, `unexpected '${extra.text}' after 'vma ${prot.text} ${flag?.text ?? ''}'; expected end of line`);
    this.vma = { directives: { vma: pgprot, allowAnyUncached: flag !== undefined }, at: { line, col: prot.col } };
  }

  /**
   * The guest's stage 2: `guest-s2` as written, or what KVM installs for
   * `kernel` and `vma` (the same value spelled as a raw MemAttr, so the
   * race is the one `guest-s2 <that value>` gives).
   */
  guestS2(fwb: boolean): { s2: Word; at: Position; kvm?: KvmDirectives } {
    const given = this.values.get('guest-s2');
    const kernel = this.values.get('kernel');
    const vma = this.vma;
    if (given && (kernel || vma)) {
      this.fail(kernel ? this.wordAt('kernel') : (vma?.at ?? this.wordAt('guest-s2')), "'kernel' and 'vma' stand for 'guest-s2'; expected one or the other, not both");
    }
    if (given) return { s2: given, at: this.wordAt('guest-s2') };
    if (!kernel && !vma) this.fail({ line: 1, col: 1 }, "missing 'guest-s2' directive; expected 'guest-s2 <name or S2 MemAttr>', or 'kernel <release>' with 'vma <pgprot>'");
    if (!vma) this.fail(this.wordAt('kernel'), "'kernel' without 'vma'; expected 'vma <pgprot> [allow-any-uncached]' to say how the VMM maps the device");
    if (!kernel) this.fail(vma.at, "'vma' without 'kernel'; expected 'kernel <release>' (e.g. kernel 6.9) to say which KVM maps it");
    try {
      const { guestS2 } = guestStage2FromKvm(kernel.text, vma.directives.vma, vma.directives.allowAnyUncached, fwb);
      return { s2: { text: guestS2, col: vma.at.col }, at: vma.at, kvm: { kernel: kernel.text, ...vma.directives } };
    } catch (error) {
      if (error instanceof KernelReleaseError) this.fail(this.wordAt('kernel'), error.message);
      if (error instanceof KvmStage2Error) this.fail(vma.at, error.message);
      throw error;
    }
  }

  option(word: Word, line: number): void {
    const eq = word.text.indexOf('=');
    if (eq < 0) this.fail({ line, col: word.col }, `expected name=value, got '${word.text}'`);
    const name = word.text.slice(0, eq);
    const shorthand = name === PATH_ORDER_SHORTHAND;
    if (!isKnobName(name) && !shorthand) {
      this.fail({ line, col: word.col }, `unknown knob '${name}'; expected one of ${KNOB_NAMES.join(', ')} (or ${PATH_ORDER_SHORTHAND})`);
    }
    const value = parseSwitch(word.text.slice(eq + 1));
    if (value === undefined) this.fail({ line, col: word.col + eq + 1 }, `expected yes or no for '${name}'`);
    // M-path-order-shorthand: path-order=v sets write-order=v and np-pushes=v.
    for (const knob of shorthand ? PATH_ORDER_KNOBS : [name as KnobName]) {
      const first = this.optionAt.get(knob);
      if (first) this.fail({ line, col: word.col }, `duplicate knob '${knob}' (first set at line ${first.line}${shorthand ? ', path-order sets write-order and np-pushes' : ''})`);
      this.optionAt.set(knob, { line, col: word.col });
      this.options[knob] = value;
    }
  }

  /** Parses the ops of `content` from column `col`; a trailing `;` continues the list on the next line. */
  ops(program: Program, content: string, col: number, line: number): void {
    const ctx: OpContext = { file: this.file, line };
    const segments = splitOps(content.slice(col - 1), col);
    this.continued = undefined;
    this.folding = program;
    // A vCPU directive alone declares the vCPU with an empty program (the printer writes it so when a later vCPU has ops).
    if (program !== 'host' && segments.length === 1 && segments[0]?.words.length === 0) return;
    segments.forEach((segment, index) => {
      const [first, ...more] = segment.words;
      if (first) {
        this.op(program, ctx, [first, ...more]);
      } else if (index === segments.length - 1 && index > 0) {
        this.continued = { program, at: { line, col: segments[index - 1]?.col ?? col } };
      } else {
        this.fail({ line, col: segment.col }, `expected a ${program} op${index > 0 ? " after ';'" : ''}`);
      }
    });
  }

  op(program: Program, ctx: OpContext, words: [Word, ...Word[]]): void {
    if (program === 'host') {
      const op = parseHostOp(ctx, words);
      this.checkClean(op, words, ctx.line);
      if (op.op === 'reset') this.resets.push({ method: op.method, at: { line: ctx.line, col: words[1]?.col ?? 0 } });
      this.host.push(op);
      return;
    }
    const op = parseGuestOp(ctx, words);
    if (op.op === 'store' && (this.stores += 1) > MAX_GUEST_STORES) {
      this.fail({ line: ctx.line, col: words[0].col }, `too many guest stores; expected at most ${MAX_GUEST_STORES} over all vCPUs`);
    }
    this.vcpus.get(program)?.ops.push(op);
  }

  /** The vCPU programs: `guest` is required for any other, and guest<k> needs guest<k-1> (vCPUs are numbered without gaps). */
  programs(): Pick<Scenario, 'guest' | 'guest1' | 'guest2' | 'guest3'> {
    const programs: Partial<Record<VcpuName, GuestOp[]>> = {};
    VCPU_DIRECTIVES.forEach((name, k) => {
      const given = this.vcpus.get(name);
      if (!given) return;
      const previous = VCPU_DIRECTIVES[k - 1];
      if (previous && !this.vcpus.has(previous)) this.fail(given.at, `'${name}' without '${previous}'; expected the vCPUs numbered from guest without gaps`);
      programs[name] = given.ops;
    });
    return { guest: programs.guest ?? [], ...programs };
  }

  required(name: string, expected: string): Word {
    const value = this.values.get(name);
    if (!value) this.fail({ line: 1, col: 1 }, `missing '${name}' directive; expected '${name} ${expected}'`);
    return value;
  }

  finish(): Scenario {
    if (this.continued) this.fail(this.continued.at, "expected another op after ';' but the file ends");
    const platform = this.platform();
    const fwb = this.fwb();
    const s1 = this.required('guest-s1', '<name or MAIR byte>');
    const stage2 = this.guestS2(fwb);
    const s2 = stage2.s2;
    this.checkKnobs();
    for (const reset of this.resets) this.checkReset(reset.method, reset.at, platform);
    this.checkGuestType(s1, s2, fwb, stage2.at);
    const expect = this.expect();
    return {
      ...(this.title === undefined ? {} : { title: this.title }),
      platform,
      fwb,
      guestS1: s1.text,
      guestS2: s2.text,
      ...(stage2.kvm ? { kvm: stage2.kvm } : {}),
      options: this.options,
      ...this.programs(),
      host: this.host,
      ...(expect === undefined ? {} : { expect }),
    };
  }

  wordAt(name: string): Position {
    const word = this.values.get(name);
    const at = this.seen.get(name);
    return { line: at?.line ?? 1, col: word?.col ?? 1 };
  }

  platform(): Platform {
    const word = this.required('platform', 'pcie|soc');
    if (word.text !== 'pcie' && word.text !== 'soc') this.fail(this.wordAt('platform'), `unknown platform '${word.text}'; expected pcie or soc`);
    return word.text;
  }

  fwb(): boolean {
    const word = this.values.get('fwb');
    if (!word) return false;
    const value = parseSwitch(word.text);
    if (value === undefined) this.fail(this.wordAt('fwb'), `expected on or off for 'fwb', got '${word.text}'`);
    return value;
  }

  expect(): Verdict | undefined {
    const word = this.values.get('expect');
    if (!word) return undefined;
    if (word.text !== 'safe' && word.text !== 'unsafe') this.fail(this.wordAt('expect'), `expected safe or unsafe after 'expect', got '${word.text}'`);
    return word.text;
  }

  checkKnobs(): void {
    const at = this.optionAt.get('guest-stops');
    if (at && this.options['same-pe'] === true && this.options['guest-stops'] === false) {
      this.fail(at, 'same-pe=yes implies guest-stops=yes (the host runs after the guest exits); expected guest-stops=yes or no setting');
    }
  }

  /**
   * M-cache-dc-civac: a clean by address may execute after a later Device
   * load or store of the same PE unless a DSB, or a DMB for loads and
   * stores, comes between them (DDI0487 M.a.a, D7.5.9.15). The model sends
   * a clean's write-backs at once, which would order them ahead of a
   * later read or reset; so the language asks for the DSB that makes that
   * order true, and refuses a program without one.
   */
  checkClean(op: HostOp, words: readonly Word[], line: number): void {
    const text = words.map((w) => w.text).join(' ');
    const at = { line, col: words[0]?.col ?? 1 };
    const role = HOST_OPS[op.op].toClean;
    if (role === 'clean') this.uncompletedClean ??= { text, at };
    else if (role === 'completes') this.uncompletedClean = undefined;
    else if (this.uncompletedClean) {
      const clean = this.uncompletedClean;
      this.fail(
        at,
        `'${text}' follows '${clean.text}' (line ${clean.at.line}) with no 'dsb' between: the clean may take effect after this Device access ` +
          `(DDI0487 M.a.a, D7.5.9.15; M-cache-dc-civac); expected 'dsb' (or 'unmap-s2', whose DSB waits too) after '${clean.text}'`,
      );
    }
  }

  checkReset(method: ResetMethod, at: Position, platform: Platform): void {
    const allowed = resetMethodsOn(platform);
    if (allowed.includes(method)) return;
    const needs = orList(RESET_METHODS[method].platforms);
    this.fail(at, `'reset ${method}' needs platform ${needs}; expected ${orList(allowed.map((m) => `reset ${m}`))} on ${platform}`);
  }

  checkGuestType(s1: Word, s2: Word, fwb: boolean, s2At: Position): void {
    try {
      resolveGuestType(s1.text, s2.text, fwb);
    } catch (error) {
      const input = error instanceof GuestTypeError ? error.input : 'guest-s2';
      const message = error instanceof Error ? error.message : String(error);
      this.fail(input === 'guest-s1' ? this.wordAt(input) : s2At, `${input} ${input === 'guest-s1' ? s1.text : s2.text}: ${message}`);
    }
  }
}

/**
 * Which directive each line of `text` belongs to (1-based line number to
 * the directive's word; the lines a program continues or folds onto are its
 * own), as far as the parser reads it: lines after an error it stops at
 * are absent, an error found once every line is read (a reset method the
 * platform lacks) changes nothing. For editing a text in place
 * (language/edit.ts).
 */
export function directiveLines(text: string): ReadonlyMap<number, string> {
  const parse = new Parse('<scenario>');
  try {
    text.split(/\r\n|\r|\n/).forEach((line, index) => parse.line(line, index + 1));
  } catch (error) {
    if (!(error instanceof ScenarioError)) throw error;
  }
  return parse.owners;
}

/** Parses scenario text; `file` names it in error messages. Throws only ScenarioError. */
export function parseScenario(text: string, file = '<scenario>'): Scenario {
  const parse = new Parse(file);
  text.split(/\r\n|\r|\n/).forEach((line, index) => parse.line(line, index + 1));
  return parse.finish();
}
