import type { ComponentType } from "react";
import { memo, use } from "react";

// The parts of the pane that the open sheet's first verdict does not show (results after a click, messages, the
// install forms, "Tổng hợp", the own-sheet line, progress) are chunks of their own: the first load fetches only what
// that verdict needs (README, pane_initial_js_gzip_kb), and the rest is fetched as soon as it stands, so that a click
// finds its part loaded and renders it at once.

/** A part loaded on first use or by `preload`, rendered directly once loaded (no Suspense round after that). */
export interface LaterPart<P extends object> {
  readonly Part: ComponentType<P>;
  preload(): Promise<unknown>;
}

function later<P extends object>(load: () => Promise<ComponentType<P>>): LaterPart<P> {
  let pending: Promise<ComponentType<P>> | undefined;
  const preload = (): Promise<ComponentType<P>> => {
    if (pending) return pending;
    const loading = load().then(
      (component) => {
        // The fields React's use() reads of a settled promise: a part mounted after its load renders at once.
        Object.assign(loading, { status: "fulfilled", value: component });
        return component;
      },
      (failure: unknown) => {
        // A chunk the network did not bring is fetched again on the next try (PartBoundary's button), not cached.
        pending = undefined;
        throw failure;
      },
    );
    pending = loading;
    return loading;
  };
  // Memoised like the pane's other parts: a check's progress does not render the forms again.
  const Part = memo(function Part(props: P) {
    const Component = use(preload());
    return <Component {...props} />;
  });
  return { Part, preload };
}

export const Results = later(() => import("./components/Results").then((module) => module.Results));
export const ErrorBar = later(() => import("./components/MessageBars").then((module) => module.ErrorBar));
export const NoticeBar = later(() => import("./components/MessageBars").then((module) => module.NoticeBar));
export const OwnSheet = later(() => import("./components/OwnSheet").then((module) => module.OwnSheet));
export const StampOffer = later(() => import("./components/OwnSheet").then((module) => module.StampOffer));
export const ProgressPanel = later(() =>
  import("./components/ProgressPanel").then((module) => module.ProgressPanel),
);
export const InstallForm = later(() =>
  import("./components/InstallForm").then((module) => module.InstallForm),
);
export const MissingDefinition = later(() =>
  import("./components/MissingDefinition").then((module) => module.MissingDefinition),
);
export const InstallFromReport = later(() =>
  import("./components/InstallFromReport").then((module) => module.InstallFromReport),
);
export const ConsolidatePanel = later(() =>
  import("./components/ConsolidatePanel").then((module) => module.ConsolidatePanel),
);

/** Fetches every later part, once; what the pane does after its first verdict. */
export function preloadLater(): Promise<unknown> {
  return Promise.all(
    [
      Results,
      ErrorBar,
      NoticeBar,
      OwnSheet,
      StampOffer,
      ProgressPanel,
      InstallForm,
      InstallFromReport,
      ConsolidatePanel,
    ].map((part) => part.preload()),
  );
}
