import { useEffect, useState } from 'react';

/** The current time, re-read every `intervalMs`, so "moved 5 min. ago" keeps counting while on screen. */
export const useNow = (intervalMs = 30_000): number => {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), intervalMs);
    return () => window.clearInterval(timer);
  }, [intervalMs]);
  return now;
};
