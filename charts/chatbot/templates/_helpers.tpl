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
Common labels (FR-026, FR-033): helm create's set plus app, version and part-of. Call with
(dict "ctx" $ "version" "..."); version defaults to the chart's appVersion.
*/}}
{{- define "chatbot.labels" -}}
{{- $ := .ctx }}
{{- $version := include "chatbot.labelValue" (.version | default $.Chart.AppVersion) -}}
helm.sh/chart: {{ include "chatbot.chart" $ }}
{{ include "chatbot.selectorLabels" $ }}
app: {{ include "chatbot.name" $ }}
version: {{ $version | quote }}
app.kubernetes.io/version: {{ $version | quote }}
app.kubernetes.io/part-of: todo-chatbot
app.kubernetes.io/managed-by: {{ $.Release.Service }}
{{- end }}

{{/* A string made a valid label value: allowed characters only, 63 at most, alphanumeric at both ends. */}}
{{- define "chatbot.labelValue" -}}
{{- $v := regexReplaceAll "[^-A-Za-z0-9_.]" (toString .) "_" | trunc 63 }}
{{- $v = regexReplaceAll "^[^A-Za-z0-9]+" $v "" }}
{{- regexReplaceAll "[^A-Za-z0-9]+$" $v "" }}
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
{{- $values := .ctx.Values }}
{{- $image := dict "api" $values.api.image "migrate" $values.api.image "test" $values.api.image "web" $values.web.image }}
{{- $version := "" }}
{{- with get $image .component }}{{ $version = include "chatbot.imageTag" (dict "ctx" $.ctx "image" .) }}{{ end -}}
{{ include "chatbot.labels" (dict "ctx" .ctx "version" $version) }}
component: {{ .component }}
app.kubernetes.io/component: {{ .component }}
{{- end }}

{{/*
Labels that never change with the chart or image version, for the database's pod template (a change
restarts PostgreSQL) and its volumeClaimTemplates (immutable once the StatefulSet exists).
Call with (dict "ctx" $ "component" "postgresql").
*/}}
{{- define "chatbot.stableComponentLabels" -}}
{{ include "chatbot.componentSelectorLabels" . }}
app: {{ include "chatbot.name" .ctx }}
component: {{ .component }}
app.kubernetes.io/part-of: todo-chatbot
app.kubernetes.io/managed-by: {{ .ctx.Release.Service }}
{{- end }}

{{/*
Selector labels of one component. Call with (dict "ctx" $ "component" "api").
*/}}
{{- define "chatbot.componentSelectorLabels" -}}
{{ include "chatbot.selectorLabels" .ctx }}
app.kubernetes.io/component: {{ .component }}
{{- end }}

{{/*
Argo CD sync waves; a wave starts once the earlier ones are healthy. -3 inputs (Secrets, SealedSecret,
ConfigMaps, ServiceAccount, NetworkPolicies), -2 the in-cluster database, -1 the migration Job (a Sync
hook), 0 the workloads; the chat-turn smoke Job runs PostSync. Nothing that holds state is a hook: Argo CD
deletes and recreates hooks on every sync.
*/}}
{{- define "chatbot.wave.inputs" -}}argocd.argoproj.io/sync-wave: "-3"{{- end }}
{{- define "chatbot.wave.database" -}}argocd.argoproj.io/sync-wave: "-2"{{- end }}

{{/* Name of the ServiceAccount. */}}
{{- define "chatbot.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "chatbot.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/*
Image tag as a string: defaults to appVersion, "latest" is refused. `--set tag=1234567` (an all-digit short
sha) arrives as an int64 and prints exactly; a number from a values file is a float64 that YAML may already
have mangled (0123 is octal, long digit runs lose precision), so it is refused. Call with (dict "ctx" $ "image" ...).
*/}}
{{- define "chatbot.imageTag" -}}
{{- $tag := .image.tag }}
{{- if kindIs "float64" $tag }}
{{- fail (printf "image tag %v is a number: quote it in the values file (tag: \"...\") or use --set-string" $tag) }}
{{- end }}
{{- if or (kindIs "int64" $tag) (kindIs "int" $tag) }}{{ $tag = toString $tag }}{{ end }}
{{- $tag = default (toString .ctx.Chart.AppVersion) $tag }}
{{- if eq $tag "latest" }}
{{- fail "image tag \"latest\" is not allowed: set an immutable tag (the git sha)" }}
{{- end }}
{{- $tag }}
{{- end }}

{{/*
Image reference repository:tag, or repository:tag@digest once CI pinned the digest it pushed: the kubelet
then pulls exactly that manifest, whatever the tag points at later. Call with (dict "ctx" $ "image" ...).
*/}}
{{- define "chatbot.image" -}}
{{- $reference := printf "%s:%s" .image.repository (include "chatbot.imageTag" .) }}
{{- with .image.digest }}{{ $reference = printf "%s@%s" $reference . }}{{ end }}
{{- $reference }}
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
{{- if le (int .Values.web.terminationGracePeriodSeconds) (int .Values.web.preStopSleepSeconds) }}
{{- fail "web.terminationGracePeriodSeconds must exceed web.preStopSleepSeconds" }}
{{- end }}
{{- with .Values.ingress }}{{ if .enabled }}
{{- $url := urlParse $.Values.publicUrl }}
{{- $publicHost := regexReplaceAll ":[0-9]+$" $url.host "" }}
{{- if ne (include "chatbot.ingressHost" $) $publicHost }}
{{- fail (printf "ingress.host %q must be the host of publicUrl %q: sign-in only trusts publicUrl" .host $.Values.publicUrl) }}
{{- end }}
{{- if regexMatch "^[0-9.]+$" $publicHost }}
{{- fail (printf "ingress needs a DNS name, not the IP in publicUrl %q (e.g. todo.<ip>.nip.io)" $.Values.publicUrl) }}
{{- end }}
{{- if and .tls.enabled (ne $url.scheme "https") }}
{{- fail (printf "ingress.tls.enabled needs an https publicUrl, not %q" $.Values.publicUrl) }}
{{- end }}
{{- end }}{{ end }}
{{- end }}

{{/* Host of the Ingress: ingress.host, else publicUrl's host without its port. */}}
{{- define "chatbot.ingressHost" -}}
{{- .Values.ingress.host | default (regexReplaceAll ":[0-9]+$" (urlParse .Values.publicUrl).host "") }}
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

{{/*
TRUSTED_PROXIES for web and api: the proxies whose X-Forwarded-For is believed (rate limits, logs key on
the client address); with the Ingress on, its controller's addresses too. Nothing when the list is empty.
*/}}
{{- define "chatbot.trustedProxiesEnv" -}}
{{- $proxies := concat .Values.trustedProxies (ternary .Values.ingress.trustedProxies list .Values.ingress.enabled) }}
{{- with $proxies }}
TRUSTED_PROXIES: {{ join "," . | quote }}
{{- end }}
{{- end }}
