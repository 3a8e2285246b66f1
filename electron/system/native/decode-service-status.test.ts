import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decodeEnumServiceStatusProcess,
  decodeServiceStatusProcess,
  servicesByProcessId,
  type EnumServiceStatusProcess,
} from './decode-service-status';
import {
  ENUM_SERVICE_STATUS_PROCESSW,
  SERVICE_STATUS_PROCESS,
  writeStruct,
} from '../../../test/helpers/win32-layout-writer';

const BASE = 0x0000_01f2_3456_0000n;

interface Service {
  name: string;
  display: string;
  state: number;
  pid: number;
}

/** The array first, then the strings, as EnumServicesStatusExW fills the caller's buffer. */
const enumBuffer = (services: readonly Service[], base = BASE): Buffer => {
  const strings: Buffer[] = [];
  let stringOffset = ENUM_SERVICE_STATUS_PROCESSW.size * services.length;
  const pointers = services.map((service) => {
    const name = Buffer.from(`${service.name}\0`, 'utf16le');
    const display = Buffer.from(`${service.display}\0`, 'utf16le');
    const result = { name: base + BigInt(stringOffset), display: base + BigInt(stringOffset + name.length) };
    strings.push(name, display);
    stringOffset += name.length + display.length;
    return result;
  });
  const buffer = Buffer.alloc(stringOffset + 64);
  services.forEach((service, index) =>
    writeStruct(buffer, index * ENUM_SERVICE_STATUS_PROCESSW.size, ENUM_SERVICE_STATUS_PROCESSW, {
      lpServiceName: pointers[index]?.name ?? 0n,
      lpDisplayName: pointers[index]?.display ?? 0n,
      dwServiceType: 0x20,
      dwCurrentState: service.state,
      dwControlsAccepted: 1,
      dwProcessId: service.pid,
      dwServiceFlags: 1,
    }),
  );
  Buffer.concat(strings).copy(buffer, ENUM_SERVICE_STATUS_PROCESSW.size * services.length);
  return buffer;
};

describe('decodeEnumServiceStatusProcess (x64)', () => {
  it('is 56 bytes per entry by the documented member list', () => {
    expect(ENUM_SERVICE_STATUS_PROCESSW.size).toBe(56);
  });

  it('resolves the name pointers as offsets from the buffer address', () => {
    const services = [
      { name: 'Dnscache', display: 'DNS Client', state: 4, pid: 1240 },
      { name: 'iphlpsvc', display: 'IP Helper', state: 1, pid: 0 },
    ];
    expect(decodeEnumServiceStatusProcess(enumBuffer(services), 2, BASE)).toEqual([
      { serviceName: 'Dnscache', displayName: 'DNS Client', serviceType: 0x20, currentState: 4, processId: 1240 },
      { serviceName: 'iphlpsvc', displayName: 'IP Helper', serviceType: 0x20, currentState: 1, processId: 0 },
    ]);
  });

  it('reads no more entries than the count, nor than the buffer holds', () => {
    const buffer = enumBuffer([{ name: 'A', display: 'a', state: 4, pid: 1 }]);
    expect(decodeEnumServiceStatusProcess(buffer, 0, BASE)).toEqual([]);
    expect(decodeEnumServiceStatusProcess(buffer.subarray(0, 55), 1, BASE)).toEqual([]);
    expect(decodeEnumServiceStatusProcess(Buffer.alloc(0), 5, BASE)).toEqual([]);
  });

  it('skips an entry whose name pointer is NULL or outside the buffer; a bad display name gives ""', () => {
    const buffer = enumBuffer([
      { name: 'A', display: 'a', state: 4, pid: 1 },
      { name: 'B', display: 'b', state: 4, pid: 2 },
      { name: 'C', display: 'c', state: 4, pid: 3 },
    ]);
    writeStruct(buffer, 0, ENUM_SERVICE_STATUS_PROCESSW, { lpServiceName: 0n });
    writeStruct(buffer, 56, ENUM_SERVICE_STATUS_PROCESSW, { lpServiceName: BASE - 2n });
    writeStruct(buffer, 112, ENUM_SERVICE_STATUS_PROCESSW, { lpDisplayName: BASE + BigInt(buffer.length) });
    expect(decodeEnumServiceStatusProcess(buffer, 3, BASE)).toEqual([
      { serviceName: 'C', displayName: '', serviceType: 0x20, currentState: 4, processId: 3 },
    ]);
  });

  it('decodes what the documented layout encodes (random services, any base address)', () => {
    const service = fc.record({
      name: fc.string({ minLength: 1, maxLength: 30 }).filter((text) => !text.includes('\0')),
      display: fc.string({ maxLength: 60 }).filter((text) => !text.includes('\0')),
      state: fc.integer({ min: 1, max: 7 }),
      pid: fc.integer({ min: 0, max: 0xffff_ffff }),
    });
    fc.assert(
      fc.property(
        fc.array(service, { maxLength: 12 }),
        fc.bigInt({ min: 0x10000n, max: 0x7fff_ffff_0000n }),
        (services, base) => {
          const decoded = decodeEnumServiceStatusProcess(enumBuffer(services, base), services.length, base);
          // Lone surrogates come back as U+FFFD, as from any UTF-16 decoder.
          const wellFormed = (text: string): string => new TextDecoder('utf-16le').decode(Buffer.from(text, 'utf16le'));
          expect(
            decoded.map((entry) => [entry.serviceName, entry.displayName, entry.currentState, entry.processId]),
          ).toEqual(services.map((s) => [wellFormed(s.name), wellFormed(s.display), s.state, s.pid]));
        },
      ),
    );
  });
});

describe('servicesByProcessId', () => {
  const entry = (serviceName: string, currentState: number, processId: number): EnumServiceStatusProcess => ({
    serviceName,
    displayName: serviceName,
    serviceType: 0x20,
    currentState,
    processId,
  });

  it('groups services that have a process by pid, in SCM order; stopped ones are left out', () => {
    const map = servicesByProcessId([
      entry('BrokerInfrastructure', 4, 1240),
      entry('DcomLaunch', 4, 1240),
      entry('iphlpsvc', 1, 0),
      entry('Spooler', 3, 2000),
      entry('Weird', 1, 77),
    ]);
    expect([...map.entries()]).toEqual([
      [1240, ['BrokerInfrastructure', 'DcomLaunch']],
      [2000, ['Spooler']],
    ]);
  });
});

describe('decodeServiceStatusProcess', () => {
  it('reads dwCurrentState and dwProcessId at their documented offsets', () => {
    expect(SERVICE_STATUS_PROCESS.size).toBe(36);
    const buffer = Buffer.alloc(36);
    writeStruct(buffer, 0, SERVICE_STATUS_PROCESS, {
      dwServiceType: 1,
      dwCurrentState: 4,
      dwProcessId: 0,
      dwWaitHint: 9,
    });
    expect(decodeServiceStatusProcess(buffer)).toEqual({ serviceType: 1, currentState: 4, processId: 0 });
    expect(decodeServiceStatusProcess(Buffer.alloc(35))).toBeNull();
  });
});
