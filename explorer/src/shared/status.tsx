import type { ExplorerError } from "../api/explorer-error";
import { useT } from "../i18n/i18n";

export function Loading() {
  const t = useT();
  return (
    <p class="status" role="status" aria-live="polite">
      {t("loading")}
    </p>
  );
}

export function ErrorMessage(props: { error: ExplorerError; retry?: () => void }) {
  const t = useT();
  const { kind, message } = props.error;
  const text =
    kind === "SERVER_DOWN" ? t("serverDown") : kind === "FORBIDDEN" ? t("forbidden") : t("failed", { detail: message });
  return (
    <div class="error" role="alert">
      <p>{text}</p>
      {props.retry && (
        <button type="button" onClick={props.retry}>
          {t("retry")}
        </button>
      )}
    </div>
  );
}

export function Empty(props: { text: string }) {
  return <p class="empty">{props.text}</p>;
}
