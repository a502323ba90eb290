import {
  ExplorerPlaybookDocument,
  ExplorerPlaybooksDocument,
  ExplorerPlaybookStatsFragment,
} from "../api/generated/graphql";
import { runOperation } from "../api/graphql-client";
import { useLang, useT } from "../i18n/i18n";
import { href } from "../routing/routes";
import { formatDay } from "../shared/format";
import { Link } from "../shared/link";
import { Empty, ErrorMessage, Loading } from "../shared/status";
import { useLoad } from "../shared/use-operation";
import { describeParts, describeTrigger, formatRate, readDefinition } from "./playbooks.logic";

/** Every playbook of the tenant with what it achieved; one playbook's definition, versions and firings. */
export function PlaybooksPage(props: { id: string | null }) {
  const t = useT();
  const list = useLoad((token, signal) => runOperation(ExplorerPlaybooksDocument, { first: 100 }, token, signal), []);
  return (
    <section aria-labelledby="playbooks-title">
      <h1 id="playbooks-title">{t("playbooksTitle")}</h1>
      {list.state === "loading" && <Loading />}
      {list.state === "error" && <ErrorMessage error={list.error} retry={list.retry} />}
      {list.state === "done" &&
        (list.data.playbooks.playbooks.length === 0 ? (
          <Empty text={t("playbooksEmpty")} />
        ) : (
          <table class="grid" data-testid="playbooks">
            <caption class="visually-hidden">{t("playbooksTitle")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("playbook")}</th>
                <th scope="col">{t("taskStatus")}</th>
                <th scope="col">{t("owner")}</th>
                <th scope="col">{t("firings")}</th>
                <th scope="col">{t("successRate")}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.playbooks.playbooks.map((playbook) => (
                <tr key={playbook.id} class={playbook.id === props.id ? "selected" : ""}>
                  <td>
                    <Link href={href({ page: "playbooks", id: playbook.id })}>{playbook.name}</Link>{" "}
                    <span class="muted">v{playbook.currentVersion}</span>
                  </td>
                  <td>
                    {playbook.status}
                    {playbook.pausedReason && <div class="muted">{playbook.pausedReason}</div>}
                  </td>
                  <td>{playbook.ownerUserId}</td>
                  <td>{playbook.stats.firings}</td>
                  <td>{formatRate(playbook.stats.successRate)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
      {props.id && <PlaybookDetail key={props.id} id={props.id} />}
    </section>
  );
}

function PlaybookDetail(props: { id: string }) {
  const t = useT();
  const lang = useLang();
  const data = useLoad(
    (token, signal) => runOperation(ExplorerPlaybookDocument, { id: props.id }, token, signal),
    [props.id],
  );
  if (data.state === "loading") return <Loading />;
  if (data.state === "error") return <ErrorMessage error={data.error} retry={data.retry} />;
  const playbook = data.data.playbook;
  const definition = readDefinition(playbook.definition);
  return (
    <article class="card" aria-labelledby="playbook-title" data-testid="playbook">
      <h2 id="playbook-title">
        {playbook.name}{" "}
        <span class="muted">
          v{playbook.currentVersion} · {playbook.status}
        </span>
      </h2>
      <p>
        <strong>{t("intent")}:</strong> {definition.intent ?? "–"} · <strong>{t("mode")}:</strong>{" "}
        {definition.mode ?? "–"}
      </p>
      <dl class="definition">
        <dt>{t("trigger")}</dt>
        <dd data-testid="trigger">{describeTrigger(definition.trigger, lang)}</dd>
        <dt>{t("conditions")}</dt>
        <dd>
          <ul class="plain">
            {describeParts(definition.conditions).map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ul>
        </dd>
        <dt>{t("actions")}</dt>
        <dd>
          <ul class="plain">
            {describeParts(definition.actions).map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ul>
        </dd>
        <dt>{t("feedback")}</dt>
        <dd>{describeParts(definition.feedback ? [definition.feedback] : [])[0] ?? "–"}</dd>
      </dl>
      <Stats stats={playbook.stats} />
      <h3>{t("firingsTitle")}</h3>
      {playbook.firings.length === 0 ? (
        <Empty text={t("firingsEmpty")} />
      ) : (
        <table class="grid" data-testid="firings">
          <caption class="visually-hidden">{t("firingsTitle")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("eventAt")}</th>
              <th scope="col">{t("subject")}</th>
              <th scope="col">{t("outcome")}</th>
              <th scope="col">{t("basis")}</th>
            </tr>
          </thead>
          <tbody>
            {playbook.firings.map((firing) => (
              <tr key={firing.id}>
                <td>{firing.firedAt.replace("T", " ").slice(0, 19)}</td>
                <td>
                  {firing.region ?? firing.subject}
                  {firing.accountIds.slice(0, 5).map((id) => (
                    <>
                      {" "}
                      <Link key={id} href={href({ page: "account", id })}>
                        360
                      </Link>
                    </>
                  ))}
                  {firing.batchCodes.length > 0 && <div class="muted">{firing.batchCodes.join(", ")}</div>}
                </td>
                <td>
                  {firing.outcome}
                  {firing.outcomeReason && <div class="muted">{firing.outcomeReason}</div>}
                </td>
                <td>
                  <details>
                    <summary>{t("basis")}</summary>
                    <pre class="json">{JSON.stringify(firing.basis, null, 2)}</pre>
                  </details>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3>{t("versions")}</h3>
      <ul class="plain">
        {playbook.versions.map((v) => (
          <li key={v.version}>
            v{v.version} · {formatDay(v.savedAt)} · {v.savedBy}
          </li>
        ))}
      </ul>
    </article>
  );
}

function Stats(props: { stats: ExplorerPlaybookStatsFragment }) {
  const t = useT();
  const s = props.stats;
  return (
    <dl class="stats" data-testid="playbook-stats">
      <dt>{t("firings")}</dt>
      <dd>{s.firings}</dd>
      <dt>{t("tasksDoneInTime")}</dt>
      <dd>
        {s.tasksCompletedInTime} / {s.tasks}
      </dd>
      <dt>{t("proposalsDecided")}</dt>
      <dd>
        {s.proposalsConfirmed} ✓ · {s.proposalsRejected} ✗ · {s.proposalsPending} …
      </dd>
      <dt>{t("feedbackCounts")}</dt>
      <dd>
        {s.feedbackMet} ✓ · {s.feedbackMissed} ✗ · {s.feedbackPending} …
      </dd>
      <dt>{t("successRate")}</dt>
      <dd>{formatRate(s.successRate)}</dd>
    </dl>
  );
}
