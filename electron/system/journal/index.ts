export { createFileJournal, createMemoryJournal, type Journal, type JournalEntry } from './store';
export { journaled } from './journaled';
export { listUnfinishedChanges, resolveUnfinishedChange, type RecoveryDeps } from './recovery';
