/** How to scroll something into view: smoothly, unless the reader asked for less motion (`prefers-reduced-motion`). */
export function scrollBehavior(instant = false): ScrollBehavior {
  return instant || matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth';
}
