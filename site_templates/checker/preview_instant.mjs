// `?at=` in the page's address: the instant the answers are computed for, a
// preview of another moment than now (shown by page_marks' banner, and the
// countdown then stands still). Read here only; an empty value is no preview.
export function previewInstant() {
  return new URLSearchParams(location.search).get("at") || null;
}
