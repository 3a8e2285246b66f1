import {
  Button,
  Caption1,
  DrawerBody,
  DrawerHeader,
  DrawerHeaderTitle,
  OverlayDrawer,
} from '@fluentui/react-components';
import { Dismiss24Regular } from '@fluentui/react-icons';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useReturnFocus } from './use-return-focus';

export interface SideDrawerProps {
  readonly open: boolean;
  readonly onClose: () => void;
  /** Labels the drawer for screen readers; must be unique on the page. */
  readonly titleId: string;
  readonly title: string;
  readonly intro: string;
  readonly testId: string;
  readonly className?: string;
  readonly bodyClassName?: string;
  readonly children: ReactNode;
}

/** The one side panel (activity log, backups): title with a close button, a one-line intro, a scrolling body. */
export const SideDrawer = ({
  open,
  onClose,
  titleId,
  title,
  intro,
  testId,
  className,
  bodyClassName,
  children,
}: SideDrawerProps) => {
  const { t } = useTranslation();
  useReturnFocus(open);
  return (
    <OverlayDrawer
      open={open}
      position="end"
      size="medium"
      className={className}
      onOpenChange={(_, data) => {
        if (!data.open) onClose();
      }}
      data-testid={testId}
      aria-labelledby={titleId}
    >
      <DrawerHeader>
        <DrawerHeaderTitle
          heading={{ id: titleId }}
          action={
            <Button appearance="subtle" aria-label={t('common.close')} icon={<Dismiss24Regular />} onClick={onClose} />
          }
        >
          {title}
        </DrawerHeaderTitle>
        <Caption1>{intro}</Caption1>
      </DrawerHeader>
      <DrawerBody className={bodyClassName}>{children}</DrawerBody>
    </OverlayDrawer>
  );
};
