import { useEffect, useState } from "preact/hooks";
import {
  ExplorerAcknowledgeReceiptDocument,
  ExplorerCompleteTaskDocument,
  ExplorerConfirmProposalDocument,
  ExplorerInboxDocument,
  ExplorerInboxQuery,
  ExplorerMyTasksDocument,
  ExplorerRejectProposalDocument,
  ExplorerTasksDocument,
} from "../api/generated/graphql";
import { ExplorerError } from "../api/explorer-error";
import { runOperation } from "../api/graphql-client";
import { useT } from "../i18n/i18n";
import { href } from "../routing/routes";
import { navigate } from "../routing/router";
import { formatDay } from "../shared/format";
import { Link } from "../shared/link";
import { useSession } from "../shared/session-context";
import { Empty, ErrorMessage, Loading } from "../shared/status";
import { useLoad } from "../shared/use-operation";
import {
  assigneeText,
  isOverdue,
  replaceTask,
  REVIEW_VERDICTS,
  STATUS_CHOICES,
  StatusChoice,
  statusFilter,
  WORK_VIEWS,
  WorkTask,
  WorkView,
} from "./work.logic";

const PAGE = 50;

/** The work playbooks hand out: my tasks, every task of the tenant, and proposals and receipts to decide. */
export function WorkPage(props: { view: WorkView; status: StatusChoice }) {
  const t = useT();
  return (
    <section aria-labelledby="work-title">
      <h1 id="work-title">{t("workTitle")}</h1>
      <nav class="tabs" aria-label={t("workTitle")}>
        {WORK_VIEWS.map((view) => (
          <Link
            key={view}
            href={href({ page: "work", view, status: props.status })}
            class={view === props.view ? "active" : ""}
          >
            {t(`workView_${view}`)}
          </Link>
        ))}
      </nav>
      {props.view === "inbox" ? <Inbox /> : <TaskList view={props.view} status={props.status} />}
    </section>
  );
}

function TaskList(props: { view: Exclude<WorkView, "inbox">; status: StatusChoice }) {
  const t = useT();
  const status = statusFilter(props.status);
  const data = useLoad(
    (token, signal) =>
      props.view === "mine"
        ? runOperation(ExplorerMyTasksDocument, { status, first: PAGE }, token, signal).then((d) => d.myTasks)
        : runOperation(ExplorerTasksDocument, { filter: { status }, first: PAGE }, token, signal).then((d) => d.tasks),
    [props.view, props.status],
  );
  return (
    <>
      <label for="work-status">{t("taskStatus")}</label>{" "}
      <select
        id="work-status"
        value={props.status}
        onChange={(e) =>
          navigate(
            href({
              page: "work",
              view: props.view,
              status: (e.currentTarget as HTMLSelectElement).value as StatusChoice,
            }),
          )
        }
      >
        {STATUS_CHOICES.map((choice) => (
          <option key={choice} value={choice}>
            {t(`taskStatus_${choice}`)}
          </option>
        ))}
      </select>
      {data.state === "loading" && <Loading />}
      {data.state === "error" && <ErrorMessage error={data.error} retry={data.retry} />}
      {data.state === "done" &&
        (data.data.items.length === 0 ? (
          <Empty text={props.view === "mine" ? t("myTasksEmpty") : t("tasksEmpty")} />
        ) : (
          <Tasks key={`${props.view}:${props.status}`} initial={data.data.items} />
        ))}
    </>
  );
}

