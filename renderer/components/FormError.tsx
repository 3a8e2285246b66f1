import { makeStyles, tokens } from '@fluentui/react-components';
import { ErrorCircle12Filled } from '@fluentui/react-icons';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    alignItems: 'flex-start',
    gap: tokens.spacingHorizontalXS,
    color: tokens.colorPaletteRedForeground1,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
  icon: { flexShrink: 0, marginTop: '2px' },
});

/**
 * A field's error under the whole form row rather than inside the field (issue #11): inside a narrow
 * field the sentence wrapped into four lines and pushed the row's other controls out of line. The
 * field keeps validationState="error" (red border, aria-invalid); its input points here with
 * aria-describedby.
 */
export const FormError = ({ id, children }: { id: string; children: string }) => {
  const styles = useStyles();
  return (
    <div id={id} role="alert" className={styles.root}>
      <ErrorCircle12Filled className={styles.icon} aria-hidden />
      <span>{children}</span>
    </div>
  );
};
