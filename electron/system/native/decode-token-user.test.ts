import { describe, expect, it } from 'vitest';
import { decodeTokenUserSid } from './decode-token-user';
import { layoutOf, writeStruct } from '../../../test/helpers/win32-layout-writer';

/** "SID_AND_ATTRIBUTES structure (winnt.h)", the only member of TOKEN_USER. */
const SID_AND_ATTRIBUTES = layoutOf([
  ['Sid', 'POINTER'],
  ['Attributes', 'DWORD'],
]);

const BASE = 0x7ff6_0000_1000n;
/** S-1-5-18 (LocalSystem): revision 1, one sub-authority, authority 5, sub-authority 18. */
const LOCAL_SYSTEM = [1, 1, 0, 0, 0, 0, 0, 5, 18, 0, 0, 0];

const tokenUser = (sidOffset: number, sid: number[] = LOCAL_SYSTEM): Buffer => {
  const buffer = Buffer.alloc(Math.max(SID_AND_ATTRIBUTES.size, sidOffset + sid.length));
  writeStruct(buffer, 0, SID_AND_ATTRIBUTES, { Sid: BASE + BigInt(sidOffset), Attributes: 0 });
  Buffer.from(sid).copy(buffer, sidOffset);
  return buffer;
};

describe('decodeTokenUserSid', () => {
  it('finds the SID the Sid pointer points at, inside the same buffer', () => {
    const decoded = decodeTokenUserSid(tokenUser(16), BASE);
    expect(decoded?.pointer).toBe(BASE + 16n);
    expect([...(decoded?.sid ?? [])]).toEqual(LOCAL_SYSTEM);
  });

  it('is null for a pointer outside the buffer or a SID cut short', () => {
    expect(decodeTokenUserSid(tokenUser(16), BASE + 100n)).toBeNull();
    expect(decodeTokenUserSid(tokenUser(16), BASE - 0x10000n)).toBeNull();
    expect(decodeTokenUserSid(tokenUser(16).subarray(0, 24), BASE)).toBeNull();
    expect(decodeTokenUserSid(Buffer.alloc(8), BASE)).toBeNull();
  });
});
