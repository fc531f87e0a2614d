{{/*
The pod spec of a test running a node script in the api image (node 22 with fetch). Call with
(dict "ctx" $ "name" "health" "script" "..."). The label component=test is the one the api NetworkPolicy admits.
*/}}
{{- define "chatbot.testPodSpec" -}}
{{- $ := .ctx }}
restartPolicy: Never
serviceAccountName: {{ include "chatbot.serviceAccountName" $ }}
automountServiceAccountToken: false
{{- with $.Values.imagePullSecrets }}
imagePullSecrets:
  {{- toYaml . | nindent 2 }}
{{- end }}
securityContext:
  {{- include "chatbot.podSecurityContext" (dict "uid" 1000) | nindent 2 }}
containers:
  - name: {{ .name }}
    image: {{ include "chatbot.image" (dict "ctx" $ "image" $.Values.api.image) | quote }}
    imagePullPolicy: {{ $.Values.api.image.pullPolicy }}
    command:
      - node
      - -e
      - {{ .script | toYaml | indent 8 | trim }}
    env:
      - name: WEB_URL
        value: {{ printf "http://%s:%v" (include "chatbot.webName" $) $.Values.web.service.port | quote }}
      - name: API_URL
        value: {{ printf "http://%s:%v" (include "chatbot.apiName" $) $.Values.api.service.port | quote }}
      - name: PUBLIC_URL
        value: {{ $.Values.publicUrl | quote }}
      - name: TEST_MESSAGE
        value: {{ $.Values.tests.message | quote }}
    resources:
      requests:
        cpu: 50m
        memory: 64Mi
      limits:
        cpu: 200m
        memory: 128Mi
    securityContext:
      {{- include "chatbot.containerSecurityContext" (dict "uid" 1000) | nindent 6 }}
    volumeMounts:
      - name: tmp
        mountPath: /tmp
volumes:
  - name: tmp
    emptyDir:
      sizeLimit: 16Mi
{{- end }}

{{/* A helm test Pod (`helm test` only; Argo CD ignores helm test hooks). Same arguments as chatbot.testPodSpec. */}}
{{- define "chatbot.testPod" -}}
{{- $c := dict "ctx" .ctx "component" "test" }}
apiVersion: v1
kind: Pod
metadata:
  name: {{ include "chatbot.fullname" .ctx }}-test-{{ .name }}
  labels:
    {{- include "chatbot.componentLabels" $c | nindent 4 }}
  annotations:
    helm.sh/hook: test
    helm.sh/hook-delete-policy: before-hook-creation
spec:
  {{- include "chatbot.testPodSpec" . | nindent 2 }}
{{- end }}

{{/*
A test Job run by `helm test` and, as a PostSync hook, after every Argo CD sync: its failure fails the sync.
Kept until the next sync for its logs. Same arguments as chatbot.testPodSpec.
*/}}
{{- define "chatbot.testJob" -}}
{{- $c := dict "ctx" .ctx "component" "test" }}
apiVersion: batch/v1
kind: Job
metadata:
  name: {{ include "chatbot.fullname" .ctx }}-test-{{ .name }}
  labels:
    {{- include "chatbot.componentLabels" $c | nindent 4 }}
  annotations:
    helm.sh/hook: test
    helm.sh/hook-delete-policy: before-hook-creation
    argocd.argoproj.io/hook: PostSync
    argocd.argoproj.io/hook-delete-policy: BeforeHookCreation
spec:
  # Two retries cover a pod that starts while the rollout settles; the deadline bounds a hung turn.
  backoffLimit: 2
  activeDeadlineSeconds: 300
  template:
    metadata:
      labels:
        {{- include "chatbot.componentLabels" $c | nindent 8 }}
    spec:
      {{- include "chatbot.testPodSpec" . | nindent 6 }}
{{- end }}
