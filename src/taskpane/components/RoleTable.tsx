import { makeStyles, Select, tokens } from "@fluentui/react-components";
import type { ProvinceRole, RoleDef } from "../../domain/catalogue";
import type { UnitRole } from "../../workflows/consolidate-workbook";
import { useStrings } from "../i18n";

const useStyles = makeStyles({
  table: { width: "100%", borderCollapse: "collapse", fontSize: tokens.fontSizeBase300 },
  caption: {
    textAlign: "left",
    fontWeight: tokens.fontWeightSemibold,
    paddingBottom: tokens.spacingVerticalXS,
  },
  header: { textAlign: "left", fontWeight: tokens.fontWeightSemibold, padding: tokens.spacingVerticalXS },
  cell: { padding: tokens.spacingVerticalXS, verticalAlign: "middle" },
  hint: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  guessed: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3 },
});

/**
 * Which unit is which office, for the indicators one office reports for the whole province: one row per unit of
 * the last consolidation, its default role (from its name, as the CLI's consolidate gives it) until the user picks
 * another among the offices the form declares for the period.
 */
export function RoleTable({
  units,
  offices,
  choices,
  changed,
  disabled,
  onChange,
}: {
  units: readonly UnitRole[];
  /** The offices to choose from, as the form names them for the period consolidated. */
  offices: readonly RoleDef[];
  choices: ReadonlyMap<string, ProvinceRole | null>;
  /** The roles differ from those the last consolidation used. */
  changed: boolean;
  disabled: boolean;
  onChange: (key: string, role: ProvinceRole | null) => void;
}) {
  const styles = useStyles();
  const { t, lang } = useStrings();
  const strings = t.consolidate;
  return (
    <div>
      <table className={styles.table}>
        <caption className={styles.caption}>{strings.roles}</caption>
        <thead>
          <tr>
            <th scope="col" className={styles.header}>
              {strings.unit}
            </th>
            <th scope="col" className={styles.header}>
              {strings.role}
            </th>
          </tr>
        </thead>
        <tbody>
          {units.map((unit) => {
            const chosen = choices.get(unit.key);
            const role = chosen === undefined ? unit.role : (chosen ?? undefined);
            return (
              <tr key={unit.key}>
                <th scope="row" className={styles.cell}>
                  {unit.unit}
                  {chosen === undefined && unit.guessed && unit.role ? (
                    <div className={styles.guessed}>{strings.guessed}</div>
                  ) : null}
                </th>
                <td className={styles.cell}>
                  <Select
                    aria-label={`${strings.role}: ${unit.unit}`}
                    value={role ?? "none"}
                    disabled={disabled}
                    onChange={(_, data) =>
                      onChange(unit.key, data.value === "none" ? null : (data.value as ProvinceRole))
                    }
                  >
                    <option value="none">{strings.noRole}</option>
                    {offices.map((office) => (
                      <option key={office.id} value={office.id}>
                        {office.name[lang]}
                      </option>
                    ))}
                  </Select>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className={styles.hint}>
        {changed
          ? strings.rolesChanged
          : units.length
            ? strings.rolesHint
            : `${strings.rolesHint} ${strings.rolesLater}`}
      </p>
    </div>
  );
}
