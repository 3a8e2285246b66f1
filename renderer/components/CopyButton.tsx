import { Button, Tooltip, type ButtonProps } from '@fluentui/react-components';
import { Checkmark20Regular, Copy20Regular } from '@fluentui/react-icons';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { copyText } from '../lib/copy-text';

export interface CopyButtonProps extends Pick<
  ButtonProps,
  'size' | 'appearance' | 'aria-label' | 'className' | 'disabled'
> {
  readonly 'data-testid'?: string;
  /** Computed on click: the text can be long (an export) or change while the button shows. */
  readonly text: () => string;
  /** The visible label; with iconOnly it becomes the tooltip. */
  readonly label: string;
  readonly iconOnly?: boolean;
}

/**
 * Copies and says so for two seconds ("Copied" / "Copy failed"). The temporary textarea goes next to
 * the button, so inside a dialog or drawer it stays within the focus trap.
 */
export const CopyButton = ({ text, label, iconOnly = false, ...props }: CopyButtonProps) => {
  const { t } = useTranslation();
  const [copied, setCopied] = useState<'copied' | 'failed' | null>(null);

  useEffect(() => {
    if (copied === null) return;
    const timer = window.setTimeout(() => setCopied(null), 2000);
    return () => window.clearTimeout(timer);
  }, [copied]);

  const shown = copied === 'copied' ? t('activity.copied') : copied === 'failed' ? t('activity.copyFailed') : label;
  const button = (
    <Button
      {...props}
      icon={copied === 'copied' ? <Checkmark20Regular /> : <Copy20Regular />}
      onClick={(event) =>
        setCopied(copyText(text(), event.currentTarget.parentElement ?? undefined) ? 'copied' : 'failed')
      }
    >
      {iconOnly ? undefined : shown}
    </Button>
  );
  if (!iconOnly) return button;
  return (
    <Tooltip content={shown} relationship="label" withArrow>
      {button}
    </Tooltip>
  );
};
