import { DEFAULT_DYNAMIC_RANGE, type DynamicRange } from '../../../shared/model';

/**
 * A dynamic range starting below 49152 (often 1024, after some updates and installers) lets WinNAT
 * reserve blocks over development ports (docker/for-win#3171).
 */
export const isRiskyDynamicRange = (range: Pick<DynamicRange, 'start'>): boolean =>
  range.start < DEFAULT_DYNAMIC_RANGE.start;
