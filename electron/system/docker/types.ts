import type { DockerNoteReason } from '../../../shared/model';

/** The one read Portwarden makes of Docker: GET /containers/json on the engine's named pipe. */
export type DockerAnswer =
  | { readonly ok: true; readonly status: number; readonly body: string }
  /** Docker absent, stopped, refusing or too slow: a note for the user, never an error. */
  | { readonly ok: false; readonly reason: DockerNoteReason; readonly note: string };

export interface DockerTransport {
  /** The body of GET /containers/json (running containers only, the API's default). */
  getContainers(): Promise<DockerAnswer>;
}
