/**
 * At start, a change the write-ahead journal still holds (the app was killed in the middle of it)
 * must reach the user even when Portwarden starts hidden in the tray at logon: one Windows
 * notification; clicking it opens the window, where the banner offers finish or roll back. Nothing is
 * resolved without the user.
 */
import { Notification } from 'electron';
import { trayLocaleOf } from './tray';

const TEXT = {
  en: {
    title: (count: number) => (count === 1 ? 'A change was interrupted' : `${count} changes were interrupted`),
    body: 'Portwarden stopped in the middle of a change. Click to check it and finish or roll it back.',
  },
  ko: {
    title: (count: number) => (count === 1 ? '변경이 중간에 멈췄습니다' : `변경 ${count}건이 중간에 멈췄습니다`),
    body: 'Portwarden이 변경 도중에 종료되었습니다. 눌러서 확인하고 마저 적용하거나 되돌리세요.',
  },
} as const;

export const notifyInterruptedChanges = (options: { locale: string; count: number; open: () => void }): boolean => {
  if (options.count === 0 || !Notification.isSupported()) return false;
  const text = TEXT[trayLocaleOf(options.locale)];
  const notification = new Notification({ title: text.title(options.count), body: text.body });
  notification.on('click', options.open);
  notification.show();
  return true;
};
