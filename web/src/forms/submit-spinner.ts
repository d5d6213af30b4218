import type { ButtonProps } from 'antd';

/**
 * The `loading` of a submit button: the spinner appears only when the request takes longer than a blink. A form that
 * fails its client-side checks is "submitting" for a few milliseconds; without the delay the button flickers, and
 * antd's spinner (an image named "loading") can be left mid-animation in the button's accessible name.
 */
export function submitSpinner(isSubmitting: boolean): ButtonProps['loading'] {
  return isSubmitting ? { delay: 200 } : false;
}
