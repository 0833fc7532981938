/**
 * Tracks whether files are being dragged over the window, from the
 * document's drag events. `dragenter` and `dragleave` fire for every element
 * the pointer crosses, so the drag has left the window when the count of
 * entries minus exits is back to zero. Only drags that carry files count,
 * as for the drop overlay itself.
 */
import { useEffect, useState } from 'react';

function carriesFiles(event: DragEvent): boolean {
  return event.dataTransfer?.types.includes('Files') ?? false;
}

export function useWindowFileDrag(): boolean {
  const [dragging, setDragging] = useState(false);

  useEffect(() => {
    let depth = 0;
    const enter = (event: DragEvent): void => {
      if (!carriesFiles(event)) return;
      depth += 1;
      setDragging(true);
    };
    const leave = (event: DragEvent): void => {
      if (!carriesFiles(event) || depth === 0) return;
      depth -= 1;
      if (depth === 0) setDragging(false);
    };
    // A drop or a cancelled drag ends the drag wherever the pointer is.
    const end = (): void => {
      depth = 0;
      setDragging(false);
    };
    document.addEventListener('dragenter', enter);
    document.addEventListener('dragleave', leave);
    document.addEventListener('drop', end);
    document.addEventListener('dragend', end);
    return () => {
      document.removeEventListener('dragenter', enter);
      document.removeEventListener('dragleave', leave);
      document.removeEventListener('drop', end);
      document.removeEventListener('dragend', end);
    };
  }, []);

  return dragging;
}
