import type { CSSProperties, ReactNode } from 'react';

const plain: CSSProperties = { border: 0, margin: 0, padding: 0, minWidth: 0 };

/** A form's inputs and buttons, disabled while it is being submitted (a second tap cannot send it twice). */
export function SubmitFieldset({
  submitting,
  style,
  children,
}: {
  submitting: boolean;
  style?: CSSProperties;
  children: ReactNode;
}) {
  return (
    <fieldset disabled={submitting} style={style ? { ...plain, ...style } : plain}>
      {children}
    </fieldset>
  );
}
