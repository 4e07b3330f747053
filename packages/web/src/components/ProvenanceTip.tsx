import { useEffect, useId, useRef, useState } from 'react';
import type { CSSProperties } from 'react';
import type { Provenance } from '@continuum/core';
import { formatInstantUtc } from '../lib/format';

const TIP_WIDTH = 320;

/**
 * Where a fact came from, on hover or keyboard focus. The content stays in the DOM (hidden)
 * and is the trigger's description, so screen readers announce it without opening anything.
 */
export function ProvenanceTip({ provenance, subject }: { provenance: Provenance; subject: string }) {
  const id = useId();
  const trigger = useRef<HTMLButtonElement>(null);
  const [position, setPosition] = useState<CSSProperties | null>(null);

  function open() {
    const rect = trigger.current?.getBoundingClientRect();
    if (!rect) return;
    // Fixed positioning escapes the horizontally scrolling table boxes, which would clip it.
    const left = Math.max(8, Math.min(rect.left, window.innerWidth - TIP_WIDTH - 8));
    setPosition({ position: 'fixed', top: rect.bottom + 6, left, width: TIP_WIDTH });
  }
  const close = () => setPosition(null);

  useEffect(() => {
    if (!position) return;
    // A fixed tip would float away from its trigger on scroll: close it instead.
    window.addEventListener('scroll', close, { capture: true, passive: true });
    return () => window.removeEventListener('scroll', close, { capture: true });
  }, [position]);

  return (
    <span className="prov" onMouseEnter={open} onMouseLeave={close}>
      <button
        ref={trigger}
        type="button"
        className="prov-trigger"
        aria-label={`Provenance of ${subject}`}
        aria-describedby={id}
        onFocus={open}
        onBlur={close}
        // Touch screens have no hover: a tap opens it, tapping elsewhere (blur) closes it.
        onClick={open}
        onKeyDown={(e) => {
          if (e.key === 'Escape') close();
        }}
      >
        <span aria-hidden="true">i</span>
      </button>
      <span id={id} role="tooltip" className="prov-tip" hidden={!position} style={position ?? undefined}>
        <ProvenanceLines provenance={provenance} />
      </span>
    </span>
  );
}

function ProvenanceLines({ provenance }: { provenance: Provenance }) {
  // Plain spans, not a <dl>: this sits inside phrasing content (table cells, list items).
  return (
    <>
      <span className="prov-line">
        <span className="prov-key">Source</span> {provenance.source}
      </span>
      <span className="prov-line">
        <span className="prov-key">Observed</span> {formatInstantUtc(provenance.observedAt)}
      </span>
      <span className="prov-line">
        <span className="prov-key">Recorded</span> {formatInstantUtc(provenance.recordedAt)}
      </span>
      <span className="prov-line">
        <span className="prov-key">By</span> {provenance.recordedBy}
      </span>
    </>
  );
}
