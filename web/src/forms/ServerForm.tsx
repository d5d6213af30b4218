import { Form } from 'antd';
import type { ReactNode } from 'react';
import { SubmitFieldset } from './SubmitFieldset';

/** A vertical antd form that submits through useServerForm's handler, its inputs in a SubmitFieldset. */
export function ServerForm({
  onSubmit,
  submitting,
  disabled,
  children,
}: {
  onSubmit: () => Promise<unknown> | void;
  submitting: boolean;
  disabled?: boolean;
  children: ReactNode;
}) {
  return (
    <Form layout="vertical" onFinish={() => void onSubmit()} disabled={disabled}>
      <SubmitFieldset submitting={submitting}>{children}</SubmitFieldset>
    </Form>
  );
}
