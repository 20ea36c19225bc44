/**
 * Engine versions, pinned. Bumping one changes its cache key, so every clone rebuilds it once.
 * Why these: ADR 0002.
 */
export const TEMPORAL_CLI_VERSION = '1.5.1';
export const KAFKA_VERSION = '3.9.1';
/** Only to validate docker-compose.yml: the newest tag whose go.mod `go install` accepts. */
export const COMPOSE_VERSION = '2.28.1';
/** The Temporal server inside CLI v1.5.1; the compose deployment runs the same server. */
export const TEMPORAL_SERVER_VERSION = '1.29.1';
/** Temporal's time-skipping test server (Java, Maven Central), for tests of timers of days. */
export const TEMPORAL_TEST_SERVER_VERSION = '1.38.0';
/** Keycloak's Quarkus distribution (Maven Central zip), the identity provider of `npm start` and the tests (ADR 0026). */
export const KEYCLOAK_VERSION = '26.7.3';
/** Only to lint and render the Helm chart (deploy/helm/selter): `go install`, ADR 0032. */
export const HELM_VERSION = '4.3.2';
/** Validates the rendered chart against the Kubernetes schemas, offline (ADR 0032). */
export const KUBECONFORM_VERSION = '0.7.0';
/** PyPI's `kubernetes-validate`, whose wheel ships the Kubernetes JSON schemas kubeconform reads (ADR 0032). */
export const KUBERNETES_VALIDATE_VERSION = '1.37.0';
/** The Kubernetes version whose schemas the chart is validated against (one the wheel ships). */
export const KUBERNETES_SCHEMA_VERSION = '1.33.0';
