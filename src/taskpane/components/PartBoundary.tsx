import { Button } from "@fluentui/react-components";
import type { ReactNode } from "react";
import { Component, Suspense } from "react";
import { useStrings } from "../i18n";

// The pane's later parts and the findings' texts are chunks fetched after the first verdict (../later.tsx,
// ../languages.ts). A chunk the network does not bring must not take the whole pane down: the part says so and
// offers to fetch it again, and the rest of the pane keeps working.

interface BoundaryProps {
  readonly children: ReactNode;
  readonly fallback: (retry: () => void) => ReactNode;
}

class Boundary extends Component<BoundaryProps, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }
  override render(): ReactNode {
    if (this.state.failed) return this.props.fallback(() => this.setState({ failed: false }));
    return this.props.children;
  }
}

function LoadFailed({ retry }: { retry: () => void }) {
  const { t } = useStrings();
  return (
    <p role="alert">
      {t.errors.loadFailed}{" "}
      <Button size="small" onClick={retry}>
        {t.errors.retry}
      </Button>
    </p>
  );
}

/** A part loaded later: nothing while it loads, a retry line if its code could not be fetched. */
export function PartBoundary({ children }: { children: ReactNode }) {
  return (
    <Boundary fallback={(retry) => <LoadFailed retry={retry} />}>
      <Suspense fallback={null}>{children}</Suspense>
    </Boundary>
  );
}
