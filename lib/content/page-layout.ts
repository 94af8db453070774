/** Width of the docked panel; the page is pushed left by as much so the panel covers none of its controls. */
export const panelWidthPixels = 360;

/**
 * Makes room for the panel by giving the page's root a right margin, and puts back whatever the page had.
 * Returns the function that restores it.
 */
export function reserveRightEdge(root: HTMLElement = document.documentElement): () => void {
  const previousValue = root.style.getPropertyValue('margin-right');
  const previousPriority = root.style.getPropertyPriority('margin-right');
  root.style.setProperty('margin-right', `${panelWidthPixels}px`, 'important');
  return () => {
    if (previousValue) root.style.setProperty('margin-right', previousValue, previousPriority);
    else root.style.removeProperty('margin-right');
  };
}
