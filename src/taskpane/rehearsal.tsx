import type { ReactNode } from "react";
import { startTransition, useEffect, useState } from "react";
import { createPortal } from "react-dom";
import { AnnounceProvider } from "@fluentui/react-components";
import type { Finding } from "../domain/findings";
import { PartBoundary } from "./components/PartBoundary";
import { ProgressPanel, Results } from "./later";
import type { SheetResult } from "./usePane";

/**
 * Runs `work` once the frame being drawn has been painted and the page is idle: what the pane does after its first
 * verdict must not delay that verdict's paint (an idle callback alone may run before the next frame). Returns the
 * cancel function.
 */
export function whenIdle(work: () => void): () => void {
  const page = globalThis as {
    requestIdleCallback?: (callback: () => void, options: { timeout: number }) => number;
    cancelIdleCallback?: (handle: number) => void;
  };
  let cancel = () => undefined as void;
  let cancelled = false;
  const idle = () => {
    if (cancelled) return;
    if (page.requestIdleCallback && page.cancelIdleCallback) {
      const { requestIdleCallback, cancelIdleCallback } = page;
      const handle = requestIdleCallback(work, { timeout: 1_000 });
      cancel = () => cancelIdleCallback(handle);
    } else work();
  };
  // A message posted from the frame's callbacks is a task after that frame's paint (a timer may run sooner).
  const afterFrame = () => {
    if (typeof MessageChannel === "function") {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        idle();
      };
      channel.port2.postMessage(undefined);
      cancel = () => channel.port1.close();
    } else {
      const timer = setTimeout(idle, 0);
      cancel = () => clearTimeout(timer);
    }
  };
  if (typeof requestAnimationFrame === "function") {
    const frame = requestAnimationFrame(afterFrame);
    cancel = () => cancelAnimationFrame(frame);
  } else afterFrame();
  return () => {
    cancelled = true;
    cancel();
  };
}

/**
 * Whether the page says when it is idle (Chromium's and Edge's WebView do; Safari's and jsdom do not): the rehearsal
 * below is only worth its work at an idle moment, and a page that cannot tell one goes without it.
 */
export const CAN_REHEARSE =
  typeof (globalThis as { requestIdleCallback?: unknown }).requestIdleCallback === "function";

const NO_ANNOUNCEMENT = { announce: () => undefined };
const nothing = () => undefined;
const noFinding = (finding: Finding) => void finding;

/**
 * The first Validate click mounts the results and the progress bar, whose styles Griffel computes and inserts on
 * first use and whose code the browser compiles on first run: most of that click's time. Once the first verdict
 * stands, this renders them once, for the open sheet as that verdict found it, into an element that is never in
 * the page (interruptible, at a transition's priority, and saying nothing to a screen reader), then goes. The
 * click then renders parts already warm.
 */
export function Rehearsal({
  sheet,
  result,
  wrap,
  onDone,
}: {
  sheet: string;
  result: SheetResult;
  /** What the results need above them (the shown language's findings' texts). */
  wrap: (children: ReactNode) => ReactNode;
  onDone: () => void;
}) {
  const [container] = useState(() => document.createElement("div"));
  const [shown, setShown] = useState(false);
  useEffect(() => whenIdle(() => startTransition(() => setShown(true))), []);
  useEffect(() => (shown ? whenIdle(onDone) : undefined), [shown, onDone]);
  if (!shown) return null;
  return createPortal(
    <AnnounceProvider value={NO_ANNOUNCEMENT}>
      <PartBoundary>
        <ProgressPanel.Part busy progress={undefined} />
        {wrap(
          <Results.Part
            order={[sheet]}
            results={new Map([[sheet, result]])}
            focus={sheet}
            unknownVersions={[]}
            verdict={null}
            onFocus={nothing}
            onSelect={noFinding}
            onFix={noFinding}
          />,
        )}
      </PartBoundary>
    </AnnounceProvider>,
    container,
  );
}
