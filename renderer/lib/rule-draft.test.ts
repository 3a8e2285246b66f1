import { describe, expect, it } from 'vitest';
import { checkDraft, draftOf, netshEditCommands, NEW_DRAFT } from './rule-draft';

describe('rule drafts', () => {
  it('derives the type live and names invalid fields', () => {
    const check = checkDraft({ ...NEW_DRAFT, listenAddress: '::', listenPort: '08080', connectAddress: 'wsl.local' });
    expect(check.type).toBe('v6tov6');
    expect(check.hostname).toBe(true);
    expect(check.rule).toBeNull();
    expect(Object.fromEntries(check.errors)).toEqual({ listenPort: 'port-format', connectPort: 'port-format' });
  });

  it('gives the rule with its type once every field is valid', () => {
    const check = checkDraft({
      listenAddress: '0.0.0.0',
      listenPort: '8080',
      connectAddress: '172.28.241.140',
      connectPort: '80',
    });
    expect(check.rule).toEqual({
      type: 'v4tov4',
      listenAddress: '0.0.0.0',
      listenPort: 8080,
      connectAddress: '172.28.241.140',
      connectPort: 80,
    });
    expect(check.hostname).toBe(false);
  });

  it('edits in place with set, or adds before deleting when the listen key changes', () => {
    const rule = {
      type: 'v4tov4',
      listenAddress: '0.0.0.0',
      listenPort: 8080,
      connectAddress: '10.0.0.1',
      connectPort: 80,
    } as const;
    expect(draftOf(rule)).toEqual({
      listenAddress: '0.0.0.0',
      listenPort: '8080',
      connectAddress: '10.0.0.1',
      connectPort: '80',
    });
    expect(netshEditCommands(rule, { ...rule, connectPort: 81 })).toEqual([
      'netsh interface portproxy set v4tov4 listenaddress=0.0.0.0 listenport=8080 connectaddress=10.0.0.1 connectport=81',
    ]);
    expect(netshEditCommands(rule, { ...rule, listenPort: 8081 })).toEqual([
      'netsh interface portproxy add v4tov4 listenaddress=0.0.0.0 listenport=8081 connectaddress=10.0.0.1 connectport=80',
      'netsh interface portproxy delete v4tov4 listenaddress=0.0.0.0 listenport=8080',
    ]);
  });
});
