/**
 * The fix the doctor offers for each cause, as data: the card renders one button per fix, the store
 * turns a fix into the existing dialog (or the Forwarding edit), and tests check the mapping.
 */
import {
  DEFAULT_DYNAMIC_RANGE,
  type DoctorCause,
  type DynamicRange,
  type Endpoint,
  type ProxyRule,
  type RangeChange,
} from '../../shared/model';
import { IP_VERSIONS, protectedVersions } from '../../shared/port-verdict';
import { killRefusal, type KillRefusal } from './owners';

export type DoctorFix =
  | { readonly kind: 'restart-winnat' }
  | { readonly kind: 'protect'; readonly range: RangeChange; readonly port: number }
  | { readonly kind: 'delete-exclusion'; readonly range: RangeChange }
  | { readonly kind: 'kill'; readonly endpoint: Endpoint; readonly refusal: KillRefusal | null }
  | { readonly kind: 'edit-rule'; readonly rule: ProxyRule }
  | { readonly kind: 'delete-rule'; readonly rule: ProxyRule }
  | { readonly kind: 'reset-dynamic'; readonly range: DynamicRange; readonly alreadyDefault: boolean };

export const isDefaultDynamicRange = (range: DynamicRange): boolean =>
  range.start === DEFAULT_DYNAMIC_RANGE.start && range.count === DEFAULT_DYNAMIC_RANGE.count;

/**
 * `all` is every cause of the report: whether a protection covers both IP versions is a fact about
 * the whole answer, not one card.
 */
export const fixesFor = (cause: DoctorCause, port: number, all: readonly DoctorCause[] = [cause]): DoctorFix[] => {
  switch (cause.kind) {
    case 'excluded':
      // A system block goes away with a WinNAT restart; protecting the port keeps it from coming back.
      if (!cause.range.administered) return [{ kind: 'restart-winnat' }, { kind: 'protect', range: cause.range, port }];
      // An administered exclusion IS the protection: never "delete to use". Half a protection is
      // completed (protect again: the side already protected is kept); removing it is the last choice.
      return protectedVersions(all).length < IP_VERSIONS.length
        ? [
            { kind: 'protect', range: cause.range, port },
            { kind: 'delete-exclusion', range: cause.range },
          ]
        : [{ kind: 'delete-exclusion', range: cause.range }];
    case 'owned': {
      // Windows itself (PID 4), a critical process or the svchost of a critical service: no kill is
      // offered at all; the card explains why instead (CauseCard).
      const refusal = killRefusal(cause.endpoint);
      return refusal === null || refusal === 'no-process' ? [{ kind: 'kill', endpoint: cause.endpoint, refusal }] : [];
    }
    case 'forwarded':
      return [
        { kind: 'edit-rule', rule: cause.rule },
        { kind: 'delete-rule', rule: cause.rule },
      ];
    case 'dynamic-range':
      return [{ kind: 'reset-dynamic', range: cause.range, alreadyDefault: isDefaultDynamicRange(cause.range) }];
  }
};
