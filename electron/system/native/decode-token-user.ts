/**
 * TOKEN_USER as GetTokenInformation(TokenUser) returns it (pages "TOKEN_USER structure (winnt.h)",
 * "SID_AND_ATTRIBUTES structure", "SID structure"): SID_AND_ATTRIBUTES { PSID Sid @0; DWORD Attributes
 * @8 } on x64, with the SID itself written later in the same buffer: Revision (1 byte),
 * SubAuthorityCount (1 byte), IdentifierAuthority (6 bytes), then SubAuthorityCount DWORDs.
 */

export interface TokenUserSid {
  /** The Sid member, to pass back to LookupAccountSidW. */
  pointer: bigint;
  /** The SID's bytes: a key to cache account names by. */
  sid: Uint8Array;
}

/** Null when the buffer is too short or the SID pointer does not point inside it (never throws). */
export const decodeTokenUserSid = (info: Uint8Array, baseAddress: bigint): TokenUserSid | null => {
  if (info.byteLength < 16) return null;
  const pointer = new DataView(info.buffer, info.byteOffset, info.byteLength).getBigUint64(0, true);
  const offset = pointer - baseAddress;
  if (offset < 0n || offset + 8n > BigInt(info.byteLength)) return null;
  const start = Number(offset);
  const end = start + 8 + 4 * (info[start + 1] ?? 0);
  return end <= info.byteLength ? { pointer, sid: info.subarray(start, end) } : null;
};
