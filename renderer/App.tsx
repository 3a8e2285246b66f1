import { FluentProvider, makeStyles, tokens, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { useEffect, useMemo, useRef } from 'react';
import { AppHeader } from './components/AppHeader';
import { OpenChangeDialog } from './components/OpenChangeDialog';
import { ElevationBanner } from './components/ElevationBanner';
import { NoticeBars } from './components/NoticeBars';
import { ActivityDrawer } from './features/activity/ActivityDrawer';
import { DoctorView } from './features/doctor/DoctorView';
import { DynamicCard } from './features/dynamic/DynamicCard';
import { BackupsPanel } from './features/forwarding/BackupsPanel';
import { ForwardingView } from './features/forwarding/ForwardingView';
import { PortMapView } from './features/map/PortMapView';
import { OwnersView } from './features/owners/OwnersView';
import { PortFilter } from './features/ranges/PortFilter';
import { RecoveryBanners } from './features/recovery/RecoveryBanners';
import { ExcludedRangesSection } from './features/ranges/ExcludedRangesSection';
import { portVerdict } from './lib/port-verdict';
import { useAppStore } from './store/store-context';
import { useGlobalStyles } from './theme/global-styles';
import { useColorScheme } from './theme/use-color-scheme';
import { useShortcuts } from './use-shortcuts';

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
  const start = useAppStore((s) => s.start);
  const portQuery = useAppStore((s) => s.portQuery);
  const excluded = useAppStore((s) => s.snapshot?.excluded);
  const view = useAppStore((s) => s.view);
  // One ref for the search box of whichever view is mounted (Ctrl+F).
  const searchRef = useRef<HTMLInputElement>(null);
  const verdict = useMemo(() => portVerdict(portQuery, excluded ?? []), [portQuery, excluded]);

  useEffect(() => start(), [start]);
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
          {view === 'forwarding' ? <ForwardingView searchRef={searchRef} /> : null}
          {/* Mounted only while shown: its refresh timer lives and dies with it. */}
          {view === 'owners' ? <OwnersView searchRef={searchRef} /> : null}
          {view === 'doctor' ? <DoctorView searchRef={searchRef} /> : null}
          {view === 'map' ? <PortMapView /> : null}
        </main>
      </div>
      <OpenChangeDialog />
      <ActivityDrawer />
      <BackupsPanel />
    </FluentProvider>
  );
};
