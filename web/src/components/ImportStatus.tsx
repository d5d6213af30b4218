import { Alert } from 'antd';
import type { ReactNode } from 'react';

/** The live status of a file import: the success or the refusal of its rows, then any other problem (children). */
export function ImportStatus({
  success,
  rejected,
  children,
}: {
  success: string | undefined;
  rejected: string | undefined;
  children?: ReactNode;
}) {
  return (
    <div role="status" aria-live="polite">
      {success !== undefined && <Alert type="success" showIcon title={success} />}
      {rejected !== undefined && <Alert type="error" showIcon title={rejected} />}
      {children}
    </div>
  );
}
