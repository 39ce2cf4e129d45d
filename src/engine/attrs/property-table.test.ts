import { describe, expect, it } from 'vitest';
import { propertyTable } from './property-table.ts';

describe('property table', () => {
  it('Device-nGnRE permits no gathering or reordering but early acknowledgement; Normal-NC permits all but caching (B2.10.1, B2.10.2)', () => {
    const { header, rows } = propertyTable(['Device-nGnRE', 'Normal-NC']);
    expect(header).toEqual(['Property', 'Device-nGnRE', 'Normal-NC']);
    const byLabel = new Map(rows.map(([label, ...cells]) => [label, cells]));
    expect(byLabel.get('Gathering')).toEqual(['no', 'yes']);
    expect(byLabel.get('Reordering')).toEqual(['no', 'yes']);
    expect(byLabel.get('Early write ack')).toEqual(['yes', 'yes']);
    expect(byLabel.get('Speculative reads')).toEqual(['no', 'yes']);
    expect(byLabel.get('Cacheable')).toEqual(['no', 'no']);
  });

  it('rejects a name it does not know', () => {
    expect(() => propertyTable(['Device-XYZ'])).toThrow(/Device-XYZ/);
  });
});
