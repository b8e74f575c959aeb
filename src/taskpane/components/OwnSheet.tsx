import { lazy, Suspense } from "react";
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useStrings } from "../i18n";
import { BusyButton } from "./BusyButton";
import type { OwnChoice } from "../usePane";

const OwnSheetQuestion = lazy(() => import("./OwnSheetQuestion"));

const useStyles = makeStyles({
  line: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    margin: 0,
    fontSize: tokens.fontSizeBase200,
  },
  term: { color: tokens.colorNeutralForeground3 },
  value: { fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere" },
});

/**
 * "Trang tính của tôi: …" with its change action, in a workbook of several appendix sheets, and while the pane
 * asks, the question that sets it.
 */
export function OwnSheet({
  own,
  appendices,
  choosing,
  onChange,
  onChoose,
  onCancel,
}: {
  own?: string;
  appendices: readonly string[];
  choosing?: OwnChoice;
  onChange: () => void;
  onChoose: (sheet: string) => void;
  onCancel: () => void;
}) {
  const styles = useStyles();
  const { t } = useStrings();
  if (choosing) {
    return (
      <Suspense fallback={null}>
        <OwnSheetQuestion
          choosing={choosing}
          appendices={appendices}
          onChoose={onChoose}
          onCancel={onCancel}
        />
      </Suspense>
    );
  }
  if (own === undefined && appendices.length < 2) return null;
  return (
    <p className={styles.line}>
      <span className={styles.term}>{t.own.label}:</span>
      <span className={styles.value}>{own ?? t.own.none}</span>
      <BusyButton size="small" appearance="subtle" onClick={onChange}>
        {own === undefined ? t.own.choose : t.own.change}
      </BusyButton>
    </p>
  );
}

/** The offer to stamp a sheet that is not the user's, after their fix or fill left it with no error. */
export function StampOffer({ sheet, onAnswer }: { sheet?: string; onAnswer: (accept: boolean) => void }) {
  const { t } = useStrings();
  if (sheet === undefined) return null;
  return (
    <MessageBar intent="info" politeness="polite" layout="multiline">
      <MessageBarBody>{t.stampOffer.text(sheet)}</MessageBarBody>
      <MessageBarActions>
        <BusyButton size="small" onClick={() => onAnswer(true)}>
          {t.stampOffer.accept}
        </BusyButton>
        <Button size="small" onClick={() => onAnswer(false)}>
          {t.stampOffer.decline}
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}