function Tasks(props: { initial: WorkTask[] }) {
  const t = useT();
  const [tasks, setTasks] = useState(props.initial);
  useEffect(() => setTasks(props.initial), [props.initial]);
  const now = new Date();
  return (
    <table class="grid work" data-testid="tasks">
      <caption class="visually-hidden">{t("workTitle")}</caption>
      <thead>
        <tr>
          <th scope="col">{t("taskTitle")}</th>
          <th scope="col">{t("taskFor")}</th>
          <th scope="col">{t("taskAccounts")}</th>
          <th scope="col">{t("taskDue")}</th>
          <th scope="col">{t("taskStatus")}</th>
          <th scope="col">{t("taskDo")}</th>
        </tr>
      </thead>
      <tbody>
        {tasks.map((task) => (
          <tr key={task.id} data-status={task.status} class={isOverdue(task, now) ? "overdue" : ""}>
            <td>
              <strong>{task.title}</strong>
              <div class="muted">
                {task.kind === "REVIEW" ? `${t("review")} · ${task.reviewType ?? ""}` : task.template}
                {task.playbookId && ` · ${t("fromPlaybook", { version: task.playbookVersion ?? "?" })}`}
              </div>
            </td>
            <td>{assigneeText(task.assignee)}</td>
            <td>
              {task.accountIds.map((id) => (
                <Link key={id} href={href({ page: "account", id })}>
                  360
                </Link>
              ))}
            </td>
            <td>
              {formatDay(task.dueAt)}
              {isOverdue(task, now) && <span class="badge warn"> {t("overdue")}</span>}
            </td>
            <td>
              {t(`taskStatus_${task.status}`)}
              {task.verdict && <div class="muted">{task.verdict}</div>}
              {task.completedBy && (
                <div class="muted">{t("completedBy", { who: task.completedBy, day: formatDay(task.completedAt) })}</div>
              )}
            </td>
            <td>
              {task.status === "OPEN" && (
                <CompleteForm task={task} onDone={(done) => setTasks((all) => replaceTask(all, done))} />
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function CompleteForm(props: { task: WorkTask; onDone: (task: WorkTask) => void }) {
  const t = useT();
  const session = useSession();
  const [note, setNote] = useState("");
  const [verdict, setVerdict] = useState<string>(REVIEW_VERDICTS[0]);
  const [error, setError] = useState<ExplorerError | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = () => {
    setBusy(true);
    setError(null);
    runOperation(
      ExplorerCompleteTaskDocument,
      { id: props.task.id, note: note.trim() || null, verdict: props.task.kind === "REVIEW" ? verdict : null },
      session.token,
    ).then(
      (data) => props.onDone(data.completeTask),
      (failure: ExplorerError) => {
        setError(failure);
        setBusy(false);
      },
    );
  };
  const noteId = `note-${props.task.id}`;
  return (
    <form
      class="complete"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <label for={noteId} class="visually-hidden">
        {t("taskNote")}
      </label>
      <input
        id={noteId}
        placeholder={t("taskNote")}
        value={note}
        onInput={(e) => setNote((e.currentTarget as HTMLInputElement).value)}
      />
      {props.task.kind === "REVIEW" && (
        <select
          aria-label={t("verdict")}
          value={verdict}
          onChange={(e) => setVerdict((e.currentTarget as HTMLSelectElement).value)}
        >
          {REVIEW_VERDICTS.map((v) => (
            <option key={v} value={v}>
              {v}
            </option>
          ))}
        </select>
      )}
      <button type="submit" disabled={busy}>
        {t("complete")}
      </button>
      {error && <ErrorMessage error={error} />}
    </form>
  );
}

type InboxItem = ExplorerInboxQuery["proposals"]["items"][number] | ExplorerInboxQuery["receipts"]["items"][number];

function Inbox() {
  const t = useT();
  const data = useLoad((token, signal) => runOperation(ExplorerInboxDocument, { first: PAGE }, token, signal), []);
  if (data.state === "loading") return <Loading />;
  if (data.state === "error") return <ErrorMessage error={data.error} retry={data.retry} />;
  return (
    <div class="columns">
      <section class="card" aria-labelledby="proposals-title" data-testid="proposals">
        <h2 id="proposals-title">{t("proposalsTitle")}</h2>
        {data.data.proposals.items.length === 0 ? (
          <Empty text={t("proposalsEmpty")} />
        ) : (
          <ul class="plain">
            {data.data.proposals.items.map((item) => (
              <InboxEntry key={item.id} item={item} kind="proposal" />
            ))}
          </ul>
        )}
      </section>
      <section class="card" aria-labelledby="receipts-title" data-testid="receipts">
        <h2 id="receipts-title">{t("receiptsTitle")}</h2>
        {data.data.receipts.items.length === 0 ? (
          <Empty text={t("receiptsEmpty")} />
        ) : (
          <ul class="plain">
            {data.data.receipts.items.map((item) => (
              <InboxEntry key={item.id} item={item} kind="receipt" />
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

function InboxEntry(props: { item: InboxItem; kind: "proposal" | "receipt" }) {
  const t = useT();
  const session = useSession();
  const [state, setState] = useState<{ done: string | null; error: ExplorerError | null; busy: boolean }>({
    done: null,
    error: null,
    busy: false,
  });
  const act = (run: () => Promise<string>) => {
    setState({ done: null, error: null, busy: true });
    run().then(
      (done) => setState({ done, error: null, busy: false }),
      (error: ExplorerError) => setState({ done: null, error, busy: false }),
    );
  };
  const { item } = props;
  return (
    <li class="inbox-entry">
      <strong>
        {item.playbookName} v{item.playbookVersion}
      </strong>{" "}
      <span class="muted">
        {formatDay(item.createdAt)} · {t("owner")}: {item.ownerUserId}
      </span>
      <ul class="plain">
        {item.actions.map((action) => (
          <li key={action.index}>
            {action.kind}: {action.status}
            {action.reason && <span class="muted"> — {action.reason}</span>}
          </li>
        ))}
      </ul>
      {item.accountIds.map((id) => (
        <Link key={id} href={href({ page: "account", id })}>
          360
        </Link>
      ))}{" "}
      {state.done ? (
        <span role="status">{state.done}</span>
      ) : props.kind === "proposal" ? (
        <>
          <button
            type="button"
            disabled={state.busy}
            onClick={() =>
              act(() =>
                runOperation(ExplorerConfirmProposalDocument, { id: item.id }, session.token).then(
                  (d) => `${t("confirmed")}: ${d.confirmProposal.status}`,
                ),
              )
            }
          >
            {t("confirm")}
          </button>{" "}
          <button
            type="button"
            class="secondary"
            disabled={state.busy}
            onClick={() =>
              act(() =>
                runOperation(ExplorerRejectProposalDocument, { id: item.id, reason: null }, session.token).then(() =>
                  t("rejected"),
                ),
              )
            }
          >
            {t("reject")}
          </button>
        </>
      ) : (
        <button
          type="button"
          disabled={state.busy}
          onClick={() =>
            act(() =>
              runOperation(ExplorerAcknowledgeReceiptDocument, { id: item.id }, session.token).then(() =>
                t("acknowledged"),
              ),
            )
          }
        >
          {t("acknowledge")}
        </button>
      )}
      {state.error && <ErrorMessage error={state.error} />}
    </li>
  );
}
