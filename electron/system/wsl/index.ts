/** WSL targets and networking mode (issue #14); see wsl-service.ts. */
export { createWslService, MIRRORED_MESSAGE, type WslService, type WslServiceDeps } from './wsl-service';
export { createWslTargetStore, createMemoryWslTargetStore, type WslTargetStore } from './target-store';
export { createInteractiveWslConfig } from './interactive-profile';
export type { WslConfigRead, WslConfigSource } from './types';
