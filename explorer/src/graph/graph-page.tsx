import { useT } from "../i18n/i18n";

/** The graph view (neighbourhoods and paths) arrives with the neighbourhood API. */
export function GraphPage(props: { node: string | null }) {
  const t = useT();
  return (
    <section aria-labelledby="graph-title">
      <h1 id="graph-title">{t("graphTitle")}</h1>
      <p class="empty">{props.node ?? ""}</p>
    </section>
  );
}
