import type { ExplorerLinkFieldFieldsFragment } from "../api/generated/graphql";
import { useT } from "../i18n/i18n";
import { formatWeight, maxAbsWeight, weightBar } from "./identity.logic";

/**
 * A link's or a pair's comparison vector: per field the level reached and its partial weight, drawn as a
 * diverging bar (for the match to the right, against it to the left) with the number beside it; fields a side
 * had no value for are greyed.
 */
export function Evidence(props: { fields: readonly ExplorerLinkFieldFieldsFragment[]; label: string }) {
  const t = useT();
  const max = maxAbsWeight(props.fields);
  if (props.fields.length === 0) return <p class="muted">{t("noEvidence")}</p>;
  return (
    <table class="grid evidence" data-testid="evidence">
      <caption class="visually-hidden">{props.label}</caption>
      <thead>
        <tr>
          <th scope="col">{t("field")}</th>
          <th scope="col">{t("level")}</th>
          <th scope="col">{t("weight")}</th>
          <th scope="col">
            <span class="visually-hidden">{t("weightBar")}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {props.fields.map((f) => {
          const bar = weightBar(f.weight, max);
          return (
            <tr key={f.field} data-field={f.field} class={f.levelIndex < 0 ? "muted" : undefined}>
              <th scope="row">{f.field}</th>
              <td>{f.level}</td>
              <td class="num" data-testid="weight">
                {formatWeight(f.weight)}
              </td>
              <td>
                <div class="weight-bar" aria-hidden="true">
                  <span
                    class={`bar ${bar.side}`}
                    style={
                      bar.side === "for"
                        ? { left: "50%", width: `${bar.percent}%` }
                        : { right: "50%", width: `${bar.percent}%` }
                    }
                  />
                </div>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
