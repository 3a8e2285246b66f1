import { FluentProvider, makeStyles, tokens, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { lazy, Suspense, useEffect, useMemo, useRef, useState } from 'react';
import { AppHeader } from './components/AppHeader';
import { ElevationBanner } from './components/ElevationBanner';
import { NoticeBars } from './components/NoticeBars';
import { DynamicCard } from './features/dynamic/DynamicCard';
import { PortFilter } from './features/ranges/PortFilter';
import { RecoveryBanners } from './features/recovery/RecoveryBanners';
import { ExcludedRangesSection } from './features/ranges/ExcludedRangesSection';
import { portVerdict } from './lib/port-verdict';
import { useAppStore } from './store/store-context';
import { useGlobalStyles } from './theme/global-styles';
import { useColorScheme } from './theme/use-color-scheme';
import { useShortcuts } from './use-shortcuts';

/*
 * Only the first screen (the reserved ranges) is in the entry script. Every other view, the drawers
 * and the change dialogs are separate chunks, loaded when first shown: the window paints its first
 * table after parsing a fraction of the code (`npm run bench -- first-paint` measures both).
 */
const ForwardingView = lazy(() =>
  import('./features/forwarding/ForwardingView').then((m) => ({ default: m.ForwardingView })),
);
const OwnersView = lazy(() => import('./features/owners/OwnersView').then((m) => ({ default: m.OwnersView })));
const DoctorView = lazy(() => import('./features/doctor/DoctorView').then((m) => ({ default: m.DoctorView })));
const PortMapView = lazy(() => import('./features/map/PortMapView').then((m) => ({ default: m.PortMapView })));
const OpenChangeDialog = lazy(() =>
  import('./components/OpenChangeDialog').then((m) => ({ default: m.OpenChangeDialog })),
);
const ActivityDrawer = lazy(() =>
  import('./features/activity/ActivityDrawer').then((m) => ({ default: m.ActivityDrawer })),
);
const BackupsPanel = lazy(() =>
  import('./features/forwarding/BackupsPanel').then((m) => ({ default: m.BackupsPanel })),
);

/** True from the first time `open` is true: a drawer mounts on first use and then stays for its close animation. */
const useOpenedOnce = (open: boolean): boolean => {
  const [opened, setOpened] = useState(open);
  if (open && !opened) setOpened(true);
  return opened || open;
};

const useStyles = makeStyles({
  root: {
    minHeight: '100vh',
    display: 'flex',
    flexDirection: 'column',
    backgroundColor: tokens.colorNeutralBackground3,
  },
  main: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalXL} ${tokens.spacingVerticalXXL}`,
    maxWidth: '1600px',
    width: '100%',
    boxSizing: 'border-box',
    marginLeft: 'auto',
    marginRight: 'auto',
  },
});

/** Tells tests (and the e2e harness) that the first snapshot, or its error, is on screen. */
const useAppReadySignal = () => {
  const firstReadDone = useAppStore((s) => s.snapshot !== null || s.snapshotError !== null);
  useEffect(() => {
    if (firstReadDone) document.documentElement.dataset.appReady = 'true';
  }, [firstReadDone]);
};

export const App = () => {
  useGlobalStyles();
  const styles = useStyles();
  const scheme = useColorScheme();
  const portQuery = useAppStore((s) => s.portQuery);
  const excluded = useAppStore((s) => s.snapshot?.excluded);
  const view = useAppStore((s) => s.view);
  const dialogOpen = useAppStore((s) => s.dialog !== null);
  const activityUsed = useOpenedOnce(useAppStore((s) => s.activityOpen));
  const backupsUsed = useOpenedOnce(useAppStore((s) => s.backupsOpen));
  // One ref for the search box of whichever view is mounted (Ctrl+F).
  const searchRef = useRef<HTMLInputElement>(null);
  const verdict = useMemo(() => portVerdict(portQuery, excluded ?? []), [portQuery, excluded]);

  useEffect(() => {
    // Native scrollbars and form controls follow the theme; CSSOM writes are not governed by the CSP.
    document.documentElement.style.colorScheme = scheme;
  }, [scheme]);
  useAppReadySignal();
  useShortcuts(searchRef);

  return (
    // Layout lives on an inner div: FluentProvider copies its className onto every portal mount node
    // (tooltips, dialogs), and a full-height background there covered the whole page.
    <FluentProvider theme={scheme === 'dark' ? webDarkTheme : webLightTheme}>
      <div className={styles.root}>
        <AppHeader />
        <main className={styles.main}>
          <ElevationBanner />
          <NoticeBars />
          <RecoveryBanners />
          {view === 'ranges' ? (
            <>
              <PortFilter verdict={verdict} inputRef={searchRef} />
              <ExcludedRangesSection verdict={verdict} />
              <DynamicCard />
            </>
          ) : null}
          <Suspense fallback={null}>
            {view === 'forwarding' ? <ForwardingView searchRef={searchRef} /> : null}
            {/* Mounted only while shown: its refresh timer lives and dies with it. */}
            {view === 'owners' ? <OwnersView searchRef={searchRef} /> : null}
            {view === 'doctor' ? <DoctorView searchRef={searchRef} /> : null}
            {view === 'map' ? <PortMapView /> : null}
          </Suspense>
        </main>
      </div>
      {/* One boundary each: a drawer's chunk loading must not blank an open dialog. */}
      <Suspense fallback={null}>{dialogOpen ? <OpenChangeDialog /> : null}</Suspense>
      <Suspense fallback={null}>{activityUsed ? <ActivityDrawer /> : null}</Suspense>
      <Suspense fallback={null}>{backupsUsed ? <BackupsPanel /> : null}</Suspense>
    </FluentProvider>
  );
};
