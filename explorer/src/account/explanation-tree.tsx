import type { ExplorerAccountHealthQuery } from "../api/generated/graphql";
import { useT } from "../i18n/i18n";
import { formatDay, formatSigned } from "../shared/format";
import { explanationTree, ExplanationTreeNode } from "./account.logic";

type Line = NonNullable<NonNullable<ExplorerAccountHealthQuery["account"]>["health"]>["explanation"][number];

/** The score's explanation as nested, keyboard-operable disclosures: concepts, source fields, signals. */
export function ExplanationTree(props: { lines: Line[] }) {
  const roots = explanationTree(props.lines);
  return (
    <ul class="tree" role="list">
      {roots.map((node) => (
        <Branch key={node.line.id} node={node} />
      ))}
    </ul>
  );
}

/** Concepts with data start open down to their source fields; a field opens onto its records on demand. */
function Branch(props: { node: ExplanationTreeNode<Line> }) {
  const t = useT();
  const { line, children } = props.node;
  const name =
    line.kind === "MAPPING" ? `${line.system ?? ""}/${line.field ?? ""}` : (line.conceptId ?? line.kind.toLowerCase());
  const value = line.value === null || line.value === undefined ? "–" : line.value.toFixed(2);
  const summary = (
    <span class={`line ${line.contribution < 0 ? "down" : "up"}`}>
      <span class="kind">{line.kind}</span> <strong>{name}</strong> · {value} ·{" "}
      {t("contribution", { value: formatSigned(line.contribution) })}
      {line.reason ? <span class="hint"> · {line.reason}</span> : null}
    </span>
  );
  const signals = line.signals ?? [];
  if (children.length === 0 && signals.length === 0) return <li>{summary}</li>;
  return (
    <li>
      <details open={line.kind === "CONCEPT" && line.value !== null && line.value !== undefined}>
        <summary>{summary}</summary>
        <ul role="list">
          {children.map((child) => (
            <Branch key={child.line.id} node={child} />
          ))}
          {signals.length > 0 && (
            <li class="records">
              {t("records")}:{" "}
              {signals.slice(0, 12).map((s) => (
                <code key={s.signalId} title={`${s.sourceSystem} ${formatDay(s.observedAt)}`}>
                  {s.sourceSystem}:{s.recordId}={String(s.value)}
                </code>
              ))}
              {signals.length > 12 ? ` … +${signals.length - 12}` : ""}
            </li>
          )}
        </ul>
      </details>
    </li>
  );
}
