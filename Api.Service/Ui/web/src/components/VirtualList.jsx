import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';

// Browsers cap an element's height near 33 million pixels; past this, the scrollbar maps onto the rows by ratio.
const maxSpacer = 8_000_000;
const overscan = 6;

/**
 * Renders only the rows in view, so a list of a million rows costs what a screenful costs. `onRange(first, last)`
 * tells the owner which rows are visible, so it can fetch those pages from the server. With `stick`, the list
 * follows new rows while it is scrolled to the bottom (live logs).
 */
export function VirtualList({ count, rowHeight, renderRow, onRange, stick = false, class: className = '' }) {
  const ref = useRef(null);
  const [scroll, setScroll] = useState(0);
  const [height, setHeight] = useState(400);
  const atBottom = useRef(true);

  useLayoutEffect(() => {
    const el = ref.current;
    const observer = new ResizeObserver(() => setHeight(el.clientHeight));
    observer.observe(el);
    setHeight(el.clientHeight);
    return () => observer.disconnect();
  }, []);

  useLayoutEffect(() => {
    const el = ref.current;
    if (stick && atBottom.current && el) {
      el.scrollTop = el.scrollHeight;
      setScroll(el.scrollTop);
    }
  }, [count, stick]);

  const full = count * rowHeight;
  const spacer = Math.min(full, maxSpacer);
  const ratio = full > spacer && spacer > height ? (full - height) / (spacer - height) : 1;
  const virtualTop = scroll * ratio;
  const first = Math.max(0, Math.floor(virtualTop / rowHeight) - overscan);
  const last = Math.min(count, Math.ceil((virtualTop + height) / rowHeight) + overscan);
  const offset = scroll - (virtualTop - first * rowHeight);

  useEffect(() => { onRange?.(first, last); }, [first, last, onRange]);

  const onScroll = (event) => {
    const el = event.currentTarget;
    atBottom.current = el.scrollTop + el.clientHeight >= el.scrollHeight - rowHeight;
    requestAnimationFrame(() => setScroll(el.scrollTop));
  };

  const rows = [];
  for (let i = first; i < last; i++) rows.push(renderRow(i));
  return (
    <div class={'vlist ' + className} ref={ref} onScroll={onScroll}>
      <div style={{ height: `${spacer}px`, position: 'relative' }}>
        <div style={{ position: 'absolute', top: `${offset}px`, left: 0, right: 0 }}>{rows}</div>
      </div>
    </div>
  );
}
