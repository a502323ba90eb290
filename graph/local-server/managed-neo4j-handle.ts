import { activeMaintenance, describeMaintenance } from "./maintenance-hold";
import { Neo4jSupervisor, type ManagedNeo4jRunState } from "./neo4j-supervisor";
import { restartOnSamePort, stopServer, type RunningServer, type ServerSettings } from "./server-lifecycle";
import { readServerState, wasStopRequested } from "./server-state";

export type { ManagedNeo4jLog } from "./neo4j-supervisor";

/** A running Neo4j that Relata started (or found already running in the same home). */
export interface ManagedNeo4j {
  /** Bolt URI, always on 127.0.0.1; the same after a supervised restart. */
  readonly uri: string;
  readonly user: string;
  readonly password: string;
  readonly home: string;
  readonly dataDir: string;
  /** Process id of the JVM; a new one after a supervised restart. */
  readonly pid: number;
  /**
   * `false` when this handle attached to a server another process started (`npm run db -- start`, or a
   * second `npm start`); {@link stop} then leaves that server running.
   */
  readonly owned: boolean;
  /** Where Neo4j Browser is served, when the server runs with it. */
  readonly browserUrl: string | undefined;
  /** `restarting` between an unexpected exit and the server being ready again; `stopped` after {@link stop}. */
  readonly state: ManagedNeo4jRunState;
  /**
   * Ends supervision and stops the server if this handle owns it: SIGTERM, up to 30 s for a clean shutdown,
   * then SIGKILL. A stop is deliberate: no supervisor (here or in another process) restarts it.
   */
  stop(): Promise<void>;
}

/** The handle {@link startManagedNeo4j} returns: the server, its supervisor, and how to stop both. */
export class ManagedNeo4jHandle implements ManagedNeo4j {
  readonly uri: string;
  readonly user: string;
  readonly password: string;
  readonly home: string;
  readonly dataDir: string;
  private server: RunningServer;
  private runState: ManagedNeo4jRunState = "running";
  private stopping: Promise<void> | undefined;
  private readonly supervisor: Neo4jSupervisor<RunningServer> | undefined;

  constructor(
    server: RunningServer,
    private readonly settings: ServerSettings,
    supervise: boolean,
  ) {
    this.server = server;
    ({ uri: this.uri, user: this.user, password: this.password, dataDir: this.dataDir } = server.record);
    this.home = settings.home;
    if (!supervise) return;
    this.supervisor = new Neo4jSupervisor<RunningServer>({
      uri: this.uri,
      log: settings.log,
      stopRequested: (pid) => wasStopRequested(readServerState(this.home), pid),
      heldDown: () => {
        const hold = activeMaintenance(readServerState(this.home));
        return hold && describeMaintenance(hold);
      },
      restart: () => this.restart(),
      onChange: (state, next) => {
        if (next) this.server = next;
        if (!this.stopping) this.runState = state;
      },
    });
    this.supervisor.watch(server);
  }

  get pid(): number {
    return this.server.pid;
  }

  get browserUrl(): string | undefined {
    return this.server.record.browserUrl;
  }

  get owned(): boolean {
    return this.server.owned;
  }

  get state(): ManagedNeo4jRunState {
    return this.runState;
  }

  stop(): Promise<void> {
    this.stopping ??= (async () => {
      this.runState = "stopped";
      await this.supervisor?.stop();
      if (this.server.owned) await stopServer(this.home, this.server.pid);
    })();
    return this.stopping;
  }

  /** The supervisor's way back: the same port, so every client's driver reconnects by itself. */
  private restart(): Promise<RunningServer> {
    return restartOnSamePort(this.settings, this.uri, this.server);
  }
}
