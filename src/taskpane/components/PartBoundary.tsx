import { Button } from "@fluentui/react-components";
import type { ReactNode } from "react";
import { Component, Suspense } from "react";
import { useStrings } from "../i18n";

// The pane's later parts and the findings' texts are chunks fetched after the first verdict (../later.tsx,
// ../languages.ts). A chunk the network does not bring must not take the whole pane down: the part says so and
// offers to fetch it again, and the rest of the pane keeps working.

function LoadFailed({ retry }: { retry: () => void }) {
  const { t } = useStrings();
  return (
    <p role="alert">
      {t.errors.loadFailed} <Button onClick={retry}>{t.errors.retry}</Button>
    </p>
  );
}

/** A part loaded later: nothing while it loads, a retry line if its code could not be fetched. */
export class PartBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }
  override render(): ReactNode {
    if (this.state.failed) return <LoadFailed retry={() => this.setState({ failed: false })} />;
    return <Suspense fallback={null}>{this.props.children}</Suspense>;
  }
}
