import { Badge, Caption1, Tooltip, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { assertNever } from '../../../shared/assert-never';
import type { Verified } from '../../../shared/model';

type Shown = 'applied' | 'not-applied' | 'unknown' | 'pending' | 'interrupted';

/**
 * What a change's verified result means for the user: an error code that ends a change before or
 * without changing anything counts as not applied; one that leaves the state unread, as unknown.
 */
export const shownVerified = (verified: Verified): Shown => {
  switch (verified) {
    case 'applied':
    case 'pending':
    case 'interrupted':
    case 'unknown':
      return verified;
    case 'internal':
      return 'unknown';
    // Ended before changing anything (refused, invalid, nothing to read from), or judged not applied.
    case 'not-applied':
    case 'invalid-input':
    case 'forbidden-sender':
    case 'not-elevated':
    case 'command-failed':
    case 'storage-failed':
    case 'not-found':
    case 'refused':
    case 'conflict':
      return 'not-applied';
    default:
      return assertNever(verified);
  }
};

const COLOR: Record<Shown, 'success' | 'danger' | 'warning' | 'informative'> = {
  applied: 'success',
  'not-applied': 'danger',
  unknown: 'warning',
  pending: 'informative',
  interrupted: 'warning',
};

const useStyles = makeStyles({
  row: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  code: { color: tokens.colorNeutralForeground3, fontFamily: tokens.fontFamilyMonospace },
});

/** The verified result of one change in the activity drawer: a small badge, plus the error code when there is one. */
export const VerifiedBadge = ({ verified }: { verified: Verified }) => {
  const { t } = useTranslation();
  const styles = useStyles();
  const shown = shownVerified(verified);
  const badge = (
    <Badge
      appearance="tint"
      color={COLOR[shown]}
      data-testid="activity-verified"
      data-verified={verified}
      aria-label={`${t('activity.verifiedLabel')}: ${t(`activity.verified.${shown}`)}`}
    >
      {t(`activity.verified.${shown}`)}
    </Badge>
  );
  return (
    <span className={styles.row}>
      {shown === 'interrupted' ? (
        <Tooltip content={t('activity.interruptedHint')} relationship="description">
          {badge}
        </Tooltip>
      ) : (
        badge
      )}
      {verified !== shown ? <Caption1 className={styles.code}>{verified}</Caption1> : null}
    </span>
  );
};
