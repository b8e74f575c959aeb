import { makeStyles, MessageBar, MessageBarBody, MessageBarTitle, tokens } from "@fluentui/react-components";
import type { Catalogue } from "../../domain/catalogue";
import { formKeyText } from "../../domain/catalogue";
import { BilingualError } from "../../domain/messages/error";
import type { MissingForm } from "../../workflows/validate";
import { STRINGS, useStrings } from "../i18n";
import type { SoundDefinition } from "./DefinitionPick";
import { DefinitionPick } from "./DefinitionPick";

const useStyles = makeStyles({
  box: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
});

/**
 * The open sheet was made from a form definition the workbook does not carry (copied from another workbook, or its
 * block removed): the pane asks for the definition file. A file of another form, or of another version of it (its
 * hash differs), is refused with what it defines; the one the sheet names is embedded and the sheet checked.
 */
export function MissingDefinition({
  missing,
  onEmbed,
}: {
  missing: MissingForm;
  onEmbed: (sheet: string, definition: Catalogue) => Promise<boolean>;
}) {
  const styles = useStyles();
  const { t, lang } = useStrings();
  const wanted = formKeyText({ id: missing.id, hash: missing.hash });

  const picked = async (definition: SoundDefinition) => {
    const found = formKeyText({ id: definition.catalogue.templateVersion, hash: definition.hash });
    if (found !== wanted) {
      throw new BilingualError({
        vi: STRINGS.vi.definition.mismatch(definition.file, found, wanted),
        en: STRINGS.en.definition.mismatch(definition.file, found, wanted),
      });
    }
    await onEmbed(missing.sheet, definition.catalogue);
  };

  return (
    <section className={styles.box} aria-label={t.definition.missingTitle}>
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{t.definition.missingTitle}</MessageBarTitle>
          {missing.message[lang]}
        </MessageBarBody>
      </MessageBar>
      <DefinitionPick onPicked={picked} />
    </section>
  );
}
