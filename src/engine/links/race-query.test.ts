import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SHIPPED } from '../../shipped-scenarios.ts';
import { checkScenario } from '../race/explore/check.ts';
import { parseScenario } from '../race/language/parser.ts';
import { printScenario } from '../race/language/printer.ts';
import { multiVcpuScenario, scenario } from '../race/language/scenario-arbitrary.ts';
import { MODEL_VERSION } from '../version.ts';
import { checkRaceHash, raceLink, raceQuery, readRaceQuery } from './race-query.ts';
import { raceReport } from './race-report.ts';
import { renderRaceText } from '../format/race-text.ts';
import { textHash } from '../format/text-hash.ts';

const shipped = SHIPPED;
const text = (name: string): string => shipped.get(name) ?? '';
const restored = (search: string) => {
  const { text: restoredText, problems } = readRaceQuery(search, shipped);
  return { scenario: restoredText === undefined ? undefined : parseScenario(restoredText), problems };
};

describe('race explorer links', () => {
  it('name an unmodified shipped scenario, and reopen its file text exactly', () => {
    for (const [name, file] of shipped) {
      const query = raceQuery(parseScenario(file), shipped);
      expect(query).toBe(`?v=${MODEL_VERSION}&scenario=${name}&h=${textHash(printScenario(parseScenario(file)))}`);
      expect(readRaceQuery(query, shipped)).toEqual({ text: file, problems: [] });
    }
  });

  it('write any other scenario one parameter per directive, and restore it exactly', () => {
    const edited = parseScenario(text('soc-nc-unmap-ctrl').replace('host unmap-s2; reset ctrl', 'host unmap-s2; read 0x0; reset ctrl') + 'option early-ack=no\n');
    expect(raceLink('https://example.org/', edited, shipped)).toBe(
      `https://example.org/play/race/?v=${MODEL_VERSION}&title=SoC%2C+Normal-NC%3A+stage-2+unmap%2C+then+reset+controller&platform=soc&s1=Normal-NC&s2=Normal-NC` +
        `&early-ack=no&guest=store+0x0;store+0x8&host=unmap-s2;read+0x0;reset+ctrl&expect=unsafe&h=${textHash(printScenario(edited))}`,
    );
    fc.assert(
      fc.property(scenario(), (s) => {
        const back = restored(raceQuery(s, shipped));
        expect(back.problems).toEqual([]);
        expect(back.scenario).toEqual(parseScenario(printScenario(s)));
      }),
    );
  });

  it('carry each further vCPU as guest1..guest3, an empty program included, and restore them exactly', () => {
    const edited = parseScenario(`${text('soc-nc-unmap-ctrl')}guest1 store 0x40; dsb\nguest2\n`);
    const query = raceQuery(edited, shipped);
    expect(query).toContain('&guest=store+0x0;store+0x8&guest1=store+0x40;dsb&guest2=&host=');
    expect(restored(query)).toEqual({ scenario: edited, problems: [] });
    // A vCPU without the ones before it is the parser's error, named by its parameter.
    const gap = restored(query.replace('&guest1=store+0x40;dsb', ''));
    expect(gap.problems).toEqual([expect.stringMatching(/^parameter 'guest2': 'guest2' without 'guest1'/)]);
    fc.assert(
      // The language has no way to write an empty vCPU 0 beside further vCPUs (a bare `guest` is an error), so those are left out.
      fc.property(multiVcpuScenario().filter((s) => s.guest.length > 0), (s) => {
        const back = restored(raceQuery(s, shipped));
        expect(back.problems).toEqual([]);
        expect(back.scenario).toEqual(parseScenario(printScenario(s)));
      }),
      { numRuns: 60 },
    );
  });

  it('leave the widget its own scenario when nothing in the query applies', () => {
    expect(readRaceQuery('', shipped)).toEqual({ problems: [] });
    expect(readRaceQuery('?colour=red&platform=arm', shipped).text).toBeUndefined();
    expect(readRaceQuery('?platform=soc', shipped).text).toBeUndefined();
  });

  it('name a malformed or unknown parameter and apply the others', () => {
    const back = restored('?platform=soc&s1=Device-nGnRE&guest=store+0x0;frob&host=unmap-s2;reset+ctrl&colour=red&early-ack=maybe');
    expect(back.problems).toEqual([
      "unknown parameter 'colour'",
      "parameter 'early-ack': expected yes or no for 'early-ack'",
      "parameter 'guest': unknown guest op 'frob'; expected 'store <offset>', 'dmb' or 'dsb'",
    ]);
    expect(back.scenario).toMatchObject({ platform: 'soc', guestS1: 'Device-nGnRE', guest: [{ op: 'store', offset: 0 }, { op: 'store', offset: 8 }], options: {} });
    expect(restored('?scenario=nope&host=dsb').problems).toEqual(["parameter 'scenario': no shipped scenario 'nope'"]);
  });

  it('blame the parameter that conflicts with a default line, not the default', () => {
    // The default host ends with `reset flr`, which is only valid on pcie.
    const back = restored('?platform=soc&s1=Device-nGnRE');
    expect(back.problems).toEqual(["parameter 'platform': 'reset flr' needs platform pcie; expected reset ctrl, reset reg or reset acpi on soc"]);
    expect(back.scenario).toMatchObject({ platform: 'pcie', guestS1: 'Device-nGnRE' });
  });

  it('keep each parameter on its own line: no injected directives or comments', () => {
    const back = restored('?title=a%0Aexpect+safe&host=dsb%23x&guest=store+0x0;&s1=Device-nGnRE');
    expect(back.problems).toHaveLength(3);
    expect(back.scenario).toMatchObject({ guestS1: 'Device-nGnRE', host: [{ op: 'unmap-s2' }, { op: 'reset', method: 'flr' }] });
    expect(back.scenario?.expect).toBeUndefined();
  });

  it('survive arbitrary parameter values, always giving a valid scenario', () => {
    const names = ['scenario', 'title', 'platform', 'fwb', 's1', 's2', 'guest-stops', 'same-pe', 'guest', 'host', 'expect', 'x'];
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...names), fc.string({ unit: 'binary' }))), (pairs) => {
        const back = readRaceQuery(`?${new URLSearchParams(pairs)}`, shipped);
        if (back.text !== undefined) parseScenario(back.text);
      }),
      { numRuns: 60 },
    );
  });

  it('end the CLI report with the link, after the 70-column text, under a line naming the command that reads it', () => {
    const check = checkScenario(text('soc-nc-unmap-ctrl'), { file: 'scenarios/soc-nc-unmap-ctrl.race' });
    expect(raceReport(check, 'http://localhost:4321', shipped)).toBe(
      `${renderRaceText(check)}Link (model version ${MODEL_VERSION}; terminal: npm run -s cli -- link '<link>'):\nhttp://localhost:4321/play/race/?v=${MODEL_VERSION}&scenario=soc-nc-unmap-ctrl&h=${textHash(printScenario(check.scenario))}\n`,
    );
  });

  describe('the h= check on the canonical scenario text', () => {
    const canonical = (t: string): string => printScenario(parseScenario(t));
    const read = (search: string) => checkRaceHash(search, readRaceQuery(search, shipped), canonical);
    const edited = parseScenario(text('soc-nc-unmap-ctrl').replace('store 0x8', 'store 0x10'));

    it('a link as written restores its scenario', () => {
      fc.assert(
        fc.property(scenario(), (s) => {
          const back = read(raceQuery(s, shipped));
          expect(back.problems).toEqual([]);
          expect(back.text).toBeDefined();
        }),
        { numRuns: 50 },
      );
    });

    it('a link whose parameters changed on the way is reported and nothing from it is run', () => {
      const query = raceQuery(edited, shipped);
      for (const damaged of [query.replace('store+0x10', 'store+0x1'), query.replace('&host=', '&host=dsb;'), query.replace(/&expect=[^&]*/, '')]) {
        const back = read(damaged);
        // The text the link decodes to is kept, to show the reader; the problem is what keeps it from running.
        expect(back.text).toBeDefined();
        expect(back.problems.at(-1)).toMatch(/^the scenario it describes does not match its check h=[0-9a-f]{8}: /);
      }
    });

    it('a shipped scenario link checks the named file', () => {
      const query = raceQuery(parseScenario(text('soc-nc-unmap-ctrl')), shipped);
      expect(read(query)).toEqual({ text: text('soc-nc-unmap-ctrl'), problems: [] });
      expect(read(query.replace(/h=[0-9a-f]+/, 'h=00000000')).problems).toHaveLength(1);
      // A shipped scenario's name alone, as pages cite one, needs no check.
      expect(read('?scenario=soc-nc-unmap-ctrl')).toEqual({ text: text('soc-nc-unmap-ctrl'), problems: [] });
    });

    it('a spelled-out link without h is read, but as a problem: it may have been cut before its h', () => {
      const back = read('?platform=soc&host=unmap-s2;reset+ctrl');
      expect(back.text).toContain('reset ctrl');
      expect(back.problems).toEqual([expect.stringMatching(/^the link has no check h= /)]);
    });

    it('a scenario naming kernel and vma travels with them and passes its check', () => {
      const kvm = parseScenario('platform soc\nguest-s1 Normal-NC\nkernel 6.9\nvma noncached allow-any-uncached\nguest store 0x0\nhost unmap-s2; reset ctrl\n');
      const query = raceQuery(kvm, shipped);
      expect(query).toContain('&kernel=6.9&vma=noncached+allow-any-uncached&');
      expect(query).not.toContain('s2=');
      expect(read(query)).toEqual({ text: printScenario(kvm), problems: [] });
      // Over a shipped scenario with guest-s2, kernel and vma replace it; s2 over kernel and vma replaces them.
      expect(read('?scenario=soc-nc-unmap-ctrl&kernel=6.8&vma=device').text).toMatch(/^kernel 6\.8\nvma device$/m);
      expect(read(`${query.replace(/&h=.*$/, '')}&s2=Device-nGnRE`).text).toMatch(/^guest-s2 Device-nGnRE$/m);
    });
  });
});
