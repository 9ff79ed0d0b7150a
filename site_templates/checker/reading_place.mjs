// Where the student reads, below the widget, stays in place on screen while a
// new answer and the steps' marks change the page above it: Chromium's own
// scroll anchoring gives up when the marks change the steps' style, and a page
// opened at an anchor (#etape-2) ended far from it once answered.

// Call before the change; call what it returns after it.
export function holdReadingPlace(widgetRoot) {
  if (widgetRoot.getBoundingClientRect().bottom > 0) return () => {}; // the widget is in view: it may grow
  const read = anchorInView() ?? document.elementFromPoint(innerWidth / 2, innerHeight / 3);
  if (!read) return () => {};
  const before = read.getBoundingClientRect().top;
  return () => {
    if (read.isConnected) scrollBy(0, read.getBoundingClientRect().top - before);
  };
}

// The element the page's fragment names (#etape-2), if it is on screen.
function anchorInView() {
  let target = null;
  try {
    target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
  } catch {
    return null; // a fragment that is no encoded text names nothing
  }
  const top = target?.getBoundingClientRect().top;
  return top >= 0 && top < innerHeight ? target : null;
}
