{{- define "selter.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "selter.labels" -}}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end -}}

{{- define "selter.selector" -}}
app.kubernetes.io/name: {{ .root.Chart.Name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end -}}

{{- define "selter.image" -}}
{{ .Values.image.repository }}:{{ .Values.image.tag | default .Chart.AppVersion }}
{{- end -}}

{{/* postgres://user@host:port/db[?sslmode=…]; the password comes from DATABASE_PASSWORD_FILE. */}}
{{- define "selter.databaseUrl" -}}
{{- $pg := .root.Values.postgresql -}}
postgres://{{ .user }}@{{ $pg.host }}:{{ $pg.port }}/{{ $pg.database }}{{ if $pg.sslmode }}?sslmode={{ $pg.sslmode }}{{ end }}
{{- end -}}

{{/* Volumes of secret files one process reads: .files is a list of [volumeName, secretName, key, path]. */}}
{{- define "selter.secretVolumes" -}}
- name: tmp
  emptyDir: {}
{{- range .files }}
- name: {{ index . 0 }}
  secret:
    secretName: {{ index . 1 }}
    defaultMode: 0440
    {{- if index . 2 }}
    items:
      - key: {{ index . 2 }}
        path: {{ index . 3 }}
    {{- end }}
{{- end }}
{{- end -}}

{{- define "selter.secretMounts" -}}
- name: tmp
  mountPath: /tmp
{{- range .files }}
- name: {{ index . 0 }}
  mountPath: /run/secrets/{{ index . 0 }}
  readOnly: true
{{- end }}
{{- end -}}

{{/*
The secret files of a process: the database role's password, and per need Kafka's and Temporal's
credentials, the payload keys, the checkpoint key. .needs: list of "kafka", "temporal", "payload", "checkpoint".
*/}}
{{- define "selter.files" -}}
{{- $v := .root.Values -}}
{{- $files := list (list "db-password" .passwordSecret.name .passwordSecret.key "password") -}}
{{- if has "kafka" .needs -}}
{{- if $v.kafka.tls.caSecret.name -}}{{- $files = append $files (list "kafka-ca" $v.kafka.tls.caSecret.name $v.kafka.tls.caSecret.key "ca.crt") -}}{{- end -}}
{{- if $v.kafka.tls.clientSecret -}}{{- $files = append $files (list "kafka-client" $v.kafka.tls.clientSecret "" "") -}}{{- end -}}
{{- if $v.kafka.sasl.mechanism -}}{{- $files = append $files (list "kafka-sasl" $v.kafka.sasl.passwordSecret.name $v.kafka.sasl.passwordSecret.key "password") -}}{{- end -}}
{{- end -}}
{{- if has "temporal" .needs -}}
{{- if $v.temporal.tls.caSecret.name -}}{{- $files = append $files (list "temporal-ca" $v.temporal.tls.caSecret.name $v.temporal.tls.caSecret.key "ca.crt") -}}{{- end -}}
{{- if $v.temporal.tls.clientSecret -}}{{- $files = append $files (list "temporal-client" $v.temporal.tls.clientSecret "" "") -}}{{- end -}}
{{- if $v.temporal.apiKeySecret.name -}}{{- $files = append $files (list "temporal-api-key" $v.temporal.apiKeySecret.name $v.temporal.apiKeySecret.key "api-key") -}}{{- end -}}
{{- end -}}
{{- if has "payload" .needs -}}{{- $files = append $files (list "temporal-payload-keys" $v.temporal.payloadKeysSecret.name $v.temporal.payloadKeysSecret.key "keys.json") -}}{{- end -}}
{{- if has "checkpoint" .needs -}}{{- $files = append $files (list "checkpoint-key" $v.checkpoint.keySecret.name $v.checkpoint.keySecret.key "key.pem") -}}{{- end -}}
{{- toJson $files -}}
{{- end -}}

{{/* The variables naming those files (the values themselves stay in the files). */}}
{{- define "selter.fileEnv" -}}
{{- $v := .root.Values -}}
- name: DATABASE_PASSWORD_FILE
  value: /run/secrets/db-password/password
{{- if has "kafka" .needs }}
{{- if $v.kafka.tls.caSecret.name }}
- name: KAFKA_TLS_CA_FILE
  value: /run/secrets/kafka-ca/ca.crt
{{- end }}
{{- if $v.kafka.tls.clientSecret }}
- name: KAFKA_TLS_CERT_FILE
  value: /run/secrets/kafka-client/user.crt
- name: KAFKA_TLS_KEY_FILE
  value: /run/secrets/kafka-client/user.key
{{- end }}
{{- if $v.kafka.sasl.mechanism }}
- name: KAFKA_SASL_MECHANISM
  value: {{ $v.kafka.sasl.mechanism | quote }}
- name: KAFKA_SASL_USERNAME
  value: {{ $v.kafka.sasl.username | quote }}
- name: KAFKA_SASL_PASSWORD_FILE
  value: /run/secrets/kafka-sasl/password
{{- end }}
{{- end }}
{{- if has "temporal" .needs }}
{{- if $v.temporal.tls.caSecret.name }}
- name: TEMPORAL_TLS_CA_FILE
  value: /run/secrets/temporal-ca/ca.crt
{{- end }}
{{- if $v.temporal.tls.clientSecret }}
- name: TEMPORAL_TLS_CERT_FILE
  value: /run/secrets/temporal-client/tls.crt
- name: TEMPORAL_TLS_KEY_FILE
  value: /run/secrets/temporal-client/tls.key
{{- end }}
{{- if $v.temporal.apiKeySecret.name }}
- name: TEMPORAL_API_KEY_FILE
  value: /run/secrets/temporal-api-key/api-key
{{- end }}
{{- end }}
{{- if has "payload" .needs }}
- name: TEMPORAL_PAYLOAD_KEYS_FILE
  value: /run/secrets/temporal-payload-keys/keys.json
{{- end }}
{{- if has "checkpoint" .needs }}
- name: CHECKPOINT_KEY_FILE
  value: /run/secrets/checkpoint-key/key.pem
{{- end }}
{{- end -}}
