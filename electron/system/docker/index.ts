/** Docker Desktop's containers, read-only over the engine's named pipe (issue #14). */
export { createDockerService, containersOnPort, parseContainers, type DockerService } from './docker-service';
export { createPipeTransport, DOCKER_PIPE, CONTAINERS_PATH } from './pipe-client';
export type { DockerAnswer, DockerTransport } from './types';
