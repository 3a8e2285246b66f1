import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';

/** The WinNAT restart warning (microsoft/WSL#9418, docker/for-win#3171): shown before confirming, never after. */
export const WslWarning = ({ title, body }: { title: string; body: string }) => (
  <MessageBar intent="warning" layout="multiline">
    <MessageBarBody>
      <MessageBarTitle>{title}</MessageBarTitle>
      {body}
    </MessageBarBody>
  </MessageBar>
);
