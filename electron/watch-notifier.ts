/**
 * A Windows notification when a watched port stops being free ("8065 is now reserved by the
 * system"), so the user learns it before Docker fails. Clicking it opens the port doctor on that port.
 * Needs the AppUserModelID set in main.ts, or Windows shows no toast for an unpackaged app.
 */
import { Notification } from 'electron';
import type { WatchedPort, WatchState } from '../shared/model';
import { trayLocaleOf } from './tray';

const TEXT = {
  en: {
    reserved: (port: number) => `Port ${port} is now reserved`,
    taken: (port: number) => `Port ${port} is now in use`,
    hint: 'Click to open the port doctor.',
  },
  ko: {
    reserved: (port: number) => `${port}번 포트가 예약되었습니다`,
    taken: (port: number) => `${port}번 포트를 다른 프로그램이 쓰고 있습니다`,
    hint: '눌러서 포트 진단을 엽니다.',
  },
} as const;

export const createWatchNotifier = (options: { locale: string; openDoctor: (target: WatchedPort) => void }) => {
  const text = TEXT[trayLocaleOf(options.locale)];
  return (changed: readonly WatchState[]): void => {
    if (!Notification.isSupported()) return;
    for (const state of changed) {
      if (state.status !== 'reserved' && state.status !== 'taken') continue;
      const title = state.status === 'reserved' ? text.reserved(state.port) : text.taken(state.port);
      const notification = new Notification({ title, body: [state.reason, text.hint].filter(Boolean).join('\n') });
      notification.on('click', () => options.openDoctor({ port: state.port, protocol: state.protocol }));
      notification.show();
    }
  };
};
