// @vitest-environment happy-dom
import { act, screen } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import { WindowDropzone } from '../../../renderer/src/components/WindowDropzone.tsx';
import { ro } from '../../../renderer/src/i18n/ro.ts';
import { renderWithApp } from './render.tsx';

/** Fires a drag event on the document whose data carries the given types. */
function drag(
  type: 'dragenter' | 'dragleave' | 'drop',
  types: string[] = ['Files'],
): void {
  const event = new Event(type, { bubbles: true, cancelable: true });
  Object.defineProperty(event, 'dataTransfer', {
    value: { types, items: [], files: [] },
  });
  act(() => {
    document.dispatchEvent(event);
  });
}

function overlay(): HTMLElement {
  return screen.getByTestId('window-dropzone');
}

describe('WindowDropzone', () => {
  test('hides the idle overlay', () => {
    renderWithApp(<WindowDropzone />, {});
    expect(overlay().hasAttribute('inert')).toBe(true);
    expect(overlay().getAttribute('aria-hidden')).toBe('true');
    expect(
      screen.queryByRole('heading', { name: ro.upload.dropTitle }),
    ).toBeNull();
  });

  test('keeps the idle overlay out of tab order', () => {
    renderWithApp(<WindowDropzone />, {});
    const focusable = overlay().querySelectorAll(
      '[tabindex]:not([tabindex="-1"])',
    );
    expect(focusable).toHaveLength(0);
  });

  test('shows and announces a file drag', () => {
    renderWithApp(<WindowDropzone />, {});
    drag('dragenter');
    expect(overlay().hasAttribute('inert')).toBe(false);
    expect(overlay().hasAttribute('aria-hidden')).toBe(false);
    expect(
      screen.getByRole('heading', { name: ro.upload.dropTitle }),
    ).toBeTruthy();
    expect(screen.getByRole('status').textContent).toContain(
      ro.upload.dropTitle,
    );
  });

  test('ignores a drag without files', () => {
    renderWithApp(<WindowDropzone />, {});
    drag('dragenter', ['text/plain']);
    expect(overlay().hasAttribute('inert')).toBe(true);
  });

  test('hides again when the drag leaves', () => {
    renderWithApp(<WindowDropzone />, {});
    drag('dragenter');
    drag('dragenter');
    drag('dragleave');
    expect(overlay().hasAttribute('inert')).toBe(false);
    drag('dragleave');
    expect(overlay().hasAttribute('inert')).toBe(true);
    expect(screen.getByRole('status').textContent).toBe('');
  });

  test('hides again after a drop', () => {
    renderWithApp(<WindowDropzone />, {});
    drag('dragenter');
    drag('drop');
    expect(overlay().hasAttribute('inert')).toBe(true);
  });
});
