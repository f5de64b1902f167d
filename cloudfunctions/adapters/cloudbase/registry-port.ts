import { registryFromEnv, unconfiguredRegistry } from '../registry';

/** `HULIAN_REGISTRY_URL` (HTTP provider) or `HULIAN_REGISTRY=sample`; otherwise `registry/unavailable`. */
export const registryFromEnvPort = () => registryFromEnv(process.env, unconfiguredRegistry);
