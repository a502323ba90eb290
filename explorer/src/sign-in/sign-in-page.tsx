import { useEffect, useState } from "preact/hooks";
import { demoAvailability, DemoAvailability, fetchDemoToken } from "../api/demo-token";
import type { ExplorerError } from "../api/explorer-error";
import { useT } from "../i18n/i18n";

export function SignInPage(props: { reason: ExplorerError | null; onSignIn: (token: string) => void }) {
  const t = useT();
  const [token, setToken] = useState("");
  const [demo, setDemo] = useState<DemoAvailability>({ available: false });
  const [demoError, setDemoError] = useState<string | null>(null);

  useEffect(() => {
    void demoAvailability().then(setDemo);
  }, []);

  const reason = props.reason;
  return (
    <section class="sign-in" aria-labelledby="sign-in-title">
      <h1 id="sign-in-title">{t("signInTitle")}</h1>
      {reason && (
        <p class="error" role="alert">
          {reason.kind === "UNAUTHENTICATED"
            ? t("tokenExpired", { detail: reason.message })
            : reason.kind === "SERVER_DOWN"
              ? t("serverDown")
              : t("failed", { detail: reason.message })}
        </p>
      )}
      <p>{t("signInIntro")}</p>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (token.trim()) props.onSignIn(token);
        }}
      >
        <label for="token">{t("tokenLabel")}</label>
        <textarea
          id="token"
          rows={4}
          value={token}
          autoComplete="off"
          spellcheck={false}
          onInput={(e) => setToken((e.currentTarget as HTMLTextAreaElement).value)}
        />
        <button type="submit">{t("signInButton")}</button>
      </form>
      {demo.available && (
        <div class="demo">
          <button
            type="button"
            onClick={() => fetchDemoToken().then(props.onSignIn, (error: Error) => setDemoError(error.message))}
          >
            {t("demoButton", { tenant: demo.tenant ?? "demo" })}
          </button>
          <p class="hint">{t("demoHint")}</p>
          {demoError && (
            <p class="error" role="alert">
              {demoError}
            </p>
          )}
        </div>
      )}
    </section>
  );
}
