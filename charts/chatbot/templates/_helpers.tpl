{{/*
Expand the name of the chart.
*/}}
{{- define "chatbot.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Create a default fully qualified app name (63 characters: the DNS-label limit).
If the release name contains the chart name it is used as the full name.
*/}}
{{- define "chatbot.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{/*
Create chart name and version as used by the chart label.
*/}}
{{- define "chatbot.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Common labels (FR-026, FR-033): helm create's set plus app, version and part-of.
*/}}
{{- define "chatbot.labels" -}}
helm.sh/chart: {{ include "chatbot.chart" . }}
{{ include "chatbot.selectorLabels" . }}
app: {{ include "chatbot.name" . }}
version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/part-of: todo-chatbot
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{/*
Selector labels.
*/}}
{{- define "chatbot.selectorLabels" -}}
app.kubernetes.io/name: {{ include "chatbot.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{/*
Labels of one component. Call with (dict "ctx" $ "component" "api").
*/}}
{{- define "chatbot.componentLabels" -}}
{{ include "chatbot.labels" .ctx }}
component: {{ .component }}
app.kubernetes.io/component: {{ .component }}
{{- end }}

{{/*
Selector labels of one component. Call with (dict "ctx" $ "component" "api").
*/}}
{{- define "chatbot.componentSelectorLabels" -}}
{{ include "chatbot.selectorLabels" .ctx }}
app.kubernetes.io/component: {{ .component }}
{{- end }}

{{/* Name of the ServiceAccount. */}}
{{- define "chatbot.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "chatbot.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/* Image references: the tag defaults to appVersion and "latest" is refused. */}}
{{- define "chatbot.image" -}}
{{- $tag := default .ctx.Chart.AppVersion .image.tag | toString }}
{{- if eq $tag "latest" }}
{{- fail "image tag \"latest\" is not allowed: set an immutable tag (the git sha)" }}
{{- end }}
{{- printf "%s:%s" .image.repository $tag }}
{{- end }}

{{/* Resource names. */}}
{{- define "chatbot.apiName" -}}{{ include "chatbot.fullname" . }}-api{{- end }}
{{- define "chatbot.webName" -}}{{ include "chatbot.fullname" . }}-web{{- end }}
{{- define "chatbot.postgresqlName" -}}{{ include "chatbot.fullname" . }}-postgresql{{- end }}

{{/* Secret holding OPENAI_API_KEY and BETTER_AUTH_SECRET (and DATABASE_URL for an external DB). */}}
{{- define "chatbot.secretName" -}}
{{- if and (ne .Values.secrets.mode "chart") .Values.secrets.existingSecret }}
{{- .Values.secrets.existingSecret }}
{{- else }}
{{- include "chatbot.fullname" . }}-secrets
{{- end }}
{{- end }}

{{/* Secret holding DATABASE_URL: the in-cluster database's Secret when it is on. */}}
{{- define "chatbot.databaseSecretName" -}}
{{- if .Values.postgresql.enabled }}
{{- include "chatbot.postgresqlName" . }}
{{- else }}
{{- include "chatbot.secretName" . }}
{{- end }}
{{- end }}

{{/* DATABASE_URL of the in-cluster database. */}}
{{- define "chatbot.postgresqlUrl" -}}
{{- $a := .Values.postgresql.auth }}
{{- printf "postgresql://%s:%s@%s:5432/%s" $a.username $a.password (include "chatbot.postgresqlName" .) $a.database }}
{{- end }}

{{/* Checksum of the secret inputs, so pods roll when they change. */}}
{{- define "chatbot.secretChecksum" -}}
{{- $in := dict "mode" .Values.secrets.mode "name" (include "chatbot.secretName" .) }}
{{- if eq .Values.secrets.mode "chart" }}{{- $_ := set $in "values" .Values.secrets.values }}{{- end }}
{{- if eq .Values.secrets.mode "sealed" }}{{- $_ := set $in "sealed" .Values.secrets.encryptedData }}{{- end }}
{{- if .Values.postgresql.enabled }}{{- $_ := set $in "db" .Values.postgresql.auth }}{{- end }}
{{- toJson $in | sha256sum }}
{{- end }}

{{/* Guards that cannot be expressed in values.schema.json. */}}
{{- define "chatbot.validate" -}}
{{- if and (eq .Values.profile "prod") (eq .Values.secrets.mode "chart") }}
{{- fail "secrets.mode=chart is for dev only: with profile=prod use secrets.mode=sealed (bootstrap/seal-secret.sh) or secrets.mode=existing" }}
{{- end }}
{{- if and (eq .Values.profile "prod") .Values.postgresql.enabled }}
{{- fail "postgresql.enabled is for dev only: with profile=prod point DATABASE_URL at an external database" }}
{{- end }}
{{- if and (eq .Values.secrets.mode "sealed") (not .Values.secrets.encryptedData) }}
{{- fail "secrets.mode=sealed needs secrets.encryptedData (run bootstrap/seal-secret.sh <env>)" }}
{{- end }}
{{- if and .Values.postgresql.enabled (not .Values.postgresql.auth.password) }}
{{- fail "postgresql.enabled needs postgresql.auth.password" }}
{{- end }}
{{- if le (int .Values.api.terminationGracePeriodSeconds) (div (int .Values.api.shutdownDelayMs) 1000 | int) }}
{{- fail "api.terminationGracePeriodSeconds must exceed api.shutdownDelayMs/1000" }}
{{- end }}
{{- end }}

{{/* Pod-level securityContext (UID/GID 1000 unless given). Call with (dict "uid" 1000). */}}
{{- define "chatbot.podSecurityContext" -}}
runAsNonRoot: true
runAsUser: {{ .uid | default 1000 }}
runAsGroup: {{ .uid | default 1000 }}
fsGroup: {{ .uid | default 1000 }}
seccompProfile:
  type: RuntimeDefault
{{- end }}

{{/* Container-level securityContext. Call with (dict "uid" 1000). */}}
{{- define "chatbot.containerSecurityContext" -}}
runAsNonRoot: true
runAsUser: {{ .uid | default 1000 }}
runAsGroup: {{ .uid | default 1000 }}
readOnlyRootFilesystem: true
allowPrivilegeEscalation: false
privileged: false
capabilities:
  drop: ["ALL"]
seccompProfile:
  type: RuntimeDefault
{{- end }}

{{/* secretKeyRef env entries shared by api, web and the migration Job. */}}
{{- define "chatbot.databaseUrlEnv" -}}
- name: DATABASE_URL
  valueFrom:
    secretKeyRef:
      name: {{ include "chatbot.databaseSecretName" . }}
      key: DATABASE_URL
{{- end }}
