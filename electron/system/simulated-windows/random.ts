/**
 * Seeded generator (mulberry32). Its state lives in the machine (`machine.rng`) so that the same seed
 * gives the same WinNAT blocks, and a persisted machine continues the same sequence after a reload.
 */
import type { Machine } from './state';

/** A non-zero 32-bit state from any seed (0 would be a valid but dull start; keep seeds distinct). */
export const seedState = (seed: number): number => (Math.imul(seed | 0, 0x9e3779b1) ^ 0x6d2b79f5) >>> 0;

/** Next float in [0, 1); advances machine.rng. */
export const nextRandom = (machine: Machine): number => {
  machine.rng = (machine.rng + 0x6d2b79f5) >>> 0;
  let t = machine.rng;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

/** Integer in [min, max] inclusive. */
export const randomInt = (machine: Machine, min: number, max: number): number =>
  min + Math.floor(nextRandom(machine) * (max - min + 1));
