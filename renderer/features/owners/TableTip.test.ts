import { describe, expect, it } from 'vitest';
import { TIP_FROM_ATTRIBUTE, tipText } from './TableTip';

/** The little of an element tipText reads: attributes, its text, the first button inside it. */
const element = (attributes: Record<string, string>, text = '', button?: Element): Element =>
  ({
    getAttribute: (name: string) => attributes[name] ?? null,
    textContent: text,
    querySelector: (selector: string) => (selector === 'button' ? (button ?? null) : null),
  }) as unknown as Element;

describe('tipText', () => {
  it('reads a cell: what it does not show when it says so, else its text', () => {
    expect(tipText(element({ [TIP_FROM_ATTRIBUTE]: 'text' }, 'C:\\Windows\\System32\\svchost.exe'))).toBe(
      'C:\\Windows\\System32\\svchost.exe',
    );
    expect(tipText(element({ [TIP_FROM_ATTRIBUTE]: 'text', 'aria-description': 'Windows did not let…' }, '—'))).toBe(
      'Windows did not let…',
    );
    expect(tipText(element({ [TIP_FROM_ATTRIBUTE]: 'text' }, ''))).toBe('');
  });

  it("reads a row's description, and nothing without one", () => {
    expect(tipText(element({ [TIP_FROM_ATTRIBUTE]: 'description', 'aria-description': 'New' }, 'TCP …'))).toBe('New');
    expect(tipText(element({ [TIP_FROM_ATTRIBUTE]: 'description' }, 'TCP …'))).toBe('');
  });

  it('reads the reason of the action a wrapper holds, and nothing while it is enabled', () => {
    const disabled = element({ 'aria-label': 'End System (PID 4)', 'aria-description': 'Windows itself' }, 'Kill');
    expect(tipText(element({ [TIP_FROM_ATTRIBUTE]: 'action' }, 'Kill', disabled))).toBe('Windows itself');
    const enabled = element({ 'aria-label': 'End node.exe (PID 9184)' }, 'Kill');
    expect(tipText(element({ [TIP_FROM_ATTRIBUTE]: 'action' }, 'Kill', enabled))).toBe('');
  });

  it("reads an icon button's name", () => {
    expect(tipText(element({ [TIP_FROM_ATTRIBUTE]: 'label', 'aria-label': 'Check port 3000 in the doctor' }))).toBe(
      'Check port 3000 in the doctor',
    );
  });

  it('gives nothing for an element that is no tooltip target', () => {
    expect(tipText(element({}, 'text'))).toBe('');
  });
});
