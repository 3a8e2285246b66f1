import {
  Body1,
  Caption1,
  Card,
  Field,
  Radio,
  RadioGroup,
  Subtitle1,
  Subtitle2,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IpVersion, Protocol, ProtocolFamily } from '../../../shared/model';
import { describeCause } from '../../lib/cause-wording';
import { familyLabel } from '../../lib/families';
import { indexPortFacts } from '../../../shared/port-verdict';
import { causesIn, factsOf, mapLayers } from '../../lib/port-causes';
import { useAppStore } from '../../store/store-context';
import { MAP_TOKENS } from './map-tokens';
import { PortMapCanvas, type HoverPoint } from './PortMapCanvas';

const useStyles = makeStyles({
  card: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  intro: { color: tokens.colorNeutralForeground2 },
  controls: { display: 'flex', alignItems: 'flex-end', gap: tokens.spacingHorizontalXL, flexWrap: 'wrap' },
  legend: {
    display: 'flex',
    gap: tokens.spacingHorizontalL,
    flexWrap: 'wrap',
    margin: 0,
    padding: 0,
    listStyleType: 'none',
    alignItems: 'center',
  },
  legendItem: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    fontSize: tokens.fontSizeBase200,
  },
  swatch: { width: '14px', height: '10px', borderRadius: tokens.borderRadiusSmall, flexShrink: 0 },
  tick: { width: '3px', height: '12px', borderRadius: 0 },
  // The same tokens the canvas reads (map-tokens.ts), so legend and picture always match.
  dynamic: { backgroundColor: tokens[MAP_TOKENS.dynamic] },
  system: { backgroundColor: tokens[MAP_TOKENS.system] },
  administered: { backgroundColor: tokens[MAP_TOKENS.administered] },
  listener: { backgroundColor: tokens[MAP_TOKENS.listener] },
  forwarded: { backgroundColor: tokens[MAP_TOKENS.forwarded] },
  stage: { position: 'relative' },
  tooltip: {
    position: 'absolute',
    zIndex: 2,
    maxWidth: '360px',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow16,
    pointerEvents: 'none',
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
  },
  lines: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  hint: { color: tokens.colorNeutralForeground3 },
  title: { margin: 0 },
});

const LEGEND = [
  { key: 'dynamic', tick: false },
  { key: 'system', tick: false },
  { key: 'administered', tick: false },
  { key: 'listener', tick: true },
  { key: 'forwarded', tick: true },
] as const;

const TOOLTIP_WIDTH = 360;

/** The Port map tab: 0–65535 for one family, with the doctor's wording on hover. */
export const PortMapView = () => {
  const { t } = useTranslation();
  const styles = useStyles();
  const snapshot = useAppStore((s) => s.snapshot);
  const ownersView = useAppStore((s) => s.ownersView);
  const rulesView = useAppStore((s) => s.rulesView);
  const openDoctor = useAppStore((s) => s.openDoctor);
  const [family, setFamily] = useState<ProtocolFamily>({ protocol: 'tcp', ipVersion: 'ipv4' });
  const [hover, setHover] = useState<HoverPoint | null>(null);

  // The doctor's own verdict (shared/port-verdict.ts) over what the store holds, indexed once per data change.
  const facts = useMemo(
    () => factsOf({ snapshot, endpoints: ownersView?.endpoints ?? null, rules: rulesView?.rules ?? null }),
    [snapshot, ownersView, rulesView],
  );
  const portIndex = useMemo(() => indexPortFacts(facts), [facts]);
  const layers = useMemo(() => mapLayers(family, facts), [family, facts]);
  const causes = hover ? causesIn(portIndex, hover.port, family) : [];
  const loading = snapshot === null || ownersView === null || rulesView === null;

  const label = t('map.label', {
    family: familyLabel(family),
    system: layers.system.length,
    administered: layers.administered.length,
    listeners: layers.listeners.length,
    forwarded: layers.forwarded.length,
  });

  // The tooltip's words as one line, for the keyboard cursor's aria-valuetext.
  const describePort = (port: number): string => {
    const here = causesIn(portIndex, port, family);
    const what = here.length === 0 ? t('map.free') : here.map((cause) => describeCause(t, cause, port, here)).join(' ');
    return `${t('map.port', { port, family: familyLabel(family) })}: ${what}`;
  };

  // Beside the pointer, flipped to its left near the right edge so it never leaves the card.
  const tooltipLeft = hover
    ? hover.x + 16 + TOOLTIP_WIDTH > hover.width
      ? Math.max(0, hover.x - 16 - TOOLTIP_WIDTH)
      : hover.x + 16
    : 0;

  return (
    <section aria-labelledby="map-title" data-testid="port-map">
      <Card className={styles.card}>
        <Subtitle1 as="h2" id="map-title" className={styles.title}>
          {t('map.title')}
        </Subtitle1>
        <Caption1 className={styles.intro}>{t('map.intro')}</Caption1>
        <div className={styles.controls}>
          <Field label={t('map.protocol')}>
            <RadioGroup
              layout="horizontal"
              value={family.protocol}
              onChange={(_, data) => setFamily((current) => ({ ...current, protocol: data.value as Protocol }))}
              data-testid="port-map-protocol"
            >
              <Radio value="tcp" label="TCP" />
              <Radio value="udp" label="UDP" />
            </RadioGroup>
          </Field>
          <Field label={t('map.ipVersion')}>
            <RadioGroup
              layout="horizontal"
              value={family.ipVersion}
              onChange={(_, data) => setFamily((current) => ({ ...current, ipVersion: data.value as IpVersion }))}
              data-testid="port-map-ip-version"
            >
              <Radio value="ipv4" label="IPv4" />
              <Radio value="ipv6" label="IPv6" />
            </RadioGroup>
          </Field>
          <ul className={styles.legend} aria-label={t('map.legend')} data-testid="port-map-legend">
            {LEGEND.map(({ key, tick }) => (
              <li key={key} className={styles.legendItem}>
                <span className={mergeClasses(styles.swatch, tick && styles.tick, styles[key])} aria-hidden />
                {t(`map.${key}`)}
              </li>
            ))}
          </ul>
        </div>
        {loading ? <Caption1 className={styles.hint}>{t('map.loading')}</Caption1> : null}
        <div className={styles.stage}>
          <PortMapCanvas
            layers={layers}
            label={label}
            onHover={setHover}
            onPick={(port) => openDoctor(port, family.protocol)}
            describePort={describePort}
            keysHint={t('map.keys')}
          />
          {hover ? (
            <div
              className={styles.tooltip}
              style={{ left: `${tooltipLeft}px`, top: `${hover.y + 16}px` }}
              role="tooltip"
              data-testid="port-map-tooltip"
            >
              <Subtitle2>{t('map.port', { port: hover.port, family: familyLabel(family) })}</Subtitle2>
              {causes.length === 0 ? (
                <Body1>{t('map.free')}</Body1>
              ) : (
                <ul className={styles.lines}>
                  {causes.map((cause, index) => (
                    <li key={`${cause.kind}-${index}`}>
                      <Body1>{describeCause(t, cause, hover.port, causes)}</Body1>
                    </li>
                  ))}
                </ul>
              )}
              <Caption1 className={styles.hint}>{t('map.click')}</Caption1>
            </div>
          ) : null}
        </div>
      </Card>
    </section>
  );
};
